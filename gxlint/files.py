"""Which files a run looks at: directories walked recursively, report suffixes only, excludes honoured."""

from __future__ import annotations

import fnmatch
import os
from typing import Iterator

from .readers import SUFFIXES


def _excluded(path: str, patterns: list[str]) -> bool:
    normalized = path.replace("\\", "/").rstrip("/")
    base = normalized.rsplit("/", 1)[-1]
    for pattern in patterns:
        pattern = pattern.replace("\\", "/").rstrip("/")
        if fnmatch.fnmatch(base, pattern) or fnmatch.fnmatch(normalized, pattern) or fnmatch.fnmatch(normalized, f"*/{pattern}"):
            return True
    return False


def discover(paths: list[str], exclude: list[str]) -> Iterator[str]:
    """Yield report files under ``paths``; a file named explicitly is yielded whatever its suffix."""
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path, exclude, seen)
        elif not _excluded(path, exclude):
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
        subdirs[:] = sorted(d for d in subdirs if not _excluded(os.path.join(directory, d), exclude))
        for name in sorted(files):
            path = os.path.join(directory, name)
            if os.path.splitext(name)[1].lower() not in SUFFIXES or _excluded(path, exclude):
                continue
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            yield path
