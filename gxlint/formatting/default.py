"""``path:line:col: CODE message``, one finding per line (flake8's default format).

With ``--show-source`` each finding is followed by its source line and a caret under the column.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from .base import Formatter, ordered
from .source import caret_line


class DefaultFormatter(Formatter):
    name = "default"

    def render(self, diagnostics: list[Diagnostic]) -> str:
        if not self.context.show_source:  # one line per finding, tens of thousands from a warm cache
            return "".join([f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n" for d in ordered(diagnostics)])
        out = []
        for d in ordered(diagnostics):
            out.append(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
            text = self.context.source(d.path, d.line)
            if text is not None:
                same_line = d.end_line in (None, d.line)
                out.append(f"{text}\n{caret_line(text, d.column, d.end_column, end_on_line=same_line)}\n")
        return "".join(out)
