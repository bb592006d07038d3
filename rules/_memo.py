"""Work done once, when first needed: facts derived from a report, and compiled patterns.

Several rules read the same derived facts — the sentences of the prose, the 其中 breakdowns, the
document numbers — and computing them again for each rule cost more than the checks themselves.
Compiling a pattern costs about a millisecond when it holds a CJK class or a long alternation,
paid at import even by a run whose files are all served from the result cache.
"""

from __future__ import annotations

import functools
import weakref
from typing import Callable, TypeVar

from gxlint.model import Report
from gxlint.regexes import lazy as lazy_pattern

__all__ = ["lazy_pattern", "per_report"]

T = TypeVar("T")


def per_report(compute: Callable[[Report], T]) -> Callable[[Report], T]:
    """Remember ``compute(report)`` for the report last asked about.

    The engine runs every rule on one report before it reads the next, so one slot is enough and
    memory stays bounded. The report is held weakly and compared by identity, so a report that
    is gone (and whose ``id`` may be reused) never answers for a new one. ``compute`` must return
    something the rules do not change (a tuple), because every rule sees the same value.
    """
    slot: list = [(None, None)]  # (weak reference to the report, value), replaced as one

    @functools.wraps(compute)
    def cached(report: Report) -> T:
        ref, value = slot[0]
        if ref is not None and ref() is report:
            return value
        value = compute(report)
        slot[0] = (weakref.ref(report), value)
        return value

    return cached
