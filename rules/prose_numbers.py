"""Figures in the prose checked against each other: breakdowns, percentages, units, lost numbers.

"其中" lists are often not exhaustive ("其中政策解读 20 条" names one kind among many), so a
smaller sum is never reported. Parts whose sum is larger than the whole are reported only when
the parts cannot overlap: a split known to be disjoint (``exhaustive_splits.toml``), or a list in
which some of the parts already add up exactly to the whole, which shows the writer added them up
and left the rest out. Publication channels (门户网站, 微信公众号) may carry the same item twice, so
a channel list whose sum merely exceeds the total is not reported.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations
from typing import Iterable, Optional

from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Paragraph, Report
from gxlint.numbers import Quantity, find_quantities, format_number
from gxlint.rule import Rule, RuleContext

from ._memo import lazy_pattern, per_report
from ._prose import (
    MONEY,
    Breakdown,
    Part,
    Split,
    compatible,
    in_unit,
    known_splits,
    report_breakdowns,
    rounding_slack,
)


def _span(breakdown_or_sentence, quantity: Quantity):
    sentence = breakdown_or_sentence
    return sentence.paragraph.span_of(sentence.start + quantity.start, sentence.start + quantity.end)


def _figure(value: Decimal, unit: str) -> str:
    return f"{format_number(value)}{unit}"


def _sum_text(parts: Iterable[Part], unit: str) -> str:
    return "+".join(format_number(in_unit(p.quantity, unit)) for p in parts)


@per_report
def _report_splits(report: Report) -> tuple[tuple[Optional[Split], Optional[dict[int, list[Part]]]], ...]:
    """The known split each breakdown matches (see :func:`_split_for`), in the order of
    :func:`report_breakdowns`: read once for GX212 and GX213."""
    return tuple(_split_for(breakdown) for breakdown in report_breakdowns(report))


def _split_for(breakdown: Breakdown):
    for split in known_splits():
        assigned = split.match(breakdown)
        if assigned is not None:
            return split, assigned
    return None, None


def _adds_up_in_part(breakdown: Breakdown) -> Optional[tuple[Part, ...]]:
    """Two or more of the parts (not all) whose sum is exactly the whole."""
    unit = breakdown.whole.unit
    parts = breakdown.parts
    if len(parts) > 8:
        return None
    for size in range(len(parts) - 1, 1, -1):
        for chosen in combinations(parts, size):
            if sum((in_unit(p.quantity, unit) for p in chosen), Decimal(0)) == breakdown.whole.value:
                rest = [p for p in parts if p not in chosen]
                if any(p.quantity.value for p in rest):
                    return chosen
    return None


class PartsExceedWhole(Rule):
    """“共 N …，其中 A …、B …”中，所列各项超过了总数。

    其中的任何一项都不能大于总数；互不重叠的各项（如主办件与协办件，或作者自己已把其中几项加成
    总数的清单）之和也不能大于总数。发布渠道可能重复计算同一条信息，所以仅渠道之和大于总数而没有
    其他证据时不报告。

    Bad::

        一、总体情况
        全年共受理建议、提案3件。其中主办件2件，协办件2件。

    Good::

        一、总体情况
        全年共受理建议、提案3件。其中主办件2件，协办件1件。
    """

    code = "GX212"
    name = "prose-parts-exceed-whole"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for breakdown, (split, _) in zip(report_breakdowns(report), _report_splits(report)):
            whole, unit = breakdown.whole, breakdown.whole.unit
            whole_text = _figure(whole.value, unit)
            over = [p for p in breakdown.parts if in_unit(p.quantity, unit) > whole.value]
            if over:
                part = over[0]
                yield self.at(
                    _span(part.sentence, part.quantity),
                    f"其中“{part.label}{part.quantity.text}”大于总数 {whole_text}",
                )
                continue
            total = sum((in_unit(p.quantity, unit) for p in breakdown.parts), Decimal(0))
            if total <= whole.value or len(breakdown.parts) < 2:
                continue
            severity = None
            if split is not None:
                evidence = f"（{split.name}互不重叠）"
            else:
                subset = _adds_up_in_part(breakdown)
                if subset is None:
                    continue
                # Inferred from the figures themselves rather than known: a warning.
                evidence = f"（其中 {_sum_text(subset, unit)} 已等于总数，其余各项未计入总数）"
                severity = Severity.WARNING
            first = breakdown.parts[0]
            yield self.at(
                _span(first.sentence, first.quantity),
                f"其中各项之和 {_figure(total, unit)}（{_sum_text(breakdown.parts, unit)}）超过总数 {whole_text}{evidence}",
                severity=severity,
            )


class SplitDoesNotAddUp(Rule):
    """已知由固定几项组成的总数（如三公经费）与各项之和不符。

    三公经费 = 因公出国（境）经费 + 公务接待费 + 公务用车购置及运行维护费；人大代表建议和政协
    提案的总件数 = 建议件数 + 提案件数。这类拆分列在 ``exhaustive_splits.toml`` 中；各项齐全时，
    之和必须等于总数。差额在各数小数位舍入范围内时，只提示统一小数位数（info）。

    Bad::

        一、总体情况
        “三公”经费财政拨款决算总额为60万元，其中：因公出国（境）经费0万元，公务接待费30万元，公务用车购置及运行维护费20万元。

    Good::

        一、总体情况
        “三公”经费财政拨款决算总额为50万元，其中：因公出国（境）经费0万元，公务接待费30万元，公务用车购置及运行维护费20万元。
    """

    code = "GX213"
    name = "prose-split-mismatch"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for breakdown, (split, assigned) in zip(report_breakdowns(report), _report_splits(report)):
            if split is None or not split.exhaustive or len(assigned) != len(split.parts):
                continue
            whole, unit = breakdown.whole, breakdown.whole.unit
            total = sum((in_unit(p.quantity, unit) for p in breakdown.parts), Decimal(0))
            difference = abs(total - whole.value)
            if difference == 0 or total > whole.value and not _rounding(breakdown, difference):
                continue  # an excess without rounding doubt is GX212's finding
            message = (
                f"{split.name}各项之和 {_figure(total, unit)}（{_sum_text(breakdown.parts, unit)}）"
                f"≠ 总数 {_figure(whole.value, unit)}"
            )
            span = breakdown.whole_sentence.paragraph.span_of(
                breakdown.whole_sentence.start + whole.start, breakdown.whole_sentence.start + whole.end
            )
            if _rounding(breakdown, difference):
                yield self.at(
                    span,
                    f"{message}，相差 {_figure(difference, unit)}，在各数小数位的舍入范围内；建议各项与总数保留相同的小数位数",
                    severity=Severity.INFO,
                )
            else:
                yield self.at(span, message)


def _rounding(breakdown: Breakdown, difference: Decimal) -> bool:
    figures = [breakdown.whole] + [p.quantity for p in breakdown.parts]
    return difference <= rounding_slack(figures, breakdown.whole.unit)


class MixedMoneyUnits(Rule):
    """同一组相加的金额混用了不同单位（如“亿元”夹在“万元”之间）。

    总额和其中各项应使用同一单位，否则读者容易把 0.5 亿元当成 0.5 万元；单位混用也常常是
    录入错误（如“因公出国（境）经费0亿元”）。

    Bad::

        一、总体情况
        “三公”经费决算总额为50万元，其中：因公出国（境）经费0亿元，公务接待费30万元，公务用车购置及运行维护费20万元。

    Good::

        一、总体情况
        “三公”经费决算总额为50万元，其中：因公出国（境）经费0万元，公务接待费30万元，公务用车购置及运行维护费20万元。
    """

    code = "GX215"
    name = "prose-mixed-units"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for breakdown in report_breakdowns(report):
            unit = breakdown.whole.unit
            if unit not in MONEY:
                continue
            for part in breakdown.parts:
                if part.quantity.unit != unit:
                    yield self.at(
                        _span(part.sentence, part.quantity),
                        f"“{part.label}{part.quantity.text}”的单位与总数 {_figure(breakdown.whole.value, unit)} 不同，"
                        f"同一组金额应统一用“{unit}”",
                    )


_SHARE = lazy_pattern(r"^[，,、（(\s]*(?:占比|占全部|占总数的|占总量的|占)\s*(\d+(?:\.\d+)?)\s*[%％]")
_WHOLE_HINT = lazy_pattern(r"(共|合计|累计|总计|总数|总量|全年)[^，。；,;]{0,14}$")


class PercentageMismatch(Rule):
    """正文中“N 条，占 P%”的百分比与数字本身算出的比例不符。

    比例以同一段中此前用“共 / 累计 / 合计 / 全年”等引出的、单位相同的总数为分母；按所写百分比
    的小数位，四舍五入或截尾得到的值都算正确。

    Bad::

        一、总体情况
        全年累计主动公开政府信息200条。包括政府文件50条，占30%。

    Good::

        一、总体情况
        全年累计主动公开政府信息200条。包括政府文件50条，占25%。
    """

    code = "GX214"
    name = "prose-percentage-mismatch"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for paragraph in report.paragraphs():
            text = paragraph.text
            if "占" not in text:
                continue  # every share is written “占 P%” (_SHARE)
            quantities = list(find_quantities(text))
            for index, quantity in enumerate(quantities):
                if quantity.unit == "%":
                    continue
                share = _SHARE.match(text[quantity.end :])
                if share is None:
                    continue
                base = _base(text, quantities[:index], quantity.unit)
                if base is None or base.value == 0:
                    continue
                stated = Decimal(share.group(1))
                places = len(share.group(1).split(".", 1)[1]) if "." in share.group(1) else 0
                if _any_base_fits(quantities[:index], quantity, stated, places):
                    continue
                actual = quantity.value * 100 / base.value
                start = quantity.end + share.start(1)
                yield self.at(
                    paragraph.span_of(start, quantity.end + share.end()),
                    f"“{quantity.text}”占总数 {_figure(base.value, base.unit)} 的 {actual:.{places + 1}f}%，不是 {share.group(1)}%",
                )


def _fits(part: Decimal, whole: Decimal, stated: Decimal, places: int) -> bool:
    """Rounded or truncated to the stated decimals, part/whole is the stated percentage."""
    return whole > 0 and abs(part * 100 / whole - stated) < Decimal(10) ** -places


def _any_base_fits(before: list[Quantity], quantity: Quantity, stated: Decimal, places: int) -> bool:
    """Any earlier figure of the same unit may be the denominator (a sub-total, a nested 其中)."""
    return any(
        candidate.unit == quantity.unit and _fits(quantity.value, candidate.value, stated, places)
        for candidate in before
    )


def _base(text: str, before: list[Quantity], unit: str) -> Optional[Quantity]:
    for candidate in reversed(before):
        if compatible(candidate.unit, unit) and candidate.unit == unit and _WHOLE_HINT.search(text[: candidate.start]):
            return candidate
    return None


_COUNTED = ("信息", "申请", "文件", "稿件", "政策解读")
_MEASURE_WORDS = ("条", "件", "篇", "份")
# Every lost figure ends with one of these pairs (信息条): a cheaper pattern to try first.
_LOST_HINT = lazy_pattern(f"(?:{'|'.join(_COUNTED)})(?:{'|'.join(_MEASURE_WORDS)})")
_LOST_FIGURE = lazy_pattern(
    r"(公开|发布|制发|印发|收到|受理|办结|答复|办理)(?:了)?(?:各类|相关|政府|依申请公开|政务)*"
    rf"({'|'.join(_COUNTED)})({'|'.join(_MEASURE_WORDS)})(?=[，,。；;]|其中|$)"
)


def _hinted(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs where :data:`_LOST_HINT` occurs, found with one search of them all joined by
    newlines (no hint holds one) instead of a search per paragraph: most reports have no hint."""
    joined = "\n".join(paragraph.text for paragraph in paragraphs)
    hinted: list[Paragraph] = []
    index, limit = -1, -1
    for hint in _LOST_HINT.finditer(joined):
        if hint.start() <= limit:
            continue  # the paragraph is taken already
        while hint.start() > limit:
            index += 1
            limit += len(paragraphs[index].text) + 1
        hinted.append(paragraphs[index])
    return hinted


def _figure_expected(text: str, match: re.Match) -> bool:
    """A total announced with 其中, or sibling figures with the same measure word in the sentence.

    Without either, "办结申请件" may be a noun phrase (申请件 = the applications), not a lost number.
    """
    after = text[match.end() :]
    if re.match(r"[，,]?其中", after):
        return True
    start = max(text.rfind(mark, 0, match.start()) for mark in "。；;") + 1
    ends = [i for i in (text.find(mark, match.end()) for mark in "。；;") if i >= 0]
    sentence = text[start : min(ends) if ends else len(text)]
    return re.search(rf"\d\s*{match.group(3)}", sentence) is not None


class MissingFigure(Rule):
    """量词前缺了数字，如“公开各类信息条”。

    数字在编辑或转换时丢失，读者无从知道数量；后面若跟着“其中……”，更说明这里本该有一个总数。

    Bad::

        一、总体情况
        全年在区政府网站公开各类信息条，其中工作信息39条。

    Good::

        一、总体情况
        全年在区政府网站公开各类信息93条，其中工作信息39条。
    """

    code = "GX216"
    name = "prose-figure-missing"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for paragraph in _hinted(list(report.paragraphs())):
            for match in _LOST_FIGURE.finditer(paragraph.text):
                if not _figure_expected(paragraph.text, match):
                    continue
                yield self.at(
                    paragraph.span_of(match.start(3), match.end(3)),
                    f"“{match.group(0)}”中“{match.group(3)}”前缺少数字",
                )


RULES = (PartsExceedWhole, SplitDoesNotAddUp, MixedMoneyUnits, PercentageMismatch, MissingFigure)
