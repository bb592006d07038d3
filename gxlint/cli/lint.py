"""The lint command: settings → files → runner → fixes/baseline → formatter → exit status."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import NoReturn, Optional, TextIO

from .. import collector
from .._version import __version__
from ..config import ConfigError, Resolved, check_against, load_config, resolve
from ..diagnostics import SORT_KEY, Diagnostic
from .options import config_values
from .report import ExitStatus, error, plugin_failures, write_output

TEXT_FORMATS = ("default", "pretty", "github")


def settings_from(args: argparse.Namespace, registry) -> Resolved:
    """Merge defaults, the configuration file and the command line, and check them (ConfigError)."""
    from ..formatting import available

    resolved = resolve(load_config(args.config, args.isolated), config_values(args))
    check_against(resolved, registry, set(available(registry)))
    return resolved


class _Done(Exception):
    """Stop the run early with this exit status (``--diff``, ``--write-baseline``, a bad baseline)."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


def run(args: argparse.Namespace, stdin: Optional[TextIO] = None, *, end_process: bool = False) -> int:
    """Lint as ``args`` say; the exit status. With ``end_process``, a run that got as far as its
    output exits the process as soon as that is flushed (see :func:`gxlint.cli.main.program`)."""
    from ..plugins import DuplicateCodeError, PluginError, load

    try:
        registry = load()
    except (DuplicateCodeError, PluginError) as problem:
        return error(str(problem))
    try:
        settings = settings_from(args, registry).settings
    except ConfigError as problem:
        return error(str(problem))
    plugin_broken = plugin_failures(registry, fatal=not settings.explicitly_ignored("GX003"))
    results = _lint(args, settings, registry, stdin)
    try:
        if args.fix or args.diff:
            results = _fix(args, results)
        if args.write_baseline:
            _write_baseline(args, results)
        if args.baseline:
            results = _apply_baseline(args, results)
    except _Done as done:
        return done.status
    diagnostics = [d for result in results for d in result.diagnostics]
    with collector.paused():
        _print(args, settings, registry, results, diagnostics)
    status = _status(args, settings, diagnostics, plugin_broken)
    if end_process:
        _end_process(status)
    return status


def _end_process(status: int) -> NoReturn:
    """Flush the output and leave, without freeing the findings or tearing down the interpreter.

    Nothing is left to do but write the answers kept for the next run (:mod:`gxlint.stored`, whose
    exit handler ``os._exit`` would skip): the cache is saved, worker processes are joined and
    files written are closed. A flush that fails (a closed pipe) raises here, and
    :func:`gxlint.cli.main.main` handles it as it would have after returning.
    """
    from ..stored import save_all

    sys.stdout.flush()
    sys.stderr.flush()
    save_all()
    os._exit(status)


def _fix(args: argparse.Namespace, results: list) -> list:
    """``--fix`` edits the files and goes on with what is left; ``--diff`` prints and stops."""
    from .. import fixes

    outcome = fixes.apply(results, unsafe=args.unsafe_fixes, write=args.fix and not args.diff)
    for problem in outcome.errors:
        print(f"gxlint: cannot fix {problem}", file=sys.stderr)
    if args.diff:
        write_output(args.output_file, outcome.diff)
        raise _Done(ExitStatus.OK if args.exit_zero or not outcome.fixed else ExitStatus.FINDINGS)
    if outcome.fixed and not args.quiet:
        print(f"gxlint: fixed {outcome.fixed} finding(s)", file=sys.stderr)
    return outcome.results


def _write_baseline(args: argparse.Namespace, results: list) -> None:
    from .. import baseline

    try:
        written = baseline.write(args.write_baseline, results)
    except (OSError, ValueError, baseline.BaselineError) as problem:
        raise _Done(error(f"cannot write baseline {args.write_baseline}: {problem}")) from None
    if not args.quiet:
        print(f"gxlint: wrote {written} baseline entries to {args.write_baseline}", file=sys.stderr)
    raise _Done(ExitStatus.OK)


def _apply_baseline(args: argparse.Namespace, results: list) -> list:
    from .. import baseline

    try:
        results, gone = baseline.apply(args.baseline, results)
    except (OSError, ValueError, baseline.BaselineError) as problem:
        raise _Done(error(f"cannot use baseline {args.baseline}: {problem}")) from None
    if gone > 0:
        print(
            f"gxlint: {gone} baseline entries no longer found in {args.baseline} (fixed? rewrite it with --write-baseline)",
            file=sys.stderr,
        )
    return results


def _lint(args, settings, registry, stdin) -> list:
    from ..files import discover
    from ..runner import lint_files, lint_stdin

    paths = args.paths or ["."]
    files = [p for p in paths if p != "-"]
    excludes = settings.exclude + settings.extend_exclude
    results = []
    if files:
        fixing = bool(args.fix or args.diff)
        cache = _cache(settings, registry, fixing)
        found = list(discover(files, excludes, args.force_exclude))
        results = lint_files(found, settings, settings.jobs, registry, cache=cache, keep_documents=fixing)
    if "-" in paths:
        stream = stdin or sys.stdin
        if stream is None:  # started without a standard input (a service, some CI runners)
            data = b""
        else:
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
        results += lint_stdin(data, args.stdin_filename or "stdin", settings, registry)
    return results


def _cache(settings, registry, fixing: bool):
    """The result cache, unless it is off, the run rewrites files, or a plugin failed to load (its
    rules did not run: findings without them must not be served later as complete)."""
    if not settings.cache or fixing or registry.failures:
        return None
    from ..cache import ResultCache

    return ResultCache.open(settings, registry)


def _print(args, settings, registry, results, diagnostics: list[Diagnostic]) -> None:
    from ..formatting import OutputContext, make_formatter

    if args.quiet >= 2:
        return
    if args.quiet == 1:
        names = sorted({d.path for d in diagnostics})
        write_output(args.output_file, "".join(f"{name}\n" for name in names))
        return
    lines = _source_lines(results, {d.path for d in diagnostics}) if args.show_source or settings.format == "pretty" else {}
    to_terminal = args.output_file is None and sys.stdout.isatty()
    context = OutputContext(
        rules={code: rule for code, rule in registry.rules.items() if settings.is_enabled(code)},
        source=lambda path, line: lines.get(path, {}).get(line),
        show_source=args.show_source,
        color=bool(os.environ.get("FORCE_COLOR")) or (to_terminal and not os.environ.get("NO_COLOR")),
        width=os.get_terminal_size().columns if to_terminal else None,
        files=[result.path for result in results],
        version=__version__,
        root=os.getcwd(),
    )
    text = make_formatter(settings.format, context, registry).render(diagnostics)
    tail = _statistics(diagnostics) if args.statistics else ""
    if args.count:
        tail += f"{len(diagnostics)}\n"
    if settings.format in TEXT_FORMATS:
        write_output(args.output_file, text + tail)
    else:  # keep machine-readable output parseable
        write_output(args.output_file, text)
        sys.stderr.write(tail)


def _source_lines(results, wanted: set[str]) -> dict[str, dict[int, str]]:
    """Per path with findings, the text of each line of the user's file, for ``--show-source``.

    Results of workers and of the cache do not carry the lines: those files are read again, and
    only those that have findings.
    """
    from ..formatting.source import source_lines as lines_of
    from ..readers import read_path

    reread = []
    for result in results:
        if result.document is None and result.path in wanted:
            try:
                reread.append(replace(result, document=read_path(result.path)))
            except Exception:  # gone or unreadable since: no source line, as for an unreadable file
                continue
    return lines_of([r for r in results if r.document is not None and r.path in wanted] + reread)


def _statistics(diagnostics: list[Diagnostic]) -> str:
    """flake8's ``--statistics``: per code, the count and the first message."""
    first: dict[str, str] = {}
    counts: dict[str, int] = {}
    for d in sorted(diagnostics, key=SORT_KEY):
        counts[d.code] = counts.get(d.code, 0) + 1
        first.setdefault(d.code, d.message)
    return "".join(f"{counts[code]:<5} {code} {first[code]}\n" for code in sorted(counts))


def _status(args, settings, diagnostics: list[Diagnostic], plugin_broken: bool) -> int:
    from ..engine import fails

    if plugin_broken:
        return ExitStatus.USAGE
    if args.exit_zero:
        return ExitStatus.OK
    return ExitStatus.FINDINGS if fails(diagnostics, settings.fail_on) else ExitStatus.OK
