"""Punctuation: unbalanced brackets and quotes, half-width marks in Chinese text, lists cut by
full stops, doubled marks. GB/T 15834《标点符号用法》 is the reference for all four."""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterable, Iterator, Optional

from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Report
from gxlint.rule import Rule, RuleContext

from ._text import (
    CJK,
    TextUnit,
    fixable,
    is_cjk,
    joined_units,
    quote,
    replace_fix,
    text_units,
    units_matching,
)

# Opening mark → closing mark; ASCII parentheses pair with full-width ones (scrapers mix them).
_CLOSE_OF = {"（": "）", "(": "）", "“": "”", "‘": "’", "《": "》", "〈": "〉", "【": "】", "〔": "〕"}
_OPEN_OF = {"）": "（", ")": "（", "”": "“", "’": "‘", "》": "《", "〉": "〈", "】": "【", "〕": "〔"}
_MARKS = re.compile("[（()）“”‘’《》〈〉【】〔〕]")


class UnbalancedBrackets(Rule):
    """A bracket, quotation mark or book-title mark is opened and never closed, or the reverse.

    ``开展“全区政府系统“机关开放月”活动`` leaves the reader unsure where the quotation starts;
    ``（国办函〔2020109号）`` has lost the ``〕`` of the document number. Each paragraph is
    checked on its own (quotations do not run across paragraphs in these reports). ASCII and
    full-width parentheses count as the same mark. Apostrophes ``’`` are not counted, because
    the closing single quote doubles as an apostrophe in names. A line that stops mid-sentence
    (PDF text, hard-wrapped files) continues into the next line: a bracket may close there.

    Bad::

        一、总体情况
        重点开展“全区重点民生实事全流程公开等创新工作。

    Good::

        一、总体情况
        重点开展“全区重点民生实事全流程公开”等创新工作。
    """

    code = "GX520"
    name = "unbalanced-brackets"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        pending: list[tuple[TextUnit, int, str]] = []  # opened, not yet closed: (unit, offset, mark)
        previous: Optional[TextUnit] = None
        chrome = {line.origin_line for block in report.chrome for line in block.lines}
        units = sorted((*_position(unit), index, unit) for index, unit in enumerate(text_units(report)))
        for line, _, _, unit in units:
            if pending and not _continues(previous, unit, line, chrome):
                yield from self._unclosed(pending)
                pending = []
            previous = unit
            for match in _MARKS.finditer(unit.text):
                mark = match.group()
                if mark in _CLOSE_OF:
                    if mark != "‘":  # ‘ without ’ cannot be told from an apostrophe-closed quote
                        pending.append((unit, match.start(), mark))
                elif mark != "’":
                    closing = _CLOSE_OF[_OPEN_OF[mark]]
                    if pending and _CLOSE_OF[pending[-1][2]] == closing:
                        del pending[-1]  # the usual case: it closes the last one opened
                        continue
                    index = next((i for i in range(len(pending) - 1, -1, -1) if _CLOSE_OF[pending[i][2]] == closing), None)
                    if index is not None:
                        del pending[index]
                    else:
                        yield self._stray(unit, match.start(), f"「{mark}」前面没有对应的「{_OPEN_OF[mark]}」")
        yield from self._unclosed(pending)

    def _unclosed(self, pending: list[tuple[TextUnit, int, str]]) -> Iterator[Diagnostic]:
        for unit, offset, mark in pending:
            if mark == "〔" and _DOCUMENT_YEAR.match(unit.text, offset + 1):
                continue  # a document number's lost 〕 is GX606's finding, with the corrected number
            yield self._stray(unit, offset, f"「{mark}」没有对应的「{_CLOSE_OF[mark]}」")

    def _stray(self, unit: TextUnit, offset: int, why: str) -> Diagnostic:
        context = quote(unit.text[max(0, offset - 6) : offset + 12], 20)
        return self.at(unit.span_of(offset, offset + 1), f"标点不成对：{why}（…{context}…）", snippet=context)


def _position(unit: TextUnit) -> tuple[int, int]:
    span = unit.span_of(0, 1)
    return span.line, span.column


def _continues(previous: Optional[TextUnit], unit: TextUnit, line: int, chrome: set[int]) -> bool:
    """A paragraph continues the one before it when that one was a line cut mid-sentence.

    PDF text and hard-wrapped files break lines inside sentences (and page marks fall between
    them), so a bracket may close on the next line; a paragraph that ends with a sentence-final
    mark, or a blank line, closes everything still open.
    """
    if previous is None or unit.kind != "paragraph" or previous.kind != "paragraph":
        return False
    text = previous.text.rstrip()
    if not text or text[-1] in _FINAL:
        return False
    end = len(previous.text)
    between = range(previous.span_of(max(0, end - 1), end).last_line + 1, line)
    return all(number in chrome for number in between)


_FINAL = "。！？；!?;…"
_DOCUMENT_YEAR = re.compile(r"\s*(19|20)\d\d")


_ASCII_MARK = re.compile("[,:;?!()]")
_BLANK = " \t\u3000"


def _ascii_in_cjk(text: str) -> list[int]:
    """Offsets of ASCII marks that stand in Chinese text: a Chinese character beside them
    (spaces skipped), or for ``(`` Chinese inside the brackets.

    Most marks follow a Chinese character directly, which settles them without looking further.
    """
    found = []
    for match in _ASCII_MARK.finditer(text):
        offset = match.start()
        previous = text[offset - 1] if offset else ""
        if "\u4e00" <= previous <= "\u9fff" or "\u3400" <= previous <= "\u4dbf" or "\uf900" <= previous <= "\ufaff":
            found.append(offset)  # ``is_cjk`` written out: this is the common case of a hot loop
            continue
        mark = match.group()
        if mark == "(":
            close = text.find(")", offset)
            inside = text[offset + 1 : close] if close > 0 else ""
            if "(" not in inside and any(map(is_cjk, inside)):
                found.append(offset)
            continue
        after = offset + 1
        while after < len(text) and text[after] in _BLANK:
            after += 1
        if after < len(text) and is_cjk(text[after]):
            found.append(offset)
        elif mark != ")":
            before = offset - 1
            while before >= 0 and text[before] in _BLANK:
                before -= 1
            if before >= 0 and is_cjk(text[before]):
                found.append(offset)
    return found


_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULL_MARKS = re.compile("[，：；？！（）]")


class HalfWidthPunctuation(Rule):
    """Half-width (ASCII) punctuation ``, : ; ( ) ? !`` inside Chinese text.

    Chinese text takes full-width marks (``，：；（）？！``, GB/T 15834). A mark is counted when
    Chinese characters stand next to it (``1,234`` and ``10:09`` are not). Many published
    reports were normalised to half-width by the system that copied them, so every mark in the
    file is half-width: reporting each one would bury everything else. The rule therefore looks
    at the whole file first:

    - when half-width marks are the exception (at most ``max_share`` of the marks in Chinese
      text, 20 % by default), each one is reported where it is, with a fix to the full-width mark;
    - when they are the rule, the file gets one finding that counts them, at the first one.

    ``mode = "each"`` or ``mode = "summary"`` under ``[tool.gxlint.rules.GX521]`` forces one
    behaviour. The severity is ``info``: the text reads the same either way.

    Bad::

        一、总体情况
        本机关全面推进政务公开，加强平台建设，完善制度机制,提升公开质量。

    Good::

        一、总体情况
        本机关全面推进政务公开，加强平台建设，完善制度机制，提升公开质量。
    """

    code = "GX521"
    name = "half-width-punctuation"
    severity = Severity.INFO
    options = {"mode": "auto", "max_share": 0.2}

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        found: list[tuple[TextUnit, list[int]]] = []  # each unit with the offsets of its marks
        count = 0
        units = text_units(report)
        for unit in units:
            offsets = _ascii_in_cjk(unit.text)
            if offsets:
                found.append((unit, offsets))
                count += len(offsets)
        if not count:
            return
        full = len(_FULL_MARKS.findall("\n".join(unit.text for unit in units)))
        mode = str(ctx.options.get("mode", "auto"))
        share = count / (count + full)
        if mode == "summary" or (mode == "auto" and share > float(ctx.options.get("max_share", 0.2))):
            counts = Counter(unit.text[start] for unit, offsets in found for start in offsets)
            listed = "、".join(f"「{mark}」{n} 处" for mark, n in counts.most_common())
            unit, offsets = found[0]
            yield self.at(
                unit.span_of(offsets[0], offsets[0] + 1),
                f"全文有 {count} 处中文语句使用了半角标点（{listed}），中文正文应使用全角标点"
                f"（，：；（）？！）；首处在此",
            )
            return
        can_fix = fixable(report)
        for unit, offsets in found:
            for start in offsets:
                mark = unit.text[start]
                right = _FULL_WIDTH[mark]
                span = unit.single_line(start, start + 1) if can_fix else None
                fix = replace_fix(f"改为全角「{right}」", span, right, safe=False) if span else None
                context = quote(unit.text[max(0, start - 6) : start + 7], 16)
                yield self.at(
                    unit.span_of(start, start + 1),
                    f"中文语句中使用了半角「{mark}」，应为全角「{right}」（…{context}…）",
                    fix=fix,
                    snippet=context,
                )


# Two or more short items cut by full stops: 运用图解。动漫。短视频形式，
_ITEM = rf"[{CJK}]{{1,3}}"  # 加强领导。全面推进， is two sentences; list items are short
# Every match holds 。, one to three characters, 。: a cheap pre-test, so that the pattern (four
# CJK classes, ≈ 8 ms to compile) is compiled only for the rare text that might match.
_STOP_HINT = re.compile("。[^。]{1,3}。")


@functools.cache
def _stop_list() -> re.Pattern:
    return re.compile(rf"(?<=[{CJK}])。({_ITEM})。(?:({_ITEM})。)*([{CJK}]{{1,6}})(?=[，、,；;]|等)")


@functools.cache
def _sentence_starts() -> re.Pattern:
    """Words that open a sentence, not a list item; needed only where ``_stop_list`` matches."""
    return re.compile(r"^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|同时|此外|另外|总之|无|略)")


class FullStopInList(Rule):
    """Items of one list separated by full stops (``运用图解。动漫。短视频形式``).

    A full stop ends a sentence; items of an enumeration take the enumeration comma ``、``. A
    word or two standing alone between full stops and then running on into the same clause is a
    list cut up by mistake.

    Bad::

        一、总体情况
        运用图解。动漫。短视频形式，做好多样化解读。

    Good::

        一、总体情况
        运用图解、动漫、短视频形式，做好多样化解读。
    """

    code = "GX522"
    name = "full-stop-in-list"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        can_fix = fixable(report)
        for unit in text_units(report):
            if _STOP_HINT.search(unit.text) is None:
                continue
            for match in _stop_list().finditer(unit.text):
                items = [group for group in match.groups() if group]
                if any(_sentence_starts().match(item) for item in items):
                    continue
                start = match.start()
                run = unit.text[max(0, start - 4) : match.end()]
                fixed = run.replace("。", "、")
                span = unit.single_line(start, match.end()) if can_fix else None
                fix = replace_fix("句号改为顿号", span, match.group().replace("。", "、"), safe=False) if span else None
                yield self.at(
                    unit.span_of(start, match.end()),
                    f"并列的词语用句号隔开：「…{quote(run, 30)}」，应改用顿号：「…{quote(fixed, 30)}」",
                    fix=fix,
                    snippet=run,
                )


_DOUBLED = re.compile("([，、；：。,;])\\1+|[，、；：。][，、；：。]+")
# Every match opens with two of these marks. A pattern that opens with a group of alternatives
# is tried at every character; one that opens with a class skips to the marks at C speed.
_DOUBLED_HINT = re.compile("[，、；：。,;][，、；：。,;]")


class DoubledPunctuation(Rule):
    """Two punctuation marks where one belongs: ``。。``, ``，，``, ``，。``, ``、，``.

    Usually left by editing: a clause was deleted and both its marks stayed. Repeated identical
    marks are fixed by keeping one (a safe fix); for two different marks the message names both
    and the writer chooses.

    Bad::

        一、总体情况
        本机关全面推进政务公开。。

    Good::

        一、总体情况
        本机关全面推进政务公开。
    """

    code = "GX523"
    name = "doubled-punctuation"
    severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        can_fix = fixable(report)
        units = text_units(report)
        for unit, doubled in zip(units, units_matching(_DOUBLED_HINT, joined_units(report), len(units))):
            if not doubled:
                continue
            for match in _DOUBLED.finditer(unit.text):
                run = match.group()
                start, end = match.span()
                if run.isascii() and not _beside_cjk(unit.text, start, end):
                    continue
                context = quote(unit.text[max(0, start - 8) : end + 4], 18)
                if len(set(run)) == 1:
                    span = unit.single_line(start + 1, end) if can_fix else None
                    fix = replace_fix(f"删除多余的「{run[0]}」", span, "", safe=True) if span else None
                    message = f"标点重复：「{run}」应为「{run[0]}」（…{context}…）"
                else:
                    fix = None
                    message = f"标点连用：「{run}」只应保留一个（…{context}…）"
                yield self.at(unit.span_of(start, end), message, fix=fix, snippet=context)


def _beside_cjk(text: str, start: int, end: int) -> bool:
    return (start > 0 and is_cjk(text[start - 1])) or (end < len(text) and is_cjk(text[end]))


RULES = (UnbalancedBrackets, HalfWidthPunctuation, FullStopInList, DoubledPunctuation)
