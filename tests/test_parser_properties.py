"""Property tests: whatever the bytes, reading gives a Document or a ReadError and parsing never raises.

Reports arrive broken in every way: cut off, lines shuffled by a bad copy, duplicated blocks,
random binary. The invariants that must hold for all of them: no exception but ``ReadError``,
table 三 always has its template's rows and seven cells each, table 四 fifteen, and a cell is never
a number unless the file has that number at the cell's position.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxlint.model import NUMBER
from gxlint.numbers import parse_cell
from gxlint.parser import parse
from gxlint.readers import ReadError, read_bytes

from .conftest import SEEDS

SEED_LINES = {name: path.read_text(encoding="utf-8").split("\n") for name, path in SEEDS.items()}
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, path: str = "report.txt") -> None:
    try:
        document = read_bytes(data, path)
    except ReadError as error:
        assert str(error)
        return
    report = parse(document)
    _invariants(report, document)


def _invariants(report, document) -> None:
    lines = {line.origin_line: line.text for line in document.lines}
    table3 = report.tables.table3
    if table3 is not None:
        assert len(table3.rows) in (23, 25)
        for row in table3.rows:
            assert len(row.cells) == len(table3.columns)
            for cell in row.cells:
                if cell.state == NUMBER:
                    _written_there(cell, lines)
    table4 = report.tables.table4
    if table4 is not None:
        assert len(table4.rows[0].cells) == 15
        for cell in table4.rows[0].cells:
            if cell.state == NUMBER:
                _written_there(cell, lines)


def _written_there(cell, lines) -> None:
    """A number cell's span covers text in the file that parses to the same number."""
    text = lines[cell.span.line]
    start = cell.span.column - 1
    written = text[start:cell.span.end_column]
    assert parse_cell(written).value == cell.value, (written, cell)


@PROPERTY
@given(st.binary(max_size=4096))
def test_random_bytes_never_raise(data):
    check(data)


@PROPERTY
@given(st.binary(max_size=2048), st.sampled_from(["r.txt", "r.md", "r.html", "r.docx", "r.pdf", "r"]))
def test_random_bytes_under_any_suffix_never_raise(data, path):
    check(data, path)


@PROPERTY
@given(st.sampled_from(sorted(SEEDS)), st.floats(min_value=0.0, max_value=1.0))
def test_truncated_reports_never_raise(name, share):
    data = SEEDS[name].read_bytes()
    check(data[: int(len(data) * share)])


@PROPERTY
@given(st.sampled_from(sorted(SEEDS)), st.randoms(use_true_random=False))
def test_shuffled_lines_never_raise(name, random):
    lines = list(SEED_LINES[name])
    random.shuffle(lines)
    check("\n".join(lines).encode("utf-8"))


@PROPERTY
@given(st.sampled_from(sorted(SEEDS)), st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 40)), max_size=5))
def test_duplicated_blocks_never_raise(name, copies):
    lines = list(SEED_LINES[name])
    for start, length in copies:
        start %= len(lines)
        lines[start:start] = lines[start:start + length]
    check("\n".join(lines).encode("utf-8"))


@PROPERTY
@given(st.sampled_from(sorted(SEEDS)), st.lists(st.integers(0, 10**6), max_size=30))
def test_deleted_lines_never_put_a_value_in_another_cell(name, drops):
    lines = list(SEED_LINES[name])
    for drop in drops:
        if lines:
            del lines[drop % len(lines)]
    check("\n".join(lines).encode("utf-8"))


@PROPERTY
@given(st.text(alphabet="一二三四五六（）()、.|0123456789 \n本年新收结转总计行政复议诉讼第二十条项", max_size=600))
def test_table_shaped_noise_never_raises(text):
    check(text.encode("utf-8"))


ORIGINAL = {name: parse(read_bytes(path.read_bytes(), path.name)) for name, path in SEEDS.items()}


@PROPERTY
@given(st.sampled_from(sorted(SEEDS)), st.lists(st.integers(0, 10**6), min_size=1, max_size=2))
def test_a_lost_line_never_moves_a_value_into_another_cell(name, drops):
    """One or two lines lost: every cell still read as a number holds the number it had."""
    lines = list(SEED_LINES[name])
    for drop in drops:
        del lines[drop % len(lines)]
    report = parse(read_bytes("\n".join(lines).encode("utf-8"), "report.txt"))
    before, after = ORIGINAL[name].tables, report.tables
    if after.table3 is not None and after.table3.template == before.table3.template:
        for old, new in zip(before.table3.rows, after.table3.rows):
            for old_cell, new_cell in zip(old.cells, new.cells):
                if new_cell.state == NUMBER:
                    assert old_cell.state == NUMBER and new_cell.value == old_cell.value, (old.key, drops)
    if after.table4 is not None:
        for old_cell, new_cell in zip(before.table4.rows[0].cells, after.table4.rows[0].cells):
            if new_cell.state == NUMBER:
                assert new_cell.value == old_cell.value


_CELL = st.tuples(st.sampled_from(["", "0", "12", "行政许可", "（一）予以公开", "<b>1</b>", "&nbsp;"]),
                  st.integers(-2, 4), st.integers(-2, 4))


@PROPERTY
@given(st.lists(st.lists(_CELL, max_size=8), max_size=12), st.booleans())
def test_random_html_tables_never_raise_and_keep_every_cell_once(rows, wrap):
    html = "".join(
        "<tr>" + "".join(f'<td rowspan="{r}" colspan="{c}">{text}</td>' for text, r, c in row) + "</tr>" for row in rows)
    page = f"<html><body><p>二、主动公开政府信息情况</p><table>{html}</table></body></html>"
    if wrap:
        page = page.replace("<table>", "<table><tr><td><table>", 1).replace("</table>", "</table></td></tr></table>", 1)
    try:
        document = read_bytes(page.encode("utf-8"), "r.html")
    except ReadError:
        return
    parse(document)
    for grid in document.tables:
        unique = grid.unique_cells()
        assert len({id(cell) for row in grid.rows for cell in row if cell is not None}) == len(unique)
        assert [line for line in document.lines if line.cell and line.location.startswith(f"表 {grid.index} ")] == [
            cell.line for cell in unique]
