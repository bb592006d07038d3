"""GX401–GX403, GX409–GX410: headings, table layout and the 勾稽关系 note against the template."""

from __future__ import annotations

from typing import Iterator

from gxlint import Rule, Severity
from gxlint.model import Report, Section
from gxlint.normalize import label_key, words_key
from gxlint.templates import SectionSpec, builtin_templates, get_template

from ._common import (
    NUMERALS,
    expected_template,
    heading_span,
    is_2021_format,
    same_words,
    section_heading,
    written,
)


def _heading_drift(report: Report) -> Iterator[tuple[str, Section, SectionSpec]]:
    """("alias" | "variant", section, the template's spec) for each statutory heading worded otherwise."""
    template = expected_template(report)
    for section in report.statutory_sections():
        spec = template.section(section.number)
        if spec is None or same_words(section.title, spec.title):
            continue
        known = any(same_words(section.title, alias) for alias in spec.aliases) or section.match in ("alias", "exact")
        yield ("alias" if known else "variant"), section, spec


class SectionHeadingAlias(Rule):
    """A section heading uses a known variant wording instead of the template's.

    Variants such as 「政府信息公开行政复议和行政诉讼情况」 are common and understood, so this is
    only a style note; using the template's exact heading keeps reports uniform and searchable.

    Bad::

        四、政府信息公开行政复议和行政诉讼情况
        本年度无行政复议、行政诉讼案件。

    Good::

        四、政府信息公开行政复议、行政诉讼情况
        本年度无行政复议、行政诉讼案件。
    """

    code = "GX401"
    name = "section-heading-alias"
    severity = Severity.INFO

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        for kind, section, spec in _heading_drift(report):
            if kind == "alias":
                yield self.at(
                    heading_span(section),
                    f"第{NUMERALS[section.number - 1]}部分标题「{written(section)}」是常见的变体写法，"
                    f"格式原文为「{section_heading(template, spec.number)}」",
                )


class SectionHeadingReworded(Rule):
    """A section heading is worded differently from the template.

    The six headings are fixed by the format; a reworded heading (「存在主要问题及改进情况」) is the
    most common sign that a report was not built from the official template, and it defeats
    searches across reports. Width, spaces and punctuation are not counted as differences.

    Bad::

        五、存在主要问题及改进情况
        公开深度不够，下一步将加强培训。

    Good::

        五、存在的主要问题及改进情况
        公开深度不够，下一步将加强培训。
    """

    code = "GX402"
    name = "section-heading-reworded"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        for kind, section, spec in _heading_drift(report):
            if kind == "variant":
                yield self.at(
                    heading_span(section),
                    f"第{NUMERALS[section.number - 1]}部分标题「{written(section)}」与格式不一致，"
                    f"格式为「{section_heading(template, spec.number)}」",
                )


class Superseded2019Layout(Rule):
    """A report for 2021 or later uses the superseded 2019 table layout.

    国办公开办函〔2021〕30号 replaced the 2019 format's tables from the 2021 reports on: table 二 lost
    「本年新制作数量」「上一年项目数量」「本年增/减」 and the 第二十条第（九）项 block, and table 三's
    「（六）其他处理」 was split into three rows. A 2021+ report on the old tables reports the wrong
    figures. One finding lists every 2019-only label and where it is; reports for 2019 and 2020 are
    on the 2019 layout rightly and get nothing.

    Bad::

        XX县人民政府2023年政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
        规章 | 0 | 0 | 0
        规范性文件 | 3 | 3 | 5

    Good::

        XX县人民政府2023年政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
        规章 | 0 | 0 | 0
        行政规范性文件 | 3 | 0 | 5
    """

    code = "GX403"
    name = "superseded-2019-layout"
    severity = Severity.ERROR

    def check(self, report: Report, ctx) -> Iterator:
        signatures = report.tables.signatures_2019
        template = expected_template(report)
        if not signatures or not is_2021_format(template):
            return
        lines: dict[str, list[int]] = {}
        for description, span in signatures:
            lines.setdefault(description, []).append(span.line)
        seen = "、".join(f"{text}（第 {'、'.join(map(str, numbers))} 行）" for text, numbers in lines.items())
        old = builtin_templates()["gov-2019"].name
        meta = report.meta
        if meta.template_reason == "配置指定":
            why = f"按配置应使用{template.name}规定的格式"
        elif meta.year is not None:
            why = f"{meta.year} 年度报告应使用{template.name}规定的格式"
        else:
            yield self.at(
                signatures[0][1],
                f"未能确定报告年度，无法判断表格格式是否过时：表格是 2019 年版格式（{old}），"
                f"报告年度为 2021 年及以后的应改用{template.name}规定的格式；2019 年版标志：{seen}",
                severity=Severity.INFO,
            )
            return
        yield self.at(signatures[0][1], f"{why}，但表格仍是已废止的 2019 年版格式（{old}）：{seen}")


class ReconciliationNoteMissing(Rule):
    """Table 三 lacks the 勾稽关系 note of the template.

    The note 「（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）」 is part of the
    official table: it states the identity every column must satisfy. A table without it was not
    copied from the template.

    Bad::

        三、收到和处理政府信息公开申请情况
        申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1

    Good::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
        申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    """

    code = "GX409"
    name = "reconciliation-note-missing"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        table = report.tables.table3
        if table is None or not table.found or table.note is not None:
            return
        note = get_template(table.template).table3_note
        yield self.at(table.span, f"表三缺少勾稽关系说明「{note}」（格式中位于表头左上角）")


class ReconciliationNoteAltered(Rule):
    """Table 三's 勾稽关系 note is worded differently from the template.

    The note states the identity 一 + 二 = 三 + 四 for every column; an altered note (「第一项加第二项
    等于第三项」) states a different identity or none. Width, spaces and punctuation are not counted.

    Bad::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项）
        申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1

    Good::

        三、收到和处理政府信息公开申请情况
        (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)
        申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    """

    code = "GX410"
    name = "reconciliation-note-altered"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        table = report.tables.table3
        if table is None or not table.found or table.note is None:
            return
        expected = get_template(table.template).table3_note
        raw = table.note.raw.strip()
        truncated = not label_key(raw).endswith(")") and words_key(expected).startswith(words_key(raw))
        if same_words(raw, expected) or truncated:
            return  # equal, or cut off by a line break the reader could not rejoin: cannot verify
        yield self.at(table.note.span, f"表三的勾稽关系说明与格式不一致：写作「{raw}」，格式为「{expected}」")


RULES = (
    SectionHeadingAlias,
    SectionHeadingReworded,
    Superseded2019Layout,
    ReconciliationNoteMissing,
    ReconciliationNoteAltered,
)
