"""Every output format through the CLI, fed the same diagnostics, with the same exit status.

Expected positions are read off the report text by hand (see tests/test_cli.py): GX991 at 2:4–2:9,
GX992 at 3:5–3:10, GX993 at 3:12–3:17.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.cli.main import main
from gxlint.formatting.github import escape_data, escape_property

from .plugin_pkg import demo_project

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
FORMATS = ("default", "pretty", "json", "sarif", "github")


@pytest.fixture
def project(tmp_path, monkeypatch):
    demo_project(tmp_path, monkeypatch)
    (tmp_path / "子目录").mkdir()
    (tmp_path / "子目录" / "年报 2023.md").write_text("一、总体情况\n【演示错误】\n", encoding="utf-8")
    return tmp_path


def gxlint(capsys, *argv: str) -> tuple[int, str]:
    status = main(["--isolated", "--jobs", "1", *argv])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("argv", "status"), [(["--select", "GX99"], 1), (["--select", "GX993", "--fail-on", "warning"], 0), (["--select", "GX99", "--exit-zero"], 0)])
def test_exit_status_is_the_same_for_every_format(project, capsys, fmt, argv, status):
    assert gxlint(capsys, "--format", fmt, *argv, "report.txt")[0] == status


@pytest.mark.parametrize("fmt", FORMATS)
def test_usage_error_is_2_for_every_format(project, capsys, fmt):
    assert gxlint(capsys, "--format", fmt, "--select", "GX999", "report.txt")[0] == 2


def test_unknown_format_is_exit_2(project, capsys):
    assert main(["--isolated", "--format", "xml", "report.txt"]) == 2
    err = capsys.readouterr().err
    assert "unknown format 'xml'" in err and "sarif" in err


def test_json_fields(project, capsys):
    _, out = gxlint(capsys, "--format", "json", "--select", "GX99", "report.txt", "子目录")
    items = json.loads(out)
    assert [(i["path"], i["line"], i["column"], i["code"]) for i in items] == [
        ("report.txt", 2, 4, "GX991"),
        ("report.txt", 3, 5, "GX992"),
        ("report.txt", 3, 12, "GX993"),
        ("子目录/年报 2023.md", 2, 1, "GX991"),
    ]
    first = items[0]
    assert first["name"] == "demo-error-marker"
    assert first["severity"] == "error"
    assert first["message"] == "演示标记「【演示错误】」"
    assert (first["end_line"], first["end_column"]) == (2, 9)
    assert [i["severity"] for i in items[:3]] == ["error", "warning", "info"]


def test_json_of_no_findings_is_an_empty_array(project, capsys):
    (project / "clean.txt").write_text("一、总体情况\n没有标记。\n", encoding="utf-8")
    assert gxlint(capsys, "--format", "json", "--select", "GX99", "clean.txt") == (0, "[]\n")


def test_sarif_validates_against_the_schema_and_carries_rules_and_locations(project, capsys):
    _, out = gxlint(capsys, "--format", "sarif", "--select", "GX99", "report.txt", "子目录")
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "gxlint"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(rules) == {"GX991", "GX992", "GX993", "GX994", "GX995"}  # the enabled rules
    assert rules["GX991"]["name"] == "demo-error-marker"
    assert rules["GX991"]["shortDescription"]["text"] == "Marks every line that contains the demo error marker."
    assert "Bad::" in rules["GX991"]["fullDescription"]["text"] and "Good::" in rules["GX991"]["help"]["text"]
    assert [rules[c]["defaultConfiguration"]["level"] for c in ("GX991", "GX992", "GX993")] == ["error", "warning", "note"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["GX991", "GX992", "GX993", "GX991"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    location = results[1]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "report.txt", "uriBaseId": "%SRCROOT%"}
    # columns count characters; SARIF's endColumn is one past the last character
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 11}
    assert results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "%E5%AD%90%E7%9B%AE%E5%BD%95/%E5%B9%B4%E6%8A%A5%202023.md"
    )
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.resolve().as_uri() + "/"


def test_sarif_without_findings_still_validates(project, capsys):
    (project / "clean.txt").write_text("一、总体情况\n没有标记。\n", encoding="utf-8")
    status, out = gxlint(capsys, "--format", "sarif", "--select", "GX99", "clean.txt")
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert status == 0 and log["runs"][0]["results"] == []


def test_github_workflow_commands(project, capsys):
    _, out = gxlint(capsys, "--format", "github", "--select", "GX99", "report.txt")
    assert out.splitlines() == [
        "::error file=report.txt,line=2,col=4,endLine=2,endColumn=9,title=GX991::演示标记「【演示错误】」",
        "::warning file=report.txt,line=3,col=5,endLine=3,endColumn=10,title=GX992::演示标记「【演示警告】」",
        "::notice file=report.txt,line=3,col=12,endLine=3,endColumn=17,title=GX993::演示标记「【演示提示】」",
    ]


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_data("a:b,c") == "a:b,c"  # only properties escape : and ,
    assert escape_property("dir,1/a:b%.txt\n") == "dir%2C1/a%3Ab%25.txt%0A"


def test_github_escapes_the_file_property(project, capsys):
    (project / "a,b:c.txt").write_text("一、总体情况\n【演示错误】\n", encoding="utf-8")
    _, out = gxlint(capsys, "--format", "github", "--select", "GX991", "a,b:c.txt")
    assert out == "::error file=a%2Cb%3Ac.txt,line=2,col=1,endLine=2,endColumn=6,title=GX991::演示标记「【演示错误】」\n"


def test_pretty_groups_by_file_with_source_caret_and_summary(project, capsys):
    _, out = gxlint(capsys, "--format", "pretty", "--select", "GX99", "report.txt", "子目录")
    lines = out.splitlines()
    assert lines[0] == "report.txt  (3)"
    assert lines[1].split() == ["2:4", "GX991", "error", "演示标记「【演示错误】」", "[demo-error-marker]"]
    assert lines[2] == "    本行有【演示错误】。"
    assert lines[3] == "          ^" + "~" * 11
    assert "子目录/年报 2023.md  (1)" in lines
    assert "按规则统计" in out and "按文件统计" in out
    summary = [line for line in lines if "GX991" in line and "│" in line]
    assert summary and summary[0].split("│")[4].strip() == "2"  # GX991 twice over both files
    assert lines[-1] == "共 4 个问题，涉及 2 个文件"
    assert "\x1b[" not in out  # no colour when the output is not a terminal


def test_pretty_uses_colour_by_severity_when_forced(project, capsys, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out = gxlint(capsys, "--format", "pretty", "--select", "GX99", "report.txt")
    assert "\x1b[1;31mGX991" in out  # error: bold red
    assert "\x1b[33mGX992" in out  # warning: yellow
    assert "\x1b[36mGX993" in out  # info: cyan


def test_pretty_prints_report_brackets_literally(project, capsys):
    (project / "markup.txt").write_text("一、总体情况\n[bold]【演示错误】[/bold]\n", encoding="utf-8")
    _, out = gxlint(capsys, "--format", "pretty", "--select", "GX991", "markup.txt")
    assert "    [bold]【演示错误】[/bold]" in out.splitlines()


def test_pretty_without_findings(project, capsys):
    (project / "clean.txt").write_text("一、总体情况\n没有标记。\n", encoding="utf-8")
    assert gxlint(capsys, "--format", "pretty", "--select", "GX99", "clean.txt") == (0, "未发现问题（检查了 1 个文件）\n")


def test_columns_count_characters_not_bytes(project, capsys):
    (project / "wide.txt").write_text("一、总体情况\n𠀀é中【演示错误】\n", encoding="utf-8")
    _, out = gxlint(capsys, "--select", "GX991", "wide.txt")
    assert out == "wide.txt:2:4: GX991 演示标记「【演示错误】」\n"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=6), max_size=4))
def test_json_output_is_exactly_the_standard_indented_dump(records):
    from gxlint.formatting.json import render_indented

    assert render_indented(records) == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
