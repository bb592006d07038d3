"""Configuration files: discovery, precedence over defaults, the command line over them, errors.

Every test runs the real CLI entry function from a temporary project directory; the demo plugin
(GX991 on ``【演示错误】``, GX992 on ``【演示警告】``, GX993 on ``【演示提示】``) gives findings that can
be read off the report text by hand.
"""

from __future__ import annotations

import pytest

from gxlint.cli.main import main

from .plugin_pkg import REPORT, demo_project

ERROR = "report.txt:2:4: GX991 演示标记「【演示错误】」"
WARNING = "report.txt:3:5: GX992 演示标记「【演示警告】」"
INFO = "report.txt:3:12: GX993 演示标记「【演示提示】」"


@pytest.fixture
def project(tmp_path, monkeypatch):
    demo_project(tmp_path, monkeypatch)
    return tmp_path


def gxlint(capsys, *argv: str) -> tuple[int, list[str], str]:
    status = main(["--jobs", "1", *argv])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("gxlint.toml", 'select = ["GX991"]\n'),
        (".gxlint.toml", 'select = ["GX991"]\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.gxlint]\nselect = ["GX991"]\n'),
    ],
)
def test_each_kind_of_file_is_found(project, capsys, name, text):
    write(project / name, text)
    assert gxlint(capsys, "report.txt")[:2] == (1, [ERROR])


def test_nearest_file_walking_up_wins(project, capsys, monkeypatch):
    write(project / "gxlint.toml", 'select = ["GX991"]\n')
    sub = project / "a" / "b"
    write(sub / "report.txt", REPORT)
    monkeypatch.chdir(sub)
    assert gxlint(capsys, "report.txt")[1] == [ERROR]  # found two levels up
    write(project / "a" / ".gxlint.toml", 'select = ["GX992"]\n')
    assert gxlint(capsys, "report.txt")[1] == [WARNING]  # the nearer one wins


def test_pyproject_without_a_gxlint_table_does_not_hide_a_file_further_up(project, capsys, monkeypatch):
    write(project / "gxlint.toml", 'select = ["GX993"]\n')
    write(project / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(project / "sub" / "report.txt", REPORT)
    monkeypatch.chdir(project / "sub")
    assert gxlint(capsys, "report.txt")[1] == [INFO]


def test_dedicated_file_wins_over_pyproject_in_the_same_directory(project, capsys):
    write(project / "pyproject.toml", '[tool.gxlint]\nselect = ["GX992"]\n')
    write(project / "gxlint.toml", 'select = ["GX991"]\n')
    assert gxlint(capsys, "report.txt")[1] == [ERROR]


def test_config_option_and_isolated_override_discovery(project, capsys):
    write(project / "gxlint.toml", 'select = ["GX991"]\n')
    write(project / "ci" / "strict.toml", 'select = ["GX992"]\n')
    write(project / "ci" / "pyproject.toml", '[tool.gxlint]\nselect = ["GX993"]\n')
    assert gxlint(capsys, "--config", "ci/strict.toml", "report.txt")[1] == [WARNING]
    assert gxlint(capsys, "--config", "ci/pyproject.toml", "report.txt")[1] == [INFO]
    # --isolated: the defaults (every rule) — the demo findings are among them
    status, lines, _ = gxlint(capsys, "--isolated", "report.txt")
    assert {ERROR, WARNING, INFO} <= set(lines)


def test_command_line_overrides_the_file(project, capsys):
    write(project / "gxlint.toml", 'select = ["GX991"]\nfail-on = "error"\nformat = "json"\n')
    assert gxlint(capsys, "--select", "GX992", "--format", "default", "report.txt") == (0, [WARNING], "")
    assert gxlint(capsys, "--select", "GX992", "--format", "default", "--fail-on", "warning", "report.txt")[0] == 1


def test_extend_keys_add_to_the_file(project, capsys):
    write(project / "gxlint.toml", 'select = ["GX991"]\nextend-select = ["GX992"]\n')
    assert gxlint(capsys, "report.txt")[1] == [ERROR, WARNING]
    assert gxlint(capsys, "--extend-select", "GX993", "report.txt")[1] == [ERROR, WARNING, INFO]
    write(project / "gxlint.toml", 'select = ["GX99"]\nignore = ["GX991"]\nextend-ignore = ["GX992"]\n')
    assert gxlint(capsys, "report.txt")[1] == [INFO]
    assert gxlint(capsys, "--extend-ignore", "GX993", "report.txt")[1] == []
    assert gxlint(capsys, "--ignore", "GX993", "report.txt")[1] == [ERROR]  # replaces ignore, keeps extend-ignore


def test_fail_on_template_jobs_max_seconds_and_format_keys(project, capsys):
    write(
        project / "gxlint.toml",
        'select = ["GX992"]\nfail-on = "error"\ntemplate = "2021"\njobs = 2\nmax-seconds = 5\nformat = "github"\n',
    )
    status, lines, _ = gxlint(capsys, "report.txt")
    assert status == 0  # a warning does not reach fail-on = "error"
    assert lines == ["::warning file=report.txt,line=3,col=5,endLine=3,endColumn=10,title=GX992::演示标记「【演示警告】」"]


def test_per_file_ignores_and_exclude_are_relative_to_the_config_file(project, capsys, monkeypatch):
    write(
        project / "gxlint.toml",
        'select = ["GX991"]\nexclude = ["drafts"]\nextend-exclude = ["old/2019.txt"]\n'
        '[per-file-ignores]\n"archive/*.txt" = ["GX99"]\n',
    )
    for name in ("drafts/a.txt", "old/2019.txt", "old/2020.txt", "archive/2018.txt", "sub/archive/keep.txt"):
        write(project / name, REPORT)
    monkeypatch.chdir(project / "sub")  # run from a subdirectory: the patterns keep their meaning
    status, lines, _ = gxlint(capsys, "..")
    assert sorted(line.split(":")[0] for line in lines) == [
        "../old/2020.txt",
        "../report.txt",
        "../sub/archive/keep.txt",
    ]


def test_rule_options_reach_the_rule(project, capsys):
    write(project / "gxlint.toml", 'select = ["GX991"]\n[rules.GX991]\nmarker = "【演示警告】"\n')
    assert gxlint(capsys, "report.txt")[1] == ["report.txt:3:5: GX991 演示标记「【演示警告】」"]
    write(project / "pyproject.toml", '[tool.gxlint]\nselect = ["GX991"]\n[tool.gxlint.rules.GX991]\nmarker = "【演示提示】"\n')
    (project / "gxlint.toml").unlink()
    assert gxlint(capsys, "report.txt")[1] == ["report.txt:3:12: GX991 演示标记「【演示提示】」"]


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ('selec = ["GX991"]\n', ["selec", "unknown key"]),
        ('select = "GX99Z"\n', ["'select'", "GX99Z"]),
        ('select = ["GX999"]\n', ["'select'", "GX999"]),
        ('extend-ignore = ["E501"]\n', ["'extend-ignore'", "E501"]),
        ('fail-on = "fatal"\n', ["'fail-on'", "fatal"]),
        ("jobs = 0\n", ["'jobs'"]),
        ('jobs = "many"\n', ["'jobs'"]),
        ("max-seconds = -1\n", ["'max-seconds'"]),
        ('template = "1999"\n', ["'template'", "1999"]),
        ('format = "xml"\n', ["'format'", "xml"]),
        ('exclude = "drafts"\nper-file-ignores = ["x"]\n', ["'per-file-ignores'"]),
        ('[per-file-ignores]\n"*.txt" = ["GX998"]\n', ["'per-file-ignores'", "GX998"]),
        ('[rules.GX999]\nx = 1\n', ["GX999"]),
        ('[rules.GX991]\ncolour = "red"\n', ["GX991", "colour", "marker"]),
        ('[rules.GX991]\nmarker = 3\n', ["GX991", "marker", "str"]),
        ('[rules.GX992]\nmarker = "x"\n', ["GX992", "marker"]),
        ("select = [\n", ["invalid TOML"]),
        ('cache = "sometimes"\n', ["'cache'", "true or false"]),
        ("cache-dir = 3\n", ["'cache-dir'", "directory"]),
    ],
)
def test_bad_configuration_is_exit_2_naming_file_and_key(project, capsys, text, needles):
    config = write(project / "gxlint.toml", text)
    status, lines, err = gxlint(capsys, "report.txt")
    assert status == 2
    assert lines == []
    assert str(config) in err
    for needle in needles:
        assert needle in err


def test_bad_pyproject_table_names_the_file(project, capsys):
    config = write(project / "pyproject.toml", '[tool.gxlint]\nignor = ["GX1"]\n')
    status, _, err = gxlint(capsys, "report.txt")
    assert status == 2 and str(config) in err and "'ignor'" in err and "[tool.gxlint]" in err


def test_missing_config_file_is_exit_2(project, capsys):
    status, _, err = gxlint(capsys, "--config", "nope.toml", "report.txt")
    assert status == 2 and "nope.toml" in err


def test_isolated_ignores_a_broken_file(project, capsys):
    write(project / "gxlint.toml", "select = [\n")
    assert gxlint(capsys, "--isolated", "--select", "GX991", "report.txt")[:2] == (1, [ERROR])


def test_codes_may_be_a_comma_string_and_lowercase(project, capsys):
    write(project / "gxlint.toml", 'select = "gx991, gx992"\n')
    assert gxlint(capsys, "report.txt")[1] == [ERROR, WARNING]
