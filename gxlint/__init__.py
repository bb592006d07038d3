"""gxlint: a compliance linter for 政府信息公开工作年度报告.

The public API for plugin authors and for programs that embed gxlint.

The names are loaded on first use: ``gxlint --version``, ``gxlint --help`` and a program that
needs one submodule do not pay for importing the whole engine (pluggy, the model, the rule API).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

# public name → the submodule that defines it
_EXPORTS = {
    "BoundTable": "model",
    "Cell": "model",
    "Diagnostic": "diagnostics",
    "Edit": "diagnostics",
    "Fix": "diagnostics",
    "Paragraph": "model",
    "Report": "model",
    "Rule": "rule",
    "RuleContext": "rule",
    "Section": "model",
    "Severity": "diagnostics",
    "Span": "model",
    "hookimpl": "hookspecs",
}

__all__ = [
    "BoundTable",
    "Cell",
    "Diagnostic",
    "Edit",
    "Fix",
    "Paragraph",
    "Report",
    "Rule",
    "RuleContext",
    "Section",
    "Severity",
    "Span",
    "__version__",
    "hookimpl",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if TYPE_CHECKING:
    from .diagnostics import Diagnostic, Edit, Fix, Severity
    from .hookspecs import hookimpl
    from .model import BoundTable, Cell, Paragraph, Report, Section, Span
    from .rule import Rule, RuleContext
