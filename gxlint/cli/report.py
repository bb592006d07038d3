"""What the CLI says besides findings: exit statuses, errors, plugin failures, the output stream."""

from __future__ import annotations

import enum
import sys
from typing import Optional


class ExitStatus(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2  # usage, configuration or plugin error


def error(message: str) -> int:
    print(f"gxlint: error: {message}", file=sys.stderr)
    return ExitStatus.USAGE


def plugin_failures(registry, fatal: bool) -> bool:
    """Name every plugin that failed and the hook; True when that must make the run exit 2.

    A lint run is fatal unless ``GX003`` is explicitly ignored (``--extend-ignore GX003``), for a user who must
    run with a broken optional plugin installed; ``rules``, ``rule`` and ``parse`` only warn.
    """
    for failure in registry.failures:
        level = "error" if fatal else "warning"
        print(
            f"gxlint: {level}: GX003 plugin {failure.plugin!r} failed in hook {failure.hook!r}: {failure.error}; "
            "its rules did not run, every other rule did",
            file=sys.stderr,
        )
    return fatal and bool(registry.failures)


def write_output(path: Optional[str], text: str) -> None:
    if not text and path is None:
        return
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
