"""HTML: block elements become lines, data tables become grids, diagnostics point at source lines.

Reports are mostly scraped government pages, so the reader drops what is never content (scripts,
styles, navigation, page header and footer), keeps ``<!-- gxlint: … -->`` comments as suppression
markers, and tells data tables from layout tables: a table whose cells hold other tables, or that
has a single column, or a cell holding headings or a long text, is page layout and is read as
blocks. Every line remembers the source line
of the element its text came from (lxml's ``sourceline``) and the column where that text starts.
"""

from __future__ import annotations

import re
from typing import Optional

from .. import regexes
from ..model import Line
from . import Document, ReadError
from .encoding import decode
from .grid import build_grid, clamp_span, emit_cells

MAX_DEPTH = 200
MAX_CELL_TEXT = 300  # the longest template cell (the 勾稽关系 note) is under 40 characters
_DROP = frozenset(
    "script style nav header footer noscript template head iframe svg object embed canvas select "
    "button math".split()
)
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table tbody thead tfoot caption section "
    "article aside main blockquote pre address figure figcaption hr form fieldset legend center "
    "body html".split()
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_SPACE = regexes.compile(r"[ \t\r\n\f\v\u00a0\u200b\ufeff]+")
_XML_DECL = regexes.compile(r"^\s*<\?xml[^>]*\?>")
_MARKER = regexes.compile(r"^\s*gxlint\s*:\s*(.*?)\s*$", re.DOTALL)


def read(data: bytes, path: str) -> Document:
    decoded = decode(data)
    source = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    source = _XML_DECL.sub("", source, count=1)
    if not source.strip():
        raise ReadError("文件没有任何文字 (no text)")
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(source)
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError) as error:
        raise ReadError(f"HTML 无法解析 ({error})") from None
    reader = _Reader(source.split("\n"), lxml.etree)
    reader.walk(root)
    reader.flush()
    if not any(line.text.strip() for line in reader.lines):
        raise ReadError("HTML 中没有可读的文字 (no text in HTML)")
    for number, line in enumerate(reader.lines, 1):
        line.number = number
    return Document(path, "html", reader.lines, decoded.encoding, "\n", decoded.bom, reader.markers, reader.tables)


class _Reader:
    """Walks the tree once, iteratively (no recursion limit), collecting lines, tables and markers."""

    def __init__(self, source_lines: list[str], etree) -> None:
        self.source = source_lines
        self.etree = etree
        self.lines: list[Line] = []
        self.markers: list[tuple[int, str]] = []
        self.tables: list = []
        self.pending: list[tuple[str, int]] = []  # (text, source line hint) of the line being built
        self.cursor = (1, 0)  # where the last located text ended: sources are read in order

    # -- text view ---------------------------------------------------------------------------
    def add_text(self, text: Optional[str], hint: int) -> None:
        if text:
            self.pending.append((text, hint))

    def flush(self, heading_level: int = 0) -> None:
        if not self.pending:
            return
        text = _SPACE.sub(" ", "".join(t for t, _ in self.pending)).strip()
        hint = next((h for t, h in self.pending if t.strip()), self.pending[0][1])
        self.pending = []
        if text:
            line, column = self.locate(hint, text)
            self.lines.append(Line(text, 0, line, column, heading_level=heading_level))

    def locate(self, hint: int, text: str) -> tuple[int, int]:
        """The source line and column where ``text`` starts, searching a few lines from ``hint``."""
        hint = max(1, hint or 1)
        cursor_line, cursor_column = self.cursor
        start_line = max(hint, cursor_line)
        for probe in (text[:6], text[:2]):
            if not probe.strip():
                continue
            for line in range(start_line, min(start_line + 20, len(self.source)) + 1):
                start = cursor_column if line == cursor_line else 0
                found = self.source[line - 1].find(probe, start)
                if found >= 0:
                    self.cursor = (line, found + len(probe))
                    return line, found + 1
        return hint, 1

    # -- tree walk ---------------------------------------------------------------------------
    def walk(self, root) -> None:
        stack: list[tuple[object, bool, int]] = [(root, False, 0)]
        while stack:
            element, leaving, depth = stack.pop()
            if depth > MAX_DEPTH:
                raise ReadError(f"HTML 嵌套过深（超过 {MAX_DEPTH} 层），无法可靠读取 (nesting too deep)")
            tag = element.tag if isinstance(element.tag, str) else None
            name = tag.lower() if tag else None
            if leaving:
                if name in _BLOCK:
                    self.flush(_HEADINGS.get(name, 0))
                self.add_text(element.tail, element.sourceline)
                continue
            if element.tag is self.etree.Comment:
                self.comment(element)
                self.add_text(element.tail, element.sourceline)
                continue
            if tag is None or name in _DROP:
                self.add_text(element.tail, element.sourceline)
                continue
            if name == "br":
                self.flush()
                self.add_text(element.tail, element.sourceline)
                continue
            if name == "table" and self.data_table(element):
                self.add_text(element.tail, element.sourceline)
                continue
            if name in _BLOCK:
                self.flush()
            self.add_text(element.text, element.sourceline)
            stack.append((element, True, depth))
            for child in reversed(element):
                stack.append((child, False, depth + 1))

    def comment(self, element) -> None:
        match = _MARKER.match(element.text or "")
        if match:
            self.markers.append((element.sourceline or 1, match.group(1)))

    # -- tables ------------------------------------------------------------------------------
    def data_table(self, table) -> bool:
        """Read ``table`` as a grid if it is a data table; False leaves it to the block walk."""
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        if not rows or table.xpath(".//td//table | .//th//table | .//td//h1 | .//td//h2 | .//td//h3"):
            return False
        raw_rows = []
        for tr in rows:
            cells = []
            for td in tr.xpath("./td | ./th"):
                text, hint = self.cell_text(td)
                if len(text) > MAX_CELL_TEXT:  # a page column holding the article, not a cell
                    return False
                cells.append((text, clamp_span(td.get("rowspan")), clamp_span(td.get("colspan")), (td, hint)))
            raw_rows.append(cells)
        try:
            grid, placed = build_grid(len(self.tables) + 1, raw_rows)
        except ValueError:
            return False
        if grid.width < 2:
            return False
        self.flush()
        caption = table.find("caption")
        if caption is not None:
            self.add_text(caption.text_content(), caption.sourceline)
            self.flush()
        self.tables.append(grid)

        def make_line(cell, payload, _row_start):
            td, hint = payload
            line, column = self.locate(hint, cell.text) if cell.text else (td.sourceline or 1, 1)
            location = f"表 {grid.index} 第 {cell.row + 1} 行 第 {cell.column + 1} 列"
            return Line(cell.text, 0, line, column, location)

        self.lines.extend(emit_cells(placed, make_line))
        return True

    def cell_text(self, td) -> tuple[str, int]:
        """The cell's text with block breaks as spaces, and the source line of its first text."""
        pieces: list[str] = []
        hint = 0
        stack: list[tuple[object, bool]] = [(td, False)]
        while stack:
            element, leaving = stack.pop()
            if leaving:
                pieces.append(" ")
                if element is not td and element.tail:
                    hint = hint or (element.sourceline if element.tail.strip() else 0)
                    pieces.append(element.tail)
                continue
            tag = element.tag.lower() if isinstance(element.tag, str) else None
            if element.tag is self.etree.Comment:
                self.comment(element)
            if tag is None or tag in _DROP:
                if element is not td and element.tail:
                    hint = hint or (element.sourceline if element.tail.strip() else 0)
                    pieces.append(element.tail)
                continue
            if tag == "br" or tag in _BLOCK:
                pieces.append(" ")
            if element.text:
                hint = hint or (element.sourceline if element.text.strip() else 0)
                pieces.append(element.text)
            stack.append((element, True))
            for child in reversed(element):
                stack.append((child, False))
        return _SPACE.sub(" ", "".join(pieces)).strip(), hint or td.sourceline or 1
