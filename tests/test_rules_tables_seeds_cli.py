"""End to end: ``gxlint --select GX2`` on the five seed reports reports exactly the defects found
by reading them.

- 000:9:84   2266 条 "其中" 1483 + 783 + 276 = 2542: 1483 + 783 is already 2266, the 276 items
             published "通过其他方式" are not in the total.
- 000:9:262  建议、提案共 3 件, 其中主办件 2 件、协办件 2 件: lead and assisting are exclusive roles,
             2 + 2 ≠ 3.
- 000:11:45  三公 603.564 万元 vs 0 + 351.971 + 251.59 = 603.561 (info: within the rounding of 251.59).
- 000:11:67  "因公出国(境)经费0亿元" among 万元.
- 001:183:1  "00" in 表三 8.属于行政查询事项 / 科研机构.
- 003:143:1  表三 lost its empty cells in the text: one cannot-verify finding.
- 004:8:137  "公开各类信息条": the number is missing.
"""

from __future__ import annotations

import json

from gxlint.cli.main import main

from .conftest import FIXTURES

EXPECTED = [
    ("000_914a51cc45050283.txt", 9, 84, "GX212"),
    ("000_914a51cc45050283.txt", 9, 262, "GX212"),
    ("000_914a51cc45050283.txt", 11, 45, "GX213"),
    ("000_914a51cc45050283.txt", 11, 67, "GX215"),
    ("001_21879049c23c2b1b.txt", 183, 1, "GX205"),
    ("003_29ee9dc1e7e5be07.txt", 143, 1, "GX205"),
    ("004_fab7716f6461393b.txt", 8, 137, "GX216"),
]


def test_gx2_findings_on_the_seeds(capsys):
    paths = sorted(str(path) for path in FIXTURES.glob("00*.txt"))
    status = main([*paths, "--select", "GX2", "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert status == 1
    assert sorted((item["path"].rsplit("/", 1)[-1], item["line"], item["column"], item["code"]) for item in found) == EXPECTED
    severities = {(item["line"], item["code"]): item["severity"] for item in found}
    assert severities[(11, "GX213")] == "info"
    by_column = {(item["line"], item["column"]): item["severity"] for item in found if item["code"] == "GX212"}
    assert by_column == {(9, 84): "warning", (9, 262): "error"}  # inferred vs known-disjoint
