"""Diagnostics: what a rule reports, in one immutable shape every formatter shares."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Optional

from .records import FrozenRecord


class Severity(str, enum.Enum):
    """How serious a finding is; ``--fail-on`` compares against this order."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class _NewDict:
    """Default of ``Diagnostic.extra``: each diagnostic gets a new empty dict (``default_factory=dict``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<new dict>"


_NEW_DICT: Any = _NewDict()

# Frozen dataclasses with their ``__init__`` written out, and ``repr``, ``==``, hash and
# immutability from gxlint.records: ``@dataclass(frozen=True)`` would compile those methods at
# every start-up, and a one-file run imports this module. ``__init__`` fills ``__dict__`` in field
# order, as the generated one does (``vars(edit)`` is written out in that order by ``to_dict``).


@dataclass(init=False, repr=False, eq=False)
class Edit(FrozenRecord):
    """Replace the characters between two positions (1-based line, 1-based column) with ``text``.

    The end is exclusive, as in LSP and ruff: ``Edit(3, 5, 3, 7, "x")`` replaces the 5th and 6th
    characters of line 3, and ``Edit(3, 5, 3, 5, "《")`` inserts before the 5th. Positions are in the
    user's file (the diagnostic's coordinates), so a fix never needs to know the reader.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    def __init__(self, line: int, column: int, end_line: int, end_column: int, text: str) -> None:
        fields = self.__dict__
        fields["line"] = line
        fields["column"] = column
        fields["end_line"] = end_line
        fields["end_column"] = end_column
        fields["text"] = text


@dataclass(init=False, repr=False, eq=False)
class Fix(FrozenRecord):
    """A correction a rule can apply. ``safe`` fixes run with ``--fix``; others need ``--unsafe-fixes``."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def __init__(self, description: str, edits: tuple[Edit, ...], safe: bool = True) -> None:
        fields = self.__dict__
        fields["description"] = description
        fields["edits"] = edits
        fields["safe"] = safe


@dataclass(init=False, repr=False, eq=False)
class Diagnostic(FrozenRecord):
    """One finding at one place in one file.

    Lines and columns are 1-based and count characters, never bytes. ``snippet`` is the offending
    text; the baseline fingerprints it so that edits elsewhere in the file do not invalidate it.
    """

    code: str
    name: str
    severity: Severity
    message: str
    line: int = 1
    column: int = 1
    end_line: Optional[int] = None
    end_column: Optional[int] = None
    path: str = ""
    snippet: str = ""
    fix: Optional[Fix] = None
    location: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        line: int = 1,
        column: int = 1,
        end_line: Optional[int] = None,
        end_column: Optional[int] = None,
        path: str = "",
        snippet: str = "",
        fix: Optional[Fix] = None,
        location: str = "",
        extra: dict = _NEW_DICT,
    ) -> None:
        fields = self.__dict__
        fields["code"] = code
        fields["name"] = name
        fields["severity"] = severity
        fields["message"] = message
        fields["line"] = line
        fields["column"] = column
        fields["end_line"] = end_line
        fields["end_column"] = end_column
        fields["path"] = path
        fields["snippet"] = snippet
        fields["fix"] = fix
        fields["location"] = location
        fields["extra"] = {} if extra is _NEW_DICT else extra

    # ``extra`` is not compared or hashed (``compare=False, hash=False``).
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _compared(self) == _compared(other)

    def __hash__(self) -> int:
        return hash(_compared(self))

    def with_path(self, path: str) -> Diagnostic:
        """A copy naming ``path``: once per finding of every file, so the copy skips
        ``dataclasses.replace`` (which re-runs the frozen ``__init__`` field by field)."""
        if self.path == path:
            return self
        copy = object.__new__(Diagnostic)
        copy.__dict__.update(self.__dict__)
        copy.__dict__["path"] = path
        return copy

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict:
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line if self.end_line is not None else self.line,
            "end_column": self.end_column if self.end_column is not None else self.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
        }
        if self.location:
            data["location"] = self.location
        if self.fix is not None:
            data["fix"] = {
                "description": self.fix.description,
                "safe": self.fix.safe,
                "edits": [vars(edit) for edit in self.fix.edits],
            }
        return data


_compared = attrgetter(
    "code", "name", "severity", "message", "line", "column", "end_line", "end_column", "path", "snippet", "fix", "location"
)

SORT_KEY = attrgetter("path", "line", "column", "code", "message")
""":meth:`Diagnostic.sort_key` read in C: the order every format prints, for sorting tens of thousands."""
