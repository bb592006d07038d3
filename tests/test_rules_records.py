"""The rule pack's value classes write out what ``@dataclass`` would generate; check that they agree."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from gxlint_rules import _contacts, _phones, _table_drift, _text, confusables, duplication

CLASSES = [
    _contacts.Found, _contacts.WebAddress, _phones.Verdict, _table_drift.Reworded, _table_drift.TableDrift,
    _text.TextUnit, confusables.Entry, confusables.Lexicon, duplication._Allowed, duplication._Repeat,
    duplication._Leads,
]
FROZEN = {_text.TextUnit, confusables.Entry, confusables.Lexicon, duplication._Allowed, duplication._Repeat, duplication._Leads}


def reference(cls):
    """The class as plain ``@dataclass`` would make it from the same fields."""
    specs = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            specs.append((f.name, f.type, dataclasses.field(default=f.default)))
        elif f.default_factory is not dataclasses.MISSING:
            specs.append((f.name, f.type, dataclasses.field(default_factory=f.default_factory)))
        else:
            specs.append((f.name, f.type))
    return dataclasses.make_dataclass(cls.__qualname__, specs, frozen=cls in FROZEN)


def required(cls) -> dict:
    """A value for each field without a default (the ``__init__`` only stores them)."""
    return {
        f.name: f"{f.name}-value"
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, f in zip(parameters, fields):
        if f.default is not dataclasses.MISSING:
            assert parameter.default == f.default
        elif f.default_factory is dataclasses.MISSING:
            assert parameter.default is inspect.Parameter.empty


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_instances_behave_as_generated_dataclasses(cls):
    ref = reference(cls)
    args = required(cls)
    mine, theirs, again = cls(**args), ref(**args), cls(**args)
    assert vars(mine) == vars(theirs)
    assert repr(mine) == repr(theirs)
    assert mine == again and not (mine != again) and mine != theirs and mine != 5
    assert (ref.__hash__ is None) == (cls.__hash__ is None)
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(mine, f.name) == [] and getattr(mine, f.name) is not getattr(again, f.name)
    positional = cls(*[getattr(theirs, f.name) for f in dataclasses.fields(cls)])
    assert positional == mine
    changed = dataclasses.replace(mine, **{dataclasses.fields(cls)[0].name: "other"})
    assert changed != mine and dataclasses.replace(mine) == mine
    if cls in FROZEN:
        assert hash(mine) == hash(theirs) == hash(again)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, dataclasses.fields(cls)[0].name, "other")
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(mine, dataclasses.fields(cls)[0].name)
    else:
        setattr(mine, dataclasses.fields(cls)[0].name, "other")
        assert mine == changed


def test_leads_are_false_only_where_no_search_may_find_anything():
    assert duplication._Leads() and duplication._Leads(False, False, False, True)
    assert not duplication._Leads(False, False, False, False)
