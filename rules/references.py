"""Document numbers (GX606–GX608): 〔YYYY〕N号 brackets, years that cannot be, and citations of the
format and fee documents with a wrong number.

A 文号 is written ``发文机关代字〔年份〕序号号`` with 六角括号 (GB/T 9704—2012 7.2.2). Reports cite
the format document and the fee measures in nearly every copy, so a wrong number there is copied
from report to report; the known numbers live in ``gxlint/data/known_references.toml``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from gxlint._data import load_toml
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Paragraph, Report
from gxlint.records import Record
from gxlint.rule import Rule, RuleContext

from ._contacts import fold
from ._dates import publication_evidence
from ._memo import lazy_pattern, per_report

_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SERIAL = r"\s*(?P<serial>\d{1,5})\s*号"
# (form, pattern, whether the match must follow a Chinese character). That test is made on each
# match instead of by a CJK class in the pattern, which costs milliseconds to compile; a match
# failing it never hides one that passes, as no character inside a match is Chinese before 号.
# A "brackets" match also takes the spaces before its bracket (see _cited_in): a pattern opening
# with ``\s*`` would be tried at every offset of the text.
_FORMS = (
    ("ok", lazy_pattern(rf"〔\s*{_YEAR}\s*〕{_SERIAL}"), False),
    ("unclosed", lazy_pattern(rf"〔\s*{_YEAR}(?!\s*[〕\]】)）])(?=\s*\d){_SERIAL}"), False),
    ("unopened", lazy_pattern(rf"{_YEAR}\s*〕{_SERIAL}"), True),
    ("brackets", lazy_pattern(rf"(?P<open>[\[【(〔〖])\s*{_YEAR}\s*(?P<close>[\]】)〕〗]){_SERIAL}"), True),
)
_LEAD_IN = lazy_pattern(r"依据|根据|按照|依照|参照|对照|印发|转发|下发|出台|制定|执行|落实|贯彻|和|及|与|了")
_DECREE = lazy_pattern(r"(?P<issuer>国务院令)\s*第\s*(?P<serial>\d{1,5})\s*号")
_TITLE_BEFORE = lazy_pattern(r"《(?P<title>[^《》]{2,120})》\s*[(]?\s*$")


@dataclass(init=False, repr=False, eq=False)
class Citation(Record):
    """A document number as cited. ``==`` and ``repr`` from the model's record base, as @dataclass
    makes them, and a written-out __init__: @dataclass would compile them anew at every import."""

    form: str  # ok | unclosed | unopened | brackets | decree
    issuer: str
    year: Optional[int]
    serial: int
    start: int  # where the issuer (or the bracket when there is none) starts
    end: int
    paragraph: Paragraph

    def __init__(
        self, form: str, issuer: str, year: Optional[int], serial: int, start: int, end: int, paragraph: Paragraph
    ) -> None:
        self.form = form
        self.issuer = issuer
        self.year = year
        self.serial = serial
        self.start = start
        self.end = end
        self.paragraph = paragraph

    @property
    def written(self) -> str:
        return self.paragraph.text[self.start:self.end]

    @property
    def canonical(self) -> str:
        if self.year is None:
            return f"{self.issuer}第{self.serial}号"
        return f"{self.issuer}〔{self.year}〕{self.serial}号"

    @property
    def span(self):
        return self.paragraph.span_of(self.start, self.end)


def citations(report: Report) -> Iterator[Citation]:
    return iter(_citations(report))


@per_report
def _citations(report: Report) -> tuple[Citation, ...]:
    return tuple(cite for paragraph in report.paragraphs() for cite in _cited_in(paragraph))


def _cited_in(paragraph: Paragraph) -> Iterator[Citation]:
    if "号" not in paragraph.text:
        return  # every form ends with 号 (folding leaves it alone)
    folded = fold(paragraph.text)
    taken: list[tuple[int, int]] = []
    for form, pattern, after_hanzi in _FORMS:
        for m in pattern.finditer(folded):
            begin = m.start()  # where the bracket or the year is
            found = _spaces_before(folded, begin) if form == "brackets" else begin
            if after_hanzi and not (found and _is_hanzi(folded[found - 1])):
                continue
            if form == "brackets" and m["open"] == "〔" and m["close"] == "〕":
                continue
            if any(a < m.end() and found < b for a, b in taken):
                continue
            taken.append((found, m.end()))
            run = _hanzi_before(folded, begin)
            issuer = _LEAD_IN.split(run)[-1] if run else ""
            start = begin - len(issuer)
            yield Citation(form, issuer, int(m["year"]), int(m["serial"]),
                           start, m.end(), paragraph)
    for m in _DECREE.finditer(folded):
        yield Citation("decree", m["issuer"], None, int(m["serial"]), m.start(), m.end(), paragraph)


def _is_hanzi(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _spaces_before(folded: str, at: int) -> int:
    """Where the run of spaces (``\\s``) ending at ``at`` starts."""
    while at and folded[at - 1].isspace():
        at -= 1
    return at


def _hanzi_before(folded: str, begin: int) -> str:
    """The Chinese characters, at most 20, that end ``folded[:begin]`` (or end it before a final
    newline): what ``[\u4e00-\u9fff]{1,20}$`` finds there, without compiling the class."""
    end = begin - 1 if begin and folded[begin - 1] == "\n" else begin
    start = end
    while start > max(0, end - 20) and _is_hanzi(folded[start - 1]):
        start -= 1
    return folded[start:end]


class DocumentNumberBrackets(Rule):
    """文号的年份括号缺失或用错：``〔2020109号``、``[2021]``、``【2021】``。

    文号的年份应括在六角括号〔〕中（GB/T 9704—2012）。少了一半括号时年份和序号连在一起，
    ``国办函〔2020109号`` 读不出是哪一年的第几号文件；方括号、鱼尾号是格式不规范。

    Bad::

        一、总体情况
        按照《政府信息公开信息处理费管理办法》（国办函〔2020109号）规定，本年度未收取信息处理费。

    Good::

        一、总体情况
        按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，本年度未收取信息处理费。
    """

    code = "GX606"
    name = "document-number-brackets"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for cite in citations(report):
            if cite.form == "unclosed":
                yield self.at(cite.span, f"文号「{cite.written}」缺少“〕”，应为「{cite.canonical}」")
            elif cite.form == "unopened":
                yield self.at(cite.span, f"文号「{cite.written}」缺少“〔”，应为「{cite.canonical}」")
            elif cite.form == "brackets":
                yield self.at(
                    cite.span,
                    f"文号「{cite.written}」的年份应使用六角括号〔〕，应为「{cite.canonical}」",
                    severity=Severity.WARNING,
                )


class DocumentNumberFutureYear(Rule):
    """文号的年份晚于报告的落款或发布年份，或晚于今年。

    报告不能引用它成文之后才印发的文件；这样的年份多半是把序号或别的年份抄错了。

    Bad::

        2023年政府信息公开工作年度报告
        一、总体情况
        印发《政务公开工作要点》（某政办发〔2025〕3号）。
        某某县人民政府
        2024年1月20日

    Good::

        2023年政府信息公开工作年度报告
        一、总体情况
        印发《政务公开工作要点》（某政办发〔2023〕3号）。
        某某县人民政府
        2024年1月20日
    """

    code = "GX607"
    name = "document-number-future-year"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        today = datetime.date.today()
        evidence = publication_evidence(report)
        latest = max(evidence, key=lambda e: e.date) if evidence else None
        for cite in citations(report):
            if cite.year is None:
                continue
            if cite.year > today.year:
                yield self.at(cite.span, f"文号「{cite.written}」的年份 {cite.year} 尚未到来（今年是 {today.year} 年）")
            elif latest is not None and cite.year > latest.date.year:
                yield self.at(
                    cite.span,
                    f"文号「{cite.written}」的年份 {cite.year} 晚于报告的{latest.what}（{latest.written}）",
                    severity=Severity.WARNING,
                )


@lru_cache(maxsize=1)
def known_references() -> list[dict]:
    return load_toml("gxlint.data", "known_references.toml")["reference"]


def _matches(cite: Citation, entry: dict) -> bool:
    return (cite.issuer.endswith(entry["issuer"]) and cite.serial == entry["serial"]
            and cite.year == entry.get("year"))


class KnownReferenceWrongNumber(Rule):
    """引用格式文件或信息处理费办法时文号写错。

    年度报告几乎都引用《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）、
    《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）和《政府信息公开条例》（国务院令第711号）。
    书名号中的标题与文号不对应，读者按文号查不到文件。

    Bad::

        一、总体情况
        依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕36号）编制本报告。

    Good::

        一、总体情况
        依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制本报告。
    """

    code = "GX608"
    name = "known-reference-wrong-number"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for cite in citations(report):
            title = _TITLE_BEFORE.search(fold(cite.paragraph.text), 0, cite.start)
            if title is None:
                continue
            candidates = [e for e in known_references() if any(k in title["title"] for k in e["keywords"])]
            if not candidates or any(_matches(cite, e) for e in candidates):
                continue
            if cite.form == "decree" and not all(e["issuer"] == "国务院令" for e in candidates):
                continue
            same_year = [e for e in candidates if e.get("year") == cite.year]
            expected = same_year or candidates
            yield self.at(
                cite.span,
                f"《{title['title']}》的文号应为{'或'.join('「' + e['number'] + '」' for e in expected)}，"
                f"这里写作「{cite.written}」",
            )


RULES = (DocumentNumberBrackets, DocumentNumberFutureYear, KnownReferenceWrongNumber)
