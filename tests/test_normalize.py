"""Normalisation: NFKC as ``unicodedata`` computes it, and the traditional-character hint as a plain
"any of these characters" test."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.normalize import _COMMON_WIDE, _TRADITIONAL_HINTS, has_traditional_hint, label_key, nfkc

# Full-width forms, the spaces NFKC folds, combining marks and characters they compose with.
NFKC_ALPHABET = [chr(c) for c in range(0xFF01, 0xFF5F)] + list(
    "\u3000\xa0ae\u0301\u0308\u0327\u0338\u3099かｶﾞ中①…Å\u212bﬁ 1(<=，（）："
)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=NFKC_ALPHABET, max_size=10))
def test_nfkc_is_unicodedata_nfkc(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_each_common_form_is_replaced_by_its_decomposition():
    for wide, narrow in _COMMON_WIDE:
        assert unicodedata.normalize("NFKD", wide) == narrow


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="".join(sorted(_TRADITIONAL_HINTS)) + "政府信息公开申请，、 1（一）", max_size=12))
def test_traditional_hint_is_any_hint_character(text):
    assert has_traditional_hint(text) == any(hint in text for hint in _TRADITIONAL_HINTS)


def test_traditional_labels_key_as_simplified():
    assert label_key("政府信息公開") == label_key("政府信息公开")
