"""Table tokens: a line of text drops its layout blanks as the whole-stream pass would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.model import Line
from gxlint.parser.tokens import Token, _drop_layout_blanks, _layout, _pipe_cells, tokenize


def _reference(lines: list[Line]) -> list[tuple]:
    """Every cell of every line as a token, then the stream pass over all of them."""
    tokens = []
    for line in lines:
        if line.cell:
            tokens.extend(tokenize([line]))
            continue
        if not line.text or line.text.isspace():
            continue
        cells = _layout.__wrapped__(line.text)
        if "|" in line.text:
            cells = _pipe_cells(line.text, "|")
        elif "\t" in line.text.strip():
            cells = _pipe_cells(line.text, "\t")
        tokens.extend(Token(c, line, f, last, b, r, v) for c, f, last, b, r, v in cells)
    return _key(_drop_layout_blanks(tokens))


def _key(tokens) -> list[tuple]:
    return [(t.text, t.line.number, t.span, t.blank, t.row_start, t.is_value) for t in tokens]


ROW = st.lists(st.sampled_from(["", " ", "0", "12", "-", "法提供", "（二）部分公开", "<br>"]), max_size=6)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(ROW, st.sampled_from(["|", "\t"]), st.booleans()), max_size=6))
def test_tokens_of_text_and_cell_lines_match_the_stream_pass(rows):
    lines = []
    for number, (cells, separator, as_cells) in enumerate(rows, 1):
        if as_cells:
            lines.extend(Line(text, number, number, cell=True, row_start=i == 0) for i, text in enumerate(cells))
        else:
            lines.append(Line(separator + separator.join(cells) + separator, number, number))
    assert _key(tokenize(lines)) == _reference(lines)


def test_a_leading_blank_before_a_label_is_layout_and_before_a_value_is_a_cell():
    label_row = Line("| | 法提供 | 11 |", 1, 1)
    value_row = Line("| | 0 | 11 |", 2, 2)
    assert [t.text for t in tokenize([label_row])] == ["法提供", "11"]
    assert [t.text for t in tokenize([value_row])] == ["", "0", "11"]
