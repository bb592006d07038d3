"""The engine's dataclasses write out ``__init__`` and take ``repr``, ``==`` and hash from the model's
records; check that they behave as the classes ``@dataclass`` would generate from the same fields."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from gxlint.engine import FileResult
from gxlint.formatting.base import OutputContext
from gxlint.plugins import FormatSpec, PluginFailure, ReaderSpec, Registry
from gxlint.region import AreaCode, RegionTable
from gxlint.rule import RuleContext
from gxlint.suppressions import Directive
from gxlint.templates import SectionSpec, Table2Block, Template, get_template

FROZEN = {ReaderSpec, FormatSpec, PluginFailure, AreaCode, SectionSpec, Table2Block, Template}
MUTABLE = {FileResult, OutputContext, Registry, RegionTable, RuleContext, Directive}


def sample(cls) -> dict:
    """Values for the fields without a default: distinct, hashable where the class is frozen."""
    return {
        f.name: (index, f.name) if cls in FROZEN else [index, f.name]
        for index, f in enumerate(dataclasses.fields(cls))
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


def reference(cls):
    """The class as plain ``@dataclass`` would make it from the same fields."""
    specs = []
    for f in dataclasses.fields(cls):
        options = {"compare": f.compare, "hash": f.hash, "repr": f.repr}
        if f.default is not dataclasses.MISSING:
            options["default"] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            options["default_factory"] = f.default_factory
        specs.append((f.name, f.type, dataclasses.field(**options)))
    return dataclasses.make_dataclass(cls.__qualname__, specs, frozen=cls in FROZEN)


@pytest.mark.parametrize("cls", sorted(FROZEN | MUTABLE, key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_instances_behave_as_generated_dataclasses(cls):
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in dataclasses.fields(cls)]
    for parameter, f in zip(parameters, dataclasses.fields(cls)):
        if f.default is not dataclasses.MISSING:
            assert parameter.default == f.default
        elif f.default_factory is dataclasses.MISSING:
            assert parameter.default is inspect.Parameter.empty
    ref = reference(cls)
    args = sample(cls)
    mine, theirs, again = cls(**args), ref(**args), cls(**args)
    assert vars(mine) == vars(theirs) and list(vars(mine)) == list(vars(theirs))
    assert repr(mine) == repr(theirs)
    assert mine == again and not (mine != again) and mine != theirs and mine != 5
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(mine, f.name) is not getattr(again, f.name)
    assert dataclasses.replace(mine) == mine
    if cls in FROZEN:
        assert hash(mine) == hash(theirs) == hash(again)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, dataclasses.fields(cls)[0].name, "other")
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(mine, dataclasses.fields(cls)[0].name)
    else:
        assert cls.__hash__ is None


def test_a_template_compares_and_hashes_without_its_extra_table():
    template = get_template("gov-2021")
    other = dataclasses.replace(template, extra={"note": 1})
    assert other == template and hash(other) == hash(template)
    assert dataclasses.replace(template, name="x") != template
