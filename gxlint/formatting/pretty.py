"""Findings for people at a terminal: grouped by file, the source line with a caret under the span,
colours by severity, and a closing summary of counts per code and per file.

rich is imported here only, so the plain formats never pay for it. Report text is always wrapped in
``rich.text.Text`` so that brackets in a report are printed, never read as markup.
"""

from __future__ import annotations

import io
from collections import Counter
from itertools import groupby

from ..diagnostics import Diagnostic, Severity
from .base import Formatter, ordered
from .source import caret_line

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class PrettyFormatter(Formatter):
    name = "pretty"

    def render(self, diagnostics: list[Diagnostic]) -> str:
        from rich.console import Console

        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=self.context.color,
            no_color=not self.context.color,
            width=self.context.width or 100,
            highlight=False,
            emoji=False,
        )
        diagnostics = ordered(diagnostics)
        for path, group in groupby(diagnostics, key=lambda d: d.path):
            self._file(console, path, list(group))
        self._summary(console, diagnostics)
        return buffer.getvalue()

    def _file(self, console, path: str, found: list[Diagnostic]) -> None:
        from rich.text import Text

        console.print(Text.assemble((path, "bold underline"), f"  ({len(found)})"))
        for d in found:
            head = Text.assemble(
                f"  {d.line}:{d.column}  ",
                (d.code, STYLES[d.severity]),
                " ",
                (d.severity.value, STYLES[d.severity]),
                "  ",
                d.message,
                (f"  [{d.name}]" if d.name else "", "dim"),
            )
            console.print(head)
            text = self.context.source(d.path, d.line)
            if text is not None:
                same_line = d.end_line in (None, d.line)
                console.print(Text("    " + text, style="dim"))
                console.print(Text("    " + caret_line(text, d.column, d.end_column, end_on_line=same_line), style=STYLES[d.severity]))
            elif d.location:
                console.print(Text(f"    {d.location}", style="dim"))
        console.print()

    def _summary(self, console, diagnostics: list[Diagnostic]) -> None:
        from rich.table import Table

        if not diagnostics:
            console.print(f"未发现问题（检查了 {len(self.context.files)} 个文件）", style="green")
            return
        per_code = Counter(d.code for d in diagnostics)
        names = {d.code: (d.name, d.severity) for d in diagnostics}
        codes = Table(title="按规则统计", title_justify="left")
        for column in ("code", "name", "severity", "count"):
            codes.add_column(column, justify="right" if column == "count" else "left")
        for code in sorted(per_code):
            name, severity = names[code]
            codes.add_row(code, name, severity.value, str(per_code[code]), style=STYLES[severity])
        console.print(codes)
        files = Table(title="按文件统计", title_justify="left")
        for column in ("file", "error", "warning", "info", "total"):
            files.add_column(column, justify="left" if column == "file" else "right")
        for path, group in groupby(diagnostics, key=lambda d: d.path):
            severities = Counter(d.severity for d in group)
            files.add_row(
                path,
                *(str(severities[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)),
                str(sum(severities.values())),
            )
        console.print(files)
        console.print(f"共 {len(diagnostics)} 个问题，涉及 {len(set(d.path for d in diagnostics))} 个文件")
