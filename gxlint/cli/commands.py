"""``gxlint rules``, ``gxlint rule CODE``, ``gxlint parse FILE`` and ``gxlint clean``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Optional, Sequence

from .report import ExitStatus, error, plugin_failures


def _registry():
    from ..plugins import DuplicateCodeError, PluginError, load

    try:
        registry = load()
    except (DuplicateCodeError, PluginError) as problem:
        error(str(problem))
        return None
    plugin_failures(registry, fatal=False)
    return registry


def _rule_record(rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "family": rule.family(),
        "plugin": rule.plugin,
        "summary": rule.summary(),
        "options": dict(rule.options),
    }


def rules_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="gxlint rules", description="List every rule: code, name, severity, summary.")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    registry = _registry()
    if registry is None:
        return ExitStatus.USAGE
    rules = [registry.rules[code] for code in sorted(registry.rules)]
    if args.format == "json":
        sys.stdout.write(json.dumps([_rule_record(r) for r in rules], ensure_ascii=False, indent=2) + "\n")
        return ExitStatus.OK
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"gxlint rules ({len(rules)})", title_justify="left")
    for column in ("code", "name", "severity", "summary"):
        table.add_column(column, overflow="fold")
    for rule in rules:
        table.add_row(rule.code, rule.name, rule.severity.value, rule.summary())
    Console(highlight=False, emoji=False).print(table)
    return ExitStatus.OK


def rule_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="gxlint rule", description="Print a rule's documentation.")
    parser.add_argument("code", metavar="CODE", help="a rule code such as GX201")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    registry = _registry()
    if registry is None:
        return ExitStatus.USAGE
    rule = registry.rule(args.code.strip())
    if rule is None:
        return error(f"unknown rule code {args.code!r} (see `gxlint rules`)")
    if args.format == "json":
        record = _rule_record(rule)
        record["doc"] = rule.doc()
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return ExitStatus.OK
    lines = [
        f"{rule.code} {rule.name}",
        f"severity: {rule.severity.value} · family: {rule.family()} · plugin: {rule.plugin}",
        "",
        rule.doc() or rule.summary(),
    ]
    if rule.options:
        lines += ["", f"Options ([tool.gxlint.rules.{rule.code}]):"]
        lines += [f"    {name} = {json.dumps(value, ensure_ascii=False)}" for name, value in sorted(rule.options.items())]
    sys.stdout.write("\n".join(lines) + "\n")
    return ExitStatus.OK


def parse_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="gxlint parse", description="Print the parsed report: sections, tables, metadata.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--template", default="auto", metavar="{auto,2019,2021}")
    args = parser.parse_args(argv)
    if _registry() is None:  # reader and template plugins must be registered before reading
        return ExitStatus.USAGE
    from ..parser import parse
    from ..readers import ReadError, read_path
    from ..serialize import report_to_dict
    from ..templates import get_template
    from .tree import render_tree

    if args.template != "auto":
        try:
            get_template(args.template)
        except KeyError as problem:
            return error(str(problem.args[0]))
    try:
        report = parse(read_path(args.file), args.template)
    except ReadError as problem:
        return error(f"{args.file}: cannot read: {problem}")
    except Exception as problem:  # a parser bug: say so, never a traceback
        return error(f"{args.file}: internal error while parsing: {type(problem).__name__}: {problem}")
    data = report_to_dict(report)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_tree(data))
    return ExitStatus.OK


def clean_command(argv: Sequence[str]) -> int:
    """Delete the result cache a lint run here would use, and the parsed-data cache (as ``ruff clean``).

    A directory is deleted only when it is gxlint's: a result cache holds the CACHEDIR.TAG gxlint
    writes, so ``cache-dir = "."`` set by mistake never costs the user their project.
    """
    import os
    import shutil

    from .._data import data_cache_directory
    from ..cache import cache_directory, is_cache_directory
    from ..config import ConfigError, load_config, resolve

    parser = argparse.ArgumentParser(
        prog="gxlint clean", description="Delete the result cache (.gxlint_cache) and gxlint's parsed-data cache."
    )
    parser.add_argument("--cache-dir", metavar="DIR", help="the result cache to delete (default: the one a run here uses)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--config", metavar="FILE", help="read this configuration file instead of looking for one")
    where.add_argument("--isolated", action="store_true", help="ignore configuration files")
    args = parser.parse_args(argv)
    try:
        settings = resolve(load_config(args.config, args.isolated), {"cache-dir": args.cache_dir} if args.cache_dir else {}).settings
    except ConfigError as problem:
        return error(str(problem))
    results = cache_directory(settings)
    data = data_cache_directory()
    removed, refused = 0, False
    for directory, ours in ((results, is_cache_directory(results)), (data, data is not None)):
        if directory is None or not os.path.isdir(directory):
            continue
        if not ours:
            error(f"{directory}: not removed: it is not a gxlint cache directory (no CACHEDIR.TAG written by gxlint)")
            refused = True
            continue
        try:
            shutil.rmtree(directory)
        except OSError as problem:
            return error(f"{directory}: cannot remove: {problem.strerror or problem}")
        print(f"Removed {directory}")
        removed += 1
    if not removed and not refused:
        print("No cache to remove")
    return ExitStatus.USAGE if refused else ExitStatus.OK


COMMANDS = {"rules": rules_command, "rule": rule_command, "parse": parse_command, "clean": clean_command}


def dispatch(argv: Sequence[str]) -> Optional[int]:
    """Run a subcommand when ``argv`` starts with one; ``None`` means: lint."""
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]](argv[1:])
    return None
