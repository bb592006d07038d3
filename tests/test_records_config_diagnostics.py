"""Diagnostics and configuration classes write out what ``@dataclass`` would generate; check that
they still agree (the same pattern as tests/test_parser_model.py)."""

from __future__ import annotations

import pytest

from gxlint.config import ConfigFile, Resolved, Settings
from gxlint.diagnostics import SORT_KEY, Diagnostic, Edit, Fix, Severity
from tests.records_support import (
    assert_behaves_as_dataclass,
    assert_init_takes_the_fields,
    required,
)

CLASSES = [Edit, Fix, Diagnostic, Settings, ConfigFile, Resolved]
FROZEN = {Edit, Fix, Diagnostic}

SAMPLE_VALUES = {
    "line": 3, "column": 4, "end_line": 3, "end_column": 6, "text": "《", "description": "补全书名号",
    "edits": (Edit(3, 4, 3, 4, "《"),), "code": "GX201", "name": "table-sum", "severity": Severity.ERROR,
    "message": "合计不符", "path": "r.txt", "settings": Settings(),
}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    assert_init_takes_the_fields(cls)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_instances_behave_as_generated_dataclasses(cls):
    assert_behaves_as_dataclass(cls, required(cls, SAMPLE_VALUES), cls in FROZEN)


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
