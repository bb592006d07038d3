"""Application figures in the prose against tables 三 and 四.

The prose of 总体情况 usually repeats the table ("共受理依申请公开14件，依法办结14件，结转下年办理
0件"); a figure that disagrees with the table means one of the two is wrong. Only figures that
stand right after a word from ``application_figures.toml``, in a sentence about applications and
about the report's own year, are compared, and only with table values whose cells all read as
numbers. Statements that nothing was received while the table counts something are reported too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Optional

from gxlint._data import load_toml
from gxlint.arithmetic import sum_values
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import BoundTable, Paragraph, Report
from gxlint.normalize import label_key
from gxlint.numbers import format_number
from gxlint.records import FrozenRecord
from gxlint.rule import Rule, RuleContext

from ._memo import lazy_pattern, per_report
from ._prose import sentence_spans
from ._tables import part_columns, row_label, table4_groups

_SECTIONS = (None, 1, 3, 4)  # the preamble, 总体情况 and the two application sections
_FILLER = r"[^，,。；;：:\d%％增减较比同占约近超余多少]{0,20}?"
_NEAR = ("申请", "信息公开")  # in the words before the figure, enough to show what it counts
_YEAR = lazy_pattern(r"(20\d\d)\s*年")
_COUNT = lazy_pattern(r"\d\s*[件条个份起]")  # every compared figure ends so (see _figures)


@dataclass(init=False, repr=False, eq=False)
class Figure(FrozenRecord):
    """A figure of ``application_figures.toml`` (frozen, as @dataclass(frozen=True) would make it,
    with a written-out __init__ that is not compiled anew at every import)."""

    words: tuple[str, ...]
    context: tuple[str, ...]
    accept: tuple[str, ...]

    def __init__(self, words: tuple[str, ...], context: tuple[str, ...], accept: tuple[str, ...]) -> None:
        fields = self.__dict__
        fields["words"] = words
        fields["context"] = context
        fields["accept"] = accept


@functools.lru_cache(maxsize=1)
def _figures() -> tuple[tuple[Figure, re.Pattern], ...]:
    found = []
    for item in load_toml(__package__, "application_figures.toml")["figure"]:
        figure = Figure(tuple(item["words"]), tuple(item["context"]), tuple(item["accept"]))
        words = "|".join(sorted(map(re.escape, figure.words), key=len, reverse=True))
        pattern = lazy_pattern(rf"(?<!未)(?:{words}){_FILLER}(\d+)\s*(件|条|个|份|起)")
        found.append((figure, pattern))
    return tuple(found)


@functools.lru_cache(maxsize=1)
def _about_words() -> tuple[str, ...]:
    """A sentence without one of these cannot hold a compared figure: it must be about
    applications (a figure's ``context``) or name them right before the figure (``_NEAR``)."""
    words = {word for figure, _ in _figures() for word in figure.context}
    return tuple(sorted(words | set(_NEAR)))


@functools.lru_cache(maxsize=1)
def _figure_words() -> tuple[tuple[str, int], ...]:
    """Each word of each figure, with the figure's index: a figure's pattern cannot match in a
    sentence that holds none of its words."""
    return tuple((word, index) for index, (figure, _) in enumerate(_figures()) for word in figure.words)


@per_report
def _application_paragraphs(report: Report) -> tuple[Paragraph, ...]:
    """The paragraphs both rules read: in the sections about applications, and about them.

    A figure needs one of ``_about_words`` in its sentence, and GX211's statements name 申请 or
    信息公开, which are among them.
    """
    about = _about_words()
    return tuple(
        paragraph
        for paragraph in report.paragraphs()
        if paragraph.section in _SECTIONS and any(word in paragraph.text for word in about)
    )


def table_value(report: Report, ref: str) -> tuple[Optional[Decimal], str]:
    """The value a reference such as ``t3:一、+二、`` stands for, and how to name it."""
    known = _table_values(report)
    if ref not in known:
        known[ref] = _table_value(report, ref)
    return known[ref]


@per_report
def _table_values(report: Report) -> dict[str, tuple[Optional[Decimal], str]]:
    """The values already read from this report's tables, by reference (used only by
    :func:`table_value`): both rules ask for the same few, once per figure in the prose."""
    return {}


def _table_value(report: Report, ref: str) -> tuple[Optional[Decimal], str]:
    kind, _, heads = ref.partition(":")
    values, names = [], []
    for head in heads.split("+"):
        value, name = _t3(report.tables.table3, head) if kind == "t3" else _t4(report.tables.table4, head)
        if value is None:
            return None, ""
        values.append(value)
        names.append(name)
    if len(names) > 1:
        return sum(values, Decimal(0)), "与".join(names) + "之和"
    return values[0], names[0]


def _t3(table: Optional[BoundTable], head: str) -> tuple[Optional[Decimal], str]:
    if table is None or not table.found:
        return None, ""
    _, total = part_columns(table)
    key = label_key(head)
    rows = [row for row in table.rows if _under(row.key, key)]
    if total is None or not rows or any(row.match is None for row in rows):
        return None, ""
    value = sum_values([row.cells[total] for row in rows])
    if len(rows) == 1:
        name = f"表三「{row_label(rows[0])}」行的总计"
    else:
        group = next(part for part in rows[0].key.split("/") if label_key(part).startswith(key))
        name = f"表三「{group}」各行的总计"
    return value, name


@functools.lru_cache(maxsize=4096)  # the same few row paths in every report
def _under(path: str, key: str) -> bool:
    """Whether a part of a row's key path (``三、…/（一）予以公开``) starts with ``key``."""
    return any(label_key(part).startswith(key) for part in path.split("/"))


def _t4(table: Optional[BoundTable], head: str) -> tuple[Optional[Decimal], str]:
    if table is None or not table.found or not table.rows:
        return None, ""
    row = table.rows[0]
    cells = [row.cells[total] for group, _, total in table4_groups(table) if group.startswith(head)]
    if not cells:
        return None, ""
    return sum_values(cells), f"表四「{head}」的总计" if len(cells) == 1 else f"表四「{head}」各组总计之和"


def _about_report_year(report: Report, text: str) -> bool:
    years = [int(y) for y in _YEAR.findall(text)]
    return not years or report.year is None or years[-1] == report.year


class ProseFigureMismatch(Rule):
    """正文中的依申请公开、行政复议、行政诉讼数字与表三、表四不符。

    总体情况里“共受理依申请公开 N 件、办结 N 件、结转下年 N 件、行政复议 N 件”等数字应与表三、
    表四一致（“受理/收到”既可指本年新收，也可指新收加上年结转，两者之一相符即可）。

    Bad::

        一、总体情况
        2023年共受理依申请公开15件。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 14 | 0 | 0 | 0 | 0 | 0 | 14 |
        二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

    Good::

        一、总体情况
        2023年共受理依申请公开14件。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 14 | 0 | 0 | 0 | 0 | 0 | 14 |
        二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    """

    code = "GX210"
    name = "prose-table-mismatch"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        figures, about_words, figure_words = _figures(), _about_words(), _figure_words()
        for paragraph in _application_paragraphs(report):
            if not _COUNT.search(paragraph.text):
                continue
            for offset, text in sentence_spans(paragraph.text):
                if not any(word in text for word in about_words):
                    continue
                named = {index for word, index in figure_words if word in text}
                for index, (figure, pattern) in enumerate(figures):
                    if index not in named:
                        continue
                    about = any(word in text for word in figure.context)
                    for match in pattern.finditer(text):
                        if not (about or any(word in match.group(0) for word in _NEAR)):
                            continue
                        if not _about_report_year(report, text[: match.start(1)]):
                            continue
                        found = self._compare(report, figure, Decimal(match.group(1)))
                        if found is None:
                            continue
                        start = offset + match.start()
                        yield self.at(
                            paragraph.span_of(offset + match.start(1), offset + match.end(2)),
                            f"正文“{paragraph.text[start : offset + match.end()]}”与{found} 不符",
                        )

    @staticmethod
    def _compare(report: Report, figure: Figure, value: Decimal) -> Optional[str]:
        named = None
        for ref in figure.accept:
            expected, name = table_value(report, ref)
            if expected is None:
                return None  # a table value that cannot be read: nothing to compare with
            if expected == value:
                return None
            if named is None:
                named = f"{name} {format_number(expected)}"
        return named


# "未收到政府信息公开申请。" — not "未收到申请人的…" nor "未收到因申请引发的行政复议".
_NONE_RECEIVED = lazy_pattern(
    r"(?:未|没有|无)(?:收到|受理|接到|接收|发生)[^，,。；;\d]{0,15}?申请(?:的情况|情况|事项)?(?=$|[，,。；;])"
)
_NO_CASES = lazy_pattern(
    r"(?<!尚)(?:未|没有|无)(?!经)[^，,。；;\d]{0,24}?(行政复议|行政诉讼)"
    r"((?:案件|案|情况|的情况|事件)?(?:[和及、或与](?:行政诉讼|行政复议)(?:案件|案|情况|的情况)?)?)(?=$|[，,。；;])"
)


class ProseContradictsTable(Rule):
    """正文说没有收到申请或没有行政复议、行政诉讼，表格却有数字。

    “未收到政府信息公开申请”而表三“本年新收”不为 0，或“未发生行政复议和行政诉讼”而表四
    总计不为 0，两者必有一处是错的。

    Bad::

        一、总体情况
        2023年，未收到政府信息公开申请。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |

    Good::

        一、总体情况
        2023年，未收到政府信息公开申请。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    """

    code = "GX211"
    name = "prose-contradicts-table"
    severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        for paragraph in _application_paragraphs(report):
            written = paragraph.text
            if "申请" not in written and "信息公开" not in written:
                continue  # both statements are about applications
            if "未" not in written and "无" not in written and "没有" not in written:
                continue  # and both deny something
            for offset, text in sentence_spans(written):
                if "申请" in text and ("未" in text or "无" in text or "没有" in text):  # _NONE_RECEIVED
                    for match in _NONE_RECEIVED.finditer(text):
                        if _about_report_year(report, text[: match.end()]):
                            yield from self._nonzero(report, paragraph, offset, match, ["t3:一、"])
                if "申请" not in text and "信息公开" not in text:
                    continue
                if "行政复议" not in text and "行政诉讼" not in text:
                    continue  # _NO_CASES names one of them, after 未, 无 or 没有
                if "未" not in text and "无" not in text and "没有" not in text:
                    continue
                for match in _NO_CASES.finditer(text):
                    refs = ["t4:行政复议" if "复议" in match.group(1) else "t4:行政诉讼"]
                    if match.group(2) and ("诉讼" if "复议" in match.group(1) else "复议") in match.group(2):
                        refs.append("t4:行政诉讼" if "复议" in match.group(1) else "t4:行政复议")
                    yield from self._nonzero(report, paragraph, offset, match, refs)

    def _nonzero(self, report, paragraph, offset, match, refs) -> Iterable[Diagnostic]:
        for ref in refs:
            value, name = table_value(report, ref)
            if value:
                yield self.at(
                    paragraph.span_of(offset + match.start(), offset + match.end()),
                    f"正文称“{match.group(0)}”，但{name}为 {format_number(value)}",
                )
                return


RULES = (ProseFigureMismatch, ProseContradictsTable)
