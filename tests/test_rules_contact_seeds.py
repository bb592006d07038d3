"""GX3 and GX6 end to end through the CLI on the five seed reports.

The expected findings were verified by reading each seed:
- 002 line 633: ``(国办函〔2020109号)`` — the 〕 after the year is missing (国办函〔2020〕109号).
- 003 line 19: the 统计期限 ``自202311日起至20231231日止`` lost 年 and 月 twice; the phone
  ``051086868123`` is a valid 江阴/无锡 number (0510) written without a separator.
- 003 line 590: the signature date is ``20241``.
- 004 line 4: ``hdqswj8386888@163.com`` is a personal 163.com mailbox (info).
Everything else is right and must stay silent: 000's 0736-7312309 / 0736-7300715 (常德, 0736) and
邮政编码 415001 (湖南 41), 004's 0539-8386888 (临沂 0539; 河东区 alone is ambiguous, so the region
check does not run), the 国办公开办函〔2021〕30号 citations of 002 and 004, 001's 遂开办发〔2019〕150号
and its signature 2020年1月20日, and the web pages' publication dates.
"""

from __future__ import annotations

import json

from gxlint.cli.main import main

from .conftest import SEEDS


def column_of(path, line: int, value: str) -> int:
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    return text.index(value) + 1


def test_seed_findings_through_the_cli(capsys):
    paths = [str(path) for path in SEEDS.values()]
    status = main(["--isolated", "--jobs", "1", "--select", "GX3,GX6", "--format", "json", *paths])
    findings = json.loads(capsys.readouterr().out)
    got = {(item["path"].rsplit("/", 1)[-1][:3], item["line"], item["column"], item["code"]) for item in findings}
    xunyang, jiangyin, hedong = SEEDS["xunyang"], SEEDS["jiangyin"], SEEDS["hedong"]
    assert got == {
        ("002", 633, column_of(xunyang, 633, "国办函〔2020109号"), "GX606"),
        ("003", 19, column_of(jiangyin, 19, "202311日"), "GX601"),
        ("003", 19, column_of(jiangyin, 19, "20231231日"), "GX601"),
        ("003", 19, column_of(jiangyin, 19, "051086868123"), "GX302"),
        ("003", 590, column_of(jiangyin, 590, "20241"), "GX601"),
        ("004", 4, column_of(hedong, 4, "hdqswj8386888@163.com"), "GX307"),
    }
    assert status == 1
    severities = {item["code"]: item["severity"] for item in findings}
    assert severities == {"GX606": "error", "GX601": "error", "GX302": "info", "GX307": "info"}


def test_seed_phone_numbers_are_read_and_judged_valid():
    from gxlint_rules.contact import judged_phones

    from gxlint.testing import parse_text

    expected = {
        "changde": [("0736-7312309", "0736"), ("0736-7300715", "0736")],
        "jiangyin": [("051086868123", "0510")],
        "hedong": [("0539-8386888", "0539")],
    }
    for name, numbers in expected.items():
        report = parse_text(SEEDS[name].read_text(encoding="utf-8"), path=SEEDS[name].name)
        judged = [(found.raw, verdict.area_code) for found, verdict in judged_phones(report) if verdict.valid]
        assert judged == numbers, name
        if report.meta.region:
            assert {code for _, code in numbers} <= set(report.meta.region["area_codes"]), name
