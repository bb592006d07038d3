"""The rule pack's value classes write out what ``@dataclass`` would generate; check that they agree."""

from __future__ import annotations

import pytest
from gxlint_rules import _contacts, _phones, _table_drift, _text, confusables, duplication

from tests.records_support import (
    assert_behaves_as_dataclass,
    assert_init_takes_the_fields,
    required,
)

CLASSES = [
    _contacts.Found, _contacts.WebAddress, _phones.Verdict, _table_drift.Reworded, _table_drift.TableDrift,
    _text.TextUnit, confusables.Entry, confusables.Lexicon, duplication._Allowed, duplication._Repeat,
    duplication._Leads,
]
FROZEN = {_text.TextUnit, confusables.Entry, confusables.Lexicon, duplication._Allowed, duplication._Repeat, duplication._Leads}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    assert_init_takes_the_fields(cls)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_instances_behave_as_generated_dataclasses(cls):
    assert_behaves_as_dataclass(cls, required(cls, None), cls in FROZEN)


def test_leads_are_false_only_where_no_search_may_find_anything():
    assert duplication._Leads() and duplication._Leads(False, False, False, True)
    assert not duplication._Leads(False, False, False, False)
