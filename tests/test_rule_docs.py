"""Every registered rule documents itself, and its docstring's Bad::/Good:: examples do what they say.

Like pycodestyle's ``Okay:`` lines: the documentation printed by ``gxlint rule CODE`` is tested, so
it cannot drift from what the rule does. Each Bad:: block, linted with only that rule selected,
must produce at least one finding of the rule's code with a Chinese message; each Good:: block
must produce none. An example written as a parenthesised description (``(an empty file)``) is
prose for readers, not a runnable report.
"""

from __future__ import annotations

import re

import pytest

from gxlint.normalize import has_cjk
from gxlint.plugins import load
from gxlint.testing import lint_text

REGISTRY = load()
ALL_RULES = sorted(REGISTRY.rules.values(), key=lambda rule: rule.code)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _runnable(blocks: list[str]) -> list[str]:
    return [text for text in blocks if not (text.startswith(("(", "（")) and text.endswith((")", "）")))]


def _examples(rule) -> dict[str, list[str]]:
    return {kind: _runnable(blocks) for kind, blocks in rule.examples().items()}


def _cross_report(rule) -> bool:
    return hasattr(rule, "check_related")


# The engine's own codes (GX0) are emitted about files, plugins and other codes' suppressions, not
# by a check of one report with only that code selected; their docstrings are checked for metadata.
RUNNABLE = [rule for rule in ALL_RULES if not rule.code.startswith("GX0") and any(_examples(rule).values())]
WITHOUT_EXAMPLES = [rule for rule in ALL_RULES if rule not in RUNNABLE]


def _describe(rule) -> str:
    return f"{rule.code} {rule.name} (plugin {rule.plugin!r}, {rule.__module__}.{rule.__qualname__})"


def _show(diagnostics) -> str:
    return "\n".join(f"    {d.line}:{d.column}: {d.code} {d.message}" for d in diagnostics) or "    (none)"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_rule_metadata_is_complete(rule):
    assert SLUG.match(rule.name), f"{_describe(rule)}: the name must be a lowercase slug saying what is wrong"
    assert rule.summary(), f"{_describe(rule)}: the docstring needs a summary line"
    assert len(rule.doc().splitlines()) >= 3, f"{_describe(rule)}: the docstring must say why the finding matters"


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda rule: rule.code)
def test_bad_examples_are_flagged(rule):
    examples = _examples(rule)
    assert examples["bad"], f"{_describe(rule)}: the docstring has Good:: examples but no Bad:: example"
    for number, text in enumerate(examples["bad"], 1):
        found = lint_text(text, select=[rule.code])
        own = [d for d in found if d.code == rule.code]
        assert own, (
            f"{_describe(rule)}: Bad:: example #{number} produced no {rule.code} finding.\n"
            f"  example:\n{_indent(text)}\n  findings with --select {rule.code}:\n{_show(found)}"
        )
        for diagnostic in own:
            assert has_cjk(diagnostic.message), (
                f"{_describe(rule)}: Bad:: example #{number}: the message must be Chinese, got {diagnostic.message!r}"
            )


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda rule: rule.code)
def test_good_examples_are_not_flagged(rule):
    examples = _examples(rule)
    assert examples["good"], f"{_describe(rule)}: the docstring has Bad:: examples but no Good:: example"
    for number, text in enumerate(examples["good"], 1):
        found = [d for d in lint_text(text, select=[rule.code]) if d.code == rule.code]
        assert not found, (
            f"{_describe(rule)}: Good:: example #{number} was flagged.\n"
            f"  example:\n{_indent(text)}\n  findings:\n{_show(found)}"
        )


@pytest.mark.parametrize("rule", WITHOUT_EXAMPLES, ids=lambda rule: rule.code)
def test_rules_without_runnable_examples_are_engine_or_cross_report_rules(rule):
    # The engine's own codes (a file that cannot be read, a plugin that fails) and rules that compare
    # several reports cannot be shown by one report text; everything else must be.
    assert rule.code.startswith("GX0") or _cross_report(rule), (
        f"{_describe(rule)}: the docstring needs runnable Bad:: and Good:: examples (indented mini reports)"
    )


def _indent(text: str) -> str:
    return "\n".join(f"    | {line}" for line in text.splitlines())
