"""Table text → a stream of cell tokens, whatever the layout.

The corpus shows one row per line with ``|`` (or tabs); one cell per line with or without ``|``; cells
separated by blank lines; Markdown pipe tables; HTML/DOCX grids (one structured cell per line);
and PDF text where a row is a label followed by space-separated numbers. All of them flatten to
the same row-major token order, which the binders walk with the template in hand.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from ..model import Line, Span, new_span
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


class Token:
    """One cell of table text: what it says, where, and whether it can only be a value.

    A plain slotted class: a big table region makes hundreds of thousands of tokens, and the
    walker asks ``is_value`` of each several times; it is decided once, when the token is made.
    """

    __slots__ = ("text", "span", "line", "blank", "row_start", "is_value")

    def __init__(self, text: str, span: Span, line: Line, blank: bool = False, row_start: bool = False) -> None:
        self.text = text
        self.span = span
        self.line = line
        self.blank = blank  # an explicitly empty cell (``| |`` inside a row, an empty <td>)
        self.row_start = row_start
        self.is_value = blank or looks_like_value(text)

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, span={self.span!r}, blank={self.blank!r}, row_start={self.row_start!r})"


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
    reader's row (a cell line with ``row_start`` begins one) or one line of a pipe or tab table.
    """
    out: list[Token] = []
    leading: list[Token] = []
    in_lead = False
    row_of: object = None  # the line of a text row, or the first token of a structured row
    row_is_cells = False
    for token in tokens:
        line = token.line
        if line.cell:
            row = token if token.row_start or not row_is_cells or row_of is None else row_of
        else:
            row = line
        if row is not row_of:
            out.extend(leading)
            leading, in_lead, row_of, row_is_cells = [], True, row, line.cell
        if in_lead:
            if token.blank:
                leading.append(token)
                continue
            if leading:
                if token.is_value:
                    out.extend(leading)
                leading = []  # blanks before the label: layout, dropped
            in_lead = False
        out.append(token)
    out.extend(leading)
    return out


def _line_tokens(line: Line) -> list[Token]:
    text = line.text
    if line.cell:
        stripped = text.strip()
        start = len(text) - len(text.lstrip()) if stripped else 0
        return [Token(stripped, line.span(start, start + len(stripped)), line, not stripped, line.row_start)]
    if not text or text.isspace() or ("-" in text and _MD_SEPARATOR.match(text)):
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
    """Cells between separators: ``|`` (pipe and Markdown rows) or tabs (copied from Word/Excel).

    One pass over the pieces of ``str.split``: each piece is stripped once, and its span is
    computed from the running offset.
    """
    parts = line.text.split(separator)
    row_start = not parts[0].strip()
    first = 1 if row_start else 0
    last = len(parts)
    while last > first and not parts[last - 1].strip():
        last -= 1  # trailing empties are colspan padding, not blank cells
    out: list[Token] = []
    origin_line, origin_column = line.origin_line, line.origin_column
    offset = len(parts[0]) + 1 if row_start else 0
    for index in range(first, last):
        part = parts[index]
        stripped = part.strip()
        if stripped:
            start = offset + len(part) - len(part.lstrip())
            end = start + len(stripped)
            if "<" in stripped:  # Markdown converted from HTML keeps line breaks inside cells
                stripped = _HTML_BREAK.sub(" ", stripped).strip()
        else:
            start, end = offset, offset + len(part)
        span = new_span(origin_line, origin_column + start, origin_line,
                        origin_column + (end if end > start else start + 1) - 1)
        out.append(Token(stripped, span, line, not stripped, row_start and index == first))
        offset += len(part) + 1
    return out


def _token(line: Line, start: int, end: int) -> Token:
    raw = line.text[start:end]
    stripped = raw.strip()
    if stripped:
        start += len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        if "<" in stripped:  # Markdown converted from HTML keeps line breaks inside cells
            stripped = _HTML_BREAK.sub(" ", stripped).strip()
    return Token(stripped, line.span(start, end), line)
