"""Date and period rules GX601–GX605 on real-shaped report sentences."""

from __future__ import annotations

import pytest
from gxlint_rules import dates

from gxlint.rule import RuleContext
from gxlint.testing import lint_text, parse_text

from .contact_dates_support import check_docstring_examples, found, where

HEAD = "一、总体情况\n"


def test_every_rule_has_a_bad_and_a_good_example_that_behave():
    check_docstring_examples(dates.RULES)


# --- GX601 date-malformed -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "message"),
    [
        ("所列数据的统计期限自202311日起至2023年12月31日止。", "202311日", "日期「202311日」缺少“年”和“月”，应为「2023年1月1日」"),
        ("所列数据的统计期限自2023年1月1日起至20231231日止。", "20231231日", "日期「20231231日」缺少“年”和“月”，应为「2023年12月31日」"),
        ("会议于2023112日召开。", "2023112日", "日期「2023112日」缺少“年”和“月”（可能是2023年1月12日或2023年11月2日）"),
        ("截至202312月，共公开信息100条。", "202312月", "日期「202312月」缺少“年”，应为「2023年12月」"),
        ("截至2023年1231日，共公开信息100条。", "2023年1231日", "日期「2023年1231日」缺少“月”，应为「2023年12月31日」"),
        ("于2023年13月1日印发。", "2023年13月1日", "日期「2023年13月1日」不存在：没有 13 月"),
        ("于2023年12月32日印发。", "2023年12月32日", "日期「2023年12月32日」不存在：12 月没有 32 日"),
        ("于2023年2月30日印发。", "2023年2月30日", "日期「2023年2月30日」不存在：2 月没有 30 日"),
        ("于2023年2月29日印发。", "2023年2月29日", "日期「2023年2月29日」不存在：2 月没有 29 日"),
        ("于2月30日印发。", "2月30日", "日期「2月30日」不存在：2 月没有 30 日"),
        ("于2023年4月31日印发。", "2023年4月31日", "日期「2023年4月31日」不存在：4 月没有 31 日"),
        ("2023年13月起施行。", "2023年13月", "日期「2023年13月」不存在：没有 13 月"),
        ("于2023-13-01印发。", "2023-13-01", "日期「2023-13-01」不存在：没有 13 月"),
        ("截至2023.12.31日，共公开信息。", "2023.12.31日", "日期「2023.12.31日」混用了两种写法，应写作「2023年12月31日」"),
        ("截至2023-12月31日，共公开信息。", "2023-12月31日", "日期「2023-12月31日」混用了两种写法，应写作「2023年12月31日」"),
        ("截至2023年12-31日，共公开信息。", "2023年12-31日", "日期「2023年12-31日」混用了两种写法，应写作「2023年12月31日」"),
        ("截至2023年12月31，共公开信息。", "2023年12月31", "日期「2023年12月31」缺少“日”"),
        ("统计期限自2023年1月1日至2023.12.31止。", "2023年1月1日至2023.12.31", "起止日期「2023年1月1日至2023.12.31」两端写法不一致，宜统一写作“×年×月×日”"),
        ("截至２０２３年１２月３２日，共公开信息。", "２０２３年１２月３２日", "日期「２０２３年１２月３２日」不存在：12 月没有 32 日"),
    ],
)
def test_malformed_date_at_its_column(sentence, value, message):
    text = HEAD + sentence + "\n"
    assert found(text, "GX601") == [(*where(text, value), message)]


@pytest.mark.parametrize(
    "sentence",
    [
        "统计期限自2023年1月1日起至2023年12月31日止。",
        "统计期限从2023年1月1日到12月31日止。",
        "2024年2月29日印发，2月29日起施行。",
        "截至2023-12-31，截至2023.12.31，截至2023/12/31。",
        "期间为2023-01-01至2023-12-31，即2023年1月1日至2023年12月31日。",
        "2023年1-12月共公开信息，2023年1—12月、1-11月累计。",
        "2023年12月，12月31日，2023年度，2022年、2023年两年。",
        "全年累计收到工单 2821条，公开信息20231条。",
        "信息索取号:000014349/2024-00712。",
    ],
)
def test_good_dates_are_left_alone(sentence):
    assert found(HEAD + sentence + "\n", "GX601") == []


def test_signature_date_that_lost_its_year_month_and_day():
    text = "2023年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n                  临港经济开发区党政办公室\n\n                 \u00a0\u00a020241\n"
    assert found(text, "GX601") == [(*where(text, "20241"), "落款日期「20241」缺少“年”“月”“日”，应写作完整日期「2024年×月×日」")]


# --- GX602 statistical-period-wrong ---------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("自2022年1月1日起至2022年12月31日止", "统计期限「2022年1月1日至2022年12月31日」是 2022 年，与报告年度 2023 年（据标题）不一致"),
        ("自2023年1月1日起至2023年11月30日止", "不是整年，应为 2023年1月1日至2023年12月31日：报告年度 2023 年（据标题）"),
        ("自2023年1月1日起至12月30日止", "不是整年，应为 2023年1月1日至2023年12月31日"),
        ("自2023年2月1日起至2024年1月31日止", "不是整年，应为 2023年1月1日至2023年12月31日"),
    ],
)
def test_statistical_period_that_is_not_the_report_year(period, expected):
    text = f"2023年政府信息公开工作年度报告\n本报告中所列数据的统计期限{period}。\n一、总体情况\n"
    [(line, column, message)] = found(text, "GX602")
    start = period[1:]  # the period starts after 自
    assert (line, column) == where(text, start)
    assert expected in message


@pytest.mark.parametrize("period", ["自2023年1月1日起至2023年12月31日止", "从2023年1月1日到12月31日止",
                                    "自202311日起至20231231日止"])
def test_right_or_unreadable_periods_are_not_reported(period):
    text = f"2023年政府信息公开工作年度报告\n本报告中所列数据的统计期限{period}。\n一、总体情况\n"
    assert found(text, "GX602") == []


# --- GX603 report-year-mismatch -------------------------------------------------------------


def test_preamble_names_another_year():
    text = "2023年政府信息公开工作年度报告\n现公布本局2022年度政府信息公开工作年度报告。\n一、总体情况\n"
    [(line, column, message)] = found(text, "GX603")
    assert (line, column) == where(text, "2022年度")
    assert message == "前言中的「2022年度政府信息公开工作年度报告」年份 2022 与报告年度 2023 年（据标题）不一致"


def test_signature_two_years_after_the_report_year():
    text = "2023年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n某某县商务局\n2025年1月20日\n"
    [(line, column, message)] = found(text, "GX603")
    assert (line, column) == where(text, "2025年1月20日")
    assert "应在 2024 年发布" in message


def test_preamble_sentence_about_another_report_is_not_a_mismatch():
    text = "2023年政府信息公开工作年度报告\n对照2022年度政府信息公开工作年度报告中指出的问题逐项整改。\n一、总体情况\n"
    assert found(text, "GX603") == []


def test_previous_report_mentioned_in_the_body_is_not_a_mismatch():
    text = "2019年政府信息公开工作年度报告\n一、总体情况\n完成了2018年政务公开工作年度报告的撰写和公开。\n"
    assert found(text, "GX603") == []


# --- GX604 signature-date-implausible -------------------------------------------------------


def test_signature_before_the_period_ends():
    text = "2023年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n某某县商务局\n2023年12月20日\n"
    [(line, column, message)] = found(text, "GX604")
    assert (line, column) == where(text, "2023年12月20日")
    assert message.startswith("落款日期「2023年12月20日」早于统计期限结束（2023年12月31日）")


def test_signature_in_the_future():
    text = "2023年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n某某县商务局\n2099年1月20日\n"
    [(_, _, message)] = found(text, "GX604")
    assert message.startswith("落款日期「2099年1月20日」晚于今天")


def test_page_publication_date_before_the_period_ends():
    text = ("发布日期:2023-06-19 10:09 浔阳区委区政府门户网站\n浔阳区人民政府2023年政府信息公开工作年度报告\n"
            "一、总体情况\n本年度未收到申请。\n")
    report = parse_text(text)
    assert report.chrome, "the publication line is page chrome"
    [(line, column, message)] = found(text, "GX604")
    assert (line, column) == where(text, "2023-06-19")
    assert message.startswith("发布日期「2023-06-19」早于统计期限结束")


def test_dates_after_the_period_are_left_alone():
    text = "发布日期:2024-02-19 10:09\n2023年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n某某县商务局\n2024年1月20日\n"
    assert found(text, "GX604") == []


# --- GX605 published-after-deadline ---------------------------------------------------------


@pytest.mark.parametrize(
    ("agency", "date", "late"),
    [
        ("某某县商务局", "2024年2月1日", True),
        ("某某县商务局", "2024年1月31日", False),
        ("某某县人民政府办公室", "2024年2月20日", True),
        ("某某县人民政府", "2024年2月20日", False),
        ("某某县人民政府", "2024年4月1日", True),
        ("某某经济技术开发区管理委员会", "2024年4月1日", False),  # neither a department nor a government
    ],
)
def test_deadline_by_kind_of_agency(agency, date, late):
    text = f"{agency}2023年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n{agency}\n{date}\n"
    diagnostics = lint_text(text, select=["GX605"])
    assert [(d.line, d.column, d.severity.value) for d in diagnostics] == ([(*where(text, date), "info")] if late else [])


def test_deadline_judged_by_the_page_publication_date():
    head = "成文日期: | 2024-01-16 | 发布日期: | {published} |\n河东区商务局2023年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n"
    late = head.format(published="2024-02-19")
    assert [d[:2] for d in found(late, "GX605")] == [where(late, "2024-02-19")]
    assert found(head.format(published="2024-01-19"), "GX605") == []


def test_dates_split_across_pdf_lines_are_not_judged_by_halves():
    text = "2023年政府信息公开工作年度报告\n一、总体情况\n本年度报告所列数据截至 2023 年 12 月 3\n1 日。于2023年2月30日印发通知。\n"
    parsed = parse_text(text)
    parsed.source_kind = "pdf"  # as the PDF reader would mark it: one text line per paragraph
    messages = [d.message for d in dates.DateMalformed().check(parsed, RuleContext())]
    assert messages == ["日期「2023年2月30日」不存在：2 月没有 30 日"]
    parsed.source_kind = "text"  # in a text file the line really ends there
    assert "日期「2023 年 12 月 3」缺少“日”" in [d.message for d in dates.DateMalformed().check(parsed, RuleContext())]
