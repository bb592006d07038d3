"""GX110–GX111: the report says, in its title or its opening, which year and which agency it is for."""

from __future__ import annotations

import functools
import re
from typing import Iterator, Optional

from gxlint import Rule, Severity, regexes
from gxlint.model import Paragraph, Report, Span
from gxlint.normalize import has_cjk, nfkc, words_key

_YEAR = regexes.compile(r"(?:19|20)\d\d\s*年度?|[〇○零一二三四五六七八九]{4}\s*年度?")
# What every title has besides the year and the agency.
_GENERIC = regexes.compile(r"政府信息公开|政务公开|信息公开|工作|情况|年度|报告|关于|的")
_BOOK_TITLE = regexes.compile(r"《[^》]*》")


@functools.cache
def _agency() -> re.Pattern:
    """Compiled on first use (only when the title does not name the agency); its CJK class costs ≈ 1.5 ms."""
    return regexes.compile(r"[\u4e00-\u9fff]{2,30}?(?:人民政府|管理委员会|委员会|办公室|政府|局|厅|委|办|中心|开发区|街道办事处|街道|镇|乡)")


def _title(report: Report) -> list[Paragraph]:
    return [p for p in report.preamble if p.kind == "title"]


def _opening(report: Report) -> list[Paragraph]:
    """The first two prose paragraphs before 一、总体情况 (the 前言)."""
    return [p for p in report.preamble if p.kind != "title" and p.text.strip()][:2]


def _main_line(title: list[Paragraph]) -> Span:
    """The title line that names the report (``…工作年度报告``), from its first visible character."""
    paragraph = next((p for p in title if "报告" in p.text), title[-1])
    text = paragraph.text
    return paragraph.span_of(len(text) - len(text.lstrip()), len(text.rstrip()))


def _quoted_title(title: list[Paragraph]) -> str:
    return "".join(p.text.strip() for p in title)


def _year_hint(report: Report) -> str:
    meta = report.meta
    if meta.year is None or meta.year_source in ("", "标题"):
        return ""
    return f"（据{meta.year_source}推断为 {meta.year} 年度）"


def has_agency(title: str) -> bool:
    """Whether anything besides the year and the generic words is left: the agency's name."""
    rest = _GENERIC.sub("", _YEAR.sub("", words_key(title)))
    return sum(1 for ch in rest if has_cjk(ch)) >= 2


class TitleMissingYear(Rule):
    """The report's title (or, without a title, its opening) does not say which year it covers.

    An annual report is filed and compared by year; a title such as 「政府信息公开工作年度报告」
    without the year leaves readers and archives to guess, and publication platforms list it
    under the wrong year.

    Bad::

        遂宁经济技术开发区管理委员会政府信息公开工作年度报告
        一、总体情况
        2019年，经开区主动公开政府信息 915 条。

    Good::

        遂宁经济技术开发区管理委员会2019年政府信息公开工作年度报告
        一、总体情况
        2019年，经开区主动公开政府信息 915 条。
    """

    code = "GX110"
    name = "title-missing-year"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        title = _title(report)
        if title:
            if not _YEAR.search(nfkc(_quoted_title(title))):
                yield self.at(_main_line(title), f"标题「{_quoted_title(title)}」没有写明报告年度{_year_hint(report)}")
            return
        opening = _opening(report)
        if not any(_YEAR.search(nfkc(p.text)) for p in opening):
            span = opening[0].span if opening else _first_line(report)
            yield self.at(span, f"报告没有标题，开头也没有写明报告年度{_year_hint(report)}")


class TitleMissingAgency(Rule):
    """The report's title (or, without a title, its opening) does not name the agency.

    Every agency publishes its own annual report; 「2023年政府信息公开工作年度报告」 alone does not
    say whose it is once the page around it is gone (a download, a copy in an archive).

    Bad::

        2023年政府信息公开工作年度报告
        一、总体情况
        临港开发区全年主动公开政府信息 1464 条。

    Good::

        临港经济开发区2023年政府信息公开工作年度报告
        一、总体情况
        临港开发区全年主动公开政府信息 1464 条。
    """

    code = "GX111"
    name = "title-missing-agency"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        agency = report.meta.agency
        hint = f"（报告其他位置写的机关为「{agency}」）" if agency else ""
        title = _title(report)
        if title:
            if not has_agency(_quoted_title(title)):
                yield self.at(_main_line(title), f"标题「{_quoted_title(title)}」没有写明发布机关{hint}")
            return
        opening = _opening(report)
        text = "".join(p.text for p in opening)
        named = (agency and words_key(agency) in words_key(text)) or _agency().search(_BOOK_TITLE.sub("", nfkc(text)))
        if not named:
            span = opening[0].span if opening else _first_line(report)
            yield self.at(span, f"报告没有标题，开头也没有写明发布机关{hint}")


def _first_line(report: Report) -> Optional[Span]:
    first = report.sections[0] if report.sections else None
    return first.span if first is not None else Span(1, 1)


RULES = (TitleMissingYear, TitleMissingAgency)
