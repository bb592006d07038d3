"""Table text → a stream of cell tokens, whatever the layout.

The corpus shows one row per line with ``|`` (or tabs); one cell per line with or without ``|``; cells
separated by blank lines; Markdown pipe tables; HTML/DOCX grids (one structured cell per line);
and PDF text where a row is a label followed by space-separated numbers. All of them flatten to
the same row-major token order, which the binders walk with the template in hand.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from ..model import Line, Span
from ..numbers import looks_like_value

_HTML_BREAK = re.compile(r"<br\s*/?>|</?(?:p|span|div|strong|b)\b[^>]*>", re.IGNORECASE)
MAX_ROW_CHARS = 400  # longer lines are prose or debris, never a row of numbers
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A label followed by space-separated numbers (one is enough when the label is Chinese: table 二
# rows such as ``行政许可 447228``), or three or more numbers alone.
_NUMBER = r"-?\d+(?:\.\d+)?(?:万元|亿元|元)?"  # 采购总金额 is written with its unit: 1112万元
_PDF_ROW = re.compile(rf"^(?P<label>.*?[^\d\s.\-])\s+(?P<nums>{_NUMBER}(?:\s+{_NUMBER})*)\s*$")
_NUMBERS_ONLY = re.compile(rf"^\s*(?P<nums>{_NUMBER}(?:\s+{_NUMBER}){{2,}})\s*$")


@functools.cache
def _cjk_end() -> re.Pattern:
    """Compiled on first use: only PDF-style rows need it, and its CJK class costs ≈ 3 ms."""
    return re.compile(r"[\u4e00-\u9fff）)]\s*$")


@dataclass
class Token:
    text: str
    span: Span
    line: Line
    blank: bool = False  # an explicitly empty cell (``| |`` inside a row, an empty <td>)
    row_start: bool = False

    @functools.cached_property
    def is_value(self) -> bool:
        """Asked many times per token by the walker; the answer never changes."""
        return self.blank or looks_like_value(self.text)


def tokenize(lines: Iterable[Line]) -> list[Token]:
    tokens: list[Token] = []
    for line in lines:
        tokens.extend(_line_tokens(line))
    return _drop_layout_blanks(tokens)


def _drop_layout_blanks(tokens: list[Token]) -> list[Token]:
    """Empty cells in front of a row's label are merged label cells, not values.

    A table continued on the next page starts its first row with the empty remainder of the
    label cell above (``| | 法提供 | 2.没有现成信息… | 11 |``), and Markdown written from HTML
    repeats an empty cell under a row-spanning label (``| | （二）部分公开 | 0 |``); counted as a
    value, that empty cell would give the row before one value too many. A row is a structured
    reader's row (from ``row_start``) or one line of a pipe or tab table.
    """
    out: list[Token] = []
    leading: list[Token] = []
    in_lead = False
    row_of = None
    for token in tokens:
        row = _row_key(token, row_of)
        if row != row_of:
            out.extend(leading)
            leading, in_lead, row_of = [], True, row
        if in_lead and token.blank:
            leading.append(token)
            continue
        if in_lead and leading and not token.is_value:
            leading = []  # blanks before the label: layout, dropped
        out.extend(leading)
        leading, in_lead = [], False
        out.append(token)
    out.extend(leading)
    return out


def _row_key(token: Token, current):
    """Which row a token belongs to: a structured row starts at ``row_start``; else its line."""
    if token.line.cell:
        return ("cell", id(token)) if token.row_start or current is None or current[0] != "cell" else current
    return ("line", id(token.line))


def _line_tokens(line: Line) -> list[Token]:
    text = line.text
    if line.cell:
        stripped = text.strip()
        start = text.find(stripped) if stripped else 0
        return [Token(stripped, line.span(start, start + len(stripped)), line, blank=not stripped, row_start=line.row_start)]
    if not text.strip() or ("-" in text and _MD_SEPARATOR.match(text)):
        return []
    if "|" in text:
        return _pipe_tokens(line)
    if "\t" in text.strip():
        return _pipe_tokens(line, "\t")
    pdf = (_PDF_ROW.match(text) or _NUMBERS_ONLY.match(text)) if len(text) <= MAX_ROW_CHARS else None
    if pdf and "label" in pdf.groupdict() and " " not in pdf.group("nums").strip() and not _cjk_end().search(pdf.group("label")):
        pdf = None  # one number after a non-Chinese label is not a table row
    if pdf:
        out: list[Token] = []
        if "label" in pdf.groupdict() and pdf.group("label"):
            out.append(_token(line, pdf.start("label"), pdf.end("label")))
        base = pdf.start("nums")
        for match in re.finditer(r"\S+", pdf.group("nums")):
            out.append(_token(line, base + match.start(), base + match.end()))
        return out
    return [_token(line, 0, len(text))]


def is_number_row(text: str) -> bool:
    """A label followed by numbers (PDF text), however many commas the label has."""
    return len(text) <= MAX_ROW_CHARS and _PDF_ROW.match(text) is not None and _cjk_end().search(
        _PDF_ROW.match(text).group("label")) is not None


def _pipe_tokens(line: Line, separator: str = "|") -> list[Token]:
    """Cells between separators: ``|`` (pipe and Markdown rows) or tabs (copied from Word/Excel)."""
    text = line.text
    pieces: list[tuple[int, int]] = []
    start = 0
    for part in text.split(separator):  # (start, end) of each piece between separators
        pieces.append((start, start + len(part)))
        start += len(part) + 1
    row_start = bool(pieces) and not text[pieces[0][0] : pieces[0][1]].strip()
    if row_start:
        pieces = pieces[1:]
    while pieces and not text[pieces[-1][0] : pieces[-1][1]].strip():
        pieces.pop()  # trailing empties are colspan padding, not blank cells
    out = []
    for i, (a, b) in enumerate(pieces):
        token = _token(line, a, b)
        token.blank = not token.text
        token.row_start = row_start and i == 0
        out.append(token)
    return out


def _token(line: Line, start: int, end: int) -> Token:
    raw = line.text[start:end]
    stripped = raw.strip()
    if stripped:
        start += raw.find(stripped)
        end = start + len(stripped)
        if "<" in stripped:  # Markdown converted from HTML keeps line breaks inside cells
            stripped = _HTML_BREAK.sub(" ", stripped).strip()
    return Token(stripped, line.span(start, end), line)
