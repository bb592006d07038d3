"""Diagnostics and configuration classes write out what ``@dataclass`` would generate; check that
they still agree (the same pattern as tests/test_parser_model.py)."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from gxlint.config import ConfigFile, Resolved, Settings
from gxlint.diagnostics import SORT_KEY, Diagnostic, Edit, Fix, Severity

CLASSES = [Edit, Fix, Diagnostic, Settings, ConfigFile, Resolved]
FROZEN = {Edit, Fix, Diagnostic}

SAMPLE_VALUES = {
    "line": 3, "column": 4, "end_line": 3, "end_column": 6, "text": "《", "description": "补全书名号",
    "edits": (Edit(3, 4, 3, 4, "《"),), "code": "GX201", "name": "table-sum", "severity": Severity.ERROR,
    "message": "合计不符", "path": "r.txt", "settings": Settings(),
}


def reference(cls):
    """The class as plain ``@dataclass`` would make it from the same fields and flags."""
    specs = []
    for f in dataclasses.fields(cls):
        flags = {"compare": f.compare, "hash": f.hash, "repr": f.repr}
        if f.default is not dataclasses.MISSING:
            specs.append((f.name, f.type, dataclasses.field(default=f.default, **flags)))
        elif f.default_factory is not dataclasses.MISSING:
            specs.append((f.name, f.type, dataclasses.field(default_factory=f.default_factory, **flags)))
        else:
            specs.append((f.name, f.type, dataclasses.field(**flags)))
    return dataclasses.make_dataclass(cls.__qualname__, specs, frozen=cls in FROZEN)


def required(cls) -> dict:
    return {
        f.name: SAMPLE_VALUES[f.name]
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
    assert list(vars(mine)) == list(vars(theirs))  # the same order: to_dict writes vars(edit) out
    assert vars(mine) == vars(theirs)
    assert repr(mine) == repr(theirs)
    assert mine == again and not (mine != again) and mine != theirs and mine != 5
    assert (ref.__hash__ is None) == (cls.__hash__ is None)
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(mine, f.name) == f.default_factory()
            assert getattr(mine, f.name) is not getattr(again, f.name)
    first = dataclasses.fields(cls)[0].name
    changed = dataclasses.replace(mine, **{first: "other"})
    assert changed != mine and dataclasses.replace(mine) == mine
    assert pickle.loads(pickle.dumps(mine)) == mine
    if cls in FROZEN:
        assert hash(mine) == hash(theirs) == hash(again)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, first, "other")
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(mine, first)
    else:
        setattr(mine, first, "other")
        assert mine == changed


def test_explicit_values_are_kept_as_given():
    """A value passed for a field with a default factory is used as is, ``None`` included."""
    assert Diagnostic("GX201", "n", Severity.INFO, "m", extra=None).extra is None
    extra = {"k": 1}
    assert Diagnostic("GX201", "n", Severity.INFO, "m", extra=extra).extra is extra
    listed = ["GX2"]
    assert Settings(select=listed).select is listed and Settings(exclude=None).exclude is None
    assert ConfigFile("a.toml", None).values is None
    assert Resolved(Settings(), None, None).code_uses is None


def test_extra_is_neither_compared_nor_hashed():
    plain = Diagnostic("GX201", "n", Severity.INFO, "m", 3, 4)
    tagged = Diagnostic("GX201", "n", Severity.INFO, "m", 3, 4, extra={"k": 1})
    assert plain == tagged and hash(plain) == hash(tagged)
    assert plain != Diagnostic("GX201", "n", Severity.INFO, "m", 3, 5)


def test_sort_key_in_c_matches_the_method():
    d = Diagnostic("GX201", "n", Severity.INFO, "m", 3, 4, path="a.txt")
    assert SORT_KEY(d) == d.sort_key() == ("a.txt", 3, 4, "GX201", "m")
