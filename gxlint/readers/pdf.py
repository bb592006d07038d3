"""PDF: text by page, ruled tables from the page layout, running page marks left for the parser.

A PDF has no lines of its own, so a line here is a line of extracted text, numbered in reading
order across the whole file (``origin_line``) and located by page (``第 N 页``). Ruled tables are
read with pdfplumber's table finder, which keeps the cells of a row together even where the
text layout interleaves wrapped labels with the numbers; the text of a page outside its tables
is read line by line. Tables and text are merged by their position on the page. A table of one
column (a framed paragraph) is read as text.
"""

from __future__ import annotations

import io

from .. import regexes
from ..model import Line
from . import Document, ReadError
from .grid import build_grid, emit_cells

MAX_PAGES = 500
_SPACE = regexes.compile(r"\s+")
_DIGITS = regexes.compile(r"\d+")


def read(data: bytes, path: str) -> Document:
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - declared dependency
        raise ReadError("读取 PDF 需要 pdfplumber") from None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfminer raises many types for broken files
        raise ReadError(_why(error)) from None
    lines: list[Line] = []
    tables: list = []
    try:
        with pdf:
            pages = pdf.pages
            if len(pages) > MAX_PAGES:
                raise ReadError(f"PDF 页数过多（{len(pages)} 页，上限 {MAX_PAGES} 页）")
            by_page = [_page_lines(page, number, tables) for number, page in enumerate(pages, 1)]
            _mark_running_lines(by_page)
            lines = [line for page_lines in by_page for line in page_lines]
    except ReadError:
        raise
    except Exception as error:
        raise ReadError(_why(error)) from None
    if not any(line.text.strip() for line in lines):
        raise ReadError("PDF 中没有可提取的文字（可能是扫描件）(no text layer)")
    for number, line in enumerate(lines, 1):
        line.number = number
        line.origin_line = number
    return Document(path, "pdf", lines, "utf-8", "\n", False, [], tables)


def _why(error: Exception) -> str:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        return "PDF 已加密，无法读取 (encrypted PDF)"
    return f"PDF 无法解析（文件损坏或不完整：{name}）(broken PDF)"


def _page_lines(page, number: int, tables: list) -> list[Line]:
    """Text lines and table cells of one page, in top-to-bottom order."""
    try:
        found = [t for t in page.find_tables() if _is_data_table(t)]
    except Exception:  # the table finder fails on some odd pages; their text is still readable
        found = []
    boxes = [t.bbox for t in found]
    blocks: list[tuple[float, list[Line]]] = []
    if boxes:
        outside = page.filter(lambda obj: not _inside(obj, boxes))
    else:
        outside = page
    for row in outside.extract_text_lines(keep_blank_chars=False):
        text = row.get("text", "")
        if text.strip():
            blocks.append((row["top"], [Line(text, 0, 0, 1, f"第 {number} 页")]))
    for table in found:
        texts = [[_cell(text) for text in row] for row in table.extract()]
        index = len(tables) + 1
        try:
            grid, placed = build_grid(index, _spans_from_boxes(table, texts) or _spans(texts))
        except ValueError:
            continue
        tables.append(grid)

        def make_line(cell, _payload, _row_start, index=index):
            return Line(cell.text, 0, 0, 1, f"第 {number} 页 表 {index} 第 {cell.row + 1} 行 第 {cell.column + 1} 列")

        blocks.append((table.bbox[1], emit_cells(placed, make_line)))
    blocks.sort(key=lambda block: block[0])
    return [line for _, group in blocks for line in group]


def _mark_running_lines(pages: list[list[Line]]) -> None:
    """A line that opens or closes most pages (digits aside) is a running header or footer."""
    if len(pages) < 3:
        return
    counts: dict[str, int] = {}
    for page in pages:
        for line in _edges(page):
            key = _DIGITS.sub("#", line.text.strip())
            counts[key] = counts.get(key, 0) + 1
    running = {key for key, count in counts.items() if count >= max(3, len(pages) // 2)}
    for page in pages:
        for line in _edges(page):
            if _DIGITS.sub("#", line.text.strip()) in running:
                line.chrome = "page-mark"


def _edges(page: list[Line]) -> list[Line]:
    text_lines = [line for line in page if not line.cell and line.text.strip()]
    return text_lines[:1] + text_lines[-1:] if len(text_lines) > 1 else text_lines


def _is_data_table(table) -> bool:
    rows = table.extract()
    return len(rows) >= 2 and max((len(row) for row in rows), default=0) >= 2


def _inside(obj, boxes) -> bool:
    x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
    y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _cell(text):
    """A cell's text with its wrapped lines joined; None (covered by a merged cell) stays None."""
    if text is None:
        return None
    parts = [part.strip() for part in text.splitlines()]
    joined = ""
    for part in parts:
        if joined and part and joined[-1].isascii() and joined[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            joined += " "
        joined += part
    return _SPACE.sub(" ", joined).strip()


def _spans_from_boxes(table, texts: list[list]) -> list[list[tuple[str, int, int, object]]]:
    """Row and column spans measured from the cells' boxes against the table's rulings."""
    try:
        boxes = [list(row.cells) for row in table.rows]
    except AttributeError:
        return []
    if len(boxes) != len(texts) or any(len(b) != len(t) for b, t in zip(boxes, texts)):
        return []
    xs = sorted({round(v, 1) for row in boxes for box in row if box for v in (box[0], box[2])})
    ys = sorted({round(v, 1) for row in boxes for box in row if box for v in (box[1], box[3])})

    def inside(bounds, low, high):
        return sum(1 for b in bounds if low + 0.5 < b < high - 0.5)

    out = []
    for box_row, text_row in zip(boxes, texts):
        cells = []
        for box, text in zip(box_row, text_row):
            if box is None or text is None:
                continue
            x0, top, x1, bottom = box
            cells.append((text, inside(ys, top, bottom) + 1, inside(xs, x0, x1) + 1, None))
        out.append(cells)
    return out


def _spans(rows: list[list]) -> list[list[tuple[str, int, int, object]]]:
    """Without boxes: the positions a merged cell covers are None; guess spans from them."""
    height = len(rows)
    width = max((len(row) for row in rows), default=0)
    grid = [list(row) + [None] * (width - len(row)) for row in rows]
    covered = [[False] * width for _ in range(height)]
    out = []
    for r in range(height):
        cells = []
        for c in range(width):
            if covered[r][c] or grid[r][c] is None:
                continue
            colspan = 1
            while c + colspan < width and grid[r][c + colspan] is None and not covered[r][c + colspan]:
                colspan += 1
            rowspan = 1
            while r + rowspan < height and all(grid[r + rowspan][c + k] is None for k in range(colspan)):
                rowspan += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered[r + dr][c + dc] = True
            cells.append((grid[r][c], rowspan, colspan, None))
        out.append(cells)
    return out
