"""Helpers for tests of rules and plugins: lint or parse a report given as a string."""

from __future__ import annotations

from typing import Optional, Sequence

from .config import Settings
from .diagnostics import Diagnostic
from .engine import Linter
from .model import Report
from .plugins import load
from .readers import read_bytes


def parse_text(text: str, path: str = "report.txt", template: str = "auto") -> Report:
    """Parse ``text`` as if it were the content of ``path`` (the suffix picks the reader)."""
    from .parser import parse

    return parse(read_bytes(text.encode("utf-8"), path), template)


def lint_text(
    text: str,
    select: Optional[Sequence[str]] = None,
    path: str = "report.txt",
    settings: Optional[Settings] = None,
) -> list[Diagnostic]:
    """Run the installed rules (or only ``select``) over ``text`` and return the diagnostics."""
    settings = settings or Settings()
    if select is not None:
        settings.select = list(select)
    return Linter(settings, load()).lint_bytes(text.encode("utf-8"), path).diagnostics


def lint_bytes(data: bytes, select: Optional[Sequence[str]] = None, path: str = "report.txt") -> list[Diagnostic]:
    settings = Settings()
    if select is not None:
        settings.select = list(select)
    return Linter(settings, load()).lint_bytes(data, path).diagnostics
