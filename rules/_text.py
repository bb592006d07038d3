"""What the language rules share: the prose of a report as text units, CJK tests, data files, fixes.

A text unit is a paragraph or a heading line: a string plus a way to map a character range back to
the user's file. Table cells are not prose and are never checked for language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Iterator, Optional

from gxlint._toml import toml
from gxlint.diagnostics import Edit, Fix
from gxlint.model import Line, Report, Span

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
FIXABLE_SOURCES = ("text", "markdown")  # whole lines map one-to-one onto the file
EDITABLE_SOURCES = ("text", "markdown", "html")  # characters inside a line do (checked per edit)


@dataclass(frozen=True)
class TextUnit:
    """A paragraph or a heading: its text and the map from offsets to the user's file."""

    text: str
    span_of: Callable[[int, Optional[int]], Span]
    kind: str  # paragraph | title | signature | heading

    def single_line(self, start: int, end: int) -> Optional[Span]:
        """The span of ``text[start:end]`` when it lies on one line of the file, else None."""
        span = self.span_of(start, end)
        if span.end_line not in (None, span.line) or span.end_column is None:
            return None
        if span.end_column - span.column + 1 != end - start:
            return None  # the text view and the file disagree (entities, cells): do not edit
        return span


def text_units(report: Report) -> Iterator[TextUnit]:
    """Every paragraph and heading of the report, each once, in document order."""
    seen: set[int] = set()
    for paragraph in report.paragraphs():
        seen.update(id(line) for line in paragraph.lines)
        yield TextUnit(paragraph.text, paragraph.span_of, paragraph.kind)
    for section in report.headings():
        if id(section.line) in seen:
            continue
        line = section.line
        yield TextUnit(line.text, _line_span(line), "heading")


def _line_span(line: Line) -> Callable[[int, Optional[int]], Span]:
    def span_of(start: int, end: Optional[int] = None) -> Span:
        return line.span(start, start + 1 if end is None else end)

    return span_of


def has_cjk(text: str) -> bool:
    return CJK_CHAR.search(text) is not None


@functools.cache
def load_data(name: str) -> dict:
    """A TOML data file shipped in this package (lexicons, allow-lists)."""
    text = resources.files("gxlint_rules").joinpath(name).read_text(encoding="utf-8")
    return toml.loads(text)


def fixable(report: Report, whole_lines: bool = False) -> bool:
    """Whether fixes may edit the user's file.

    Characters inside one line can be replaced in text, Markdown and HTML sources (each edit is
    checked with ``TextUnit.single_line``); whole lines can be deleted only in text and Markdown,
    where a line of the text view is a line of the file.
    """
    return report.source_kind in (FIXABLE_SOURCES if whole_lines else EDITABLE_SOURCES)


def replace_fix(description: str, span: Span, text: str, safe: bool) -> Fix:
    """Replace the characters of a one-line ``span`` (inclusive end) with ``text``.

    ``Edit`` ends are exclusive, as in ruff and LSP: the column after the last replaced character.
    """
    end_column = (span.end_column or span.column) + 1
    edit = Edit(span.line, span.column, span.end_line or span.line, end_column, text)
    return Fix(description, (edit,), safe=safe)


def quote(text: str, limit: int = 24) -> str:
    """``text`` shortened for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
