"""Checks that a class built on ``gxlint.records.Record``/``FrozenRecord`` (a dataclass with its
``__init__`` written out) behaves exactly as the plain ``@dataclass`` of the same fields would."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from typing import Any, Mapping, Optional

import pytest


def reference(cls: type, frozen: bool) -> type:
    """The class as plain ``@dataclass`` would make it from the same fields and field flags."""
    specs = []
    for f in dataclasses.fields(cls):
        flags = {"compare": f.compare, "hash": f.hash, "repr": f.repr}
        if f.default is not dataclasses.MISSING:
            specs.append((f.name, f.type, dataclasses.field(default=f.default, **flags)))
        elif f.default_factory is not dataclasses.MISSING:
            specs.append((f.name, f.type, dataclasses.field(default_factory=f.default_factory, **flags)))
        else:
            specs.append((f.name, f.type, dataclasses.field(**flags)))
    return dataclasses.make_dataclass(cls.__qualname__, specs, frozen=frozen)


def required(cls: type, samples: Optional[Mapping[str, Any]] = None) -> dict:
    """A value for each field without a default: from ``samples``, else a string naming it."""
    return {
        f.name: samples[f.name] if samples is not None else f"{f.name}-value"
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


def assert_init_takes_the_fields(cls: type) -> None:
    """``__init__`` takes the fields in order, with the fields' defaults."""
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, f in zip(parameters, fields):
        if f.default is not dataclasses.MISSING:
            assert parameter.default == f.default
        elif f.default_factory is dataclasses.MISSING:
            assert parameter.default is inspect.Parameter.empty


def assert_behaves_as_dataclass(cls: type, args: dict, frozen: bool, *, more_attributes: bool = False) -> None:
    """Instances made with ``args`` hold, show, compare, hash, copy, pickle and refuse changes as
    the plain dataclass's do. ``more_attributes``: an instance may hold attributes besides its
    fields (values made when first read)."""
    ref = reference(cls, frozen)
    mine, theirs, again = cls(**args), ref(**args), cls(**args)
    if more_attributes:
        assert {k: v for k, v in vars(mine).items() if k in vars(theirs)} == vars(theirs)
    else:
        assert list(vars(mine)) == list(vars(theirs))  # the same order too: some write vars() out
        assert vars(mine) == vars(theirs)
    assert repr(mine) == repr(theirs)
    assert mine == again and not (mine != again) and mine != theirs and mine != 5
    assert (ref.__hash__ is None) == (cls.__hash__ is None)
    fields = dataclasses.fields(cls)
    for f in fields:
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(mine, f.name) == f.default_factory()
            assert getattr(mine, f.name) is not getattr(again, f.name)
    assert cls(*[getattr(mine, f.name) for f in fields]) == mine
    first = fields[0].name
    changed = dataclasses.replace(mine, **{first: "other"})
    assert changed != mine and dataclasses.replace(mine) == mine
    assert pickle.loads(pickle.dumps(mine)) == mine
    if frozen:
        assert hash(mine) == hash(theirs) == hash(again)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, first, "other")
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(mine, first)
    else:
        setattr(mine, first, "other")
        assert mine == changed
