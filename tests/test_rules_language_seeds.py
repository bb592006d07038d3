"""End to end: ``gxlint --select GX5`` on the five seed reports reports exactly the defects found
by reading them.

- 000:1:20    the whole file uses half-width , : ; ( ): one summary finding (GX521, info).
- 000:19:88   "处置市长热线、市长信箱等。市长热线、市长信箱等。": the clause is pasted twice.
- 000:75:53   "确保信息的及时、准备、全面": 准确.
- 001:5:18    half-width punctuation throughout (GX521).
- 001:19:43   "外包遂宁日报社经行日常运维工作": 进行.
- 001:321:83  "要加打对政务新媒体的建设": 加大.
- 002:1:1     web page metadata panel (信息类别 … 信息索取号).
- 002:5:1     "发布日期:… 门户网站字号【": page chrome.
- 002:7:23    half-width punctuation throughout (GX521).
- 002:17:33   "重点开展“全区重点民生实事全流程公开等创新工作内容": the “ is never closed.
- 002:27:80   "“局长(主任)主任政策谈”": 主任 written again after (主任).
- 002:27:96   "并开展“全区政府系统“机关开放月”活动": one “ too many.
- 002:623:56  "局长(主任)主任政策谈" again.
- 002:635:1   "扫一扫在手机打开当前页" / "未经许可 禁止转载" (lines 635–637).
- 003:2:1     当前位置 and the 信息索引号 panel (lines 2–12).
- 003:15:1    the title "2023年政府信息公开工作年度报告" a second time (line 13 has it).
- 003:19:29   half-width punctuation throughout (GX521).
- 003:592:1   "• 收藏 • 打印 • 关闭" (lines 592–594).
- 004:1:1     索引号 / 成文日期 / 发布机构 panel (lines 1–3).
- 004:4:20    half-width punctuation throughout (GX521).
- 004:344:455 "运用图解。动漫。短视频形式": items of a list cut by full stops.
- 004:344:521 "拉进与企业群众距离": 拉近.
- 004:346:163 "以上提案及建议完成情况均反馈至各委员,对办理情况无异议。" written twice.
"""

from __future__ import annotations

import json

from gxlint.cli.main import main

from .conftest import FIXTURES

EXPECTED = [
    ("000_914a51cc45050283.txt", 1, 20, "GX521"),
    ("000_914a51cc45050283.txt", 19, 88, "GX501"),
    ("000_914a51cc45050283.txt", 75, 53, "GX510"),
    ("001_21879049c23c2b1b.txt", 5, 18, "GX521"),
    ("001_21879049c23c2b1b.txt", 19, 43, "GX510"),
    ("001_21879049c23c2b1b.txt", 321, 83, "GX510"),
    ("002_b54cefeabe47dc2c.txt", 1, 1, "GX530"),
    ("002_b54cefeabe47dc2c.txt", 5, 1, "GX530"),
    ("002_b54cefeabe47dc2c.txt", 7, 23, "GX521"),
    ("002_b54cefeabe47dc2c.txt", 17, 33, "GX520"),
    ("002_b54cefeabe47dc2c.txt", 27, 80, "GX501"),
    ("002_b54cefeabe47dc2c.txt", 27, 96, "GX520"),
    ("002_b54cefeabe47dc2c.txt", 623, 56, "GX501"),
    ("002_b54cefeabe47dc2c.txt", 635, 1, "GX530"),
    ("003_29ee9dc1e7e5be07.txt", 2, 1, "GX530"),
    ("003_29ee9dc1e7e5be07.txt", 15, 1, "GX501"),
    ("003_29ee9dc1e7e5be07.txt", 19, 29, "GX521"),
    ("003_29ee9dc1e7e5be07.txt", 592, 1, "GX530"),
    ("004_fab7716f6461393b.txt", 1, 1, "GX530"),
    ("004_fab7716f6461393b.txt", 4, 20, "GX521"),
    ("004_fab7716f6461393b.txt", 344, 455, "GX522"),
    ("004_fab7716f6461393b.txt", 344, 521, "GX510"),
    ("004_fab7716f6461393b.txt", 346, 163, "GX501"),
]


def _run(capsys) -> tuple[int, list[dict]]:
    paths = sorted(str(path) for path in FIXTURES.glob("00*.txt"))
    status = main([*paths, "--select", "GX5", "--format", "json"])
    return status, json.loads(capsys.readouterr().out)


def test_gx5_findings_on_the_seeds(capsys):
    status, found = _run(capsys)
    assert status == 1
    assert sorted((item["path"].rsplit("/", 1)[-1], item["line"], item["column"], item["code"]) for item in found) == EXPECTED


def test_seed_messages_name_the_correction(capsys):
    _, found = _run(capsys)
    messages = {(item["path"].rsplit("/", 1)[-1][:3], item["line"], item["code"]): item["message"] for item in found}
    assert messages[("001", 19, "GX510")].startswith("「经行」应为「进行」")
    assert messages[("001", 321, "GX510")].startswith("「加打」应为「加大」")
    assert messages[("004", 344, "GX510")].startswith("「拉进」应为「拉近」")
    assert messages[("000", 75, "GX510")].startswith("「准备」应为「准确」")
    assert "「主任」连写了两遍" in messages[("002", 27, "GX501")]
    assert "第 635–637 行" in messages[("002", 635, "GX530")]
    assert "第 2–12 行" in messages[("003", 2, "GX530")]
    severities = {item["code"]: item["severity"] for item in found}
    assert severities["GX521"] == "info" and severities["GX510"] == "warning"
