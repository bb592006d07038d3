"""What the language rules share: the prose of a report as text units, CJK tests, data files, fixes.

A text unit is a paragraph or a heading line: a string plus a way to map a character range back to
the user's file. Table cells are not prose and are never checked for language.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from gxlint import regexes
from gxlint._data import load_toml
from gxlint.diagnostics import Edit, Fix
from gxlint.model import Line, Report, Span
from gxlint.records import FrozenRecord

from ._memo import per_report

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FIXABLE_SOURCES = ("text", "markdown")  # whole lines map one-to-one onto the file
EDITABLE_SOURCES = ("text", "markdown", "html")  # characters inside a line do (checked per edit)

# Sentences: text up to and including its run of sentence-final marks. The pieces of a text are
# contiguous from the first one to the end of the text, so their offsets follow from their lengths.
SENTENCE = regexes.compile(r"[^。！？；!?;]+[。！？；!?;]*")


def is_cjk(char: str) -> bool:
    """Whether one character is a Chinese character (the ranges of ``CJK``).

    Comparisons instead of a ``[CJK]`` pattern: every pattern with these ranges costs milliseconds
    to compile (the compiler walks each code point), paid again by every one-file run.
    """
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"


def has_cjk(text: str, count: int = 1) -> bool:
    """Whether ``text`` holds at least ``count`` Chinese characters, stopping as soon as it does.

    Called on the few candidates of a finding (a repeat, a duplicate sentence), never on all text.
    """
    if count <= 0:
        return True
    for char in text:
        if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff":
            count -= 1
            if not count:
                return True
    return False


@dataclass(init=False, repr=False, eq=False)
class TextUnit(FrozenRecord):
    """A paragraph or a heading: its text and the map from offsets to the user's file.

    Frozen, with ``repr``, ``==`` and ``hash`` from ``gxlint.records`` and a written-out
    ``__init__`` (``@dataclass`` would compile them anew at every import).
    """

    text: str
    span_of: Callable[[int, Optional[int]], Span]
    kind: str  # paragraph | title | signature | heading

    def __init__(self, text: str, span_of: Callable[[int, Optional[int]], Span], kind: str) -> None:
        fields = self.__dict__  # frozen: fill the instance dictionary (see gxlint.records)
        fields["text"] = text
        fields["span_of"] = span_of
        fields["kind"] = kind

    def single_line(self, start: int, end: int) -> Optional[Span]:
        """The span of ``text[start:end]`` when it lies on one line of the file, else None."""
        span = self.span_of(start, end)
        if span.end_line not in (None, span.line) or span.end_column is None:
            return None
        if span.end_column - span.column + 1 != end - start:
            return None  # the text view and the file disagree (entities, cells): do not edit
        return span

    # Kept in the instance dict, as functools.cached_property would, without the lock it takes on
    # every first use (once for each unit of every report).
    @property
    def sentences(self) -> list[str]:
        """The sentences of the text (``SENTENCE``), split once for every rule that compares them."""
        found = self.__dict__.get("_sentences")
        if found is None:
            found = self.__dict__["_sentences"] = SENTENCE.findall(self.text)
        return found

    @property
    def sentence_starts(self) -> list[int]:
        """The offset of each sentence in ``text``, and the end of the last one."""
        found = self.__dict__.get("_sentence_starts")
        if found is None:
            found = self.__dict__["_sentence_starts"] = piece_starts(self.text, self.sentences)
        return found


def piece_starts(text: str, pieces: list[str]) -> list[int]:
    """Offsets of contiguous ``pieces`` that run to the end of ``text``, and the end of the text."""
    return list(itertools.accumulate(map(len, pieces), initial=len(text) - sum(map(len, pieces))))


@per_report
def text_units(report: Report) -> tuple[TextUnit, ...]:
    """Every paragraph and heading of the report, each once, in document order.

    Every language rule walks the same units, so they are built once per report.
    """
    return _text_units(report)


def join_texts(texts: list[str]) -> Optional[str]:
    """``texts`` joined by NUL, or None when one of them holds a NUL (the units cannot be told apart).

    A rule searches the joined text once, at C speed, instead of each unit with a call of its
    own, and then looks closer only at the few units where the search matched
    (``units_matching``): most units hold nothing to report.
    """
    joined = "\0".join(texts)
    return joined if joined.count("\0") == len(texts) - 1 else None


@per_report
def joined_units(report: Report) -> Optional[str]:
    """The texts of ``text_units`` joined by NUL (``join_texts``), once per report."""
    return join_texts([unit.text for unit in text_units(report)])


def units_matching(pattern: re.Pattern, joined: Optional[str], count: int, backwards: bool = False) -> list[bool]:
    """For each of ``count`` units joined by NUL, whether ``pattern`` matches in the joined text
    starting inside the unit; all True when ``joined`` is None.

    ``backwards``: ``joined`` is the joined text reversed. Every match inside one unit is a match
    of the joined text there, so no unit where the pattern matches is left out; a match that runs
    into the next unit only lets its first unit through.
    """
    if joined is None:
        return [True] * count
    flags = [False] * count
    _mark_units(pattern, joined, flags, backwards)
    return flags


def units_matching_any(
    patterns: Iterable[tuple[str, re.Pattern]], joined: Optional[str], count: int, backwards: bool = False
) -> list[bool]:
    """``units_matching`` for the alternation of ``patterns``, each given with the literal it opens with.

    A pattern that opens with a class makes the search test the class at every character; one
    that opens with a literal lets it skip to the next copy of that literal at the speed of
    ``str.find``, and a literal the text does not hold costs no search at all. Splitting a class
    of marks into one pattern per mark makes the searches several times cheaper.
    """
    if joined is None:
        return [True] * count
    flags = [False] * count
    for literal, pattern in patterns:
        if literal in joined:
            _mark_units(pattern, joined, flags, backwards)
    return flags


def _mark_units(pattern: re.Pattern, joined: str, flags: list[bool], backwards: bool) -> None:
    """Set the flag of each unit of ``joined`` where ``pattern`` starts a match (``units_matching``)."""
    count = len(flags)
    index = start = 0  # the unit the search starts in, and where it starts
    match = pattern.search(joined)
    while match is not None:
        index += joined.count("\0", start, match.start())
        flags[count - 1 - index if backwards else index] = True
        start = joined.find("\0", match.start()) + 1
        if not start:
            break
        index += 1
        match = pattern.search(joined, start)  # the rest of a unit let through is not needed


def _text_units(report: Report) -> tuple[TextUnit, ...]:
    units = []
    seen: set[int] = set()
    for paragraph in report.paragraphs():
        seen.update(map(id, paragraph.lines))
        units.append(TextUnit(paragraph.text, paragraph.span_of, paragraph.kind))
    for section in report.headings():
        line = section.line
        if id(line) not in seen:
            units.append(TextUnit(line.text, _line_span(line), "heading"))
    return tuple(units)


def _line_span(line: Line) -> Callable[[int, Optional[int]], Span]:
    def span_of(start: int, end: Optional[int] = None) -> Span:
        return line.span(start, start + 1 if end is None else end)

    return span_of


@functools.cache
def load_data(name: str) -> dict:
    """A TOML data file shipped in this package (lexicons, allow-lists)."""
    return load_toml("gxlint_rules", name)


def fixable(report: Report, whole_lines: bool = False) -> bool:
    """Whether fixes may edit the user's file.

    Characters inside one line can be replaced in text, Markdown and HTML sources (each edit is
    checked with ``TextUnit.single_line``); whole lines can be deleted only in text and Markdown,
    where a line of the text view is a line of the file.
    """
    return report.source_kind in (FIXABLE_SOURCES if whole_lines else EDITABLE_SOURCES)


def replace_fix(description: str, span: Span, text: str, safe: bool) -> Fix:
    """Replace the characters of a one-line ``span`` (inclusive end) with ``text``.

    ``Edit`` ends are exclusive, as in ruff and LSP: the column after the last replaced character.
    """
    end_column = (span.end_column or span.column) + 1
    edit = Edit(span.line, span.column, span.end_line or span.line, end_column, text)
    return Fix(description, (edit,), safe=safe)


def quote(text: str, limit: int = 24) -> str:
    """``text`` shortened for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
