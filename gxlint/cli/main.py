"""``gxlint``: lint reports (``gxlint [PATH ...]``) or run a command (``rules``, ``rule``, ``parse``, ``clean``).

``main(argv)`` returns the exit status instead of exiting, so tests and programs embedding gxlint
can call it. :func:`program` is the command itself (``python -m gxlint``, and the ``gxlint``
script): once a lint run's output is written and flushed, it ends the process at once instead of
freeing the run's findings one by one and tearing the interpreter down — for tens of thousands of
findings from the result cache that took a tenth of the run, for a process that was exiting
anyway (mypy does the same). A path that is
literally called ``rules``, ``rule``, ``parse`` or ``clean`` is linted with ``gxlint ./rules`` or
``gxlint -- rules``.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn, Optional, Sequence

from .report import ExitStatus, error

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = ExitStatus.OK, ExitStatus.FINDINGS, ExitStatus.USAGE


def program() -> NoReturn:
    """The ``gxlint`` command: :func:`main` on the command line, then exit with its status."""
    sys.exit(main(end_process=True))


def main(argv: Optional[Sequence[str]] = None, *, end_process: bool = False) -> int:
    """Run gxlint on ``argv`` (the command line by default) and return the exit status.

    ``end_process`` (:func:`program`) lets a lint run exit the process itself once its output is
    flushed; errors and the other commands still return here.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return int(_main(argv, end_process))
    except SystemExit as exit_:  # argparse: --help, --version, usage errors (status 2)
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        print("gxlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `gxlint … | head`: the reader left; not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as problem:  # e.g. --output-file in a directory that does not exist
        return error(f"{getattr(problem, 'filename', '') or ''}: {problem.strerror or problem}".lstrip(": "))


# The subcommands (gxlint/cli/commands.py); that module and what it imports (json) are loaded only
# for them, never for a lint run.
COMMANDS = ("rules", "rule", "parse", "clean")


def _main(argv: list[str], end_process: bool = False) -> int:
    if argv and argv[0] in COMMANDS:
        from .commands import dispatch

        return dispatch(argv)
    from .options import build_parser

    args = build_parser().parse_args(argv)  # --help and --version end here, before the linter is imported
    from .lint import run

    return run(args, end_process=end_process)
