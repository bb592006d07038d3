"""Recognise page chrome: navigation, metadata panels, share/print links and page marks.

The patterns (``gxlint/data/chrome.toml``) are tried in order and the first that matches wins.
Compiling them costs milliseconds (wide character classes), and almost no line of a report is
chrome, so each pattern gets a *gate* worked out from its syntax tree: the characters a match can
start with and literal text a match must contain. A line that passes no pattern's gate is not
chrome without any regular expression being compiled or run; a pattern is compiled the first time
a line passes its gate.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from .. import regexes
from .._data import load_toml

try:  # Python 3.11+
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.9 and 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# A gate: (first characters, literal texts), each None when not known. A match starts with one of
# the characters and contains one of the texts. None: the pattern is tried on every line.
Gate = Optional[tuple[Optional[frozenset[str]], Optional[tuple[str, ...]]]]
_WIDEST_RANGE = 512  # a character range wider than this counts as "any character"
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name))
_GROUPS = tuple(getattr(_sre, name) for name in ("SUBPATTERN", "ATOMIC_GROUP") if hasattr(_sre, name))
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


@functools.cache
def _sources() -> tuple[tuple[str, str, bool], ...]:
    data = load_toml("gxlint.data", "chrome.toml")
    return tuple((p["regex"], p["kind"], bool(p.get("strong"))) for p in data["patterns"])


@functools.cache
def _compiled(index: int) -> re.Pattern:
    return regexes.compile(_sources()[index][0])


@functools.cache
def _gates() -> tuple[Gate, ...]:
    return tuple(_gate(regex) for regex, _, _ in _sources())


@functools.lru_cache(maxsize=4096)
def _by_first(first: str, strong_only: bool) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The patterns a line starting with ``first`` may match: (index, texts one of which the line
    must then contain; empty when there is nothing more to test)."""
    found = []
    for index, ((_, _, strong), gate) in enumerate(zip(_sources(), _gates())):
        if strong_only and not strong:
            continue
        if gate is None:
            found.append((index, ()))
        elif gate[0] is None or first in gate[0]:
            found.append((index, gate[1] or ()))
    return tuple(found)


def chrome_kind(text: str, strong_only: bool = False) -> Optional[str]:
    """The kind of chrome this line is (``web``, ``page-mark``, ``debris``) or None."""
    stripped = text.strip()
    if not stripped or len(stripped) > 200:
        return None
    return _kind(stripped, strong_only)


@functools.lru_cache(maxsize=8192)
def _kind(stripped: str, strong_only: bool) -> Optional[str]:
    """Decided once per distinct line: the parser asks about a line in the table region and again
    in its section's body, and reports repeat the same lines (table rows, footers)."""
    for index, needs in _by_first(stripped[0], strong_only):
        if needs:
            for need in needs:
                if need in stripped:
                    break
            else:
                continue
        if _compiled(index).match(stripped):
            return _sources()[index][1]
    return None


# --- gates ---------------------------------------------------------------------------------------
# The line is stripped before matching, so a pattern's leading ``\s*`` can never consume its first
# character: whitespace is left out of the first-character sets.


def _gate(regex: str) -> Gate:
    try:
        tree = _sre_parse.parse(regex)
    except re.error:
        return None
    flags = getattr(getattr(tree, "state", None), "flags", None)
    if flags is None:
        flags = tree.pattern.flags  # Python 3.9 and 3.10
    if flags & re.IGNORECASE:
        return None
    chars, nullable = _first(list(tree))
    texts = _required(list(tree))
    if (chars is None or nullable) and not texts:
        return None
    return (None if chars is None or nullable else frozenset(chars)), (tuple(sorted(texts)) if texts else None)


def _first(items: list) -> tuple[Optional[set[str]], bool]:
    """The characters a match of ``items`` can start with (None: any) and whether it can be empty."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is _sre.IN:
            found = _charset(av)
            if found is None:
                return None, False
            chars |= found
            return chars, False
        if op in _GROUPS:
            inner = av[-1] if op is _sre.SUBPATTERN else av
            if op is _sre.SUBPATTERN and av[1] & re.IGNORECASE:
                return None, False
            found, nullable = _first(list(inner))
        elif op is _sre.BRANCH:
            found, nullable = set(), False
            for alternative in av[1]:
                one, empty = _first(list(alternative))
                if one is None:
                    return None, False
                found |= one
                nullable = nullable or empty
        elif op in _REPEATS:
            found, nullable = _first(list(av[2]))
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if found is None:
            return None, False
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


def _charset(items: list) -> Optional[set[str]]:
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_SPACE:
            continue  # never the first character of a stripped line
        else:
            return None
    return chars


def _required(items: list) -> Optional[set[str]]:
    """Literal texts one of which every match of ``items`` contains (None: not known).

    The longest run of literal characters the sequence always has, or failing one, what a group
    or every alternative of a choice the sequence always has requires."""
    runs: list[str] = []
    run = ""
    inner: Optional[set[str]] = None
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            runs.append(run)
            run = ""
        if inner is not None:
            continue
        if op in _GROUPS:
            if op is _sre.SUBPATTERN and av[1] & re.IGNORECASE:
                continue
            inner = _required(list(av[-1] if op is _sre.SUBPATTERN else av))
        elif op is _sre.BRANCH:
            texts: set[str] = set()
            for alternative in av[1]:
                one = _required(list(alternative))
                if not one:
                    break
                texts |= one
            else:
                inner = texts or None
        elif op in _REPEATS and av[0] > 0:
            inner = _required(list(av[2]))
    if run:
        runs.append(run)
    if runs:
        return {max(runs, key=len)}
    return inner
