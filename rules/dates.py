"""Dates and periods (GX601–GX605): malformed dates, the statistical period, the report year, the
signature and publication dates and the statutory deadline.

The report year comes from the parser's metadata (title first, then the 统计期限 sentence …);
each rule names where it took the year from, so a reader can tell which of two disagreeing
statements the linter trusted.

Dates in the web page's metadata panel (发布日期, 成文日期, 生成日期) are the site's, not the
author's, so their form is not linted; their values are evidence of when the report was
published and are checked against the period and the deadline like the signature date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Iterable, Iterator, Optional

from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Paragraph, Report
from gxlint.rule import Rule, RuleContext

from ._contacts import at_pdf_line_break, fold
from ._dates import CHINESE_DATE, make_date, page_dates, parse_chinese_date, signature_date
from ._memo import lazy_pattern


def _year(not_after: str) -> str:
    """A year 20xx not preceded by ``not_after``.

    The literal ``20`` comes first and the look-behind after it checks the character before the
    year: the regex engine then jumps from one ``20`` to the next instead of trying every offset.
    """
    return rf"(?P<year>20(?<!{not_after}20)\d\d)"


_LOST_BOTH = lazy_pattern(_year(r"[\d年月./\-]") + r"(?P<rest>\d{1,4})\s*日")
_LOST_YEAR = lazy_pattern(_year(r"[\d年月./\-]") + r"(?P<month>\d{1,2})\s*月")
_LOST_MONTH = lazy_pattern(_year(r"[\d./\-]") + r"\s*年\s*(?P<rest>\d{2,4})\s*日")
# The month's first digit, then the look-behind: as in _year, so the engine can skip to digits.
_MONTH_DAY = lazy_pattern(r"(?P<month>\d(?<![\d./\-]\d)\d?)\s*月\s*(?P<day>\d{1,2})\s*日")
_YEAR_MONTH = lazy_pattern(_year(r"\d") + r"\s*年\s*(?P<month>\d{1,2})\s*月(?!\s*\d)")
_SEPARATED = lazy_pattern(
    _year(r"[\d./\-]")
    + r"\s*(?P<s1>[年.\-/])\s*(?P<month>\d{1,2})\s*(?P<s2>[月.\-/])\s*(?P<day>\d{1,2})(?P<s3>\s*日)?(?![\d./\-]|\s*月)"
)
# A date after the "20" of its year. Each end of a range opens with that literal 20, as in _year, so
# the engine can skip ahead; ch1/iso1 and ch2/iso2 then tell only which way each end is written.
_CH_TAIL = r"\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_ISO_TAIL = r"\d\d(?P<sepN>[-./])\d{1,2}(?P=sepN)\d{1,2}"
_RANGE_MARKS = ("至", "到", "～", "~", "—", "-")
_RANGE = lazy_pattern(
    rf"20(?<![\d./\-]20)(?:(?P<ch1>{_CH_TAIL})|(?P<iso1>{_ISO_TAIL.replace('N', '1')}))"
    rf"\s*起?\s*(?:{'|'.join(_RANGE_MARKS)})\s*"
    rf"20(?:(?P<ch2>{_CH_TAIL})|(?P<iso2>{_ISO_TAIL.replace('N', '2')}))(?![\d./\-])"
)
_DATE_END = lazy_pattern(r"\s*(?:[,，。;；、)）]|至|到|起|止|$)")
_BARE_SIGNATURE = lazy_pattern(r"(?<!\d)(?P<year>20\d\d)(?P<rest>\d{1,4})(?!\d)")


def _readings(year: str, rest: str) -> list[str]:
    """The dates ``year`` + ``rest`` digits can be read as: ``2023`` + ``11`` → [2023年1月1日]."""
    found = []
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) <= 2 and len(day) <= 2 and make_date(int(year), int(month), int(day)):
            found.append(f"{year}年{int(month)}月{int(day)}日")
    return found


def _suggest(readings: list[str]) -> str:
    if len(readings) == 1:
        return f"，应为「{readings[0]}」"
    if readings:
        return f"（可能是{'或'.join(readings)}）"
    return ""


def _impossible(year: Optional[int], month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"没有 {month} 月"
    last = calendar.monthrange(year or 2024, month)[1]  # without a year, 2月29日 is possible
    if not 1 <= day <= last:
        return f"{month} 月没有 {day} 日" if day > 0 else "日不能为 0"
    return ""


class DateMalformed(Rule):
    """日期写错：丢了“年”或“月”（202311日、20241）、13 月、32 日、2月30日、格式混用。

    报告的统计期限、落款日期写错，读者无法确定报告覆盖哪段时间、何时发布。常见原因是排版时
    “年”“月”字被删掉，或者把 2023.12.31 和 2023年12月31日 两种写法混在一个日期里。

    Bad::

        一、总体情况
        本报告所列数据的统计期限自202311日起至20231231日止。

    Good::

        一、总体情况
        本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。
    """

    code = "GX601"
    name = "date-malformed"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for paragraph in report.paragraphs():
            folded = fold(paragraph.text)
            if "20" not in folded and not ("月" in folded and "日" in folded):
                continue  # every form read here has a year (20xx) or is 月…日
            reported: list[tuple[int, int]] = []
            for start, end, message in self._problems(paragraph, folded):
                if any(a < end and start < b for a, b in reported):
                    continue
                if paragraph.kind != "signature" and at_pdf_line_break(report, folded, start, end):
                    continue
                reported.append((start, end))
                yield self.at(paragraph.span_of(start, end), message)

    def _problems(self, paragraph: Paragraph, folded: str) -> Iterator[tuple[int, int, str]]:
        text = paragraph.text
        if paragraph.kind == "signature" and not CHINESE_DATE.search(folded):
            bare = _BARE_SIGNATURE.search(folded)
            if bare and not re.search(r"[年月日.\-/]", folded):
                yield bare.start(), bare.end(), (
                    f"落款日期「{bare.group(0)}」缺少“年”“月”“日”，应写作完整日期「{bare['year']}年×月×日」"
                )
        # A pattern is tried only when the text holds the literal characters it cannot match without.
        year, nian, yue, ri = "20" in folded, "年" in folded, "月" in folded, "日" in folded
        for m in _LOST_BOTH.finditer(folded) if year and ri else ():
            readings = _readings(m["year"], m["rest"])
            yield m.start(), m.end(), f"日期「{text[m.start():m.end()]}」缺少“年”和“月”{_suggest(readings)}"
        for m in _LOST_MONTH.finditer(folded) if year and nian and ri else ():
            readings = _readings(m["year"], m["rest"])
            yield m.start(), m.end(), f"日期「{text[m.start():m.end()]}」缺少“月”{_suggest(readings)}"
        for m in _LOST_YEAR.finditer(folded) if year and yue else ():
            if 1 <= int(m["month"]) <= 12:
                yield m.start(), m.end(), f"日期「{text[m.start():m.end()]}」缺少“年”，应为「{m['year']}年{int(m['month'])}月」"
        for m in _SEPARATED.finditer(folded) if year else ():
            yield from self._separated(m, text)
        ranged = year and any(mark in folded for mark in _RANGE_MARKS)
        for m in _RANGE.finditer(folded) if ranged else ():
            if bool(m["ch1"]) != bool(m["ch2"]):
                yield m.start(), m.end(), f"起止日期「{text[m.start():m.end()]}」两端写法不一致，宜统一写作“×年×月×日”"
        for m in _MONTH_DAY.finditer(folded) if yue and ri else ():
            found_year, start = _year_before(folded, m.start())
            problem = _impossible(found_year, int(m["month"]), int(m["day"]))
            if problem:
                yield start, m.end(), f"日期「{text[start:m.end()].strip()}」不存在：{problem}"
        for m in _YEAR_MONTH.finditer(folded) if year and nian and yue else ():
            if not 1 <= int(m["month"]) <= 12:
                yield m.start(), m.end(), f"日期「{text[m.start():m.end()]}」不存在：没有 {int(m['month'])} 月"

    def _separated(self, m: re.Match, text: str) -> Iterator[tuple[int, int, str]]:
        s1, s2, s3 = m["s1"], m["s2"], bool(m["s3"])
        written = text[m.start():m.end()]
        chinese = s1 == "年" and s2 == "月"
        if chinese and s3:
            return  # judged by the value checks
        if chinese:
            if _DATE_END.match(text, m.end()):
                yield m.start(), m.end(), f"日期「{written}」缺少“日”"
            return
        if s1 == s2 and not s3:
            problem = _impossible(int(m["year"]), int(m["month"]), int(m["day"]))
            if problem:
                yield m.start(), m.end(), f"日期「{written}」不存在：{problem}"
            return
        iso_then_chinese = s1 in "-./" and (s2 == "月" or s3)
        chinese_then_iso = s1 == "年" and s2 in "-./" and s3  # 2023年1-12 without 日 is a month range
        if iso_then_chinese or chinese_then_iso:
            yield m.start(), m.end(), (
                f"日期「{written}」混用了两种写法，应写作「{m['year']}年{int(m['month'])}月{int(m['day'])}日」"
            )


def _year_before(folded: str, offset: int) -> tuple[Optional[int], int]:
    """The year written right before ``月…日`` (``2023年2月30日`` → 2023) and where it starts."""
    window = max(0, offset - 8)
    found = re.search(r"(?<!\d)(20\d\d)\s*年\s*$", folded[window:offset])
    return (int(found.group(1)), window + found.start()) if found else (None, offset)


def _year_note(report: Report) -> str:
    return f"报告年度 {report.meta.year} 年（据{report.meta.year_source or '正文'}）"


class StatisticalPeriodWrong(Rule):
    """统计期限不是报告年度的 1月1日 至 12月31日。

    年度报告的统计期限是报告年度整年（如四川 DB51/T 2660—2019 第 2.1 条）。起止日期或年份不对，
    多半是沿用了上一年的报告。日期本身写坏时由 GX601 报告，这里不重复。

    Bad::

        2023年政府信息公开工作年度报告
        本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。
        一、总体情况

    Good::

        2023年政府信息公开工作年度报告
        本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。
        一、总体情况
    """

    code = "GX602"
    name = "statistical-period-wrong"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        meta = report.meta
        if not meta.period or meta.year is None:
            return
        start = parse_chinese_date(meta.period[0])
        end = parse_chinese_date(meta.period[1], start.year if start else None)
        if start is None or end is None:
            return
        expected = (datetime.date(meta.year, 1, 1), datetime.date(meta.year, 12, 31))
        if (start, end) == expected:
            return
        written = f"{meta.period[0]}至{meta.period[1]}"
        whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year
        if whole_year:
            message = f"统计期限「{written}」是 {start.year} 年，与{_year_note(report)}不一致"
        else:
            message = f"统计期限「{written}」不是整年，应为 {meta.year}年1月1日至{meta.year}年12月31日：{_year_note(report)}"
        yield self.at(meta.period_span, message)


_THIS_REPORT = lazy_pattern(r"(?:现公布|现将|公布|发布|编制|本)[^，。；,;]{0,30}$")
_OWN_REPORT = lazy_pattern(r"(?<!\d)(?P<year>20\d\d)\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?\s*(?:年度)?\s*报告")


class ReportYearMismatch(Rule):
    """标题、前言或落款中的年份与报告年度不一致。

    “现公布2022年度报告”出现在 2023 年的报告里，或者落款年份既不是报告年度的下一年也不是当年，
    说明报告是从往年报告改来而漏改了年份。

    Bad::

        2023年政府信息公开工作年度报告
        现公布本局2022年度政府信息公开工作年度报告。
        一、总体情况

    Good::

        2023年政府信息公开工作年度报告
        现公布本局2023年度政府信息公开工作年度报告。
        一、总体情况
    """

    code = "GX603"
    name = "report-year-mismatch"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        year = report.meta.year
        if year is None:
            return
        for paragraph in report.preamble:
            folded = fold(paragraph.text)
            for m in _OWN_REPORT.finditer(folded):
                if paragraph.kind != "title" and not _THIS_REPORT.search(folded, 0, m.start()):
                    continue  # a sentence about another report, not a statement of this one's year
                if int(m["year"]) != year:
                    where = "标题" if paragraph.kind == "title" else "前言"
                    yield self.at(
                        paragraph.span_of(m.start(), m.end()),
                        f"{where}中的「{paragraph.text[m.start():m.end()]}」年份 {m['year']} 与{_year_note(report)}不一致",
                    )
        signed = signature_date(report)
        if signed and signed.date.year > year + 1:
            yield self.at(
                signed.span,
                f"落款日期「{signed.written}」在 {signed.date.year} 年，{_year_note(report)}的报告应在 {year + 1} 年发布",
            )


class DateBeforePeriodEnd(Rule):
    """落款或发布日期早于统计期限结束，或晚于今天。

    报告总结的是整年的数据，年底之前签发说明日期写错（常见是沿用上一年的落款）；
    晚于今天的日期同样不可能。

    Bad::

        2023年政府信息公开工作年度报告
        一、总体情况
        本年度未收到申请。
        某某县商务局
        2023年1月20日

    Good::

        2023年政府信息公开工作年度报告
        一、总体情况
        本年度未收到申请。
        某某县商务局
        2024年1月20日
    """

    code = "GX604"
    name = "signature-date-implausible"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        year = report.meta.year
        today = datetime.date.today()
        for evidence in filter(None, [signature_date(report), *page_dates(report)]):
            if year is not None and evidence.date <= datetime.date(year, 12, 31):
                yield self.at(
                    evidence.span,
                    f"{evidence.what}「{evidence.written}」早于统计期限结束（{year}年12月31日）：{_year_note(report)}",
                )
            elif evidence.date > today:
                yield self.at(evidence.span, f"{evidence.what}「{evidence.written}」晚于今天（{today.isoformat()}）")


_GOVERNMENT = lazy_pattern(r"人民政府$")
_DEPARTMENT = lazy_pattern(r"(?:局|厅|委员会|委|办公室|办)$")
_NOT_DEPARTMENT = lazy_pattern(r"管理委员会|管委会|人民政府$")


def deadline(report: Report) -> Optional[tuple[datetime.date, str]]:
    """条例第四十九条: departments publish by 1月31日, governments by 3月31日 of the next year."""
    agency, year = report.meta.agency or "", report.meta.year
    if year is None or not agency:
        return None
    if _GOVERNMENT.search(agency):
        return datetime.date(year + 1, 3, 31), "县级以上人民政府"
    if _DEPARTMENT.search(agency) and not _NOT_DEPARTMENT.search(agency):
        return datetime.date(year + 1, 1, 31), "政府部门"
    return None


class PublishedAfterDeadline(Rule):
    """报告在法定期限之后发布（部门 1月31日，政府 3月31日）。

    《政府信息公开条例》第四十九条：县级以上人民政府部门应于每年 1月31日前、县级以上地方
    人民政府应于每年 3月31日前公布上一年度的报告。只有机关类型能从名称判断时才核对。提示性质。

    Bad::

        某某县商务局2023年政府信息公开工作年度报告
        一、总体情况
        本年度未收到申请。
        某某县商务局
        2024年2月20日

    Good::

        某某县商务局2023年政府信息公开工作年度报告
        一、总体情况
        本年度未收到申请。
        某某县商务局
        2024年1月20日
    """

    code = "GX605"
    name = "published-after-deadline"
    severity = Severity.INFO

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        limit = deadline(report)
        if limit is None:
            return
        due, kind = limit
        signed = [e for e in [signature_date(report), *page_dates(report)] if e and e.what in _SIGNED]
        published = [e for e in page_dates(report) if e.what in _PUBLISHED]
        generated = [e for e in page_dates(report) if e.what == "生成日期"]
        # published no earlier than signed; the page's own publication date beats its record date
        for evidence in [*signed, *(published or generated)[:1]]:
            if evidence.date > due:
                yield self.at(
                    evidence.span,
                    f"{evidence.what}「{evidence.written}」晚于法定期限：{kind}应于 {due.year}年{due.month}月{due.day}日前公布上一年度报告",
                )
                return


_SIGNED = ("落款日期", "成文日期", "印发日期")
_PUBLISHED = ("发布日期", "发布时间", "公开日期")


RULES = (DateMalformed, StatisticalPeriodWrong, ReportYearMismatch, DateBeforePeriodEnd, PublishedAfterDeadline)
