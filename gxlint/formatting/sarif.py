"""SARIF 2.1.0, the format GitHub code scanning and other code-review tools import.

``tool.driver.rules`` describes every enabled rule (id, name, short and full description, help
text, default level); each result points at its rule by id and index and carries a physical
location whose URI is relative to the project root (``%SRCROOT%``). Columns count Unicode code
points, which the run declares with ``columnKind``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from ..diagnostics import Diagnostic
from .base import SARIF_LEVELS, Formatter, ordered

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/gxlint/"


class SarifFormatter(Formatter):
    name = "sarif"

    def render(self, diagnostics: list[Diagnostic]) -> str:
        diagnostics = ordered(diagnostics)
        codes = sorted(set(self.context.rules) | {d.code for d in diagnostics})
        index = {code: position for position, code in enumerate(codes)}
        run = {
            "tool": {
                "driver": {
                    "name": "gxlint",
                    "version": self.context.version,
                    "informationUri": INFORMATION_URI,
                    "rules": [self._rule(code, diagnostics) for code in codes],
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": _directory_uri(self.context.root)}},
            "results": [self._result(d, index[d.code]) for d in diagnostics],
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

    def _rule(self, code: str, diagnostics: list[Diagnostic]) -> dict:
        rule = self.context.rules.get(code)
        if rule is None:  # a finding from a rule the registry does not know (should not happen)
            sample = next(d for d in diagnostics if d.code == code)
            return {
                "id": code,
                "name": sample.name or code,
                "shortDescription": {"text": sample.name or code},
                "defaultConfiguration": {"level": SARIF_LEVELS[sample.severity]},
            }
        doc = rule.doc() or rule.name
        return {
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary() or rule.name},
            "fullDescription": {"text": doc},
            "help": {"text": doc},
            "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
            "properties": {"tags": [rule.family()], "plugin": rule.plugin or ""},
        }

    def _result(self, d: Diagnostic, rule_index: int) -> dict:
        region = {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)}
        if d.end_line is not None and d.end_line >= d.line:
            region["endLine"] = d.end_line
            if d.end_column is not None:
                # SARIF's endColumn is exclusive; ours is the last character, inclusive.
                region["endColumn"] = max(d.end_column + 1, 1 if d.end_line > d.line else region["startColumn"] + 1)
        result = {
            "ruleId": d.code,
            "ruleIndex": rule_index,
            "level": SARIF_LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": self._artifact(d.path), "region": region}}],
        }
        if d.snippet:
            region["snippet"] = {"text": d.snippet}
        return result

    def _artifact(self, path: str) -> dict:
        absolute = os.path.abspath(path)
        root = os.path.abspath(self.context.root)
        relative = os.path.relpath(absolute, root) if _inside(absolute, root) else None
        if relative is None:
            return {"uri": Path(absolute).as_uri()}
        return {"uri": quote(relative.replace(os.sep, "/"), safe="/"), "uriBaseId": "%SRCROOT%"}


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives on Windows
        return False


def _directory_uri(root: str) -> str:
    url = Path(os.path.abspath(root)).as_uri()
    return url if url.endswith("/") else url + "/"
