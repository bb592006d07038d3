"""Helpers for the CLI, configuration, format and plugin tests.

The demo plugin (``tests/plugin_pkg/demo``) is used two ways: in-process, by adding a fake entry
point for it (fast, for ``gxlint.cli.main.main(argv)`` calls), and as a real package built and
pip-installed into a temporary directory (for subprocess runs, worker processes and the
third-party plugin test).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

HERE = Path(__file__).parent
DEMO = HERE / "demo"
BROKEN = HERE / "broken"

# A report with one section heading (so that it is parsed and every rule runs) and demo markers.
REPORT = "一、总体情况\n本行有【演示错误】。\n第二行有【演示警告】和【演示提示】。\n"


class FakeEntryPoint:
    def __init__(self, name: str, module: str):
        self.name = name
        self.module = module

    def load(self):
        import importlib

        return importlib.import_module(self.module)


def use_demo_plugin(monkeypatch, *extra: FakeEntryPoint) -> None:
    """Make ``gxlint.plugins.load()`` in this process see the demo plugin (and ``extra``)."""
    from gxlint import plugins

    monkeypatch.syspath_prepend(str(DEMO))
    original = plugins._entry_points
    monkeypatch.setattr(plugins, "_entry_points", lambda: [*original(), FakeEntryPoint("demo", "gxlint_demo"), *extra])


def demo_project(tmp_path: Path, monkeypatch) -> Path:
    """A project directory holding ``report.txt`` (REPORT), made current, with the demo plugin loaded."""
    use_demo_plugin(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


_installed: dict[str, Path] = {}


def installed_plugins(tmp_path_factory) -> Path:
    """Build and pip-install the demo and broken plugin packages once per test session."""
    if "target" not in _installed:
        target = tmp_path_factory.mktemp("site-packages")
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
             "--disable-pip-version-check", "--target", str(target), str(DEMO), str(BROKEN)],
            check=True,
            capture_output=True,
        )
        _installed["target"] = target
    return _installed["target"]


def demo_only(tmp_path_factory) -> Path:
    """A directory with only the installed demo plugin (no broken ones), for runs that must be clean."""
    if "demo" not in _installed:
        target = installed_plugins(tmp_path_factory)
        demo = tmp_path_factory.mktemp("demo-only")
        for entry in target.iterdir():
            if entry.name.startswith("gxlint_demo"):
                shutil.copytree(entry, demo / entry.name)
        _installed["demo"] = demo
    return _installed["demo"]


def run_gxlint(
    args: list[str], cwd: Path, pythonpath: Optional[Path] = None, stdin: Optional[bytes] = None, env: Optional[dict] = None
) -> subprocess.CompletedProcess:
    """``python -m gxlint ARGS`` in a subprocess; output decoded as UTF-8."""
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "PYTHONPATH")}
    if pythonpath is not None:
        environment["PYTHONPATH"] = str(pythonpath)
    environment.update(env or {})
    completed = subprocess.run(
        [sys.executable, "-m", "gxlint", *args], cwd=cwd, input=stdin, capture_output=True, env=environment, timeout=120
    )
    completed.stdout = completed.stdout.decode("utf-8")
    completed.stderr = completed.stderr.decode("utf-8")
    return completed
