"""The Bad:: and Good:: examples in the docstrings of the GX2 rules do what they say."""

from __future__ import annotations

import pytest
from gxlint_rules import (
    prose_numbers,
    prose_tables,
    table3,
    table4,
    table_across_years,
    table_cells,
)

from gxlint.testing import lint_text

RULES = [rule for module in (table3, table4, table_cells, prose_numbers, prose_tables) for rule in module.RULES]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_bad_example_is_flagged_and_good_example_is_not(rule):
    examples = rule.examples()
    assert examples["bad"] and examples["good"], rule.code
    for text in examples["bad"]:
        assert rule.code in {d.code for d in lint_text(text, select=[rule.code])}, text
    for text in examples["good"]:
        assert lint_text(text, select=[rule.code]) == [], text


@pytest.mark.parametrize("rule", table_across_years.RULES, ids=lambda rule: rule.code)
def test_cross_report_rules_explain_themselves_in_prose(rule):
    # One text cannot show a two-report finding; the docstring describes the pair instead and the
    # behaviour is tested in test_rules_tables_across_years.py.
    assert rule.examples() == {"bad": [], "good": []}
    assert "示例（两份报告一起检查）" in rule.doc()
