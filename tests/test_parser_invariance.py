"""Presentation does not change the result: one report, rendered every way, binds the same.

The report is built from seed 002's bound tables (non-zero values in several rows and columns,
so a value in the wrong cell would show) and from seed 001's (the 2019 format) and rendered in each table layout, each encoding and line
ending, full- and half-width punctuation, as text, Markdown, HTML and DOCX.
"""

from __future__ import annotations

import pytest

from gxlint.parser import parse
from gxlint.readers import read_bytes, read_path

from .conftest import SEEDS
from .render_report import (
    TEXT_LAYOUTS,
    half_width,
    render_docx,
    render_html,
    render_text,
    spec_from_report,
)


def snapshot(report) -> dict:
    """Sections and every bound cell, independent of where in the file they were written."""

    def cells(row):
        return [(c.state, c.value) for c in row.cells]

    tables = report.tables
    return {
        "sections": [(s.number, s.canonical_title) for s in report.statutory_sections()],
        "table2": [(b.block, [(r.label, cells(r)) for r in b.rows]) for b in tables.table2],
        "table3": [(r.key, cells(r)) for r in tables.table3.rows] if tables.table3 else None,
        "table4": cells(tables.table4.rows[0]) if tables.table4 else None,
        "year": report.meta.year,
        "template": report.meta.template,
        "agency": report.meta.agency,
        "title": report.meta.title,
        "period": report.meta.period,
    }


@pytest.fixture(scope="module", params=["xunyang", "suining"])
def source(request):
    """Seed 002 (2021 format) and seed 001 (2019 format, a malformed ``00``, ``1112万元``)."""
    return parse(read_path(str(SEEDS[request.param])))


@pytest.fixture(scope="module")
def spec(source):
    return spec_from_report(source)


@pytest.fixture(scope="module")
def expected(source):
    return snapshot(source)


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: text.encode("utf-8-sig"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16": lambda text: text.encode("utf-16"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
}


def test_source_is_a_real_table(expected):
    if expected["year"] == 2023:
        assert len(expected["table3"]) == 25
        assert expected["table3"][0][1][0][1] == 14 and expected["table2"][1][1][0][1][0][1] == 8014
    else:
        assert expected["year"] == 2019 and len(expected["table3"]) == 23
        assert expected["table3"][11][1][2] == ("malformed", None) and expected["table2"][4][1][0][1][1][1] == 1112


@pytest.mark.parametrize("layout", sorted(TEXT_LAYOUTS))
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_text_layouts_and_encodings(spec, expected, layout, encoding):
    text = render_text(spec, layout, markdown=layout.startswith("markdown"))
    path = "report.md" if layout.startswith("markdown") else "report.txt"
    report = parse(read_bytes(ENCODINGS[encoding](text), path))
    assert snapshot(report) == expected


@pytest.mark.parametrize("layout", sorted(TEXT_LAYOUTS))
def test_half_width_punctuation(spec, expected, layout):
    text = half_width(render_text(spec, layout, markdown=layout.startswith("markdown")))
    assert "（" not in text
    assert snapshot(parse(read_bytes(text.encode("utf-8"), "report.txt"))) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-8-bom"])
def test_html(spec, expected, encoding):
    html = render_html(spec)
    if encoding == "gb18030":
        html = html.replace('charset="utf-8"', 'charset="gb18030"')
    report = parse(read_bytes(ENCODINGS[encoding](html), "report.html"))
    assert snapshot(report) == expected
    assert report.source_kind == "html"


def test_html_half_width(spec, expected):
    html = half_width(render_html(spec))
    assert snapshot(parse(read_bytes(html.encode("utf-8"), "report.html"))) == expected


def test_docx(spec, expected):
    report = parse(read_bytes(render_docx(spec), "report.docx"))
    assert snapshot(report) == expected
    assert report.source_kind == "docx"


def test_html_lines_point_at_the_source(spec):
    html = render_html(spec)
    document = read_bytes(html.encode("utf-8"), "report.html")
    source_lines = html.split("\n")
    for line in document.lines:
        source = source_lines[line.origin_line - 1]
        if line.text and "&" not in source:
            assert source[line.origin_column - 1:].startswith(line.text[:4]), (line.text, source)
    report = parse(document)
    heading = report.section(3).line
    assert source_lines[heading.origin_line - 1].startswith("<h2>三、")
