"""Matching written labels to template labels, tolerant of the drift real reports show.

A label matches exactly (after :func:`gxlint.normalize.label_key`), by suffix (the PDF layout
glues a group label in front: ``（四）无 1.本机关不掌握…``), or fuzzily (rapidfuzz), and the match
records its distance so that template-drift rules can report how far a label strayed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable, Optional

from ..model import LabelMatch
from ..normalize import has_cjk, label_key
from ..records import FrozenRecord

FUZZY_CUTOFF = 84.0
MEMO_SIZE = 4096  # matches kept per label set
MEMO_SETS = 64  # label sets whose matches are kept
_MEMOS: dict[tuple, dict[tuple[str, bool], Optional[Hit]]] = {}  # keyed on the text as written
_UNSEEN = object()
_INDEXES: dict[tuple, tuple] = {}  # (labels as given, cutoff, min_suffix) -> the set's index
PREFIX_MIN = 6  # characters of a cut-short label needed before a prefix match counts
PREFIX_SHARE = 0.6  # …and the share of the full label they must cover


@dataclass(init=False, repr=False, eq=False)
class Hit(FrozenRecord):
    """The template label a written label matched, and how."""

    canonical: str
    distance: float  # 0 exact; otherwise 100 - similarity
    how: str  # exact | suffix | prefix | fuzzy

    def __init__(self, canonical: str, distance: float, how: str) -> None:
        fields = self.__dict__
        fields["canonical"] = canonical
        fields["distance"] = distance
        fields["how"] = how


_new_object = object.__new__


def token_match(token, hit: Hit) -> LabelMatch:
    """``LabelMatch(token.text, hit.canonical, hit.distance, token.span)``, the span made when first
    read (see ``LabelMatch.span``): a report's tables match dozens of labels, and few of their
    spans are ever read."""
    match = _new_object(LabelMatch)
    match.raw = token.text
    match.canonical = hit.canonical
    match.distance = hit.distance
    match._token = token
    return match


class LabelSet:
    """A set of canonical labels, indexed for fast exact, suffix and fuzzy look-ups."""

    def __init__(self, labels: Iterable[str], cutoff: float = FUZZY_CUTOFF, min_suffix: int = 4):
        written = tuple(labels)
        index = _INDEXES.get((written, cutoff, min_suffix))
        if index is None:
            by_key: dict[str, str] = {}
            for label in written:
                by_key.setdefault(label_key(label), label)
            # Keyed on the written labels too: a Hit names the canonical label as the set spells it.
            index = (by_key, list(by_key), sorted(by_key), (tuple(by_key.items()), cutoff, min_suffix))
            if len(_INDEXES) > MEMO_SETS:
                _INDEXES.clear()
            _INDEXES[(written, cutoff, min_suffix)] = index
        # Binders build their label sets afresh for every report from the same template labels:
        # the index and the matches are shared by every set with the same labels (read-only), so a
        # run over many reports keys each label and matches each written label once.
        self.by_key, self.keys, self.sorted_keys, self.memo_key = index
        self.cutoff = cutoff
        self.min_suffix = min_suffix
        self._memo = _MEMOS.setdefault(self.memo_key, {})

    def __contains__(self, text: str) -> bool:
        return label_key(text) in self.by_key

    def match(self, text: str, fuzzy: bool = True) -> Optional[Hit]:
        memo = self._memo
        found = memo.get((text, fuzzy), _UNSEEN)  # big reports repeat the same labels: match each once
        if found is not _UNSEEN:
            return found
        key = label_key(text)
        hit = self._match_key(key, fuzzy) if key and has_cjk(key) else None
        if len(memo) > MEMO_SIZE:
            memo.clear()
        if len(_MEMOS) > MEMO_SETS:
            _MEMOS.clear()
        memo[(text, fuzzy)] = hit
        return hit

    def _match_key(self, key: str, fuzzy: bool) -> Optional[Hit]:
        exact = self.by_key.get(key)
        if exact is not None:
            return Hit(exact, 0.0, "exact")
        suffix = self._suffix(key)
        if suffix is not None:
            return suffix
        prefix = self._prefix(key)
        if prefix is not None:
            return prefix
        if fuzzy:
            return self._fuzzy(key)
        return None

    def _suffix(self, key: str) -> Optional[Hit]:
        """The longest label that ends ``key`` with at most 8 characters before it.

        One dictionary look-up per possible length, longest first, instead of a scan of every label.
        """
        for length in range(len(key), max(self.min_suffix, len(key) - 8, 1) - 1, -1):
            canonical = self.by_key.get(key[-length:])
            if canonical is not None:
                return Hit(canonical, float(len(key) - length), "suffix")
        return None

    def _prefix(self, key: str) -> Optional[Hit]:
        """A long label cut short (PDF text wraps it onto the line after the numbers)."""
        if len(key) < PREFIX_MIN:
            return None
        found = []
        index = bisect.bisect_left(self.sorted_keys, key)  # the labels starting with ``key`` follow
        while index < len(self.sorted_keys) and self.sorted_keys[index].startswith(key):
            if len(key) >= PREFIX_SHARE * len(self.sorted_keys[index]):
                found.append(self.sorted_keys[index])
            index += 1
        if len(found) != 1:
            return None
        return Hit(self.by_key[found[0]], float(len(found[0]) - len(key)), "prefix")

    def is_fragment(self, text: str) -> bool:
        """True when ``text`` is a piece of some label (a label broken across cells or pages)."""
        key = label_key(text)
        return len(key) >= 2 and any(key in candidate for candidate in self.keys)

    def _fuzzy(self, key: str) -> Optional[Hit]:
        from rapidfuzz import fuzz, process

        found = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=self.cutoff)
        if found is None:
            return None
        candidate, score, _ = found
        return Hit(self.by_key[candidate], round(100.0 - score, 1), "fuzzy")

    def similarity(self, text: str) -> tuple[Optional[str], float]:
        """The closest canonical label and its similarity 0–100, however poor."""
        key = label_key(text)
        if not key or not self.keys:
            return None, 0.0
        from rapidfuzz import fuzz, process

        candidate, score, _ = process.extractOne(key, self.keys, scorer=fuzz.ratio)
        return self.by_key[candidate], float(score)
