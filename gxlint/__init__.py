"""gxlint: a compliance linter for 政府信息公开工作年度报告.

The public API for plugin authors and for programs that embed gxlint.
"""

from ._version import __version__
from .diagnostics import Diagnostic, Edit, Fix, Severity
from .hookspecs import hookimpl
from .model import BoundTable, Cell, Paragraph, Report, Section, Span
from .rule import Rule, RuleContext

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
