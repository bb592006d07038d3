"""The command-line options of ``gxlint [PATH ...]``.

Options that have a configuration key use that key's converter (:mod:`gxlint.config.schema`), and
default to ``None`` so that the merge can tell "given" from "not given".
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Callable

from .._version import __version__
from ..config import schema

EXAMPLES = """\
examples:
  gxlint reports/                          lint every .txt .md .html .htm .docx .pdf below reports/
  gxlint --select GX2 --ignore GX205 a.docx  only statistics and arithmetic, without GX205
  gxlint --fail-on warning --format github reports/   in a GitHub Actions workflow
  gxlint --format sarif --output-file gxlint.sarif reports/
  gxlint --format pretty --show-source report.txt
  cat report.txt | gxlint - --stdin-filename reports/2023.txt
  gxlint --write-baseline .gxlint-baseline.json reports/ && gxlint --baseline .gxlint-baseline.json reports/

commands:
  gxlint rules [--format json]             every rule: code, name, severity, summary
  gxlint rule GX201                        a rule's documentation, with a bad and a good example
  gxlint parse FILE [--format json]        the parsed report: sections, tables, metadata
  gxlint clean                             delete the result cache and the parsed-data cache

exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage, configuration or plugin error.
configuration: [tool.gxlint] in pyproject.toml, or gxlint.toml / .gxlint.toml (nearest wins).
"""

# argparse destination → configuration key (the options that a configuration file may also set)
CONFIG_OPTIONS = {
    "select": "select",
    "extend_select": "extend-select",
    "ignore": "ignore",
    "extend_ignore": "extend-ignore",
    "per_file_ignores": "per-file-ignores",
    "exclude": "exclude",
    "extend_exclude": "extend-exclude",
    "fail_on": "fail-on",
    "template": "template",
    "jobs": "jobs",
    "max_seconds": "max-seconds",
    "format": "format",
    "cache_dir": "cache-dir",
}


def _typed(converter: Callable[[Any], Any]) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        try:
            return converter(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = converter.__name__  # argparse names the type in its messages
    return convert


def _columns() -> int:
    """The terminal width as ``shutil.get_terminal_size`` reports it (``COLUMNS``, else the
    terminal on standard output, else 80).

    argparse asks ``shutil`` for it each time it makes a formatter, which it does once per
    ``add_argument``; importing ``shutil`` pulls in ``bz2``, ``lzma`` and ``fnmatch`` for a lint
    run that uses none of them.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter with the width worked out without importing ``shutil``."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width=None):
        width = _columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gxlint",
        description="Lint 政府信息公开工作年度报告 (government information-disclosure annual reports).",
        epilog=EXAMPLES,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .); - reads stdin")
    parser.add_argument("--version", action="version", version=f"gxlint {__version__}")

    pick = parser.add_argument_group("selecting rules")
    codes = _typed(schema.codes)
    pick.add_argument("--select", type=codes, metavar="CODES", help="comma-separated codes or prefixes to enable (default: GX)")
    pick.add_argument("--extend-select", type=codes, metavar="CODES", help="add to the selection")
    pick.add_argument("--ignore", type=codes, metavar="CODES", help="codes or prefixes to disable (the longest prefix wins)")
    pick.add_argument("--extend-ignore", type=codes, metavar="CODES", help="add to the ignored codes")
    pick.add_argument(
        "--per-file-ignores", type=_typed(schema.per_file_ignores), metavar="GLOB:CODES ...",
        help="space-separated GLOB:CODE,CODE items, e.g. 'archive/*:GX4 *.pdf:GX501'",
    )
    pick.add_argument("--fail-on", type=_typed(schema.severity), metavar="{error,warning,info}",
                      help="lowest severity that makes the exit status 1 (default: info = any finding)")
    pick.add_argument("--template", type=_typed(schema.name), metavar="{auto,2019,2021}",
                      help="official format to check against (default: auto, by report year)")

    find = parser.add_argument_group("choosing files")
    globs = _typed(schema.globs)
    find.add_argument("--exclude", type=globs, metavar="GLOBS", help="comma-separated globs to skip (replaces the defaults)")
    find.add_argument("--extend-exclude", type=globs, metavar="GLOBS", help="globs to skip in addition")
    find.add_argument(
        "--force-exclude", action="store_true",
        help="also skip files named on the command line that lie in an excluded directory "
        "(as in ruff and black; the pre-commit hook passes it, since pre-commit names every file)",
    )
    find.add_argument("--stdin-filename", metavar="NAME", help="the name to report for - (stdin); its suffix picks the reader")

    out = parser.add_argument_group("output")
    out.add_argument("--format", type=_typed(schema.name), metavar="FORMAT",
                     help="default, pretty, json, sarif, github, or one a plugin adds")
    out.add_argument("--output-file", metavar="FILE", help="write the findings to FILE instead of standard output")
    out.add_argument("--show-source", action="store_true", help="show the source line and a caret under each finding")
    out.add_argument("--statistics", action="store_true", help="count findings per code (flake8 style)")
    out.add_argument("--count", action="store_true", help="print the total number of findings last")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    out.add_argument("-q", "--quiet", action="count", default=0, help="-q: only the names of files with findings; -qq: nothing")

    conf = parser.add_argument_group("configuration")
    where = conf.add_mutually_exclusive_group()
    where.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    where.add_argument("--isolated", action="store_true", help="ignore every configuration file")

    run = parser.add_argument_group("running")
    run.add_argument("--jobs", "-j", type=_typed(schema.positive_int), metavar="N", help="worker processes (default: CPU count)")
    run.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache (see docs/caching.md)")
    run.add_argument("--cache-dir", type=_typed(schema.directory), metavar="DIR",
                     help="where the result cache lives (default: .gxlint_cache beside the configuration file)")
    run.add_argument("--max-seconds", type=_typed(schema.seconds), metavar="S", help="give up on one file after S seconds (GX004; 0 = no limit)")

    fix = parser.add_argument_group("baseline and fixes")
    fix.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in the baseline FILE")
    fix.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE and exit 0")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    fix.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    fix.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    return parser


def config_values(args: argparse.Namespace) -> dict[str, Any]:
    """The options actually given, under their configuration keys."""
    values = {key: getattr(args, dest) for dest, key in CONFIG_OPTIONS.items() if getattr(args, dest) is not None}
    if getattr(args, "no_cache", False):
        values["cache"] = False
    return values
