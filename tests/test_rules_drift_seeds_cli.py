"""End to end: ``python -m gxlint --format json --select GX1,GX4`` on the five seed reports reports
exactly the structure and template drift found by reading them.

- 000:38:1   表三 header 「商业 企业」「科研 机构」: spaces inside labels (info).
- 000:66:8   表四 header 「结果 纠正」「其他 结果」「尚未 审结」「结果 维持」 (lines 66–67): spaces (info).
- 000:78:1   六、其他需要报告的事项 is just 「无。」: no 信息处理费 statement in a 2022 report.
- 001:2:1    title 「遂宁经济技术开发区管理委员会 / 政府信息公开工作年度报告」 has no year (2019, from
             the 2020年1月20日 signature). Its 2019 tables are right for a 2019 report: no drift.
- 001:23:1   表二 header 「本年新 制作数量」「本年新 公开数量」: spaces (info).
- 003:13:1   title 「2023年政府信息公开工作年度报告」 names no agency (line 1 is the site banner).
- 003:23:1   一、总体情况 says nothing on 政府信息管理 (公开属性, 保密审查, 目录…) (info).
- 003:57:1   表二 第二十条第（一）项 column 「现行有效件」 for 「现行有效件数」.
- 003:574:1  「五、存在主要问题及改进情况」 for 「五、存在的主要问题及改进情况」.
- 004:84:1   表三 「三 、本年度办理结果」, 「…重新 出具…」 (241), 「…逾期不补 正…」 (251): spaces (info).

Seed 002 follows the template in every heading, label and statement.
"""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import FIXTURES

EXPECTED = {
    ("000_914a51cc45050283.txt", 38, 1, "GX405", "info"),
    ("000_914a51cc45050283.txt", 66, 8, "GX405", "info"),
    ("000_914a51cc45050283.txt", 78, 1, "GX109", "warning"),
    ("001_21879049c23c2b1b.txt", 2, 1, "GX110", "warning"),
    ("001_21879049c23c2b1b.txt", 23, 1, "GX405", "info"),
    ("003_29ee9dc1e7e5be07.txt", 13, 1, "GX111", "warning"),
    ("003_29ee9dc1e7e5be07.txt", 23, 1, "GX108", "info"),
    ("003_29ee9dc1e7e5be07.txt", 57, 1, "GX404", "warning"),
    ("003_29ee9dc1e7e5be07.txt", 574, 1, "GX402", "warning"),
    ("004_fab7716f6461393b.txt", 84, 1, "GX405", "info"),
}


def test_structure_and_drift_findings_on_the_seeds():
    paths = sorted(str(path) for path in FIXTURES.glob("00*.txt"))
    run = subprocess.run(
        [sys.executable, "-m", "gxlint", "--format", "json", "--select", "GX1,GX4", *paths],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert run.returncode == 1, run.stderr
    found = json.loads(run.stdout)
    got = {(d["path"].rsplit("/", 1)[-1], d["line"], d["column"], d["code"], d["severity"]) for d in found}
    assert got == EXPECTED
    assert len(found) == len(EXPECTED)  # nothing reported twice
    for item in found:
        assert item["name"] and any("\u4e00" <= ch <= "\u9fff" for ch in item["message"]), item
