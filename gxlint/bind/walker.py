"""Walk a token stream: header labels, then row labels each followed by their values.

Shared by the three table binders. A row label may be split over two or three tokens (PDF text
breaks long labels across lines), so exact and suffix matches are tried on joins of up to three
consecutive text tokens before any fuzzy match. One- and two-character fragments (vertical text
in PDFs: ``本`` ``年`` ``度``) are ignored.
"""

from __future__ import annotations

from typing import Optional

from ..model import LabelMatch, Span
from ..normalize import has_cjk, label_key
from .labels import Hit, LabelSet, token_match

MAX_JOIN = 3
MAX_PIECES = 6  # label fragments remembered for rejoining (2**6 joins at most)
MIN_REJOINED = 8  # a rejoined label must be at least this long to count
# What ``_match`` found for a run of label texts, shared by every walker over the same label sets:
# reports written to one template repeat the same labels, and a big table repeats its rows.
MATCH_MEMO_SIZE = 4096  # runs kept per combination of label sets
MATCH_MEMO_SETS = 16  # combinations of label sets whose runs are kept
_MATCH_MEMOS: dict[tuple, dict[tuple[str, ...], tuple]] = {}
_UNSEEN = object()


class Walker:
    def __init__(self, tokens, rows: LabelSet, headers: LabelSet, note: Optional[LabelSet] = None,
                 stop: Optional[LabelSet] = None):
        self.tokens = tokens
        self.rows_set = rows
        self.headers_set = headers
        self.note_set = note
        self.stop_set = stop
        self.rows: list[tuple[LabelMatch, list]] = []  # (label, value tokens)
        self.unknown_rows: list[LabelMatch] = []
        self.header_matches: list[LabelMatch] = []
        self.header_unknown: list[LabelMatch] = []
        self.note_match: Optional[LabelMatch] = None
        self.problems: list[str] = []
        self.first_span: Optional[Span] = None
        self.stray_values: list = []
        self.fragments: list[LabelMatch] = []  # pieces of labels that were not rejoined
        self.stopped_at: Optional[int] = None
        self._label_sets = [("row", rows), ("header", headers)] + ([("note", note)] if note is not None else [])
        if len(_MATCH_MEMOS) > MATCH_MEMO_SETS:
            _MATCH_MEMOS.clear()
        self._matched = _MATCH_MEMOS.setdefault(tuple(labels.memo_key for _, labels in self._label_sets), {})

    def run(self, start: int = 0) -> int:
        tokens = self.tokens
        current: Optional[list] = None
        pieces: list = []  # label fragments since the last label or value
        i = start
        end = len(tokens)
        while i < end:
            token = tokens[i]
            if token.is_value:
                if pieces:
                    if current is None:
                        current = self._rejoin(pieces)
                    pieces = []
                after = i + 1  # the run of values goes to the same row: taken in one slice
                while after < end and tokens[after].is_value:
                    after += 1
                (current if current is not None else self.stray_values).extend(tokens[i:after])
                i = after
                continue
            if self.stop_set is not None and i > start and self.stop_set.match(token.text, fuzzy=False):
                self.stopped_at = i
                return i
            hit, used = self._match(i)
            if hit is not None:
                kind, found = hit
                match = self._label(i, used, found)
                if self.first_span is None:
                    self.first_span = match.span
                pieces = []
                if kind == "row":
                    current = []
                    self.rows.append((match, current))
                elif kind == "header":
                    self.header_matches.append(match)
                else:
                    self.note_match = match
                i += used
                continue
            text = token.text
            key = label_key(text)
            if len(key) <= 2 or not has_cjk(key):
                i += 1
                continue
            if self._is_fragment(text):
                # A piece of a label split across cells, lines or pages (``（四）无`` … ``法提供``):
                # not a row of its own; values after it cannot be placed with certainty.
                if current is not None and not (self.rows and key in label_key(self.rows[-1][0].canonical)):
                    current = None
                self.fragments.append(LabelMatch(text, "", 100.0, token.span))
                pieces = (pieces + [token])[-MAX_PIECES:]
                i += 1
                continue
            match = LabelMatch(text, "", 100.0, token.span)
            if not self.rows:
                self.header_unknown.append(match)
                if "勾稽" in key and self.note_match is None:
                    self.note_match = LabelMatch(text, "", 100.0, token.span)
            else:
                self.unknown_rows.append(match)
                current = []  # values after an unknown label belong to it, not to the row before
                self.rows.append((match, current))
            i += 1
        return i

    def _match(self, i: int):
        """Exact/suffix on joins first (longest label wins), then fuzzy on the single token."""
        joinable = []
        for token in self.tokens[i : i + MAX_JOIN]:
            if token.is_value:
                break
            joinable.append(token.text)
        texts = tuple(joinable)
        found = self._matched.get(texts, _UNSEEN)
        if found is _UNSEEN:
            found = self._match_texts(joinable)
            if len(self._matched) > MATCH_MEMO_SIZE:
                self._matched.clear()
            self._matched[texts] = found
        return found

    def _match_texts(self, joinable: list[str]):
        for used in range(len(joinable), 0, -1):
            text = "".join(joinable[:used])
            for kind, labels in self._label_sets:
                hit = labels.match(text, fuzzy=False)
                if hit is not None and (used == 1 or hit.how in ("exact", "prefix")):
                    return (kind, hit), used
        for kind, labels in self._label_sets:
            hit = labels.match(joinable[0], fuzzy=True) if joinable else None
            if hit is not None:
                return (kind, hit), 1
        return None, 1

    def _rejoin(self, pieces: list) -> Optional[list]:
        """A row label scattered among other fragments, as PDF text interleaves a wrapped label
        with the group label beside it (``2、申请人逾期未按收费通知要`` ``他处理`` ``求缴纳费用、…``).

        The pieces are joined in order, leaving some out, and the longest join that is a whole
        label or a long enough beginning of one wins. Returns the new row's value list, or None.
        """
        taken = {match.canonical for match, _ in self.rows}
        best = None
        for mask in range(1, 1 << len(pieces)):
            chosen = [piece for bit, piece in enumerate(pieces) if mask >> bit & 1]
            text = "".join(piece.text for piece in chosen)
            if len(label_key(text)) < MIN_REJOINED:
                continue
            hit = self.rows_set.match(text, fuzzy=False)
            if hit is None or hit.how not in ("exact", "prefix") or hit.canonical in taken:
                continue
            if best is None or len(text) > len(best[1]):
                best = (hit, text, chosen)
        if best is None:
            return None
        hit, text, chosen = best
        span = chosen[0].span_to(chosen[-1])
        values: list = []
        self.rows.append((LabelMatch(text, hit.canonical, hit.distance, span), values))
        return values

    def _is_fragment(self, text: str) -> bool:
        return self.rows_set.is_fragment(text) or self.headers_set.is_fragment(text)

    def _label(self, i: int, used: int, hit: Hit) -> LabelMatch:
        tokens = self.tokens
        if used > 1:
            raw = "".join(t.text for t in tokens[i : i + used])
            return LabelMatch(raw, hit.canonical, hit.distance, tokens[i].span_to(tokens[i + used - 1]))
        return token_match(tokens[i], hit)
