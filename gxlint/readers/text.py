"""Plain text and Markdown: decode, split lines (CRLF, CR, LF) and keep inline suppression comments."""

from __future__ import annotations

import os
import re

from ..model import Line
from . import Document, ReadError
from .encoding import decode

_MARKER = re.compile(r"<!--\s*gxlint\s*:\s*([^>]*?)\s*-->")


def split_lines(text: str) -> tuple[list[str], str]:
    """Split on CRLF, CR or LF as an editor would, and report the dominant line ending."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    newline = "\r\n" if crlf >= max(lf, lone_cr) and crlf else ("\r" if lone_cr > lf else "\n")
    parts = re.split(r"\r\n|\r|\n", text) if crlf or lone_cr else text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    return parts, newline


def read(data: bytes, path: str) -> Document:
    decoded = decode(data)
    text = decoded.text
    if not text.strip():
        raise ReadError("文件没有任何文字 (no text)")
    raw_lines, newline = split_lines(text)
    kind = "markdown" if os.path.splitext(path)[1].lower() in (".md", ".markdown") else "text"
    if "\ufeff" in text:  # a BOM pasted mid-file (files joined together) is not text
        raw_lines = [t.replace("\ufeff", "") for t in raw_lines]
    lines = [Line(t, i, i) for i, t in enumerate(raw_lines, 1)]
    markers = [
        (line.number, m.group(1)) for line in lines if "gxlint" in line.text for m in _MARKER.finditer(line.text)
    ]
    return Document(path, kind, lines, decoded.encoding, newline, decoded.bom, markers)
