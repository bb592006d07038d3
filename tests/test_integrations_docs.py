"""The documentation builds (``mkdocs build --strict``), and what it shows is what the code does."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from .integrations_support import (
    EXAMPLE_PLUGIN,
    ROOT,
    example_linter,
    install_example_plugin,
    run_gxlint,
)

DOCS = ROOT / "docs"


def test_mkdocs_build_strict(tmp_path):
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
    )
    assert build.returncode == 0, build.stderr
    from gxlint.plugins import load

    for code in load().rules:  # one generated page per installed rule
        assert (site / "rules" / code / "index.html").is_file(), code
    index = (site / "rules" / "index.html").read_text(encoding="utf-8")
    assert "GX201" in index or "GX005" in index


def test_every_page_in_docs_is_in_the_navigation():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0])
    nav = yaml.safe_load("nav:" + (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[1].split("\nnot_in_nav:")[0])
    listed = set(re.findall(r"[\w/-]+\.md", yaml.safe_dump(nav)))
    assert config["docs_dir"] == "docs"
    assert {p.name for p in DOCS.glob("*.md")} <= listed


def test_rule_pages_show_docstring_examples_as_code():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_rule_docs
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    from tests.integrations_support import example_module

    rule = example_module().RegulationTitleWithoutBookMarks
    rule.plugin = "example"
    page = gen_rule_docs.render([rule])["rules/GX901.md"]
    assert page.startswith(gen_rule_docs.HEADER + "# GX901 `regulation-title-without-book-marks`\n")
    assert "**Bad**\n\n```text\n一、总体情况\n本机关严格落实中华人民共和国政府信息公开条例要求。\n```" in page
    assert "[tool.gxlint.rules.GX901]\nshort-form = true\n" in page


def test_plugin_guide_shows_the_example_plugin_exactly():
    guide = (DOCS / "plugins.md").read_text(encoding="utf-8")
    for name in ("pyproject.toml", "gxlint_example/__init__.py", "gxlint_example/rules.py"):
        shown = re.search(rf"`examples/plugin/{re.escape(name)}`.*?```\w+\n(.*?)```", guide, re.S)
        assert shown is not None, name
        assert shown.group(1) == (EXAMPLE_PLUGIN / name).read_text(encoding="utf-8"), name


def test_example_plugin_docstring_examples():
    rule = example_linter().registry.rules["GX901"]
    [bad], [good] = rule.examples()["bad"], rule.examples()["good"]
    linter = example_linter(select=["GX901"])
    assert [d.code for d in linter.lint_bytes(bad.encode("utf-8"), "report.md").diagnostics] == ["GX901"]
    assert linter.lint_bytes(good.encode("utf-8"), "report.md").diagnostics == []


def test_plugin_guide_console_example(tmp_path):
    plugin = install_example_plugin(tmp_path / "packages")
    (tmp_path / "report.md").write_text("一、总体情况\n本机关严格落实中华人民共和国政府信息公开条例要求。\n", encoding="utf-8")
    guide = (DOCS / "plugins.md").read_text(encoding="utf-8")
    run = run_gxlint(["--isolated", "--select", "GX901", "report.md"], tmp_path, plugin)
    assert f"$ gxlint --select GX901 report.md\n{run.stdout}" in guide
    fixed = run_gxlint(["--isolated", "--select", "GX901", "--fix", "report.md"], tmp_path, plugin)
    assert fixed.returncode == 0
    assert f"&& cat report.md\n{(tmp_path / 'report.md').read_text(encoding='utf-8')}```" in guide


def test_action_inputs_are_documented():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    page = (DOCS / "github-action.md").read_text(encoding="utf-8")
    for name in list(action["inputs"]) + list(action["outputs"]):
        assert f"| `{name}` |" in page, name


@pytest.mark.parametrize("page", ["pre-commit.md", "github-action.md", "baseline.md", "suppressions.md", "fixes.md"])
def test_user_guide_pages_have_examples(page):
    assert "```" in (DOCS / page).read_text(encoding="utf-8")


def test_example_rule_leaves_titles_that_contain_the_name_alone():
    linter = example_linter(select=["GX901"])
    text = "一、总体情况\n依据《北京市政府信息公开条例实施办法》和《中华人民共和国政府信息公开条例》办理。\n"
    assert linter.lint_bytes(text.encode("utf-8"), "report.md").diagnostics == []
