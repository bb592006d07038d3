"""The parsed report: a section tree, prose paragraphs, page chrome and the bound tables.

Rules read only this model; they never open files. Every node carries a :class:`Span` that points
at the user's own file (line and column after the reader's position map).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Optional


@dataclass(frozen=True)
class Span:
    """A region of the user's file: 1-based lines, 1-based character columns, end inclusive line."""

    line: int
    column: int = 1
    end_line: Optional[int] = None
    end_column: Optional[int] = None

    @property
    def last_line(self) -> int:
        return self.end_line if self.end_line is not None else self.line


_new_object = object.__new__


def new_span(line: int, column: int, end_line: Optional[int], end_column: Optional[int]) -> Span:
    """``Span(line, column, end_line, end_column)`` without the frozen ``__init__``.

    The tokenizer makes one span per table cell, hundreds of thousands in a big table region, and
    a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``. Filling the
    instance dictionary directly gives the same object (equal, same hash, same repr) for less.
    """
    span = _new_object(Span)
    fields = span.__dict__
    fields["line"] = line
    fields["column"] = column
    fields["end_line"] = end_line
    fields["end_column"] = end_column
    return span


@dataclass
class Line:
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

    def span(self, start: int = 0, end: Optional[int] = None) -> Span:
        if end is None:
            end = len(self.text)
        column = self.origin_column
        return new_span(self.origin_line, column + start, self.origin_line, column + (end if end > start else start + 1) - 1)


@dataclass
class Paragraph:
    """Prose: one or more consecutive lines of text joined without separators.

    ``span_of`` maps a character range of ``text`` back to the file, so a rule that finds a slip at
    offset 40 reports the right line and column even when the paragraph spans several lines.
    """

    text: str
    lines: list[Line]
    section: Optional[int] = None  # canonical number 1..6 of the enclosing section, None before 一
    kind: str = "paragraph"  # paragraph | heading | title | signature

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


@dataclass
class Section:
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

    @property
    def span(self) -> Span:
        return self.line.span()

    @property
    def heading(self) -> str:
        return self.line.text.strip()

    # Filled by :func:`seal` once the parser has finished the tree: rules walk the outline and the
    # paragraphs again and again, and a flat list is cheaper than a generator per nested section.
    # Unannotated class attributes, not fields: they stay out of ``__init__``, ``repr`` and comparisons.
    _sealed_nodes = None  # Optional[list[Section]]
    _sealed_paragraphs = None  # Optional[list[Paragraph]]

    def walk(self) -> Iterator[Section]:
        if self._sealed_nodes is not None:
            return iter(self._sealed_nodes)
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


@dataclass
class ChromeBlock:
    """Consecutive lines of web page or PDF debris: navigation, metadata panels, page marks."""

    lines: list[Line]
    kind: str  # web | page-mark | debris

    @property
    def span(self) -> Span:
        first, last = self.lines[0], self.lines[-1]
        return Span(first.origin_line, first.origin_column, last.origin_line, last.origin_column + max(len(last.text), 1) - 1)


# --- tables -------------------------------------------------------------------------------------

NUMBER = "number"
BLANK = "blank"
MALFORMED = "malformed"
MISSING = "missing"


@dataclass
class Cell:
    """One table value. Never a silent 0: blank, malformed and missing cells keep their state."""

    state: str
    value: Optional[Decimal] = None
    raw: str = ""
    span: Optional[Span] = None
    reason: str = ""
    unit: str = ""  # a unit written inside the cell ("1112万元")

    @property
    def ok(self) -> bool:
        return self.state == NUMBER

    def json_value(self):
        if self.value is None:
            return None
        return int(self.value) if self.value == self.value.to_integral_value() else float(self.value)


@dataclass
class LabelMatch:
    """A label as written, the template label it was bound to, and how far it drifted (0 = exact)."""

    raw: str
    canonical: str
    distance: float
    span: Optional[Span] = None


@dataclass
class TableRow:
    key: str  # the template's path key ("三、本年度办理结果/（一）予以公开")
    label: str  # the template's canonical leaf label
    match: Optional[LabelMatch]  # None when the row is missing from the report
    cells: list[Cell]
    extra_cells: list[Cell] = field(default_factory=list)

    @property
    def present(self) -> bool:
        return self.match is not None


@dataclass
class BoundTable:
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


@dataclass
class Tables:
    table2: list[BoundTable] = field(default_factory=list)  # one per 第二十条 block
    table3: Optional[BoundTable] = None
    table4: Optional[BoundTable] = None
    signatures_2019: list[tuple[str, Span]] = field(default_factory=list)  # superseded-layout evidence


@dataclass
class Metadata:
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


@dataclass
class Report:
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
    report._sealed_headings = [node for section in report.sections for node in section._sealed_nodes or ()]
    report._sealed_paragraphs = list(report.preamble) + [
        paragraph for section in report.sections for paragraph in section._sealed_paragraphs or ()
    ]


def _seal_section(section: Section) -> None:
    nodes: list[Section] = [section]
    paragraphs: list[Paragraph] = list(section.paragraphs)
    for child in section.children:
        _seal_section(child)
        nodes.extend(child._sealed_nodes or ())
        paragraphs.extend(child._sealed_paragraphs or ())
    section._sealed_nodes = nodes
    section._sealed_paragraphs = paragraphs
