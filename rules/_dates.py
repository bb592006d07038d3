"""Reading dates: the written forms of a date, the signature date and the web page's publication
date, shared by the date rules and the document-number rules."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from gxlint.model import Report, Span
from gxlint.records import Record

from ._contacts import fold
from ._memo import lazy_pattern, per_report

CHINESE_DATE = lazy_pattern(r"(?<!\d)(?P<year>20\d\d)\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
_ISO_DATE = lazy_pattern(r"(?<![\d.\-/])(?P<year>20\d\d)(?P<sep>[-./])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d.\-/])")
_PAGE_DATE = lazy_pattern(
    r"(?P<label>发布日期|发布时间|公开日期|成文日期|生成日期|印发日期)[\s:|]*(?P<date>(?P<year>20\d\d)\s*[-./年]\s*(?P<month>\d{1,2})\s*[-./月]\s*(?P<day>\d{1,2}))"
)


def make_date(year: int, month: int, day: int) -> Optional[datetime.date]:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_chinese_date(text: str, default_year: Optional[int] = None) -> Optional[datetime.date]:
    """``2023年1月1日`` → date; ``12月31日`` with ``default_year``; None when not a whole valid date."""
    text = fold(text).strip()
    found = CHINESE_DATE.fullmatch(text)
    if found:
        return make_date(int(found["year"]), int(found["month"]), int(found["day"]))
    bare = re.fullmatch(r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日", text)
    if bare and default_year:
        return make_date(default_year, int(bare["month"]), int(bare["day"]))
    return None


@dataclass(init=False, repr=False, eq=False)
class DatedEvidence(Record):
    """A date that says when the report was signed or published, and where it is written.

    ``==`` and ``repr`` from the model's record base, as @dataclass makes them, and a written-out
    __init__: @dataclass would compile them anew at every import.
    """

    what: str  # 落款日期 | 发布日期 | 成文日期 …
    date: datetime.date
    written: str
    span: Span

    def __init__(self, what: str, date: datetime.date, written: str, span: Span) -> None:
        self.what = what
        self.date = date
        self.written = written
        self.span = span


@per_report
def signature_date(report: Report) -> Optional[DatedEvidence]:
    for paragraph in report.paragraphs():
        if paragraph.kind != "signature":
            continue
        folded = fold(paragraph.text)
        found = CHINESE_DATE.search(folded) or _ISO_DATE.search(folded)
        if found:
            date = make_date(int(found["year"]), int(found["month"]), int(found["day"]))
            if date:
                return DatedEvidence("落款日期", date, found.group(0), paragraph.span_of(found.start(), found.end()))
    return None


def page_dates(report: Report) -> Iterator[DatedEvidence]:
    """Publication dates in the web page's metadata panel (发布日期: 2024-02-19)."""
    return iter(_page_dates(report))


@per_report
def _page_dates(report: Report) -> tuple[DatedEvidence, ...]:
    return tuple(_dated_lines(report))


def _dated_lines(report: Report) -> Iterator[DatedEvidence]:
    for block in report.chrome:
        for line in block.lines:
            if "日期" not in line.text and "发布时间" not in line.text:
                continue  # every label of _PAGE_DATE ends so
            for found in _PAGE_DATE.finditer(fold(line.text)):
                date = make_date(int(found["year"]), int(found["month"]), int(found["day"]))
                if date:
                    yield DatedEvidence(found["label"], date, found["date"], line.span(found.start("date"), found.end("date")))


def publication_evidence(report: Report) -> list[DatedEvidence]:
    """The signature date, then the page's publication dates."""
    found = [signature_date(report)]
    return [e for e in found if e] + list(page_dates(report))


def iso_dates(text: str) -> Iterator[re.Match]:
    return _ISO_DATE.finditer(text)
