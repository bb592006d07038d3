"""Which files a run looks at: directories walked recursively, report suffixes only, excludes honoured.

Directories are pruned by name while walking (``exclude = ["drafts"]``) or by path
(``exclude = ["reports/2019"]``); a file named on the command line is linted whatever its suffix,
unless an exclude pattern matches it (the flake8 way).
"""

from __future__ import annotations

import os
from typing import Iterator

from .config.patterns import matches_any
from .readers import SUFFIXES


def is_report(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in SUFFIXES


def discover(paths: list[str], exclude: list[str]) -> Iterator[str]:
    """Yield report files under ``paths``, each once, in a stable (sorted-walk) order."""
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            if not matches_any(path, exclude):
                yield from _walk(path, exclude, seen)
        elif not matches_any(path, exclude):
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield path


def _walk(root: str, exclude: list[str], seen: set[str]) -> Iterator[str]:
    visited_dirs: set[str] = set()
    for directory, subdirs, files in os.walk(root, followlinks=True):
        real_dir = os.path.realpath(directory)
        if real_dir in visited_dirs:  # a symlink loop
            subdirs[:] = []
            continue
        visited_dirs.add(real_dir)
        subdirs[:] = sorted(d for d in subdirs if not matches_any(os.path.join(directory, d), exclude))
        for name in sorted(files):
            path = os.path.join(directory, name)
            if not is_report(name) or matches_any(path, exclude):
                continue
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            yield path
