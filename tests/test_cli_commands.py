"""``gxlint rules``, ``gxlint rule CODE``, ``gxlint parse FILE`` and ``gxlint clean`` through the entry function."""

from __future__ import annotations

import json

import pytest

from gxlint.cli.main import main
from gxlint.parser import parse
from gxlint.readers import read_path
from gxlint.serialize import report_to_dict

from .plugin_pkg import use_demo_plugin

# Section headings on lines 2, 4, 5, 6, 7 and 8, written here by hand.
SMALL_REPORT = """某某区人民政府2023年政府信息公开工作年度报告
一、总体情况
本年度，本区持续推进政务公开。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
"""


@pytest.fixture
def demo(monkeypatch, tmp_path):
    use_demo_plugin(monkeypatch)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_rules_json_lists_every_rule_with_its_metadata(demo, capsys):
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    codes = [rule["code"] for rule in rules]
    assert codes == sorted(codes)
    assert {"GX001", "GX002", "GX003", "GX004", "GX005", "GX991"} <= set(codes)
    gx001 = rules[codes.index("GX001")]
    assert (gx001["name"], gx001["severity"], gx001["family"]) == ("unreadable-file", "error", "engine")
    assert gx001["summary"].startswith("The file cannot be read as a report")
    for rule in rules:
        assert set(rule) == {"code", "name", "severity", "family", "plugin", "summary", "options"}


def test_rules_table_has_code_name_severity_summary(demo, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "code" in line and "summary" in line)
    assert [cell.strip() for cell in header.strip("┃ ").split("┃")] == ["code", "name", "severity", "summary"]
    row = next(line for line in out.splitlines() if "GX993" in line)
    assert [cell.strip() for cell in row.strip("│ ").split("│")] == [
        "GX993", "demo-info-marker", "info", "Marks every line that contains the demo information marker.",
    ]


def test_rule_prints_the_docstring(demo, capsys):
    assert main(["rule", "GX002"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "GX002 unparseable-report"
    assert out[1] == "severity: error · family: engine · plugin: gxlint"
    assert out[3] == "The file was read, but no part of an annual report was recognised in it."
    assert "Bad::" in out and "Good::" in out


def test_rule_accepts_lowercase_and_json(demo, capsys):
    assert main(["rule", "gx991", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["code"] == "GX991" and record["options"] == {"marker": "【演示错误】"}
    assert record["doc"].startswith("Marks every line that contains the demo error marker.")


@pytest.mark.parametrize("code", ["GX999", "E501", ""])
def test_unknown_rule_is_exit_2(demo, capsys, code):
    assert main(["rule", code]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "unknown rule code" in captured.err


def test_parse_json_is_the_serialised_report(demo, capsys):
    (demo / "r.txt").write_text(SMALL_REPORT, encoding="utf-8")
    assert main(["parse", "r.txt", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(s["number"], s["line"]) for s in data["sections"]] == [(1, 2), (2, 4), (3, 5), (4, 6), (5, 7), (6, 8)]
    assert data["year"] == 2023 and data["template"] == "gov-2021"
    assert data == json.loads(json.dumps(report_to_dict(parse(read_path("r.txt"))), ensure_ascii=False))


def test_parse_text_is_a_readable_tree(demo, capsys):
    (demo / "r.txt").write_text(SMALL_REPORT, encoding="utf-8")
    assert main(["parse", "r.txt"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "r.txt (text)",
        "  title: 某某区人民政府2023年政府信息公开工作年度报告",
        "  agency: 某某区人民政府",
        "  year: 2023 (from 标题)",
        "  template: gov-2021 (报告年度 2023)",
        "sections:",
        "  一 总体情况  [line 2]",
        "  二 主动公开政府信息情况  [line 4]",
        "  三 收到和处理政府信息公开申请情况  [line 5]",
        "  四 政府信息公开行政复议、行政诉讼情况  [line 6]",
        "  五 存在的主要问题及改进情况  [line 7]",
        "  六 其他需要报告的事项  [line 8]",
        "tables:",
    ]


def test_parse_template_option(demo, capsys):
    (demo / "r.txt").write_text(SMALL_REPORT, encoding="utf-8")
    assert main(["parse", "r.txt", "--format", "json", "--template", "2019"]) == 0
    assert json.loads(capsys.readouterr().out)["template"] == "gov-2019"
    assert main(["parse", "r.txt", "--template", "1999"]) == 2
    assert "1999" in capsys.readouterr().err


def test_parse_unreadable_file_is_exit_2_without_traceback(demo, capsys):
    (demo / "empty.txt").write_bytes(b"")
    assert main(["parse", "empty.txt"]) == 2
    err = capsys.readouterr().err
    assert "empty.txt" in err and "Traceback" not in err
    assert main(["parse", "missing.txt"]) == 2


def test_a_directory_called_rules_is_linted_with_a_dot_slash(demo, capsys):
    (demo / "rules").mkdir()
    (demo / "rules" / "r.txt").write_text("一、总体情况\n【演示错误】\n", encoding="utf-8")
    assert main(["--isolated", "--select", "GX991", "./rules"]) == 1
    assert capsys.readouterr().out == "./rules/r.txt:2:1: GX991 演示标记「【演示错误】」\n"
    assert main(["--isolated", "--select", "GX991", "--", "rules"]) == 1
    assert capsys.readouterr().out == "rules/r.txt:2:1: GX991 演示标记「【演示错误】」\n"


def test_the_entry_function_knows_every_subcommand():
    from gxlint.cli import commands
    from gxlint.cli import main as entry

    assert set(entry.COMMANDS) == set(commands.COMMANDS)


@pytest.fixture
def project(monkeypatch, tmp_path):
    """A project with a configuration file and one report; caches under tmp_path only."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GXLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("GXLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    (tmp_path / "gxlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(SMALL_REPORT, encoding="utf-8")
    return tmp_path


def test_clean_deletes_the_result_cache_of_the_project(project, capsys):
    main(["reports"])
    assert (project / ".gxlint_cache" / "CACHEDIR.TAG").is_file()
    (project / "user-cache" / "gxlint" / "data").mkdir(parents=True)
    capsys.readouterr()
    assert main(["clean"]) == 0
    out = capsys.readouterr().out
    assert f"Removed {project / '.gxlint_cache'}" in out
    assert f"Removed {project / 'user-cache' / 'gxlint' / 'data'}" in out
    assert not (project / ".gxlint_cache").exists() and not (project / "user-cache" / "gxlint" / "data").exists()
    assert (project / "reports" / "a.txt").read_text(encoding="utf-8") == SMALL_REPORT
    assert main(["clean"]) == 0
    assert "No cache to remove" in capsys.readouterr().out


def test_clean_refuses_a_directory_that_is_not_a_gxlint_cache(project, capsys):
    assert main(["clean", "--cache-dir", "reports"]) == 2
    assert "not a gxlint cache directory" in capsys.readouterr().err
    assert (project / "reports" / "a.txt").is_file()


def test_clean_follows_cache_dir_of_the_configuration(project, capsys):
    (project / "gxlint.toml").write_text('cache-dir = "build/lint-cache"\n', encoding="utf-8")
    main(["reports"])
    assert (project / "build" / "lint-cache" / "CACHEDIR.TAG").is_file()
    capsys.readouterr()
    assert main(["clean"]) == 0
    assert not (project / "build" / "lint-cache").exists()
