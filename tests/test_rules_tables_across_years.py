"""GX220/GX221: this year's report against the same agency's report of the year before.

The previous year's report is built from the seed by changing its year (every "2023" → "2022",
or 2022 → 2021) and the numbers under test, so both reports name the same agency.
"""

from __future__ import annotations

import json

from gxlint.cli.main import main

from .conftest import SEEDS


def write_pair(tmp_path, name, last_year, this_year, edits):
    text = SEEDS[name].read_text(encoding="utf-8")
    lines = text.replace(str(this_year), str(last_year)).split("\n")
    for number, (old, new) in edits.items():
        assert old in lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
    (tmp_path / f"{last_year}.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / f"{this_year}.txt").write_text(text, encoding="utf-8")


def run(tmp_path, capsys, select):
    status = main([str(tmp_path), "--select", select, "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    return status, [(item["path"].rsplit("/", 1)[-1], item["line"], item["column"], item["code"], item["message"]) for item in found]


def test_carry_over_differs_from_last_years_carry_forward(tmp_path, capsys):
    # Seed 002 (浔阳区人民政府, 2023): 二、上年结转 自然人 is 0 on line 146. Last year's copy says
    # 四、结转下年度继续办理 自然人 = 2 (line 524).
    write_pair(tmp_path, "xunyang", 2022, 2023, {524: ("0", "2")})
    status, found = run(tmp_path, capsys, "GX220")
    assert status == 1
    assert found == [
        (
            "2023.txt",
            146,
            1,
            "GX220",
            f"表三「二、上年结转政府信息公开申请数量」行「自然人」列：0，但上一年度报告（{tmp_path / '2022.txt'} 第 524 行）"
            "「四、结转下年度继续办理」为 2",
        )
    ]


def test_carry_over_that_matches(tmp_path, capsys):
    write_pair(tmp_path, "xunyang", 2022, 2023, {})
    assert run(tmp_path, capsys, "GX220") == (0, [])


def test_valid_count_against_last_year(tmp_path, capsys):
    # Seed 000 (常德经济技术开发区, 2022), line 24: 行政规范性文件 0 made, 0 repealed, 7 valid.
    # Last year's copy says 5 valid: 5 + 0 − 0 = 5 ≠ 7.
    write_pair(tmp_path, "changde", 2021, 2022, {24: ("| 7 |", "| 5 |")})
    status, found = run(tmp_path, capsys, "GX221")
    assert found == [
        (
            "2022.txt",
            24,
            19,  # "行政规范性文件 | 0 | 0 | 7 |": the third value
            "GX221",
            f"表二「行政规范性文件」行「现行有效件数」列：7，按上一年度报告（{tmp_path / '2021.txt'}）的现行有效 5 "
            "+ 本年制发 0 − 本年废止 0 应为 5",
        )
    ]


def test_valid_count_that_follows(tmp_path, capsys):
    write_pair(tmp_path, "changde", 2021, 2022, {})
    assert run(tmp_path, capsys, "GX221") == (0, [])


def test_one_report_alone_is_not_compared(tmp_path, capsys):
    (tmp_path / "only.txt").write_text(SEEDS["changde"].read_text(encoding="utf-8"), encoding="utf-8")
    assert run(tmp_path, capsys, "GX220,GX221") == (0, [])


def _suppressed_pair(tmp_path, comment):
    """Seed 002 as a Markdown pair whose GX220 finding (line 146 of this year's copy, 自然人 = 0
    against last year's 2) comes right after ``comment``."""
    text = SEEDS["xunyang"].read_text(encoding="utf-8")
    last = text.replace("2023", "2022").split("\n")
    last[523] = last[523].replace("0", "2", 1)
    (tmp_path / "2022.md").write_text("\n".join(last), encoding="utf-8")
    this = text.split("\n")
    this.insert(145, comment)
    (tmp_path / "2023.md").write_text("\n".join(this), encoding="utf-8")


def test_an_inline_suppression_silences_a_cross_report_finding(tmp_path, capsys):
    _suppressed_pair(tmp_path, "<!-- gxlint: disable-next-line GX220 -->")
    cache = tmp_path / "cache"
    for options in ([], ["--jobs", "2"], ["--cache-dir", str(cache)], ["--cache-dir", str(cache)]):
        # cold, in worker processes, and twice through the cache (filled, then read)
        status = main([str(tmp_path / "2022.md"), str(tmp_path / "2023.md"), "--select", "GX220,GX005",
                       "--format", "json", *options])
        assert (status, json.loads(capsys.readouterr().out)) == (0, []), options  # neither GX220 nor a GX005


def test_the_same_pair_without_the_comment_is_reported(tmp_path, capsys):
    _suppressed_pair(tmp_path, "<!-- an ordinary comment -->")
    status, found = run(tmp_path, capsys, "GX220,GX005")
    assert status == 1 and [(path, line, code) for path, line, _, code, _ in found] == [("2023.md", 147, "GX220")]


def test_a_suppression_of_a_cross_report_rule_is_never_called_unused(tmp_path, capsys):
    # Nothing to silence (the years agree), yet GX220's findings are only known after every file:
    # the comment cannot be proved stale, so no GX005 (a missed stale comment, never a false one).
    write_pair(tmp_path, "xunyang", 2022, 2023, {})
    text = (tmp_path / "2023.txt").read_text(encoding="utf-8").split("\n")
    text.insert(145, "<!-- gxlint: disable-next-line GX220 -->")
    (tmp_path / "2023.txt").write_text("\n".join(text), encoding="utf-8")
    assert run(tmp_path, capsys, "GX220,GX005") == (0, [])
