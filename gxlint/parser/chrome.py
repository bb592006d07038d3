"""Recognise page chrome: navigation, metadata panels, share/print links and page marks."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Optional

from .._toml import toml


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern, str, bool], ...]:
    text = resources.files("gxlint.data").joinpath("chrome.toml").read_text(encoding="utf-8")
    data = toml.loads(text)
    return tuple((re.compile(p["regex"]), p["kind"], bool(p.get("strong"))) for p in data["patterns"])


def chrome_kind(text: str, strong_only: bool = False) -> Optional[str]:
    """The kind of chrome this line is (``web``, ``page-mark``, ``debris``) or None."""
    stripped = text.strip()
    if not stripped or len(stripped) > 200:
        return None
    for pattern, kind, strong in _patterns():
        if strong_only and not strong:
            continue
        if pattern.match(stripped):
            return kind
    return None
