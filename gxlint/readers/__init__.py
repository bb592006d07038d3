"""Readers turn a file's bytes into a text view whose lines remember where they came from.

One module per format, chosen by suffix; when the suffix lies (a ``.txt`` that is really HTML or a
``.docx`` that is not a zip), the content decides. Anything unreadable raises :class:`ReadError`
with a message that names the reason; the engine turns it into one ``GX001`` diagnostic.
"""

from __future__ import annotations

import importlib
import os
import stat
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..model import Line
from ..records import NEW_LIST as _NEW_LIST
from ..records import Record

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

MAX_BYTES = 50 * 1024 * 1024


class ReadError(Exception):
    """The file cannot be read as a report; the message says why, for the user."""


@dataclass(init=False, repr=False, eq=False)
class Document(Record):
    """The reader's text view of a file."""

    path: str
    kind: str  # text | markdown | html | docx | pdf
    lines: list[Line]
    encoding: str = "utf-8"
    newline: str = "\n"
    bom: bool = False
    markers: list[tuple[int, str]] = field(default_factory=list)  # (line, comment) for suppressions
    tables: list = field(default_factory=list)  # grid.Grid per table of a structured document

    def __init__(
        self,
        path: str,
        kind: str,
        lines: list[Line],
        encoding: str = "utf-8",
        newline: str = "\n",
        bom: bool = False,
        markers: list[tuple[int, str]] = _NEW_LIST,
        tables: list = _NEW_LIST,
    ) -> None:
        self.path = path
        self.kind = kind
        self.lines = lines
        self.encoding = encoding
        self.newline = newline
        self.bom = bom
        self.markers = [] if markers is _NEW_LIST else markers
        self.tables = [] if tables is _NEW_LIST else tables


ReaderFunc = Callable[[bytes, str], Document]
_plugin_readers: dict[str, ReaderFunc] = {}


def register_reader(kind: str, suffixes: list[str], reader: ReaderFunc) -> None:
    """Used by reader plugins: map suffixes to a new kind and its reader function."""
    _plugin_readers[kind] = reader
    for suffix in suffixes:
        SUFFIXES[suffix.lower()] = kind


def kind_for_path(path: str) -> Optional[str]:
    return SUFFIXES.get(os.path.splitext(path)[1].lower())


def sniff(data: bytes) -> Optional[str]:
    """Guess the format from content when the suffix is missing or wrong."""
    head = data[:2048].lstrip()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    lowered = head.lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"\xef\xbb\xbf<!doctype html", b"\xef\xbb\xbf<html")) or (
        b"<body" in data[:4096].lower() and b"</" in data[:8192]
    ):
        return "html"
    return None


def read_bytes(data: bytes, path: str, kind: Optional[str] = None) -> Document:
    """Read bytes that came from ``path`` (or stdin named ``path``)."""
    if not data:
        raise ReadError("文件为空 (empty file)")
    if len(data) > MAX_BYTES:
        raise ReadError(f"文件过大 ({len(data) // (1024 * 1024)} MB，上限 {MAX_BYTES // (1024 * 1024)} MB)")
    declared = kind or kind_for_path(path)
    sniffed = sniff(data)
    if sniffed and sniffed != declared and (declared in (None, "text", "markdown") or sniffed in ("pdf", "docx")):
        declared = sniffed
    if declared is None:
        declared = "text"
    if declared in _plugin_readers:
        return _plugin_readers[declared](data, path)
    module = importlib.import_module(f".{_MODULES[declared]}", __name__)
    return module.read(data, path)


_MODULES = {"text": "text", "markdown": "text", "html": "html", "docx": "docx", "pdf": "pdf"}


def read_path(path: str) -> Document:
    try:
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # opening a FIFO would wait for a writer
            raise ReadError("不是普通文件，而是管道、设备或套接字 (not a regular file)")
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise ReadError("是目录而不是文件 (is a directory)") from None
    except FileNotFoundError:
        raise ReadError("文件不存在 (no such file)") from None
    except PermissionError:
        raise ReadError("没有读取权限 (permission denied)") from None
    except OSError as error:
        raise ReadError(f"无法读取 ({error.strerror or error})") from None
    return read_bytes(data, path)


__all__ = ["Document", "ReadError", "SUFFIXES", "kind_for_path", "read_bytes", "read_path", "register_reader"]
