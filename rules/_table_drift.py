"""How one bound table differs from its template: reworded, extra and missing labels.

Computed once here for the rules of ``drift_tables``. An unrecognised label and a missing
template label that resemble each other (「社会公益」 and 「社会公益组织」) are one reworded label,
not an extra one plus a missing one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Iterator, Optional

from gxlint import regexes
from gxlint.model import BoundTable, LabelMatch
from gxlint.normalize import words_key
from gxlint.records import NEW_LIST, Record
from gxlint.templates import Template, get_template

from ._common import TABLE_NAMES

SUBTOTAL_COLUMNS = ("小计", "法人或其他组织小计")
PAIR_SIMILARITY = 60.0
# Lines inside a table region that are notes, not rows: 「注：」「单位：件」「数据来源：」, and
# sentences (a label never holds a full stop).
_NOTE_LIKE = regexes.compile(r"^[（(]?(?:注|说明|备注|单位|数据来源|填表)")


# ``__init__`` written out, ``repr`` and ``==`` from ``gxlint.records``: ``@dataclass`` would
# compile them anew at every import. ``NEW_LIST``: a new empty list, as ``default_factory=list``.
@dataclass(init=False, repr=False, eq=False)
class Reworded(Record):
    match: LabelMatch
    canonical: str
    kind: str  # 行名 | 列名 | 分组标签
    lines: list[int] = field(default_factory=list)  # later lines with the same wording

    def __init__(self, match: LabelMatch, canonical: str, kind: str, lines: list[int] = NEW_LIST) -> None:
        self.match = match
        self.canonical = canonical
        self.kind = kind
        self.lines = [] if lines is NEW_LIST else lines


@dataclass(init=False, repr=False, eq=False)
class TableDrift(Record):
    table: BoundTable
    reworded: list[Reworded] = field(default_factory=list)
    extra: list[tuple[LabelMatch, str, str]] = field(default_factory=list)  # (label, what it is, detail)
    misplaced: list[tuple[LabelMatch, str]] = field(default_factory=list)  # (label, 表二 block or table it belongs to)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (template label, 行 | 列)

    def __init__(
        self,
        table: BoundTable,
        reworded: list[Reworded] = NEW_LIST,
        extra: list[tuple[LabelMatch, str, str]] = NEW_LIST,
        misplaced: list[tuple[LabelMatch, str]] = NEW_LIST,
        missing: list[tuple[str, str]] = NEW_LIST,
    ) -> None:
        self.table = table
        self.reworded = [] if reworded is NEW_LIST else reworded
        self.extra = [] if extra is NEW_LIST else extra
        self.misplaced = [] if misplaced is NEW_LIST else misplaced
        self.missing = [] if missing is NEW_LIST else missing


def labels(table: BoundTable) -> Iterator[tuple[LabelMatch, str, str]]:
    """Every label the binder matched: (as written, template label, 行名 | 列名 | 分组标签)."""
    if table.name != "table4":
        for row in table.rows:
            if row.match is not None:
                yield row.match, row.label, "行名"
    for group in table.group_rows:
        if group.match is not None:
            yield group.match, group.label, "分组标签"
    for match in table.column_matches:
        yield match, match.canonical, "列名"


def _drifted(table: BoundTable) -> list[tuple[LabelMatch, str, str]]:
    """:func:`labels` not written exactly as the template has them (most labels are)."""
    found = []
    if table.name != "table4":
        found = [(row.match, row.label, "行名") for row in table.rows if row.match is not None and not row.match.distance <= 0]
    found += [(group.match, group.label, "分组标签") for group in table.group_rows
              if group.match is not None and not group.match.distance <= 0]
    found += [(match, match.canonical, "列名") for match in table.column_matches if not match.distance <= 0]
    return found


def _reworded(match: LabelMatch, canonical: str) -> bool:
    if match.distance <= 0 or not canonical or canonical in SUBTOTAL_COLUMNS:
        return False
    raw, key = words_key(match.raw), words_key(canonical)
    glued = len(raw) > len(key) and raw.endswith(key)  # a group label glued in front by PDF text
    # A binder that matched a join of two cells may record only the first as written (表四's
    # 「审结」+「未经复议直接起诉」): a label sharing nothing with the template's is not its rewording.
    return not glued and raw != key and _similarity(raw, key) >= PAIR_SIMILARITY  # raw != key: not the same words


def _similarity(a: str, b: str) -> float:
    return _ratio()(a, b)


@cache
def _ratio():
    """rapidfuzz's ratio, imported when a label first needs comparing."""
    from rapidfuzz import fuzz

    return fuzz.ratio


def expected_labels(table: BoundTable) -> tuple[list[str], list[str]]:
    """(rows, columns) the template gives this table."""
    return _expected_labels(get_template(table.template), table.name, table.block)


def _expected_labels(template: Template, name: str, clause: Optional[str]) -> tuple[list[str], list[str]]:
    if name == "table2":
        block = template.block(clause)
        if block is None:
            return [], []
        return list(block.rows), [template.table2_row_header, *block.columns]
    if name == "table3":
        return [], list(dict.fromkeys([*template.table3_headers, *template.table3_columns]))
    return [], list(dict.fromkeys([*template.table4_headers, *template.table4_columns]))


_computed: dict[tuple[int, bool], tuple[BoundTable, TableDrift]] = {}  # the latest tables, oldest first


def table_drift(table: BoundTable, whole_cells: bool = True) -> TableDrift:
    """``whole_cells`` is False for PDF text, where a label cut short is usually a line wrap.

    Three rules ask for the drift of the same tables; it is computed once per table (callers
    only read it). When the memo fills, the oldest half is dropped: a report has far fewer
    tables, so the second and third rule never recompute the current report's.
    """
    key = (id(table), whole_cells)
    entry = _computed.get(key)
    if entry is not None and entry[0] is table:
        return entry[1]
    if len(_computed) >= 64:
        for old in list(_computed)[:32]:
            del _computed[old]
    drift = _table_drift(table, whole_cells)
    _computed[key] = (table, drift)
    return drift


def _table_drift(table: BoundTable, whole_cells: bool) -> TableDrift:
    drift = TableDrift(table)
    seen: dict[tuple[str, str], Reworded] = {}
    for match, canonical, kind in _drifted(table):
        if not _reworded(match, canonical) or (not whole_cells and _cut_short(match.raw, canonical)):
            continue
        key = (words_key(match.raw), canonical)
        if key in seen:
            seen[key].lines.append(match.span.line if match.span else 0)
        else:
            seen[key] = Reworded(match, canonical, kind)
            drift.reworded.append(seen[key])

    rows, columns, elsewhere = _template_facts(get_template(table.template), table.name, table.block)
    found_columns = {m.canonical for m in table.column_matches}
    missing = [(row.label, "行") for row in table.rows if row.match is None and table.name != "table4"]
    missing_columns = [(label, "列") for label in columns if label not in found_columns]
    extras = [m for m in table.extra_labels if not _NOTE_LIKE.match(m.raw.strip()) and "。" not in m.raw]
    if extras:
        known = [words_key(label) for label in (*rows, *columns, *(r.label for r in table.rows))]
        garbled = [m for m in extras if _holds_key(words_key(m.raw), known)]
    else:
        garbled = []
    # A template label glued to a fragment of the next one (PDF text: 「总计商 业 企」) means the
    # header came apart in extraction: which column is missing or reworded cannot be verified.
    if found_columns and not any(_contains_label(m, columns) for m in garbled):
        missing += missing_columns

    for fragment in table.fragments:
        # 「社会公益」 left alone where 「社会公益组织」 is missing: the label was cut short.
        cut = next((item for item in missing if _cut_short(fragment.raw, item[0])), None)
        if cut is not None:
            missing.remove(cut)
            if whole_cells:
                drift.reworded.append(Reworded(fragment, cut[0], "行名" if cut[1] == "行" else "列名"))
    for match in extras:
        if match in garbled:
            continue
        if words_key(match.raw) in elsewhere:  # a block or table whose heading line is missing
            drift.misplaced.append((match, elsewhere[words_key(match.raw)]))
            continue
        pair = _closest(match, missing)
        if pair is not None:
            missing.remove(pair)
            drift.reworded.append(Reworded(match, pair[0], "行名" if pair[1] == "行" else "列名"))
        else:
            drift.extra.append((match, "行" if table.name != "table4" else "标签", ""))
    for match in table.column_matches:
        if match.canonical in SUBTOTAL_COLUMNS:
            drift.extra.append((match, "小计列", ""))
    for group in table.group_rows:
        if group.cells and group.match is not None:
            # values right after a group label: a subtotal row, or the first row's label was lost
            first = next((r for r in table.rows if f"/{group.label}/" in r.key), None)
            lost = first.label if first is not None and first.match is None else ""
            drift.extra.append((group.match, "小计行", lost))
    drift.missing = missing
    return drift


_by_template: dict[tuple[int, str, Optional[str]], tuple[Template, tuple]] = {}


def _template_facts(template: Template, name: str, clause: Optional[str]):
    """(rows, columns, labels of other tables) for a table of ``template``: they depend on the
    template and the table alone, so they are worked out once for each (callers only read them).

    Keyed on the template's identity: hashing a template hashes every label it holds."""
    key = (id(template), name, clause)
    entry = _by_template.get(key)
    if entry is None or entry[0] is not template:
        if len(_by_template) >= 64:
            _by_template.clear()
        rows, columns = _expected_labels(template, name, clause)
        entry = _by_template[key] = (template, (rows, columns, _foreign_labels(template, name, clause)))
    return entry[1]


def _foreign_labels(template: Template, name: str, clause: Optional[str]) -> dict[str, str]:
    """Labels of the other 表二 blocks and of the other tables → where they belong.

    A table whose heading line is lost runs on into the next region (a missing 「三、…」 heading
    leaves table 三's rows under table 二): those rows are misplaced, not extra.
    """
    rows, columns = _expected_labels(template, name, clause)
    owners: dict[str, list[str]] = {
        "表三": [template.table3_note, *template.table3_headers, *template.table3_columns,
                 *template.table3_groups, *template.table3_labels],
        "表四": [*template.table4_headers, *template.table4_columns],
    }
    for block in template.table2:
        owners[block.clause] = [*block.rows, *block.columns, template.table2_row_header]
    own = {words_key(label) for label in [*rows, *columns]}
    if name == "table2":
        own |= {words_key(label) for label in owners[clause]} if clause in owners else set()
    else:
        own |= {words_key(label) for label in owners[TABLE_NAMES[name]]}
    found: dict[str, str] = {}
    for owner, owned in owners.items():
        for label in owned:
            if words_key(label) not in own:
                found.setdefault(words_key(label), owner)
    return found


def _cut_short(raw: str, canonical: str) -> bool:
    raw_key, key = words_key(raw), words_key(canonical)
    return len(raw_key) >= 2 and raw_key != key and key.startswith(raw_key)


def _contains_label(match: LabelMatch, template_labels) -> bool:
    """Whether the text holds a whole template label and more (labels glued together)."""
    return _holds_key(words_key(match.raw), [words_key(label) for label in template_labels])


def _holds_key(raw: str, keys: list[str]) -> bool:
    return any(len(key) >= 2 and key in raw and key != raw for key in keys)


def _closest(match: LabelMatch, missing: list[tuple[str, str]]) -> Optional[tuple[str, str]]:
    if not missing:
        return None
    raw = words_key(match.raw)
    score, best = max((_similarity(raw, words_key(label)), (label, kind)) for label, kind in missing)
    return best if score >= PAIR_SIMILARITY else None
