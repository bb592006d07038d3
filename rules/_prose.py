"""Reading figures in prose: sentences, "共 N …，其中 A …、B …" breakdowns and known splits.

Only what the text states plainly is extracted: a whole written right before ``其中`` (or ending
the sentence before a sentence that opens with ``其中``), and the parts listed after it up to the
first clause without a figure in the same unit. Figures in brackets after a part are that part's
own breakdown and are not parts of the whole.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Optional

from gxlint._data import load_toml
from gxlint.model import Paragraph, Report
from gxlint.normalize import nfkc
from gxlint.numbers import Quantity, find_quantities
from gxlint.records import FrozenRecord

from ._memo import lazy_pattern, per_report

MONEY = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
_SENTENCE_END = lazy_pattern(r"[。！？!?\n]")
_CLAUSE_END = lazy_pattern(r"[，,、；;：:]")
_BRACKET = lazy_pattern(r"[（()）]")
_MARKERS = ("其中",)
_NEW_WHOLE = lazy_pattern(r"共|合计|累计|总计|全年|此外|另外|同时")
_BETWEEN_WHOLE_AND_MARKER = lazy_pattern(r"^[\s，,：:;；]*$")
_APPROXIMATE = lazy_pattern(r"(约|近|超过|超|逾|大约|将近)\s*$")


# The value classes below are dataclasses with a written-out __init__ on the model's record base
# (frozen, ``==`` and ``repr`` as @dataclass(frozen=True) makes them), which @dataclass would
# otherwise compile anew at every import.
@dataclass(init=False, repr=False, eq=False)
class Sentence(FrozenRecord):
    paragraph: Paragraph
    start: int  # offset in the paragraph text
    text: str

    def __init__(self, paragraph: Paragraph, start: int, text: str) -> None:
        fields = self.__dict__
        fields["paragraph"] = paragraph
        fields["start"] = start
        fields["text"] = text

    def quantities(self) -> list[Quantity]:
        # Found once: a breakdown looks at its sentence's figures several times (the whole, then
        # the parts). Kept in the instance dict, as functools.cached_property would, without its lock.
        found = self.__dict__.get("_quantities")
        if found is None:
            found = self.__dict__["_quantities"] = tuple(find_quantities(self.text))
        return list(found)


def sentences(paragraph: Paragraph) -> Iterator[Sentence]:
    for start, text in sentence_spans(paragraph.text):
        yield Sentence(paragraph, start, text)


@functools.lru_cache(maxsize=256)  # several rules split the same paragraphs, one report at a time
def sentence_spans(text: str) -> tuple[tuple[int, str], ...]:
    """Each non-empty sentence of ``text`` and its offset: the same as :func:`sentences`, for a
    rule that scans many sentences and needs only their text."""
    spans, start = [], 0
    for piece in _SENTENCE_END.split(text):  # each sentence end is one character
        if piece:
            spans.append((start, piece))
        start += len(piece) + 1
    return tuple(spans)


def compatible(a: str, b: str) -> bool:
    return a == b or (a in MONEY and b in MONEY)


def in_unit(quantity: Quantity, unit: str) -> Decimal:
    """The quantity expressed in ``unit`` (money converts between 元/万元/亿元)."""
    if quantity.unit == unit or quantity.unit not in MONEY or unit not in MONEY:
        return quantity.value
    return quantity.value * MONEY[quantity.unit] / MONEY[unit]


@dataclass(init=False, repr=False, eq=False)
class Part(FrozenRecord):
    quantity: Quantity
    label: str  # the clause text before the number (``通过门户网站公开政府信息``)
    sentence: Sentence

    def __init__(self, quantity: Quantity, label: str, sentence: Sentence) -> None:
        fields = self.__dict__
        fields["quantity"] = quantity
        fields["label"] = label
        fields["sentence"] = sentence


@dataclass(init=False, repr=False, eq=False)
class Breakdown(FrozenRecord):
    """A whole and the parts the text lists under it with ``其中``."""

    whole: Quantity
    whole_sentence: Sentence
    context: str  # the text before the whole in its sentence (what the whole counts)
    parts: tuple[Part, ...]
    marker_sentence: Sentence

    def __init__(
        self, whole: Quantity, whole_sentence: Sentence, context: str, parts: tuple[Part, ...], marker_sentence: Sentence
    ) -> None:
        fields = self.__dict__
        fields["whole"] = whole
        fields["whole_sentence"] = whole_sentence
        fields["context"] = context
        fields["parts"] = parts
        fields["marker_sentence"] = marker_sentence

    def normalized(self) -> tuple[str, tuple[str, ...]]:
        """The context and the part labels in NFKC form, as every split compares them: found once."""
        found = self.__dict__.get("_normalized")
        if found is None:
            found = (nfkc(self.context), tuple(nfkc(part.label) for part in self.parts))
            self.__dict__["_normalized"] = found
        return found


@per_report
def report_breakdowns(report: Report) -> tuple[Breakdown, ...]:
    """Every breakdown in the report's prose, in document order, read once for all the rules."""
    return tuple(found for paragraph in report.paragraphs() for found in breakdowns(paragraph))


def breakdowns(paragraph: Paragraph) -> Iterator[Breakdown]:
    if not any(marker in paragraph.text for marker in _MARKERS):
        return  # most paragraphs list nothing; splitting them into sentences would find nothing
    previous: Optional[Sentence] = None
    span: Optional[tuple[int, str]] = None  # the previous sentence, made a Sentence when needed
    for start, text in sentence_spans(paragraph.text):
        sentence = None
        for marker in _MARKERS:
            if marker not in text:
                continue
            if sentence is None:
                sentence = Sentence(paragraph, start, text)
                if previous is None and span is not None:
                    previous = Sentence(paragraph, *span)
            for found in re.finditer(marker, text):
                whole = _whole_before(sentence, found.start(), previous)
                if whole is None:
                    continue
                quantity, whole_sentence = whole
                parts = tuple(_parts_after(sentence, found.end(), quantity.unit))
                if parts:
                    context = whole_sentence.text[: quantity.start]
                    yield Breakdown(quantity, whole_sentence, context, parts, sentence)
        previous, span = sentence, (start, text)


def _whole_before(sentence: Sentence, at: int, previous: Optional[Sentence]):
    before = [q for q in sentence.quantities() if q.end <= at]
    if before:
        last = before[-1]
        if _BETWEEN_WHOLE_AND_MARKER.match(sentence.text[last.end : at]) and _exact(sentence, last):
            return last, sentence
        return None
    if sentence.text[:at].strip(" ，,：:") or previous is None:
        return None
    found = previous.quantities()
    if found and not previous.text[found[-1].end :].strip() and _exact(previous, found[-1]):
        return found[-1], previous
    return None


def _exact(sentence: Sentence, quantity: Quantity) -> bool:
    """A whole that is a count, not a share, and not approximate (约 2000 条, 超过 300 件)."""
    return quantity.unit != "%" and not _APPROXIMATE.search(sentence.text[: quantity.start])


def _parts_after(sentence: Sentence, at: int, unit: str) -> Iterator[Part]:
    text = sentence.text
    depth_free = _outside_brackets(text)
    clause_start = at
    quantities = [q for q in sentence.quantities() if q.start >= at]
    starts = [q.start for q in quantities]  # in order, so a clause's figures are one slice
    for clause_end in [*(m.start() for m in _CLAUSE_END.finditer(text, at)), len(text)]:
        if clause_end <= clause_start:
            clause_start = clause_end + 1
            continue
        clause = text[clause_start:clause_end]
        if _NEW_WHOLE.search(clause) and clause_start > at:
            return
        inside = [
            q for q in quantities[bisect_left(starts, clause_start) : bisect_left(starts, clause_end)]
            if compatible(q.unit, unit) and depth_free[q.start]
        ]
        if not inside:
            if clause.strip(" （）()"):
                return
            clause_start = clause_end + 1
            continue
        label = text[clause_start : inside[0].start].strip(" ：:")
        yield Part(inside[0], label, sentence)
        clause_start = clause_end + 1


def _outside_brackets(text: str) -> list[bool]:
    """For each character, whether it stands outside brackets (an opening bracket is inside).

    Filled a run at a time between brackets: sentences listing parts can be long.
    """
    depth, flags, last = 0, [], 0
    for found in _BRACKET.finditer(text):
        at = found.start()
        flags.extend([depth == 0] * (at - last))
        if text[at] in "（(":
            depth += 1
            flags.append(False)
        else:
            flags.append(depth == 0)
            depth -= 1 if depth else 0
        last = at + 1
    flags.extend([depth == 0] * (len(text) - last))
    return flags


@dataclass(init=False, repr=False, eq=False)
class Split(FrozenRecord):
    name: str
    whole: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]
    exhaustive: bool

    def __init__(self, name: str, whole: tuple[str, ...], parts: tuple[tuple[str, ...], ...], exhaustive: bool) -> None:
        fields = self.__dict__
        fields["name"] = name
        fields["whole"] = whole
        fields["parts"] = parts
        fields["exhaustive"] = exhaustive
        # Not fields: the words in NFKC form, as they are compared, normalised once.
        fields["_whole_keys"] = tuple(nfkc(word) for word in whole)
        fields["_part_keys"] = tuple(tuple(nfkc(w) for w in words) for words in parts)

    def match(self, breakdown: Breakdown) -> Optional[dict[int, list[Part]]]:
        """The listed parts under each split item, when every listed part is exactly one item.

        An item may be written as several parts (公务用车购置费 and 公务用车运行维护费 are both
        公务用车); at least two different items must be named.
        """
        context, labels = breakdown.normalized()
        if self.whole and not any(word in context for word in self._whole_keys):
            return None
        assigned: dict[int, list[Part]] = {}
        for part, label in zip(breakdown.parts, labels):
            hits = [i for i, words in enumerate(self._part_keys) if any(w in label for w in words)]
            if len(hits) != 1:
                return None
            assigned.setdefault(hits[0], []).append(part)
        return assigned if len(assigned) >= 2 else None


@functools.lru_cache(maxsize=1)
def known_splits() -> tuple[Split, ...]:
    return tuple(
        Split(
            item["name"],
            tuple(item.get("whole", ())),
            tuple(tuple(words) for words in item["parts"]),
            bool(item.get("exhaustive", False)),
        )
        for item in load_toml(__package__, "exhaustive_splits.toml")["split"]
    )


def rounding_slack(quantities: list[Quantity], unit: str) -> Decimal:
    """How far a sum of rounded figures may honestly drift: half a unit of each figure's last digit.

    A figure written as 0 is taken as exact (nothing spent), not as "somewhere below 0.5".
    """
    slack = Decimal(0)
    for quantity in quantities:
        if quantity.value == 0:
            continue
        written = quantity.text.split(quantity.unit)[0] if quantity.unit else quantity.text
        places = len(written.split(".", 1)[1].strip()) if "." in written else 0
        half = Decimal(5) * Decimal(10) ** (-places - 1)
        slack += in_unit(Quantity(half, quantity.unit, 0, 0, ""), unit)
    return slack
