"""The GitHub Action's step (``python -m gxlint.github_action``): lint, annotate, summarise, gate.

gxlint runs once, as the command line, with ``--format json``; its exit status is the step's exit
status, so the step fails exactly when gxlint says so (``fail-on`` and the configuration decide).
From the same findings the step prints the first ``max-annotations`` as workflow commands (the
``github`` format), appends a job summary with counts per rule and per file covering every finding
to ``$GITHUB_STEP_SUMMARY``, and sets the ``findings`` and ``exit-code`` outputs. SARIF for code
scanning is written by a second run with ``--format sarif`` when ``sarif-file`` is set.

Inputs arrive as ``INPUT_PATHS``, ``INPUT_FAIL_ON``, ``INPUT_CONFIG``, ``INPUT_SARIF_FILE``,
``INPUT_ARGS`` and ``INPUT_MAX_ANNOTATIONS`` (set by ``action.yml``), so the step runs the same way on a laptop.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections import Counter
from typing import Mapping, Optional

from .diagnostics import Diagnostic, Severity

SEVERITIES = ("error", "warning", "info")


def gxlint_command(env: Mapping[str, str], output_format: str, output_file: Optional[str] = None) -> list[str]:
    """The gxlint command line for the action's inputs."""
    command = [sys.executable, "-m", "gxlint", "--format", output_format]
    if env.get("INPUT_FAIL_ON", "").strip():
        command += ["--fail-on", env["INPUT_FAIL_ON"].strip()]
    if env.get("INPUT_CONFIG", "").strip():
        command += ["--config", env["INPUT_CONFIG"].strip()]
    if output_file:
        command += ["--output-file", output_file]
    command += shlex.split(env.get("INPUT_ARGS", ""))
    return command + (shlex.split(env.get("INPUT_PATHS", "")) or ["."])


def annotations(findings: list[dict], limit: int) -> str:
    """Workflow commands for the first ``limit`` findings, via the ``github`` format."""
    from .formatting import OutputContext, make_formatter

    shown = [_diagnostic(item) for item in findings[: max(limit, 0)]]
    text = make_formatter("github", OutputContext()).render(shown)
    hidden = len(findings) - len(shown)
    if hidden > 0:
        text += f"::notice title=gxlint::{hidden} more findings are not annotated; the job summary lists all {len(findings)}\n"
    return text


def summary(findings: list[dict], exit_code: int, annotated: int) -> str:
    """The job summary: totals, then a table per rule and a table per file, every finding counted."""
    lines = ["## gxlint", ""]
    if exit_code == 2:
        return "\n".join(lines + ["gxlint could not run (usage, configuration or plugin error); see the step log.", ""])
    if not findings:
        return "\n".join(lines + ["No findings.", ""])
    severities = Counter(item["severity"] for item in findings)
    files = Counter(item["path"] for item in findings)
    totals = ", ".join(f"{severities[name]} {name}" for name in SEVERITIES if severities[name])
    verdict = "failed" if exit_code == 1 else "passed (nothing at or above the fail level)"
    lines += [f"**{len(findings)} findings** in {len(files)} files ({totals}); the check {verdict}.", ""]
    lines += ["| Rule | Name | Severity | Findings |", "| --- | --- | --- | ---: |"]
    by_rule = Counter((item["code"], item["name"], item["severity"]) for item in findings)
    for (code, name, severity), count in sorted(by_rule.items()):
        lines.append(f"| {code} | {_cell(name)} | {severity} | {count} |")
    lines += ["", "| File | Errors | Warnings | Info | Findings |", "| --- | ---: | ---: | ---: | ---: |"]
    per_file: dict[str, Counter] = {}
    for item in findings:
        per_file.setdefault(item["path"], Counter())[item["severity"]] += 1
    for path, counts in sorted(per_file.items()):
        row = " | ".join(str(counts[name]) for name in SEVERITIES)
        lines.append(f"| {_cell(path)} | {row} | {sum(counts.values())} |")
    if annotated < len(findings):
        lines += ["", f"The first {annotated} findings are annotated in the changed files; this summary counts all {len(findings)}."]
    return "\n".join(lines) + "\n"


def main(env: Optional[Mapping[str, str]] = None) -> int:
    env = os.environ if env is None else env
    try:
        limit = int(env.get("INPUT_MAX_ANNOTATIONS", "").strip() or 50)
    except ValueError:
        print(f"gxlint action: max-annotations must be a number, not {env['INPUT_MAX_ANNOTATIONS']!r}", file=sys.stderr)
        return 2
    run = subprocess.run(gxlint_command(env, "json"), capture_output=True, text=True, encoding="utf-8")
    sys.stderr.write(run.stderr)
    findings: list[dict] = []
    if run.returncode in (0, 1):
        try:
            findings = [dict(item, path=_workspace_path(item["path"])) for item in json.loads(run.stdout or "[]")]
        except (ValueError, TypeError, KeyError):
            print("gxlint action: gxlint did not print JSON findings:\n" + run.stdout, file=sys.stderr)
            return 2
    sys.stdout.write(annotations(findings, limit))
    _append(env.get("GITHUB_STEP_SUMMARY"), summary(findings, run.returncode, min(limit, len(findings))))
    _append(env.get("GITHUB_OUTPUT"), f"findings={len(findings)}\nexit-code={run.returncode}\n")
    sarif = env.get("INPUT_SARIF_FILE", "").strip()
    if sarif and run.returncode in (0, 1):
        written = subprocess.run(gxlint_command(env, "sarif", sarif), capture_output=True, text=True, encoding="utf-8")
        if written.returncode not in (0, 1):
            sys.stderr.write(written.stderr)
            return written.returncode
    return run.returncode


def _diagnostic(item: dict) -> Diagnostic:
    return Diagnostic(
        code=item["code"],
        name=item.get("name", ""),
        severity=Severity.parse(item.get("severity", "error")),
        message=item["message"],
        line=item.get("line", 1),
        column=item.get("column", 1),
        end_line=item.get("end_line"),
        end_column=item.get("end_column"),
        path=item["path"],
    )


def _workspace_path(path: str) -> str:
    """``./reports/a.md`` → ``reports/a.md``: annotations need paths relative to the workspace."""
    return path if os.path.isabs(path) or path == "-" else os.path.normpath(path).replace(os.sep, "/")


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|")


def _append(path: Optional[str], text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


if __name__ == "__main__":
    sys.exit(main())
