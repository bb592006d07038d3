"""The seed reports parse into six sections with the headings where a reader sees them."""

import pytest

from gxlint.parser import parse
from gxlint.readers import read_path

from .conftest import SEEDS

# Heading lines read by hand from each file.
SECTION_LINES = {
    "changde": [2, 20, 35, 64, 69, 78],
    "suining": [3, 20, 79, 278, 313, 322],
    "xunyang": [9, 39, 102, 538, 619, 625],
    "jiangyin": [23, 47, 113, 489, 574, 582],
    "hedong": [5, 17, 52, 295, 333, 340],
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_six_sections_at_their_lines(name):
    report = parse(read_path(str(SEEDS[name])))
    assert [s.number for s in report.statutory_sections()] == [1, 2, 3, 4, 5, 6]
    assert [s.line.origin_line for s in report.statutory_sections()] == SECTION_LINES[name]
