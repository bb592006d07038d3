"""Duplication: words, phrases, sentences and paragraphs written twice.

Copy-and-paste slips survive proof-reading because the eye reads the second copy as the first:
``资金资金``, ``局长（主任）主任``, ``市长热线、市长信箱等。市长热线、市长信箱等。``. Chinese
also repeats on purpose (常常, 研究研究, 一步一步), so single characters are looked at only where
the data file lists them, and the allow-list of legitimate repetition is data
(``reduplication.toml``), extended per project with ``allow``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Sequence, Union

from gxlint import regexes
from gxlint.diagnostics import Diagnostic, Fix, Severity
from gxlint.model import Paragraph, Report
from gxlint.records import FrozenRecord
from gxlint.rule import Rule, RuleContext

from ._memo import per_report
from ._text import (
    TextUnit,
    fixable,
    has_cjk,
    is_cjk,
    join_texts,
    joined_units,
    load_data,
    piece_starts,
    quote,
    replace_fix,
    text_units,
    units_matching_any,
)

# A unit of two to ten characters written twice, starting with a Chinese character or an opening
# bracket (longer repeats are whole clauses or sentences). The pattern asks only for a non-ASCII
# character or ``(`` first and ``_phrase_start`` settles the rest: a class of the CJK ranges would
# cost milliseconds to compile at every start-up, and the few other candidates (……, ——) are rare.
_PHRASE = regexes.compile(r"([^\x00-\x27\x29-\x7f].{1,9}?)\1", re.S)
# 局长（主任）主任: a word in brackets written again after them; the word's characters are checked
# to be Chinese by ``_bracketed`` (for the same reason).
_BRACKETED = regexes.compile(r"[（(]([^)）]{2,10})[)）]\1")
_BRACKETED_HINTS = (
    ("（", regexes.compile(r"（([^)）]{2,10})[)）]\1")),
    ("(", regexes.compile(r"\(([^)）]{2,10})[)）]\1")),
)  # ``_BRACKETED``, one per bracket, for the joined units (as ``_SENTENCE_TAIL_HINTS``)
_LONGEST_PHRASE = 10
# GX502 first looks for a sentence written twice anywhere in a report of up to this many
# characters. A longer text nearly always repeats some sentence from one paragraph to another
# (notes, boilerplate), and the search over all of it would only add to the paragraph-by-paragraph one.
_WHOLE_REPORT_CHARS = 50_000
_MOST_STARTS = 24  # places where a unit may repeat a phrase tried one by one (``_phrase_starts``)
_RUNS = tuple(b"\0" * length for length in range(_LONGEST_PHRASE + 1))  # index: a repeat's length
_CLAUSE = r"[^，,。！？；!?;]+[，,。！？；!?;]*"  # compiled by ``_pattern`` for the few paragraphs that need it
# A sentence (or clause) that ends like the one before it leaves, in the reversed text with
# ``_key`` applied, its final marks and its words twice in a row. These patterns find such a
# pair at C speed and rule out nearly every paragraph before its pieces are compared one by one;
# each opens with a plain class, so that the search skips to the marks.
_SENTENCE_TAIL_HINT = regexes.compile(r"([。！？；!?;][。！？；!?;]*+[^。！？；!?;]++)\1")
_CLAUSE_TAIL_HINT = regexes.compile(r"([，,。！？；!?;][，,。！？；!?;]*+[^，,。！？；!?;]++)\1")
# The same searches, one per mark, for the joined units (``units_matching_any``): after ``_key``
# only full-width marks are left, and a search that opens with a literal skips to it far faster
# than one that tests a class at every character.
_SENTENCE_TAIL_HINTS = tuple(
    (mark, regexes.compile(f"({mark}[。！？；!?;]*+[^。！？；!?;]++)\\1")) for mark in "。！？；"
)
_CLAUSE_TAIL_HINTS = tuple(
    (mark, regexes.compile(f"({mark}[，,。！？；!?;]*+[^，,。！？；!?;]++)\\1")) for mark in "，。！？；"
)
_CLAUSE_MARKS = frozenset("，,、。！？；!?;")
_NUMERALS = "一二三四五六七八九十百零〇两"
_MARKS = "，,。！？；!?; \u3000"
_NOT_TEXT = ((",", "，"), (";", "；"), (":", "："), ("?", "？"), ("!", "！"), ("(", "（"), (")", "）"), (" ", ""), ("\u3000", ""))
_NOT_TEXT_CHARS = regexes.compile("[,;:?!() \u3000]")


def _key(text: str) -> str:
    """``text`` with ASCII marks made full-width and spaces dropped: what two copies must share.

    Most texts hold none of those characters; the others are rewritten mark by mark, which costs
    a fraction of ``str.translate`` (a dictionary look-up per character). No replacement brings
    in a character that a later one replaces, so the order does not matter.
    """
    if _NOT_TEXT_CHARS.search(text) is None:
        return text
    for ascii_mark, full_width in _NOT_TEXT:
        if ascii_mark in text:
            text = text.replace(ascii_mark, full_width)
    return text


# The value classes are frozen, with ``repr``, ``==`` and ``hash`` from ``gxlint.records`` and a
# written-out ``__init__``: ``@dataclass`` would compile those methods anew at every import.
@dataclass(init=False, repr=False, eq=False)
class _Allowed(FrozenRecord):
    words: frozenset[str]
    patterns: tuple[str, ...]  # compiled by ``_pattern`` when a repeat is first tested against them
    phrases: Optional[str]  # one alternation, compiled by ``_pattern`` when a repeat is first found
    singles: tuple[tuple[re.Pattern, str], ...]

    def __init__(
        self,
        words: frozenset[str],
        patterns: tuple[str, ...],
        phrases: Optional[str],
        singles: tuple[tuple[re.Pattern, str], ...],
    ) -> None:
        fields = self.__dict__
        fields["words"] = words
        fields["patterns"] = patterns
        fields["phrases"] = phrases
        fields["singles"] = singles

    def allows(self, unit: str) -> bool:
        return unit in self.words or any(_pattern(p).match(unit) for p in self.patterns)


@functools.cache
def _pattern(regex: str) -> re.Pattern:
    return regexes.compile(regex)


@functools.lru_cache(maxsize=16)
def _allowed(extra: tuple[str, ...]) -> _Allowed:
    data = load_data("reduplication.toml")
    phrases = sorted({*data.get("phrases", ()), *(p for p in extra if len(p) > 2)}, key=len, reverse=True)
    singles = []
    for entry in data.get("single", ()):
        char = re.escape(entry["char"])
        before = f"(?<!(?:{entry['not_before']}){char})" if entry.get("not_before") else ""
        after = f"(?!{entry['not_after']})" if entry.get("not_after") else ""
        # the condition on the character before is tested after the first copy, so that the
        # pattern opens with a literal character and the search skips to it at C speed
        singles.append((regexes.compile(f"{char}{before}{char}{after}"), entry["char"]))
    return _Allowed(
        words=frozenset(data.get("words", ())) | frozenset(p for p in extra if len(p) <= 2),
        patterns=tuple(data.get("patterns", ())),
        phrases="|".join(map(re.escape, phrases)) if phrases else None,
        singles=tuple(singles),
    )


@dataclass(init=False, repr=False, eq=False)
class _Repeat(FrozenRecord):
    start: int  # offset of the first copy
    unit: str  # the repeated text, once
    second: int  # offset of the second copy
    end: int  # offset after the last copy
    copies: int = 2

    def __init__(self, start: int, unit: str, second: int, end: int, copies: int = 2) -> None:
        fields = self.__dict__
        fields["start"] = start
        fields["unit"] = unit
        fields["second"] = second
        fields["end"] = end
        fields["copies"] = copies

    @classmethod
    def adjacent(cls, start: int, unit: str) -> _Repeat:
        return cls(start, unit, start + len(unit), start + 2 * len(unit))


@dataclass(init=False, repr=False, eq=False)
class _Leads(FrozenRecord):
    """Which searches of ``_repeats`` may find something in one unit: False only where none can.

    Most units hold no repeat at all. Each search is run once over all the units of a report,
    joined by NUL, and only the units where it matches are searched one by one: a few calls at
    C speed instead of several Python calls per unit. A match that straddles two units only lets
    a unit through; every match inside a unit is also a match of the joined text.

    ``phrases`` may also be the offsets where ``_PHRASE`` may match (``_phrase_starts``): the
    pattern is then tried there only, not searched for through the whole unit.
    """

    phrases: Union[bool, tuple[int, ...]] = True
    bracketed: bool = True
    sentence_tails: bool = True
    clause_tails: bool = True

    def __init__(
        self,
        phrases: Union[bool, tuple[int, ...]] = True,
        bracketed: bool = True,
        sentence_tails: bool = True,
        clause_tails: bool = True,
    ) -> None:
        fields = self.__dict__
        fields["phrases"] = phrases
        fields["bracketed"] = bracketed
        fields["sentence_tails"] = sentence_tails
        fields["clause_tails"] = clause_tails

    def __bool__(self) -> bool:
        return bool(self.phrases) or self.bracketed or self.sentence_tails or self.clause_tails


_EVERYWHERE = _Leads()
_NOWHERE = _Leads(False, False, False, False)


def _leads(texts: list[str], joined: Optional[str], keyed: Optional[str] = None) -> list[_Leads]:
    """The ``_Leads`` of each of ``texts``; ``joined`` is ``join_texts(texts)``, ``keyed`` its ``_key``."""
    if joined is None:
        return [_EVERYWHERE] * len(texts)
    # ``_key`` leaves NUL alone and changes one character at a time
    backwards = (_key(joined) if keyed is None else keyed)[::-1]
    flags = zip(
        _phrase_starts(texts, joined),
        units_matching_any(_BRACKETED_HINTS, joined, len(texts)),
        units_matching_any(_SENTENCE_TAIL_HINTS, backwards, len(texts), backwards=True),
        units_matching_any(_CLAUSE_TAIL_HINTS, backwards, len(texts), backwards=True),
    )
    return [_Leads(*flag) if any(flag) else _NOWHERE for flag in flags]


def _phrase_starts(texts: list[str], joined: str) -> list[Union[bool, tuple[int, ...]]]:
    """For each unit, the offsets where ``_PHRASE`` may match: False for none, True for too many.

    The pattern tries up to nine lengths at every character, which made it the costliest search
    of the rule. A unit of ``L`` characters written twice is a run of ``L`` places where the text
    equals itself shifted by ``L`` characters, and so are the low bytes of the characters' code
    points. Those bytes of the joined units are read as one integer, and for each length the
    integer XOR itself shifted by ``L`` bytes has a run of ``L`` zero bytes wherever the text may
    repeat: a few big-integer operations and ``bytes.find`` at C speed. Places that only share
    low bytes are let through too; the pattern decides there. A unit with more than
    ``_MOST_STARTS`` such places (a rule of dashes) is searched through instead.
    """
    count = len(texts)
    found_at: list[Optional[list[int]]] = [None] * count
    everywhere = [False] * count
    starts: list[int] = []
    size = 0
    for text in texts:
        starts.append(size)
        size += len(text) + 1
    size -= 1
    whole = int.from_bytes(joined.encode("utf-32-le", "surrogatepass")[::4], "little")
    for length in range(2, min(_LONGEST_PHRASE, size // 2) + 1):
        shifted = (whole ^ (whole >> (8 * length))).to_bytes(size, "little")
        run = _RUNS[length]
        found = shifted.find(run)
        while found != -1:
            index = bisect.bisect_right(starts, found) - 1
            offsets = found_at[index]
            if offsets is None:
                offsets = found_at[index] = []
            if not everywhere[index]:
                offsets.append(found - starts[index])
                if len(offsets) <= _MOST_STARTS:
                    found = shifted.find(run, found + 1)
                    continue
                everywhere[index] = True
            if index + 1 == count:
                break
            found = shifted.find(run, starts[index + 1])  # the rest of a unit searched through is not needed
    return [
        True if anywhere else tuple(sorted(set(offsets))) if offsets else False
        for anywhere, offsets in zip(everywhere, found_at)
    ]


def _next_phrase(text: str, position: int, starts: Optional[tuple[int, ...]]) -> Optional[re.Match]:
    """``_PHRASE.search(text, position)``, trying only ``starts`` when they are known.

    The pattern holds no anchor or look-behind, so where a search finds it first is the first
    of ``starts`` (a superset of the places it matches) where it matches.
    """
    if starts is None:
        return _PHRASE.search(text, position)
    for start in itertools.islice(starts, bisect.bisect_left(starts, position), None):
        match = _PHRASE.match(text, start)
        if match is not None:
            return match
    return None


def _all_repeats(
    units: Sequence[TextUnit], allowed: _Allowed, report: Optional[Report] = None
) -> Iterator[tuple[TextUnit, _Repeat]]:
    """The repeats of every unit, each unit searched only as far as its ``_Leads`` say.

    ``report``: the units are its ``text_units``, whose joined and keyed text other rules share.
    """
    texts = [unit.text for unit in units]
    joined = join_texts(texts) if report is None else joined_units(report)
    keyed = None if report is None else _keyed_units(report)
    singles = joined is None or any(char * 2 in joined for _, char in allowed.singles)  # 的的: rare
    for unit, leads in zip(units, _leads(texts, joined, keyed)):
        if leads or singles:
            for repeat in _repeats(unit, allowed, leads):
                yield unit, repeat


def _repeats(text_unit: TextUnit, allowed: _Allowed, leads: _Leads = _EVERYWHERE) -> Iterator[_Repeat]:
    """Back-to-back repeats in a unit: phrases, bracketed words, sentence tails, doubled 的.

    ``leads`` says which searches may find something (``_leads``); the others are skipped.
    """
    text = text_unit.text
    covered: list[tuple[int, int]] = []  # spans of allowed phrases, found when first needed

    def permitted(start: int, end: int) -> bool:
        if not covered and allowed.phrases is not None:
            covered.extend(m.span() for m in _pattern(allowed.phrases).finditer(text))
            covered.append((-1, -1))
        return any(a <= start and end <= b for a, b in covered)

    found: dict[int, _Repeat] = {}
    starts = None if leads.phrases is True else leads.phrases or ()
    match = _next_phrase(text, 0, starts) if leads.phrases else None
    while match is not None:
        start = match.start()
        if not _phrase_start(text[start]):
            match = _next_phrase(text, start + 1, starts)
            continue
        unit = match.group(1)
        length = len(unit)
        end = start + 2 * length
        while text[end : end + length] == unit:
            end += length  # a run of many copies is one finding, found in one pass
        shift = 0  # prefer the copies that end where the repetition ends: 奖金资金资金 repeats 资金, not 金资
        while shift < length - 1 and end + shift < len(text) and text[end + shift] == unit[shift]:
            shift += 1
        start, end = start + shift, end + shift
        unit = text[start : start + length]
        # a unit cut by a comma is a clause: 学习，学习，再学习 is rhetoric, four characters are not
        needed = 2 if _CLAUSE_MARKS.isdisjoint(unit) else 4
        if has_cjk(unit, needed) and not allowed.allows(unit) and not permitted(start, end):
            found.setdefault(start, _Repeat(start, unit, start + length, end, (end - start) // length))
        match = _next_phrase(text, end, starts)
    if leads.bracketed:
        _bracketed(text, found)
    for pattern, char in allowed.singles:
        for match in pattern.finditer(text):
            if not permitted(*match.span()):
                found.setdefault(match.start(), _Repeat.adjacent(match.start(), char))
    _sentence_tails(text_unit, found, leads)
    if found:
        yield from sorted(found.values(), key=lambda r: r.start)


def _phrase_start(char: str) -> bool:
    return is_cjk(char) or char in "（("


def _bracketed(text: str, found: dict[int, _Repeat]) -> None:
    """局长（主任）主任: a Chinese word in brackets written again right after them."""
    match = _BRACKETED.search(text)
    while match is not None:
        word = match.group(1)
        if not all(map(is_cjk, word)):
            match = _BRACKETED.search(text, match.start() + 1)
            continue
        if word.strip(_NUMERALS):  # （十一）十一是…: a list number, then the item's own numbering
            found.setdefault(match.start(), _Repeat(match.start(), word, match.end() - len(word), match.end()))
        match = _BRACKETED.search(text, match.end())


def _sentence_tails(unit: TextUnit, found: dict[int, _Repeat], leads: _Leads) -> None:
    """A sentence or clause that repeats the end of the one before it (… 等。市长信箱等。)."""
    if not (leads.sentence_tails or leads.clause_tails):
        return
    backwards = _key(unit.text)[::-1]
    if leads.sentence_tails and _SENTENCE_TAIL_HINT.search(backwards) is not None:
        _tails(unit.text, unit.sentences, found)
    if leads.clause_tails and _CLAUSE_TAIL_HINT.search(backwards) is not None:
        _tails(unit.text, _pattern(_CLAUSE).findall(unit.text), found)


def _tails(text: str, pieces: list[str], found: dict[int, _Repeat]) -> None:
    starts: Optional[list[int]] = None  # offsets of the pieces, worked out for a hit only
    for index, (first, second) in enumerate(zip(pieces, pieces[1:]), 1):
        if second.rstrip(_MARKS)[-3:] not in first:
            continue  # cheap test first: the words of the second piece must end the first
        key = _key(second)
        if not has_cjk(key, 4) or not _key(first).endswith(key):
            continue
        starts = starts or piece_starts(text, pieces)
        start = starts[index]
        origin = start - len(second)
        if any(r.start < start + len(second) and r.end > origin for r in found.values()):
            continue  # already found as a phrase or a sentence
        found[origin] = _Repeat(origin, second, start, start + len(second))


class RepeatedText(Rule):
    """A word, phrase, sentence or paragraph written twice in a row.

    ``局长（主任）主任``, ``资金资金``, ``市长热线、市长信箱等。市长热线、市长信箱等。``: the
    second copy is a slip of copy-and-paste or of editing. Legitimate reduplication is not
    reported — single characters (常常、人人、天天、看看), reduplicated verbs and adjectives
    (研究研究、雪白雪白), ``一步一步`` — see ``reduplication.toml``; add your own with
    ``allow = ["…"]`` under ``[tool.gxlint.rules.GX501]``. The fix deletes the second copy; it is
    not applied by ``--fix`` alone (``--unsafe-fixes``), because sometimes the first copy is the
    one to delete.

    Bad::

        一、总体情况
        督促各部门及时处置市长热线、市长信箱等。市长热线、市长信箱等。开展“局长（主任）主任政策谈”活动。

    Good::

        一、总体情况
        我们常常研究研究再动手，一步一步推进，天天更新，人人参与。
    """

    code = "GX501"
    name = "repeated-text"
    severity = Severity.WARNING
    options = {"allow": []}

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        allowed = _allowed(tuple(ctx.options.get("allow") or ()))
        can_fix = fixable(report)
        for unit, repeat in _all_repeats(text_units(report), allowed, report):
            yield self._finding(unit, repeat, can_fix)
        yield from self._repeated_paragraphs(report, fixable(report, whole_lines=True))

    def _finding(self, unit: TextUnit, repeat: _Repeat, can_fix: bool) -> Diagnostic:
        what = "句子" if repeat.unit.rstrip()[-1:] in "。！？；!?;" else "词语"
        shown = quote(repeat.unit, 30)
        times = "两遍" if repeat.copies == 2 else f" {repeat.copies} 遍"
        span = unit.single_line(repeat.second, repeat.end) if can_fix else None
        fix = replace_fix(f"删除重复的「{shown}」", span, "", safe=False) if span else None
        context = quote(unit.text[max(0, repeat.start - 4) : min(repeat.end, repeat.second + len(repeat.unit)) + 2], 40)
        return self.at(
            unit.span_of(repeat.second, repeat.end),
            f"{what}重复：「{shown}」连写了{times}（…{context}…），应只保留一处",
            fix=fix,
            snippet=repeat.unit,
        )

    def _repeated_paragraphs(self, report: Report, can_fix: bool) -> Iterator[Diagnostic]:
        """The same paragraph twice, with only blank lines between."""
        blank = _BlankLines(report)
        previous: Optional[Paragraph] = None
        previous_text = ""  # of ``previous``, stripped: each text is stripped once
        paragraphs = [p for p in report.paragraphs() if p.lines]
        for paragraph in sorted(paragraphs, key=lambda p: (p.lines[0].origin_line, p.lines[0].origin_column)):
            text = paragraph.text.strip()
            if text == previous_text and previous is not None and _same_paragraph(previous, paragraph, text, blank):
                line = paragraph.lines[0]
                fix = None
                if can_fix and len(paragraph.lines) == 1 and line.origin_column == 1:
                    fix = Fix(f"删除重复的第 {line.origin_line} 行", (_delete_line(line.origin_line),), safe=False)
                yield self.at(
                    paragraph.span,
                    f"段落重复：「{quote(text, 30)}」与上一段（第 {previous.lines[0].origin_line} 行）完全相同，应删去一处",
                    fix=fix,
                    snippet=text,
                )
            previous, previous_text = paragraph, text


class _BlankLines:
    """Which lines of the file are blank, worked out only if a paragraph repeats at all."""

    def __init__(self, report: Report) -> None:
        self._report = report
        self._blank: Optional[set[int]] = None

    def __contains__(self, number: int) -> bool:
        if self._blank is None:
            self._blank = {line.origin_line for line in self._report.lines if not line.text.strip()}
        return number in self._blank


def _same_paragraph(first: Paragraph, second: Paragraph, text: str, blank: _BlankLines) -> bool:
    """Whether ``second``, whose stripped text ``text`` is that of ``first``, repeats it."""
    if not has_cjk(text, 6):
        return False
    gap = range(first.lines[-1].origin_line + 1, second.lines[0].origin_line)
    return all(number in blank for number in gap)


def _delete_line(number: int):
    from gxlint.diagnostics import Edit

    return Edit(number, 1, number + 1, 1, "")


class RepeatedSentence(Rule):
    """The same sentence twice in one paragraph, with other sentences between the two copies.

    A sentence pasted twice while a paragraph was assembled from drafts: the reader meets the
    same statement again a few lines later. Sentences of fewer than ten Chinese characters are
    not compared (``无。`` may well recur). Copies written back to back are reported by GX501.

    Bad::

        一、总体情况
        以上提案及建议完成情况均反馈至各委员。今年共办理建议五件。以上提案及建议完成情况均反馈至各委员。

    Good::

        一、总体情况
        以上提案及建议完成情况均反馈至各委员。今年共办理建议五件。
    """

    code = "GX502"
    name = "repeated-sentence"
    severity = Severity.WARNING
    options = {"min_chars": 10}

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        minimum = int(ctx.options.get("min_chars", 10))
        units = text_units(report)
        keyed: Optional[list[str]] = None  # ``_key`` of each unit's text, from one call
        keyed_joined = _keyed_units(report)
        if minimum > 0 and keyed_joined is not None:
            if len(keyed_joined) <= _WHOLE_REPORT_CHARS and _runs_distinct(keyed_joined, minimum):
                return  # no unit can hold a sentence twice (``_runs_distinct``)
            keyed = keyed_joined.split("\0")
        # two copies of at least ``minimum`` characters and a sentence between them
        shortest = 2 * max(minimum, 1) + 1
        for number, unit in enumerate(units):
            if len(unit.text) < shortest:
                continue
            if minimum > 0 and _runs_distinct(keyed[number] if keyed else _key(unit.text), minimum):
                continue
            sentences = unit.sentences
            if len(sentences) < 3:
                continue  # the copies of a sentence must have another between them
            if _NOT_TEXT_CHARS.search(unit.text) is None:  # nothing to normalise: skip the look-ups
                keys = [sentence.rstrip("。！？；") for sentence in sentences]
            else:
                keys = [_key(sentence).rstrip("。！？；") for sentence in sentences]
            if len(set(keys)) == len(keys):
                continue  # no sentence written twice
            seen: dict[str, int] = {}  # sentence → index of its first copy
            for index, key in enumerate(keys):
                first = seen.setdefault(key, index)
                if first < index - 1 and has_cjk(key, minimum):
                    sentence = sentences[index]
                    starts = unit.sentence_starts
                    span = unit.span_of(starts[first], starts[first] + 1)
                    yield self.at(
                        unit.span_of(starts[index], starts[index + 1]),
                        f"句子重复：「{quote(sentence, 30)}」在本段前文（第 {span.line} 行第 {span.column} 列）已出现过",
                        snippet=sentence,
                    )


@per_report
def _keyed_units(report: Report) -> Optional[str]:
    """``_key`` of ``joined_units``: ``_key`` leaves the NUL between units alone. Shared by GX501 and GX502."""
    joined = joined_units(report)
    return None if joined is None else _key(joined)


def _runs_distinct(keyed: str, minimum: int) -> bool:
    """Whether no run of ``minimum`` or more characters between sentence marks (or NUL) is found
    twice in ``keyed``, the ``_key`` of a text or of units joined by NUL: then no unit holds a
    sentence of ``minimum`` Chinese characters twice, and GX502 needs no closer look.

    ``_key`` turns marks into marks and other characters into others, or drops them (spaces), so
    the key of each sentence, less its final marks, is one of the runs of the keyed text between
    sentence marks — the runs, in order, of the sentences whose key is not empty. One search
    lists them, without ``_key`` for each sentence.
    """
    runs = _pattern(f"[^。！？；!?;\\0]{{{max(minimum, 1)},}}").findall(keyed)
    return len(set(runs)) == len(runs)


RULES = (RepeatedText, RepeatedSentence)
