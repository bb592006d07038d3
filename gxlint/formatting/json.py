"""A JSON array of findings; each item has at least path, line, column, code, name, severity, message."""

from __future__ import annotations

import json

from ..diagnostics import Diagnostic
from .base import Formatter, ordered

_SCALARS = (str, int, float, bool, type(None))
_encode = json.JSONEncoder(ensure_ascii=False).encode


class JsonFormatter(Formatter):
    name = "json"

    def render(self, diagnostics: list[Diagnostic]) -> str:
        return render_indented([d.to_dict() for d in ordered(diagnostics)])


def render_indented(records: list[dict]) -> str:
    """``json.dumps(records, ensure_ascii=False, indent=2) + "\\n"``, byte for byte, faster.

    With ``indent`` set, the standard library falls back to its pure-Python encoder, which costs
    more than the rest of a run served from the result cache when there are tens of thousands of
    findings. A record of plain values is written here with the C encoder for each value; any
    other record (a fix with its edits) goes through ``json.dumps`` and is indented as a whole.
    """
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(_record(record) for record in records) + "\n]\n"


def _record(record: dict) -> str:
    if not record:
        return "  {}"
    if all(isinstance(key, str) and isinstance(value, _SCALARS) for key, value in record.items()):
        return "  {\n" + ",\n".join(f"    {_encode(key)}: {_encode(value)}" for key, value in record.items()) + "\n  }"
    return "\n".join("  " + line for line in json.dumps(record, ensure_ascii=False, indent=2).split("\n"))
