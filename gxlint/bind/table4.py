"""Table 四 (行政复议、行政诉讼): one data row of 15 cells after a three-row header.

Order: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5, each 结果维持, 结果纠正, 其他结果, 尚未审结,
总计. The values are the value tokens after the header; a count other than 15 cannot be placed.
"""

from __future__ import annotations

from ..model import MISSING, BoundTable, Cell, LabelMatch, TableRow
from ..numbers import token_cells
from ..templates import Template
from .labels import LabelSet, token_match


def bind_table4(tokens, layout: Template) -> BoundTable:
    headers = LabelSet(list(layout.table4_headers) + list(layout.table4_columns))
    width = len(layout.table4_groups) * len(layout.table4_columns)
    header_matches: list[LabelMatch] = []
    values = []
    first_span = None
    for index, token in enumerate(tokens):
        if token.is_value:
            if header_matches:
                values.append(token)
            continue
        joined = token.text + (tokens[index + 1].text if index + 1 < len(tokens) and not tokens[index + 1].is_value else "")
        hit = headers.match(token.text) or headers.match(joined, fuzzy=False)
        if hit is not None:
            header_matches.append(token_match(token, hit))
            first_span = first_span or token.span
    key = "行政复议、行政诉讼"
    problems: list[str] = []
    if not header_matches:
        cells = [Cell(MISSING, reason="没有找到表四") for _ in range(width)]
        return BoundTable("table4", layout.id, [TableRow(key, key, None, cells)], _columns(layout), None, found=False)
    if len(values) == width:
        cells = token_cells(values)
        row = TableRow(key, key, LabelMatch(key, key, 0.0, values[0].span), cells)
    else:
        reason = f"表四读到 {len(values)} 个值，应为 {width} 个，无法确定缺少或多出的是哪一格"
        problems.append(reason)
        cells = [Cell(MISSING, reason=reason, span=first_span) for _ in range(width)]
        row = TableRow(key, key, LabelMatch(key, key, 0.0, first_span), cells, token_cells(values))
    return BoundTable("table4", layout.id, [row], _columns(layout), first_span, True, header_matches, problems=problems)


def _columns(layout: Template) -> list[str]:
    return [f"{group}/{column}" for group in layout.table4_groups for column in layout.table4_columns]
