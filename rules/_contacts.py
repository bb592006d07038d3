"""Finding the contact details a report gives: phone and fax numbers, postal codes, e-mail and web
addresses, each with the label it follows and its place in the paragraph.

The contact rules (``contact.py``) share this one reading of the text. Text is matched on a
width-folded copy (full-width digits, letters and punctuation mapped to ASCII one character for
one character), so offsets stay valid in the original and a full-width slip can still be told
apart by comparing the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Iterator, Optional

from gxlint import regexes
from gxlint._data import load_toml
from gxlint.model import Paragraph, Report
from gxlint.records import Record

from ._memo import per_report

_FOLD = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_FOLD.update({c: "-" for c in "－—–‐‑―−"})
_FOLD.update({"\u3000": " ", "\xa0": " "})
_FOLDABLE = regexes.compile("[" + re.escape("".join(_FOLD)) + "]")

PHONE_LABELS = (
    "联系电话|咨询电话|办公电话|受理电话|服务电话|监督电话|投诉电话|举报电话|热线电话|服务热线|咨询热线"
    "|电话号码|传真号码|传真电话|联系方式|电话|传真|手机|热线|Tel|TEL|Fax|FAX"
)
POSTAL_LABELS = "邮政编码|邮编"
MAIL_LABELS = "电子邮箱|电子信箱|电子邮件|邮箱|E-mail|e-mail|Email|email|EMAIL|E-MAIL"
_LABEL = regexes.compile(f"(?P<label>{PHONE_LABELS}|{POSTAL_LABELS}|{MAIL_LABELS}|网址|网站地址)")
_ZONE_STOP = regexes.compile(r"[。;]")
_NON_DIGIT = regexes.compile(r"\D")


@lru_cache(maxsize=2048)  # several rules fold the same paragraphs
def fold(text: str) -> str:
    """Full-width ASCII → ASCII, dashes → ``-``, odd spaces → space; same length as ``text``.

    Each character that occurs is replaced in one pass of ``str.replace``: ``str.translate`` with a
    mapping looks up (and misses) every Chinese character, which is ten times slower.
    """
    for char in set(_FOLDABLE.findall(text)):
        text = text.replace(char, _FOLD[char])
    return text


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return load_toml("gxlint.data", "contact.toml")


# The value classes write out their ``__init__`` and take ``repr`` and ``==`` from
# ``gxlint.records``: ``@dataclass`` would compile those methods anew at every import.
@dataclass(init=False, repr=False, eq=False)
class Found(Record):
    """One contact value as written, where it is, and the label it follows ("" when unlabelled)."""

    kind: str  # phone | postal | mail | url
    raw: str  # the characters of the original text
    folded: str  # the same characters width-folded
    start: int
    end: int
    label: str
    paragraph: Paragraph
    zone: int  # index of the labelled stretch it was found in (values listed together share it)
    extension: str = ""

    def __init__(
        self,
        kind: str,
        raw: str,
        folded: str,
        start: int,
        end: int,
        label: str,
        paragraph: Paragraph,
        zone: int,
        extension: str = "",
    ) -> None:
        self.kind = kind
        self.raw = raw
        self.folded = folded
        self.start = start
        self.end = end
        self.label = label
        self.paragraph = paragraph
        self.zone = zone
        self.extension = extension

    @property
    def span(self):
        return self.paragraph.span_of(self.start, self.end)

    @property
    def digits(self) -> str:
        return _NON_DIGIT.sub("", self.folded)


_LABEL_KINDS = {
    **{label: "phone" for label in PHONE_LABELS.split("|")},
    **{label: "postal" for label in POSTAL_LABELS.split("|")},
    **{label: "mail" for label in MAIL_LABELS.split("|")},
    "网址": "url",
    "网站地址": "url",
}


def _zones(folded: str) -> list[tuple[str, str, int, int]]:
    """(label, kind, start, end) for each labelled stretch: from a label to the next or to 。/；."""
    labels = list(_LABEL.finditer(folded))
    zones = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(folded)
        stop = _ZONE_STOP.search(folded, match.end(), end)
        label = match.group("label")
        zones.append((label, _LABEL_KINDS[label], match.end(), stop.start() if stop else end))
    return zones


_NO_ZONES: tuple = ()


def _zones_of_each(texts: list[str]) -> list:
    """:func:`_zones` of each of ``texts``, found with one search of them joined by newlines.

    Most paragraphs hold no label, and a search per paragraph costs more than the labels found:
    one pass over the report, each label then placed in its paragraph. No label holds a newline,
    so the labels found are those of each paragraph searched alone; offsets are the paragraph's.
    """
    found = [_NO_ZONES] * len(texts)
    joined = "\n".join(texts)
    labels = list(_LABEL.finditer(joined))
    if not labels:
        return found
    index, base, limit = 0, 0, len(texts[0])
    zones: list = []
    for number, match in enumerate(labels):
        at = match.start()
        if at > limit:
            while at > limit:
                index += 1
                base = limit + 1
                limit = base + len(texts[index])
            zones = []
        if not zones:
            found[index] = zones
        following = labels[number + 1].start() if number + 1 < len(labels) else limit
        end = following if following < limit else limit
        stop = _ZONE_STOP.search(joined, match.end(), end)
        label = match.group("label")
        zones.append((label, _LABEL_KINDS[label], match.end() - base, (stop.start() if stop else end) - base))
    return found


class _Reading:
    """One report's paragraphs, each width-folded and cut into labelled stretches once; each kind of
    contact value is found in them once per report (``per_report``) however many rules ask for it."""

    def __init__(self, report: Report) -> None:
        self.report = report
        paragraphs = list(report.paragraphs())
        texts = [fold(paragraph.text) for paragraph in paragraphs]
        self.paragraphs = list(zip(paragraphs, texts, _zones_of_each(texts))) if texts else []


_reading = per_report(_Reading)  # the contact rules run one after another on the same report


@cache
def _phone_patterns() -> tuple[re.Pattern, ...]:
    """Compiled on first use, for a report that has a phone label or a dash: what may stand between
    a label and its value, a digit run, an extension (``转8001``), a list separator (``A、B``) and
    an unlabelled landline shaped ``0xxx-xxxxxxx``."""
    return (
        regexes.compile(r"\s*(?:[:]|为|是)?\s*(?:\((?!0\d{2,3}\))\s*)?"),
        regexes.compile(r"(?<![A-Za-z0-9.@/\-])(?:\+\s*86\s*-?\s*)?\(?\d[\d\s\-()]*\d\)?(?![A-Za-z@])"),
        regexes.compile(r"\s*(?:转|分机|ext\.?|EXT\.?)\s*(?P<ext>\d{1,6})"),
        regexes.compile(r"\s*(?:[、,/]|或|和|及)\s*"),
        regexes.compile(r"(?<![A-Za-z0-9.@/\-])\(?0\d{2,3}\)?\s*-\s*\d{7,8}(?![\d@])"),
    )


@per_report
def phones(report: Report) -> list[Found]:
    """Phone and fax numbers right after a phone label (a list of them: ``电话：A、B``), and
    unlabelled landlines shaped ``0xxx-xxxxxxx``."""
    return _find_phones(_reading(report))


def _find_phones(reading: _Reading) -> list[Found]:
    report = reading.report
    found: list[Found] = []
    zone_id = 0
    for paragraph, folded, zones in reading.paragraphs:
        covered: list[tuple[int, int]] = []
        for label, kind, start, end in zones:
            zone_id += 1
            if kind != "phone":
                continue
            lead, phone_run, extension, list_separator, _ = _phone_patterns()
            position = lead.match(folded, start, end).end()
            while True:
                run = phone_run.match(folded, position, end)
                value = _trim_run(folded, run.start(), run.end()) if run else None
                if value is None:
                    break
                a, b = value
                digits = _NON_DIGIT.sub("", folded[a:b])
                if len(digits) < 3 or _may_continue(report, folded, b):
                    break
                ext = extension.match(folded, b, end)
                found.append(Found("phone", paragraph.text[a:b], folded[a:b], a, b, label, paragraph, zone_id,
                                   ext.group("ext") if ext else ""))
                covered.append((a, b))
                position = ext.end() if ext else b
                separator = list_separator.match(folded, position, end)
                if separator is None:
                    break
                position = separator.end()
        if "-" not in folded:
            continue  # a shaped landline has its dash
        for shaped in _shaped_landlines(folded):
            if not any(a <= shaped.start() < b for a, b in covered):
                zone_id += 1
                a, b = shaped.start(), shaped.end()
                found.append(Found("phone", paragraph.text[a:b], folded[a:b], a, b, "", paragraph, zone_id))
    return found


def _shaped_landlines(folded: str) -> Iterator[re.Match]:
    """What the shaped-landline pattern's ``finditer`` finds, tried only before each dash.

    A landline shaped ``0xxx-xxxxxxx`` starts in the run of digits, brackets and spaces right
    before its dash; the pattern is tried there alone, in order, instead of at every character.
    """
    pattern = _phone_patterns()[4]
    position = 0  # where the last landline ended: no earlier place is tried again
    while True:
        dash = folded.find("-", position)
        if dash < 0:
            return
        start = dash
        while start > position and (folded[start - 1] in "()" or folded[start - 1].isdigit() or folded[start - 1].isspace()):
            start -= 1
        for at in range(start, dash):
            match = pattern.match(folded, at)
            if match is not None:
                yield match
                position = match.end()
                break
        else:
            position = dash + 1


def _may_continue(report: Report, folded: str, end: int) -> bool:
    """A value that ends a PDF text line may go on in the next line: it cannot be judged alone."""
    return report.source_kind == "pdf" and not folded[end:].strip()


def at_pdf_line_break(report: Report, folded: str, start: int, end: int) -> bool:
    """A value that starts or ends a PDF text line may be the half of one split across lines."""
    joiners = " .-/@_:"
    return report.source_kind == "pdf" and (not folded[:start].strip(joiners) or not folded[end:].strip(joiners))


def _trim_run(folded: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """Drop unbalanced brackets and spaces at the ends of a digit run."""
    text = folded[start:end]
    left = len(text) - len(text.lstrip(" -"))
    right = len(text.rstrip(" -"))
    text = text[left:right]
    if text.endswith(")") and text.count("(") < text.count(")"):
        right -= 1
    if text.startswith("(") and text.count("(") > text.count(")"):
        left += 1
    if right <= left:
        return None
    return start + left, start + right


@cache
def _postal_value() -> re.Pattern:
    """Compiled on first use: only a report with a postal-code label needs it."""
    return regexes.compile(r"^\s*[:：]?\s*(?P<value>[0-9０-９OoＯ]{3,9})(?![0-9０-９])")


@per_report
def postal_codes(report: Report) -> list[Found]:
    return _find_postal_codes(_reading(report))


def _find_postal_codes(reading: _Reading) -> list[Found]:
    found = []
    zone_id = 0
    for paragraph, folded, zones in reading.paragraphs:
        for label, kind, start, end in zones:
            zone_id += 1
            if kind != "postal":
                continue
            value = _postal_value().match(folded[start:end])
            if value and not _may_continue(reading.report, folded, start + value.end("value")):
                a, b = start + value.start("value"), start + value.end("value")
                found.append(Found("postal", paragraph.text[a:b], folded[a:b], a, b, label, paragraph, zone_id))
    return found


# A dot written as a comma, a full stop or with spaces: only before a top-level word, so that
# "xx@163.com。2023年…" is an address and a sentence, not one address.
_SLIPPED_DOT = r"\s*[.,。]\s*(?:com|cn|net|org|gov|edu)(?![A-Za-z0-9@])"


@cache
def _mail_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Compiled on first use (a report may give no e-mail address): an address as written, slips
    included (spaces around @ and dots, commas for dots), and, for an e-mail stretch, an address
    that lost its @ (``hdqswj163.com``)."""
    with_at = regexes.compile(
        r"(?<![A-Za-z0-9_.@\-])(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]*)\s*@\s*"
        rf"(?P<domain>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+|{_SLIPPED_DOT})*)"
    )
    without_at = regexes.compile(
        r"(?<![A-Za-z0-9_.@/\-])(?!www\.)[A-Za-z0-9][A-Za-z0-9._\-]{2,}\.(?:com|cn|net|org)(?:\.cn)?(?![\w@/.])"
    )
    return with_at, without_at


@per_report
def mail_addresses(report: Report) -> list[tuple[Found, bool]]:
    """(address, has_at) for every address with an @, and labelled addresses without one."""
    return _find_mail_addresses(_reading(report))


def _find_mail_addresses(reading: _Reading) -> list[tuple[Found, bool]]:
    report = reading.report
    found: list[tuple[Found, bool]] = []
    zone_id = 0
    for paragraph, folded, zones in reading.paragraphs:
        if "@" in folded:
            for match in _mail_patterns()[0].finditer(folded):
                a, b = match.start(), match.end()
                if at_pdf_line_break(report, folded, a, b):
                    continue
                label = _label_before(folded, a)
                found.append((Found("mail", paragraph.text[a:b], folded[a:b], a, b, label, paragraph, -a), True))
        for label, kind, start, end in zones:
            zone_id += 1
            if kind != "mail" or "@" in folded[start:end]:
                continue
            for match in _mail_patterns()[1].finditer(folded, start, end):
                a, b = match.start(), match.end()
                if at_pdf_line_break(report, folded, a, b):
                    continue
                found.append((Found("mail", paragraph.text[a:b], folded[a:b], a, b, label, paragraph, zone_id), False))
    return found


def _label_before(folded: str, offset: int) -> str:
    labels = [m for m in _LABEL.finditer(folded, max(0, offset - 12), offset)]
    return labels[-1].group("label") if labels else ""


@cache
def _url_pattern() -> re.Pattern:
    """A web address as written: a scheme (maybe misspelt) or www., then a host that may hold
    slips. Compiled on first use: it costs over a millisecond and a report may give no address."""
    return regexes.compile(
        r"(?i)(?<![A-Za-z0-9@.])(?:(?P<scheme>[a-z]{2,6})\s*(?P<sep>[:;]{0,2}\s*[/\\]{1,3})|(?=www\s*[.,。]))"
        rf"(?P<host>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+|{_SLIPPED_DOT})+)(?P<path>[A-Za-z0-9\-._~/?=&%#:+]*)"
    )


# Every web address has a slash (after its scheme) or a www, so the pattern is only tried from
# where one may begin. Slashes are looked for as text, which is far faster than a pattern trying
# each position; a www is looked for only in text that has a w.
_WWW = regexes.compile(r"(?i:www)")
# What may stand between the start of an address and the slash after its scheme: the scheme's
# letters (as ``(?i)[a-z]`` matches them), spaces, and ``:``/``;``.
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u0130\u0131\u017f\u212a:;")


def _may_hold_url(folded: str) -> bool:
    """Cheap text tests that most paragraphs fail: no slash and no w, no address."""
    return "/" in folded or "\\" in folded or "w" in folded or "W" in folded


_WWW_FORMS = frozenset({"www", "wwW", "wWw", "wWW", "Www", "WwW", "WWw", "WWW"})  # (?i:www): no other letter folds to w


def _next_anchor(folded: str, position: int) -> int:
    """The first slash, backslash or www at or after ``position``; -1 when there is none."""
    found = -1
    for at in (folded.find("/", position), folded.find("\\", position), _next_www(folded, position)):
        if at >= 0 and (found < 0 or at < found):
            found = at
    return found


def _next_www(folded: str, position: int) -> int:
    while True:
        lower, upper = folded.find("w", position), folded.find("W", position)
        at = upper if lower < 0 or 0 <= upper < lower else lower
        if at < 0 or folded[at : at + 3] in _WWW_FORMS:
            return at
        position = at + 1


def _url_matches(folded: str) -> Iterator[re.Match]:
    """What ``_url_pattern().finditer(folded)`` finds, tried only where an address may begin.

    An address holds a slash after its scheme or starts with www. So it starts at a www, or in the
    run of scheme characters right before a slash; the pattern is tried at those places alone, in
    order, instead of at every character of a paragraph that is mostly Chinese.
    """
    pattern = _url_pattern()
    position = 0  # where the last address ended: no earlier place is tried again
    while True:
        anchor = _next_anchor(folded, position)
        if anchor < 0:
            return
        start = anchor
        while start > position and (folded[start - 1] in _SCHEME_CHARS or folded[start - 1].isspace()):
            start -= 1
        for at in range(start, anchor + 1):
            match = pattern.match(folded, at)
            if match is not None:
                yield match
                position = match.end()
                break
        else:
            position = anchor + 1


_SPACE = regexes.compile(r"\s")


@dataclass(init=False, repr=False, eq=False)
class WebAddress(Record):
    found: Found
    scheme: str
    separator: str
    host: str
    host_start: int

    def __init__(self, found: Found, scheme: str, separator: str, host: str, host_start: int) -> None:
        self.found = found
        self.scheme = scheme
        self.separator = separator
        self.host = host
        self.host_start = host_start


@per_report
def web_addresses(report: Report) -> list[WebAddress]:
    return _find_web_addresses(_reading(report))


def _find_web_addresses(reading: _Reading) -> list[WebAddress]:
    report = reading.report
    found: list[WebAddress] = []
    for paragraph, folded, _ in reading.paragraphs:
        if not _may_hold_url(folded):
            continue
        for match in _url_matches(folded):
            scheme = (match.group("scheme") or "").lower()
            if scheme and not _scheme_like(scheme):
                continue
            a, b = match.start(), match.end()
            if at_pdf_line_break(report, folded, a, b):
                continue
            host = match.group("host")
            address = Found("url", paragraph.text[a:b], folded[a:b], a, b, _label_before(folded, a), paragraph, -a)
            found.append(WebAddress(address, scheme, _SPACE.sub("", match.group("sep") or ""), host, match.start("host")))
    return found


def _scheme_like(scheme: str) -> bool:
    return scheme in lexicon()["url_scheme_slips"] or scheme == "ftp"
