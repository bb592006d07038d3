"""Table text → a stream of cell tokens, whatever the layout.

The corpus shows one row per line with ``|`` (or tabs); one cell per line with or without ``|``; cells
separated by blank lines; Markdown pipe tables; HTML/DOCX grids (one structured cell per line);
and PDF text where a row is a label followed by space-separated numbers. All of them flatten to
the same row-major token order, which the binders walk with the template in hand.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable, Optional

from .. import regexes
from ..model import Line, Span, _new_object
from ..numbers import looks_like_value

_HTML_BREAK = regexes.compile(r"<br\s*/?>|</?(?:p|span|div|strong|b)\b[^>]*>", re.IGNORECASE)
MAX_ROW_CHARS = 400  # longer lines are prose or debris, never a row of numbers
_MD_SEPARATOR = regexes.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A label followed by space-separated numbers (one is enough when the label is Chinese: table 二
# rows such as ``行政许可 447228``), or three or more numbers alone.
_NUMBER = r"-?\d+(?:\.\d+)?(?:万元|亿元|元)?"  # 采购总金额 is written with its unit: 1112万元
_PDF_ROW = regexes.compile(rf"^(?P<label>.*?[^\d\s.\-])\s+(?P<nums>{_NUMBER}(?:\s+{_NUMBER})*)\s*$")
_NUMBERS_ONLY = regexes.compile(rf"^\s*(?P<nums>{_NUMBER}(?:\s+{_NUMBER}){{2,}})\s*$")


@functools.cache
def _cjk_end() -> re.Pattern:
    """Compiled on first use: only PDF-style rows need it, and its CJK class costs ≈ 3 ms."""
    return regexes.compile(r"[\u4e00-\u9fff）)]\s*$")


class Token:
    """One cell of table text: what it says, where, and whether it can only be a value.

    A plain slotted class: a big table region makes hundreds of thousands of tokens, and the
    walker asks ``is_value`` of each several times; it is decided once, when the token is made.
    The span is made on first use: headers, notes and dropped layout blanks never need one.
    """

    __slots__ = ("text", "line", "blank", "row_start", "is_value", "_first", "_last", "_span")

    def __init__(self, text: str, line: Line, first: int, last: int, blank: bool = False, row_start: bool = False,
                 is_value: Optional[bool] = None) -> None:
        self.text = text
        self.line = line
        self.blank = blank  # an explicitly empty cell (``| |`` inside a row, an empty <td>)
        self.row_start = row_start
        self.is_value = (blank or looks_like_value(text)) if is_value is None else is_value
        self._first = first  # offsets in ``line.text`` of the first and last character
        self._last = last
        self._span: Optional[Span] = None

    @property
    def span(self) -> Span:
        span = self._span
        if span is None:  # ``new_span`` written out: the binders ask for one span per value cell
            line = self.line
            origin, column = line.origin_line, line.origin_column
            span = self._span = _new_object(Span)
            fields = span.__dict__
            fields["line"] = origin
            fields["column"] = column + self._first
            fields["end_line"] = origin
            fields["end_column"] = column + self._last
        return span

    def span_to(self, last: Token) -> Span:
        """From this token's first character to ``last``'s last: a label joined from several cells,
        without making either cell's own span."""
        line, end = self.line, last.line
        return Span(line.origin_line, line.origin_column + self._first, end.origin_line, end.origin_column + last._last)

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, span={self.span!r}, blank={self.blank!r}, row_start={self.row_start!r})"


# One cell of a line of table text: (text, offset of its first character, offset of its last,
# blank, starts a row, can only be a value). An empty cell covers one character.
_Cell = tuple[str, int, int, bool, bool, bool]


_new_token = object.__new__


def tokenize(lines: Iterable[Line]) -> list[Token]:
    """The cell tokens of table lines, in row-major order, layout blanks dropped.

    A line of text is one row, so its layout blanks are dropped with its layout (once per distinct
    line); only a structured reader's rows, which run over several lines, need the pass of
    :func:`_drop_layout_blanks` (which leaves rows of text as they are).
    """
    tokens: list[Token] = []
    append = tokens.append
    has_cells = False
    for line in lines:
        if line.cell:
            append(_cell_token(line))
            has_cells = True
            continue
        text = line.text
        if not text or text.isspace():  # a third of a table region's lines: no layout to look up
            continue
        for cell, first, last, blank, row_start, is_value in _layout(text):
            # ``Token(cell, line, first, last, blank, row_start, is_value)`` written out: a few
            # hundred tokens per report, and the slots are filled without a call each.
            token = _new_token(Token)
            token.text = cell
            token.line = line
            token.blank = blank
            token.row_start = row_start
            token.is_value = is_value
            token._first = first
            token._last = last
            token._span = None
            append(token)
    return _drop_layout_blanks(tokens) if has_cells else tokens


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


def _cell_token(line: Line) -> Token:
    """A structured reader's cell: the whole line is one cell, blank or not."""
    text = line.text
    stripped = text.strip()
    if not stripped:
        return Token("", line, 0, 0, True, line.row_start, True)
    start = len(text) - len(text.lstrip())
    return Token(stripped, line, start, start + len(stripped) - 1, False, line.row_start)


@functools.lru_cache(maxsize=8192)
def _layout(text: str) -> tuple[_Cell, ...]:
    """The cells of one line of table text, by offsets into the line.

    A pure function of the text, kept for the lines seen most recently: a table repeats the same
    rows (``| 0 | 0 | 0 |``, the template's labels) within a report and from report to report, and
    a line is then split and classified once.
    """
    if "-" in text and _MD_SEPARATOR.match(text):
        return ()
    if "|" in text:
        return _without_layout_blanks(_pipe_cells(text, "|"))
    if "\t" in text.strip():
        return _without_layout_blanks(_pipe_cells(text, "\t"))
    pdf = (_PDF_ROW.match(text) or _NUMBERS_ONLY.match(text)) if len(text) <= MAX_ROW_CHARS else None
    if pdf and "label" in pdf.groupdict() and " " not in pdf.group("nums").strip() and not _cjk_end().search(pdf.group("label")):
        pdf = None  # one number after a non-Chinese label is not a table row
    if pdf:
        out: list[_Cell] = []
        if "label" in pdf.groupdict() and pdf.group("label"):
            out.append(_cell(text, pdf.start("label"), pdf.end("label")))
        base = pdf.start("nums")
        for match in re.finditer(r"\S+", pdf.group("nums")):
            out.append(_cell(text, base + match.start(), base + match.end()))
        return tuple(out)
    return (_cell(text, 0, len(text)),)


def is_number_row(text: str) -> bool:
    """A label followed by numbers (PDF text), however many commas the label has."""
    return len(text) <= MAX_ROW_CHARS and _PDF_ROW.match(text) is not None and _cjk_end().search(
        _PDF_ROW.match(text).group("label")) is not None


def _pipe_cells(text: str, separator: str) -> tuple[_Cell, ...]:
    """Cells between separators: ``|`` (pipe and Markdown rows) or tabs (copied from Word/Excel).

    One pass over the pieces of ``str.split``: each piece is stripped once, and its offsets are
    computed from the running offset.
    """
    parts = text.split(separator)
    row_start = not parts[0].strip()
    first = 1 if row_start else 0
    last = len(parts)
    while last > first and not parts[last - 1].strip():
        last -= 1  # trailing empties are colspan padding, not blank cells
    out: list[_Cell] = []
    offset = len(parts[0]) + 1 if row_start else 0
    for index in range(first, last):
        part = parts[index]
        stripped = part.strip()
        starts = row_start and index == first
        if stripped:
            start = offset + len(part) - len(part.lstrip())
            end = start + len(stripped)
            if "<" in stripped:  # Markdown converted from HTML keeps line breaks inside cells
                stripped = _HTML_BREAK.sub(" ", stripped).strip()
            out.append((stripped, start, end - 1 if end > start else start, not stripped, starts,
                        not stripped or looks_like_value(stripped)))
        else:
            end = offset + len(part)
            out.append(("", offset, end - 1 if end > offset else offset, True, starts, True))
        offset += len(part) + 1
    return tuple(out)


def _without_layout_blanks(cells: tuple[_Cell, ...]) -> tuple[_Cell, ...]:
    """One row's cells as :func:`_drop_layout_blanks` leaves them: blank cells in front of the
    first cell that has text are dropped when that cell is a label, kept when it is a value."""
    for index, cell in enumerate(cells):
        if not cell[3]:  # the first cell with text
            return cells[index:] if index and not cell[5] else cells
    return cells


def _cell(text: str, start: int, end: int) -> _Cell:
    raw = text[start:end]
    stripped = raw.strip()
    if stripped:
        start += len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        if "<" in stripped:  # Markdown converted from HTML keeps line breaks inside cells
            stripped = _HTML_BREAK.sub(" ", stripped).strip()
    return (stripped, start, end - 1 if end > start else start, False, False, looks_like_value(stripped))
