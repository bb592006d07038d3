"""Glob patterns for ``exclude`` and ``per-file-ignores``, the flake8 way.

A pattern without a slash matches a file or directory *name* (``*.md``, ``drafts``). A pattern
with a slash is a path: it is made absolute against the directory it was written relative to (the
configuration file's directory, or the current directory for command-line options) and matched
against the absolute path of the file, so a configuration file means the same thing wherever
gxlint is run from.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from typing import Callable, Optional

from .. import regexes


def normalize(pattern: str, base_dir: str) -> str:
    """Anchor a path-like pattern at ``base_dir``; leave a bare name pattern alone."""
    pattern = pattern.strip().replace("\\", "/")
    stripped = pattern.rstrip("/")
    if "/" not in stripped:
        return stripped
    if os.path.isabs(stripped):
        return stripped
    return os.path.normpath(os.path.join(base_dir, stripped)).replace("\\", "/")


def matches(path: str, pattern: str) -> bool:
    """Whether ``path`` (as the user named it or as found by the walk) matches ``pattern``."""
    normalized = path.replace("\\", "/").rstrip("/")
    if "/" not in pattern:
        return fnmatch.fnmatch(normalized.rsplit("/", 1)[-1], pattern)
    if not os.path.isabs(pattern):
        pattern = normalize(pattern, os.getcwd())
    absolute = os.path.abspath(normalized).replace("\\", "/")
    return fnmatch.fnmatch(absolute, pattern) or absolute.startswith(pattern.rstrip("/") + "/")


def matches_any(path: str, patterns: list[str]) -> bool:
    """``any(matches(path, p) for p in patterns)``, with the patterns compiled once per list.

    A walk over a directory of thousands of reports tests every name against every default
    exclude; one compiled alternation per list does in one regex match what ``fnmatch`` does in
    a Python call per pattern.
    """
    return matcher(patterns)(path)


def matcher(patterns: list[str]) -> Callable[[str], bool]:
    """:func:`matches_any` for one list of patterns, made once for a walk that tests every file.

    Path patterns are anchored at the current directory when the matcher is made.
    """
    if not patterns:
        return _never
    has_paths = any("/" in pattern for pattern in patterns)
    names, paths = _compiled(tuple(patterns), os.getcwd() if has_paths else "")
    match_name = names.match if names is not None else None
    normcase = os.path.normcase

    def matches_one(path: str) -> bool:
        normalized = path.replace("\\", "/").rstrip("/")
        if match_name is not None and match_name(normcase(normalized.rsplit("/", 1)[-1])):
            return True
        if not paths:
            return False
        absolute = os.path.abspath(normalized).replace("\\", "/")
        folded = normcase(absolute)
        return any(glob.match(folded) or absolute.startswith(prefix) for glob, prefix in paths)

    return matches_one


def _never(path: str) -> bool:
    return False


@functools.lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...], cwd: str) -> tuple[Optional[re.Pattern], tuple[tuple[re.Pattern, str], ...]]:
    """The name patterns as one regex, and each path pattern (anchored at ``cwd``) with its prefix."""
    name_globs = [fnmatch.translate(os.path.normcase(p)) for p in patterns if "/" not in p]
    path_globs = []
    for pattern in patterns:
        if "/" in pattern:
            anchored = pattern if os.path.isabs(pattern) else normalize(pattern, cwd)
            path_globs.append((regexes.compile(fnmatch.translate(os.path.normcase(anchored))), anchored.rstrip("/") + "/"))
    return (regexes.compile("|".join(name_globs)) if name_globs else None), tuple(path_globs)
