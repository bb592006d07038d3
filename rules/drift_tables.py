"""GX404, GX406, GX407: table labels against the template — reworded, extra, missing."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from gxlint import Rule, Severity
from gxlint.model import Report
from gxlint.templates import get_template

from ._common import found_tables, table_name
from ._table_drift import table_drift


class TableLabelReworded(Rule):
    """A table row or column label differs from the template's wording.

    The tables are fixed by the format; a shortened or reworded label (「现行有效件」 for
    「现行有效件数」, 「规范性文件」 for 「行政规范性文件」, 「社会公益」 for 「社会公益组织」) shows the
    table was retyped rather than copied, and it breaks tools that read the figures by label.
    Differences of width, spaces and punctuation alone are not reported here.

    Bad::

        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件
        规章 | 0 | 0 | 0
        行政规范性文件 | 1 | 0 | 5

    Good::

        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
        规章 | 0 | 0 | 0
        行政规范性文件 | 1 | 0 | 5
    """

    code = "GX404"
    name = "table-label-reworded"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        for table in found_tables(report):
            for item in table_drift(table, report.source_kind != "pdf").reworded:
                also = f"（另见第 {'、'.join(map(str, item.lines))} 行）" if item.lines else ""
                yield self.at(
                    item.match.span,
                    f"{table_name(table)}{item.kind}「{item.match.raw.strip()}」与格式不一致，格式为「{item.canonical}」{also}",
                )


class TableExtraLabel(Rule):
    """A table has a row, column or label the template does not have.

    Extra rows and columns (a 「小计」 column, subtotal rows under 「（三）不予公开」, rows of a local
    variant) change what the table means and break the identities other rules check; the format's
    group labels have no figures of their own.

    Bad::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
        自然人 | 法人或其他组织 | 总计
        商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 小计
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1

    Good::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
        自然人 | 法人或其他组织 | 总计
        商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    """

    code = "GX406"
    name = "table-extra-label"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        for table in found_tables(report):
            for match, what, child in table_drift(table, report.source_kind != "pdf").extra:
                raw = match.raw.strip()
                if what == "小计列":
                    message = f"{table_name(table)}多出「{raw}」列：格式中「法人或其他组织」下只有五列，没有小计列"
                elif what == "小计行" and child:
                    message = (
                        f"{table_name(table)}「{raw}」后直接写了一行数值：格式中该标签只是分组标题，没有自己的数据；"
                        f"可能漏写了下一行「{child}」的标签，也可能是加了小计行"
                    )
                elif what == "小计行":
                    message = f"{table_name(table)}「{raw}」后写了一行数值（小计行）：格式中该标签只是分组标题，没有自己的数据"
                else:
                    message = f"{table_name(table)}有格式中没有的{what}「{raw}」"
                yield self.at(match.span, message)


class TableLabelMissing(Rule):
    """A table lacks a row, a column or a block the template has.

    Every row and column of the official tables is required, with 0 where nothing happened; a
    table without one cannot be checked or compared. Table 二 is checked block by block
    (第二十条第（一）（五）（六）（八）项).

    Bad::

        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
        规章 | 0 | 0 | 0
        行政规范性文件 | 1 | 0 | 5
        第二十条第（五）项
        信息内容 | 本年处理决定数量
        行政许可 | 855
        第二十条第（六）项
        信息内容 | 本年处理决定数量
        行政处罚 | 21
        第二十条第（八）项
        信息内容 | 本年收费金额（单位：万元）
        行政事业性收费 | 0

    Good::

        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
        规章 | 0 | 0 | 0
        行政规范性文件 | 1 | 0 | 5
        第二十条第（五）项
        信息内容 | 本年处理决定数量
        行政许可 | 855
        第二十条第（六）项
        信息内容 | 本年处理决定数量
        行政处罚 | 21
        行政强制 | 0
        第二十条第（八）项
        信息内容 | 本年收费金额（单位：万元）
        行政事业性收费 | 0
    """

    code = "GX407"
    name = "table-label-missing"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        for table in found_tables(report):
            missing = table_drift(table, report.source_kind != "pdf").missing
            if missing:
                listing = "、".join(f"{kind}「{label}」" for label, kind in missing[:8])
                more = f"等 {len(missing)} 处" if len(missing) > 8 else ""
                if report.source_kind == "pdf":  # PDF text scatters labels: cannot tell absent from unread
                    yield self.at(
                        table.span,
                        f"{table_name(table)}中未能识别格式中的{listing}{more}：可能缺少，也可能是 PDF 文字提取打乱了标签，无法核对",
                        severity=Severity.INFO,
                    )
                else:
                    yield self.at(table.span, f"{table_name(table)}缺少格式中的{listing}{more}")
        yield from self._missing_blocks(report)

    def _missing_blocks(self, report: Report) -> Iterator:
        blocks = report.tables.table2
        if not blocks:
            return
        layout = get_template(Counter(b.template for b in blocks).most_common(1)[0][0])
        present = {b.block for b in blocks}
        whole = report.source_kind != "pdf"
        for block in layout.table2:
            if block.clause in present:
                continue
            strays = [(m, b) for b in blocks for m, clause in table_drift(b, whole).misplaced if clause == block.clause]
            if strays:
                match, under = strays[0]
                where = f"第 {match.span.line} 行" if match.span else ""
                yield self.at(
                    match.span,
                    f"表二缺少「{block.clause}」的标题行：该项的「{match.raw.strip()}」（{where}）写在了「{under.block}」之下",
                )
            else:
                yield self.at(blocks[0].span, f"表二缺少「{block.clause}」部分（{'、'.join(block.rows)}）")


RULES = (TableLabelReworded, TableExtraLabel, TableLabelMissing)
