"""GitHub Actions workflow commands: an annotation on the pull request for every finding.

``::error file=F,line=L,col=C,endLine=…,endColumn=…,title=GX201::message``; warnings become
``::warning`` and information ``::notice``. Escaping follows the runner's rules: ``%``, CR and LF
everywhere, and also ``:`` and ``,`` inside property values.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Severity
from .base import Formatter, ordered

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"

    def render(self, diagnostics: list[Diagnostic]) -> str:
        out = []
        for d in ordered(diagnostics):
            properties = {
                "file": d.path.replace("\\", "/"),
                "line": d.line,
                "col": d.column,
                "endLine": d.end_line,
                "endColumn": d.end_column if d.end_line in (None, d.line) else None,
                "title": d.code,
            }
            listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
            out.append(f"::{COMMANDS[d.severity]} {listed}::{escape_data(d.message)}\n")
        return "".join(out)
