"""The seed reports, the peer PDF, its raw section-三 text and the blank template DOCX, read by hand.

Every expected value below was read from the file itself (the line numbers in the comments are
the file's own), not from the parser's output. ``M`` marks a cell that cannot be read: a malformed
value, or a row that lost cells so that no value can be placed in a column with certainty.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from gxlint.model import BLANK, MALFORMED, MISSING, NUMBER
from gxlint.parser import parse
from gxlint.readers import read_path

from .conftest import PEER, SEEDS
from .test_smoke import SECTION_LINES  # heading lines read by hand from each file

M = "M"  # malformed or missing: anything but a number
B = "B"  # blank cell
Z = [0] * 7


def one(n: int) -> list:
    """A table 三 row where only 自然人 has applications: n, 0, 0, 0, 0, 0, total n."""
    return [n, 0, 0, 0, 0, 0, n]


def t3(overrides: dict[int, list], rows: int = 25) -> list[list]:
    """Table 三 values in template order; rows not named are all zero."""
    return [overrides.get(i, Z) for i in range(rows)]


# Row indices in the 2021 template (25 rows): 0 一, 1 二, 2 (一), 3 (二), 4–11 (三)1–8,
# 12–14 (四)1–3, 15–19 (五)1–5, 20–22 (六)1–3, 23 (七), 24 四.
# The 2019 template (23 rows): (六) is row 20, (七) 21, 四 22.
TABLE3 = {
    # 000 lines 39–63: every cell 0.
    "changde": t3({}),
    # 001 (2019 format) lines 90–277: 一 12 (l.91/97), (一) 2, (三)5 2, (三)6 3, (三)8 “00” at l.183
    # in the 科研机构 column, (四)1 5, (七) 12.
    "suining": t3({0: one(12), 2: one(2), 8: one(2), 9: one(3), 11: [0, 0, M, 0, 0, 0, 0], 12: one(5), 21: one(12)}, rows=23),
    # 002 lines 128–536.
    "xunyang": t3({0: one(14), 2: one(8), 3: one(1), 7: one(1), 12: one(3), 16: one(1), 23: one(14)}),
    # 003 lines 143–483: only (三)1 (l.195–209) and (三)2 (l.211–225) kept all seven cells; every
    # other row lost cells in the copy (5, 4, 5, 6, 4, 6, 3, 4, 6, 6, then 6 each).
    "jiangyin": [[M] * 7 if i not in (4, 5) else Z for i in range(25)],
    # 004 lines 66–294.
    "hedong": t3({0: one(1), 2: one(1), 23: one(1)}),
}

TABLE4 = {name: [0] * 15 for name in SEEDS}  # all five seeds report no review or litigation

TABLE2 = {
    "changde": {"规章": [0, 0, 0], "行政规范性文件": [0, 0, 7], "行政许可": [855], "行政处罚": [21],
                "行政强制": [0], "行政事业性收费": [2868]},
    # 2019 format: 规范性文件 3/3/5 (l.30–33), 政府集中采购 8 and 1112万元 (l.71–73).
    "suining": {"规章": [0, 0, 0], "规范性文件": [3, 3, 5], "行政许可": [0, 0, 0], "其他对外管理服务事项": [0, 0, 0],
                "行政处罚": [0, 0, 0], "行政强制": [0, 0, 0], "行政事业性收费": [0, 0], "政府集中采购": [8, 1112]},
    "xunyang": {"规章": [0, 0, 0], "行政规范性文件": [1, 0, 5], "行政许可": [8014], "行政处罚": [2518],
                "行政强制": [17], "行政事业性收费": [0]},
    "jiangyin": {"规章": [0, 0, 0], "行政规范性文件": [0, 0, 0], "行政许可": [0], "行政处罚": [0],
                 "行政强制": [0], "行政事业性收费": [0]},
    "hedong": {"规章": [0, 0, 0], "行政规范性文件": [0, 0, 0], "行政许可": [0], "行政处罚": [0],
               "行政强制": [0], "行政事业性收费": [0]},
}


# The peer PDF, pages 4–5 (淮安市人民政府 2024).
PDF_TABLE3 = [
    [3001, 53, 0, 0, 61, 4, 3119], [34, 0, 0, 0, 0, 0, 34], [1288, 21, 0, 0, 50, 3, 1362],
    [447, 7, 0, 0, 0, 0, 454], [2, 0, 0, 0, 0, 0, 2], [30, 1, 0, 0, 0, 0, 31], [5, 0, 0, 0, 0, 0, 5],
    [6, 0, 0, 0, 0, 0, 6], [7, 1, 0, 0, 0, 0, 8], [12, 0, 0, 0, 0, 0, 12], [9, 0, 0, 0, 0, 0, 9],
    [105, 0, 0, 0, 0, 0, 105], [746, 12, 0, 0, 10, 1, 769], [11, 0, 0, 0, 0, 0, 11], [1, 0, 0, 0, 0, 0, 1],
    [56, 6, 0, 0, 0, 0, 62], [25, 0, 0, 0, 0, 0, 25], Z, Z, [1, 0, 0, 0, 0, 0, 1],
    [67, 3, 0, 0, 1, 0, 71], [6, 0, 0, 0, 0, 0, 6], [108, 2, 0, 0, 0, 0, 110],
    [2932, 53, 0, 0, 61, 4, 3050], [103, 0, 0, 0, 0, 0, 103],
]
PDF_TABLE4 = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
PDF_TABLE2 = {"规章": [1, 0, 11], "行政规范性文件": [8, 26, 66], "行政许可": [447228], "行政处罚": [3985758],
              "行政强制": [88283], "行政事业性收费": [Decimal("96171.6")]}


def values(cells) -> list:
    out = []
    for cell in cells:
        if cell.state == NUMBER:
            out.append(int(cell.value) if cell.value == cell.value.to_integral_value() else cell.value)
        elif cell.state == BLANK:
            out.append(B)
        else:
            assert cell.state in (MALFORMED, MISSING)
            out.append(M)
    return out


def table2_values(report) -> dict:
    return {row.label: values(row.cells) for block in report.tables.table2 for row in block.rows}


@pytest.fixture(scope="module")
def reports():
    return {name: parse(read_path(str(path))) for name, path in SEEDS.items()}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_sections(reports, name):
    report = reports[name]
    assert [(s.number, s.line.origin_line) for s in report.statutory_sections()] == list(
        zip(range(1, 7), SECTION_LINES[name]))


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_table3_every_cell(reports, name):
    table = reports[name].tables.table3
    assert table is not None and table.found
    assert [values(row.cells) for row in table.rows] == TABLE3[name]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_table4_every_cell(reports, name):
    assert values(reports[name].tables.table4.rows[0].cells) == TABLE4[name]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_table2_every_cell(reports, name):
    assert table2_values(reports[name]) == TABLE2[name]


def test_suining_uses_the_2019_format_and_flags_the_malformed_cell(reports):
    report = reports["suining"]
    assert report.meta.year == 2019 and report.meta.template == "gov-2019"
    cell = report.tables.table3.row("8.属于行政查询事项").cells[2]
    assert cell.state == MALFORMED and cell.raw == "00" and cell.span.line == 183
    purchase = [row for block in report.tables.table2 for row in block.rows if row.label == "政府集中采购"][0]
    assert purchase.cells[1].unit == "万元" and purchase.cells[1].span.line == 73


def test_jiangyin_rows_that_lost_cells_say_why(reports):
    row = reports["jiangyin"].tables.table3.rows[0]
    assert all(cell.state == MISSING for cell in row.cells)
    assert "5 个值" in row.cells[0].reason
    assert [values(row.extra_cells)] == [[16, 0, 0, 0, 16]]  # what was written (l.145–153), kept aside


def test_cell_spans_point_at_the_file(reports):
    row = reports["xunyang"].tables.table3.rows[0]
    assert row.match.span.line == 128
    assert [cell.span.line for cell in row.cells] == [130, 132, 134, 136, 138, 140, 142]
    changde = reports["changde"].tables.table3.row("（一）予以公开")
    assert changde.match.span.line == 41 and changde.cells[0].span.line == 41
    assert changde.cells[0].span.column == len("三、本年度办理结果 | (一)予以公开 | ") + 1


def test_metadata_of_the_seeds(reports):
    meta = {name: report.meta for name, report in reports.items()}
    assert (meta["changde"].year, meta["changde"].agency) == (2022, "常德经济技术开发区")
    assert meta["changde"].period == ("2022年1月1日", "12月31日")
    assert meta["xunyang"].agency == "浔阳区人民政府" and meta["xunyang"].year == 2023
    assert meta["suining"].signature_date == "2020年1月20日"
    assert meta["hedong"].agency == "河东区商务局" and meta["hedong"].template == "gov-2021"


def test_row_labels_are_not_headings(reports):
    titles = [s.title for s in reports["changde"].sections]
    assert not any("本年新收" in t or "结转下年度" in t for t in titles)


def test_chrome_is_kept_out_of_paragraphs(reports):
    texts = [p.text for p in reports["jiangyin"].paragraphs()]
    assert not any(t.startswith(("当前位置", "信息索引号")) for t in texts)
    assert any(block.lines[0].origin_line == 2 for block in reports["jiangyin"].chrome)
    assert not any("扫一扫" in p.text for p in reports["xunyang"].paragraphs())


# --- the peer PDF --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_report():
    return parse(read_path(str(PEER / "govnianbao__szfgs2024.pdf")))


def test_pdf_sections_by_page(pdf_report):
    sections = pdf_report.statutory_sections()
    assert [s.number for s in sections] == [1, 2, 3, 4, 5, 6]
    assert [s.line.location for s in sections] == ["第 1 页", "第 3 页", "第 4 页", "第 5 页", "第 5 页", "第 6 页"]
    assert sections[0].line.origin_line == 9  # the ninth text line of page 1
    lines = [s.line.origin_line for s in sections]
    assert lines == sorted(lines)


def test_pdf_tables_every_cell(pdf_report):
    tables = pdf_report.tables
    assert [values(row.cells) for row in tables.table3.rows] == PDF_TABLE3
    assert values(tables.table4.rows[0].cells) == PDF_TABLE4
    assert table2_values(pdf_report) == PDF_TABLE2
    assert pdf_report.unparsed == []


def test_pdf_page_marks_are_chrome(pdf_report):
    marks = [block for block in pdf_report.chrome if block.kind == "page-mark"]
    assert len(marks) == 6
    assert not any(p.text.strip() in ("- 1 -", "- 4 -") for p in pdf_report.paragraphs())


def test_pdf_metadata(pdf_report):
    meta = pdf_report.meta
    assert (meta.year, meta.agency, meta.template) == (2024, "淮安市人民政府", "gov-2021")


def test_raw_pdf_text_of_section3_binds():
    report = parse(read_path(str(PEER / "govnianbao__section3_raw_text.txt")))
    assert [s.number for s in report.statutory_sections()] == [3]
    rows = [values(row.cells) for row in report.tables.table3.rows]
    assert rows[:13] == PDF_TABLE3[:13]  # the text stops after （四）1 (its line 46)
    assert rows[13:] == [[M] * 7] * 12


# --- the blank official template -----------------------------------------------------------------


@pytest.fixture(scope="module")
def template_report():
    return parse(read_path(str(PEER / "govnianbao__official-template-blank.docx")))


def test_template_docx_sections(template_report):
    sections = template_report.statutory_sections()
    assert [s.line.location for s in sections] == ["段落 4", "段落 7", "段落 19", "段落 24", "段落 29", "段落 31"]
    # running block numbers: 9 paragraphs, 30 cells of table 二, 9 paragraphs, 三, 2, 215 cells, …
    assert [s.line.origin_line for s in sections] == [4, 7, 49, 269, 308, 310]


def test_template_docx_tables_are_blank_not_zero(template_report):
    tables = template_report.tables
    assert [values(row.cells) for row in tables.table3.rows] == [[B] * 7] * 25
    assert values(tables.table4.rows[0].cells) == [B] * 15
    assert table2_values(template_report) == {"规章": [B] * 3, "行政规范性文件": [B] * 3, "行政许可": [B],
                                              "行政处罚": [B], "行政强制": [B], "行政事业性收费": [B]}
    cell = tables.table3.rows[0].cells[0]
    assert cell.span is not None and cell.span.line == 63  # label at block 62, its first value at 63


def test_pdf_text_layout_of_tables_3_and_4_binds():
    """pdfplumber's plain text of pages 4–5 (no table finder): wrapped labels around the numbers,
    group labels written vertically between rows, a page mark inside the table."""
    report = parse(read_path(str(PEER.parent / "pdf_text_tables_3_4.txt")))
    assert [values(row.cells) for row in report.tables.table3.rows] == PDF_TABLE3
    assert values(report.tables.table4.rows[0].cells) == PDF_TABLE4
    rejoined = report.tables.table3.rows[21]
    assert rejoined.match.raw == "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理"
    assert (rejoined.match.span.line, rejoined.match.span.last_line) == (46, 48)
