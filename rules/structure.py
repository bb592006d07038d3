"""GX101–GX102: the six mandatory sections are all there, in the order of the format."""

from __future__ import annotations

from typing import Iterator, Optional

from gxlint import Rule, Severity
from gxlint.model import Report, Section, Span
from gxlint.normalize import words_key
from gxlint.templates import SectionSpec

from ._common import (
    NUMERALS,
    expected_template,
    heading_span,
    section_heading,
    section_name,
    written,
)


class MissingSection(Rule):
    """A mandatory section of the format is missing.

    条例第五十条 and the format (国办公开办函〔2021〕30号) fix six sections; a report without one of
    them omits something the law requires it to report ("不能遗漏"). The message names the section,
    where it was expected, and a heading nearby that may be the section worded beyond recognition.

    Bad::

        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。
        三、收到和处理政府信息公开申请情况
        本年度未收到申请。
        四、政府信息公开行政复议、行政诉讼情况
        无。
        六、其他需要报告的事项
        本年度未收取信息处理费。

    Good::

        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。
        三、收到和处理政府信息公开申请情况
        本年度未收到申请。
        四、政府信息公开行政复议、行政诉讼情况
        无。
        五、存在的主要问题及改进情况
        公开深度不够，下一步将加强培训。
        六、其他需要报告的事项
        本年度未收取信息处理费。
    """

    code = "GX101"
    name = "section-missing"
    severity = Severity.ERROR

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        present = {s.number: s for s in report.statutory_sections()}
        if not present:
            wanted = "、".join(f"「{section_heading(template, s.number)}」" for s in template.sections)
            yield self.at(Span(1, 1), f"未找到格式规定的任何一个部分的标题：应有{wanted}")
            return
        for spec in template.sections:
            if spec.number in present or _run_in(report, spec):
                continue
            before = max((n for n in present if n < spec.number), default=None)
            after = min((n for n in present if n > spec.number), default=None)
            where = []
            if before is not None:
                where.append(f"「{written(present[before])}」（第 {present[before].line.origin_line} 行）之后")
            if after is not None:
                where.append(f"「{written(present[after])}」（第 {present[after].line.origin_line} 行）之前")
            message = f"缺少{section_name(template, spec.number)}"
            if where:
                message += f"：应在{'、'.join(where)}"
            candidate = _unrecognised_between(report, present.get(before), present.get(after))
            if candidate is not None:
                message += f"；第 {candidate.line.origin_line} 行的「{written(candidate)}」可能就是这一部分，但标题与格式相差太大"
                yield self.at(heading_span(candidate), message)
            elif after is not None:
                yield self.at(heading_span(present[after]), message)
            else:
                yield self.at(heading_span(report.sections[-1]), message)


def _run_in(report: Report, spec: SectionSpec) -> bool:
    """The heading is there, but run into its first sentence on one line (so not a heading line)."""
    wanted = [words_key(f"{NUMERALS[spec.number - 1]}{title}") for title in (spec.title, *spec.aliases)]
    headings = {id(s.line) for s in report.sections}
    return any(
        key in words_key(line.text) for line in report.lines if id(line) not in headings for key in wanted
    )


def _unrecognised_between(report: Report, first: Optional[Section], last: Optional[Section]) -> Optional[Section]:
    """The one top-level heading between two statutory sections that is not itself statutory."""
    start = report.sections.index(first) + 1 if first is not None else 0
    end = report.sections.index(last) if last is not None else len(report.sections)
    between = [s for s in report.sections[start:end] if s.number is None]
    return between[0] if len(between) == 1 else None


class SectionOutOfOrder(Rule):
    """The mandatory sections are not in the order 一 to 六 the format fixes.

    Every official report lists the six sections in the same order; readers and auditors compare
    reports section by section, and a report out of order looks incomplete.

    Bad::

        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。
        三、收到和处理政府信息公开申请情况
        本年度未收到申请。
        五、存在的主要问题及改进情况
        公开深度不够。
        四、政府信息公开行政复议、行政诉讼情况
        无。
        六、其他需要报告的事项
        本年度未收取信息处理费。

    Good::

        一、总体情况
        本年度主动公开政府信息 120 条。
        二、主动公开政府信息情况
        详见下表。
        三、收到和处理政府信息公开申请情况
        本年度未收到申请。
        四、政府信息公开行政复议、行政诉讼情况
        无。
        五、存在的主要问题及改进情况
        公开深度不够。
        六、其他需要报告的事项
        本年度未收取信息处理费。
    """

    code = "GX102"
    name = "sections-out-of-order"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        sections = report.statutory_sections()
        in_order = _longest_increasing([s.number for s in sections])
        for index, section in enumerate(sections):
            if index in in_order:
                continue
            earlier = [s for s in sections[:index] if s.number > section.number]
            if earlier:
                other, relation = earlier[0], "之后"
            else:
                other, relation = next(s for s in sections[index + 1 :] if s.number < section.number), "之前"
            yield self.at(
                heading_span(section),
                f"{section_name(template, section.number)}排在{section_name(template, other.number)}"
                f"（第 {other.line.origin_line} 行）{relation}；格式规定的顺序是第一至第六部分依次排列",
            )


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (the sections in order)."""
    best: list[list[int]] = []
    for index, value in enumerate(values):
        chains = [chain for chain in best if values[chain[-1]] < value]
        best.append(max(chains, key=len, default=[]) + [index])
    return set(max(best, key=len, default=[]))


RULES = (MissingSection, SectionOutOfOrder)
