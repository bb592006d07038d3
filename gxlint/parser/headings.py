"""Heading recognition: ``一、`` (level 1), ``（一）`` (level 2), ``1.`` (level 3), Markdown ``#``.

A line that looks like a heading is not always one: table 三's row labels ``一、本年新收…`` and
``四、结转下年度继续办理`` have the same shape. Those are excluded by name here, and table regions
are excluded by the parser; a long line that starts with ``（一）`` and goes on into sentences is a
paragraph with a run-in heading, not a heading.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import regexes
from ..normalize import label_key
from ..records import FrozenRecord

CHINESE_NUMERALS = "一二三四五六七八九十"
_LEVEL1 = regexes.compile(r"^\s*(?:#{1,6}\s*)?(?P<num>[一二三四五六七八九十]{1,3})\s*[、.．,，]\s*(?P<title>\S.*?)\s*$")
_LEVEL2 = regexes.compile(r"^\s*(?:#{1,6}\s*)?(?P<num>[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*(?P<title>\S.*?)\s*$")
_LEVEL3 = regexes.compile(r"^\s*(?:#{1,6}\s*)?(?P<num>\d{1,2})\s*[.．、]\s*(?P<title>\S.*?)\s*$")
# What every heading pattern here can start with after spaces: a cheap first test.
_MAY_BE_HEADING = regexes.compile(r"\s*[#一二三四五六七八九十（(\d]")
_MARKDOWN = regexes.compile(r"^\s*(?P<hashes>#{1,6})\s+(?P<title>\S.*?)\s*#*\s*$")

MAX_TITLE = 40


@dataclass(init=False, repr=False, eq=False)
class HeadingShape(FrozenRecord):
    """What a heading line says: its level, numeral as written, title and the numeral's value."""

    level: int
    numeral: str
    title: str
    value: Optional[int]  # the numeral's value (一 → 1, （三） → 3, 2. → 2)

    def __init__(self, level: int, numeral: str, title: str, value: Optional[int]) -> None:
        fields = self.__dict__
        fields["level"] = level
        fields["numeral"] = numeral
        fields["title"] = title
        fields["value"] = value


@functools.lru_cache(maxsize=1024)  # rules ask for the same few numerals (一, （二）, 3.) again and again
def numeral_value(text: str) -> Optional[int]:
    digits = re.sub(r"[^一二三四五六七八九十\d]", "", text)
    if not digits:
        return None
    if digits.isdigit():
        return int(digits)
    if digits == "十":
        return 10
    if digits.startswith("十"):
        return 10 + CHINESE_NUMERALS.index(digits[1]) + 1
    if digits.endswith("十"):
        return (CHINESE_NUMERALS.index(digits[0]) + 1) * 10
    if len(digits) == 3 and digits[1] == "十":
        return (CHINESE_NUMERALS.index(digits[0]) + 1) * 10 + CHINESE_NUMERALS.index(digits[2]) + 1
    if len(digits) == 1:
        return CHINESE_NUMERALS.index(digits) + 1
    return None


def _is_heading_title(title: str, allow_sentence: bool = False) -> bool:
    if len(title) > MAX_TITLE:
        return False
    body = title.rstrip("。.：:")
    if not allow_sentence and re.search(r"[。；;]", body):
        return False
    return True


def heading_shape(text: str, table_labels: frozenset[str] = frozenset()) -> Optional[HeadingShape]:
    """The heading this line is, if any. ``table_labels`` are label keys that are never headings."""
    if not _MAY_BE_HEADING.match(text):  # most lines are prose: skip the four patterns and label keys
        return None
    return _shape(text, table_labels)


@functools.lru_cache(maxsize=4096)  # the parser asks once for the outline and again for each section's body
def _shape(text: str, table_labels: frozenset[str]) -> Optional[HeadingShape]:
    shape = _written_shape(text)
    # Only a line shaped like a heading needs its label key: long prose lines never pay for one.
    if shape is not None and table_labels and _is_table_label(text, table_labels):
        return None
    return shape


def _written_shape(text: str) -> Optional[HeadingShape]:
    for level, pattern in ((1, _LEVEL1), (2, _LEVEL2), (3, _LEVEL3)):
        match = pattern.match(text)
        if match and _is_heading_title(match.group("title")):
            if level == 3 and re.match(r"^\d+(\.\d+)?\s*[%万亿元件条个项]", match.group("title")):
                return None  # "1.5万元…" is a number, not a numbered heading
            numeral = match.group("num")
            return HeadingShape(level, re.sub(r"\s+", "", numeral), match.group("title"), numeral_value(numeral))
    markdown = _MARKDOWN.match(text)
    if markdown:
        return HeadingShape(min(len(markdown.group("hashes")), 3), "", markdown.group("title"), None)
    return None


def _is_table_label(text: str, table_labels: frozenset[str]) -> bool:
    key = label_key(text.split("|")[0])
    return key.startswith(_prefixes(table_labels))


@functools.lru_cache(maxsize=16)
def _prefixes(labels: frozenset[str]) -> tuple[str, ...]:
    return tuple(labels)
