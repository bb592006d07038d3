"""The ``gxlint parse --format json`` payload: its fields are a contract."""

from __future__ import annotations

import json

from gxlint.parser import parse
from gxlint.readers import read_path
from gxlint.serialize import report_to_dict

from .conftest import PEER, SEEDS


def test_payload_fields_and_row_order():
    data = json.loads(json.dumps(report_to_dict(parse(read_path(str(SEEDS["suining"])))), ensure_ascii=False))
    for key in ("path", "year", "agency", "region", "template", "sections", "tables", "unparsed"):
        assert key in data
    assert (data["year"], data["template"]) == (2019, "gov-2019")
    assert [(s["number"], s["line"]) for s in data["sections"]] == [(1, 3), (2, 20), (3, 79), (4, 278), (5, 313), (6, 322)]
    rows = data["tables"]["table3"]["rows"]
    assert len(rows) == 23 and rows[20]["label"] == "（六）其他处理"
    malformed = rows[11]
    assert malformed["label"] == "8.属于行政查询事项" and malformed["values"] == [0, 0, None, 0, 0, 0, 0]
    assert malformed["reasons"][2].startswith("malformed") and malformed["cell_lines"][2] == 183
    assert data["tables"]["table4"]["values"] == [0] * 15 and data["tables"]["table4"]["line"] == 279


def test_a_table_found_lists_every_template_row_even_those_the_report_lacks():
    data = report_to_dict(parse(read_path(str(PEER / "govnianbao__section3_raw_text.txt"))))
    rows = data["tables"]["table3"]["rows"]
    assert len(rows) == 25 and rows[13]["line"] is None
    assert rows[13]["values"] == [None] * 7 and rows[13]["reasons"][0].startswith("missing")
    assert rows[12]["values"] == [746, 12, 0, 0, 10, 1, 769] and rows[12]["line"] == 46


def test_locations_of_non_text_formats():
    data = report_to_dict(parse(read_path(str(PEER / "govnianbao__official-template-blank.docx"))))
    assert [s["location"] for s in data["sections"]] == ["段落 4", "段落 7", "段落 19", "段落 24", "段落 29", "段落 31"]
    rows = data["tables"]["table3"]["rows"]
    assert all(value is None for row in rows for value in row["values"])
    assert rows[0]["reasons"][0].startswith("blank")


def test_rows_of_structured_formats_say_where_they_are():
    data = report_to_dict(parse(read_path(str(PEER / "govnianbao__szfgs2024.pdf"))))
    rows = data["tables"]["table3"]["rows"]
    assert rows[0]["location"] == "第 4 页 表 3 第 4 行 第 1 列"  # 一、本年新收… on page 4
    assert rows[14]["location"].startswith("第 5 页")  # （四）3 after the page break
    text = report_to_dict(parse(read_path(str(SEEDS["changde"]))))
    assert text["tables"]["table3"]["rows"][0]["location"] is None
