"""Confusable words: wrong characters, wrong idioms, variant forms and misused words, from a lexicon.

The lexicon is data (``confusables.toml``, documented in ``docs/lexicon.md``). A paragraph is
scanned once, with one dictionary look-up per character however many entries there are; the
context conditions of an entry are compiled and checked only where its form occurs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from gxlint.diagnostics import Diagnostic, Severity
from gxlint.model import Report
from gxlint.rule import Rule, RuleContext

from ._text import fixable, load_data, quote, replace_fix, text_units

_WINDOW = 24  # characters of context the conditions of an entry may look at


@dataclass(frozen=True)
class Entry:
    """One wrong form, its correction, and where it is wrong (regular expressions, as written)."""

    wrong: str
    right: str
    category: str
    note: str = ""
    before: str = ""
    after: str = ""
    not_before: str = ""
    not_after: str = ""

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
    return re.compile(f"(?:{regex})$")


@functools.cache
def _starting(regex: str) -> re.Pattern:
    return re.compile(regex)


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, tuple[Entry, ...]]
    heads: dict[str, tuple[int, ...]]  # first two characters of the forms → their lengths, longest first
    heads_pattern: Optional[re.Pattern]  # the heads as one regular expression
    accepted: Optional[re.Pattern]
    labels: dict[str, str]

    def find(self, text: str) -> Iterator[tuple[int, Entry]]:
        """Each place where an entry applies, longest form first, never overlapping.

        A regular expression of the forms' first two characters finds the candidate places at
        C speed (a few per paragraph); there the forms are looked up in a dictionary, so the
        cost does not grow with the size of the lexicon.
        """
        if self.heads_pattern is None:
            return
        heads, entries = self.heads, self.entries
        allowed: list[tuple[int, int]] = []
        if self.accepted is not None:
            allowed = [m.span() for m in self.accepted.finditer(text)]
        candidate = self.heads_pattern.search(text)
        while candidate is not None:
            start = candidate.start()
            resume = start + 1  # heads overlap: 台帐号 holds 台帐 and 帐号
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
            candidate = self.heads_pattern.search(text, resume)


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


def _heads_pattern(forms: Iterable[str]) -> re.Pattern:
    """``[first characters][second characters]|[one-character forms]``.

    A superset of the forms' first two characters that compiles in milliseconds (one alternation
    of several hundred heads takes a tenth of a second, paid by every one-file run); the few
    extra candidates it lets through are settled by a dictionary look-up.
    """
    forms = list(forms)
    firsts = "".join(sorted({re.escape(form[0]) for form in forms if len(form) > 1}))
    seconds = "".join(sorted({re.escape(form[1]) for form in forms if len(form) > 1}))
    singles = "".join(sorted({re.escape(form) for form in forms if len(form) == 1}))
    branches = [f"[{firsts}][{seconds}]"] if firsts else []
    if singles:
        branches.append(f"[{singles}]")
    return re.compile("|".join(branches))


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
        accepted=re.compile("|".join(map(re.escape, longer))) if longer else None,
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
        for unit in text_units(report):
            for start, entry in lex.find(unit.text):
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
