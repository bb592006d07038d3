"""Helpers for the language-rule tests (GX5): lint a text with options, apply the rules' fixes."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from gxlint import fixes
from gxlint.config import Settings
from gxlint.diagnostics import Diagnostic
from gxlint.engine import Linter
from gxlint.plugins import load

HEAD = "一、总体情况\n"
TAIL = "\n二、主动公开政府信息情况\n"


def lint(text: str, select: Sequence[str], options: Optional[dict] = None) -> list[Diagnostic]:
    """Lint ``text`` with only ``select``; ``options`` maps a code to its rule options."""
    settings = Settings()
    settings.select = list(select)
    settings.rules = dict(options or {})
    return Linter(settings, load()).lint_bytes(text.encode("utf-8"), "report.txt").diagnostics


def prose(*paragraphs: str) -> str:
    """A mini report whose section 一 holds ``paragraphs``, one per line (line 2 onwards)."""
    return HEAD + "\n".join(paragraphs) + TAIL


def where(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in diagnostics]


def fixed(tmp_path: Path, text: str, select: Sequence[str], unsafe: bool = False, name: str = "report.txt") -> str:
    """``text`` saved as ``name``, after ``gxlint --fix`` (``--unsafe-fixes`` when ``unsafe``)."""
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    settings = Settings()
    settings.select = list(select)
    result = Linter(settings, load()).lint_path(str(target))
    outcome = fixes.apply([result], unsafe=unsafe, write=True)
    assert not outcome.errors, outcome.errors
    return target.read_text(encoding="utf-8")
