"""Running many files: ``--jobs``, worker failures, cross-report rules, start-up cost, ``python -m``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gxlint import runner
from gxlint.cli.main import main
from gxlint.config import Settings
from gxlint.engine import FileResult, Linter
from gxlint.plugins import load

from .conftest import SEEDS
from .plugin_pkg import REPORT, demo_only, run_gxlint, use_demo_plugin

HEAVY = ("rich", "lxml", "docx", "pdfplumber", "charset_normalizer", "zhconv", "multiprocessing")


def _corpus(directory: Path) -> Path:
    """Two seed reports plus demo-marked files, in a directory of their own."""
    directory.mkdir()
    for name in ("changde", "hedong"):
        shutil.copy(SEEDS[name], directory / SEEDS[name].name)
    for index in range(4):
        (directory / f"demo_{index}.md").write_text(REPORT * (index + 1), encoding="utf-8")
    return directory


def test_jobs_do_not_change_the_output(tmp_path, tmp_path_factory):
    site = demo_only(tmp_path_factory)
    _corpus(tmp_path / "reports")
    one = run_gxlint(["--isolated", "--no-cache", "--jobs", "1", "reports"], tmp_path, site)
    two = run_gxlint(["--isolated", "--no-cache", "--jobs", "2", "reports"], tmp_path, site)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert "reports/demo_3.md:11:4: GX991 " in one.stdout  # the fourth copy of the report, line 2 of it
    as_json = [run_gxlint(["--isolated", "--no-cache", "--jobs", j, "--select", "GX99", "--format", "json", "reports"], tmp_path, site) for j in "12"]
    assert as_json[0].stdout == as_json[1].stdout
    assert len(json.loads(as_json[0].stdout)) == 30  # three markers in each of 1 + 2 + 3 + 4 copies


@pytest.mark.parametrize("crashing", ["a.txt", "b.txt"])
def test_a_crashing_worker_costs_one_file(tmp_path, tmp_path_factory, crashing):
    site = demo_only(tmp_path_factory)
    names = ("a.txt", "b.txt", "c.txt", "d.txt")  # two files per worker: a pool is used
    for name in names:
        (tmp_path / name).write_text(REPORT, encoding="utf-8")
    (tmp_path / crashing).write_text("一、总体情况\n【演示崩溃】\n", encoding="utf-8")
    done = run_gxlint(["--isolated", "--jobs", "2", "--select", "GX0,GX991,GX995", "."], tmp_path, site, env={"GXLINT_DEMO_CRASH": "1"})
    assert done.returncode == 1
    for name, line in zip(names, done.stdout.splitlines()):
        if name == crashing:  # even the first file: none is linted in the parent process
            assert line.startswith(f"./{name}:1:1: GX003 ") and "意外退出" in line
        else:
            assert line == f"./{name}:2:4: GX991 演示标记「【演示错误】」"
    assert len(done.stdout.splitlines()) == 4
    assert "Traceback" not in done.stderr


def test_a_single_file_never_starts_a_pool(tmp_path, monkeypatch, capsys):
    use_demo_plugin(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "three.txt").write_text(REPORT, encoding="utf-8")

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for one file")

    monkeypatch.setattr(runner, "_pool_run", no_pool)
    assert main(["--isolated", "--jobs", "8", "--select", "GX991", "one.txt"]) == 1
    assert capsys.readouterr().out == "one.txt:2:4: GX991 演示标记「【演示错误】」\n"
    # nor do three files: a second worker would have one file only
    assert main(["--isolated", "--jobs", "8", "--select", "GX991", "one.txt", "two.txt", "three.txt"]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_pool_results_are_picklable_without_report_and_carry_documents_only_when_asked(tmp_path):
    paths = [str(SEEDS["changde"]), str(SEEDS["hedong"]), str(tmp_path / "vanished.txt"), str(tmp_path)]
    results = runner.lint_files(paths, Settings(), jobs=2, keep_documents=True)
    assert [r.path for r in results] == paths
    assert all(r.report is None for r in results)
    assert results[0].document.lines[1].text.startswith("一、")  # --fix needs the text
    assert results[1].document is not None and results[1].document.lines  # from a worker too
    lean = runner.lint_files(paths, Settings(), jobs=2)
    assert all(r.document is None and r.report is None for r in lean)
    assert [r.diagnostics for r in lean] == [r.diagnostics for r in results]
    # a file that vanished and one that cannot be read (a directory) cost one GX001 each
    assert [(d.code, d.line) for d in results[2].diagnostics] == [("GX001", 1)]
    assert "文件不存在" in results[2].diagnostics[0].message
    assert [d.code for d in results[3].diagnostics] == ["GX001"]


def test_an_engine_exception_becomes_gx003_for_that_file(monkeypatch):
    def explode(self, path, display=None):
        raise MemoryError("simulated")

    monkeypatch.setattr(Linter, "lint_path", explode)
    results = runner.lint_files(["x.txt", "y.txt"], Settings(), jobs=1)
    assert [[(d.path, d.code) for d in r.diagnostics] for r in results] == [[("x.txt", "GX003")], [("y.txt", "GX003")]]
    assert "MemoryError: simulated" in results[0].diagnostics[0].message


def test_cross_report_rules_run_after_all_files(monkeypatch):
    seen: list[list[str]] = []

    def spy(self, results: list[FileResult]) -> None:
        seen.append([r.path for r in results])

    monkeypatch.setattr(Linter, "check_related", spy)
    paths = [str(SEEDS["changde"]), str(SEEDS["suining"])]
    runner.lint_files(paths, Settings(), jobs=1, registry=load())
    runner.lint_stdin(b"x", "stdin.txt", Settings())
    assert seen == [paths]


def test_settings_reach_the_workers(tmp_path, tmp_path_factory):
    site = demo_only(tmp_path_factory)
    for index in range(4):
        (tmp_path / f"r{index}.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "gxlint.toml").write_text('select = ["GX991"]\n[rules.GX991]\nmarker = "【演示提示】"\n', encoding="utf-8")
    done = run_gxlint(["--jobs", "2", "."], tmp_path, site)
    assert done.stdout.splitlines() == [f"./r{i}.txt:3:12: GX991 演示标记「【演示提示】」" for i in range(4)]


def test_python_m_gxlint_behaves_like_the_gxlint_script(tmp_path):
    (tmp_path / "r.txt").write_text("会议通知：请各单位于周五前报送材料。\n", encoding="utf-8")
    script = Path(sys.executable).parent / "gxlint"
    via_script = subprocess.run([str(script), "--isolated", "r.txt"], cwd=tmp_path, capture_output=True)
    via_module = subprocess.run([sys.executable, "-m", "gxlint", "--isolated", "r.txt"], cwd=tmp_path, capture_output=True)
    assert via_script.returncode == via_module.returncode == 1
    assert via_script.stdout == via_module.stdout
    assert via_module.stdout.decode("utf-8").startswith("r.txt:1:1: GX002 ")
    for argv in (["--version"], ["rule", "GX000"]):
        a = subprocess.run([str(script), *argv], capture_output=True)
        b = subprocess.run([sys.executable, "-m", "gxlint", *argv], capture_output=True)
        assert (a.returncode, a.stdout) == (b.returncode, b.stdout)


def test_one_small_file_does_not_import_heavy_libraries_or_the_pool(tmp_path):
    (tmp_path / "r.txt").write_text(SEEDS["changde"].read_text(encoding="utf-8"), encoding="utf-8")
    probe = (
        "import sys\n"
        "from gxlint.cli.main import main\n"
        "status = main(['r.txt'])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}), status)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert done.stdout.splitlines()[-1] in ("[] 0", "[] 1"), done.stderr


@pytest.mark.parametrize(
    "options",
    [[], ["--statistics", "--count"], ["--format", "json"], ["--output-file", "out.txt"], ["--quiet"], ["--select", "GX999"]],
)
def test_the_command_flushes_everything_before_it_ends_the_process(tmp_path, options):
    """``python -m gxlint`` exits without the interpreter's clean-up once a run is done: the output,
    the output file and the exit status are those of :func:`main` returning."""
    for name, seed in list(SEEDS.items())[:3]:
        shutil.copy(seed, tmp_path / f"{name}.txt")
    argv = ["--isolated", "--no-cache", *options, "."]
    returning = [sys.executable, "-c", "import sys; from gxlint.cli.main import main; sys.exit(main(sys.argv[1:]))"]
    results = []
    for command in (returning, [sys.executable, "-m", "gxlint"]):
        done = subprocess.run([*command, *argv], cwd=tmp_path, capture_output=True, timeout=300)
        written = (tmp_path / "out.txt").read_bytes() if (tmp_path / "out.txt").exists() else None
        results.append((done.returncode, done.stdout, done.stderr, written))
        (tmp_path / "out.txt").unlink(missing_ok=True)
    assert results[0] == results[1]
    assert results[0][0] in (0, 1, 2) and (results[0][1] or results[0][3] or "--quiet" in options or results[0][2])
