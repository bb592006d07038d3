"""Parser details the seeds do not show: unnumbered styled headings, PDF prose, uncertain rows."""

from __future__ import annotations

import io

from gxlint.model import MISSING, NUMBER
from gxlint.parser import parse
from gxlint.readers import read_bytes
from gxlint.testing import parse_text

TITLES = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
          "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]


def test_html_headings_without_numerals_are_sections():
    body = "".join(f"<h2>{title}</h2><p>正文。</p>" for title in TITLES)
    report = parse(read_bytes(f"<html><body><h1>年度报告</h1>{body}</body></html>".encode(), "r.html"))
    assert [(s.number, s.numeral) for s in report.statutory_sections()] == [(n, "") for n in range(1, 7)]


def test_word_heading_styles_without_numerals_are_sections():
    import docx

    document = docx.Document()
    for title in TITLES:
        document.add_heading(title, level=1)
        document.add_paragraph("正文。")
        document.add_paragraph("总体情况")  # the same words as plain text are not a heading
    buffer = io.BytesIO()
    document.save(buffer)
    report = parse(read_bytes(buffer.getvalue(), "r.docx"))
    sections = report.statutory_sections()
    assert [s.number for s in sections] == [1, 2, 3, 4, 5, 6]
    assert [s.line.location for s in sections] == [f"段落 {n}" for n in (1, 4, 7, 10, 13, 16)]


def test_markdown_headings_without_numerals_are_sections():
    text = "\n".join(f"## {title}\n\n正文。\n" for title in TITLES)
    report = parse_text(text, path="r.md")
    assert [s.number for s in report.statutory_sections()] == [1, 2, 3, 4, 5, 6]


def test_plain_unnumbered_titles_are_not_headings():
    text = "\n".join(f"{title}\n正文。" for title in TITLES)
    assert parse_text(text).statutory_sections() == []


def test_table_row_labels_are_not_sections():
    text = "\n".join([
        "一、总体情况", "正文。", "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1",
        "四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0",
        "四、政府信息公开行政复议、行政诉讼情况", "无。",
    ])
    report = parse_text(text)
    assert [(s.number, s.line.origin_line) for s in report.statutory_sections()] == [(1, 1), (3, 3), (4, 20)]
    row = report.tables.table3.rows[0]
    assert [c.value for c in row.cells] == [1, 0, 0, 0, 0, 0, 1]


def test_a_row_with_an_extra_value_is_missing_not_shifted():
    text = "\n".join([
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 9 |",
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    ])
    table = parse_text(text).tables.table3
    assert all(cell.state == MISSING for cell in table.rows[0].cells)
    assert "8 个值" in table.rows[0].cells[0].reason
    # the table is damaged and the row after 二 is absent: 二 may hold that row's values too
    assert all(cell.state == MISSING and "下一行的标签缺失" in cell.reason for cell in table.rows[1].cells)
    assert [c.value for c in table.rows[1].extra_cells] == [0] * 7


def test_in_a_damaged_table_a_lost_label_does_not_complete_the_row_before():
    """Seed 003's rows lost cells; if a label is lost too, 3 + 4 values must not pass for a row."""
    text = "\n".join([
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1",
        "二、上年结转政府信息公开申请数量", "0", "0", "0",
        "0", "0", "0", "0",  # the label of （一）予以公开 was lost here
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0", "0", "0", "0", "0", "0", "0",
        "1.属于国家秘密", "0", "0", "0", "0", "0",  # a row that visibly lost cells: the table is damaged
    ])
    table = parse_text(text).tables.table3
    assert [c.value for c in table.rows[0].cells] == [1, 0, 0, 0, 0, 0, 1]
    assert all(cell.state == MISSING for cell in table.rows[1].cells)
    assert all(cell.state == NUMBER for cell in table.rows[3].cells)  # （二）: the row after is present


def test_values_after_a_label_fragment_are_never_placed():
    """A piece of a label followed by numbers: the row it may belong to becomes uncertain."""
    text = "\n".join([
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "新收政府信息 | 5 | 5 | 5 | 5 | 5 | 5 | 5 |",
        "（一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "不予公开 | 6 | 6 | 6 | 6 | 6 | 6 | 6 |",
    ])
    table = parse_text(text).tables.table3
    assert all(cell.state == MISSING for cell in table.rows[0].cells)  # 14 values: which 7?
    numbers = [cell.value for row in table.rows for cell in row.cells if cell.state == NUMBER]
    assert 5 not in numbers and 6 not in numbers  # the 5s and 6s went nowhere


def test_pdf_rows_with_one_value_bind():
    text = "\n".join(["二、主动公开政府信息情况", "第二十条 第（五）项", "信息内容 本年处理决定数量", "行政许可 447228"])
    blocks = parse_text(text).tables.table2
    assert [(row.label, [c.value for c in row.cells]) for row in blocks[0].rows] == [("行政许可", [447228])]


def test_markdown_cells_with_html_line_breaks():
    text = "\n".join([
        "二、主动公开政府信息情况",
        "| 第二十条第（一）项 | | | |",
        "|---|---|---|---|",
        "| 信息内容 | 本年<br/>制发件数 | 本年<br>废止件数 | 现行有效<BR />件数 |",
        "| 规章 | 1<br> | 0 | 2 |",
        "| 行政规范性<br/>文件 | 3 | 4 | 5 |",
    ])
    block = parse_text(text, path="r.md").tables.table2[0]
    assert [m.canonical for m in block.column_matches][-3:] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert [[c.value for c in row.cells] for row in block.rows] == [[1, 0, 2], [3, 4, 5]]


def test_template_follows_the_year_unless_configured():
    body = "\n".join(f"{'一二三四五六'[i]}、{title}\n正文。" for i, title in enumerate(TITLES))
    report_2020 = parse_text(f"某县人民政府2020年政府信息公开工作年度报告\n{body}\n某县人民政府\n2021年1月20日")
    assert (report_2020.meta.year, report_2020.meta.template) == (2020, "gov-2019")
    assert report_2020.meta.signature_date == "2021年1月20日" and report_2020.meta.agency == "某县人民政府"
    forced = parse_text(f"某县人民政府2020年政府信息公开工作年度报告\n{body}", template="gov-2021")
    assert (forced.meta.template, forced.meta.template_reason) == ("gov-2021", "配置指定")
    undated = parse_text(body)
    assert undated.meta.year is None and undated.meta.template == "gov-2021"


def test_year_from_the_statistical_period_when_the_title_has_none():
    report = parse_text("政府信息公开工作年度报告\n本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n正文。")
    assert report.meta.year == 2023 and report.meta.period == ("2023年1月1日", "2023年12月31日")
    assert report.meta.year_source == "统计期限"


def test_page_marks_in_text_are_chrome():
    report = parse_text("一、总体情况\n第一段。\n— 3 —\n- 4 -\n第 5 页 共 9 页\n第二段。")
    assert [p.text for p in report.paragraphs()] == ["第一段。", "第二段。"]
    assert {block.kind for block in report.chrome} == {"page-mark"}


def test_full_width_digits_and_traditional_labels_bind():
    text = "\n".join([
        "三、收到和處理政府信息公開申請情況",
        "一、本年新收政府信息公開申請數量 | １２ | ０ | 0 | 0 | 0 | 0 | 12 |",
        "二、上年結轉政府信息公開申請數量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    ])
    report = parse_text(text)
    assert report.section(3) is not None
    rows = report.tables.table3.rows
    assert [c.value for c in rows[0].cells] == [12, 0, 0, 0, 0, 0, 12] and rows[0].match.distance == 0
    assert [c.value for c in rows[1].cells] == [0] * 7


def test_markdown_empty_cells_under_a_spanning_label_are_not_values():
    text = "\n".join([
        "三、收到和处理政府信息公开申请情况",
        "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "| 三、本年度办理结果 | （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    ])
    table = parse_text(text, path="r.md").tables.table3
    assert [c.value for c in table.row("（一）予以公开").cells] == [2, 0, 0, 0, 0, 0, 2]
    assert [c.value for c in table.rows[3].cells] == [1, 0, 0, 0, 0, 0, 1]
    assert [c.value for c in table.rows[4].cells] == [0] * 7
    assert [c.value for c in table.rows[0].cells] == [3, 0, 0, 0, 0, 0, 3]


def test_label_sets_spelling_the_same_labels_differently_do_not_share_matches():
    from gxlint.bind.labels import LabelSet

    full_width = LabelSet(["（一）予以公开"])
    half_width = LabelSet(["(一)予以公开"])
    assert full_width.match("(一) 予以公开").canonical == "（一）予以公开"
    assert half_width.match("(一) 予以公开").canonical == "(一)予以公开"
