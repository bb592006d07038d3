"""Inline suppressions: disable / enable / disable-next-line comments and GX005 for stale ones."""

from __future__ import annotations

from gxlint.config import Settings
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.engine import Linter
from gxlint.engine_rules import ENGINE_RULES
from gxlint.plugins import Registry
from gxlint.suppressions import directives, parse_marker

from .integrations_support import FULL, example_linter, example_module, report, run_gxlint

MENTION = f"本机关落实{FULL}要求。"  # GX901 (example plugin) at column 6 of its line


def findings(text: str, path: str = "report.md", **kwargs) -> list[tuple[int, str]]:
    result = example_linter(**kwargs).lint_bytes(text.encode("utf-8"), path)
    return [(d.line, d.code) for d in result.diagnostics]


def test_without_comments_every_mention_is_reported():
    assert findings(report(MENTION, MENTION)) == [(2, "GX901"), (3, "GX901")]


def test_disable_next_line_silences_only_the_next_line():
    text = report(MENTION, "<!-- gxlint: disable-next-line GX901 -->", MENTION, MENTION)
    # line 2 before the comment and line 5 after the silenced line 4 are still reported
    assert findings(text) == [(2, "GX901"), (5, "GX901")]


def test_disable_until_enable():
    text = report("<!-- gxlint: disable GX901 -->", MENTION, MENTION, "<!-- gxlint: enable GX901 -->", MENTION)
    assert findings(text) == [(6, "GX901")]


def test_disable_without_codes_silences_everything_to_the_end():
    text = report(MENTION, "<!-- gxlint: disable -->", MENTION, MENTION)
    assert findings(text) == [(2, "GX901")]


def test_enable_one_code_keeps_the_others_disabled():
    text = report("<!-- gxlint: disable GX901,GX902 -->", MENTION, "<!-- gxlint: enable GX901 -->", MENTION)
    assert findings(text, select=["GX9"]) == [(5, "GX901")]
    [directive], _ = directives([(2, "disable GX901,GX902"), (4, "enable GX901")])
    assert directive.covers(_finding("GX902", 5)) and not directive.covers(_finding("GX901", 5))
    assert directive.covers(_finding("GX901", 3))


def _finding(code: str, line: int) -> Diagnostic:
    return Diagnostic(code, "name", Severity.WARNING, "message", line)


def test_family_prefix():
    assert findings(report("<!-- gxlint: disable GX9 -->", MENTION)) == []


def test_unused_suppression_is_reported_at_the_comment():
    text = report("<!-- gxlint: disable-next-line GX901 -->", "本机关落实《" + FULL + "》要求。")
    result = example_linter().lint_bytes(text.encode("utf-8"), "report.md")
    [diagnostic] = result.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (2, 1, "GX005")
    assert diagnostic.message == "「gxlint: disable-next-line GX901」没有抑制任何问题，可以删除"


def test_only_the_unused_codes_of_a_comment_are_named():
    text = report("<!-- gxlint: disable-next-line GX901,GX005 -->", MENTION)
    result = example_linter().lint_bytes(text.encode("utf-8"), "report.md")
    assert [(d.line, d.code, d.message) for d in result.diagnostics] == [
        (2, "GX005", "「gxlint: disable-next-line」中的 GX005 没有抑制任何问题，可以从指令中删除")
    ]


def test_no_unused_finding_when_gx005_is_not_enabled():
    text = report("<!-- gxlint: disable-next-line GX901 -->", "无关的句子。")
    assert findings(text, select=["GX9"]) == []


def test_no_unused_finding_for_codes_the_run_does_not_check():
    # GX901 is not selected: nobody knows whether the comment would silence something
    text = report("<!-- gxlint: disable-next-line GX901 -->", "无关的句子。")
    assert findings(text, select=["GX005"]) == []


def test_blanket_disable_is_unused_only_when_every_rule_runs():
    # only the engine's rules and GX901 are installed here, so "every rule" is known to find nothing
    rules = {rule.code: rule for rule in (*ENGINE_RULES, example_module().RegulationTitleWithoutBookMarks)}
    text = report("<!-- gxlint: disable -->", "无关的句子。").encode("utf-8")
    everything = Linter(Settings(select=["GX"]), Registry(rules=rules)).lint_bytes(text, "report.md")
    assert [(d.line, d.code) for d in everything.diagnostics] == [(2, "GX005")]
    not_everything = Linter(Settings(select=["GX"], ignore=["GX2"]), Registry(rules=rules)).lint_bytes(text, "report.md")
    assert not_everything.diagnostics == []


def test_malformed_directive_is_reported():
    text = report("<!-- gxlint: disabel GX901 -->", "无关的句子。")
    result = example_linter().lint_bytes(text.encode("utf-8"), "report.md")
    assert [(d.line, d.code) for d in result.diagnostics] == [(2, "GX005")]
    assert "disabel GX901" in result.diagnostics[0].message


def test_parse_marker_accepts_the_whole_comment_or_its_inside():
    for comment in ("disable GX501, GX502", "<!-- gxlint: disable GX501，GX502 -->", "gxlint:DISABLE gx501 gx502"):
        directive, why = parse_marker(7, comment)
        assert why == ""
        assert (directive.line, directive.action, directive.codes) == (7, "disable", ("GX501", "GX502"))
    directive, why = parse_marker(1, "disable X1")
    assert directive is None and "X1" in why


def test_plain_text_reports_honour_comments_too():
    assert findings(report("<!-- gxlint: disable-next-line GX901 -->", MENTION), path="report.txt") == []


def test_cli_suppression_and_unused_comment(tmp_path):
    """Through the real command line: GX002 (not a report) is silenced by a comment on line 1."""
    notice = "会议通知：请各单位于周五前报送材料。\n"
    (tmp_path / "silenced.md").write_text("<!-- gxlint: disable GX002 -->\n" + notice, encoding="utf-8")
    (tmp_path / "reported.md").write_text(notice, encoding="utf-8")
    silenced = run_gxlint(["silenced.md"], tmp_path)
    assert (silenced.returncode, silenced.stdout) == (0, "")
    reported = run_gxlint(["reported.md"], tmp_path)
    assert reported.returncode == 1
    assert reported.stdout.startswith("reported.md:1:1: GX002 ")


HTML = """<html><body>
<h2>一、总体情况</h2>
<!-- gxlint: disable-next-line GX901 -->
<p>本机关落实中华人民共和国政府信息公开条例要求。</p>
<p>依据中华人民共和国政府信息公开条例办理。</p>
<h2>二、主动公开政府信息情况</h2>
<h2>三、收到和处理政府信息公开申请情况</h2>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
<h2>五、存在的主要问题及改进情况</h2>
<h2>六、其他需要报告的事项</h2>
</body></html>
"""


def test_html_comments_silence_the_next_source_line():
    assert findings(HTML, path="report.html") == [(5, "GX901")]


def test_a_stale_comment_can_itself_be_silenced():
    stale = "<!-- gxlint: disable-next-line GX901 -->"  # the next line has no GX901 finding
    assert findings(report(stale, "无关的句子。")) == [(2, "GX005")]
    assert findings(report("<!-- gxlint: disable-next-line GX005 -->", stale, "无关的句子。")) == []
    # a comment silencing GX005 where there is none is stale itself
    assert findings(report("<!-- gxlint: disable-next-line GX005 -->", "无关的句子。")) == [(2, "GX005")]


def test_family_comment_is_not_called_unused_when_part_of_the_family_is_off():
    text = report("<!-- gxlint: disable-next-line GX9 -->", "无关的句子。")
    assert findings(text) == [(2, "GX005")]
    settings = Settings(ignore=["GX902"])
    assert findings(text, settings=settings) == []
    settings = Settings(per_file_ignores={"*.md": ["GX902"]})
    assert findings(text, settings=settings) == []
    assert findings(text, settings=settings, path="report.txt") == [(2, "GX005")]
