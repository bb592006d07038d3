"""Baseline, fixes and the example plugin through the real command line.

The example plugin (examples/plugin, rule GX901) is pip-installed into a temporary directory and
found through its ``gxlint`` entry point, exactly as a user's plugin would be.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .integrations_support import FULL, install_example_plugin, report, run_gxlint

SAFE = f"本机关落实{FULL}要求。"  # safe fix
UNSAFE = "依据政府信息公开条例办理。"  # unsafe fix
FIXED_SAFE = f"本机关落实《{FULL}》要求。"
FIXED_UNSAFE = "依据《政府信息公开条例》办理。"


@pytest.fixture(scope="module")
def plugin(tmp_path_factory) -> Path:
    return install_example_plugin(tmp_path_factory.mktemp("site") / "packages")


def gxlint(plugin: Path, cwd: Path, *args: str):
    return run_gxlint(["--isolated", "--select", "GX005,GX9", *args], cwd, plugin)


def test_the_installed_plugin_is_loaded_and_documented(plugin, tmp_path):
    (tmp_path / "r.md").write_text(report(SAFE), encoding="utf-8")
    run = gxlint(plugin, tmp_path, "r.md")
    assert run.returncode == 1
    assert run.stdout == f"r.md:2:6: GX901 法规名称「{FULL}」缺少书名号，应写作《{FULL}》\n"
    shown = run_gxlint(["rule", "GX901"], tmp_path, plugin)
    assert shown.returncode == 0 and "regulation-title-without-book-marks" in shown.stdout


def test_fix_applies_safe_fixes_and_unsafe_ones_on_request(plugin, tmp_path):
    target = tmp_path / "r.md"
    target.write_text(report(SAFE, UNSAFE), encoding="utf-8")
    run = gxlint(plugin, tmp_path, "--fix", "r.md")
    assert target.read_text(encoding="utf-8") == report(FIXED_SAFE, UNSAFE)
    assert (run.returncode, run.stdout) == (1, "r.md:3:3: GX901 法规名称「政府信息公开条例」缺少书名号，应写作《政府信息公开条例》\n")
    run = gxlint(plugin, tmp_path, "--fix", "--unsafe-fixes", "r.md")
    assert (run.returncode, run.stdout) == (0, "")
    assert target.read_text(encoding="utf-8") == report(FIXED_SAFE, FIXED_UNSAFE)


def test_diff_shows_the_fixes_and_writes_nothing(plugin, tmp_path):
    target = tmp_path / "r.md"
    target.write_text(report(SAFE, UNSAFE), encoding="utf-8")
    run = gxlint(plugin, tmp_path, "--diff", "--unsafe-fixes", "r.md")
    assert run.returncode == 1  # there is something to fix
    assert target.read_text(encoding="utf-8") == report(SAFE, UNSAFE)
    assert run.stdout.splitlines()[:2] == ["--- a/r.md", "+++ b/r.md"]
    assert f"-{SAFE}" in run.stdout.splitlines() and f"+{FIXED_SAFE}" in run.stdout.splitlines()
    assert f"+{FIXED_UNSAFE}" in run.stdout.splitlines()


def test_baseline_survives_lines_inserted_above_and_reports_only_new_findings(plugin, tmp_path):
    target = tmp_path / "r.md"
    target.write_text(report(SAFE), encoding="utf-8")
    written = gxlint(plugin, tmp_path, "--write-baseline", "baseline.json", "r.md")
    assert written.returncode == 0
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["path"], e["code"], e["count"]) for e in entries] == [("r.md", "GX901", 1)]

    target.write_text(report("第一段新增内容。", "第二段新增内容。", SAFE), encoding="utf-8")
    assert gxlint(plugin, tmp_path, "r.md").stdout.startswith("r.md:4:6: GX901")  # it moved down two lines
    run = gxlint(plugin, tmp_path, "--baseline", "baseline.json", "r.md")
    assert (run.returncode, run.stdout) == (0, "")

    target.write_text(report("第一段新增内容。", SAFE, UNSAFE), encoding="utf-8")
    run = gxlint(plugin, tmp_path, "--baseline", "baseline.json", "r.md")
    assert run.returncode == 1
    assert run.stdout.startswith("r.md:4:3: GX901") and len(run.stdout.splitlines()) == 1

    target.write_text(report(FIXED_SAFE), encoding="utf-8")
    run = gxlint(plugin, tmp_path, "--baseline", "baseline.json", "r.md")
    assert (run.returncode, run.stdout) == (0, "")
    assert "1 baseline entries no longer found" in run.stderr


def test_suppression_comments_through_the_cli(plugin, tmp_path):
    (tmp_path / "r.md").write_text(report("<!-- gxlint: disable-next-line GX901 -->", SAFE, SAFE), encoding="utf-8")
    run = gxlint(plugin, tmp_path, "r.md")
    assert (run.returncode, run.stdout.splitlines()) == (1, [f"r.md:4:6: GX901 法规名称「{FULL}」缺少书名号，应写作《{FULL}》"])


def test_force_exclude_skips_named_files_in_excluded_directories(tmp_path):
    """pre-commit names every staged file; --force-exclude keeps the configuration's excludes."""
    (tmp_path / "gxlint.toml").write_text('select = ["GX0"]\nextend-exclude = ["drafts"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "notice.txt").write_text("会议通知：请各单位于周五前报送材料。\n", encoding="utf-8")
    named = run_gxlint(["drafts/notice.txt"], tmp_path)
    assert named.returncode == 1 and named.stdout.startswith("drafts/notice.txt:1:1: GX002")
    forced = run_gxlint(["--force-exclude", "drafts/notice.txt"], tmp_path)
    assert (forced.returncode, forced.stdout) == (0, "")


def test_the_example_rule_on_the_seed_reports(plugin, tmp_path):
    """Checked by hand: only seed 000 cites the regulation without 《》, twice on line 7
    (「严格落实政府信息公开条例要求」 and 「把政府信息公开条例作为」)."""
    seeds = sorted((Path(__file__).parent / "fixtures").glob("00[0-4]_*.txt"))
    assert len(seeds) == 5
    run = gxlint(plugin, tmp_path, *map(str, seeds))
    found = [line.split(": GX901")[0].rsplit("/", 1)[-1] for line in run.stdout.splitlines()]
    assert found == ["000_914a51cc45050283.txt:7:186", "000_914a51cc45050283.txt:7:230"]


def test_force_exclude_looks_only_at_directories_inside_the_current_one(tmp_path, monkeypatch):
    from gxlint.files import discover

    report_file = tmp_path / "build" / "site" / "reports" / "2023.md"
    report_file.parent.mkdir(parents=True)
    report_file.write_text("一、总体情况\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "build" / "site")
    # "build" is a default exclude, but it is above the project: the named file is linted
    assert list(discover([str(report_file)], ["build"], force_exclude=True)) == [str(report_file)]
    assert list(discover(["reports/2023.md"], ["build"], force_exclude=True)) == ["reports/2023.md"]
    assert list(discover(["reports/2023.md"], ["reports"], force_exclude=True)) == []
    assert list(discover(["reports/2023.md"], ["reports"], force_exclude=False)) == ["reports/2023.md"]
