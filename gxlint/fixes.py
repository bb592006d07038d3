"""``--fix`` / ``--diff``: apply the fixes rules attach to their diagnostics.

Safe fixes only unless ``unsafe``; the edits of one fix are applied together or not at all, and a
fix that overlaps one already taken waits for the next run (as in ruff). Only text, Markdown and
HTML files are edited, and only when the bytes on disk are still the ones that were linted and
decode and re-encode without loss: a fix must never damage a report. Writes are atomic (a
temporary file in the same directory, then ``os.replace``) and keep the file's encoding, byte
order mark, line endings and permissions. With ``write=False`` nothing is touched: the unified
diff says what ``--fix`` would do.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, field, replace
from typing import Optional

from . import regexes
from .diagnostics import Diagnostic, Edit
from .engine import FileResult
from .readers import ReadError, kind_for_path, read_bytes

FIXABLE_KINDS = ("text", "markdown", "html")
_LINE_BREAK = regexes.compile(r"\r\n|\r|\n")
_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


@dataclass
class FixOutcome:
    """What a fix run did: the diff, how many findings it fixed, what is left, what went wrong."""

    diff: str = ""
    fixed: int = 0
    results: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files that had fixes but could not be edited


def apply(results: list[FileResult], *, unsafe: bool, write: bool) -> FixOutcome:
    """Apply the applicable fixes of ``results``; write the files only when ``write`` is true."""
    outcome = FixOutcome()
    diffs: list[str] = []
    for result in results:
        wanted = [d for d in result.diagnostics if d.fix is not None and d.fix.edits and (d.fix.safe or unsafe)]
        if not wanted:
            outcome.results.append(result)
            continue
        try:
            fixed, remaining, diff = _fix_file(result, wanted, write)
        except (OSError, ValueError, ReadError) as error:
            outcome.errors.append(f"{result.path}: {error}")
            outcome.results.append(result)
            continue
        outcome.fixed += len(fixed)
        diffs.append(diff)
        outcome.results.append(replace(result, diagnostics=remaining))
    outcome.diff = "".join(diffs)
    return outcome


def _fix_file(result: FileResult, wanted: list[Diagnostic], write: bool):
    document = result.document
    kind = document.kind if document is not None else kind_for_path(result.path)
    if kind not in FIXABLE_KINDS:
        raise ValueError(f"无法自动修复 {kind or '未知'} 格式的文件（只修复 txt、md、html）")
    path = os.path.realpath(result.path)  # a symlink keeps pointing at the fixed file
    with open(path, "rb") as handle:
        data = handle.read()
    encoding, bom = _encoding(document, data)
    text = _decode(data, encoding, bom)
    if _encode(text, encoding, bom) != data:
        raise ValueError(f"文件不能按 {encoding} 无损地重新编码，未修改")
    if document is not None and _view(read_bytes(data, result.path)) != _view(document):
        raise ValueError("文件在检查之后被修改过，未修复；请重新运行 gxlint")
    starts = _line_starts(text)
    newline = document.newline if document is not None else _dominant_newline(text)

    taken: list[tuple[int, int]] = []
    fixed: list[Diagnostic] = []
    remaining: list[Diagnostic] = []
    replacements: list[tuple[int, int, str]] = []
    for diagnostic in sorted(result.diagnostics, key=Diagnostic.sort_key):
        if diagnostic not in wanted:
            remaining.append(diagnostic)
            continue
        ranges = [_offsets(edit, starts, text) for edit in diagnostic.fix.edits]
        if any(r is None for r in ranges) or any(
            _overlaps([r], taken + ranges[:i]) for i, r in enumerate(ranges)
        ):
            remaining.append(diagnostic)
            continue
        taken.extend((start, end) for start, end in ranges)
        replacements.extend(
            (start, end, _with_newline(edit.text, newline)) for (start, end), edit in zip(ranges, diagnostic.fix.edits)
        )
        fixed.append(diagnostic)
    new_text = text
    for start, end, insert in sorted(replacements, key=lambda r: (r[0], r[1]), reverse=True):
        new_text = new_text[:start] + insert + new_text[end:]
    diff = _unified_diff(result.path, text, new_text)
    if write and new_text != text:
        _write_atomically(path, _encode(new_text, encoding, bom))
        remaining = _shifted(remaining, replacements, text)
    return fixed, remaining, diff


def _view(document) -> list[tuple[int, int, str]]:
    """What the rules saw: the reader's lines and where they came from."""
    return [(line.origin_line, line.origin_column, line.text) for line in document.lines]


def _encoding(document, data: bytes) -> tuple[str, bool]:
    if document is not None:
        return document.encoding, document.bom
    from .readers.encoding import decode

    decoded = decode(data)
    return decoded.encoding, decoded.bom


def _decode(data: bytes, encoding: str, bom: bool) -> str:
    mark = _BOMS.get(encoding.lower(), b"") if bom else b""
    if mark and data.startswith(mark):
        data = data[len(mark) :]
    return data.decode(encoding)


def _encode(text: str, encoding: str, bom: bool) -> bytes:
    mark = _BOMS.get(encoding.lower(), b"") if bom else b""
    return mark + text.encode(encoding)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    return starts


def _dominant_newline(text: str) -> str:
    from .readers.text import split_lines

    return split_lines(text)[1]


def _offsets(edit: Edit, starts: list[int], text: str) -> Optional[tuple[int, int]]:
    """Character offsets of an edit, or None when it points outside the file."""
    start = _offset(edit.line, edit.column, starts, text)
    end = _offset(edit.end_line, edit.end_column, starts, text)
    if start is None or end is None or end < start:
        return None
    return start, end


def _offset(line: int, column: int, starts: list[int], text: str) -> Optional[int]:
    if line < 1 or column < 1 or line > len(starts):
        return None
    line_end = starts[line] if line < len(starts) else len(text)
    content_end = len(text[starts[line - 1] : line_end].rstrip("\r\n")) + starts[line - 1]
    offset = starts[line - 1] + column - 1
    return offset if offset <= content_end else None


def _overlaps(ranges: list[tuple[int, int]], taken: list[tuple[int, int]]) -> bool:
    """Two edits conflict when they share a character or insert at the same point."""
    for start, end in ranges:
        for other_start, other_end in taken:
            if start < other_end and other_start < end:
                return True
            if start == end == other_start or other_start == other_end == start:
                return True
    return False


def _with_newline(text: str, newline: str) -> str:
    return _LINE_BREAK.sub(newline, text) if newline != "\n" else text


def _unified_diff(path: str, before: str, after: str) -> str:
    if before == after:
        return ""
    shown = path.replace(os.sep, "/")
    old, new = (shown, shown) if os.path.isabs(path) else (f"a/{shown}", f"b/{shown}")  # git apply -p1
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), old, new)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def _shifted(remaining: list[Diagnostic], replacements: list[tuple[int, int, str]], text: str) -> list[Diagnostic]:
    """Move the findings left after a write by the lines the fixes added or removed above them."""
    if not remaining:
        return remaining
    starts = _line_starts(text)
    deltas = []
    for start, end, insert in replacements:
        added = len(_LINE_BREAK.findall(insert)) - len(_LINE_BREAK.findall(text[start:end]))
        if added:
            deltas.append((bisect.bisect_right(starts, end), added))
    if not deltas:
        return remaining
    moved = []
    for diagnostic in remaining:
        shift = sum(added for line, added in deltas if line < diagnostic.line)
        if shift:
            diagnostic = replace(
                diagnostic,
                line=diagnostic.line + shift,
                end_line=None if diagnostic.end_line is None else diagnostic.end_line + shift,
            )
        moved.append(diagnostic)
    return moved


def _write_atomically(path: str, data: bytes) -> None:
    directory, name = os.path.split(path)
    mode = stat.S_IMODE(os.stat(path).st_mode)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".gxlint-tmp", dir=directory or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
