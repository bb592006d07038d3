"""GX107–GX109: what the format requires a section to say (content, the five aspects, the fee)."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterator

from gxlint import Rule, Severity, regexes
from gxlint.model import Report
from gxlint.normalize import has_traditional_hint, label_key, nfkc

from ._common import (
    NUMERALS,
    body_paragraphs,
    expected_template,
    heading_span,
    is_2021_format,
    is_nil,
    lexicon,
    mentions,
    section_extent,
    section_name,
    table_found,
)

# Sections that must say something; 六 may be "无" (nothing else to report).
_PROSE_SECTIONS = (1, 5)
_TABLE_SECTIONS = (2, 3, 4)


# The characters that become 费 in label_key: itself and its traditional form. NFKC maps no other
# character to either, and the traditional → simplified table turns only words holding 費 into 费.
_FEE = "费"
_FEE_SOURCES = ("费", "費")


@functools.cache
def _fee_patterns() -> tuple[list[re.Pattern], bool]:
    """The fee-statement patterns, and whether every one of them needs a 费 to match."""
    patterns = [regexes.compile(p) for p in lexicon()["fee_statement"]["patterns"]]
    return patterns, all(_requires(pattern, _FEE) for pattern in patterns)


def _plainly_mentions(text: str, phrase_lists: list[list[str]]) -> bool:
    """Whether every list has a phrase in ``text`` that :func:`label_key` of the whole text keeps.

    Folding a section's text costs far more than finding the phrases, and most overviews name every
    aspect. A run of CJK ideographs in the NFKC form survives the rest of ``label_key`` (its folds
    and whitespace removal touch other characters) unless traditional characters switch on the
    conversion to simplified, which may rewrite words. False means: fold the text and look again.
    """
    key = text if unicodedata.is_normalized("NFKC", text) else nfkc(text)
    if has_traditional_hint(key):
        return False
    return all(any(_ideographs(phrase) and phrase in key for phrase in phrases) for phrases in phrase_lists)


def _ideographs(text: str) -> bool:
    return bool(text) and all("\u4e00" <= char <= "\u9fff" for char in text)


def _requires(pattern: re.Pattern, char: str) -> bool:
    """Whether every match of ``pattern`` holds ``char``: it is a literal of the top-level sequence
    (not inside a group, an alternative or a repeat) and case does not matter."""
    try:
        try:
            from re import _parser as parser  # Python 3.11+
        except ImportError:
            import sre_parse as parser
        parsed = parser.parse(pattern.pattern, pattern.flags)
        if parsed.state.flags & re.IGNORECASE:
            return False
        return any(op == parser.LITERAL and value == ord(char) for op, value in parsed)
    except Exception:  # an unexpected parse tree only costs the shortcut
        return False


class SectionEmpty(Rule):
    """A section that must have content is empty or says only 「无」.

    一、总体情况 and 五、存在的主要问题及改进情况 are prose the format requires every year (五 reports
    the problems and how they were improved, 条例第五十条第四项); 二 to 四 are reported through their
    tables, which are filled in with 0 when nothing happened. 六 may rightly say 「无」.

    Bad::

        一、总体情况
        本年度主动公开政府信息 120 条。
        五、存在的主要问题及改进情况
        无。
        六、其他需要报告的事项
        本年度未收取信息处理费。

    Good::

        一、总体情况
        本年度主动公开政府信息 120 条。
        五、存在的主要问题及改进情况
        公开深度不够，下一步将加强培训。
        六、其他需要报告的事项
        无。
    """

    code = "GX107"
    name = "section-empty"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        for section in report.statutory_sections():
            number = section.number
            if number not in _PROSE_SECTIONS + _TABLE_SECTIONS:
                continue
            extent = section_extent(report, section)
            paragraphs = [p for part in extent for p in body_paragraphs(part)]
            text = "".join(p.text for p in paragraphs)
            if number in _TABLE_SECTIONS and table_found(report, number):
                continue
            name = section_name(template, number)
            need = "格式要求填写本部分的统计表（没有发生的填 0）" if number in _TABLE_SECTIONS else "格式要求写明本部分的内容"
            if not paragraphs:
                subheadings = any(part.children for part in extent) or len(extent) > 1
                what = "只有小标题，没有正文" if subheadings else "标题下没有任何内容"
                yield self.at(heading_span(section), f"{name}{what}；{need}")
            elif is_nil(text):
                yield self.at(paragraphs[0].span, f"{name}只写了「{text.strip()}」；{need}")


class OverviewTopicMissing(Rule):
    """一、总体情况 does not cover one of the five aspects the format names.

    The 2021 format asks the overview to cover 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设
    and 监督保障. An overview that skips one is incomplete ("不能遗漏"). The check looks for the
    aspect's usual wording, so it is a hint to read the section again, not a verdict.

    Bad::

        浔阳区人民政府2023年政府信息公开工作年度报告
        一、总体情况
        全年主动公开政府信息 120 条，依申请公开办理 3 件。

    Good::

        浔阳区人民政府2023年政府信息公开工作年度报告
        一、总体情况
        全年主动公开政府信息 120 条；依申请公开办理 3 件；加强政府信息管理，做好保密审查；
        推进政府信息公开平台建设；强化监督保障，开展考核培训。
    """

    code = "GX108"
    name = "overview-topic-missing"
    severity = Severity.INFO

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        section = report.section(1)
        if section is None or not is_2021_format(template) or not template.section1_topics:
            return
        extent = section_extent(report, section)
        if not any(body_paragraphs(part) for part in extent):
            return  # an empty overview is GX107's finding
        text = "\n".join(part.heading + "\n" + part.text() for part in extent)
        phrases = lexicon()["overview_topics"]
        folded = [[label_key(phrase) for phrase in phrases.get(topic, [topic])] for topic in template.section1_topics]
        if _plainly_mentions(text, folded):
            return
        key = label_key(text)
        missing = [topic for topic in template.section1_topics if not mentions(key, phrases.get(topic, [topic]))]
        if missing:
            wanted = "、".join(template.section1_topics)
            found = "、".join(f"「{topic}」" for topic in missing)
            yield self.at(
                heading_span(section),
                f"{section_name(template, 1)}未见{found}方面的内容；"
                f"格式要求总体情况涵盖{wanted}{NUMERALS[len(template.section1_topics) - 1]}个方面",
            )


class FeeStatementMissing(Rule):
    """六、其他需要报告的事项 does not state the 信息处理费 collected.

    From the 2021 format on, section 六 reports the 信息处理费 charged under 《政府信息公开信息处理费
    管理办法》 (国办函〔2020〕109号) — also when none was charged ("本年度未收取信息处理费"). Reports
    for 2019 and 2020 are not held to it.

    Bad::

        浔阳区人民政府2023年政府信息公开工作年度报告
        六、其他需要报告的事项
        无。

    Good::

        浔阳区人民政府2023年政府信息公开工作年度报告
        六、其他需要报告的事项
        本年度未收取信息处理费，无其他需要报告的事项。
    """

    code = "GX109"
    name = "fee-statement-missing"
    severity = Severity.WARNING

    def check(self, report: Report, ctx) -> Iterator:
        template = expected_template(report)
        section = report.section(6)
        if section is None or not is_2021_format(template):
            return
        patterns, fee_needed = _fee_patterns()

        def states_fee(text: str) -> bool:
            if fee_needed and not any(char in text for char in _FEE_SOURCES):
                return False  # label_key of most paragraphs need not be worked out
            key = label_key(text)
            return any(p.search(key) for p in patterns)

        for part in section_extent(report, section):
            for node in part.walk():
                if any(states_fee(p.text) for p in node.paragraphs if p.kind != "signature"):
                    return
                if node is not part and states_fee(node.heading) and body_paragraphs(node):
                    return  # "（一）收取信息处理费的情况" followed by "无"
        message = (
            f"{section_name(template, 6)}没有说明信息处理费的收取情况；2021 年格式起应写明"
            "依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，未收取也应写明（如「本年度未收取信息处理费」）"
        )
        elsewhere = next((p for p in report.paragraphs() if p.section != 6 and states_fee(p.text)), None)
        if elsewhere is not None:
            message += f"；第 {elsewhere.span.line} 行提到了收费，但该说明应放在第六部分"
            yield self.at(heading_span(section), message, severity=Severity.INFO)
            return
        yield self.at(heading_span(section), message)


RULES = (SectionEmpty, OverviewTopicMissing, FeeStatementMissing)
