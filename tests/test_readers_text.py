"""Plain text lines: CRLF, CR and LF each end a line, as an editor splits them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.readers.text import read, split_lines


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="a中\r\n ", max_size=20))
def test_split_lines_breaks_at_crlf_cr_and_lf(text):
    parts, _ = split_lines(text)
    expected = re.split(r"\r\n|\r|\n", text)
    if expected and expected[-1] == "":
        expected.pop()
    assert parts == expected


def test_lines_are_numbered_from_one_and_markers_kept():
    document = read("一、总体情况\r\n正文<!-- gxlint: disable=GX101 -->\r\n".encode(), "r.txt")
    assert [(line.text, line.number, line.origin_line) for line in document.lines] == [
        ("一、总体情况", 1, 1), ("正文<!-- gxlint: disable=GX101 -->", 2, 2)]
    assert document.markers == [(2, "disable=GX101")] and document.newline == "\r\n"


def test_a_byte_order_mark_inside_the_file_is_dropped_and_columns_still_point_into_the_file():
    # a second file's BOM where two files were joined, and a stray one inside a line
    document = read("一、总体情况\n\ufeff\ufeff本机关,,落实。\n正\ufeff文\n".encode(), "r.txt")
    second, third = document.lines[1], document.lines[2]
    assert second.text == "本机关,,落实。" and second.origin_column == 3
    assert second.span(3, 5).column == 6  # ",," is the 6th character of the line in the file
    assert third.text == "正文" and third.origin_column == 1
    assert document.lines[0].origin_column == 1
