"""Report metadata: year, agency, title, statistical period, signature date, template choice.

The report year decides the template (2019 format for 2019–2020, 2021 format after), so it is
taken from the most explicit source available, in this order: the title, the 统计期限 sentence,
the preamble's "现公布…20XX年度…报告", the signature date (a report is signed early in the year
after), and last the year most mentioned in 一、总体情况.
"""

from __future__ import annotations

import re
from collections import Counter

from . import regexes
from .model import Metadata, Paragraph, Section
from .region import detect_region
from .templates import get_template, template_for_year

_MARKDOWN_HEADING = regexes.compile(r"^\s*#{1,6}\s*")
_TITLE_YEAR = regexes.compile(r"(20\d\d)\s*年度?")
_PERIOD = regexes.compile(
    r"统计(?:期限|时限|时间|区间|范围)?[^。]{0,12}?(?:自|从|为)?\s*(?P<start>20\d\d\s*年?\s*\d{1,2}\s*月?\s*\d{1,2}\s*日?)\s*(?:起)?\s*(?:至|到|-|—|～|~)\s*(?P<end>(?:20\d\d\s*年?\s*)?\d{1,2}\s*月?\s*\d{1,2}\s*日?)"
)
_SIGNATURE_DATE = regexes.compile(r"^\s*(?P<year>20\d\d)\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日\s*$")
_AGENCY_SUFFIX = regexes.compile(r"(人民政府|管理委员会|管委会|办公室|委员会|政府|局|厅|委|办|中心|开发区|经济区|街道办事处|街道|镇|乡|院|署|部|所|站|队)$")


# Needed only when the title and the 统计期限 sentence leave the year or the agency open, so they
# are compiled on first use.
_PUBLISHED = regexes.lazy(r"(?:现公布|发布|公布)(?P<agency>[^，。,；;“”《》()（）]{2,30}?)(?P<year>20\d\d)\s*年度?(?:政府信息公开|政务公开)")
_ANY_YEAR = regexes.lazy(r"(20[1-3]\d)\s*年")


def extract(title: list[Paragraph], preamble: list[Paragraph], sections: list[Section],
            signature: list[Paragraph], template_option: str = "auto") -> Metadata:
    meta = Metadata()
    if title:
        meta.title = "".join(_MARKDOWN_HEADING.sub("", p.text).strip() for p in title)
        meta.title_span = title[0].span
    _year(meta, title, preamble, sections, signature)
    _agency(meta, title, preamble, signature)
    texts = [p.text for p in preamble[:5]] + [p.text for p in signature]
    try:
        meta.region = detect_region(meta.agency, texts)
    except Exception:  # region lookup is best effort; its data must never cost the whole parse
        meta.region = None
    if template_option and template_option != "auto":
        meta.template = get_template(template_option).id
        meta.template_reason = "配置指定"
    else:
        meta.template = template_for_year(meta.year).id
        meta.template_reason = f"报告年度 {meta.year}" if meta.year else "报告年度不明，按 2021 年格式"
    return meta


def _year(meta: Metadata, title, preamble, sections, signature) -> None:
    for paragraph in title:
        found = _TITLE_YEAR.search(paragraph.text)
        if found:
            meta.year, meta.year_source = int(found.group(1)), "标题"
            break
    for paragraph in [*preamble, *_first_section_paragraphs(sections)]:
        period = _PERIOD.search(paragraph.text)
        if period:
            meta.period = (period.group("start"), period.group("end"))
            meta.period_span = paragraph.span_of(period.start("start"), period.end("end"))
            if meta.year is None:
                digits = re.match(r"20\d\d", period.group("start"))
                meta.year, meta.year_source = int(digits.group(0)), "统计期限"
            break
    if meta.year is None:
        for paragraph in preamble:
            published = _PUBLISHED.search(paragraph.text)
            if published:
                meta.year, meta.year_source = int(published.group("year")), "前言"
                break
    for paragraph in signature:
        date = _SIGNATURE_DATE.match(paragraph.text)
        if date:
            meta.signature_date = paragraph.text.strip()
            meta.signature_span = paragraph.span
            if meta.year is None:
                meta.year, meta.year_source = int(date.group("year")) - 1, "落款日期"
        elif meta.signature_span is None and re.match(r"^\s*20\d\d\S*\s*$", paragraph.text):
            meta.signature_date = paragraph.text.strip()
            meta.signature_span = paragraph.span
    if meta.year is None:
        counts = Counter()
        for paragraph in _first_section_paragraphs(sections):
            counts.update(int(y) for y in _ANY_YEAR.findall(paragraph.text))
        if counts:
            meta.year, meta.year_source = counts.most_common(1)[0][0], "正文"


def _first_section_paragraphs(sections: list[Section]):
    for section in sections:
        if section.number == 1:
            yield from section.all_paragraphs()


def _agency(meta: Metadata, title, preamble, signature) -> None:
    if meta.title:
        head = re.split(r"20\d\d\s*年|政府信息公开|政务公开", meta.title)[0].strip(" ：:")
        if len(head) >= 2 and _AGENCY_SUFFIX.search(head):
            meta.agency = head
            return
    for paragraph in preamble:
        published = _PUBLISHED.search(paragraph.text)
        if published:
            meta.agency = published.group("agency").strip()
            return
    for paragraph in signature:
        text = paragraph.text.strip()
        if _AGENCY_SUFFIX.search(text) and not re.search(r"\d", text):
            meta.agency = text
            return
    if meta.title:
        head = re.split(r"20\d\d\s*年|政府信息公开|政务公开", meta.title)[0].strip()
        if len(head) >= 2:
            meta.agency = head
