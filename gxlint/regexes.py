"""Regular expressions compiled once per machine, not once per run.

Python compiles a pattern in pure Python (parse, then generate the matcher's code), and gxlint's
patterns — CJK character classes, long alternations of labels and phone prefixes — cost ≈ 45 ms
to compile on every run, a fifth of what a pre-commit hook waits for on one file. The compiled
*code* is a list of integers that depends only on the pattern, its flags and the interpreter, so
:func:`compile` keeps it in a :class:`~gxlint.stored.StoredTable` (the user's cache directory),
and rebuilds the pattern from it with ``_sre.compile`` — the very call :func:`re.compile` ends
with. The pattern object is the same as ``re.compile``'s (it compares equal: same source, flags
and code).

Only this interpreter's own output is ever read back: the table is tied to the full
``sys.version`` and to ``_sre.MAGIC`` (the version of the matcher's code). Whenever anything is
unexpected — internals that differ, a record the matcher refuses, ``re.DEBUG`` — the pattern is
compiled by :func:`re.compile` as usual.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Optional, cast

from .stored import StoredTable

try:  # the internals re.compile is made of (named sre_parse and sre_compile before 3.11)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.9 and 3.10
    try:
        import _sre
        import sre_compile as _compiler
        import sre_parse as _parser
    except ImportError:
        _sre = None  # type: ignore[assignment]

_FORMAT = 1  # bump when an entry changes shape

_usable = _sre is not None and hasattr(_compiler, "_code") and hasattr(_parser, "parse")
_table = StoredTable("regexes", (_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE) if _usable else None)


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's twin
    """``re.compile(source, flags)``, with the compiled code kept between runs."""
    global _usable
    flags = int(flags)
    if not _usable or not isinstance(source, str) or flags & re.DEBUG:
        return re.compile(source, flags)
    key = (source, flags)
    entry = _table.get(key)
    fresh = entry is None
    if fresh:
        try:
            entry = _entry(source, flags)
        except Exception:  # a bad pattern or flag: re.compile raises the error users expect
            return re.compile(source, flags)
    try:
        pattern = _sre.compile(source, *entry)
    except Exception:  # internals not as expected: never worse than re.compile, and stop trying
        _usable = False
        _table.discard_new()
        return re.compile(source, flags)
    if fresh:
        _table.put(key, entry)
    return cast("re.Pattern[str]", pattern)


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled (by :func:`compile`) the first time one of its methods or attributes
    is used: a run whose files all come from the result cache never compiles the rules' patterns."""
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
        compiled = compile(self._source, self._flags)
        for shared in self._SHARED:
            setattr(self, shared, getattr(compiled, shared))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def _entry(source: str, flags: int) -> tuple:
    """The arguments ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern itself
    (CPython 3.9–3.13): flags, code, number of groups, group index, index group."""
    parsed = _parser.parse(source, flags)
    state = parsed.state
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    indexgroup: list[Optional[str]] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))


__all__ = ["compile", "lazy"]
