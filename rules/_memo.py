"""Work done once, when first needed: facts derived from a report, and compiled patterns.

Several rules read the same derived facts — the sentences of the prose, the 其中 breakdowns, the
document numbers — and computing them again for each rule cost more than the checks themselves.
Compiling a pattern costs about a millisecond when it holds a CJK class or a long alternation,
paid at import even by a run whose files are all served from the result cache.
"""

from __future__ import annotations

import functools
import re
import weakref
from typing import Any, Callable, TypeVar, cast

from gxlint.model import Report

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


def lazy_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled the first time one of its methods or attributes is used."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))


class _LazyPattern:
    _SHARED = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn",
               "pattern", "flags", "groups", "groupindex")

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)  # an instance made without __init__ (a copy) has no source
        # Reached only while the compiled pattern's methods are not yet set on the instance: after
        # the first use, ``.finditer`` is the compiled pattern's own bound method, with no detour.
        compiled = re.compile(self._source, self._flags)
        for shared in self._SHARED:
            setattr(self, shared, getattr(compiled, shared))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self._source!r})"
