"""Table 三 (收到和处理政府信息公开申请情况): 25 rows × 7 columns (23 rows in the 2019 format).

The header is read only to find extra columns (a ``小计`` column is a known deviation); the data
columns always follow the template's order, because the flattened header (自然人 | 法人或其他组织 |
总计 | 商业企业 | …) is not in column order in any layout.
"""

from __future__ import annotations

from collections import Counter

from ..model import MISSING, BoundTable, Cell, LabelMatch, TableRow
from ..normalize import label_key
from ..numbers import token_cells
from ..templates import Template
from .labels import LabelSet
from .walker import Walker

SUBTOTAL_COLUMNS = ("小计", "法人或其他组织小计")
# What bind_table3 derives from a pair of layouts, by the pair's identities; each entry holds its
# templates, so an identity is not reused while its entry lives.
_PAIRS: dict[tuple[int, int], tuple] = {}
PAIRS_KEPT = 16


def _pair_labels(layout: Template, other: Template) -> tuple[dict[str, str], set[str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Row keys by leaf label, group labels, the row and header labels to match, and the leaf of
    each of ``layout``'s rows: the same for every report bound to the pair, so made once.
    Read only by the caller."""
    found = _PAIRS.get((id(layout), id(other)))
    if found is not None and found[0] is layout and found[1] is other:
        return found[2]
    keys = {key.rsplit("/", 1)[-1]: key for template in (layout, other) for key in template.table3_rows}
    groups = set(layout.table3_groups) | set(other.table3_groups)
    labels = (
        keys,
        groups,
        tuple(list(keys) + sorted(groups)),
        tuple(list(layout.table3_columns) + list(layout.table3_headers) + list(SUBTOTAL_COLUMNS)),
        tuple(key.rsplit("/", 1)[-1] for key in layout.table3_rows),
    )
    if len(_PAIRS) >= PAIRS_KEPT:
        _PAIRS.clear()
    _PAIRS[(id(layout), id(other))] = (layout, other, labels)
    return labels


def bind_table3(tokens, layout: Template, other: Template) -> tuple[BoundTable, list]:
    """Bind tokens of section 三 to ``layout``; ``other`` supplies labels of the other format."""
    keys, groups, row_labels, header_labels, leaves = _pair_labels(layout, other)
    rows = LabelSet(row_labels)
    headers = LabelSet(header_labels)
    note = LabelSet([layout.table3_note], cutoff=60)
    walk = Walker(tokens, rows, headers, note)
    walk.run()

    columns = list(layout.table3_columns)
    if any(label_key(m.canonical) in map(label_key, SUBTOTAL_COLUMNS) for m in walk.header_matches):
        counts = Counter(len(values) for _, values in walk.rows)
        if counts and counts.most_common(1)[0][0] == len(columns) + 1:
            columns.insert(len(columns) - 1, "小计")

    signatures = []
    sub_rows_found = any("（六）其他处理/" in keys[m.canonical] for m, _ in walk.rows if m.canonical in keys)
    single_row = [(m, v) for m, v in walk.rows if m.canonical == "（六）其他处理" and v]
    if single_row and not sub_rows_found:
        match = single_row[0][0]
        signatures.append(("“（六）其他处理”为单行（2019 年格式），没有 1–3 子行", match.span))

    found: dict[str, tuple[LabelMatch, list]] = {}
    problems = list(walk.problems)
    extra_labels = [m for m in walk.header_unknown if "勾稽" not in m.raw] + list(walk.unknown_rows)  # the note is kept apart
    group_rows: list[TableRow] = []
    for match, values in walk.rows:
        key = keys.get(match.canonical)
        if key is None:
            # a group label; values after a group label are handled by the 2019 check
            if match.canonical in groups:
                group_rows.append(TableRow(match.canonical, match.canonical, match, token_cells(values)))
            continue
        if key in found:
            problems.append(f"“{match.raw}”出现了两次，第二次出现的值未计入")
            continue
        found[key] = (match, values)

    suspect = _absorbing_rows(layout.table3_rows, found, walk, len(columns))
    bound_rows: list[TableRow] = []
    for key, leaf in zip(layout.table3_rows, leaves):
        if key not in found:
            reason = "报告中没有这一行"
            bound_rows.append(TableRow(key, leaf, None, [Cell(MISSING, reason=reason) for _ in columns]))
            continue
        match, values = found[key]
        if key in suspect:
            reason = "表格有残缺且下一行的标签缺失，该行读到的值可能含有下一行的值，无法确定"
            cells = [Cell(MISSING, reason=reason, span=match.span) for _ in columns]
            bound_rows.append(TableRow(key, leaf, match, cells, token_cells(values)))
        elif len(values) == len(columns):
            cells = token_cells(values)
            bound_rows.append(TableRow(key, leaf, match, cells))
        else:
            reason = f"该行读到 {len(values)} 个值，应为 {len(columns)} 个，无法确定缺少或多出的是哪一列"
            cells = [Cell(MISSING, reason=reason, span=match.span) for _ in columns]
            extra = token_cells(values)
            bound_rows.append(TableRow(key, leaf, match, cells, extra))

    table = BoundTable(
        name="table3",
        template=layout.id,
        rows=bound_rows,
        columns=columns,
        span=walk.first_span,
        found=walk.first_span is not None and bool(found),
        column_matches=walk.header_matches,
        extra_labels=extra_labels,
        problems=problems,
        note=walk.note_match,
        group_rows=group_rows,
        fragments=walk.fragments,
    )
    return table, signatures


def _absorbing_rows(keys, found: dict, walk, width: int) -> set:
    """Rows that may hold the values of a following row whose label was lost.

    Values follow their label, so when a label is lost its values join the row written before it.
    In an intact table that row then has too many values and is caught; in a table where rows
    already lost cells, the sum can come out at exactly the width and look whole. So in a damaged
    table, the row written just before a row that is absent is not trusted.
    """
    damaged = (
        any(len(values) != width for _, values in found.values())
        or bool(walk.stray_values)
        or any(values for match, values in walk.rows if not match.canonical)
    )
    if not damaged:
        return set()
    suspect, previous = set(), None
    for key in keys:
        if key in found:
            previous = key
        elif previous is not None:
            suspect.add(previous)
    return suspect
