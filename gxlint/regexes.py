"""Regular expressions compiled once per machine, not once per run.

Python compiles a pattern in pure Python (parse, then generate the matcher's code), and gxlint's
patterns — CJK character classes, long alternations of labels and phone prefixes — cost ≈ 45 ms
to compile on every run, a fifth of what a pre-commit hook waits for on one file. The compiled
*code* is a list of integers that depends only on the pattern, its flags and the interpreter, so
:func:`compile` keeps it in the user's cache directory beside the parsed data files (see
``gxlint._data``), one file per interpreter, and rebuilds the pattern from it with ``_sre.compile``
— the very call :func:`re.compile` ends with. The pattern object is the same as ``re.compile``'s
(it compares equal: same source, flags and code).

Only this interpreter's own output is ever read back: the file is tied to the full
``sys.version`` and to ``_sre.MAGIC`` (the version of the matcher's code). Whenever anything is
unexpected — internals that differ, a damaged file, no cache directory, ``re.DEBUG`` — the pattern
is compiled by :func:`re.compile` as usual. New patterns are written (atomically) when the process
exits, and only where Python may write bytecode (not under ``PYTHONDONTWRITEBYTECODE``).
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, Optional, cast

from ._data import data_cache_directory, read_record, write_record

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

_FORMAT = 1  # bump when the record changes shape
_MAX_ENTRIES = 4096  # patterns built from user settings must not grow the file without bound

Entry = tuple  # (flags, code, groups, groupindex, indexgroup): the arguments of _sre.compile

_state: dict[str, Any] = {"loaded": None, "new": {}, "used": set(), "usable": _sre is not None
                          and hasattr(_compiler, "_code") and hasattr(_parser, "parse")}


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's twin
    """``re.compile(source, flags)``, with the compiled code kept between runs."""
    flags = int(flags)
    if not _state["usable"] or not isinstance(source, str) or flags & re.DEBUG:
        return re.compile(source, flags)
    key = (source, flags)
    entry = _known().get(key) or _state["new"].get(key)
    try:
        if entry is None:
            entry = _state["new"][key] = _entry(source, flags)  # a bad pattern raises re.error
            if len(_state["new"]) == 1:
                import atexit

                atexit.register(_save)
        _state["used"].add(key)
        return cast("re.Pattern[str]", _sre.compile(source, *entry))
    except re.error:
        raise
    except Exception:  # internals not as expected (another Python): never worse than re.compile
        _state["usable"] = False
        _state["new"].clear()
        return re.compile(source, flags)


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


def _entry(source: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` computes before it calls ``_sre.compile`` (CPython 3.9–3.13)."""
    parsed = _parser.parse(source, flags)
    state = parsed.state
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    indexgroup: list[Optional[str]] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))


def _stamp() -> tuple:
    return (_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)


def _path() -> Optional[str]:
    root, tag = data_cache_directory(), sys.implementation.cache_tag
    return os.path.join(root, f"regexes.{tag}.marshal") if root and tag else None


def _known() -> dict:
    """The patterns compiled by earlier runs, read once per process."""
    known = _state["loaded"]
    if known is None:
        path = _path()
        known = (read_record(path, _stamp(), dict) if path else None) or {}
        _state["loaded"] = known
    return known


def _save() -> None:
    """At exit: add this run's new patterns to the file (patterns of this run only, if full)."""
    path, new = _path(), _state["new"]
    if not new or not path or sys.dont_write_bytecode or not _state["usable"]:
        return
    known = _known()
    merged = {**known, **new}
    if len(merged) > _MAX_ENTRIES:
        merged = {key: entry for key, entry in merged.items() if key in _state["used"]}
    write_record(path, _stamp(), merged)


__all__ = ["compile", "lazy"]
