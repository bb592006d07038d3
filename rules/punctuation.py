"""Punctuation: unbalanced brackets and quotes, half-width marks in Chinese text, lists cut by
full stops, doubled marks. GB/T 15834《标点符号用法》 is the reference for all four."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from typing import Iterable, Iterator, Optional

from gxlint import regexes
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Report
from gxlint.rule import Rule, RuleContext

from ._memo import lazy_pattern
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
_MARKS = regexes.compile("[（()）“”‘’《》〈〉【】〔〕]")


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
        joined = joined_units(report)
        if joined is not None and _each_balanced(joined):
            return  # nothing is left open in any unit, so nothing is reported
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


# The marks as ``UnbalancedBrackets`` pairs them: ASCII parentheses are full-width ones, and single
# quotes are not counted. Pairs of marks with nothing between them, removed until none is left.
_MARKS_AND_NUL = regexes.compile("[（()）“”‘’《》〈〉【】〔〕\0]")
_AS_PAIRED = str.maketrans({"(": "（", ")": "）", "‘": None, "’": None})
_EMPTY_PAIR = regexes.compile("（）|“”|《》|〈〉|【】|〔〕")


def _each_balanced(joined: str) -> bool:
    """Whether the marks of each of the units joined by NUL (``join_texts``) nest properly, as in
    nearly every report: then every closing mark closes the one opened last in its unit, and
    ``UnbalancedBrackets`` has nothing to report, wherever lines continue.

    The marks (and the NULs between the units) are picked out at C speed, and pairs with nothing
    between them removed until none is left: only NULs remain when every unit nests properly.
    """
    marks = "".join(_MARKS_AND_NUL.findall(joined)).translate(_AS_PAIRED)
    while True:
        fewer = _EMPTY_PAIR.sub("", marks)
        if fewer == marks:
            return not marks.strip("\0")
        marks = fewer


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
_DOCUMENT_YEAR = regexes.compile(r"\s*(19|20)\d\d")


_ASCII_MARK = regexes.compile("[,:;?!()]")
# In joined units: the marks right after a Chinese character (nearly all), and the others. Each
# opens with the class of marks, which the search skips to at C speed, and then looks behind.
_MARK_AFTER_CJK = lazy_pattern(f"[,:;?!()](?<=[{CJK}].)")
_MARK_NOT_AFTER_CJK = lazy_pattern(f"[,:;?!()](?<![{CJK}].)")
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
        elif _stands_in_cjk(text, offset, len(text)):
            found.append(offset)
    return found


def _others_in_joined_cjk(joined: str) -> list[int]:
    """The offsets ``_ascii_in_cjk`` finds in texts joined by NUL (``join_texts``) for the marks
    that do not follow a Chinese character (``_MARK_AFTER_CJK`` finds those at C speed).

    Each is looked at within its own text: a NUL is neither a blank nor Chinese, so no look runs
    into the next text, and a ``(`` looks for its ``)`` up to the NUL.
    """
    others = []
    for match in _MARK_NOT_AFTER_CJK.finditer(joined):
        offset = match.start()
        end = joined.find("\0", offset)
        if _stands_in_cjk(joined, offset, len(joined) if end < 0 else end):
            others.append(offset)
    return others


def _stands_in_cjk(text: str, offset: int, end: int) -> bool:
    """Whether the mark at ``offset``, with no Chinese character right before it, stands in Chinese
    text: a ``(`` with Chinese inside its brackets (closed before ``end``), another mark with a
    Chinese character after it or, but for ``)``, before it, spaces skipped."""
    mark = text[offset]
    if mark == "(":
        close = text.find(")", offset, end)
        inside = text[offset + 1 : close] if close > 0 else ""
        return "(" not in inside and any(map(is_cjk, inside))
    after = offset + 1
    while after < len(text) and text[after] in _BLANK:
        after += 1
    if after < len(text) and is_cjk(text[after]):
        return True
    if mark == ")":
        return False
    before = offset - 1
    while before >= 0 and text[before] in _BLANK:
        before -= 1
    return before >= 0 and is_cjk(text[before])


_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULL_MARKS = regexes.compile("[，：；？！（）]")


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
        units = text_units(report)
        marks = _Marks(units, joined_units(report))
        count = marks.count
        if not count:
            return
        full = marks.full_width()
        mode = str(ctx.options.get("mode", "auto"))
        share = count / (count + full)
        if mode == "summary" or (mode == "auto" and share > float(ctx.options.get("max_share", 0.2))):
            counts = marks.counts()
            listed = "、".join(f"「{mark}」{n} 处" for mark, n in counts.most_common())
            unit, first = marks.first()
            yield self.at(
                unit.span_of(first, first + 1),
                f"全文有 {count} 处中文语句使用了半角标点（{listed}），中文正文应使用全角标点"
                f"（，：；（）？！）；首处在此",
            )
            return
        can_fix = fixable(report)
        for unit, offsets in marks.found():
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


class _Marks:
    """The half-width marks in Chinese text of a report's units (``_ascii_in_cjk``).

    When the units can be joined, the marks right after a Chinese character (nearly all) are
    counted by one ``findall`` of the joined units, and their places are worked out only for the
    findings that need them: a summary needs the first place and the count of each mark.
    """

    def __init__(self, units: tuple[TextUnit, ...], joined: Optional[str]) -> None:
        self.units, self.joined = units, joined
        self._found: Optional[list[tuple[TextUnit, list[int]]]] = None
        if joined is None:
            self._found = [(unit, offsets) for unit in units if (offsets := _ascii_in_cjk(unit.text))]
            self.count = sum(len(offsets) for _, offsets in self._found)
        else:
            self._after_cjk = _MARK_AFTER_CJK.findall(joined)  # the marks themselves, in order
            self._others = _others_in_joined_cjk(joined)  # places
            self.count = len(self._after_cjk) + len(self._others)

    def full_width(self) -> int:
        """How many full-width marks the units hold."""
        text = self.joined if self.joined is not None else "\n".join(unit.text for unit in self.units)
        return len(_FULL_MARKS.findall(text))

    def counts(self) -> Counter:
        """Each mark with its number, as counted in the order of the text.

        The order only matters to ``most_common`` between marks of the same count; without such
        a tie the marks are counted as found, without their places.
        """
        if self.joined is None:
            return Counter(unit.text[start] for unit, offsets in self._found or () for start in offsets)
        counts = Counter(self._after_cjk)
        counts.update(map(self.joined.__getitem__, self._others))
        if len(set(counts.values())) == len(counts):
            return counts
        return Counter(map(self.joined.__getitem__, self._places()))

    def first(self) -> tuple[TextUnit, int]:
        """The unit of the first mark and its offset there."""
        if self.joined is None:
            unit, offsets = (self._found or [])[0]
            return unit, offsets[0]
        first = _MARK_AFTER_CJK.search(self.joined) if self._after_cjk else None
        places = ([first.start()] if first is not None else []) + self._others[:1]
        starts = self._starts()
        index = bisect.bisect_right(starts, min(places)) - 1
        return self.units[index], min(places) - starts[index]

    def found(self) -> list[tuple[TextUnit, list[int]]]:
        """Each unit that holds marks, with their offsets, in order."""
        if self._found is None:
            starts = self._starts()
            found: list[tuple[TextUnit, list[int]]] = []
            index = -1
            for place in self._places():
                if index < 0 or place > starts[index] + len(self.units[index].text):
                    index = bisect.bisect_right(starts, place) - 1
                    found.append((self.units[index], []))
                found[-1][1].append(place - starts[index])
            self._found = found
        return self._found

    def _places(self) -> list[int]:
        """The place of every mark in the joined text, in order."""
        assert self.joined is not None
        places = [match.start() for match in _MARK_AFTER_CJK.finditer(self.joined)]
        return sorted(places + self._others) if self._others else places

    def _starts(self) -> list[int]:
        """Where each unit starts in the joined text."""
        return list(itertools.accumulate((len(unit.text) + 1 for unit in self.units[:-1]), initial=0))


# Two or more short items cut by full stops: 运用图解。动漫。短视频形式，
_ITEM = rf"[{CJK}]{{1,3}}"  # 加强领导。全面推进， is two sentences; list items are short
# Every match holds 。, one to three characters, 。: a cheap pre-test, so that the pattern (four
# CJK classes, ≈ 8 ms to compile) is compiled only for the rare text that might match.
_STOP_HINT = regexes.compile("。[^。]{1,3}。")


@functools.cache
def _stop_list() -> re.Pattern:
    return regexes.compile(rf"(?<=[{CJK}])。({_ITEM})。(?:({_ITEM})。)*([{CJK}]{{1,6}})(?=[，、,；;]|等)")


@functools.cache
def _sentence_starts() -> re.Pattern:
    """Words that open a sentence, not a list item; needed only where ``_stop_list`` matches."""
    return regexes.compile(r"^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|同时|此外|另外|总之|无|略)")


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


_DOUBLED = regexes.compile("([，、；：。,;])\\1+|[，、；：。][，、；：。]+")
# Every match opens with two of these marks. A pattern that opens with a group of alternatives
# is tried at every character; one that opens with a class skips to the marks at C speed.
_DOUBLED_HINT = regexes.compile("[，、；：。,;][，、；：。,;]")


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
