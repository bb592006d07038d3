"""Tables of structured documents (HTML, DOCX, PDF) as real grids, and as the cell stream.

A merged cell covers several grid positions but is one cell: the grid keeps it at every position
it covers (for anyone who needs geometry, e.g. a column's header), while the text view gets it
once, at its top-left position, in row-major order, so the binders see the same token stream
as in the text layouts where a merged label is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from ..model import Line

MAX_SPAN = 1000  # a rowspan/colspan larger than this is treated as 1 (broken or hostile markup)
MAX_CELLS = 200_000  # grid positions per table; beyond this the table is kept as text


@dataclass
class GridCell:
    """One cell as written: its text, top-left position and extent in the grid."""

    text: str
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    line: Optional[Line] = None  # the text-view line emitted for this cell


@dataclass
class Grid:
    """A table as rows × columns; merged cells appear at every position they cover."""

    index: int  # 1-based table number in the document
    rows: list[list[Optional[GridCell]]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def cell(self, row: int, column: int) -> Optional[GridCell]:
        if 0 <= row < len(self.rows) and 0 <= column < len(self.rows[row]):
            return self.rows[row][column]
        return None

    def unique_cells(self) -> list[GridCell]:
        """Every cell once, in row-major order of its top-left position."""
        out: list[GridCell] = []
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell is not None and cell.row == r and cell.column == c:
                    out.append(cell)
        return out


def clamp_span(value: Optional[str]) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_SPAN else 1


def build_grid(index: int, rows: list[list[tuple[str, int, int, object]]]) -> tuple[Grid, list[tuple[GridCell, object]]]:
    """Lay out rows of ``(text, rowspan, colspan, payload)`` the way HTML does (spans push right).

    Returns the grid and the unique cells with their payloads in row-major order.
    """
    grid = Grid(index)
    occupied: dict[tuple[int, int], GridCell] = {}
    placed: list[tuple[GridCell, object]] = []
    total = 0
    for r, row in enumerate(rows):
        column = 0
        for text, rowspan, colspan, payload in row:
            while (r, column) in occupied:
                column += 1
            rowspan = min(rowspan, len(rows) - r)
            total += rowspan * colspan
            if total > MAX_CELLS:
                raise ValueError("table too large")
            cell = GridCell(text, r, column, rowspan, colspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, column + dc)] = cell
            placed.append((cell, payload))
            column += colspan
    height = len(rows)
    width = max((c for _, c in occupied), default=-1) + 1
    grid.rows = [[occupied.get((r, c)) for c in range(width)] for r in range(height)]
    placed.sort(key=lambda item: (item[0].row, item[0].column))
    return grid, placed


def emit_cells(placed: list[tuple[GridCell, object]], make_line: Callable[[GridCell, object, bool], Line]) -> list[Line]:
    """One text-view line per unique cell; the first cell of each grid row starts the row."""
    lines: list[Line] = []
    current_row = -1
    for cell, payload in placed:
        line = make_line(cell, payload, cell.row != current_row)
        line.cell = True
        line.row_start = cell.row != current_row
        current_row = cell.row
        cell.line = line
        lines.append(line)
    return lines
