"""Per-file caps and unreadable files, in process: one file costs one finding, the batch goes on."""

from __future__ import annotations

import builtins
import os
import shutil

import pytest

import gxlint.parser
import gxlint.readers
import gxlint.runner
from gxlint.config import Settings
from gxlint.limits import DEFAULT_CAPS_MB, MB, oversize, size_cap
from gxlint.runner import lint_files

from .conftest import SEEDS

GOOD = SEEDS["changde"]


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


@pytest.fixture
def batch(tmp_path):
    """Four copies of a seed report: a.txt, slow.txt, c.txt, d.txt (enough for a pool of two)."""
    paths = []
    for name in ("a.txt", "slow.txt", "c.txt", "d.txt"):
        shutil.copy(GOOD, tmp_path / name)
        paths.append(str(tmp_path / name))
    return paths


@pytest.fixture
def slow_parser(monkeypatch):
    """The parser never returns for files named slow.txt (workers fork and inherit the patch)."""
    real = gxlint.parser.parse

    def parse(document, template="auto"):
        if document.path.endswith("slow.txt"):
            while True:
                pass
        return real(document, template)

    monkeypatch.setattr(gxlint.parser, "parse", parse)


@pytest.fixture
def pools(monkeypatch):
    """How many process pools the runner started."""
    started = []
    real = gxlint.runner._pool_run

    def counted(*args, **kwargs):
        started.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(gxlint.runner, "_pool_run", counted)
    return started


@pytest.mark.parametrize("jobs", [1, 2])
def test_time_cap_stops_one_file_and_the_batch_goes_on(batch, slow_parser, pools, jobs):
    # The cap leaves a normal report (first-report set-up included) room on a busy machine.
    results = lint_files(batch, Settings(max_seconds=2), jobs)
    assert bool(pools) == (jobs == 2)
    assert [os.path.basename(r.path) for r in results] == ["a.txt", "slow.txt", "c.txt", "d.txt"]
    [slow] = results[1].diagnostics
    assert slow.code == "GX004" and "2 秒" in slow.message
    assert codes(results[0]) == codes(results[2]) and codes(results[0])
    assert "GX004" not in codes(results[0])


def test_size_cap_refuses_before_reading(batch, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("an oversized file must not be read")

    monkeypatch.setattr(gxlint.readers, "read_path", never)
    results = lint_files(batch, Settings(max_file_mb=0.001), 1)
    for result in results:
        [finding] = result.diagnostics
        assert finding.code == "GX004" and "超过上限 0.001 MB" in finding.message


def test_size_caps_per_format():
    assert size_cap("r.txt", None) == DEFAULT_CAPS_MB["text"]
    assert size_cap("r.pdf", None) == DEFAULT_CAPS_MB["pdf"]
    assert size_cap("r.unknown", None) == DEFAULT_CAPS_MB["text"]
    assert size_cap("r.pdf", 5.0) == 5.0
    assert size_cap("r.pdf", 0) is None
    assert oversize("r.txt", None, size=int(DEFAULT_CAPS_MB["text"] * MB)) is None
    assert "超过上限 20 MB" in oversize("r.txt", None, size=int(DEFAULT_CAPS_MB["text"] * MB) + 1)
    assert oversize("r.txt", 0, size=10**12) is None
    assert oversize("/nonexistent/r.txt", 1.0) is None  # reading it will say what is wrong


def test_unreadable_file_costs_one_finding(batch, monkeypatch):
    real_open = builtins.open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("slow.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(gxlint.readers, "open", guarded, raising=False)
    results = lint_files(batch, Settings(), 1)
    [denied] = results[1].diagnostics
    assert denied.code == "GX001" and "没有读取权限" in denied.message
    assert codes(results[0]) == codes(results[2]) and codes(results[0])


@pytest.mark.parametrize("jobs", [1, 2])
def test_file_that_vanished_or_became_a_directory(batch, pools, jobs):
    os.remove(batch[1])
    os.mkdir(batch[1].replace("slow.txt", "dir.txt"))
    paths = [batch[0], batch[1], batch[1].replace("slow.txt", "dir.txt"), batch[2]]
    results = lint_files(paths, Settings(), jobs)
    assert bool(pools) == (jobs == 2)
    assert [d.code for d in results[1].diagnostics] == ["GX001"]
    assert "文件不存在" in results[1].diagnostics[0].message
    assert [d.code for d in results[2].diagnostics] == ["GX001"]
    assert "目录" in results[2].diagnostics[0].message
    assert codes(results[0]) == codes(results[3]) and codes(results[0])
