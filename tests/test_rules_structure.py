"""GX1 structure rules: each finding at the line a reader sees it, and no finding where all is well.

Expected lines were read by hand from the texts below and from the seed reports.
"""

from __future__ import annotations

import re

import pytest

from gxlint.config import Settings
from gxlint.diagnostics import Severity
from gxlint.testing import lint_text

from .conftest import SEEDS

HEAD = "常德经济技术开发区2022年度政府信息公开工作年度报告\n"
SIX = {
    1: "一、总体情况\n全年主动公开政府信息 120 条，依申请公开办理 3 件。\n",
    2: "二、主动公开政府信息情况\n详见下表。\n",
    3: "三、收到和处理政府信息公开申请情况\n详见下表。\n",
    4: "四、政府信息公开行政复议、行政诉讼情况\n详见下表。\n",
    5: "五、存在的主要问题及改进情况\n公开深度不够，下一步将加强培训。\n",
    6: "六、其他需要报告的事项\n本年度未收取信息处理费。\n",
}


def report(*numbers: int, head: str = HEAD, **replace: str) -> str:
    parts = [replace.get(f"s{n}", SIX[n]) for n in numbers]
    return head + "".join(parts)


def found(text: str, code: str, **settings) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in lint_text(text, select=[code], settings=Settings(**settings)) if d.code == code]


def lines(text: str, code: str, **settings) -> list[int]:
    return [line for line, _ in found(text, code, **settings)]


def seed(name: str) -> str:
    return SEEDS[name].read_text(encoding="utf-8")


# --- GX101 section-missing ----------------------------------------------------------------------


def test_missing_section_is_named_with_its_neighbours_and_reported_where_it_belongs():
    text = report(1, 2, 3, 4, 6)
    # lines: 1 title, 2 一, 4 二, 6 三, 8 四, 10 六
    [(line, message)] = found(text, "GX101")
    assert line == 10
    assert "缺少第五部分「五、存在的主要问题及改进情况」" in message
    assert "「四、政府信息公开行政复议、行政诉讼情况」（第 8 行）之后" in message
    assert "「六、其他需要报告的事项」（第 10 行）之前" in message


def test_missing_section_points_at_a_heading_worded_beyond_recognition():
    text = report(1, 2, 3, 4, 5, 6, s5="五、工作中的不足和下一步打算\n公开深度不够。\n")
    [(line, message)] = found(text, "GX101")
    assert line == 10
    assert "第 10 行的「五、工作中的不足和下一步打算」可能就是这一部分" in message


def test_heading_run_into_its_first_sentence_is_not_missing():
    text = report(1, 2, 3, 4, 6, s6="五、存在的主要问题及改进情况：一是公开不够。二是培训不足。\n" + SIX[6])
    assert found(text, "GX101") == []


def test_no_statutory_heading_at_all_is_one_finding():
    text = HEAD + "一、工作开展情况\n全年主动公开政府信息 120 条。\n二、下一步打算\n继续做好公开工作。\n"
    [(line, message)] = found(text, "GX101")
    assert line == 1 and "未找到格式规定的任何一个部分的标题" in message


def test_all_six_present_is_clean():
    assert found(report(1, 2, 3, 4, 5, 6), "GX101") == []


# --- GX102 sections-out-of-order ----------------------------------------------------------------


def test_section_out_of_order_is_reported_once_at_the_misplaced_heading():
    text = report(1, 2, 3, 5, 4, 6)
    # lines: 2 一, 4 二, 6 三, 8 五, 10 四, 12 六
    [(line, message)] = found(text, "GX102")
    assert line == 10
    assert "第四部分「四、政府信息公开行政复议、行政诉讼情况」排在第五部分「五、存在的主要问题及改进情况」（第 8 行）之后" in message


def test_first_section_placed_last_is_reported_before_the_others():
    text = report(2, 3, 4, 5, 6, 1)
    [(line, message)] = found(text, "GX102")
    assert line == 12 and "第一部分" in message


# --- GX103 section-number-wrong -----------------------------------------------------------------


def test_statutory_section_with_another_number():
    text = report(1, 2, 3, 4, 5, 6, s5="四、存在的主要问题及改进情况\n公开深度不够。\n", s6="五、其他需要报告的事项\n本年度未收取信息处理费。\n")
    assert found(text, "GX103") == [
        (10, "「四、存在的主要问题及改进情况」是格式中的第五部分「五、存在的主要问题及改进情况」，编号应为「五」而不是「四」"),
        (12, "「五、其他需要报告的事项」是格式中的第六部分「六、其他需要报告的事项」，编号应为「六」而不是「五」"),
    ]
    assert lines(text, "GX104") == [] and lines(text, "GX106") == []  # one defect, one finding


# --- GX104 / GX105 / GX106 numbering ------------------------------------------------------------


def test_local_outline_inside_the_overview_blames_the_sub_headings_not_the_sections():
    overview = "一、总体情况\n本年度工作如下。\n一、主动公开\n发布信息 120 条。\n二、政府信息管理\n做好保密审查。\n"
    text = report(1, 2, 3, 4, 5, 6, s1=overview)
    # lines: 2 一、总体情况, 4 一、主动公开, 6 二、政府信息管理, 8 二、主动公开政府信息情况
    result = found(text, "GX104")
    assert [line for line, _ in result] == [4, 6]
    assert "「一、主动公开」的编号「一」与第 2 行的「一、总体情况」重复" in result[0][1]
    assert "应改用「（一）」" in result[0][1]
    assert "与第 8 行的「二、主动公开政府信息情况」重复" in result[1][1]
    # The overview's text is under those headings: the section is not empty.
    assert lines(text, "GX107") == []


def test_skipped_number_on_an_extra_heading():
    text = report(1, 2, 3, s3="四、工作亮点\n开展政府开放日活动。\n")
    [(line, message)] = found(text, "GX105")
    assert line == 6 and "从第 4 行的「二」跳到「四」，中间缺少「三」" in message


def test_gap_left_by_a_missing_section_is_not_a_skip():
    text = report(1, 2, 4, 5, 6)
    assert lines(text, "GX105") == []
    assert lines(text, "GX101") == [6]


def test_table_of_contents_before_the_sections_is_a_restart_and_the_real_sections_are_used():
    toc = "目录\n" + "".join(SIX[n].splitlines(keepends=True)[0] for n in range(1, 7))
    text = HEAD + toc + "".join(SIX[n] for n in range(1, 7))
    # lines: 2 目录, 3–8 contents, 9 一、总体情况 (with body)
    [(line, message)] = found(text, "GX106")
    assert line == 9
    assert "退回到「一」（前面第 8 行已编到「六、其他需要报告的事项」）" in message
    assert lines(text, "GX107") == []  # the statutory sections are the ones with text
    assert lines(text, "GX102") == []


def test_clean_numbering_has_no_numbering_findings():
    text = report(1, 2, 3, 4, 5, 6)
    for code in ("GX103", "GX104", "GX105", "GX106"):
        assert lines(text, code) == [], code


# --- GX107 section-empty ------------------------------------------------------------------------


def test_section_five_saying_only_nothing_is_flagged_at_its_text():
    text = report(1, 2, 3, 4, 5, 6, s5="五、存在的主要问题及改进情况\n无。\n")
    [(line, message)] = found(text, "GX107")
    assert line == 11 and "第五部分「五、存在的主要问题及改进情况」只写了「无。」" in message


def test_section_six_may_say_nothing_else_to_report():
    assert lines(report(1, 2, 3, 4, 5, 6, s6="六、其他需要报告的事项\n无。\n"), "GX107") == []
    assert lines(seed("suining"), "GX107") == []  # 「无其他需要报告的事项」 and the signature


def test_section_with_sub_headings_but_no_text():
    text = report(1, 2, 3, 4, 5, 6, s5="五、存在的主要问题及改进情况\n（一）存在的问题\n（二）改进措施\n")
    [(line, message)] = found(text, "GX107")
    assert line == 10 and "只有小标题，没有正文" in message


def test_table_section_saying_only_nothing_lacks_its_table():
    text = report(1, 2, 3, 4, 5, 6, s4="四、政府信息公开行政复议、行政诉讼情况\n无\n")
    [(line, message)] = found(text, "GX107")
    assert line == 9 and "只写了「无」" in message and "格式要求填写本部分的统计表" in message


def test_seed_sections_all_have_content():
    for name in SEEDS:
        assert lines(seed(name), "GX107") == [], name


# --- GX108 overview-topic-missing ---------------------------------------------------------------


def test_overview_without_information_management_is_an_info_note():
    diagnostics = [d for d in lint_text(seed("jiangyin"), select=["GX108"])]
    assert [(d.line, d.severity) for d in diagnostics] == [(23, Severity.INFO)]
    assert "未见「政府信息管理」方面的内容" in diagnostics[0].message


@pytest.mark.parametrize("name", ["changde", "xunyang", "hedong"])
def test_overviews_covering_the_five_aspects(name):
    assert lines(seed(name), "GX108") == []


@pytest.mark.parametrize(
    "overview",
    [
        # Aspects written in full width, with spaces or line breaks inside, or in traditional
        # characters are found only once the text is folded.
        "主动公开信息 120 条；依申请公开 3 件；政府信息管理规范；平台建设加强；监督保障有力。",
        "主动公开信息；依 申请公开；政府信息\n管理；平台建设；監督保障。",
        "主動公開信息；依申請公開；政府資訊管理；平臺建設；監督保障；考核。",
        "主动公开；依申请；保密审查；政府网站；培训。",
        "主动公开；依申请；保密审查；政府网站。",
    ],
)
def test_the_shortcut_over_unfolded_text_agrees_with_the_folded_text(overview):
    from gxlint_rules._common import lexicon, mentions
    from gxlint_rules.structure_content import _plainly_mentions

    from gxlint.normalize import label_key

    phrases = lexicon()["overview_topics"]
    folded = [[label_key(p) for p in ps] for ps in phrases.values()]
    everywhere = all(mentions(label_key(overview), ps) for ps in phrases.values())
    assert not _plainly_mentions(overview, folded) or everywhere
    text = report(1, 2, 3, 4, 5, 6, s1="一、总体情况\n" + overview + "\n")
    assert (lines(text, "GX108") == []) == everywhere


def test_2019_reports_are_not_held_to_the_2021_aspects():
    # The five aspects come from the 2021 format; seed 001 is a 2019 report.
    assert lines(seed("suining"), "GX108") == []


# --- GX109 fee-statement-missing ----------------------------------------------------------------


def test_section_six_without_fee_statement_in_a_2022_report():
    diagnostics = lint_text(seed("changde"), select=["GX109"])
    assert [(d.line, d.severity) for d in diagnostics] == [(78, Severity.WARNING)]
    assert "第六部分「六、其他需要报告的事项」没有说明信息处理费的收取情况" in diagnostics[0].message


@pytest.mark.parametrize(
    "statement",
    [
        "本年度未收取信息处理费。",
        "收取信息处理费的情况：无。",
        "本年度我区未收取信息公开处理费。",
        "本机关依申请公开未收取任何费用。",
        "本年度收取信息处理费 380 元。",
    ],
)
def test_fee_statement_wordings(statement):
    assert lines(report(6, s6=f"六、其他需要报告的事项\n{statement}\n"), "GX109") == []


def test_fee_statement_in_traditional_characters_counts():
    assert lines(report(6, s6="六、其他需要报告的事项\n本年度未收取信息處理費。\n"), "GX109") == []


def test_fee_shortcut_only_for_patterns_that_need_the_character():
    from gxlint_rules.structure_content import _fee_patterns, _requires

    assert _fee_patterns()[1]  # the shipped patterns all name 费
    needs = {source: _requires(re.compile(source), "费") for source in ("收取[^.;]{0,20}费", "(?:费)", "费?", "a|费", "(?i)费", "(费)")}
    assert needs == {"收取[^.;]{0,20}费": True, "(?:费)": True, "费?": False, "a|费": False, "(?i)费": False, "(费)": False}


def test_fee_heading_followed_by_nothing_to_report_counts():
    text = report(6, s6="六、其他需要报告的事项\n（一）收取信息处理费的情况\n无\n（二）其他事项\n无\n")
    assert lines(text, "GX109") == []
    assert lines(seed("hedong"), "GX109") == []


def test_fee_heading_with_no_text_under_it_does_not_count():
    text = report(6, s6="六、其他需要报告的事项\n（一）收取信息处理费的情况\n（二）其他事项\n无\n")
    assert lines(text, "GX109") == [2]


def test_fee_stated_outside_section_six_is_an_info_note():
    text = report(1, 6, s1="一、总体情况\n本年度未收取信息处理费。\n", s6="六、其他需要报告的事项\n无。\n")
    [diagnostic] = lint_text(text, select=["GX109"])
    assert diagnostic.severity is Severity.INFO and "第 3 行提到了收费" in diagnostic.message


def test_2019_and_2020_reports_need_no_fee_statement():
    assert lines(seed("suining"), "GX109") == []
    text = report(6, head="XX县人民政府2020年政府信息公开工作年度报告\n", s6="六、其他需要报告的事项\n无。\n")
    assert lines(text, "GX109") == []


# --- GX110 / GX111 title ------------------------------------------------------------------------


def test_title_without_year_on_the_seed_2019_report():
    [(line, message)] = found(seed("suining"), "GX110")
    assert line == 2
    assert message == "标题「遂宁经济技术开发区管理委员会政府信息公开工作年度报告」没有写明报告年度（据落款日期推断为 2019 年度）"


def test_title_without_agency_on_seed_003():
    [(line, message)] = found(seed("jiangyin"), "GX111")
    assert line == 13
    assert message.startswith("标题「2023年政府信息公开工作年度报告」没有写明发布机关")


@pytest.mark.parametrize("name", ["changde", "hedong"])
def test_untitled_report_whose_opening_names_year_and_agency(name):
    assert lines(seed(name), "GX110") == [] and lines(seed(name), "GX111") == []


def test_untitled_report_without_an_opening():
    text = SIX[1] + SIX[6]
    assert found(text, "GX110") == [(1, "报告没有标题，开头也没有写明报告年度")]
    assert found(text, "GX111") == [(1, "报告没有标题，开头也没有写明发布机关")]


@pytest.mark.parametrize(
    "title",
    [
        "浔阳区人民政府2023年政府信息公开工作年度报告",
        "2023年度浔阳区人民政府政府信息公开工作年度报告",
        "浔阳区人民政府二〇二三年政府信息公开工作年度报告",
        "关于浔阳区人民政府2023年度政府信息公开工作的报告",
    ],
)
def test_complete_titles(title):
    text = report(1, 6, head=title + "\n")
    assert lines(text, "GX110") == [] and lines(text, "GX111") == []


def test_title_of_generic_words_only_names_no_agency():
    assert lines(report(1, 6, head="关于2023年度政府信息公开工作情况的报告\n"), "GX111") == [1]


def test_site_name_above_the_page_chrome_is_not_part_of_the_title():
    # Seed 003: 「临港经济开发区」 on line 1 is the site banner, lines 2–12 are navigation and
    # metadata, the title on line 13 is 「2023年政府信息公开工作年度报告」.
    from gxlint.testing import parse_text

    meta = parse_text(seed("jiangyin")).meta
    assert meta.title == "2023年政府信息公开工作年度报告"
    assert meta.title_span.line == 13
