"""Table 二 (主动公开政府信息情况): four blocks, each headed by a 第二十条 clause.

The 2019 format had other columns and a fifth block (第（九）项 政府集中采购). Each block is bound
to the format whose column headers it shows, and every 2019-only string is recorded with its span
as evidence for the template-drift rule.
"""

from __future__ import annotations

from ..model import MISSING, BoundTable, Cell, LabelMatch, Span, TableRow
from ..normalize import label_key
from ..numbers import token_cells
from ..templates import Table2Block, Template
from .labels import LabelSet
from .walker import Walker


def _split_blocks(tokens):
    blocks, current = [], None
    for token in tokens:
        if token.is_value:  # a number or nil mark is never a clause: no label key to make
            if current is not None:
                current[1].append(token)
            continue
        key = label_key(token.text)
        if key.startswith("第二十条第") or key.startswith("第二十条("):
            current = (token, [])
            blocks.append(current)
        elif current is not None:
            current[1].append(token)
    return blocks


def bind_table2(tokens, layout: Template, other: Template) -> tuple[list[BoundTable], list]:
    signatures: list[tuple[str, Span]] = []
    old = other if other.id == "gov-2019" else layout
    new = layout if layout.id != "gov-2019" else other
    old_only_columns = {label_key(c) for b in old.table2 for c in b.columns} - {label_key(c) for b in new.table2 for c in b.columns}
    tables: list[BoundTable] = []
    for head, body in _split_blocks(tokens):
        clause_new, clause_old = new.block(head.text), old.block(head.text)
        if clause_new is None and clause_old is None:
            continue
        if clause_new is None:
            signatures.append((f"“{head.text}”（2019 年格式才有的条款）", head.span))
        pair = [b for b in (clause_new, clause_old) if b is not None]
        rows = LabelSet([r for b in pair for r in b.rows])
        columns = LabelSet([c for b in pair for c in b.columns] + [layout.table2_row_header])
        walk = Walker(body, rows, columns)
        walk.run()
        for match in walk.header_matches:
            if label_key(match.canonical) in old_only_columns:
                signatures.append((f"“{match.raw}”", match.span))
        for match, _values in walk.rows:
            if clause_new is not None and clause_old is not None and match.canonical in clause_old.rows and match.canonical not in clause_new.rows and clause_old.rows.index(match.canonical) >= len(clause_new.rows):
                signatures.append((f"“{match.raw}”", match.span))
        spec = _choose(walk, clause_new, clause_old, layout)
        tables.append(_bind_block(spec, head, walk, layout if spec in layout.table2 else other))
    return tables, signatures


def _choose(walk: Walker, new: Table2Block, old: Table2Block, layout: Template) -> Table2Block:
    """The block spec whose columns the report's header shows (the expected one when unsure)."""
    if new is None or old is None:
        return new or old
    seen = {label_key(m.canonical) for m in walk.header_matches}
    score_new = len(seen & {label_key(c) for c in new.columns})
    score_old = len(seen & {label_key(c) for c in old.columns})
    if score_old > score_new:
        return old
    if score_new > score_old:
        return new
    return layout.block(new.clause) or new


def _bind_block(spec: Table2Block, head, walk: Walker, template: Template) -> BoundTable:
    found: dict[str, tuple[LabelMatch, list]] = {}
    problems = list(walk.problems)
    for match, values in walk.rows:
        canonical = match.canonical
        if canonical not in spec.rows:
            # 规范性文件 (2019) stands where 行政规范性文件 (2021) stands: bind by position.
            for other_rows in (r for r in _counterparts(spec)):
                if canonical in other_rows and other_rows.index(canonical) < len(spec.rows):
                    canonical = spec.rows[other_rows.index(canonical)]
                    break
        if canonical not in spec.rows:
            continue
        if canonical in found:
            problems.append(f"“{match.raw}”出现了两次")
            continue
        found[canonical] = (LabelMatch(match.raw, canonical, match.distance if canonical == match.canonical else max(match.distance, 1.0), match.span), values)
    rows = []
    width = len(spec.columns)
    for label in spec.rows:
        if label not in found:
            rows.append(TableRow(label, label, None, [Cell(MISSING, reason="报告中没有这一行") for _ in range(width)]))
            continue
        match, values = found[label]
        if len(values) == width:
            rows.append(TableRow(label, label, match, token_cells(values)))
        else:
            reason = f"该行读到 {len(values)} 个值，应为 {width} 个"
            rows.append(TableRow(label, label, match, [Cell(MISSING, reason=reason, span=match.span) for _ in range(width)], token_cells(values)))
    return BoundTable(
        name="table2",
        template=template.id,
        rows=rows,
        columns=list(spec.columns),
        span=head.span,
        column_matches=walk.header_matches,
        extra_labels=walk.header_unknown + walk.unknown_rows,  # unknown column headers, then rows
        problems=problems,
        block=spec.clause,
        fragments=walk.fragments,
    )




def _counterparts(spec: Table2Block):
    from ..templates import builtin_templates

    for template in builtin_templates().values():
        other = template.block(spec.clause)
        if other is not None and other.rows != spec.rows:
            yield other.rows
