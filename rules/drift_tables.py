"""GX404–GX408: table labels against the template — reworded, spaced, extra, missing; tables missing."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from gxlint import Rule, Severity
from gxlint.model import BoundTable, LabelMatch, Report
from gxlint.templates import get_template

from ._common import (
    TABLE_NAMES,
    expected_template,
    heading_span,
    is_nil,
    quote_lines,
    section_extent,
    section_name,
    table_found,
    table_name,
)
from ._table_drift import labels, table_drift


def _tables(report: Report) -> list[BoundTable]:
    tables = [*report.tables.table2, report.tables.table3, report.tables.table4]
    return [t for t in tables if t is not None and t.found]


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
        for table in _tables(report):
            for item in table_drift(table, report.source_kind != "pdf").reworded:
                also = f"（另见第 {'、'.join(map(str, item.lines))} 行）" if item.lines else ""
                yield self.at(
                    item.match.span,
                    f"{table_name(table)}{item.kind}「{item.match.raw.strip()}」与格式不一致，格式为「{item.canonical}」{also}",
                )


# Whitespace between two Chinese characters or full-width marks: 「商业 企业」「三 、本年度」.
_STRAY_SPACE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff01-\uff60][ \t\u3000\u00a0]+(?=[\u3000-\u303f\u4e00-\u9fff\uff01-\uff60])")


class TableLabelStraySpaces(Rule):
    """Table labels have spaces inside them (「商业 企业」, 「三 、本年度办理结果」).

    A line break inside a narrow cell often survives as a space when the table is copied or
    converted. The label still reads, so this is only a note, but searches and tools that match
    the exact label miss it. One finding per table lists every spaced label. Only plain-text and
    Markdown files are checked: the DOCX, HTML and PDF readers themselves write a line break
    inside a cell as a space, so there the space is not in the report.

    Bad::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
        自然人 | 法人或其他组织 | 总计
        商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1

    Good::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
        自然人 | 法人或其他组织 | 总计
        商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    """

    code = "GX405"
    name = "table-label-stray-spaces"
    severity = Severity.INFO

    def check(self, report: Report, ctx) -> Iterator:
        if report.source_kind not in ("text", "markdown"):
            return  # DOCX/HTML/PDF readers turn a line break inside a cell into a space
        spaced: dict[str, list[LabelMatch]] = {}
        for table in _tables(report):
            found = [m for m, _, _ in labels(table)] + ([table.note] if table.note else [])
            for match in found:
                if _STRAY_SPACE.search(match.raw.strip()):
                    spaced.setdefault(table.name, []).append(match)
        for name, matches in spaced.items():
            matches.sort(key=lambda m: (m.span.line, m.span.column) if m.span else (0, 0))
            listing = quote_lines([(m.raw.strip(), m.span) for m in matches])
            count = len({m.raw.strip() for m in matches})
            yield self.at(
                matches[0].span,
                f"{TABLE_NAMES[name]}有 {count} 个标签内夹有空格：{listing}；格式中这些标签没有空格",
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
        for table in _tables(report):
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
        for table in _tables(report):
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


RULES = (TableLabelReworded, TableLabelStraySpaces, TableExtraLabel, TableLabelMissing, TableMissing)
