"""Glob patterns for ``exclude`` and ``per-file-ignores``, the flake8 way.

A pattern without a slash matches a file or directory *name* (``*.md``, ``drafts``). A pattern
with a slash is a path: it is made absolute against the directory it was written relative to (the
configuration file's directory, or the current directory for command-line options) and matched
against the absolute path of the file, so a configuration file means the same thing wherever
gxlint is run from.
"""

from __future__ import annotations

import fnmatch
import os


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
    return any(matches(path, pattern) for pattern in patterns)
