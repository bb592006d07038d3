"""Confusable words: wrong characters, wrong idioms, variant forms and misused words, from a lexicon.

The lexicon is data (``confusables.toml``, documented in ``docs/lexicon.md``). A report's prose is
scanned once, at C speed, for the first two characters of the forms it holds, however many entries
there are; the forms are looked up in a dictionary only where those occur, and the context
conditions of an entry are compiled and checked only where its form occurs.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Sequence

from gxlint import regexes
from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Report
from gxlint.records import FrozenRecord
from gxlint.rule import Rule, RuleContext

from ._text import fixable, joined_units, load_data, quote, replace_fix, text_units

_WINDOW = 24  # characters of context the conditions of an entry may look at


@dataclass(init=False, repr=False, eq=False)
class Entry(FrozenRecord):
    """One wrong form, its correction, and where it is wrong (regular expressions, as written)."""

    wrong: str
    right: str
    category: str
    note: str = ""
    before: str = ""
    after: str = ""
    not_before: str = ""
    not_after: str = ""

    def __init__(
        self,
        wrong: str,
        right: str,
        category: str,
        note: str = "",
        before: str = "",
        after: str = "",
        not_before: str = "",
        not_after: str = "",
    ) -> None:
        fields = self.__dict__  # frozen: fill the instance dictionary (see gxlint.records)
        fields["wrong"] = wrong
        fields["right"] = right
        fields["category"] = category
        fields["note"] = note
        fields["before"] = before
        fields["after"] = after
        fields["not_before"] = not_before
        fields["not_after"] = not_after

    def applies(self, text: str, start: int, end: int) -> bool:
        head, tail = text[max(0, start - _WINDOW) : start], text[end : end + _WINDOW]
        if self.before and not _ending(self.before).search(head):
            return False
        if self.after and not _starting(self.after).match(tail):
            return False
        if self.not_before and _ending(self.not_before).search(head):
            return False
        return not (self.not_after and _starting(self.not_after).match(tail))


# Conditions are compiled the first time a text contains their entry's form: most never are.
@functools.cache
def _ending(regex: str) -> re.Pattern:
    return regexes.compile(f"(?:{regex})$")


@functools.cache
def _starting(regex: str) -> re.Pattern:
    return regexes.compile(regex)


@dataclass(init=False, repr=False, eq=False)
class Lexicon(FrozenRecord):
    entries: dict[str, tuple[Entry, ...]]
    heads: dict[str, tuple[int, ...]]  # first two characters of the forms → their lengths, longest first
    heads_pattern: Optional[re.Pattern]  # the pairs that may be a head (``_heads_pattern``); None: no pairs
    accepted: Optional[re.Pattern]
    labels: dict[str, str]

    def __init__(
        self,
        entries: dict[str, tuple[Entry, ...]],
        heads: dict[str, tuple[int, ...]],
        heads_pattern: Optional[re.Pattern],
        accepted: Optional[re.Pattern],
        labels: dict[str, str],
    ) -> None:
        fields = self.__dict__
        fields["entries"] = entries
        fields["heads"] = heads
        fields["heads_pattern"] = heads_pattern
        fields["accepted"] = accepted
        fields["labels"] = labels

    def find(self, text: str) -> Iterator[tuple[int, Entry]]:
        """Each place where an entry applies, longest form first, never overlapping."""
        return self._scan(text, self._head_starts(text))

    def find_in_units(self, texts: Sequence[str], joined: Optional[str]) -> Iterator[tuple[int, int, Entry]]:
        """``find`` in each of ``texts``: (index of the text, offset, entry), in order.

        ``joined`` is ``join_texts(texts)`` (None when a text holds a NUL). It is searched once
        for the heads it holds, and only the texts with a head are looked at: most hold none. No
        form holds a NUL (else each text is searched alone), so no head runs across two texts.
        """
        if not self.heads:
            return
        if joined is None or self._nul_in_forms:
            for index, text in enumerate(texts):
                for start, entry in self.find(text):
                    yield index, start, entry
            return
        starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        places = self._head_starts(joined)
        at = 0
        while at < len(places):
            index = bisect.bisect_right(starts, places[at]) - 1
            offset = starts[index]
            end = offset + len(texts[index])
            mine = []
            while at < len(places) and places[at] < end:
                mine.append(places[at] - offset)
                at += 1
            for start, entry in self._scan(texts[index], mine):
                yield index, start, entry

    def _head_starts(self, text: str) -> list[int]:
        """The offsets in ``text`` where a head of a form starts (``heads``), in order.

        The pairs ``heads_pattern`` finds are mostly no head (公开工作 holds 开工: 开 begins
        forms and 工 continues some, but not this one), about fifteen for each one that is. So
        they are collected and intersected with the heads at C speed, and the places of the few
        heads left are looked up with ``str.find``: no Python code runs for a pair that is no head.
        """
        heads = self.heads
        present = heads.keys() & set(self.heads_pattern.findall(text)) if self.heads_pattern is not None else set()
        present.update(head for head in self._single_heads if head in text)
        if not present:
            return []
        places = set()
        for head in present:
            place = text.find(head)
            while place >= 0:
                places.add(place)
                place = text.find(head, place + 1)
        return sorted(places)

    def _scan(self, text: str, starts: Iterable[int]) -> Iterator[tuple[int, Entry]]:
        """The entries that apply at ``starts`` (offsets of heads, in order), longest form
        first; a place inside a form already found is skipped (heads overlap: 台帐号 holds 台帐
        and 帐号)."""
        heads, entries = self.heads, self.entries
        allowed: list[tuple[int, int]] = []
        if self.accepted is not None:
            allowed = [m.span() for m in self.accepted.finditer(text)]
        resume = 0
        for start in starts:
            if start < resume:
                continue
            for length in heads.get(text[start : start + 2], ()) + heads.get(text[start], ()):
                end = start + length
                found = entries.get(text[start:end])
                if not found or any(a <= start and end <= b for a, b in allowed):
                    continue
                entry = next((e for e in found if e.applies(text, start, end)), None)
                if entry is not None:
                    yield start, entry
                    resume = end
                    break

    @functools.cached_property
    def _single_heads(self) -> tuple[str, ...]:
        """The forms of one character (``heads_pattern`` finds pairs)."""
        return tuple(head for head in self.heads if len(head) == 1)

    @functools.cached_property
    def _nul_in_forms(self) -> bool:
        """Whether a form holds a NUL, which ``find_in_units`` uses to tell the texts apart."""
        return any("\0" in form for form in self.entries)


def _entry(data: dict[str, Any]) -> Entry:
    return Entry(
        wrong=data["wrong"],
        right=data.get("right", ""),
        category=data.get("category", "character"),
        note=data.get("note", ""),
        before=data.get("before", ""),
        after=data.get("after", ""),
        not_before=data.get("not_before", ""),
        not_after=data.get("not_after", ""),
    )


def _heads(forms: Iterable[str]) -> dict[str, tuple[int, ...]]:
    heads: dict[str, set[int]] = {}
    for form in forms:
        heads.setdefault(form[:2], set()).add(len(form))
    return {head: tuple(sorted(lengths, reverse=True)) for head, lengths in heads.items()}


def _heads_pattern(forms: Iterable[str]) -> Optional[re.Pattern]:
    """``[second characters](?<=([first characters].))``: the pairs of a first and a second
    character of the longer forms, a superset of their heads, as ``findall`` returns them.

    Two character classes compile in milliseconds (one alternation of several hundred heads
    takes a tenth of a second, paid by every one-file run, and is slower to search). The pattern
    begins with a character class, which the matcher skips to at C speed, and consumes only the
    second character, so overlapping heads (台帐号 holds 台帐 and 帐号) are all found.
    """
    forms = [form for form in forms if len(form) > 1]
    if not forms:
        return None
    firsts = "".join(sorted({re.escape(form[0]) for form in forms}))
    seconds = "".join(sorted({re.escape(form[1]) for form in forms}))
    return regexes.compile(f"[{seconds}](?<=([{firsts}].))")


def _raw_entries() -> list[dict[str, Any]]:
    data = load_data("confusables.toml")
    raw = [
        {"wrong": wrong, "right": right, "category": category}
        for category, table in data.get("swap", {}).items()
        for wrong, right in table.items()
    ]
    return raw + list(data.get("context", ()))


@functools.lru_cache(maxsize=16)
def lexicon(accept: tuple[str, ...] = (), reject: tuple[tuple[str, str], ...] = (), ignore: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicon, plus the project's rejected forms, minus its accepted terms."""
    labels = dict(load_data("confusables.toml").get("categories", {}))
    labels.setdefault("project", "项目词表")
    raw = [e for e in _raw_entries() if e.get("category", "character") not in ignore]
    raw += [{"wrong": wrong, "right": right, "category": "project"} for wrong, right in reject]
    accepted = {term for term in accept if term}
    by_form: dict[str, list[Entry]] = {}
    for data in raw:
        if data["wrong"] in accepted:
            continue
        by_form.setdefault(data["wrong"], []).append(_entry(data))
    longer = sorted((term for term in accepted), key=len, reverse=True)
    return Lexicon(
        entries={form: tuple(entries) for form, entries in by_form.items()},
        heads=_heads(by_form),
        heads_pattern=_heads_pattern(by_form) if by_form else None,
        accepted=regexes.compile("|".join(map(re.escape, longer))) if longer else None,
        labels=labels,
    )


def _reject_pairs(value: Any) -> tuple[tuple[str, str], ...]:
    """``reject`` as a table {wrong = "right"} or a list of wrong forms (no correction known)."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), str(v)) for k, v in value.items()))
    return tuple((str(item), "") for item in (value or ()))


class ConfusableWord(Rule):
    """A wrong character, idiom or word form from the lexicon of common errors (``经行`` → ``进行``).

    Homophones typed by a pinyin input method (``加打力度``, ``拉进距离``), look-alike characters
    (``松驰``), idioms written wrong (``再接再励``), non-recommended variants (``部份``) and words
    used in the wrong place (``截止2023年底`` → ``截至``). Forms that are correct in other places
    are reported only in the context where they are wrong. The lexicon and its sources are
    described in ``docs/lexicon.md``.

    Options under ``[tool.gxlint.rules.GX510]`` (the accept/reject vocabularies of Vale):
    ``accept = ["经行村"]`` — terms that are right in your reports (a place name, a product);
    ``reject = { "某错词" = "正确词" }`` — extra wrong forms to report (or a list of forms);
    ``ignore_categories = ["variant"]`` — categories not to report
    (``character``, ``idiom``, ``variant``, ``usage``).

    Bad::

        一、总体情况
        外包日报社经行日常运维工作，要加打对政务新媒体的建设，截止2023年12月31日共发布信息。

    Good::

        一、总体情况
        外包日报社进行日常运维工作，已经行使职权，截至2023年12月31日共发布信息，截止日期为3月31日。
    """

    code = "GX510"
    name = "confusable-word"
    severity = Severity.WARNING
    options = {"accept": [], "reject": {}, "ignore_categories": []}

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        lex = lexicon(
            tuple(ctx.options.get("accept") or ()),
            _reject_pairs(ctx.options.get("reject")),
            tuple(ctx.options.get("ignore_categories") or ()),
        )
        can_fix = fixable(report)
        units = text_units(report)
        for index, start, entry in lex.find_in_units([unit.text for unit in units], joined_units(report)):
            unit = units[index]
            end = start + len(entry.wrong)
            label = lex.labels.get(entry.category, entry.category)
            context = quote(unit.text[max(0, start - 6) : end + 6], 20)
            if entry.right:
                why = f"{label}：{entry.note}" if entry.note else label
                message = f"「{entry.wrong}」应为「{entry.right}」（{why}）：…{context}…"
            else:
                message = f"「{entry.wrong}」是本项目不用的写法（{label}）：…{context}…"
            span = unit.single_line(start, end) if can_fix and entry.right else None
            fix = replace_fix(f"改为「{entry.right}」", span, entry.right, safe=False) if span else None
            yield self.at(unit.span_of(start, end), message, fix=fix, snippet=entry.wrong)


RULES = (ConfusableWord,)
