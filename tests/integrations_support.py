"""Helpers shared by the integration tests: the example plugin, a mini report, running the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PLUGIN = ROOT / "examples" / "plugin"

# Six statutory headings: enough for the parser to recognise a report, so every rule runs.
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
FULL = "中华人民共和国政府信息公开条例"


def example_module():
    """The example plugin's package, imported from examples/plugin (not installed)."""
    sys.path.insert(0, str(EXAMPLE_PLUGIN))
    try:  # only for the import: later entry-point scans must not see the plugin's folder
        import gxlint_example
    finally:
        sys.path.remove(str(EXAMPLE_PLUGIN))
    return gxlint_example


def example_linter(select: Sequence[str] = ("GX005", "GX9"), settings=None):
    """A linter with the built-in rules and the example plugin (GX901) loaded."""
    from gxlint.config import Settings
    from gxlint.engine import Linter
    from gxlint.plugins import load

    settings = settings or Settings()
    settings.select = list(select)
    return Linter(settings, load(extra_plugins=(example_module(),)))


def report(*body: str) -> str:
    """A mini report: the six headings, with ``body`` lines after the first one."""
    return "\n".join([HEADINGS[0], *body, *HEADINGS[1:]]) + "\n"


def install_example_plugin(target: Path) -> Path:
    """Install examples/plugin for real (wheel build, entry point) into ``target``; return it.

    The build runs on a copy: setuptools leaves ``build/`` and ``*.egg-info`` in the source tree,
    and an egg-info on ``sys.path`` would register the plugin in every later test.
    """
    source = target.parent / "example-plugin-source"
    shutil.copytree(EXAMPLE_PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "--target", str(target), str(source)],
        check=True,
        capture_output=True,
        cwd=target.parent,
    )
    return target


def run_gxlint(args: Sequence[str], cwd: Path, plugin_path: Optional[Path] = None) -> subprocess.CompletedProcess:
    """Run the real command line (``python -m gxlint``) in ``cwd``."""
    env = dict(os.environ)
    if plugin_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(plugin_path), env.get("PYTHONPATH", "")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8"
    )


GIT_ENV = {
    "GIT_AUTHOR_NAME": "gxlint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "gxlint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(cwd)}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot(target: Path) -> Path:
    """This checkout's working tree as a one-commit repository."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)
    return target
