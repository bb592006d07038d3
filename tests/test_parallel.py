"""``--jobs 2`` prints exactly what ``--jobs 1`` prints, on a generated corpus of varied reports."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    paths = _make_corpus().build(50, out, seed=7)
    (out / "d000" / "broken.docx").write_bytes(b"not a zip")
    (out / "d000" / "empty.txt").write_bytes(b"")
    return out, paths


def lint(corpus_dir: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gxlint", "--no-cache", *options, "."], cwd=corpus_dir, capture_output=True, timeout=300
    )


@pytest.mark.parametrize("output", [(), ("--format", "json")])
def test_jobs_2_output_is_byte_identical_to_jobs_1(corpus, output):
    root, paths = corpus
    one = lint(root, "--jobs", "1", *output)
    two = lint(root, "--jobs", "2", *output)
    assert one.returncode == two.returncode == 1
    assert b"Traceback" not in one.stderr + two.stderr
    assert one.stdout == two.stdout
    text = one.stdout.decode("utf-8")
    assert "broken.docx" in text and "empty.txt" in text
    assert sum(path.name in text for path in paths) > 40  # most generated reports have findings
