"""DOCX: body paragraphs and tables in document order; locations as paragraph / table-cell numbers.

A DOCX is a zip, so the archive is checked before python-docx opens it: a broken zip, a missing
``word/document.xml`` or members that would inflate to an absurd size (a zip bomb) are refused
with a clear message. Tables are read from the XML (``gridSpan`` and ``vMerge``) into a real grid;
a merged cell appears once in the text view. Automatic list numbering (``一、`` ``（一）`` ``1.``)
that Word draws but does not store in the text is rendered back in front of the paragraph, because
section headings are often written that way.
"""

from __future__ import annotations

import io
import zipfile

from .. import regexes
from ..model import Line
from . import Document, ReadError
from .grid import build_grid, emit_cells
from .numbering import Numbering

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER = 100 * 1024 * 1024
MAX_RATIO = 200
MAX_CELL_TEXT = 300  # longer cell text is an article in a frame, not a table cell
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = regexes.compile(r"^(?:heading|标题)\s*(\d)$")
_SPACE = regexes.compile(r"[ \t\r\n\f\v\u00a0\u200b\ufeff]+")


def check_archive(data: bytes) -> None:
    """Refuse broken archives and zip bombs before any XML is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ReadError("不是有效的 DOCX 文件（zip 压缩包损坏）(broken zip)") from None
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if "word/document.xml" not in names:
            raise ReadError("DOCX 文件缺少 word/document.xml（不是 Word 文档或已损坏）")
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER or total > MAX_UNCOMPRESSED or (ratio > MAX_RATIO and info.file_size > 10 * 1024 * 1024):
                raise ReadError("DOCX 解压后体积异常（疑似压缩炸弹），拒绝读取 (zip bomb)")


def read(data: bytes, path: str) -> Document:
    check_archive(data)
    try:
        import docx
        from lxml.etree import XMLSyntaxError

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except ReadError:
        raise
    except (KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile, OSError, AttributeError) as error:
        raise ReadError(f"DOCX 无法打开（{type(error).__name__}）(cannot open docx)") from None
    except Exception as error:  # python-docx raises its own types for broken packages
        raise ReadError(f"DOCX 无法打开（{type(error).__name__}: {error}）") from None
    try:
        numbering = Numbering.from_document(document)
    except Exception:  # numbering is a nicety; a broken numbering part must not lose the text
        numbering = Numbering({}, {})
    reader = _Reader(numbering, _styles(document))
    reader.blocks(body)
    lines = reader.lines
    if not any(line.text.strip() for line in lines):
        raise ReadError("DOCX 中没有文字 (no text in docx)")
    for number, line in enumerate(lines, 1):
        line.number = number
    return Document(path, "docx", lines, "utf-8", "\n", False, [], reader.tables)


def _styles(document) -> dict[str, str]:
    """Style id → style name (``Heading1`` → ``heading 1``), for heading levels."""
    names = {}
    try:
        for style in document.styles:
            if style.style_id and style.name:
                names[style.style_id] = style.name
    except Exception:
        pass
    return names


class _Reader:
    def __init__(self, numbering: Numbering, styles: dict[str, str]) -> None:
        self.numbering = numbering
        self.styles = styles
        self.lines: list[Line] = []
        self.tables: list = []
        self.block = 0
        self.paragraph_count = 0

    def blocks(self, parent) -> None:
        """Paragraphs and tables of ``parent`` in order; content controls are looked into."""
        stack = list(reversed(list(parent)))
        while stack:
            element = stack.pop()
            tag = element.tag
            if tag == _W + "p":
                self.paragraph(element)
            elif tag == _W + "tbl":
                self.table(element)
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "smartTag"):
                stack.extend(reversed(list(element)))

    def paragraph(self, p) -> None:
        self.paragraph_count += 1
        self.block += 1
        text = paragraph_text(p)
        prefix = self.numbering.label(p, self.styles)
        if prefix and text.strip():
            text = prefix + text.lstrip()
        line = Line(text, 0, self.block, 1, f"段落 {self.paragraph_count}")
        line.heading_level = self.heading_level(p)
        self.lines.append(line)

    def heading_level(self, p) -> int:
        """1–6 for paragraphs styled as headings (``Heading 2``, ``标题 2``, ``Title``), else 0."""
        style = p.find(f"{_W}pPr/{_W}pStyle")
        if style is None:
            return 0
        name = self.styles.get(style.get(_W + "val", ""), style.get(_W + "val", "")).lower()
        match = _HEADING_STYLE.match(name)
        if match:
            return min(6, max(1, int(match.group(1))))
        return 1 if name in ("title", "标题") else 0

    def table(self, tbl) -> None:
        if _is_layout(tbl):  # a frame around the text: read what is inside as body blocks
            for tr in tbl.iterchildren(_W + "tr"):
                for tc in _cells(tr):
                    self.blocks(tc)
            return
        index = len(self.tables) + 1
        rows = []
        for tr in tbl.iterchildren(_W + "tr"):
            cells = []
            column = _grid_before(tr)
            if column:
                cells.append(("", 1, column, "before"))
            for tc in _cells(tr):
                span = _grid_span(tc)
                merge = _vmerge(tc)
                cells.append((cell_text(tc), 1, span, merge))
            rows.append(cells)
        rows = _apply_vmerge(rows)
        try:
            grid, placed = build_grid(index, rows)
        except ValueError:  # absurd spans: keep the words, as paragraphs, without a grid
            for row in rows:
                for text, *_ in row:
                    if text:
                        self.block += 1
                        self.lines.append(Line(text, 0, self.block, 1, f"表 {index}"))
            return
        placed = [(cell, payload) for cell, payload in placed if payload != "before"]
        self.tables.append(grid)

        def make_line(cell, _payload, _row_start):
            self.block += 1
            return Line(cell.text, 0, self.block, 1, f"表 {index} 第 {cell.row + 1} 行 第 {cell.column + 1} 列")

        self.lines.extend(emit_cells(placed, make_line))


def _is_layout(tbl) -> bool:
    """A table used as a frame: one column, a nested table, or a cell holding a long text.

    The same test as for HTML: no cell of the official tables is long or holds a table.
    """
    rows = list(tbl.iterchildren(_W + "tr"))
    width = max((sum(_grid_span(tc) for tc in _cells(tr)) + _grid_before(tr) for tr in rows), default=0)
    if width < 2 or any(tc.find(f".//{_W}tbl") is not None for tr in rows for tc in _cells(tr)):
        return True
    return any(len(cell_text(tc)) > MAX_CELL_TEXT for tr in rows for tc in _cells(tr))


def paragraph_text(p) -> str:
    """The visible text of a paragraph: runs, hyperlinks, insertions; tabs and breaks as spaces."""
    pieces = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "delText"):
        if node.tag == _W + "t":
            pieces.append(node.text or "")
        elif node.tag != _W + "delText":
            pieces.append(" ")
    return "".join(pieces)


def cell_text(tc) -> str:
    parts = [paragraph_text(p) for p in tc.iter(_W + "p")]
    return _SPACE.sub(" ", " ".join(part for part in parts if part.strip())).strip()


def _cells(tr):
    for child in tr:
        if child.tag == _W + "tc":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            yield from (tc for tc in child.iter(_W + "tc"))


def _int_attr(element, path: str, default: int) -> int:
    found = element.find(path)
    if found is None:
        return default
    try:
        value = int(found.get(_W + "val", default))
    except ValueError:
        return default
    return value if 1 <= value <= 1000 else default


def _grid_span(tc) -> int:
    return _int_attr(tc, f"{_W}tcPr/{_W}gridSpan", 1)


def _grid_before(tr) -> int:
    found = tr.find(f"{_W}trPr/{_W}gridBefore")
    if found is None:
        return 0
    try:
        value = int(found.get(_W + "val", 0))
    except ValueError:
        return 0
    return value if 0 <= value <= 1000 else 0


def _vmerge(tc):
    found = tc.find(f"{_W}tcPr/{_W}vMerge")
    if found is None:
        return None
    return found.get(_W + "val", "continue")


def _apply_vmerge(rows):
    """Turn vMerge restart/continue into rowspans, the way HTML writes merged cells."""
    # column start of each cell, per row
    positions = []
    for cells in rows:
        column, placed = 0, []
        for cell in cells:
            placed.append(column)
            column += cell[2]
        positions.append(placed)
    owner: dict[int, list] = {}  # column → [row, index] of the open restart cell
    spans: dict[tuple[int, int], int] = {}
    drop: set[tuple[int, int]] = set()
    for r, cells in enumerate(rows):
        for i, cell in enumerate(cells):
            column, merge = positions[r][i], cell[3]
            if merge == "continue" and column in owner:
                top = owner[column]
                spans[top] = spans.get(top, 1) + 1
                drop.add((r, i))
            elif merge == "restart":
                owner[column] = (r, i)
            else:
                owner.pop(column, None)
    out = []
    for r, cells in enumerate(rows):
        row = []
        for i, (text, _, colspan, merge) in enumerate(cells):
            if (r, i) in drop:
                continue
            payload = "before" if merge == "before" else None
            row.append((text, spans.get((r, i), 1), colspan, payload))
        out.append(row)
    return out
