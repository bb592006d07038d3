"""The GitHub Action, run step by step as the runner would: composite steps in bash, inputs
substituted, ``GITHUB_*`` files pointed at temporary files, ``$GITHUB_PATH`` honoured between steps.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from .integrations_support import HEADINGS, snapshot

NOTICE = "会议通知：请各单位于周五前报送材料。\n"  # not a report: GX002 (error)
STALE = "\n".join([HEADINGS[0], "<!-- gxlint: disable-next-line GX005 -->", *HEADINGS[1:]]) + "\n"  # GX005 (warning)
GOOD = "\n".join(HEADINGS) + "\n"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


class Runner:
    """Just enough of the Actions runner to execute this composite action's steps."""

    def __init__(self, action_path: Path, temp: Path):
        self.action_path = action_path
        self.spec = yaml.safe_load((action_path / "action.yml").read_text(encoding="utf-8"))
        self.temp = temp
        self.paths: list[str] = []

    def run(self, workspace: Path, inputs: dict, steps: slice = slice(None)) -> list[subprocess.CompletedProcess]:
        assert self.spec["runs"]["using"] == "composite"
        values = {name: str(inputs.get(name, meta.get("default", ""))) for name, meta in self.spec["inputs"].items()}
        files = {name: workspace.parent / f"{workspace.name}-{name}" for name in ("summary", "output", "path", "env")}
        for file in files.values():
            file.touch()
        base = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "INPUT_", "PYTHON"))}
        base.update(
            GITHUB_ACTIONS="true", CI="true", RUNNER_TEMP=str(self.temp), GITHUB_WORKSPACE=str(workspace),
            GITHUB_STEP_SUMMARY=str(files["summary"]), GITHUB_OUTPUT=str(files["output"]),
            GITHUB_PATH=str(files["path"]), GITHUB_ENV=str(files["env"]),
        )
        done = []
        for step in self.spec["runs"]["steps"][steps]:
            assert step["shell"] == "bash" and "uses" not in step
            env = dict(base, PATH=os.pathsep.join([*reversed(self.paths), os.environ["PATH"]]))
            env.update({key: self._expand(str(value), values) for key, value in step.get("env", {}).items()})
            script = self._expand(step["run"], values)
            process = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                cwd=workspace, env=env, capture_output=True, text=True, encoding="utf-8",
            )
            done.append(process)
            self.paths += [line for line in files["path"].read_text(encoding="utf-8").splitlines() if line]
            if process.returncode != 0:
                break
        self.summary = files["summary"].read_text(encoding="utf-8")
        self.outputs = dict(line.split("=", 1) for line in files["output"].read_text(encoding="utf-8").splitlines())
        return done

    def _expand(self, text: str, values: dict) -> str:
        def value(match: re.Match) -> str:
            expression = match.group(1)
            if expression == "github.action_path":
                return str(self.action_path)
            assert expression.startswith("inputs."), f"the test runner does not know {expression}"
            return values[expression[len("inputs."):]]

        return EXPRESSION.sub(value, text)


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> Runner:
    """The action checked out (this working tree) and its install step run once."""
    action = snapshot(tmp_path_factory.mktemp("gxlint-action"))
    runner = Runner(action, tmp_path_factory.mktemp("runner-temp"))
    [install] = runner.run(tmp_path_factory.mktemp("install"), {}, slice(0, 1))
    assert install.returncode == 0, install.stderr
    return runner


def workspace(root: Path, **files: str) -> Path:
    root.mkdir()
    (root / "ci.toml").write_text('select = ["GX0"]\n', encoding="utf-8")  # the engine's own codes only
    for name, text in files.items():
        (root / "reports").mkdir(exist_ok=True)
        (root / "reports" / f"{name}.md").write_text(text, encoding="utf-8")
    return root


def test_install_step_puts_this_gxlint_on_the_path(runner, tmp_path):
    [_, step] = runner.run(workspace(tmp_path / "ws"), {"config": "ci.toml"})
    found = subprocess.run(
        ["python", "-c", "import gxlint, sys; print(sys.prefix); print(gxlint.__file__)"],
        env=dict(os.environ, PATH=os.pathsep.join([*runner.paths, os.environ["PATH"]])),
        capture_output=True, text=True, check=True, cwd=tmp_path,
    ).stdout.splitlines()
    assert found[0] == str(runner.temp / "gxlint-venv")
    assert found[1].startswith(found[0])  # installed from the action, not the developer's checkout
    assert step.returncode == 0


def test_findings_are_annotated_summarised_and_fail_the_step(runner, tmp_path):
    root = workspace(tmp_path / "ws", a=NOTICE, b=NOTICE, c=NOTICE, d=STALE, e=GOOD)
    sarif = tmp_path / "ws" / "gxlint.sarif"
    [step] = runner.run(
        root, {"paths": "reports", "config": "ci.toml", "max-annotations": "2", "sarif-file": str(sarif)}, slice(1, 2)
    )
    assert step.returncode == 1, step.stderr
    commands = [line for line in step.stdout.splitlines() if line.startswith("::")]
    assert commands == [
        "::error file=reports/a.md,line=1,col=1,endLine=1,endColumn=1,title=GX002::未识别出年度报告的任何章节或表格，无法检查",
        "::error file=reports/b.md,line=1,col=1,endLine=1,endColumn=1,title=GX002::未识别出年度报告的任何章节或表格，无法检查",
        "::notice title=gxlint::2 more findings are not annotated; the job summary lists all 4",
    ]
    summary = runner.summary
    assert "**4 findings** in 4 files (3 error, 1 warning); the check failed." in summary
    assert "| GX002 | unparseable-report | error | 3 |" in summary
    assert "| GX005 | unused-suppression | warning | 1 |" in summary
    for name, row in {"a": "1 | 0 | 0 | 1", "c": "1 | 0 | 0 | 1", "d": "0 | 1 | 0 | 1"}.items():
        assert f"| reports/{name}.md | {row} |" in summary
    assert "reports/e.md" not in summary
    assert runner.outputs == {"findings": "4", "exit-code": "1"}
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert sorted(result["ruleId"] for result in results) == ["GX002", "GX002", "GX002", "GX005"]


def test_fail_on_decides_whether_the_step_fails(runner, tmp_path):
    root = workspace(tmp_path / "ws", d=STALE)
    [step] = runner.run(root, {"config": "ci.toml", "fail-on": "error"}, slice(1, 2))
    assert step.returncode == 0, step.stderr
    assert step.stdout.startswith("::warning file=reports/d.md,line=2,col=1,")
    assert "the check passed (nothing at or above the fail level)" in runner.summary
    [step] = runner.run(root, {"config": "ci.toml", "fail-on": "warning"}, slice(1, 2))
    assert step.returncode == 1
    [step] = runner.run(root, {"config": "ci.toml", "fail-on": "warning", "args": "--extend-ignore GX005"}, slice(1, 2))
    assert (step.returncode, step.stdout) == (0, "")


def test_a_clean_run_passes(runner, tmp_path):
    [step] = runner.run(workspace(tmp_path / "ws", e=GOOD), {"config": "ci.toml"}, slice(1, 2))
    assert (step.returncode, step.stdout) == (0, "")
    assert runner.summary == "## gxlint\n\nNo findings.\n"
    assert runner.outputs == {"findings": "0", "exit-code": "0"}


def test_a_configuration_error_fails_with_status_2(runner, tmp_path):
    [step] = runner.run(workspace(tmp_path / "ws", e=GOOD), {"config": "missing.toml"}, slice(1, 2))
    assert step.returncode == 2
    assert "could not run" in runner.summary
