"""Number parsing shared by the binder and the prose rules.

A table cell is one of four things — a number, blank, malformed or missing — and never silently
0. Prose numbers (``2266条``, ``603.564万元``, ``100%``) are found with :func:`find_quantities`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Iterator, Optional

from . import regexes
from .model import BLANK, MALFORMED, NUMBER, Cell, Span
from .normalize import nfkc
from .records import FrozenRecord

_INTEGER = regexes.compile(r"^-?(?:0|[1-9]\d*)$")
_GROUPED = regexes.compile(r"^-?[1-9]\d{0,2}(?:,\d{3})+$")
_DECIMAL = regexes.compile(r"^-?(?:0|[1-9]\d*)\.\d+$")
_WITH_UNIT = regexes.compile(r"^(-?\d+(?:\.\d+)?)\s*(万元|亿元|元|件|个|项|条|次)$")
_NIL_MARKS = {"-", "—", "–", "/", "／", "无", "空", "—/—", "--", "——", "\\"}
# Characters that only appear in a value cell: digits, letter O mistaken for zero, dashes, slashes.
_VALUEISH = regexes.compile(r"^[\d\s.,\-—–/／OoＯ０-９。，]*$")
UNITS = ("万元", "亿元", "元", "件", "个", "项", "条", "次")


def parse_cell(raw: str, span: Optional[Span] = None) -> Cell:
    """Classify one cell's text. Leading zeros (``00``), ``O`` and ``1 2`` are malformed."""
    state, value, reason, unit = _classify(raw)
    return Cell(state, value, raw, span, reason, unit)


_new_object = object.__new__


def token_cells(tokens: Iterable[Any]) -> list[Cell]:
    """``parse_cell(token.text, token.span)`` of each value token (a blank one as the empty text).

    The binders turn every value of a table into a cell, a few hundred per report: one loop that
    fills each new cell's fields in ``Cell.__init__``'s order, instead of two calls per cell,
    makes the same cells in half the time. Each cell's span is made from its token when it is
    first read (most never are).
    """
    cells: list[Cell] = []
    append = cells.append
    classify = _classify
    for token in tokens:
        raw = "" if token.blank else token.text
        state, value, reason, unit = classify(raw)
        cell = _new_object(Cell)
        cell.state = state
        cell.value = value
        cell.raw = raw
        cell._token = token  # the span is made from it if it is read (see ``Cell.span``)
        cell.reason = reason
        cell.unit = unit
        append(cell)
    return cells


@functools.lru_cache(maxsize=4096)  # a table repeats the same few cell texts (0, 1, -, 无) again and again
def _classify(raw: str) -> tuple[str, Optional[Decimal], str, str]:
    """(state, value, reason, unit) of a cell's text; a Decimal is immutable, so cells may share it."""
    text = nfkc(raw).strip()
    if not text:
        return BLANK, None, "空白单元格", ""
    compact = text.replace(",", "") if _GROUPED.match(text) else text
    if _INTEGER.match(compact) or _DECIMAL.match(compact):
        return NUMBER, Decimal(compact), "", ""
    unit = _WITH_UNIT.match(text)
    if unit:
        return NUMBER, Decimal(unit.group(1)), "", unit.group(2)
    if text in _NIL_MARKS:
        return MALFORMED, None, f"用“{text}”代替数字", ""
    if re.fullmatch(r"0\d+", text):
        return MALFORMED, None, f"“{text}”有多余的前导零", ""
    if re.fullmatch(r"[\dOo]+", text):
        return MALFORMED, None, f"“{text}”中的字母 O 应为数字 0", ""
    if re.fullmatch(r"\d+(?:\s+\d+)+", text):
        return MALFORMED, None, f"“{text}”中间有空格", ""
    return MALFORMED, None, f"“{text}”不是数字", ""


@functools.lru_cache(maxsize=4096)  # the binders ask about the same few cell texts again and again
def looks_like_value(raw: str) -> bool:
    """True for text that can only be a value cell (number, nil mark, malformed number)."""
    text = nfkc(raw).strip()
    if not text:
        return False
    if text in _NIL_MARKS or _WITH_UNIT.match(text):
        return True
    return bool(_VALUEISH.match(text)) and any(ch.isdigit() or ch in "Oo" for ch in text) and len(text) <= 20


def to_decimal(text: str) -> Optional[Decimal]:
    try:
        return Decimal(nfkc(text).replace(",", ""))
    except InvalidOperation:
        return None


@dataclass(init=False, repr=False, eq=False)
class Quantity(FrozenRecord):
    """A number written in prose with the measure word or unit after it."""

    value: Decimal
    unit: str
    start: int
    end: int
    text: str

    def __init__(self, value: Decimal, unit: str, start: int, end: int, text: str) -> None:
        fields = self.__dict__
        fields["value"] = value
        fields["unit"] = unit
        fields["start"] = start
        fields["end"] = end
        fields["text"] = text


# Digits grouped by thousands (``2,266条``) are one number; the tail of a grouping is never one.
# The number opens with a digit and the look-behinds test what precedes that digit: the regex
# engine then only tries positions holding a digit (the same matches as putting the look-behinds
# first, at a fraction of the cost on prose).
_QUANTITY = regexes.compile(
    r"(\d(?<![\d.A-Za-z〔\[/\-]\d)(?<!\d,\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))\s*"
    r"(万元|亿元|元|件次|件|条|项|次|个|人次|人|份|期|场|篇|%|％)"
)


def find_quantities(text: str) -> Iterator[Quantity]:
    """Numbers followed by a measure word or unit. Years (``2023年``) and dates are not quantities."""
    for match in _QUANTITY.finditer(text):
        unit = "%" if match.group(2) == "％" else match.group(2)
        yield Quantity(Decimal(match.group(1).replace(",", "")), unit, match.start(), match.end(), match.group(0))


def format_number(value: Optional[Decimal]) -> str:
    if value is None:
        return "空"
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")
