"""Which files a run looks at: directories walked recursively, report suffixes only, excludes honoured.

Directories are pruned by name while walking (``exclude = ["drafts"]``) or by path
(``exclude = ["reports/2019"]``); a file named on the command line is linted whatever its suffix,
unless an exclude pattern matches it (the flake8 way).
"""

from __future__ import annotations

import os
from typing import Iterator

from .config.patterns import matcher, matches_any
from .readers import SUFFIXES


def is_report(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in SUFFIXES


def discover(paths: list[str], exclude: list[str], force_exclude: bool = False) -> Iterator[str]:
    """Yield report files under ``paths``, each once, in a stable (sorted-walk) order.

    ``force_exclude`` (``--force-exclude``, passed by the pre-commit hook, which names every file)
    also skips a named path inside an excluded directory, as the walk would have pruned it.
    """
    seen: set[str] = set()
    for path in paths:
        if matches_any(path, exclude) or (force_exclude and _in_excluded_directory(path, exclude)):
            continue
        if os.path.isdir(path):
            yield from _walk(path, exclude, seen)
        else:
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield path


def _in_excluded_directory(path: str, exclude: list[str]) -> bool:
    """Whether a directory between the current directory and ``path`` matches an exclude."""
    relative = os.path.relpath(os.path.abspath(path))
    if relative == ".." or relative.startswith(".." + os.sep):
        return False  # outside the project: its parent directories are not the project's to exclude
    parent = os.path.dirname(relative)
    while parent:
        if matches_any(parent, exclude):
            return True
        parent = os.path.dirname(parent)
    return False


def _walk(root: str, exclude: list[str], seen: set[str]) -> Iterator[str]:
    visited_dirs: set[str] = set()
    excluded = matcher(exclude)  # compiled once for the walk: every file of the tree is tested
    for directory, subdirs, files in os.walk(root, followlinks=True):
        real_dir = os.path.realpath(directory)
        if real_dir in visited_dirs:  # a symlink loop
            subdirs[:] = []
            continue
        visited_dirs.add(real_dir)
        subdirs[:] = sorted(d for d in subdirs if not excluded(os.path.join(directory, d)))
        for name in sorted(files):
            path = os.path.join(directory, name)
            if not is_report(name) or excluded(path):
                continue
            # The real path of a file that is not itself a link is its directory's real path and
            # its name: one lstat instead of realpath's one per path component.
            real = os.path.realpath(path) if os.path.islink(path) else os.path.join(real_dir, name)
            if real in seen:
                continue
            seen.add(real)
            yield path
