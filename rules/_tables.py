"""What the table rules share: how to name a table, a row, a column and a cell, and where it is.

Rows are found by the template's path keys (``三、本年度办理结果/（七）总计``), never by a list
written here, so the 2019 layout (one ``（六）其他处理`` row) and the 2021 layout (three sub-rows)
are handled by the same code.
"""

from __future__ import annotations

from typing import Iterator, Optional

from gxlint.model import BoundTable, Cell, Report, Span, TableRow
from gxlint.normalize import label_key

from ._common import TABLE_NAMES

RESULTS_GROUP = "三、"  # head of table 三's results block in every template
TOTAL_COLUMN = "总计"
SUBTOTAL_COLUMN = "小计"


def table_name(table: BoundTable) -> str:
    return TABLE_NAMES.get(table.name, table.name)


def row_label(row: TableRow) -> str:
    """The row as a reader finds it: the path below the top-level group (``（三）不予公开/1.属于国家秘密``)."""
    parts = row.key.split("/")
    return "/".join(parts[1:]) if len(parts) > 1 else parts[0]


def column_label(table: BoundTable, index: int) -> str:
    if index < len(table.columns):
        name = table.columns[index]
        if table.name == "table4":
            group, _, column = name.rpartition("/")
            return f"{group.rsplit('/', 1)[-1]}「{column}」"
        return f"「{name}」"
    return f"第 {index + 1} 列"


def cell_span(cell: Cell, row: Optional[TableRow], table: BoundTable) -> Optional[Span]:
    """Where to point for a cell: the cell itself, else its row label, else the table."""
    if cell.span is not None:
        return cell.span
    if row is not None and row.match is not None and row.match.span is not None:
        return row.match.span
    return table.span


def checked_tables(report: Report) -> Iterator[BoundTable]:
    """Tables the report really has (a table the parser did not find is a structure problem)."""
    for table in (*report.tables.table2, report.tables.table3, report.tables.table4):
        if table is not None and table.found:
            yield table


def find_row(table: BoundTable, head: str) -> Optional[TableRow]:
    """The row whose top-level label starts with ``head`` (``"一、"``, ``"四、"``)."""
    for row in table.rows:
        if "/" not in row.key and row.key.startswith(head):
            return row
    return None


def results_rows(table: BoundTable) -> tuple[list[TableRow], Optional[TableRow]]:
    """Table 三's result rows and their total row ``（七）总计``, in template order."""
    members = [row for row in table.rows if row.key.startswith(RESULTS_GROUP) and "/" in row.key]
    total = next((row for row in members if label_key(row.label).endswith(label_key("总计"))), None)
    return [row for row in members if row is not total], total


def part_columns(table: BoundTable) -> tuple[list[int], Optional[int]]:
    """Table 三's applicant columns and its 总计 column (a report's own 小计 column is neither)."""
    total = table.columns.index(TOTAL_COLUMN) if TOTAL_COLUMN in table.columns else None
    parts = [i for i, name in enumerate(table.columns) if name not in (TOTAL_COLUMN, SUBTOTAL_COLUMN)]
    return parts, total


def table4_groups(table: BoundTable) -> Iterator[tuple[str, list[int], int]]:
    """Each 表四 group with the indexes of its four result columns and of its 总计 column."""
    groups: dict[str, list[int]] = {}
    for index, name in enumerate(table.columns):
        group, _, _ = name.rpartition("/")
        groups.setdefault(group, []).append(index)
    for group, indexes in groups.items():
        total = [i for i in indexes if table.columns[i].endswith("/" + TOTAL_COLUMN)]
        if len(total) == 1:
            yield group, [i for i in indexes if i != total[0]], total[0]
