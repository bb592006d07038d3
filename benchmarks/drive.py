"""Lint a directory in parallel without the CLI: ``python benchmarks/drive.py --jobs 2 DIR``.

The benchmark uses the real ``gxlint`` command when it has ``--jobs``; this driver stands in for
it otherwise, with the same pipeline (``gxlint.runner.lint_files`` when present, else a process
pool over :class:`gxlint.engine.Linter`), and prints the same ``path:line:col: CODE message`` lines.
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional

_LINTER = None


def _init() -> None:
    global _LINTER
    from gxlint.config import Settings
    from gxlint.engine import Linter
    from gxlint.plugins import load

    _LINTER = Linter(Settings(), load())


def _lint(path: str):
    return _LINTER.lint_path(path).diagnostics


def lint(paths: list[str], jobs: int) -> list:
    try:
        from gxlint.config import Settings
        from gxlint.runner import lint_files
    except ImportError:
        lint_files = None
    if lint_files is not None:
        results = lint_files(paths, Settings(), jobs)
        return [d for result in results for d in result.diagnostics]
    if jobs <= 1 or len(paths) <= 1:
        _init()
        return [d for path in paths for d in _lint(path)]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=_init) as pool:
        chunks = pool.map(_lint, paths, chunksize=max(1, len(paths) // (jobs * 8)))
        return [d for chunk in chunks for d in chunk]


def main(argv: Optional[list[str]] = None) -> int:
    from gxlint.files import discover

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    paths = list(discover(args.paths, []))
    out = sys.stdout
    for d in lint(paths, args.jobs):
        out.write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
