"""Third-party plugins: built and pip-installed from tests/plugin_pkg, then used by a subprocess.

The demo package registers GX991–GX995 and a ``demo-count`` format; the broken package registers
one entry point that fails to import and one whose hook raises. gxlint must list, select, run and
document the demo rules, name the broken plugins and their hooks, and go on.
"""

from __future__ import annotations

import json

import pytest

from gxlint.cli.main import main

from .plugin_pkg import (
    BROKEN,
    REPORT,
    FakeEntryPoint,
    demo_only,
    installed_plugins,
    run_gxlint,
    use_demo_plugin,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return installed_plugins(tmp_path_factory)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def test_rules_lists_the_plugin_rules_and_names_the_broken_plugins(site, project):
    done = run_gxlint(["rules", "--format", "json"], project, site)
    assert done.returncode == 0
    rules = {rule["code"]: rule for rule in json.loads(done.stdout)}
    assert rules["GX991"] == {
        "code": "GX991",
        "name": "demo-error-marker",
        "severity": "error",
        "family": "other",
        "plugin": "demo",
        "summary": "Marks every line that contains the demo error marker.",
        "options": {"marker": "【演示错误】"},
    }
    assert {"GX992", "GX993", "GX994", "GX995"} <= set(rules)
    assert "GX001" in rules  # the engine's own rules are listed too
    assert "'broken_import'" in done.stderr and "'import'" in done.stderr and "gxlint_no_such_dependency" in done.stderr
    assert "'broken_hook'" in done.stderr and "'gxlint_rules'" in done.stderr and "hook fails" in done.stderr


def test_rules_table(site, project):
    done = run_gxlint(["rules"], project, site, env={"COLUMNS": "200"})
    row = next(line for line in done.stdout.splitlines() if "GX991" in line)
    assert [cell.strip() for cell in row.strip("│ ").split("│")] == [
        "GX991", "demo-error-marker", "error", "Marks every line that contains the demo error marker.",
    ]


def test_rule_prints_the_plugin_rule_documentation(site, project):
    done = run_gxlint(["rule", "GX991"], project, site)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0] == "GX991 demo-error-marker"
    assert "plugin: demo" in lines[1]
    assert "Marks every line that contains the demo error marker." in lines
    assert "Bad::" in lines and "Good::" in lines
    assert '    marker = "【演示错误】"' in lines


def test_plugin_rule_is_selected_and_run_while_broken_plugins_are_reported(site, project):
    done = run_gxlint(["--select", "GX991", "report.txt"], project, site)
    assert done.stdout == "report.txt:2:4: GX991 演示标记「【演示错误】」\n"
    assert done.returncode == 2  # a plugin error, although the run went on
    assert "GX003 plugin 'broken_import' failed in hook 'import'" in done.stderr
    assert "GX003 plugin 'broken_hook' failed in hook 'gxlint_rules'" in done.stderr


def test_ignoring_gx003_turns_plugin_failures_into_warnings(site, project):
    done = run_gxlint(["--select", "GX99", "--extend-ignore", "GX003", "--fail-on", "error", "report.txt"], project, site)
    assert done.returncode == 1
    assert "gxlint: warning: GX003 plugin 'broken_import'" in done.stderr
    assert done.stdout.splitlines()[0] == "report.txt:2:4: GX991 演示标记「【演示错误】」"


def test_built_in_rules_still_run_next_to_a_broken_plugin(site, project):
    (project / "empty.txt").write_bytes(b"")
    done = run_gxlint(["--select", "GX001,GX991", "empty.txt", "report.txt"], project, site)
    assert done.stdout.splitlines()[0].startswith("empty.txt:1:1: GX001 ")
    assert done.stdout.splitlines()[1] == "report.txt:2:4: GX991 演示标记「【演示错误】」"


def test_plugin_format(tmp_path_factory, project):
    done = run_gxlint(["--select", "GX99", "--format", "demo-count", "report.txt"], project, demo_only(tmp_path_factory))
    assert (done.returncode, done.stdout, done.stderr) == (1, "3 findings in 1 files\n", "")


def test_duplicate_code_is_exit_2_naming_both_plugins(tmp_path, monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(BROKEN))
    use_demo_plugin(monkeypatch, FakeEntryPoint("dup", "gxlint_broken.duplicate_code"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    assert main(["--isolated", "report.txt"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "GX991" in captured.err and "'demo'" in captured.err and "'dup'" in captured.err
    assert main(["rules"]) == 2
    assert "'dup'" in capsys.readouterr().err


def test_one_module_under_two_entry_points_is_loaded_once(tmp_path, monkeypatch, capsys):
    use_demo_plugin(monkeypatch, FakeEntryPoint("demo-again", "gxlint_demo"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    assert main(["--isolated", "--select", "GX991", "report.txt"]) == 1
    assert capsys.readouterr() == ("report.txt:2:4: GX991 演示标记「【演示错误】」\n", "")


def test_a_broken_plugin_in_process_is_named_and_the_run_goes_on(tmp_path, monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(BROKEN))
    use_demo_plugin(monkeypatch, FakeEntryPoint("broken_hook", "gxlint_broken.raising_hook"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    assert main(["--isolated", "--select", "GX991", "report.txt"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "report.txt:2:4: GX991 演示标记「【演示错误】」\n"
    assert "plugin 'broken_hook' failed in hook 'gxlint_rules': RuntimeError: the broken plugin's hook fails" in captured.err
