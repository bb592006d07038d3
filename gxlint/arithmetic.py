"""Sums and identities over table cells: the one place that decides whether a total adds up.

Every check refuses to answer when one of its cells is not a number (blank, malformed or missing):
the result is then ``UNVERIFIABLE`` with the offending cells, never a sum that silently counted the
gap as 0. Rules turn ``MISMATCH`` results into findings and collect the unverifiable cells into a
single "cannot verify" finding per table.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Optional, Sequence

from .model import NUMBER, Cell
from .numbers import format_number
from .records import FrozenRecord

OK = "ok"
MISMATCH = "mismatch"
UNVERIFIABLE = "unverifiable"


@dataclass(init=False, repr=False, eq=False)
class SumResult(FrozenRecord):
    """The outcome of ``total == sum(parts)``."""

    status: str
    total: Cell
    parts: tuple[Cell, ...]
    expected: Optional[Decimal] = None  # the sum of the parts, when every part is a number
    unreadable: tuple[Cell, ...] = ()

    def __init__(
        self,
        status: str,
        total: Cell,
        parts: tuple[Cell, ...],
        expected: Optional[Decimal] = None,
        unreadable: tuple[Cell, ...] = (),
    ) -> None:
        fields = self.__dict__
        fields["status"] = status
        fields["total"] = total
        fields["parts"] = parts
        fields["expected"] = expected
        fields["unreadable"] = unreadable

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def mismatch(self) -> bool:
        return self.status == MISMATCH

    @property
    def difference(self) -> Optional[Decimal]:
        if self.expected is None or self.total.value is None:
            return None
        return self.total.value - self.expected


def check_sum(total: Cell, parts: Sequence[Cell]) -> SumResult:
    """Compare ``total`` with the sum of ``parts``; refuse when any of them is not a number."""
    parts = tuple(parts)
    unreadable = tuple(cell for cell in (*parts, total) if not cell.ok)
    if unreadable:
        return SumResult(UNVERIFIABLE, total, parts, None, unreadable)
    expected = sum((cell.value for cell in parts), Decimal(0))
    status = OK if expected == total.value else MISMATCH
    return SumResult(status, total, parts, expected)


def sum_status(total: Cell, parts: Sequence[Cell]) -> str:
    """``check_sum(total, parts).status``, without building the ``SumResult``.

    Nearly every row and column of a report adds up or holds a cell that is not a number; a
    rule calls ``check_sum`` for the figures of a finding only when this is ``MISMATCH``. The
    parts are added in the same order, from the same ``Decimal(0)``, as ``check_sum`` adds them.
    """
    if total.state != NUMBER:
        return UNVERIFIABLE
    expected = _ZERO
    for cell in parts:
        if cell.state != NUMBER:
            return UNVERIFIABLE
        expected += cell.value
    return OK if expected == total.value else MISMATCH


_ZERO = Decimal(0)


def check_balance(left: Sequence[Cell], right: Sequence[Cell]) -> tuple[str, Optional[Decimal], Optional[Decimal], tuple[Cell, ...]]:
    """``sum(left) == sum(right)`` (table 三's 勾稽关系); ``(status, left_sum, right_sum, unreadable)``."""
    cells = (*left, *right)
    unreadable = tuple(cell for cell in cells if not cell.ok)
    if unreadable:
        return UNVERIFIABLE, None, None, unreadable
    left_sum = sum((cell.value for cell in left), Decimal(0))
    right_sum = sum((cell.value for cell in right), Decimal(0))
    return (OK if left_sum == right_sum else MISMATCH), left_sum, right_sum, ()


def sum_values(cells: Sequence[Cell]) -> Optional[Decimal]:
    """The sum of ``cells``, or None when one of them is not a number."""
    if not all(cell.ok for cell in cells):
        return None
    return sum((cell.value for cell in cells), Decimal(0))


@dataclass(init=False, repr=False, eq=False)
class JoinHint(FrozenRecord):
    """Two adjacent single digits that read as one number make the values add up."""

    index: int  # position of the first of the two digits
    first: Decimal
    second: Decimal
    joined: Decimal
    values: tuple[Decimal, ...]  # the values with the two digits joined

    def __init__(self, index: int, first: Decimal, second: Decimal, joined: Decimal, values: tuple[Decimal, ...]) -> None:
        fields = self.__dict__
        fields["index"] = index
        fields["first"] = first
        fields["second"] = second
        fields["joined"] = joined
        fields["values"] = values

    def describe(self) -> str:
        return f"“{format_number(self.first)} {format_number(self.second)}”可能是“{format_number(self.joined)}”"


def suggest_join(values: Sequence[Decimal], fits: Callable[[tuple[Decimal, ...]], bool]) -> Optional[JoinHint]:
    """Find two adjacent single digits whose join (``2`` ``0`` → ``20``) makes ``fits`` true.

    Text extraction sometimes splits one cell into two (``2`` and ``0`` for ``20``); when exactly
    one such join repairs the identity, it is very likely the cause. Ambiguous repairs return None.
    """
    found: list[JoinHint] = []
    for index in range(len(values) - 1):
        first, second = values[index], values[index + 1]
        if not (_single_digit(first) and _single_digit(second)) or first == 0:
            continue
        joined = first * 10 + second
        candidate = (*values[:index], joined, *values[index + 2 :])
        if fits(candidate):
            found.append(JoinHint(index, first, second, joined, candidate))
    return found[0] if len(found) == 1 else None


def split_digits(raw: str) -> Optional[Decimal]:
    """``"1 2"`` → 12: the value a cell with a space between its digits most likely meant."""
    pieces = raw.split()
    if len(pieces) < 2 or not all(piece.isdigit() for piece in pieces):
        return None
    joined = "".join(pieces)
    if len(joined) > 1 and joined.startswith("0"):
        return None
    return Decimal(joined)


def _single_digit(value: Decimal) -> bool:
    return value == value.to_integral_value() and 0 <= value <= 9


def is_count(value: Decimal) -> bool:
    """A non-negative integer: what every 件-count in the tables must be."""
    return value >= 0 and value == value.to_integral_value()


def decimals(text: str) -> int:
    """Digits after the decimal point as written (``"251.59"`` → 2)."""
    return len(text.split(".", 1)[1]) if "." in text else 0


__all__ = [
    "MISMATCH",
    "OK",
    "UNVERIFIABLE",
    "JoinHint",
    "SumResult",
    "check_balance",
    "check_sum",
    "sum_status",
    "decimals",
    "is_count",
    "split_digits",
    "suggest_join",
    "sum_values",
]
