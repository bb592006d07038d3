"""A JSON array of findings; each item has at least path, line, column, code, name, severity, message."""

from __future__ import annotations

import json

from ..diagnostics import Diagnostic
from .base import Formatter, ordered


class JsonFormatter(Formatter):
    name = "json"

    def render(self, diagnostics: list[Diagnostic]) -> str:
        return json.dumps([d.to_dict() for d in ordered(diagnostics)], ensure_ascii=False, indent=2) + "\n"
