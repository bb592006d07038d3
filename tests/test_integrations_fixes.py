"""Fixes: safe by default, unsafe on request, a diff without writing, atomic encoding-keeping writes."""

from __future__ import annotations

import codecs
import os
import stat

from gxlint import fixes
from gxlint.diagnostics import Diagnostic, Edit, Fix, Severity
from gxlint.engine import FileResult

from .integrations_support import FULL, example_linter, report

SAFE = f"本机关落实{FULL}要求。"  # full title: safe fix
UNSAFE = "依据政府信息公开条例办理。"  # short form: unsafe fix


def lint(path) -> list[FileResult]:
    return [example_linter(select=["GX9"]).lint_path(str(path))]


def test_safe_fixes_only_by_default(tmp_path):
    target = tmp_path / "r.md"
    target.write_text(report(SAFE, UNSAFE), encoding="utf-8")
    outcome = fixes.apply(lint(target), unsafe=False, write=True)
    assert outcome.fixed == 1
    assert target.read_text(encoding="utf-8") == report(f"本机关落实《{FULL}》要求。", UNSAFE)
    assert [(d.line, d.code, d.fix.safe) for d in outcome.results[0].diagnostics] == [(3, "GX901", False)]
    assert lint(target)[0].diagnostics == outcome.results[0].diagnostics  # what is left is what a rerun sees


def test_unsafe_fixes_on_request(tmp_path):
    target = tmp_path / "r.md"
    target.write_text(report(SAFE, UNSAFE), encoding="utf-8")
    outcome = fixes.apply(lint(target), unsafe=True, write=True)
    assert (outcome.fixed, outcome.results[0].diagnostics) == (2, [])
    assert target.read_text(encoding="utf-8") == report(f"本机关落实《{FULL}》要求。", "依据《政府信息公开条例》办理。")
    assert lint(target)[0].diagnostics == []


def test_diff_does_not_touch_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "r.md"
    target.write_text(report(SAFE), encoding="utf-8")
    before = target.stat()
    outcome = fixes.apply([example_linter(select=["GX9"]).lint_path("r.md")], unsafe=False, write=False)
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert target.read_text(encoding="utf-8") == report(SAFE)
    assert outcome.diff == (
        f"--- a/r.md\n+++ b/r.md\n@@ -1,5 +1,5 @@\n 一、总体情况\n-{SAFE}\n+本机关落实《{FULL}》要求。\n"
        " 二、主动公开政府信息情况\n 三、收到和处理政府信息公开申请情况\n 四、政府信息公开行政复议、行政诉讼情况\n"
    )
    assert outcome.fixed == 1 and outcome.results[0].diagnostics == []


def test_encoding_bom_line_endings_and_permissions_are_kept(tmp_path):
    text = report(SAFE).replace("\n", "\r\n")
    expected = report(f"本机关落实《{FULL}》要求。").replace("\n", "\r\n")
    cases = {
        "gb18030.txt": (text.encode("gb18030"), lambda t: t.encode("gb18030")),
        "bom.txt": (codecs.BOM_UTF8 + text.encode("utf-8"), lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        "utf16.txt": (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    }
    for name, (data, encode) in cases.items():
        target = tmp_path / name
        target.write_bytes(data)
        os.chmod(target, 0o640)
        outcome = fixes.apply(lint(target), unsafe=False, write=True)
        assert (name, outcome.fixed, outcome.errors) == (name, 1, [])
        assert target.read_bytes() == encode(expected), name
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == sorted(cases)  # no temporary files left behind


def test_a_symlink_stays_a_symlink(tmp_path):
    real = tmp_path / "real.md"
    real.write_text(report(SAFE), encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    fixes.apply(lint(link), unsafe=False, write=True)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == report(f"本机关落实《{FULL}》要求。")


def _diagnostic(line: int, edits: tuple[Edit, ...], path: str) -> Diagnostic:
    return Diagnostic("GX999", "demo", Severity.WARNING, "demo", line, path=path, fix=Fix("demo", edits))


def test_overlapping_fixes_wait_for_the_next_run_and_newlines_follow_the_file(tmp_path):
    target = tmp_path / "r.txt"
    target.write_bytes(b"abcdef\r\nxyz\r\n")
    first = _diagnostic(1, (Edit(1, 2, 1, 4, "--"),), str(target))  # replaces "bc"
    overlapping = _diagnostic(1, (Edit(1, 3, 1, 5, "++"),), str(target))  # "cd": overlaps the first
    newline = _diagnostic(2, (Edit(2, 2, 2, 2, "\n"),), str(target))  # split "xyz" after "x"
    outcome = fixes.apply([FileResult(str(target), [first, overlapping, newline])], unsafe=False, write=True)
    assert outcome.fixed == 2
    assert target.read_bytes() == b"a--def\r\nx\r\nyz\r\n"
    assert [d.fix.edits[0].text for d in outcome.results[0].diagnostics] == ["++"]


def test_edits_outside_the_file_are_not_applied(tmp_path):
    target = tmp_path / "r.txt"
    target.write_bytes(b"abc\n")
    wrong = _diagnostic(1, (Edit(1, 9, 1, 10, "x"),), str(target))
    outcome = fixes.apply([FileResult(str(target), [wrong])], unsafe=False, write=True)
    assert (outcome.fixed, target.read_bytes()) == (0, b"abc\n")


def test_binary_formats_and_changed_files_are_left_alone(tmp_path):
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4 not really")
    result = FileResult(str(pdf), [_diagnostic(1, (Edit(1, 1, 1, 2, "x"),), str(pdf))])
    outcome = fixes.apply([result], unsafe=True, write=True)
    assert outcome.fixed == 0 and "pdf" in outcome.errors[0]
    assert pdf.read_bytes() == b"%PDF-1.4 not really"

    target = tmp_path / "r.md"
    target.write_text(report(SAFE), encoding="utf-8")
    results = lint(target)
    target.write_text(report("有人在检查之后修改了文件。", SAFE), encoding="utf-8")
    outcome = fixes.apply(results, unsafe=False, write=True)
    assert outcome.fixed == 0 and "修改" in outcome.errors[0]
    assert target.read_text(encoding="utf-8") == report("有人在检查之后修改了文件。", SAFE)


def test_html_is_fixed_in_its_source(tmp_path):
    from .test_integrations_suppressions import HTML

    target = tmp_path / "r.html"
    target.write_text(HTML, encoding="utf-8")
    outcome = fixes.apply(lint(target), unsafe=False, write=True)
    assert outcome.fixed == 1  # line 4 is suppressed; line 5 is fixed inside its <p>
    assert target.read_text(encoding="utf-8") == HTML.replace(
        f"<p>依据{FULL}办理。</p>", f"<p>依据《{FULL}》办理。</p>"
    )


def test_a_file_emptied_since_the_check_is_reported_not_fixed(tmp_path):
    target = tmp_path / "r.md"
    target.write_text(report(SAFE), encoding="utf-8")
    results = lint(target)
    target.write_bytes(b"")
    outcome = fixes.apply(results, unsafe=False, write=True)
    assert outcome.fixed == 0 and len(outcome.errors) == 1
    assert target.read_bytes() == b""
