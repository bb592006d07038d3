"""The parsed report as plain data, for ``gxlint parse --format json`` and for tests.

Field names are a contract: ``path, year, agency, region, template, sections, tables, unparsed``.
``tables.table3.rows`` lists every row of the layout's template in order; ``null`` values carry
the reason alongside in ``reasons``.
"""

from __future__ import annotations

from typing import Any, Optional

from .model import BoundTable, Cell, Report, Section


def _cell_value(cell: Cell) -> Any:
    return cell.json_value() if cell.ok else None


def _cell_reason(cell: Cell) -> Optional[str]:
    return None if cell.ok else f"{cell.state}: {cell.reason}" if cell.reason else cell.state


def _rows(table: BoundTable, places: dict) -> list[dict]:
    rows = []
    for row in table.rows:
        line = row.match.span.line if row.match and row.match.span else None
        rows.append(
            {
                "key": row.key,
                "label": row.label,
                "written": row.match.raw if row.match else None,
                "distance": row.match.distance if row.match else None,
                "line": line,
                "location": places.get(line),  # "表 2 第 3 行 第 1 列", "第 4 页 表 3 …" (DOCX, HTML, PDF)
                "values": [_cell_value(c) for c in row.cells],
                "reasons": [_cell_reason(c) for c in row.cells],
                "cell_lines": [c.span.line if c.span else None for c in row.cells],
            }
        )
    return rows


def _section(section: Section) -> dict:
    return {
        "number": section.number,
        "numeral": section.numeral,
        "title": section.title,
        "canonical_title": section.canonical_title,
        "match": section.match,
        "level": section.level,
        "line": section.line.origin_line,
        "location": section.line.location or None,  # "段落 12", "第 3 页" for DOCX and PDF
        "children": [_section(child) for child in section.children],
    }


def report_to_dict(report: Report) -> dict:
    tables = report.tables
    places: dict[int, str] = {}  # a source line's first cell (an HTML line may hold a whole row)
    for line in report.lines:
        if line.cell and line.location:
            places.setdefault(line.origin_line, line.location)
    data: dict[str, Any] = {
        "path": report.path,
        "kind": report.source_kind,
        "year": report.meta.year,
        "year_source": report.meta.year_source,
        "agency": report.meta.agency,
        "region": report.meta.region,
        "title": report.meta.title,
        "period": list(report.meta.period) if report.meta.period else None,
        "signature_date": report.meta.signature_date,
        "template": report.meta.template,
        "template_reason": report.meta.template_reason,
        "sections": [_section(s) for s in report.sections],
        "tables": {},
        "chrome": [
            {"kind": block.kind, "line": block.lines[0].origin_line, "end_line": block.lines[-1].origin_line}
            for block in report.chrome
        ],
        "unparsed": list(report.unparsed),
    }
    data["tables"]["table2"] = {
        "blocks": [
            {
                "clause": block.block,
                "layout": block.template,
                "line": block.span.line if block.span else None,
                "columns": block.columns,
                "rows": _rows(block, places),
            }
            for block in tables.table2
        ]
    }
    if tables.table3 is not None:
        t3 = tables.table3
        data["tables"]["table3"] = {
            "layout": t3.template,
            "found": t3.found,
            "line": t3.span.line if t3.span else None,
            "columns": t3.columns,
            "rows": _rows(t3, places),
            "problems": t3.problems,
        }
    if tables.table4 is not None:
        t4 = tables.table4
        row = t4.rows[0]
        data["tables"]["table4"] = {
            "found": t4.found,
            "line": t4.span.line if t4.span else None,
            "columns": t4.columns,
            "values": [_cell_value(c) for c in row.cells],
            "reasons": [_cell_reason(c) for c in row.cells],
            "problems": t4.problems,
        }
    data["signatures_2019"] = [{"what": what, "line": span.line} for what, span in tables.signatures_2019]
    return data
