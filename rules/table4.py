"""Table 四's identity (T4-A): in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""

from __future__ import annotations

from typing import Iterable

from gxlint.arithmetic import MISMATCH, check_sum, sum_status
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Report
from gxlint.numbers import format_number
from gxlint.rule import Rule, RuleContext

from ._tables import cell_span, table4_groups


class Table4GroupSum(Rule):
    """表四某一组的“总计”不等于结果维持、结果纠正、其他结果、尚未审结之和（T4-A）。

    行政复议、未经复议直接起诉、复议后起诉三组各有五格，前四格是互不重叠的结果，第五格是它们的
    总计。组内任一格无法读取时不核对该组。

    Bad::

        四、政府信息公开行政复议、行政诉讼情况
        行政复议 | 行政诉讼 |
        结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
        结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
        1 | 1 | 0 | 0 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

    Good::

        四、政府信息公开行政复议、行政诉讼情况
        行政复议 | 行政诉讼 |
        结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
        结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
        1 | 1 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    """

    code = "GX204"
    name = "table4-group-sum-mismatch"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        table = report.tables.table4
        if table is None or not table.found:
            return
        for row in table.rows:
            for group, parts, total in table4_groups(table):
                cells = [row.cells[i] for i in parts]
                if sum_status(row.cells[total], cells) != MISMATCH:
                    continue
                result = check_sum(row.cells[total], cells)
                if result.status != MISMATCH:
                    continue
                named = " + ".join(
                    f"{table.columns[i].rsplit('/', 1)[-1]} {format_number(row.cells[i].value)}" for i in parts
                )
                yield self.at(
                    cell_span(row.cells[total], row, table),
                    f"表四「{group}」：{named} = {format_number(result.expected)} ≠ 总计 {format_number(row.cells[total].value)}",
                )


RULES = (Table4GroupSum,)
