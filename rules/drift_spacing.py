"""GX405: spaces inside table labels, where a cell's line break survived as a space."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from gxlint import Rule, Severity
from gxlint.model import LabelMatch, Report

from ._common import TABLE_NAMES, found_tables, quote_lines
from ._table_drift import labels

# Whitespace between two Chinese characters or full-width marks: 「商业 企业」「三 、本年度」.
# Tested character by character rather than with patterns, whose classes of non-ASCII characters
# cost up to ≈ 5 ms to compile at every start-up; labels are short.
_SPACES = frozenset(" \t\u3000\u00a0")


def _wide(char: str) -> bool:
    return "\u3000" <= char <= "\u303f" or "\u4e00" <= char <= "\u9fff" or "\uff01" <= char <= "\uff60"


@lru_cache(maxsize=4096)  # reports write the same template labels again and again
def _has_stray_space(label: str) -> bool:
    """Whether a run of spaces stands between two wide characters (U+3000 is both a space and wide).

    Most labels hold no space at all: that is looked for as text first, which is far cheaper
    than walking the label character by character."""
    return _may_hold_space(label) and _walk_for_stray_space(label)


def _may_hold_space(text: str) -> bool:
    return " " in text or "\u3000" in text or "\t" in text or "\u00a0" in text


def _walk_for_stray_space(label: str) -> bool:
    size = len(label)
    for index, char in enumerate(label):
        if char not in _SPACES or index == 0 or not _wide(label[index - 1]):
            continue
        after = index + 1
        while after < size:
            if _wide(label[after]):
                return True
            if label[after] not in _SPACES:
                break
            after += 1
    return False


class TableLabelStraySpaces(Rule):
    """Table labels have spaces inside them (「商业 企业」, 「三 、本年度办理结果」).

    A line break inside a narrow cell often survives as a space when the table is copied or
    converted. The label still reads, so this is only a note, but searches and tools that match
    the exact label miss it. One finding per table lists every spaced label. Only plain-text and
    Markdown files are checked: the DOCX, HTML and PDF readers themselves write a line break
    inside a cell as a space, so there the space is not in the report.

    Bad::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
        自然人 | 法人或其他组织 | 总计
        商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1

    Good::

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
        自然人 | 法人或其他组织 | 总计
        商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他
        一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    """

    code = "GX405"
    name = "table-label-stray-spaces"
    severity = Severity.INFO

    def check(self, report: Report, ctx) -> Iterator:
        if report.source_kind not in ("text", "markdown"):
            return  # DOCX/HTML/PDF readers turn a line break inside a cell into a space
        spaced: dict[str, list[LabelMatch]] = {}
        for table in found_tables(report):
            found = [m for m, _, _ in labels(table)] + ([table.note] if table.note else [])
            for match in found:
                raw = match.raw
                if not _may_hold_space(raw):
                    continue  # most labels: no call, no stripped copy
                if _has_stray_space(raw.strip()):
                    spaced.setdefault(table.name, []).append(match)
        for name, matches in spaced.items():
            matches.sort(key=lambda m: (m.span.line, m.span.column) if m.span else (0, 0))
            listing = quote_lines([(m.raw.strip(), m.span) for m in matches])
            count = len({m.raw.strip() for m in matches})
            yield self.at(
                matches[0].span,
                f"{TABLE_NAMES[name]}有 {count} 个标签内夹有空格：{listing}；格式中这些标签没有空格",
            )


RULES = (TableLabelStraySpaces,)
