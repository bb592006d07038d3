"""Baselines: accept today's findings, report only new ones (``--write-baseline`` / ``--baseline``).

A baseline entry names a file, a code and a fingerprint of the offending text — the diagnostic's
``snippet``, else the text of the line it points at — never the line number, so lines inserted or
deleted above a finding do not invalidate it. The same text found twice is one entry with
``count: 2``; a third occurrence is new. The file is JSON with its entries sorted, so that it
diffs cleanly in review::

    {
      "gxlint_baseline": 1,
      "entries": [
        {"path": "reports/2023.md", "code": "GX501", "fingerprint": "3f1c…", "count": 1,
         "message": "…"}
      ]
    }

Paths are stored relative to the baseline file's directory with ``/`` separators, so the baseline
keeps matching whatever directory gxlint runs from. ``message`` is for the reviewer only.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import replace
from typing import Optional

from . import regexes
from .diagnostics import Diagnostic
from .engine import FileResult

FORMAT_VERSION = 1
_SPACE = regexes.compile(r"\s+")


class BaselineError(Exception):
    """The baseline file cannot be read or is not a gxlint baseline; the message says why."""


def write(path: str, results: list[FileResult]) -> int:
    """Record every diagnostic of ``results`` in the baseline at ``path``; return the entry count."""
    base = _base_dir(path)
    counts: Counter = Counter()
    messages: dict[tuple[str, str, str], str] = {}
    for result in results:
        for key, diagnostic in _keyed(result, base):
            counts[key] += 1
            messages.setdefault(key, diagnostic.message)
    entries = [
        {"path": key[0], "code": key[1], "fingerprint": key[2], "count": counts[key], "message": messages[key]}
        for key in sorted(counts)
    ]
    document = {"gxlint_baseline": FORMAT_VERSION, "entries": entries}
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    temporary = f"{path}.tmp"
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(temporary, path)
    return len(entries)


def apply(path: str, results: list[FileResult]) -> tuple[list[FileResult], int]:
    """Drop the diagnostics the baseline at ``path`` accepts.

    Returns the filtered results and how many accepted findings were not seen again (fixed, or
    their text changed): the number of baseline entries — counting ``count`` — that are gone.
    """
    base = _base_dir(path)
    remaining = load(path)
    filtered: list[FileResult] = []
    for result in results:
        kept: list[Diagnostic] = []
        for key, diagnostic in _keyed(result, base):
            if remaining.get(key, 0) > 0:
                remaining[key] -= 1
            else:
                kept.append(diagnostic)
        filtered.append(replace(result, diagnostics=kept) if len(kept) != len(result.diagnostics) else result)
    return filtered, sum(remaining.values())


def load(path: str) -> Counter:
    """The accepted findings of a baseline file: ``(path, code, fingerprint) → count``."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"baseline file {path!r} does not exist (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BaselineError(f"cannot read baseline file {path!r}: {error}") from None
    if not isinstance(data, dict) or data.get("gxlint_baseline") != FORMAT_VERSION or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{path!r} is not a gxlint baseline (version {FORMAT_VERSION})")
    counts: Counter = Counter()
    for entry in data["entries"]:
        try:
            key = (str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))
            counts[key] += int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path!r}: malformed entry {entry!r}") from None
    return counts


def fingerprint(code: str, text: str) -> str:
    """A short stable hash of a code and the offending text (whitespace does not matter)."""
    normalized = _SPACE.sub(" ", text).strip()
    return hashlib.sha256(f"{code}\0{normalized}".encode()).hexdigest()[:16]


def _keyed(result: FileResult, base: str):
    """Each diagnostic of a result with its baseline key, in file order."""
    lines: Optional[dict[int, str]] = None
    relative = _relative(result.path, base)
    for diagnostic in sorted(result.diagnostics, key=Diagnostic.sort_key):
        text = diagnostic.snippet
        if not text.strip():
            if lines is None:
                lines = _lines_of(result)
            # no text to point at (an unreadable file): the message is the most stable thing left
            text = lines.get(diagnostic.line, "") or diagnostic.message
        yield (relative, diagnostic.code, fingerprint(diagnostic.code, text)), diagnostic


def _lines_of(result: FileResult) -> dict[int, str]:
    """The file's text by line; re-read from disk when a worker process dropped the document."""
    document = result.document
    if document is None:
        from .readers import read_path

        try:
            document = read_path(result.path)
        except Exception:  # unreadable now: fingerprints fall back to the message
            return {}
    by_line: dict[int, list[str]] = {}
    for line in document.lines:
        by_line.setdefault(line.origin_line, []).append(line.text)
    return {number: " ".join(parts) for number, parts in by_line.items()}


def _base_dir(path: str) -> str:
    return os.path.dirname(os.path.abspath(path))


def _relative(path: str, base: str) -> str:
    if path in ("-", "") or path.startswith("<"):
        return path
    try:
        relative = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive on Windows
        relative = os.path.abspath(path)
    return relative.replace(os.sep, "/")
