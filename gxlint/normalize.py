"""Label normalisation: the one place that decides when two labels are "the same".

Real reports write the template's labels with full-width or half-width brackets, stray spaces and
line breaks inside cells (``商业 企业``), ``、`` for ``，`` and now and then traditional characters.
Everything that compares labels goes through :func:`label_key`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from . import regexes

_SPACE = regexes.compile(r"[\s\u3000|]+")
# After NFKC the full-width forms are ASCII; fold the remaining look-alikes.
_FOLD = {
    "、": ",",
    "，": ",",
    "；": ";",
    "“": '"',
    "”": '"',
    "「": '"',
    "」": '"',
    "‘": "'",
    "’": "'",
    "〔": "[",
    "〕": "]",
    "【": "[",
    "】": "]",
    "—": "-",
    "–": "-",
    "．": ".",
    "。": ".",
}
_LIST_NUMBER = regexes.compile(r"^(\d+)[,.]")

# A few very common traditional characters: their presence switches on full conversion.
_TRADITIONAL_HINTS = frozenset("資開請數國與為這個們會時說對過還進結辦處務報條規書銷費發區縣經濟")


# The compatibility characters Chinese text is full of (indents, punctuation), with the one
# character each decomposes to.
_COMMON_WIDE = (("\u3000", " "), ("，", ","), ("（", "("), ("）", ")"), ("：", ":"), ("；", ";"), ("\xa0", " "))


def nfkc(text: str) -> str:
    """NFKC normal form, the most common full-width forms replaced first.

    ``unicodedata.normalize`` returns at once when its quick check finds the text normal, but one
    full-width comma sends a whole Chinese paragraph through decomposition and composition
    (≈ 25 µs for a hundred characters). A full-width form (U+FF01–FF5E) decomposes to one ASCII
    character, and U+3000 and U+00A0 to a space, which neither reorders nor composes differently
    from the character it stands for, so replacing them first gives the same normal form; what is
    left is usually normal already. A substring test per form is a scan in C.
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    for wide, narrow in _COMMON_WIDE:
        if wide in text:
            text = text.replace(wide, narrow)
    return unicodedata.normalize("NFKC", text)


@functools.cache
def _traditional_hint() -> re.Pattern:
    """A class of the hint characters: one scan of the text in C, where a test per hint cost
    2–3 µs on every label even when the text is short. Compiled on first use."""
    return regexes.compile("[" + "".join(sorted(_TRADITIONAL_HINTS)) + "]")


def has_traditional_hint(text: str) -> bool:
    """Whether ``text`` holds one of the common traditional characters that switch on conversion."""
    return _traditional_hint().search(text) is not None


@functools.lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """Fold width, whitespace, punctuation variants and traditional characters for comparison."""
    key = nfkc(text)
    if has_traditional_hint(key):
        key = to_simplified(key)
    # str.translate takes its slow path on Chinese text; the marks to fold are few and
    # map to ASCII, so replacing each one present gives the same string in a fraction of the time.
    for mark, folded in _FOLD.items():
        if mark in key:
            key = key.replace(mark, folded)
    key = _SPACE.sub("", key)
    return _LIST_NUMBER.sub(r"\1.", key)


_PUNCTUATION = regexes.compile(r"[\W_]+")


@functools.lru_cache(maxsize=8192)
def words_key(text: str) -> str:
    """:func:`label_key` without any punctuation: two labels that differ only in brackets, commas,
    colons or a trailing full stop are the same wording, and template-drift rules must not say
    otherwise."""
    return _PUNCTUATION.sub("", label_key(text))


def to_simplified(text: str) -> str:
    """Traditional → simplified, imported only for documents that need it (zhconv costs ~100 ms)."""
    import zhconv

    return zhconv.convert(text, "zh-cn")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a character of U+4E00–U+9FFF.

    Comparisons instead of a ``[\u4e00-\u9fff]`` pattern: compiling a class over a CJK range costs
    1–2 ms (the compiler walks every code point), on every run; labels usually start with a
    Chinese character, so the loop mostly stops at once.
    """
    for char in text:
        if "\u4e00" <= char <= "\u9fff":
            return True
    return False


def all_cjk(text: str) -> bool:
    """Every character of ``text`` is in U+4E00–U+9FFF (true for the empty text)."""
    return all("\u4e00" <= char <= "\u9fff" for char in text)
