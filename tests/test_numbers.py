"""Quantities in prose: a number and its unit, never part of a document number, a date or a decimal."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.numbers import find_quantities

# The plain statement of what a quantity is; gxlint's own pattern is arranged for speed.
REFERENCE = re.compile(
    r"(?<![\d.A-Za-z〔\[/\-])(?<!\d,)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(万元|亿元|元|件次|件|条|项|次|个|人次|人|份|期|场|篇|%|％)"
)


def test_quantities_and_what_is_not_one():
    found = [(q.value, q.unit) for q in find_quantities("收到申请1,234件，办结98.5%，费用0元；文号〔2023〕12号，A12件，3.5件")]
    assert found == [(Decimal("1234"), "件"), (Decimal("98.5"), "%"), (Decimal("0"), "元"), (Decimal("3.5"), "件")]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789,. 万亿元件次条项个人份期场篇%％a〔[/-收", max_size=16))
def test_same_matches_as_the_plain_pattern(text):
    expected = [(m.start(), m.end(), m.group(1), m.group(2)) for m in REFERENCE.finditer(text)]
    found = [(q.start, q.end, q.text) for q in find_quantities(text)]
    assert [(s, e) for s, e, *_ in expected] == [(s, e) for s, e, _ in found]
    assert [text[s:e] for s, e, *_ in expected] == [t for *_, t in found]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="0123456789,.-—/ O无万元件 ", max_size=8), st.booleans()), max_size=8))
def test_token_cells_are_the_cells_parse_cell_makes(written):
    from gxlint.model import Line
    from gxlint.numbers import parse_cell, token_cells
    from gxlint.parser.tokens import Token

    line = Line("| x |", 3, 7, 2)
    tokens = [Token("" if blank else text, line, i, i + 1, blank=blank) for i, (text, blank) in enumerate(written)]
    expected = [parse_cell(t.text, t.span) if not t.blank else parse_cell("", t.span) for t in tokens]
    cells = token_cells(tokens)
    assert cells == expected and [repr(c) for c in cells] == [repr(c) for c in expected]
    assert [vars(c) for c in cells] == [vars(c) for c in expected]
