"""Cell-level checks of tables 二, 三 and 四: unreadable cells, impossible counts, fees in 元.

Unreadable cells (blank, malformed such as ``00``/``O``/``1 2``, or missing because a row had too
few or too many values) are listed in ONE finding per table: each of them blocks the identities it
takes part in, and a cascade of "cannot verify" lines would bury the real errors.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Iterable, Optional, Sequence

from gxlint.arithmetic import split_digits, suggest_join
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import MISSING, NUMBER, BoundTable, Cell, Report, TableRow
from gxlint.numbers import format_number
from gxlint.rule import Rule, RuleContext

from ._tables import (
    cell_span,
    checked_tables,
    column_label,
    part_columns,
    row_label,
    table4_groups,
    table_name,
)


def _row_adds_up(table: BoundTable, values: Sequence[Decimal]) -> bool:
    """Whether a full row of values satisfies the table's own row identity (T3-B or T4-A)."""
    if len(values) != len(table.columns):
        return False
    if table.name == "table3":
        parts, total = part_columns(table)
        return total is not None and sum((values[i] for i in parts), Decimal(0)) == values[total]
    if table.name == "table4":
        groups = list(table4_groups(table))
        return bool(groups) and all(sum((values[i] for i in p), Decimal(0)) == values[t] for _, p, t in groups)
    return False


def _join_hint(table: BoundTable, row: TableRow) -> str:
    """For a row with one value too many: two adjacent digits whose join repairs the row."""
    extra = row.extra_cells
    if table.name == "table2" or len(extra) != len(table.columns) + 1 or not all(c.ok for c in extra):
        return ""
    hint = suggest_join([c.value for c in extra], lambda values: _row_adds_up(table, values))
    return f"；{hint.describe()}，合并后该行相加正确" if hint else ""


def _digits_hint(table: BoundTable, row: TableRow, index: int, cell: Cell) -> str:
    """For ``1 2``: say whether reading it as 12 makes the row add up."""
    value = split_digits(cell.raw)
    if value is None or not all(c.ok or c is cell for c in row.cells):
        return ""
    values = [value if c is cell else c.value for c in row.cells]
    if _row_adds_up(table, values):
        return f"；按 {format_number(value)} 计算则该行相加正确"
    return ""


class UnreadableCells(Rule):
    """表格中有空白、无法识别或缺失的单元格，相关勾稽关系无法核对。

    空白格不等于 0：读者和审核人员不知道它代表 0、未统计还是漏填。前导零（``00``）、字母 O、数字
    中间的空格（``1 2``）往往是录入或转换错误。每张表只报告一次，列出每一处（行、列、原因）；
    凡涉及这些单元格的加总关系均不核对，其余单元格都可读的关系照常核对。

    Bad::

        二、主动公开政府信息情况
        第二十条第（五）项
        信息内容 | 本年处理决定数量 |
        行政许可 | |

    Good::

        二、主动公开政府信息情况
        第二十条第（五）项
        信息内容 | 本年处理决定数量 |
        行政许可 | 0 |
    """

    code = "GX205"
    name = "table-cells-unreadable"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        groups: dict[str, list[BoundTable]] = {}
        for table in checked_tables(report):
            groups.setdefault(table_name(table), []).append(table)
        for name, tables in groups.items():
            entries: list[tuple[object, str]] = []
            for table in tables:
                entries.extend(self._entries(table))
            if not entries:
                continue
            yield self.at(entries[0][0], f"{name}有无法读取的单元格，涉及的加总关系未核对：{_listing(entries)}")

    def _entries(self, table: BoundTable) -> list[tuple[object, str]]:
        entries: list[tuple[object, str]] = []
        absent: list[TableRow] = []
        whole_rows = 0
        for row in table.rows:
            if row.match is None:
                if table.name != "table2":
                    absent.append(row)
                continue
            entries.extend(_absent(table, absent))
            absent = []
            if all(c.state == NUMBER for c in row.cells):
                continue  # most rows: nothing to list
            label = f"「{row_label(row)}」行" if table.name != "table4" else "数据行"
            where = f"{label}（{_line(row.match.span)}）"
            reasons = {c.reason for c in row.cells}
            if row.cells and all(c.state == MISSING for c in row.cells) and len(reasons) == 1:
                entries.append((cell_span(row.cells[0], row, table), f"{where}：{row.cells[0].reason}{_join_hint(table, row)}"))
                continue
            if len(row.cells) > 1 and not any(c.ok for c in row.cells) and len(reasons) == 1:
                whole_rows += 1
                entries.append((cell_span(row.cells[0], row, table), f"{where}：{len(row.cells)} 格均为{row.cells[0].reason}"))
                continue
            for index, cell in enumerate(row.cells):
                if not cell.ok:
                    span = cell_span(cell, row, table)
                    where = f"{label if table.name != 'table4' else ''}{column_label(table, index)}列（{_line(span)}）"
                    entries.append((span, f"{where}：{cell.reason}{_digits_hint(table, row, index, cell)}"))
        entries.extend(_absent(table, absent))
        if whole_rows > 1 and whole_rows == len(entries) == len(table.rows):
            cells = sum(len(row.cells) for row in table.rows)
            reason = table.rows[0].cells[0].reason
            scope = table.block if table.name == "table2" else ""
            return [(entries[0][0], f"{scope}全部 {len(table.rows)} 行 {cells} 格均为{reason}（第 {_span_line(entries[0][0])}–{_span_line(entries[-1][0])} 行）")]
        return entries


def _absent(table: BoundTable, rows: list[TableRow]) -> list[tuple[object, str]]:
    """Rows the report does not have, consecutive ones as one range."""
    if not rows:
        return []
    if len(rows) == 1:
        return [(table.span, f"「{row_label(rows[0])}」行：报告中没有这一行")]
    return [(table.span, f"「{row_label(rows[0])}」至「{row_label(rows[-1])}」共 {len(rows)} 行：报告中没有这些行")]


def _span_line(span) -> str:
    return str(span.line) if span is not None else "?"


def _listing(entries: list[tuple[object, str]]) -> str:
    """Join the entries; a reason every row repeats is said once at the end."""
    texts = [text for _, text in entries]
    tail = "，无法确定缺少或多出的是哪一列"
    if sum(tail in text for text in texts) > 1:
        return "；".join(text.replace(tail, "") for text in texts) + f"（{tail.lstrip('，')}）"
    return "；".join(texts)


def _line(span) -> str:
    return f"第 {span.line} 行" if span is not None else "位置未知"


def _count_column(table: BoundTable, index: int) -> tuple[bool, bool]:
    """(is a count, may be negative) for a column: money columns are not counts; 增/减 may be < 0."""
    name = table.columns[index] if index < len(table.columns) else ""
    if "金额" in name or "万元" in name:
        return False, False
    return True, "增" in name and "减" in name


class InvalidCount(Rule):
    """表格中的件数为负数或不是整数。

    表二的件数、表三的申请数和表四的案件数都是件数，只能是 0 或正整数（2019 年格式的“本年增/减”
    可以为负；收费和采购金额可以有小数）。负数或小数说明填错了格或单位。

    Bad::

        四、政府信息公开行政复议、行政诉讼情况
        行政复议 | 行政诉讼 |
        结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
        结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
        1.5 | 0 | 0 | 0 | 1.5 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

    Good::

        四、政府信息公开行政复议、行政诉讼情况
        行政复议 | 行政诉讼 |
        结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
        结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
        2 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    """

    code = "GX206"
    name = "table-count-invalid"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        plain = _plain_counts()
        for table in checked_tables(report):
            columns = [_count_column(table, index) for index in range(len(table.columns))]
            for row in table.rows:
                for index, cell in enumerate(row.cells):
                    if cell.state != NUMBER or cell.value in plain:
                        continue
                    is_count, signed = columns[index] if index < len(columns) else _count_column(table, index)
                    if not is_count:
                        continue
                    why = _why_not_count(cell.value, signed)
                    if not why:
                        continue
                    where = f"「{row_label(row)}」行" if table.name != "table4" else ""
                    yield self.at(
                        cell_span(cell, row, table),
                        f"{table_name(table)}{where}{column_label(table, index)}列：“{cell.raw.strip()}”{why}",
                    )


@functools.cache
def _plain_counts() -> frozenset[Decimal]:
    """0 to 999, which are counts in any column: most cells hold one, and a set look-up (a Decimal
    keeps its hash) is cheaper than asking each value whether it is whole. Made on first use."""
    return frozenset(Decimal(n) for n in range(1000))


def _why_not_count(value: Decimal, signed: bool) -> Optional[str]:
    if value != value.to_integral_value():
        return "不是整数，件数应为整数"
    if value < 0 and not signed:
        return "是负数，件数不能为负"
    return None


class FeeLooksLikeYuan(Rule):
    """表二“行政事业性收费”的金额单位是万元，所填数值像是以元为单位。

    表头写明“本年收费金额（单位：万元）”。把以元计的金额直接填入（如把 316441 元写成 316441），
    金额就被放大一万倍。超过阈值（默认 100000 万元，即 10 亿元，可用 ``fee_max_wanyuan`` 调整）
    或在格内写了“元”的，提示核对。这只是提醒：个别大城市的收费确实可能很大，所以是警告。

    Bad::

        二、主动公开政府信息情况
        第二十条第（八）项
        信息内容 | 本年收费金额（单位：万元） |
        行政事业性收费 | 316441 |

    Good::

        二、主动公开政府信息情况
        第二十条第（八）项
        信息内容 | 本年收费金额（单位：万元） |
        行政事业性收费 | 31.6441 |
    """

    code = "GX207"
    name = "fee-amount-unit-suspect"
    severity = Severity.WARNING
    options = {"fee_max_wanyuan": 100000}

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        limit = Decimal(str(ctx.options.get("fee_max_wanyuan", 100000)))
        for table in report.tables.table2:
            for row, index, cell in table.cells():
                name = table.columns[index] if index < len(table.columns) else ""
                if not cell.ok or "万元" not in name:
                    continue
                place = f"表二「{row_label(row)}」行「{name}」列"
                if cell.unit == "元":
                    yield self.at(
                        cell_span(cell, row, table),
                        f"{place}：格内写的是“{cell.raw.strip()}”，而表头单位为万元；应填 {format_number(cell.value / 10000)}",
                    )
                elif cell.unit in ("", "万元") and cell.value >= limit:
                    yield self.at(
                        cell_span(cell, row, table),
                        f"{place}：{format_number(cell.value)} 万元即 {format_number(cell.value / 10000)} 亿元，数额异常，"
                        f"是否误按“元”填写（按元计应填 {format_number(cell.value / 10000)}）？",
                    )


RULES = (UnreadableCells, InvalidCount, FeeLooksLikeYuan)
