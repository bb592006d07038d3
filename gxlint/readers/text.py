"""Plain text and Markdown: decode, split lines (CRLF, CR, LF) and keep inline suppression comments."""

from __future__ import annotations

import os

from .. import regexes
from ..model import Line
from . import Document, ReadError
from .encoding import decode

_MARKER = regexes.compile(r"<!--\s*gxlint\s*:\s*([^>]*?)\s*-->")


def split_lines(text: str) -> tuple[list[str], str]:
    """Split on CRLF, CR or LF as an editor would, and report the dominant line ending."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    newline = "\r\n" if crlf >= max(lf, lone_cr) and crlf else ("\r" if lone_cr > lf else "\n")
    if crlf:
        text = text.replace("\r\n", "\n")  # each CRLF one break, as ``\r\n|\r|\n`` splits, in C
    if lone_cr:
        text = text.replace("\r", "\n")
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    return parts, newline


def read(data: bytes, path: str) -> Document:
    decoded = decode(data)
    text = decoded.text
    if not text or text.isspace():  # stops at the first character of text, without copying it
        raise ReadError("文件没有任何文字 (no text)")
    raw_lines, newline = split_lines(text)
    kind = "markdown" if os.path.splitext(path)[1].lower() in (".md", ".markdown") else "text"
    numbers = range(1, len(raw_lines) + 1)
    lines = list(map(Line, raw_lines, numbers, numbers))  # Line(text, i, i), without a Python loop
    if "\ufeff" in text:  # a BOM pasted mid-file (files joined together) is not text
        _drop_byte_order_marks(lines)
    markers = [
        (line.number, m.group(1)) for line in lines if "gxlint" in line.text for m in _MARKER.finditer(line.text)
    ] if "gxlint" in text else []  # one scan of the text in C spares most files the loop over lines
    return Document(path, kind, lines, decoded.encoding, newline, decoded.bom, markers)


def _drop_byte_order_marks(lines: list[Line]) -> None:
    """Remove U+FEFF from the lines' text. Where it leads the line (the usual case: the start of a
    file joined onto another), the text starts that many columns later in the user's file, so
    findings keep pointing at the right column; a mark inside a line is dropped as well (columns
    after it on that line are then one short, as for any character gxlint removes)."""
    for line in lines:
        text = line.text
        if "\ufeff" not in text:
            continue
        stripped = text.lstrip("\ufeff")
        line.origin_column += len(text) - len(stripped)
        line.text = stripped.replace("\ufeff", "")
