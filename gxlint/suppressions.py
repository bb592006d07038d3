"""Inline suppressions in Markdown and HTML reports: ``<!-- gxlint: disable GX501 -->``.

Three directives, written as HTML comments so that they never show in the rendered report::

    <!-- gxlint: disable GX501,GX502 -->     silence these codes from here on (no codes: all)
    <!-- gxlint: enable GX501 -->            end that silence (no codes: end every silence)
    <!-- gxlint: disable-next-line GX501 --> silence these codes on the next line only

Readers collect the comments as ``(line, text)`` markers in file coordinates; the engine hands
them here with the diagnostics of the file. A suppression that silences nothing is reported as
``GX005`` so that stale ones do not quietly hide the next real defect. That finding is only made
when it is certainly true: for codes the run actually checks, and for a blanket ``disable`` only
when every rule runs on the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from . import regexes
from .diagnostics import Diagnostic
from .records import Record

UNUSED = "GX005"
_RULES_DID_NOT_RUN = {"GX001", "GX002", "GX003", "GX004"}
_CODE = regexes.compile(r"^GX\d{0,3}$")
_DIRECTIVE = regexes.compile(r"^(disable-next-line|disable|enable)\b\s*(.*)$", re.IGNORECASE)


@dataclass(init=False, repr=False, eq=False)
class Directive(Record):
    """One parsed comment: what it does, to which codes (``None`` = all) and over which lines.

    A dataclass with its ``__init__`` written out and ``repr`` and ``==`` from the model's records
    (``@dataclass`` would compile them at every start-up).
    """

    line: int
    action: str  # disable | enable | disable-next-line
    codes: Optional[tuple[str, ...]]
    first: int = 0
    last: float = 0  # inclusive; ``inf`` for a disable never re-enabled
    reenabled: list[tuple[str, int]] = field(default_factory=list)  # (code prefix, after line)
    used: set[str] = field(default_factory=set)  # codes (or "*") that silenced something

    def __init__(
        self,
        line: int,
        action: str,
        codes: Optional[tuple[str, ...]],
        first: int = 0,
        last: float = 0,
        reenabled: Optional[list[tuple[str, int]]] = None,
        used: Optional[set[str]] = None,
    ) -> None:
        self.line = line
        self.action = action
        self.codes = codes
        self.first = first
        self.last = last
        self.reenabled = [] if reenabled is None else reenabled
        self.used = set() if used is None else used

    def covers(self, diagnostic: Diagnostic) -> bool:
        code, line = diagnostic.code, diagnostic.line
        if not self.first <= line <= self.last:
            return False
        if self.codes is not None and not any(code.startswith(prefix) for prefix in self.codes):
            return False
        return not any(code.startswith(prefix) and line > after for prefix, after in self.reenabled)

    def mark(self, diagnostic: Diagnostic) -> None:
        if self.codes is None:
            self.used.add("*")
        else:
            self.used.update(code for code in self.codes if diagnostic.code.startswith(code))

    def enable(self, codes: Optional[tuple[str, ...]], line: int) -> bool:
        """Apply a later ``enable``; True when it ends this disable for every code it named."""
        if codes is None:
            self.last = line
            return True
        for code in codes:
            if self.codes is None or any(code.startswith(own) or own.startswith(code) for own in self.codes):
                self.reenabled.append((code, line))
        if self.codes is not None and all(
            any(own.startswith(prefix) for prefix, _ in self.reenabled) for own in self.codes
        ):
            self.last = line
            return True
        return False


def parse_marker(line: int, comment: str) -> tuple[Optional[Directive], str]:
    """Parse one marker; returns the directive, or ``None`` and why it is not one."""
    text = comment.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = re.sub(r"^\s*gxlint\s*:", "", text.strip(), flags=re.IGNORECASE).strip()
    match = _DIRECTIVE.match(text)
    if not match:
        return None, f"无法识别的 gxlint 指令「{text}」（应为 disable、enable 或 disable-next-line）"
    action = match.group(1).lower()
    raw = [part.strip().upper() for part in re.split(r"[,，\s]+", match.group(2)) if part.strip()]
    bad = [code for code in raw if not _CODE.match(code)]
    if bad:
        return None, f"gxlint 指令中的规则代码无效：{'、'.join(bad)}（应形如 GX501）"
    return Directive(line, action, tuple(raw) if raw else None), ""


def directives(markers: list[tuple[int, str]]) -> tuple[list[Directive], list[tuple[int, str]]]:
    """Turn markers into suppressing directives with their line ranges, plus the malformed ones."""
    found: list[Directive] = []
    malformed: list[tuple[int, str]] = []
    for line, comment in sorted(markers, key=lambda marker: marker[0]):
        directive, why = parse_marker(line, comment)
        if directive is None:
            malformed.append((line, why))
        else:
            found.append(directive)
    open_: list[Directive] = []
    suppressing: list[Directive] = []
    for directive in found:
        if directive.action == "disable-next-line":
            directive.first = directive.last = directive.line + 1
            suppressing.append(directive)
        elif directive.action == "disable":
            directive.first, directive.last = directive.line, float("inf")
            open_.append(directive)
            suppressing.append(directive)
        else:
            open_ = [opened for opened in open_ if not opened.enable(directive.codes, directive.line)]
    return suppressing, malformed


def apply_suppressions(document, diagnostics: list[Diagnostic], settings, pending: frozenset = frozenset()) -> list[Diagnostic]:
    """Drop diagnostics silenced by inline comments and report suppressions that silence nothing.

    ``pending``: codes whose findings are not known yet (cross-report rules, run after every file):
    a suppression that may be meant for them is never reported as unused.
    """
    suppressing, malformed = directives(list(getattr(document, "markers", None) or ()))
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        silenced = False
        for directive in suppressing:
            if directive.covers(diagnostic):
                directive.mark(diagnostic)
                silenced = True
        if not silenced:
            kept.append(diagnostic)
    if settings is None or not settings.is_enabled(UNUSED):
        return kept
    if any(diagnostic.code in _RULES_DID_NOT_RUN for diagnostic in diagnostics):
        return kept  # unread, unparsed or crashed: nobody knows what the comments would silence
    path = getattr(document, "path", "")
    if settings.ignored_for_file(UNUSED, path):
        return kept
    from .engine_rules import UnusedSuppression

    rule = UnusedSuppression()
    path = kept[0].path if kept else (diagnostics[0].path if diagnostics else path)
    stale: list[tuple[int, str, Optional[Directive]]] = [(line, why, None) for line, why in malformed]
    stale += [(d.line, "", d) for d in suppressing if _unused_message(d, settings, path, pending)]
    # A GX005 finding can itself be silenced, by a comment naming GX005 or a blanket disable; that
    # use counts, so messages are made only once every use is known.
    reported = []
    for line, why, own in stale:
        probe = _at(rule, line, "", path)
        silencers = [d for d in suppressing if d is not own and d.covers(probe)]
        for directive in silencers:
            directive.mark(probe)
        if not silencers:
            reported.append((line, why, own))
    for line, why, own in reported:
        message = why or _unused_message(own, settings, path, pending)
        if message:
            kept.append(_at(rule, line, message, path))
    return kept


def _unused_message(directive: Directive, settings, path: str, pending: frozenset = frozenset()) -> str:
    action = directive.action
    if directive.codes is None:
        if directive.used or pending or not _everything_checked(settings, path):
            return ""
        return f"「gxlint: {action}」没有抑制任何问题，可以删除"
    unused = [
        code for code in directive.codes
        if code not in directive.used and _checked(code, settings, path) and not any(late.startswith(code) for late in pending)
    ]
    if not unused:
        return ""
    if len(unused) == len(directive.codes):
        return f"「gxlint: {action} {','.join(directive.codes)}」没有抑制任何问题，可以删除"
    return f"「gxlint: {action}」中的 {','.join(unused)} 没有抑制任何问题，可以从指令中删除"


def _checked(code: str, settings, path: str) -> bool:
    """Whether every rule a code or prefix (``GX5``) names ran on this file."""
    representative = code.ljust(5, "0")
    if not settings.is_enabled(representative) or settings.ignored_for_file(representative, path):
        return False
    ignored = list(settings.ignore) + list(settings.extend_ignore)
    if any(other.upper().startswith(code) for other in ignored):
        return False  # part of the family is off: ``disable GX5`` may be silencing nothing for that reason
    return not _ignored_in_file(settings, path, lambda other: other.startswith(code))


def _everything_checked(settings, path: str) -> bool:
    """A blanket ``disable`` is provably unused only when no rule was switched off."""
    selected = [p.strip().upper() for p in list(settings.select) + list(settings.extend_select)]
    if not any(p in ("GX", "ALL") for p in selected):
        return False
    if list(settings.ignore) + list(settings.extend_ignore):
        return False
    return not _ignored_in_file(settings, path, lambda other: True)


def _ignored_in_file(settings, path: str, related) -> bool:
    """Whether a per-file ignore that applies to ``path`` switches off a related code."""
    for codes in getattr(settings, "per_file_ignores", {}).values():
        for other in codes:
            other = other.strip().upper()
            if related(other) and settings.ignored_for_file(other.ljust(5, "0"), path):
                return True
    return False


def _at(rule, line: int, message: str, path: str) -> Diagnostic:
    from .model import Span

    return rule.at(Span(line, 1), message).with_path(path)
