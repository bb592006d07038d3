"""GX408: sections 二 to 四 carry the table the format prescribes."""

from __future__ import annotations

from typing import Iterator

from gxlint import Rule, Severity
from gxlint.model import Report

from ._common import (
    expected_template,
    heading_span,
    is_nil,
    section_extent,
    section_name,
    table_found,
)


class TableMissing(Rule):
    """Section 二, 三 or 四 has text but not the table the format prescribes.

    Sections 二 to 四 are reported through fixed tables; prose instead of the table (「本年度未收到
    申请」) leaves out the figures the format requires, which are filled in with 0 when nothing
    happened. When the section's table is there but cannot be matched to the template, the finding
    says so instead of guessing.

    Bad::

        三、收到和处理政府信息公开申请情况
        本年度共收到政府信息公开申请 3 件，均已按时答复。

    Good::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
        一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
    """

    code = "GX408"
    name = "table-missing"
    severity = Severity.ERROR

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        tables = report.tables
        for number in (2, 3, 4):
            section = report.section(number)
            if section is None or table_found(report, number):
                continue
            text = "".join(p.text for part in section_extent(report, section) for p in part.all_paragraphs())
            if is_nil(text):
                continue  # an empty section is GX107's finding
            unbound = (tables.table3 if number == 3 else tables.table4) if number != 2 else None
            name = section_name(template, number)
            if unbound is not None:
                yield self.at(
                    unbound.span or heading_span(section),
                    f"{name}的表格未能与格式对应（表头和行名都没有识别出来），无法核对其中的数字",
                    severity=Severity.WARNING,
                )
            else:
                yield self.at(heading_span(section), f"{name}没有格式规定的统计表，只有文字说明；没有发生的事项也应在表中填 0")


RULES = (TableMissing,)
