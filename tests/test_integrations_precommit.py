"""The pre-commit hook, run by pre-commit itself (``pre-commit try-repo``) in a throwaway repository.

pre-commit builds a virtualenv and pip-installs gxlint into it, exactly as for a user (for every
``try-repo``, which is why the cases are grouped into two runs). It installs
what is committed, so the test commits a snapshot of this checkout's working tree (tracked and new
files, as ``git ls-files`` lists them) and points ``try-repo`` at that snapshot.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .integrations_support import GIT_ENV, HEADINGS, git, snapshot


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, Path, dict]:
    """A user's repository with reports and a gxlint.toml, the hook repository, pre-commit's env."""
    hook_repo = snapshot(tmp_path_factory.mktemp("gxlint-checkout"))
    project = tmp_path_factory.mktemp("publications")
    (project / "gxlint.toml").write_text('select = ["GX0"]\nextend-exclude = ["drafts"]\n', encoding="utf-8")
    (project / "reports").mkdir()
    (project / "drafts").mkdir()
    (project / "reports" / "2023.md").write_text("\n".join(HEADINGS) + "\n", encoding="utf-8")
    notice = "会议通知：请各单位于周五前报送材料。\n"
    (project / "reports" / "notice.txt").write_text(notice, encoding="utf-8")
    (project / "drafts" / "notice.txt").write_text(notice, encoding="utf-8")
    (project / "build.py").write_text("print('not a report')\n", encoding="utf-8")
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    env["PRE_COMMIT_COLOR"] = "never"
    return project, hook_repo, env


def try_repo(project: tuple[Path, Path, dict], *files: str) -> subprocess.CompletedProcess:
    where, hook_repo, env = project
    return subprocess.run(
        ["pre-commit", "try-repo", str(hook_repo), "gxlint", "--verbose", "--files", *files],
        cwd=where, env=env, capture_output=True, text=True, encoding="utf-8",
    )


def test_hook_fails_on_a_bad_report_and_skips_excluded_files(project):
    # pre-commit names all three files; gxlint.toml excludes drafts/; build.py is not a report suffix
    run = try_repo(project, "reports/notice.txt", "drafts/notice.txt", "build.py")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "gxlint" in run.stdout and "Failed" in run.stdout
    assert "reports/notice.txt:1:1: GX002 " in run.stdout
    assert "drafts/notice.txt" not in run.stdout


def test_hook_passes_on_a_good_report(project):
    # build.py would fail the hook (GX002) if pre-commit passed it: gxlint lints any file it is given
    run = try_repo(project, "reports/2023.md", "build.py")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
