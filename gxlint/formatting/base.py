"""What every formatter receives and returns.

A formatter is made with keyword arguments only (``factory(context=...)``, so that the context can
grow without breaking plugins) and turns the run's diagnostics into the text to print. Formats
registered by plugins through the ``gxlint_formats`` hook follow the same protocol.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional

from ..diagnostics import SORT_KEY, Diagnostic, Severity
from ..records import Record
from ..rule import Rule


def _no_source(path: str, line: int) -> Optional[str]:
    return None


@dataclass(init=False, repr=False, eq=False)
class OutputContext(Record):
    """Everything a formatter may need besides the diagnostics.

    A dataclass with its ``__init__`` written out and ``repr`` and ``==`` from the model's records
    (``@dataclass`` would compile them at every start-up).
    """

    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    source: Callable[[str, int], Optional[str]] = _no_source
    show_source: bool = False
    color: bool = False
    width: Optional[int] = None
    files: list[str] = field(default_factory=list)  # every file checked, with or without findings
    version: str = ""
    root: str = "."  # the directory that relative paths and SARIF URIs are relative to

    def __init__(
        self,
        rules: Optional[Mapping[str, type[Rule]]] = None,
        source: Callable[[str, int], Optional[str]] = _no_source,
        show_source: bool = False,
        color: bool = False,
        width: Optional[int] = None,
        files: Optional[list[str]] = None,
        version: str = "",
        root: str = ".",
    ) -> None:
        self.rules = {} if rules is None else rules
        self.source = source
        self.show_source = show_source
        self.color = color
        self.width = width
        self.files = [] if files is None else files
        self.version = version
        self.root = root


class Formatter:
    """Base class for formats: override :meth:`render`."""

    name = ""

    def __init__(self, *, context: OutputContext):
        self.context = context

    def render(self, diagnostics: list[Diagnostic]) -> str:
        raise NotImplementedError


def ordered(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The order of every format: path, line, column (then code, message, for stability)."""
    return sorted(diagnostics, key=SORT_KEY)


SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
