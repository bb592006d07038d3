"""Table 三's three identities: row totals (T3-B), the results total (T3-C) and the 勾稽关系 (T3-A).

Each identity is checked only when every cell it involves is a number. Cells that are blank,
malformed or missing are reported once per table by GX205; an identity that depends on them is
skipped, while identities whose cells all read as numbers are still checked, because their result
does not depend on the unreadable cells at all.
"""

from __future__ import annotations

from typing import Iterable

from gxlint.arithmetic import MISMATCH, check_balance, check_sum, sum_status
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Report
from gxlint.numbers import format_number
from gxlint.rule import Rule, RuleContext

from ._tables import cell_span, column_label, find_row, part_columns, results_rows, row_label


def _table3(report: Report):
    table = report.tables.table3
    return table if table is not None and table.found else None


class Table3RowSum(Rule):
    """表三某一行的“总计”不等于六类申请人之和（T3-B）。

    表三每一行的“总计”列是自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。
    不相等说明某一格填错或漏填，读者无法知道哪个数是对的。只核对六格和总计都读成数字的行。

    Bad::

        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 7 |

    Good::

        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
    """

    code = "GX201"
    name = "table3-row-sum-mismatch"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        table = _table3(report)
        if table is None:
            return
        parts, total = part_columns(table)
        if total is None:
            return
        for row in table.rows:
            cells = [row.cells[i] for i in parts]
            if sum_status(row.cells[total], cells) != MISMATCH:
                continue
            result = check_sum(row.cells[total], cells)
            if result.status == MISMATCH:
                yield self.at(
                    cell_span(row.cells[total], row, table),
                    f"表三「{row_label(row)}」行：各列之和 {format_number(result.expected)} ≠ 总计 {format_number(row.cells[total].value)}",
                )


class Table3ResultsTotal(Rule):
    """表三“（七）总计”不等于各项办理结果之和（T3-C）。

    每件申请只计入一种办理结果（部分公开的只计“部分公开”），所以“（七）总计”必须等于
    （一）至（六）各行之和，逐列核对。行取自报告所用格式的模板：2019 年格式的“（六）其他处理”
    是一行，2021 年格式是三行。

    Bad::

        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
        （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        1.本机关不掌握相关政府信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

    Good::

        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        1.本机关不掌握相关政府信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
        （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    """

    code = "GX202"
    name = "table3-results-total-mismatch"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        table = _table3(report)
        if table is None:
            return
        members, total_row = results_rows(table)
        if total_row is None or total_row.match is None or not members:
            return
        for index, cell in enumerate(total_row.cells):
            cells = [row.cells[index] for row in members]
            if sum_status(cell, cells) != MISMATCH:
                continue
            result = check_sum(cell, cells)
            if result.status == MISMATCH:
                yield self.at(
                    cell_span(cell, total_row, table),
                    f"表三「{row_label(total_row)}」行{column_label(table, index)}列：各项办理结果之和 "
                    f"{format_number(result.expected)} ≠ 总计 {format_number(cell.value)}",
                )


class Table3Balance(Rule):
    """表三不满足表中注明的勾稽关系：第一项加第二项之和应等于第三项加第四项之和（T3-A）。

    表头注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”：本年新收加上年
    结转的申请，要么在本年办结（（七）总计），要么结转下年度。逐列核对；任一格无法读取的列不核对。

    Bad::

        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
        （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

    Good::

        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
        （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
        四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
    """

    code = "GX203"
    name = "table3-balance-mismatch"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        table = _table3(report)
        if table is None:
            return
        new, carried = find_row(table, "一、"), find_row(table, "二、")
        _, decided = results_rows(table)
        carry_out = find_row(table, "四、")
        rows = (new, carried, decided, carry_out)
        if any(row is None or row.match is None for row in rows):
            return
        for index in range(len(table.columns)):
            cells = [row.cells[index] for row in rows]
            status, left, right, _ = check_balance(cells[:2], cells[2:])
            if status != MISMATCH:
                continue
            a, b, c, d = (format_number(cell.value) for cell in cells)
            yield self.at(
                cell_span(cells[3], carry_out, table),
                f"表三{column_label(table, index)}列：第一项加第二项 {format_number(left)}（{a}+{b}）"
                f"≠ 第三项加第四项 {format_number(right)}（办理结果总计 {c} + 结转下年度 {d}）",
            )


RULES = (Table3RowSum, Table3ResultsTotal, Table3Balance)
