"""Helpers shared by the GX3/GX6 rule tests: where a value is in a text, and what a rule finds."""

from __future__ import annotations

from gxlint.testing import lint_text


def where(text: str, value: str, after: str = "") -> tuple[int, int]:
    """1-based (line, column) of the first ``value`` in ``text`` (after ``after`` when given)."""
    index = text.index(value, text.index(after) if after else 0)
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def found(text: str, code: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of every finding of ``code``."""
    return [(d.line, d.column, d.message) for d in lint_text(text, select=[code])]


def graded(text: str, code: str) -> list[tuple[int, int, str, str]]:
    """(line, column, severity, message) of every finding of ``code``."""
    return [(d.line, d.column, d.severity.value, d.message) for d in lint_text(text, select=[code])]


def check_docstring_examples(rules) -> None:
    """Every rule has Bad and Good examples; Bad gives its code, Good gives nothing."""
    for rule in rules:
        examples = rule.examples()
        assert examples["bad"] and examples["good"], rule.code
        for bad in examples["bad"]:
            assert rule.code in [d.code for d in lint_text(bad + "\n", select=[rule.code])], rule.code
        for good in examples["good"]:
            assert lint_text(good + "\n", select=[rule.code]) == [], rule.code
