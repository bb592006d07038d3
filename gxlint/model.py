"""The parsed report: a section tree, prose paragraphs, page chrome and the bound tables.

Rules read only this model; they never open files. Every node carries a :class:`Span` that points
at the user's own file (line and column after the reader's position map).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain
from typing import Iterator, Optional

from .records import NEW_LIST as _NEW_LIST
from .records import FrozenRecord as FrozenRecord  # public here too, where plugins first found it
from .records import Record as Record


@dataclass(frozen=True, init=False, repr=False, eq=False)
class Span:
    """A region of the user's file: 1-based lines, 1-based character columns, end inclusive line."""

    line: int
    column: int = 1
    end_line: Optional[int] = None
    end_column: Optional[int] = None

    def __init__(
        self,
        line: int,
        column: int = 1,
        end_line: Optional[int] = None,
        end_column: Optional[int] = None,
    ) -> None:
        fields = self.__dict__  # frozen: fill the instance dictionary, as ``new_span`` does
        fields["line"] = line
        fields["column"] = column
        fields["end_line"] = end_line
        fields["end_column"] = end_column

    @property
    def last_line(self) -> int:
        return self.end_line if self.end_line is not None else self.line

    # Written out rather than generated (see :class:`Record`); as ``@dataclass(frozen=True)``
    # would write them.
    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(line={self.line!r}, column={self.column!r}, end_line={self.end_line!r}, end_column={self.end_column!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.line, self.column, self.end_line, self.end_column) == (
            other.line, other.column, other.end_line, other.end_column)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.line, self.column, self.end_line, self.end_column))


_new_object = object.__new__


def new_span(line: int, column: int, end_line: Optional[int], end_column: Optional[int]) -> Span:
    """``Span(line, column, end_line, end_column)`` without calling the class.

    The tokenizer makes one span per table cell, hundreds of thousands in a big table region;
    filling a new instance's dictionary directly gives the same object (equal, same hash, same
    repr) in about half the time.
    """
    span = _new_object(Span)
    fields = span.__dict__
    fields["line"] = line
    fields["column"] = column
    fields["end_line"] = end_line
    fields["end_column"] = end_column
    return span


@dataclass(init=False, repr=False, eq=False)
class Line(Record):
    """One line of the reader's text view, with where it starts in the user's file."""

    text: str
    number: int  # index in the text view, 1-based
    origin_line: int  # line in the user's file
    origin_column: int = 1  # column in the user's file where ``text`` starts
    location: str = ""  # human-readable place for non-text formats ("段落 12", "第 3 页")
    cell: bool = False  # a table cell from a structured reader (HTML, DOCX, PDF table)
    row_start: bool = False  # the first cell of a table row from a structured reader
    heading_level: int = 0  # 1–6 when the format marks the line a heading (<h2>, Word "Heading 2")
    chrome: str = ""  # set by a reader that knows the line is not content (a PDF running header)

    def __init__(
        self,
        text: str,
        number: int,
        origin_line: int,
        origin_column: int = 1,
        location: str = "",
        cell: bool = False,
        row_start: bool = False,
        heading_level: int = 0,
        chrome: str = "",
    ) -> None:
        self.text = text
        self.number = number
        self.origin_line = origin_line
        self.origin_column = origin_column
        self.location = location
        self.cell = cell
        self.row_start = row_start
        self.heading_level = heading_level
        self.chrome = chrome

    def span(self, start: int = 0, end: Optional[int] = None) -> Span:
        if end is None:
            end = len(self.text)
        column = self.origin_column
        return new_span(self.origin_line, column + start, self.origin_line, column + (end if end > start else start + 1) - 1)


@dataclass(init=False, repr=False, eq=False)
class Paragraph(Record):
    """Prose: one or more consecutive lines of text joined without separators.

    ``span_of`` maps a character range of ``text`` back to the file, so a rule that finds a slip at
    offset 40 reports the right line and column even when the paragraph spans several lines.
    """

    text: str
    lines: list[Line]
    section: Optional[int] = None  # canonical number 1..6 of the enclosing section, None before 一
    kind: str = "paragraph"  # paragraph | heading | title | signature

    def __init__(self, text: str, lines: list[Line], section: Optional[int] = None, kind: str = "paragraph") -> None:
        self.text = text
        self.lines = lines
        self.section = section
        self.kind = kind
        self.__post_init__()

    def __post_init__(self) -> None:
        self._starts: list[int] = []
        offset = 0
        for line in self.lines:
            self._starts.append(offset)
            offset += len(line.text)

    def span_of(self, start: int, end: Optional[int] = None) -> Span:
        end = start + 1 if end is None else max(end, start + 1)
        first = self._line_at(start)
        last = self._line_at(end - 1)
        line_a, line_b = self.lines[first], self.lines[last]
        return Span(
            line_a.origin_line,
            line_a.origin_column + start - self._starts[first],
            line_b.origin_line,
            line_b.origin_column + (end - 1) - self._starts[last],
        )

    def _line_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    @property
    def span(self) -> Span:
        return self.span_of(0, max(1, len(self.text)))

    @property
    def location(self) -> str:
        return self.lines[0].location if self.lines else ""


@dataclass(init=False, repr=False, eq=False)
class Section(Record):
    """A heading and what follows it up to the next heading of the same or a higher level."""

    numeral: str  # as written: "一", "（一）", "1."
    title: str  # heading text after the numeral, stripped
    level: int  # 1 = top level (一、), 2 = （一）, 3 = 1.
    line: Line
    number: Optional[int] = None  # canonical 1..6 when the heading is one of the six sections
    match: Optional[str] = None  # exact | alias | variant (how the title matched the template)
    canonical_title: Optional[str] = None
    children: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    def __init__(
        self,
        numeral: str,
        title: str,
        level: int,
        line: Line,
        number: Optional[int] = None,
        match: Optional[str] = None,
        canonical_title: Optional[str] = None,
        children: list[Section] = _NEW_LIST,
        paragraphs: list[Paragraph] = _NEW_LIST,
    ) -> None:
        self.numeral = numeral
        self.title = title
        self.level = level
        self.line = line
        self.number = number
        self.match = match
        self.canonical_title = canonical_title
        self.children = [] if children is _NEW_LIST else children
        self.paragraphs = [] if paragraphs is _NEW_LIST else paragraphs

    @property
    def span(self) -> Span:
        return self.line.span()

    @property
    def heading(self) -> str:
        return self.line.text.strip()

    # Filled by :func:`seal` once the parser has finished the tree: rules walk the outline and the
    # paragraphs again and again, and a flat list is cheaper than a generator per nested section.
    # The outline list leaves the section itself out: a list holding its own section would make a
    # reference cycle, and every report's tree would wait for the cyclic collector to be freed.
    # Unannotated class attributes, not fields: they stay out of ``__init__``, ``repr`` and comparisons.
    _sealed_below = None  # Optional[list[Section]]: the sub-sections, in document order
    _sealed_paragraphs = None  # Optional[list[Paragraph]]

    def walk(self) -> Iterator[Section]:
        below = self._sealed_below
        if below is not None:
            return chain((self,), below)
        return self._walk()

    def _walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_paragraphs(self) -> Iterator[Paragraph]:
        if self._sealed_paragraphs is not None:
            return iter(self._sealed_paragraphs)
        return self._all_paragraphs()

    def _all_paragraphs(self) -> Iterator[Paragraph]:
        yield from self.paragraphs
        for child in self.children:
            yield from child.all_paragraphs()

    def text(self) -> str:
        """All prose under this section, sub-headings included, one paragraph per line."""
        parts: list[str] = []
        for node in self.walk():
            if node is not self:
                parts.append(node.heading)
            parts.extend(p.text for p in node.paragraphs)
        return "\n".join(parts)


@dataclass(init=False, repr=False, eq=False)
class ChromeBlock(Record):
    """Consecutive lines of web page or PDF debris: navigation, metadata panels, page marks."""

    lines: list[Line]
    kind: str  # web | page-mark | debris

    def __init__(self, lines: list[Line], kind: str) -> None:
        self.lines = lines
        self.kind = kind

    @property
    def span(self) -> Span:
        first, last = self.lines[0], self.lines[-1]
        return Span(first.origin_line, first.origin_column, last.origin_line, last.origin_column + max(len(last.text), 1) - 1)


# --- tables -------------------------------------------------------------------------------------

NUMBER = "number"
BLANK = "blank"
MALFORMED = "malformed"
MISSING = "missing"


@dataclass(init=False, repr=False, eq=False)
class Cell(Record):
    """One table value. Never a silent 0: blank, malformed and missing cells keep their state."""

    state: str
    value: Optional[Decimal] = None
    raw: str = ""
    span: Optional[Span] = None
    reason: str = ""
    unit: str = ""  # a unit written inside the cell ("1112万元")

    def __init__(
        self,
        state: str,
        value: Optional[Decimal] = None,
        raw: str = "",
        span: Optional[Span] = None,
        reason: str = "",
        unit: str = "",
    ) -> None:
        self.state = state
        self.value = value
        self.raw = raw
        self.span = span
        self.reason = reason
        self.unit = unit

    @property
    def ok(self) -> bool:
        return self.state == NUMBER

    def json_value(self):
        if self.value is None:
            return None
        return int(self.value) if self.value == self.value.to_integral_value() else float(self.value)


@dataclass(init=False, repr=False, eq=False)
class LabelMatch(Record):
    """A label as written, the template label it was bound to, and how far it drifted (0 = exact)."""

    raw: str
    canonical: str
    distance: float
    span: Optional[Span] = None

    def __init__(self, raw: str, canonical: str, distance: float, span: Optional[Span] = None) -> None:
        self.raw = raw
        self.canonical = canonical
        self.distance = distance
        self.span = span


class _TokenSpan:
    """``span`` of a cell or label the binders made from one table token: made when first read.

    A report's tables give a few hundred value cells and dozens of labels, and a rule reads a span
    only to point at a finding. Such a record holds its token (``_token``) instead of a span;
    reading ``span`` makes it and stores it on the record like any attribute. A non-data
    descriptor: a span given to ``__init__`` or assigned is an ordinary instance attribute, read
    without coming here. On the class it is the field's default, None.
    """

    __slots__ = ()

    def __get__(self, record: object, owner: Optional[type] = None) -> Optional[Span]:
        if record is None:
            return None
        token = getattr(record, "_token", None)
        if token is None:
            return None
        span = record.span = token.span  # type: ignore[attr-defined]
        del record._token  # type: ignore[attr-defined]
        return span


Cell.span = _TokenSpan()  # type: ignore[assignment]
LabelMatch.span = _TokenSpan()  # type: ignore[assignment]


@dataclass(init=False, repr=False, eq=False)
class TableRow(Record):
    """One template row: the label it was bound to and its cells in template column order."""

    key: str  # the template's path key ("三、本年度办理结果/（一）予以公开")
    label: str  # the template's canonical leaf label
    match: Optional[LabelMatch]  # None when the row is missing from the report
    cells: list[Cell]
    extra_cells: list[Cell] = field(default_factory=list)

    def __init__(
        self,
        key: str,
        label: str,
        match: Optional[LabelMatch],
        cells: list[Cell],
        extra_cells: list[Cell] = _NEW_LIST,
    ) -> None:
        self.key = key
        self.label = label
        self.match = match
        self.cells = cells
        self.extra_cells = [] if extra_cells is _NEW_LIST else extra_cells

    @property
    def present(self) -> bool:
        return self.match is not None


@dataclass(init=False, repr=False, eq=False)
class BoundTable(Record):
    """A table bound to the template: rows in template order plus what did not fit."""

    name: str  # table2 | table3 | table4
    template: str  # template id the layout matched (gov-2021, gov-2019, …)
    rows: list[TableRow]
    columns: list[str]
    span: Optional[Span] = None
    found: bool = True
    column_matches: list[LabelMatch] = field(default_factory=list)
    extra_labels: list[LabelMatch] = field(default_factory=list)  # rows/columns not in the template
    problems: list[str] = field(default_factory=list)  # why some cells could not be placed
    note: Optional[LabelMatch] = None  # table 三's 勾稽关系 note as written
    block: str = ""  # table 二: the 第二十条 clause this block belongs to
    group_rows: list[TableRow] = field(default_factory=list)  # table 三's group labels; cells = values written after one (a subtotal row)
    fragments: list[LabelMatch] = field(default_factory=list)  # pieces of labels the binder could not rejoin

    def __init__(
        self,
        name: str,
        template: str,
        rows: list[TableRow],
        columns: list[str],
        span: Optional[Span] = None,
        found: bool = True,
        column_matches: list[LabelMatch] = _NEW_LIST,
        extra_labels: list[LabelMatch] = _NEW_LIST,
        problems: list[str] = _NEW_LIST,
        note: Optional[LabelMatch] = None,
        block: str = "",
        group_rows: list[TableRow] = _NEW_LIST,
        fragments: list[LabelMatch] = _NEW_LIST,
    ) -> None:
        self.name = name
        self.template = template
        self.rows = rows
        self.columns = columns
        self.span = span
        self.found = found
        self.column_matches = [] if column_matches is _NEW_LIST else column_matches
        self.extra_labels = [] if extra_labels is _NEW_LIST else extra_labels
        self.problems = [] if problems is _NEW_LIST else problems
        self.note = note
        self.block = block
        self.group_rows = [] if group_rows is _NEW_LIST else group_rows
        self.fragments = [] if fragments is _NEW_LIST else fragments

    def row(self, key_or_label: str) -> Optional[TableRow]:
        for row in self.rows:
            if row.key == key_or_label or row.label == key_or_label:
                return row
        return None

    def cells(self) -> Iterator[tuple[TableRow, int, Cell]]:
        for row in self.rows:
            for index, cell in enumerate(row.cells):
                yield row, index, cell

    @property
    def complete(self) -> bool:
        return self.found and all(cell.ok for _, _, cell in self.cells())


@dataclass(init=False, repr=False, eq=False)
class Tables(Record):
    """The three bound tables of a report (table 二 as one table per 第二十条 block)."""

    table2: list[BoundTable] = field(default_factory=list)  # one per 第二十条 block
    table3: Optional[BoundTable] = None
    table4: Optional[BoundTable] = None
    signatures_2019: list[tuple[str, Span]] = field(default_factory=list)  # superseded-layout evidence

    def __init__(
        self,
        table2: list[BoundTable] = _NEW_LIST,
        table3: Optional[BoundTable] = None,
        table4: Optional[BoundTable] = None,
        signatures_2019: list[tuple[str, Span]] = _NEW_LIST,
    ) -> None:
        self.table2 = [] if table2 is _NEW_LIST else table2
        self.table3 = table3
        self.table4 = table4
        self.signatures_2019 = [] if signatures_2019 is _NEW_LIST else signatures_2019


@dataclass(init=False, repr=False, eq=False)
class Metadata(Record):
    """What the report says about itself: year, agency, region, period, signature, template."""

    year: Optional[int] = None
    year_source: str = ""
    agency: Optional[str] = None
    region: Optional[dict] = None  # {"province": …, "city": …, "county": …, "area_codes": […]}
    period: Optional[tuple[str, str]] = None  # statistical period as written
    period_span: Optional[Span] = None
    signature_date: Optional[str] = None
    signature_span: Optional[Span] = None
    title: Optional[str] = None
    title_span: Optional[Span] = None
    template: str = "gov-2021"
    template_reason: str = ""

    def __init__(
        self,
        year: Optional[int] = None,
        year_source: str = "",
        agency: Optional[str] = None,
        region: Optional[dict] = None,
        period: Optional[tuple[str, str]] = None,
        period_span: Optional[Span] = None,
        signature_date: Optional[str] = None,
        signature_span: Optional[Span] = None,
        title: Optional[str] = None,
        title_span: Optional[Span] = None,
        template: str = "gov-2021",
        template_reason: str = "",
    ) -> None:
        self.year = year
        self.year_source = year_source
        self.agency = agency
        self.region = region
        self.period = period
        self.period_span = period_span
        self.signature_date = signature_date
        self.signature_span = signature_span
        self.title = title
        self.title_span = title_span
        self.template = template
        self.template_reason = template_reason


@dataclass(init=False, repr=False, eq=False)
class Report(Record):
    """Everything a rule may look at."""

    path: str
    lines: list[Line]
    sections: list[Section]  # top-level headings in order (statutory and otherwise)
    preamble: list[Paragraph]  # prose before the first top-level section
    chrome: list[ChromeBlock]
    tables: Tables
    meta: Metadata
    unparsed: list[str] = field(default_factory=list)
    source_kind: str = "text"  # text | markdown | html | docx | pdf
    markers: list[str] = field(default_factory=list)  # inline suppression comments kept by readers

    def __init__(
        self,
        path: str,
        lines: list[Line],
        sections: list[Section],
        preamble: list[Paragraph],
        chrome: list[ChromeBlock],
        tables: Tables,
        meta: Metadata,
        unparsed: list[str] = _NEW_LIST,
        source_kind: str = "text",
        markers: list[str] = _NEW_LIST,
    ) -> None:
        self.path = path
        self.lines = lines
        self.sections = sections
        self.preamble = preamble
        self.chrome = chrome
        self.tables = tables
        self.meta = meta
        self.unparsed = [] if unparsed is _NEW_LIST else unparsed
        self.source_kind = source_kind
        self.markers = [] if markers is _NEW_LIST else markers

    def section(self, number: int) -> Optional[Section]:
        for section in self.sections:
            if section.number == number:
                return section
        return None

    def statutory_sections(self) -> list[Section]:
        return [s for s in self.sections if s.number is not None]

    _sealed_paragraphs = None  # Optional[list[Paragraph]], see :func:`seal`
    _sealed_headings = None  # Optional[list[Section]]

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every prose paragraph: the preamble, then each section's, in document order."""
        if self._sealed_paragraphs is not None:
            return iter(self._sealed_paragraphs)
        return self._paragraphs()

    def _paragraphs(self) -> Iterator[Paragraph]:
        yield from self.preamble
        for section in self.sections:
            yield from section.all_paragraphs()

    def headings(self) -> Iterator[Section]:
        if self._sealed_headings is not None:
            return iter(self._sealed_headings)
        return self._headings()

    def _headings(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    @property
    def year(self) -> Optional[int]:
        return self.meta.year


def seal(report: Report) -> None:
    """Record the finished tree's outline and paragraphs as flat lists, for rules to walk cheaply.

    The parser calls this once, when nothing more will be added to the tree: the model is read-only
    from then on, so the lists never go stale. A tree built by hand and never sealed is walked as
    it is, on every call.
    """
    for section in report.sections:
        _seal_section(section)
    report._sealed_headings = [node for section in report.sections for node in section.walk()]
    report._sealed_paragraphs = list(report.preamble) + [
        paragraph for section in report.sections for paragraph in section._sealed_paragraphs or ()
    ]


def _seal_section(section: Section) -> None:
    below: list[Section] = []
    paragraphs: list[Paragraph] = list(section.paragraphs)
    for child in section.children:
        _seal_section(child)
        below.append(child)
        below.extend(child._sealed_below or ())
        paragraphs.extend(child._sealed_paragraphs or ())
    section._sealed_below = below
    section._sealed_paragraphs = paragraphs
