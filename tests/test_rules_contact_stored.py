"""The phone-number answers of one run serve the next: a second run over a report whose numbers were
already judged gives the same findings without importing phonenumbers at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

RUN = (
    "import json, sys\n"
    "from gxlint.cli.main import main\n"
    "status = main(['--no-cache', '--isolated', '--format', 'json', '--select', 'GX3', sys.argv[1]])\n"
    "print(json.dumps({'status': status, 'phonenumbers': 'phonenumbers' in sys.modules}))\n"
)


def _run(report: Path, cache_home: Path) -> tuple[dict, list]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the stored answers are written where bytecode may be
    done = subprocess.run([sys.executable, "-c", RUN, str(report)], env=env, capture_output=True, text=True, check=True)
    *findings, summary = done.stdout.strip().splitlines()
    return json.loads(summary), json.loads("\n".join(findings))


def test_a_second_run_judges_the_same_numbers_without_phonenumbers(tmp_path):
    report = FIXTURES / "003_29ee9dc1e7e5be07.txt"  # line 19: 联系电话:051086868123, run together
    first_run, first_findings = _run(report, tmp_path / "cache")
    second_run, second_findings = _run(report, tmp_path / "cache")
    assert first_run["phonenumbers"] is True
    assert second_run["phonenumbers"] is False
    assert second_findings == first_findings
    assert [(f["code"], f["line"]) for f in first_findings if f["code"].startswith("GX30")] == [("GX302", 19)]
