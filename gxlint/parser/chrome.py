"""Recognise page chrome: navigation, metadata panels, share/print links and page marks."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Optional

from .._toml import toml


@functools.cache
def _sources() -> tuple[tuple[str, str, bool], ...]:
    text = resources.files("gxlint.data").joinpath("chrome.toml").read_text(encoding="utf-8")
    data = toml.loads(text)
    return tuple((p["regex"], p["kind"], bool(p.get("strong"))) for p in data["patterns"])


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern, str, bool], ...]:
    return tuple((re.compile(regex), kind, strong) for regex, kind, strong in _sources())


@functools.lru_cache(maxsize=2)
def _combined(strong_only: bool) -> Optional[tuple[re.Pattern, dict[str, str]]]:
    """The patterns as one alternation, tried in order by one ``match`` call instead of ten.

    The first alternative that matches wins, as in the loop it replaces; None when the patterns
    cannot be combined (inline flags), and the loop is used.
    """
    chosen = [(regex, kind) for regex, kind, strong in _sources() if strong or not strong_only]
    kinds = {f"c{index}": kind for index, (_, kind) in enumerate(chosen)}
    try:
        return re.compile("|".join(f"(?P<c{i}>{regex})" for i, (regex, _) in enumerate(chosen))), kinds
    except re.error:
        return None


def chrome_kind(text: str, strong_only: bool = False) -> Optional[str]:
    """The kind of chrome this line is (``web``, ``page-mark``, ``debris``) or None."""
    stripped = text.strip()
    if not stripped or len(stripped) > 200:
        return None
    combined = _combined(strong_only)
    if combined is not None:
        match = combined[0].match(stripped)
        return combined[1][match.lastgroup] if match else None
    for pattern, kind, strong in _patterns():
        if strong_only and not strong:
            continue
        if pattern.match(stripped):
            return kind
    return None
