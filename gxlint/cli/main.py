"""``gxlint [PATH ...]``: lint reports and print one finding per line (flake8 style)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Optional, Sequence

from .._version import __version__
from ..config import Settings
from ..diagnostics import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gxlint", description="Lint 政府信息公开工作年度报告.")
    parser.add_argument("paths", nargs="*", default=["."])
    parser.add_argument("--select", type=_codes)
    parser.add_argument("--ignore", type=_codes)
    parser.add_argument("--format", default="default", choices=["default", "json"])
    parser.add_argument("--fail-on", default="info", choices=["error", "warning", "info"])
    parser.add_argument("--exit-zero", action="store_true")
    parser.add_argument("--version", action="version", version=f"gxlint {__version__}")
    return parser


def _codes(text: str) -> list[str]:
    return [part.strip().upper() for part in text.split(",") if part.strip()]


def main(argv: Optional[Sequence[str]] = None) -> int:
    from ..engine import Linter, fails
    from ..files import discover
    from ..plugins import DuplicateCodeError, PluginError, load

    args = build_parser().parse_args(argv)
    settings = Settings()
    if args.select:
        settings.select = args.select
    if args.ignore:
        settings.ignore = args.ignore
    settings.fail_on = Severity.parse(args.fail_on)
    try:
        registry = load()
    except (DuplicateCodeError, PluginError) as error:
        print(f"gxlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    linter = Linter(settings, registry)
    diagnostics = []
    for path in discover(args.paths, settings.exclude + settings.extend_exclude):
        diagnostics.extend(linter.lint_path(path).diagnostics)
    if args.format == "json":
        json.dump([d.to_dict() for d in diagnostics], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for d in diagnostics:
            print(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}")
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if fails(diagnostics, settings.fail_on) else EXIT_OK
