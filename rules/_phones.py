"""Judging one Chinese phone number with ``phonenumbers``: valid or not, which kind, and why not.

``phonenumbers`` is imported here, inside the functions, so that a report without any phone
number never pays for it; its geocoder is never imported (see ``gxlint.region.area_codes``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from gxlint import regexes
from gxlint.records import Record
from gxlint.region import area_codes
from gxlint.stored import StoredTable, file_stamp, remembered

LANDLINE = "landline"
MOBILE = "mobile"
SERVICE = "service"
TOLL_FREE = "toll-free"


# ``__init__`` written out, ``repr`` and ``==`` from ``gxlint.records``: ``@dataclass`` would
# compile them anew at every import.
@dataclass(init=False, repr=False, eq=False)
class Verdict(Record):
    kind: str
    national: str  # digits with the trunk 0 for landlines: "051086868123"
    valid: bool
    area_code: str = ""  # "0510" for a valid landline
    problem: str = ""  # why it is invalid, in Chinese
    joined: bool = False  # area code and number written with nothing between them

    def __init__(
        self,
        kind: str,
        national: str,
        valid: bool,
        area_code: str = "",
        problem: str = "",
        joined: bool = False,
    ) -> None:
        self.kind = kind
        self.national = national
        self.valid = valid
        self.area_code = area_code
        self.problem = problem
        self.joined = joined


# The questions put to ``phonenumbers`` depend on the digits alone, and the same numbers come back:
# a report repeats its own, a bad one is asked about with each digit dropped or added, a linted
# folder shares its agencies' hotlines, and the report edited before a commit keeps its numbers.
# Importing ``phonenumbers`` and parsing are the costly part (≈ 50 ms of a one-file run), so each
# answer is kept, in this run and the next ones, for as long as the same ``phonenumbers`` and
# this module are installed.


def _answers_stamp() -> Optional[tuple]:
    """The files the answers depend on, found without importing ``phonenumbers``."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("phonenumbers")
    if spec is None or not spec.origin:
        return None
    package = os.path.dirname(spec.origin)
    return file_stamp(spec.origin, os.path.join(package, "data", "region_CN.py"),
                      os.path.join(package, "shortdata", "region_CN.py"), os.path.abspath(__file__))


_ANSWERS = StoredTable("phone-answers", _answers_stamp())


@remembered(_ANSWERS, "valid")
def _is_valid(national: str) -> bool:
    import phonenumbers

    if _cannot_be_valid(national):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(national, "CN"))
    except phonenumbers.NumberParseException:
        return False


# Most numbers asked about are not valid: a report's own slips, and above all the numbers one
# digit longer or shorter that ``_slip`` tries. ``phonenumbers.parse`` reads a string of ASCII
# digits for CN as that string or as the string without its national prefix (``0``, or a five-digit
# carrier code), and ``is_valid_number`` accepts the reading only if it has the length and form of
# CN's general description and of one kind of number. No reading of either kind → invalid, without
# parsing. Strings it would read as dialled from abroad (an IDD prefix, a leading 86) are left to it.

_KINDS = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail", "fixed_line")


@lru_cache(maxsize=1)
def _cn_metadata() -> tuple[re.Pattern, re.Pattern, str, tuple, tuple]:
    """(IDD prefix, national prefix, country code, general description, kinds of number) of CN as
    ``phonenumbers`` has them; a description is (lengths, pattern)."""
    from phonenumbers import PhoneMetadata

    region = PhoneMetadata.metadata_for_region("CN")
    kinds = [getattr(region, kind) for kind in _KINDS]
    if not region.same_mobile_and_fixed_line_pattern:
        kinds.append(region.mobile)
    return (
        regexes.compile(region.international_prefix),
        regexes.compile(region.national_prefix_for_parsing),
        str(region.country_code),
        _description(region.general_desc),
        tuple(_description(desc) for desc in kinds if _description(desc) is not None),
    )


def _description(desc) -> Optional[tuple[frozenset, re.Pattern]]:
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length), regexes.compile(desc.national_number_pattern)


def _fits(reading: str, description: Optional[tuple[frozenset, re.Pattern]]) -> bool:
    if description is None:
        return False
    lengths, pattern = description
    return (not lengths or len(reading) in lengths) and pattern.fullmatch(reading) is not None


def _cannot_be_valid(national: str) -> bool:
    """True only where ``phonenumbers`` is sure to find ``national`` invalid for CN."""
    idd, prefix, country_code, general, kinds = _cn_metadata()
    if not (national.isascii() and national.isdigit()) or national.startswith(country_code) or idd.match(national):
        return False
    found = prefix.match(national)
    readings = (national, national[found.end() :]) if found else (national,)
    return not any(_fits(r, general) and any(_fits(r, kind) for kind in kinds) for r in readings)


@remembered(_ANSWERS, "area code length")
def _area_length(national: str) -> int:
    import phonenumbers

    return phonenumbers.length_of_geographical_area_code(phonenumbers.parse(national, "CN"))


@remembered(_ANSWERS, "service")
def is_service_number(digits: str) -> bool:
    import phonenumbers
    from phonenumbers import shortnumberinfo

    try:
        number = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return False
    return shortnumberinfo.is_valid_short_number_for_region(number, "CN")


# Compiled on first use and kept, rather than looked up in ``re``'s cache at every number judged.
_NON_DIGIT = regexes.lazy(r"\D")
_DIGIT_RUN = regexes.lazy(r"\d+")
_EXTENSION_TAIL = regexes.lazy(r"(?:-|\()\s*\d{1,4}\s*\)?\s*$")
_GAP = regexes.lazy(r"\s+")


def national_digits(written: str) -> str:
    """The national form: ``+86 510 8686 8123`` → 051086868123, ``0736-7312309`` → 07367312309."""
    digits = _NON_DIGIT.sub("", written)
    international = written.lstrip().startswith("+") or digits.startswith("0086")
    if international:
        digits = digits[4:] if digits.startswith("0086") else digits
        digits = digits[2:] if digits.startswith("86") else digits
        if not (digits.startswith("1") and len(digits) == 11) and not digits.startswith("0"):
            digits = "0" + digits
    return digits


def judge(written: str, area_hint: str = "", listed: bool = False) -> Optional[Verdict]:
    """The verdict on ``written``, or None when it cannot be judged (a bare local number with no
    known area code, a short number that is not a service number).

    ``area_hint`` is the area code a bare local number is read with; ``listed`` says it comes from
    a number listed just before (``0736-7312309、731230``), where a too-short number is a slip.
    """
    digits = national_digits(written)
    if len(digits) <= 6:
        if is_service_number(digits):
            return Verdict(SERVICE, digits, True)
        if not (listed and area_hint and len(digits) >= 5 and digits[0] in "23456789"):
            return None
    if digits[0] in "23456789" and len(digits) in (5, 6, 7, 8) and not digits.startswith(("400", "800")):
        if not area_hint:
            return None
        verdict = judge(area_hint + digits)
        if verdict is not None:
            verdict.joined = False
        if verdict is not None and not verdict.valid:
            verdict.problem = f"按区号 {area_hint} 计，{verdict.problem}"
        return verdict
    if digits.startswith(("400", "800")):
        kind = TOLL_FREE
    elif digits.startswith("1"):
        kind = MOBILE
    else:
        kind = LANDLINE
        if not digits.startswith("0"):
            digits = "0" + digits
    if not _is_valid(digits):
        split = _split_run(written, area_hint)
        if split is not None:
            return None if split is _NOT_ONE_NUMBER else split
    if _is_valid(digits):
        verdict = Verdict(kind, digits, True)
        if kind == LANDLINE:
            verdict.area_code = digits[: 1 + _area_length(digits)]
            first_group = _DIGIT_RUN.match(written.strip())
            verdict.joined = bool(first_group) and len(first_group.group(0)) > len(verdict.area_code)
        return verdict
    return Verdict(kind, digits, False, problem=_diagnose(kind, digits))


_NOT_ONE_NUMBER = object()


def _split_run(written: str, area_hint: str):
    """An invalid digit run that is really a valid number plus an extension
    (``0736-7312309-8001``, ``0736-7312309(8001)``) → that number's verdict; two numbers separated
    by a space (``0736-7312309 7300715``) → ``_NOT_ONE_NUMBER``; anything else → None."""
    tail = _EXTENSION_TAIL.search(written)
    if tail and (written.count("-") >= 2 or "(" in tail.group(0)):
        head = judge(written[: tail.start()], area_hint)
        if head is not None and head.valid:
            return head
    text = written.strip()
    for gap in _GAP.finditer(text):
        left = judge(text[: gap.start()], area_hint)
        if left is not None and left.valid:
            right = judge(text[gap.end():], left.area_code or area_hint, listed=True)
            if right is not None and right.valid:
                return _NOT_ONE_NUMBER
    return None


def _diagnose(kind: str, digits: str) -> str:
    """Why ``digits`` is no valid number, naming a missing or extra digit when one explains it."""
    if kind == MOBILE:
        if len(digits) != 11:
            return f"手机号码应为 11 位，这里是 {len(digits)} 位{_slip(digits, 3)}"
        return f"{digits[:3]} 不是有效的手机号段"
    if kind == TOLL_FREE:
        if len(digits) != 10:
            return f"{digits[:3]} 号码应为 10 位，这里是 {len(digits)} 位{_slip(digits, 3)}"
        return f"不是有效的 {digits[:3]} 号码"
    area = _known_area(digits)
    if area is None:
        return f"{digits[:4]} 不是国内有效区号"
    local = digits[len(area.code):]
    place = area.description or area.province
    return f"区号 {area.code}（{place}）后的号码 {local} 共 {len(local)} 位，不是有效号码{_slip(digits, len(area.code))}"


def _slip(digits: str, keep: int) -> str:
    """"多了一位数字" / "少了一位数字" when dropping or adding one digit after the first ``keep``
    digits (the area code or mobile prefix) gives a valid number."""
    if any(_is_valid(digits[:i] + digits[i + 1:]) for i in range(keep, len(digits))):
        return "，多了一位数字"
    if any(_is_valid(digits[:i] + d + digits[i:]) for i in range(keep, len(digits) + 1) for d in "0123456789"):
        return "，少了一位数字"
    return ""


def _known_area(digits: str):
    table = area_codes()
    for length in (3, 4):
        if digits[:length] in table:
            return table[digits[:length]]
    return None
