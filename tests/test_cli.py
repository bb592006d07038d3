"""The lint command through its entry function ``gxlint.cli.main.main(argv)``: every option.

The demo plugin's rules react to marker text, so the expected findings are read off the report
text below by hand: line 2 ``本行有【演示错误】`` → GX991 (error) at column 4; line 3
``第二行有【演示警告】和【演示提示】`` → GX992 (warning) at column 5 and GX993 (info) at column 12.
"""

from __future__ import annotations

import io
import json

import pytest

from gxlint import __version__
from gxlint.cli.main import main

from .plugin_pkg import REPORT, demo_project

EXPECTED = [
    "report.txt:2:4: GX991 演示标记「【演示错误】」",
    "report.txt:3:5: GX992 演示标记「【演示警告】」",
    "report.txt:3:12: GX993 演示标记「【演示提示】」",
]


@pytest.fixture
def project(tmp_path, monkeypatch):
    demo_project(tmp_path, monkeypatch)
    return tmp_path


def gxlint(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--isolated", "--jobs", "1", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_default_output_is_sorted_flake8_lines_and_exit_1(project, capsys):
    status, out, _ = gxlint(capsys, "--select", "GX99", "report.txt")
    assert status == 1
    assert out.splitlines() == EXPECTED


def test_default_path_is_the_current_directory(project, capsys):
    (project / "sub").mkdir()
    (project / "sub" / "b.md").write_text("一、总体情况\n【演示错误】\n", encoding="utf-8")
    status, out, _ = gxlint(capsys, "--select", "GX991")
    assert status == 1
    assert out.splitlines() == ["./report.txt:2:4: GX991 演示标记「【演示错误】」", "./sub/b.md:2:1: GX991 演示标记「【演示错误】」"]


def test_repository_documents_beside_reports_are_not_linted(project, capsys):
    # A README.md in a reports folder is no report: without the default excludes it would get GX002.
    (project / "README.md").write_text("# 本仓库存放年度报告\n", encoding="utf-8")
    (project / "LICENSE.txt").write_text("MIT License\n", encoding="utf-8")
    status, out, _ = gxlint(capsys, "--select", "GX002,GX991")
    assert status == 1
    assert out.splitlines() == ["./report.txt:2:4: GX991 演示标记「【演示错误】」"]


def test_select_extend_select_ignore_extend_ignore(project, capsys):
    assert gxlint(capsys, "--select", "GX991", "report.txt")[1].splitlines() == EXPECTED[:1]
    assert gxlint(capsys, "--select", "GX991", "--extend-select", "GX993", "report.txt")[1].splitlines() == [EXPECTED[0], EXPECTED[2]]
    assert gxlint(capsys, "--select", "GX9", "--ignore", "GX99", "report.txt")[1] == ""
    # the longest prefix wins: GX992 (five characters) beats the ignored GX99 (four)
    assert gxlint(capsys, "--select", "GX9,GX992", "--ignore", "GX99", "report.txt")[1].splitlines() == [EXPECTED[1]]
    assert gxlint(capsys, "--select", "GX99", "--extend-ignore", "GX991,GX993", "report.txt")[1].splitlines() == [EXPECTED[1]]


def test_unknown_code_on_the_command_line_is_a_usage_error(project, capsys):
    status, out, err = gxlint(capsys, "--select", "GX999", "report.txt")
    assert (status, out) == (2, "")
    assert "GX999" in err and "--select" in err
    status, _, err = gxlint(capsys, "--ignore", "E501", "report.txt")
    assert status == 2 and "E501" in err


@pytest.mark.parametrize(
    ("level", "select", "status"),
    [
        ("error", "GX991", 1),
        ("error", "GX992,GX993", 0),
        ("warning", "GX992", 1),
        ("warning", "GX993", 0),
        ("info", "GX993", 1),
    ],
)
def test_fail_on(project, capsys, level, select, status):
    code, out, _ = gxlint(capsys, "--select", select, "--fail-on", level, "report.txt")
    assert code == status
    assert out  # findings below the fail level are still printed


def test_fail_on_rejects_unknown_levels(project, capsys):
    status, _, err = gxlint(capsys, "--fail-on", "fatal", "report.txt")
    assert status == 2 and "fatal" in err


def test_exit_zero_keeps_the_output(project, capsys):
    status, out, _ = gxlint(capsys, "--select", "GX99", "--exit-zero", "report.txt")
    assert status == 0
    assert out.splitlines() == EXPECTED


def test_clean_file_exits_0_with_no_output(project, capsys):
    (project / "clean.txt").write_text("一、总体情况\n没有标记。\n", encoding="utf-8")
    assert gxlint(capsys, "--select", "GX99", "clean.txt") == (0, "", "")


def test_quiet_prints_file_names_then_nothing(project, capsys):
    (project / "clean.txt").write_text("一、总体情况\n没有标记。\n", encoding="utf-8")
    status, out, _ = gxlint(capsys, "--select", "GX99", "-q", "report.txt", "clean.txt")
    assert (status, out) == (1, "report.txt\n")
    status, out, _ = gxlint(capsys, "--select", "GX99", "-qq", "report.txt", "clean.txt")
    assert (status, out) == (1, "")


def test_count_and_statistics(project, capsys):
    (project / "more.txt").write_text("一、总体情况\n【演示错误】\n【演示错误】\n", encoding="utf-8")
    status, out, _ = gxlint(capsys, "--select", "GX99", "--statistics", "--count", "report.txt", "more.txt")
    lines = out.splitlines()
    assert status == 1
    assert lines[:5] == ["more.txt:2:1: GX991 演示标记「【演示错误】」", "more.txt:3:1: GX991 演示标记「【演示错误】」", *EXPECTED]
    assert lines[-4:] == [
        "3     GX991 演示标记「【演示错误】」",
        "1     GX992 演示标记「【演示警告】」",
        "1     GX993 演示标记「【演示提示】」",
        "5",
    ]


def test_count_for_json_goes_to_stderr_so_stdout_stays_json(project, capsys):
    status, out, err = gxlint(capsys, "--select", "GX99", "--format", "json", "--count", "--statistics", "report.txt")
    assert status == 1
    assert len(json.loads(out)) == 3
    assert err.splitlines()[-1] == "3"


def test_show_source_prints_the_line_and_a_caret_by_display_width(project, capsys):
    status, out, _ = gxlint(capsys, "--select", "GX991", "--show-source", "report.txt")
    assert out.splitlines() == [
        EXPECTED[0],
        "本行有【演示错误】。",
        # three wide characters before the marker: six cells; the marker, six wide characters, twelve
        "      ^" + "~" * 11,
    ]


def test_output_file(project, capsys):
    status, out, _ = gxlint(capsys, "--select", "GX99", "--output-file", "found.txt", "report.txt")
    assert (status, out) == (1, "")
    assert (project / "found.txt").read_text(encoding="utf-8").splitlines() == EXPECTED


def test_output_file_in_a_missing_directory_is_exit_2(project, capsys):
    status, _, err = gxlint(capsys, "--select", "GX99", "--output-file", "no/such/dir/out.txt", "report.txt")
    assert status == 2 and "gxlint: error" in err


def test_stdin_with_stdin_filename(project, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("utf-8")), encoding="utf-8"))
    status, out, _ = gxlint(capsys, "--select", "GX99", "-", "--stdin-filename", "reports/2023.md")
    assert status == 1
    assert out.splitlines() == [line.replace("report.txt", "reports/2023.md") for line in EXPECTED]


def test_stdin_without_a_name_is_called_stdin(project, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("gb18030")), encoding="gb18030"))
    status, out, _ = gxlint(capsys, "--select", "GX991", "-")
    assert out.splitlines() == ["stdin:2:4: GX991 演示标记「【演示错误】」"]


def test_per_file_ignores_option(project, capsys):
    (project / "other.txt").write_text(REPORT, encoding="utf-8")
    status, out, _ = gxlint(capsys, "--select", "GX991", "--per-file-ignores", "report.txt:GX99 *.md:GX1", "report.txt", "other.txt")
    assert out.splitlines() == ["other.txt:2:4: GX991 演示标记「【演示错误】」"]


def test_exclude_and_extend_exclude(project, capsys):
    (project / "drafts").mkdir()
    (project / "drafts" / "a.txt").write_text(REPORT, encoding="utf-8")
    (project / "old.txt").write_text(REPORT, encoding="utf-8")
    _, out, _ = gxlint(capsys, "--select", "GX991", "--exclude", "drafts", ".")
    assert sorted({line.split(":")[0] for line in out.splitlines()}) == ["./old.txt", "./report.txt"]
    _, out, _ = gxlint(capsys, "--select", "GX991", "--extend-exclude", "drafts,old.*", ".")
    assert {line.split(":")[0] for line in out.splitlines()} == {"./report.txt"}
    # a path pattern is anchored at the current directory
    _, out, _ = gxlint(capsys, "--select", "GX991", "--exclude", "drafts/a.txt", ".")
    assert {line.split(":")[0] for line in out.splitlines()} == {"./old.txt", "./report.txt"}


def test_files_by_suffix_unless_named(project, capsys):
    (project / "notes.csv").write_text(REPORT, encoding="utf-8")
    (project / "page.md").write_text(REPORT, encoding="utf-8")
    _, out, _ = gxlint(capsys, "--select", "GX991", ".")
    assert {line.split(":")[0] for line in out.splitlines()} == {"./report.txt", "./page.md"}
    _, out, _ = gxlint(capsys, "--select", "GX991", "notes.csv")
    assert out.splitlines() == ["notes.csv:2:4: GX991 演示标记「【演示错误】」"]


def test_missing_file_is_one_gx001(project, capsys):
    status, out, _ = gxlint(capsys, "--select", "GX0", "gone.txt")
    assert status == 1
    assert out.startswith("gone.txt:1:1: GX001 ")


def test_template_option(project, capsys):
    assert gxlint(capsys, "--select", "GX991", "--template", "2019", "report.txt")[0] == 1
    assert gxlint(capsys, "--select", "GX991", "--template", "gov-2021", "report.txt")[0] == 1
    status, _, err = gxlint(capsys, "--template", "1999", "report.txt")
    assert status == 2 and "1999" in err


def test_max_seconds_stops_a_slow_file_with_gx004(project, capsys):
    (project / "slow.txt").write_text("一、总体情况\n【演示超时】\n", encoding="utf-8")
    status, out, _ = gxlint(capsys, "--select", "GX0,GX994", "--max-seconds", "0.5", "slow.txt")
    assert status == 1
    assert out.startswith("slow.txt:1:1: GX004 ")
    assert "0.5" in out


def test_jobs_and_max_seconds_reject_bad_values(project, capsys):
    assert gxlint(capsys, "--jobs", "0", "report.txt")[0] == 2
    assert gxlint(capsys, "--max-seconds", "soon", "report.txt")[0] == 2


def test_unknown_option_is_exit_2(project, capsys):
    status, _, err = gxlint(capsys, "--no-such-option")
    assert status == 2 and "--no-such-option" in err


def test_config_and_isolated_are_exclusive(project, capsys):
    assert main(["--config", "x.toml", "--isolated", "report.txt"]) == 2


def test_version_and_help(project, capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"gxlint {__version__}"
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for needle in ("--select", "--fail-on", "--stdin-filename", "examples:", "gxlint rule GX201", "exit status"):
        assert needle in text


def test_gx003_when_a_rule_raises_and_the_run_goes_on(project, capsys):
    (project / "raises.txt").write_text("一、总体情况\n【演示异常】【演示错误】\n", encoding="utf-8")
    status, out, _ = gxlint(capsys, "--select", "GX003,GX991,GX995", "raises.txt")
    lines = out.splitlines()
    assert status == 1
    assert lines[0].startswith("raises.txt:1:1: GX003 ") and "GX995" in lines[0] and "demo" in lines[0]
    assert lines[1] == "raises.txt:2:7: GX991 演示标记「【演示错误】」"
