"""GX103–GX106: top-level headings numbered 一 to 六 once each, as the format numbers them."""

from __future__ import annotations

from typing import Iterator

from gxlint import Rule, Severity
from gxlint.model import Report, Section
from gxlint.parser.headings import numeral_value

from ._common import NUMERALS, expected_template, heading_span, section_name, written


class SectionNumberWrong(Rule):
    """A mandatory section carries another number than the format gives it.

    Reports that leave out a section or merge two often renumber the rest (``五、其他需要报告的事项``),
    so the section no longer matches its statutory place and cross-report comparisons break.

    Bad::

        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。
        三、收到和处理政府信息公开申请情况
        本年度未收到申请。
        四、存在的主要问题及改进情况
        公开深度不够。

    Good::

        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。
        三、收到和处理政府信息公开申请情况
        本年度未收到申请。
        五、存在的主要问题及改进情况
        公开深度不够。
    """

    code = "GX103"
    name = "section-number-wrong"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        for section in report.statutory_sections():
            value = numeral_value(section.numeral)
            if value is not None and value != section.number:
                yield self.at(
                    heading_span(section),
                    f"「{written(section)}」是格式中的{section_name(template, section.number)}，"
                    f"编号应为「{NUMERALS[section.number - 1]}」而不是「{section.numeral}」",
                )


def _transitions(report: Report) -> Iterator[tuple[str, Section, Section]]:
    """Consecutive top-level headings whose numbers repeat, skip or go back.

    Pairs of two statutory sections numbered as the format are left to GX101/GX102, and a
    statutory section with the wrong number to GX103, so each defect is reported once.
    """
    numbered = [s for s in report.sections if numeral_value(s.numeral) is not None]
    for first, second in zip(numbered, numbered[1:]):
        states = [_state(first), _state(second)]
        if "wrong" in states or states == ["ok", "ok"]:
            continue
        a, b = numeral_value(first.numeral), numeral_value(second.numeral)
        if b == a:
            yield "repeated", first, second
        elif b > a + 1 and states[1] == "other":  # a gap before a statutory section is GX101's
            yield "skipped", first, second
        elif b < a:
            yield "restarts", first, second


def _state(section: Section) -> str:
    if section.number is None:
        return "other"
    return "ok" if numeral_value(section.numeral) == section.number else "wrong"


def _sub_heading_hint(report: Report, section: Section) -> str:
    """Advice for a non-statutory heading numbered like a section: demote it under its section."""
    if section.number is not None:
        return ""
    index = report.sections.index(section)
    parent = next((s for s in reversed(report.sections[:index]) if s.number is not None), None)
    inside = f"「{written(parent)}」内的" if parent is not None else ""
    return f"；若它是{inside}小标题，应改用「（{section.numeral}）」这样的下一级编号"


class SectionNumberRepeated(Rule):
    """Two consecutive top-level headings carry the same number.

    A heading numbered like the one before it is usually a sub-heading written at the wrong level
    or a copy-paste slip; either way the outline no longer reads 一 to 六.

    Bad::

        一、总体情况
        本年度主动公开政府信息 120 条。
        一、主动公开情况
        发布信息 120 条。
        二、主动公开政府信息情况
        详见下表。

    Good::

        一、总体情况
        本年度主动公开政府信息 120 条。
        （一）主动公开情况
        发布信息 120 条。
        二、主动公开政府信息情况
        详见下表。
    """

    code = "GX104"
    name = "section-number-repeated"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        for kind, first, second in _transitions(report):
            if kind == "repeated":
                culprit, other = (first, second) if first.number is None and second.number is not None else (second, first)
                yield self.at(
                    heading_span(culprit),
                    f"一级标题「{written(culprit)}」的编号「{culprit.numeral}」与第 {other.line.origin_line} 行的"
                    f"「{written(other)}」重复{_sub_heading_hint(report, culprit)}",
                )


class SectionNumberSkipped(Rule):
    """The top-level numbering jumps over a number.

    ``三、`` followed by ``五、`` tells the reader something is missing even when nothing is; when the
    gap is a mandatory section, GX101 reports the section instead.

    Bad::

        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。
        四、工作亮点
        开展政府开放日活动。

    Good::

        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。
        三、收到和处理政府信息公开申请情况
        本年度未收到申请。
    """

    code = "GX105"
    name = "section-number-skipped"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        for kind, first, second in _transitions(report):
            if kind == "skipped":
                a, b = numeral_value(first.numeral), numeral_value(second.numeral)
                gap = "、".join(f"「{NUMERALS[n - 1]}」" for n in range(a + 1, b))
                yield self.at(
                    heading_span(second),
                    f"一级标题「{written(second)}」的编号从第 {first.line.origin_line} 行的「{first.numeral}」"
                    f"跳到「{second.numeral}」，中间缺少{gap}",
                )


class SectionNumberingRestarts(Rule):
    """The top-level numbering goes back (a local outline 一…六 followed by the statutory 一…六).

    A table of contents, or an overview whose own points are numbered 一、二、三 at the top level,
    puts two outlines on one level: readers and tools can no longer tell where the statutory
    sections begin.

    Bad::

        一、主动公开
        发布信息 120 条。
        二、依申请公开
        未收到申请。
        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。

    Good::

        一、总体情况
        （一）主动公开
        发布信息 120 条。
        （二）依申请公开
        未收到申请。
        二、主动公开政府信息情况
        详见下表。
    """

    code = "GX106"
    name = "section-numbering-restarts"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        for kind, first, second in _transitions(report):
            if kind == "restarts":
                yield self.at(
                    heading_span(second),
                    f"一级标题编号在此退回到「{second.numeral}」（前面第 {first.line.origin_line} 行已编到「{written(first)}」）："
                    "同一层级出现了两套一至六的编号；目录或某一部分内的小标题应改用「（一）」「（二）」等下一级编号",
                )


RULES = (SectionNumberWrong, SectionNumberRepeated, SectionNumberSkipped, SectionNumberingRestarts)
