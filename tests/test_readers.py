"""Readers: every format's text view, its positions, and a clear ReadError for every broken file."""

from __future__ import annotations

import io
import zipfile

import pytest

from gxlint.parser import parse
from gxlint.readers import ReadError, read_bytes, read_path

from .conftest import PEER

HTML = """<!DOCTYPE html>
<html><head><title>页面标题</title><style>p {color: red}</style>
<script>var s = "一、总体情况";</script></head>
<body><header>网站头部 首页</header><nav>当前栏目 导航</nav>
<h1>某区人民政府2023年政府信息公开工作年度报告</h1>
<div>一、总体情况</div>
<p>本年度<b>共收到</b>申请 3 件。<!-- gxlint: disable GX501 --></p>
<p>第一行<br>第二行</p>
<table border="1">
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td></tr>
<tr><td colspan="1">（二）部分公开</td>
    <td>
      2
    </td></tr>
</table>
<footer>版权所有 网站标识码</footer>
</body></html>
"""


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- HTML -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html_doc():
    return read_bytes(HTML.encode("utf-8"), "report.html")


def test_html_drops_scripts_styles_navigation_header_footer(html_doc):
    text = "\n".join(line.text for line in html_doc.lines)
    for gone in ("var s", "color: red", "当前栏目", "网站头部", "版权所有", "页面标题"):
        assert gone not in text
    assert [line.text for line in html_doc.lines[:5]] == [
        "某区人民政府2023年政府信息公开工作年度报告", "一、总体情况", "本年度共收到申请 3 件。", "第一行", "第二行"]


def test_html_lines_carry_source_lines_and_columns(html_doc):
    by_text = {line.text: line for line in html_doc.lines}
    assert (by_text["一、总体情况"].origin_line, by_text["一、总体情况"].origin_column) == (6, 6)
    assert by_text["本年度共收到申请 3 件。"].origin_line == 7
    assert by_text["第二行"].origin_line == 8
    two = by_text["2"]
    assert (two.origin_line, two.origin_column) == (13, 7)  # the text, not the <td> a line above


def test_html_table_cells_and_grid(html_doc):
    cells = [(line.text, line.row_start) for line in html_doc.lines if line.cell]
    assert cells == [("三、本年度办理结果", True), ("（一）予以公开", False), ("1", False),
                     ("（二）部分公开", True), ("2", False)]
    grid = html_doc.tables[0]
    assert [[c.text for c in row] for row in grid.rows] == [
        ["三、本年度办理结果", "（一）予以公开", "1"], ["三、本年度办理结果", "（二）部分公开", "2"]]
    assert grid.rows[1][0] is grid.rows[0][0] and grid.rows[0][0].rowspan == 2
    assert html_doc.lines[-1].location == "表 1 第 2 行 第 3 列"


def test_html_keeps_suppression_comments(html_doc):
    assert html_doc.markers == [(7, "disable GX501")]


def test_html_layout_tables_are_read_as_blocks():
    page = "<html><body><table><tr><td><p>一、总体情况</p><table><tr><td>a</td><td>1</td></tr></table></td></tr></table></body></html>"
    document = read_bytes(page.encode(), "page.html")
    assert [(line.text, line.cell) for line in document.lines] == [("一、总体情况", False), ("a", True), ("1", True)]


def test_html_in_gb18030_and_sniffed_behind_a_txt_suffix():
    page = "<!DOCTYPE html><html><head><meta charset=gbk></head><body><p>一、总体情况</p></body></html>"
    document = read_bytes(page.encode("gb18030"), "report.txt")
    assert document.kind == "html" and document.lines[0].text == "一、总体情况"


def test_html_nested_too_deep_is_a_read_error():
    page = "<html><body>" + "<div>" * 5000 + "正文" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(ReadError, match="嵌套过深"):
        read_bytes(page.encode(), "deep.html")


def test_html_without_text_is_a_read_error():
    with pytest.raises(ReadError, match="没有可读的文字"):
        read_bytes(b"<html><body><script>var a;</script><nav>x</nav></body></html>", "empty.html")


def test_html_hostile_spans_are_clamped():
    page = '<html><body><table><tr><td rowspan="999999999" colspan="-4">a</td><td>1</td></tr></table></body></html>'
    document = read_bytes(page.encode(), "spans.html")
    assert [line.text for line in document.lines] == ["a", "1"]


# --- DOCX -------------------------------------------------------------------------------------------


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_body_order_with_locations():
    def build(document):
        document.add_paragraph("一、总体情况")
        table = document.add_table(rows=2, cols=3)
        merged = table.cell(0, 0).merge(table.cell(1, 0))
        merged.text = "三、本年度办理结果"
        table.cell(0, 1).text, table.cell(0, 2).text = "（一）予以公开", "1"
        table.cell(1, 1).text, table.cell(1, 2).text = "（二）部分公开", "2"
        document.add_paragraph("五、存在的主要问题及改进情况")

    document = read_bytes(_docx(build), "r.docx")
    assert [(line.text, line.location, line.origin_line) for line in document.lines] == [
        ("一、总体情况", "段落 1", 1),
        ("三、本年度办理结果", "表 1 第 1 行 第 1 列", 2),
        ("（一）予以公开", "表 1 第 1 行 第 2 列", 3),
        ("1", "表 1 第 1 行 第 3 列", 4),
        ("（二）部分公开", "表 1 第 2 行 第 2 列", 5),
        ("2", "表 1 第 2 行 第 3 列", 6),
        ("五、存在的主要问题及改进情况", "段落 2", 7),
    ]
    assert [line.row_start for line in document.lines if line.cell] == [True, False, False, True, False]
    grid = document.tables[0]
    assert grid.rows[1][0] is grid.rows[0][0]


def test_docx_automatic_numbering_is_rendered():
    def build(document):
        document.add_paragraph("总体情况", style="List Number")
        document.add_paragraph("主动公开政府信息情况", style="List Number")

    document = read_bytes(_docx(build), "r.docx")
    # python-docx's default template numbers "List Number" paragraphs as 1. 2.
    assert [line.text for line in document.lines] == ["1.总体情况", "2.主动公开政府信息情况"]


def test_docx_chinese_numbering_formats():
    from gxlint.readers.numbering import chinese_numeral, format_number

    assert [chinese_numeral(n) for n in (1, 6, 10, 11, 20, 25)] == ["一", "六", "十", "十一", "二十", "二十五"]
    assert format_number(3, "chineseCounting") == "三" and format_number(4, "upperRoman") == "IV"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"PK\x03\x04 not really a zip", "zip"),
        (b"plain text pretending", "zip"),
        (_zip({"[Content_Types].xml": b"<Types/>"}), "document.xml"),
        (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<broken"}), "DOCX"),
    ],
)
def test_broken_docx_is_a_read_error(data, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data, "broken.docx")


def test_truncated_docx_is_a_read_error():
    data = (PEER / "govnianbao__official-template-blank.docx").read_bytes()
    with pytest.raises(ReadError):
        read_bytes(data[: len(data) // 2], "half.docx")


def test_zip_bomb_is_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(120):
                member.write(chunk)
    assert len(buffer.getvalue()) < 1024 * 1024
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_bytes(buffer.getvalue(), "bomb.docx")


# --- PDF --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_doc():
    return read_path(str(PEER / "govnianbao__szfgs2024.pdf"))


def test_pdf_lines_by_page_with_running_numbers(pdf_doc):
    assert pdf_doc.kind == "pdf"
    assert [line.origin_line for line in pdf_doc.lines] == list(range(1, len(pdf_doc.lines) + 1))
    assert pdf_doc.lines[0].text == "淮安市人民政府" and pdf_doc.lines[0].location == "第 1 页"
    marks = [line for line in pdf_doc.lines if line.text.strip() in {f"- {n} -" for n in range(1, 7)}]
    assert [line.location for line in marks] == [f"第 {n} 页" for n in range(1, 7)]


def test_pdf_tables_come_from_the_page_layout(pdf_doc):
    cells = [line for line in pdf_doc.lines if line.cell]
    first = next(i for i, line in enumerate(cells) if line.text == "一、本年新收政府信息公开申请数量")
    assert [line.text for line in cells[first:first + 8]] == [
        "一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"]
    assert cells[first].row_start and cells[first].location.startswith("第 4 页 表")
    framed = [line for line in pdf_doc.lines if line.text.startswith("（五）政府信息公开监督保障情况")]
    assert framed and not framed[0].cell  # a one-column framed paragraph is text


@pytest.mark.parametrize("cut", [200, 5000, 100000])
def test_truncated_pdf_is_a_read_error(cut):
    data = (PEER / "govnianbao__szfgs2024.pdf").read_bytes()[:cut]
    with pytest.raises(ReadError, match="PDF"):
        read_bytes(data, "cut.pdf")


# --- anything else ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, path, message",
    [
        (b"", "empty.txt", "为空"),
        (b"   \n\n  \t\n", "blank.txt", "没有任何文字"),
        (bytes(range(256)) * 40, "random.txt", "二进制"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "image.txt", "二进制"),
        (b"%PDF-1.7\n%garbage", "fake.txt", "PDF"),
    ],
)
def test_unreadable_inputs(data, path, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data, path)


def test_docx_with_the_wrong_suffix_is_sniffed():
    data = (PEER / "govnianbao__official-template-blank.docx").read_bytes()
    document = read_bytes(data, "template.txt")
    assert document.kind == "docx"
    assert parse(document).section(3) is not None


def test_pdf_table_grid_has_the_merged_cells_of_the_page(pdf_doc):
    table4 = pdf_doc.tables[-1]
    assert table4.width == 15 and len(table4.rows) == 4
    assert table4.rows[0][0].colspan == 5 and table4.rows[0][5].colspan == 10
    assert table4.rows[1][0].rowspan == 2 and table4.rows[2][0] is table4.rows[1][0]
    assert [c.text for c in table4.rows[3]] == ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26",
                                                "12", "1", "1", "6", "20"]


def test_html_page_layout_with_the_article_in_a_cell_is_read_as_blocks():
    article = "<p>一、总体情况</p>" + "<p>" + "本年度政务公开工作稳步推进。" * 30 + "</p>"
    page = f"<html><body><table><tr><td>栏目导航</td><td>{article}</td></tr></table></body></html>"
    document = read_bytes(page.encode(), "page.html")
    assert not any(line.cell for line in document.lines)
    assert "一、总体情况" in [line.text for line in document.lines]


def test_docx_chinese_list_numbering_makes_section_headings():
    """Headings numbered by Word (一、二、…) carry no numeral in the text; the reader draws it."""
    from docx.oxml.ns import qn

    def build(document):
        for title in ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"):
            document.add_paragraph(title, style="List Number")
            document.add_paragraph("正文。")
        numbering = document.part.numbering_part.element
        style = document.styles["List Number"].element
        num_id = style.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
        num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(a for a in numbering.iter(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
        level = abstract.find(qn("w:lvl"))
        level.find(qn("w:numFmt")).set(qn("w:val"), "chineseCounting")
        level.find(qn("w:lvlText")).set(qn("w:val"), "%1、")

    document = read_bytes(_docx(build), "r.docx")
    assert [line.text for line in document.lines][::2] == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
    assert [s.number for s in parse(document).statutory_sections()] == [1, 2, 3]


def test_pdf_running_headers_and_footers_are_chrome():
    from gxlint.model import Line
    from gxlint.readers.pdf import _mark_running_lines

    pages = [
        [Line("某区人民政府2023年政府信息公开工作年度报告", 0, 0), Line(f"正文第 {n} 页的内容。", 0, 0), Line(f"第 {n} 页", 0, 0)]
        for n in range(1, 5)
    ]
    pages[0].insert(0, Line("封面标题", 0, 0))
    _mark_running_lines(pages)
    marked = [line.text for page in pages for line in page if line.chrome]
    assert marked == ["第 1 页", "某区人民政府2023年政府信息公开工作年度报告", "第 2 页",
                      "某区人民政府2023年政府信息公开工作年度报告", "第 3 页",
                      "某区人民政府2023年政府信息公开工作年度报告", "第 4 页"]
    assert not any(line.chrome for line in pages[0][:2])  # page 1 opens with its own title


def test_pdf_page_marks_are_marked_by_the_reader(pdf_doc):
    assert [line.text for line in pdf_doc.lines if line.chrome] == [f"- {n} -" for n in range(1, 7)]


def test_docx_frame_tables_are_read_as_body_text():
    def build(document):
        frame = document.add_table(rows=1, cols=1)
        cell = frame.cell(0, 0)
        cell.paragraphs[0].text = "一、总体情况"
        cell.add_paragraph("本年度政务公开工作稳步推进。")
        inner = cell.add_table(rows=1, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "行政许可", "8"

    document = read_bytes(_docx(build), "r.docx")
    assert [(line.text, line.cell) for line in document.lines] == [
        ("一、总体情况", False), ("本年度政务公开工作稳步推进。", False), ("行政许可", True), ("8", True),
        ("", False)]  # Word ends every cell with a paragraph, here after the inner table
    assert parse(document).section(1) is not None
