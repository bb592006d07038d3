"""The rule API: one class per finding, with its metadata and its documentation.

A rule has a code (``GX`` + family digit + two digits), a slug that says what is wrong, a
default severity and a docstring whose first line is the summary. The docstring also explains
why the finding matters and shows a bad and a good example in ``Bad::`` / ``Good::`` blocks;
``gxlint rule CODE`` prints it and the test-suite runs the examples (the pycodestyle way).
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Optional

from . import regexes
from .diagnostics import Diagnostic, Fix, Severity
from .model import Report, Span
from .records import Record

FAMILIES = {
    "0": "engine",
    "1": "structure",
    "2": "statistics",
    "3": "contact",
    "4": "template-drift",
    "5": "language",
    "6": "dates-and-references",
}
CODE = regexes.compile(r"^GX\d{3}$")


@dataclass(init=False, repr=False, eq=False)
class RuleContext(Record):
    """What a rule may know besides the report: its options and the run's settings.

    A dataclass with its ``__init__`` written out and ``repr`` and ``==`` from the model's records
    (``@dataclass`` would compile them at every start-up).
    """

    options: dict[str, Any] = field(default_factory=dict)
    settings: Any = None
    related: Any = None  # other reports in the same run (for cross-year checks), when available

    def __init__(self, options: Optional[dict[str, Any]] = None, settings: Any = None, related: Any = None) -> None:
        self.options = {} if options is None else options
        self.settings = settings
        self.related = related


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    options: ClassVar[dict[str, Any]] = {}
    plugin: ClassVar[str] = ""  # filled in by the registry

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        raise NotImplementedError

    # -- metadata ---------------------------------------------------------------------------
    @classmethod
    def family(cls) -> str:
        return FAMILIES.get(cls.code[2:3], "other")

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n", 1)[0].strip()

    @classmethod
    def examples(cls) -> dict[str, list[str]]:
        """The ``Bad::`` and ``Good::`` blocks of the docstring, dedented."""
        found: dict[str, list[str]] = {"bad": [], "good": []}
        lines = cls.doc().splitlines()
        index = 0
        while index < len(lines):
            head = re.match(r"^(Bad|Good)::\s*$", lines[index].strip())
            index += 1
            if not head:
                continue
            block: list[str] = []
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith((" ", "\t"))):
                block.append(lines[index])
                index += 1
            found[head.group(1).lower()].append(inspect.cleandoc("\n".join(block)))
        return found

    # -- building diagnostics -----------------------------------------------------------------
    def at(
        self,
        span: Optional[Span],
        message: str,
        *,
        severity: Optional[Severity] = None,
        fix: Optional[Fix] = None,
        snippet: str = "",
        location: str = "",
    ) -> Diagnostic:
        span = span or Span(1, 1)
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            snippet=snippet,
            fix=fix,
            location=location,
        )
