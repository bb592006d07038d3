"""Label keys: the traditional-character hint is a plain "any of these characters" test."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.normalize import _TRADITIONAL_HINTS, has_traditional_hint, label_key


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="".join(sorted(_TRADITIONAL_HINTS)) + "政府信息公开申请，、 1（一）", max_size=12))
def test_traditional_hint_is_any_hint_character(text):
    assert has_traditional_hint(text) == any(hint in text for hint in _TRADITIONAL_HINTS)


def test_traditional_labels_key_as_simplified():
    assert label_key("政府信息公開") == label_key("政府信息公开")
