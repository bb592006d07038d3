"""The source line under a finding and a caret that lines up under the right character.

Reports are Chinese: a full-width character takes two terminal cells, so the caret is padded by
display width, not by character count (tabs are kept as tabs so that they expand the same way).
"""

from __future__ import annotations

import unicodedata
from typing import Optional


def _cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def caret_line(text: str, column: int, end_column: Optional[int] = None, *, end_on_line: bool = True) -> str:
    """A line of spaces then ``^`` (``^~~~`` over the span when it ends on the same line)."""
    before = text[: max(column - 1, 0)]
    pad = "".join("\t" if char == "\t" else " " * _cells(char) for char in before)
    span = text[max(column - 1, 0) : end_column] if end_on_line and end_column and end_column >= column else ""
    width = sum(_cells(char) for char in span) if span else 1
    return pad + "^" + "~" * max(width - 1, 0)


def source_lines(results) -> dict[str, dict[int, str]]:
    """Per path, the text of each line of the user's file.

    Only plain text and Markdown documents qualify: for HTML, DOCX and PDF the reader's text is not
    the file's own line, and a caret under it would point at the wrong place.
    """
    lines: dict[str, dict[int, str]] = {}
    for result in results:
        document = getattr(result, "document", None)
        if document is None or document.kind not in ("text", "markdown"):
            continue
        lines[result.path] = {line.origin_line: line.text for line in document.lines}
    return lines
