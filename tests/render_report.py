"""Render one report in every presentation the corpus shows, for the presentation-invariance tests.

A report is described once (title, prose per section, the three tables as grids with their merged
cells) and written out as text in each table layout, as Markdown, HTML and DOCX.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from gxlint.numbers import looks_like_value
from gxlint.templates import get_template

SECTION_NUMERALS = "一二三四五六"
HALF_WIDTH = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";"})


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class ReportSpec:
    title: str
    preamble: str
    prose: dict[int, list[str]]
    table2: list[list[list[Cell]]]  # one grid per 第二十条 block
    table3: list[list[Cell]]
    table4: list[list[Cell]]
    section_titles: dict[int, str] = field(default_factory=dict)


def spec_from_report(report) -> ReportSpec:
    """The bound tables of a parsed report, laid out as the official template draws them."""
    template = get_template(report.meta.template)
    blocks = []
    for block in report.tables.table2:
        width = len(block.columns)
        grid = [[Cell(block.block, colspan=width + 1)], [Cell("信息内容"), *[Cell(c) for c in block.columns]]]
        for row in block.rows:
            grid.append([Cell(row.label), *[Cell(c.raw.strip()) for c in row.cells]])
        blocks.append(grid)
    rows = report.tables.table3.rows
    header = [
        [Cell(template.table3_note, rowspan=3, colspan=3), Cell("申请人情况", colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell(c) for c in template.table3_columns[1:6]],
    ]
    body = []
    group_sizes: dict[str, int] = {}
    for row in rows:
        parts = row.key.split("/")
        for depth in range(1, len(parts)):
            group_sizes["/".join(parts[:depth])] = group_sizes.get("/".join(parts[:depth]), 0) + 1
    opened: set[str] = set()
    for row in rows:
        parts = row.key.split("/")
        cells = []
        for depth in range(1, len(parts)):
            group = "/".join(parts[:depth])
            if group not in opened:
                opened.add(group)
                cells.append(Cell(parts[depth - 1], rowspan=group_sizes[group]))
        cells.append(Cell(parts[-1], colspan=4 - len(parts)))
        cells.extend(Cell(c.raw.strip()) for c in row.cells)
        body.append(cells)
    t4 = report.tables.table4.rows[0].cells
    table4 = [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [*[Cell(c, rowspan=2) for c in template.table4_columns], Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)],
        [Cell(c) for c in template.table4_columns] * 2,
        [Cell(c.raw.strip()) for c in t4],
    ]
    prose = {}
    for section in report.statutory_sections():
        prose[section.number] = [p.text for p in section.all_paragraphs() if p.kind == "paragraph"][:3] or ["无。"]
    return ReportSpec(
        title=report.meta.title or "政府信息公开工作年度报告",
        preamble=report.preamble[-1].text if report.preamble else "",
        prose=prose,
        table2=blocks,
        table3=header + body,
        table4=table4,
        section_titles={spec.number: spec.heading for spec in template.sections},
    )


# --- text layouts ----------------------------------------------------------------------------------


def _cells(grid):
    """Unique cells row by row (a merged cell once, where it starts)."""
    return [[cell.text for cell in row] for row in grid]


def pipe_rows(grid) -> list[str]:
    return [" | ".join(row) + " |" for row in _cells(grid)]


def tab_rows(grid) -> list[str]:
    """As copied out of Word or a spreadsheet: a row per line, cells separated by tabs."""
    return ["\t".join(row) for row in _cells(grid)]


def cell_per_line_with_pipes(grid) -> list[str]:
    out = []
    for row in _cells(grid):
        out.append(f"| {row[0]} |")
        out.extend(f"{text} |" for text in row[1:])
    return out


def cell_per_line(grid) -> list[str]:
    return [text for row in _cells(grid) for text in row]


def blank_line_cells(grid) -> list[str]:
    out = []
    for text in cell_per_line(grid):
        out.extend([text, ""])
    return out


def markdown_table(grid, split_after: int = 0) -> list[str]:
    rows = _cells(grid)
    width = max(len(row) for row in rows)

    def line(row):
        return "| " + " | ".join(row + [""] * (width - len(row))) + " |"

    out = [line(rows[0]), "|" + "---|" * width]
    for index, row in enumerate(rows[1:], 1):
        if split_after and index == split_after:
            out.extend(["", line(row), "|" + "---|" * width])  # the table continues as a new fragment
            continue
        out.append(line(row))
    return out


def markdown_fragments(grid) -> list[str]:
    return markdown_table(grid, split_after=max(2, len(grid) // 2))


def pdf_rows(grid) -> list[str]:
    """As PDF text: a row's labels on lines of their own, the last label followed by its numbers."""
    out = []
    for row in _cells(grid):
        labels = [t for t in row if not _is_value(t)]
        values = [t for t in row if _is_value(t)]
        if not values:
            out.extend(labels)
        else:
            out.extend(labels[:-1])
            out.append(" ".join(labels[-1:] + values))
    return out


def _is_value(text: str) -> bool:
    return looks_like_value(text)


TEXT_LAYOUTS = {
    "pipe-rows": pipe_rows,
    "tab-rows": tab_rows,
    "cell-per-line-pipes": cell_per_line_with_pipes,
    "cell-per-line": cell_per_line,
    "blank-line-cells": blank_line_cells,
    "markdown": markdown_table,
    "markdown-fragments": markdown_fragments,
    "pdf-rows": pdf_rows,
}


def body(spec: ReportSpec, heading, paragraph, table) -> None:
    """The six sections in order: heading, prose, then the section's tables."""
    tables = {2: spec.table2, 3: [spec.table3], 4: [spec.table4]}
    for number in range(1, 7):
        heading(spec.section_titles[number])
        for text in spec.prose.get(number, []):
            paragraph(text)
        for grid in tables.get(number, []):
            table(grid)


def render_text(spec: ReportSpec, layout: str, markdown: bool = False) -> str:
    lines = [("# " if markdown else "") + spec.title, spec.preamble]
    body(spec, lambda title: lines.extend(["", "## " + title, ""] if markdown else [title]),
         lines.append, lambda grid: lines.extend(TEXT_LAYOUTS[layout](grid) + ([""] if markdown else [])))
    return "\n".join(lines) + "\n"


def half_width(text: str) -> str:
    return text.translate(HALF_WIDTH)


# --- structured formats ----------------------------------------------------------------------------


def render_html(spec: ReportSpec) -> str:
    from html import escape

    def table(grid):
        rows = []
        for row in grid:
            cells = "".join(
                f'<td rowspan="{c.rowspan}" colspan="{c.colspan}">{escape(c.text)}</td>' for c in row)
            rows.append(f"  <tr>{cells}</tr>")
        return ["<table border=\"1\">", *rows, "</table>"]

    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>年报</title>",
           "<style>td{border:1px}</style><script>var x = '一、总体情况';</script></head><body>",
           "<nav><a href=\"/\">首页</a> 信息公开</nav>",
           f"<h1>{escape(spec.title)}</h1>", f"<p>{escape(spec.preamble)}</p>"]
    body(spec, lambda title: out.append(f"<h2>{escape(title)}</h2>"),
         lambda text: out.append(f"<p>{escape(text)}</p>"), lambda grid: out.extend(table(grid)))
    out.append("<footer>版权所有</footer></body></html>")
    return "\n".join(out) + "\n"


def render_docx(spec: ReportSpec) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(spec.title)
    document.add_paragraph(spec.preamble)

    def table(grid):
        width = sum(c.colspan for c in grid[0])
        out = document.add_table(rows=len(grid), cols=width)
        occupied: set[tuple[int, int]] = set()
        for r, row in enumerate(grid):
            column = 0
            for cell in row:
                while (r, column) in occupied:
                    column += 1
                target = out.cell(r, column)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(out.cell(r + cell.rowspan - 1, column + cell.colspan - 1))
                target.text = cell.text
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        occupied.add((r + dr, column + dc))
                column += cell.colspan

    body(spec, lambda title: document.add_paragraph(title, style="Heading 1"), document.add_paragraph, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
