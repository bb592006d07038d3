"""Document-number rules GX606–GX608 on real-shaped citations."""

from __future__ import annotations

import datetime

import pytest
from gxlint_rules import references

from .contact_dates_support import check_docstring_examples, graded, where

HEAD = "一、总体情况\n"


def test_every_rule_has_a_bad_and_a_good_example_that_behave():
    check_docstring_examples(references.RULES)


# --- GX606 document-number-brackets ---------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "severity", "message"),
    [
        ("国办函〔2020109号", "error", "文号「国办函〔2020109号」缺少“〕”，应为「国办函〔2020〕109号」"),
        ("国办函2020〕109号", "error", "文号「国办函2020〕109号」缺少“〔”，应为「国办函〔2020〕109号」"),
        ("国办发[2021]30号", "warning", "文号「国办发[2021]30号」的年份应使用六角括号〔〕，应为「国办发〔2021〕30号」"),
        ("国办发【2021】30号", "warning", "文号「国办发【2021】30号」的年份应使用六角括号〔〕，应为「国办发〔2021〕30号」"),
        ("国办发（2021）30号", "warning", "文号「国办发（2021）30号」的年份应使用六角括号〔〕，应为「国办发〔2021〕30号」"),
        ("国办发〔2021]30号", "warning", "文号「国办发〔2021]30号」的年份应使用六角括号〔〕，应为「国办发〔2021〕30号」"),
    ],
)
def test_bracket_slips(written, severity, message):
    text = HEAD + f"根据《关于做好政务公开工作的通知》（{written}）要求，我局认真落实。\n"
    assert graded(text, "GX606") == [(*where(text, written), severity, message)]


@pytest.mark.parametrize("written", ["国办函〔2020〕109号", "遂开工委发〔2019〕34 号", "遂开办发〔2019〕150号"])
def test_well_formed_numbers_are_left_alone(written):
    assert graded(HEAD + f"印发《工作要点》（{written}）等文件。\n", "GX606") == []


def test_lead_in_words_are_not_part_of_the_issuer():
    text = HEAD + "本局依据国办发[2021]30号执行。\n"
    [(_, _, _, message)] = graded(text, "GX606")
    assert message.endswith("应为「国办发〔2021〕30号」")


# --- GX607 document-number-future-year ------------------------------------------------------


def test_number_from_a_year_that_has_not_come():
    year = datetime.date.today().year + 1
    text = HEAD + f"印发《工作要点》（某政办发〔{year}〕3号）。\n"
    assert graded(text, "GX607") == [
        (*where(text, f"某政办发〔{year}〕3号"), "error",
         f"文号「某政办发〔{year}〕3号」的年份 {year} 尚未到来（今年是 {year - 1} 年）")
    ]


def test_number_later_than_the_signature():
    text = ("2023年政府信息公开工作年度报告\n一、总体情况\n印发《工作要点》（某政办发〔2025〕3号）。\n"
            "某某县人民政府\n2024年1月20日\n")
    assert graded(text, "GX607") == [
        (*where(text, "某政办发〔2025〕3号"), "warning",
         "文号「某政办发〔2025〕3号」的年份 2025 晚于报告的落款日期（2024年1月20日）")
    ]


def test_number_of_the_signature_year_is_fine():
    text = ("2023年政府信息公开工作年度报告\n一、总体情况\n印发《工作要点》（某政办发〔2024〕3号）。\n"
            "某某县人民政府\n2024年1月20日\n")
    assert graded(text, "GX607") == []


# --- GX608 known-reference-wrong-number -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        ("《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕36号）", "国办公开办函〔2021〕36号", "「国办公开办函〔2021〕30号」"),
        ("《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2020〕30号)",
         "国办公开办函〔2020〕30号", "「国办公开办函〔2021〕30号」或「国办公开办函〔2019〕60号」"),
        ("《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕119号）", "国办函〔2020〕119号", "「国办函〔2020〕109号」"),
        ("《政府信息公开信息处理费管理办法》（国办发〔2020〕109号）", "国办发〔2020〕109号", "「国办函〔2020〕109号」"),
        ("《中华人民共和国政府信息公开条例》（国务院令第771号）", "国务院令第771号", "「国务院令第711号」或「国务院令第492号」"),
    ],
)
def test_wrong_number_for_a_known_document(sentence, written, expected):
    text = HEAD + f"根据{sentence}要求，编制本报告。\n"
    [(line, column, severity, message)] = graded(text, "GX608")
    assert (line, column, severity) == (*where(text, written), "error")
    assert f"的文号应为{expected}，这里写作「{written}」" in message


@pytest.mark.parametrize(
    "sentence",
    [
        "《中华人民共和国政府信息公开条例》(国务院令第711号)(以下简称《条例》)和《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)",
        "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
        "《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）",
        "《关于印发2023年政务公开工作要点的通知》（国办发〔2023〕20号）",
    ],
)
def test_right_or_unknown_documents_are_left_alone(sentence):
    assert graded(HEAD + f"根据{sentence}要求，编制本报告。\n", "GX608") == []
