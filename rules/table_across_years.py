"""Checks across two years' reports of the same agency, when a run includes both.

Each report is reduced to a few picklable facts (``summarize``); ``check_related`` pairs the
reports of one agency whose years differ by one. Agencies are matched by the name the metadata
extractor found; two reports of the same agency and year make the pairing ambiguous, so they are
skipped rather than guessed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Optional

from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Cell, Report, Span
from gxlint.normalize import label_key
from gxlint.numbers import format_number
from gxlint.rule import Rule, RuleContext

from ._tables import cell_span, find_row

_CLAUSE_ONE = "第二十条第（一）项"
_MADE, _REPEALED, _VALID = "本年制发件数", "本年废止件数", "现行有效件数"


def _cell_fact(cell: Cell, span: Optional[Span]) -> tuple:
    value = str(cell.value) if cell.ok else None
    return (value, span.line if span else 1, span.column if span else 1)


def _identity(report: Report) -> Optional[tuple[str, int]]:
    if not report.meta.agency or report.year is None:
        return None
    return label_key(report.meta.agency), report.year


def _pairs(facts_by_path: dict[str, dict]) -> Iterable[tuple[str, dict, str, dict]]:
    """(previous path, previous facts, current path, current facts) for consecutive years."""
    by_key: dict[tuple, list[str]] = {}
    for path, facts in facts_by_path.items():
        if facts.get("agency") is not None:
            by_key.setdefault((facts["agency"], facts["year"]), []).append(path)
    for (agency, year), paths in sorted(by_key.items()):
        previous = by_key.get((agency, year - 1))
        if len(paths) == 1 and previous is not None and len(previous) == 1:
            yield previous[0], facts_by_path[previous[0]], paths[0], facts_by_path[paths[0]]


def _base_facts(report: Report) -> dict:
    identity = _identity(report)
    if identity is None:
        return {"agency": None}
    return {"agency": identity[0], "year": identity[1]}


class CarryOverMismatch(Rule):
    """本年“上年结转”与同一机关上一年度报告的“结转下年度继续办理”不一致（T3-E）。

    上一年度结转下年度继续办理的申请，就是本年度的上年结转申请，逐列应当相等。只有同一次检查
    同时包含同一机关相邻两年的报告时才核对；这不是格式明文规定的关系，所以是警告。

    示例（两份报告一起检查）：上一年度报告表三“四、结转下年度继续办理”自然人一列为 2，本年度
    报告表三“二、上年结转政府信息公开申请数量”自然人一列为 3，报告本年度的那一格。
    """

    code = "GX220"
    name = "carry-over-mismatch"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        return ()

    def summarize(self, report: Report) -> dict:
        facts = _base_facts(report)
        table = report.tables.table3
        if facts["agency"] is None or table is None or not table.found:
            return {"agency": None}
        carried_in, carried_out = find_row(table, "二、"), find_row(table, "四、")
        facts["columns"] = list(table.columns)
        facts["in"] = [_cell_fact(c, cell_span(c, carried_in, table)) for c in carried_in.cells] if carried_in and carried_in.match else None
        facts["out"] = [_cell_fact(c, cell_span(c, carried_out, table)) for c in carried_out.cells] if carried_out and carried_out.match else None
        facts["in_label"] = carried_in.label if carried_in else ""
        facts["out_label"] = carried_out.label if carried_out else ""
        return facts

    def check_related(self, facts_by_path: dict[str, dict], ctx: RuleContext) -> Iterable[Diagnostic]:
        for last_path, last, path, this in _pairs(facts_by_path):
            if not this.get("in") or not last.get("out") or this["columns"] != last["columns"]:
                continue
            for column, (now, before) in enumerate(zip(this["in"], last["out"])):
                if now[0] is None or before[0] is None or Decimal(now[0]) == Decimal(before[0]):
                    continue
                yield self.at(
                    Span(now[1], now[2]),
                    f"表三「{this['in_label']}」行「{this['columns'][column]}」列：{format_number(Decimal(now[0]))}，"
                    f"但上一年度报告（{last_path} 第 {before[1]} 行）「{last['out_label']}」为 {format_number(Decimal(before[0]))}",
                ).with_path(path)


class ValidCountMismatch(Rule):
    """本年“现行有效件数”不等于上一年度的现行有效件数加本年制发减本年废止。

    表二第二十条第（一）项的规章和行政规范性文件，现行有效件数一般按“上年现行有效 + 本年制发
    − 本年废止”变化。文件因有效期届满而失效时，这一关系也可能不成立，所以是警告：请核对数字，
    或在正文说明原因。只有同一次检查同时包含同一机关相邻两年、都用 2021 年格式的报告时才核对。

    示例（两份报告一起检查）：上一年度报告“行政规范性文件”现行有效 5 件；本年度制发 3 件、废止
    0 件、现行有效 7 件，应为 8 件，报告本年度的“现行有效件数”一格。
    """

    code = "GX221"
    name = "valid-count-mismatch"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        return ()

    def summarize(self, report: Report) -> dict:
        facts = _base_facts(report)
        if facts["agency"] is None:
            return facts
        block = next((b for b in report.tables.table2 if label_key(b.block) == label_key(_CLAUSE_ONE)), None)
        if block is None or not all(name in block.columns for name in (_MADE, _REPEALED, _VALID)):
            return {"agency": None}
        indexes = [block.columns.index(name) for name in (_MADE, _REPEALED, _VALID)]
        facts["rows"] = {
            row.label: [_cell_fact(row.cells[i], cell_span(row.cells[i], row, block)) for i in indexes]
            for row in block.rows
            if row.match is not None
        }
        return facts

    def check_related(self, facts_by_path: dict[str, dict], ctx: RuleContext) -> Iterable[Diagnostic]:
        for last_path, last, path, this in _pairs(facts_by_path):
            for label, (made, repealed, valid) in (this.get("rows") or {}).items():
                before = (last.get("rows") or {}).get(label)
                if before is None or None in (made[0], repealed[0], valid[0], before[2][0]):
                    continue
                expected = Decimal(before[2][0]) + Decimal(made[0]) - Decimal(repealed[0])
                if expected == Decimal(valid[0]):
                    continue
                yield self.at(
                    Span(valid[1], valid[2]),
                    f"表二「{label}」行「{_VALID}」列：{format_number(Decimal(valid[0]))}，按上一年度报告（{last_path}）的现行有效 "
                    f"{format_number(Decimal(before[2][0]))} + 本年制发 {format_number(Decimal(made[0]))} − 本年废止 "
                    f"{format_number(Decimal(repealed[0]))} 应为 {format_number(expected)}",
                ).with_path(path)


RULES = (CarryOverMismatch, ValidCountMismatch)
