"""GX520–GX523 punctuation: unbalanced marks, half-width marks, lists cut by 。, doubled marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .language_support import fixed, lint, prose, where

# --- GX520 unbalanced brackets and quotes -----------------------------------------------------


def test_unclosed_quote_at_the_stray_mark():
    found = lint(prose("开展“全区政府系统“机关开放月”活动。"), ["GX520"])
    assert where(found) == [(2, 3, "GX520")]
    assert "「“」没有对应的「”」" in found[0].message


def test_closing_mark_without_opening():
    found = lint(prose("按照条例》要求办理。"), ["GX520"])
    assert where(found) == [(2, 5, "GX520")]
    assert "「》」前面没有对应的「《」" in found[0].message


def test_lost_bracket_of_a_document_number_is_left_to_the_reference_rule():
    # GX606 reports 〔2020109号 with the corrected number; GX520 must not report it a second time.
    text = prose("依据（国办函〔2020109号）规定。")
    assert where(lint(text, ["GX520"])) == []
    assert where(lint(text, ["GX606"])) == [(2, 4, "GX606")]  # at 国办函, the number's start


def test_lost_closing_bracket_outside_a_document_number():
    assert where(lint(prose("设立〔服务专窗并公开。"), ["GX520"])) == [(2, 3, "GX520")]


@pytest.mark.parametrize(
    "sentence",
    [
        "依据《条例》（国务院令第711号）和“放管服”改革要求。",
        "以“争先进位、争创‘国开’”为使命。",
        "依据《关于印发〈政府信息公开信息处理费管理办法〉的通知》办理。",
        "根据《条例》(以下简称《条例》)规定。",  # ASCII parentheses pair like full-width ones
        "混用（半角与全角)的括号也成对。",
        "O’Brien 先生来访。",  # ’ doubles as an apostrophe
    ],
)
def test_balanced_marks_are_not_reported(sentence):
    assert lint(prose(sentence), ["GX520"]) == []


def test_bracket_may_close_on_the_next_line_of_a_cut_sentence():
    assert lint(prose("根据《中华人民共和国政府", "信息公开条例》规定编制。"), ["GX520"]) == []


def test_sentence_end_closes_what_is_open():
    found = lint(prose("根据《中华人民共和国政府信息公开条例。", "条例》规定编制。"), ["GX520"])
    assert where(found) == [(2, 3, "GX520"), (3, 3, "GX520")]


# --- GX521 half-width punctuation -------------------------------------------------------------

MOSTLY_FULL = "本机关全面推进政务公开，加强平台建设，完善制度机制，严格审核把关，提升公开质量，回应群众关切，做好解读工作,强化考核。"


def test_each_half_width_mark_when_it_is_the_exception():
    found = lint(prose(MOSTLY_FULL), ["GX521"])
    assert where(found) == [(2, 54, "GX521")]
    assert found[0].severity.value == "info"
    assert "半角「,」，应为全角「，」" in found[0].message


def test_one_summary_when_the_file_is_half_width_throughout():
    text = prose("本机关全面推进政务公开,加强平台建设,完善制度机制(含考核):提升质量;回应关切。")
    found = lint(text, ["GX521"])
    assert where(found) == [(2, 12, "GX521")]
    assert found[0].message.startswith("全文有 6 处中文语句使用了半角标点（「,」2 处、「(」1 处、「)」1 处、「:」1 处、「;」1 处）")


@pytest.mark.parametrize(("mode", "count"), [("each", 6), ("summary", 1)])
def test_mode_option_forces_one_behaviour(mode, count):
    text = prose("本机关全面推进政务公开,加强平台建设,完善制度机制(含考核):提升质量;回应关切。")
    assert len(lint(text, ["GX521"], {"GX521": {"mode": mode}})) == count


def test_numbers_times_and_addresses_are_not_chinese_text():
    text = prose("共收到1,234件，发布时间10:09，网址http://www.example.gov.cn/。")
    assert lint(text, ["GX521"]) == []


def test_half_width_fix_is_unsafe(tmp_path):
    text = prose(MOSTLY_FULL)
    assert fixed(tmp_path, text, ["GX521"]) == text
    assert fixed(tmp_path, text, ["GX521"], unsafe=True) == prose(MOSTLY_FULL.replace(",", "，"))


# --- GX522 list items separated by full stops -------------------------------------------------


def test_list_cut_by_full_stops():
    found = lint(prose("运用图解。动漫。短视频形式，做好多样化解读。"), ["GX522"])
    assert where(found) == [(2, 5, "GX522")]
    assert "「…运用图解、动漫、短视频形式」" in found[0].message


def test_list_fix_is_unsafe(tmp_path):
    text = prose("运用图解。动漫。短视频形式，做好多样化解读。")
    assert fixed(tmp_path, text, ["GX522"]) == text
    assert fixed(tmp_path, text, ["GX522"], unsafe=True) == prose("运用图解、动漫、短视频形式，做好多样化解读。")


@pytest.mark.parametrize(
    "sentence",
    [
        "存在的主要问题。一是重视程度不够。二是信息公开不规范。",
        "情况如下。无。其他事项，另行报告。",
        "运用图解、动漫、短视频形式，做好多样化解读。",
        "全年办结。共计14件，均已答复。",
        "明确分工，责任到人。加强领导。全面推进，取得实效。",
    ],
)
def test_short_sentences_are_not_lists(sentence):
    assert lint(prose(sentence), ["GX522"]) == []


# --- GX523 doubled punctuation ----------------------------------------------------------------


def test_doubled_mark_with_a_safe_fix(tmp_path):
    text = prose("本机关全面推进政务公开。。加强平台建设，，提升质量。")
    found = lint(text, ["GX523"])
    assert where(found) == [(2, 12, "GX523"), (2, 20, "GX523")]
    assert all(d.fix is not None and d.fix.safe for d in found)
    assert fixed(tmp_path, text, ["GX523"]) == prose("本机关全面推进政务公开。加强平台建设，提升质量。")


def test_fixes_inside_a_line_of_html_and_no_line_deletion(tmp_path):
    page = (
        "<html><body>\n<div>当前位置：首页 &gt; 信息公开</div>\n<h2>一、总体情况</h2>\n"
        "<p>外包日报社经行日常运维工作。。</p>\n<h2>二、主动公开政府信息情况</h2>\n</body></html>\n"
    )
    expected = page.replace("经行日常运维工作。。", "进行日常运维工作。")
    assert fixed(tmp_path, page, ["GX510", "GX523", "GX530"], unsafe=True, name="report.html") == expected


def test_two_different_marks_are_reported_without_fix():
    found = lint(prose("全年共受理申请14件，。均已办结。"), ["GX523"])
    assert where(found) == [(2, 11, "GX523")]
    assert found[0].fix is None and "「，。」只应保留一个" in found[0].message


@pytest.mark.parametrize("sentence", ["他说：“好。”然后离开……", "网址为http://a.b/c,d;e，请查阅。", "第1.2节"])
def test_legitimate_sequences_are_not_doubled(sentence):
    assert lint(prose(sentence), ["GX523"]) == []


_ALPHABET = "（()）“”《》〔〕，、；：。,;:?! 　资金\x00"
# the pattern searched over the joined units → the pattern each unit let through is searched with
_SEARCHES = {"_DOUBLED_HINT": "_DOUBLED"}


@given(st.lists(st.text(alphabet=_ALPHABET, max_size=30), max_size=6))
@settings(max_examples=300, deadline=None)
def test_a_search_over_the_joined_units_lets_through_every_unit_it_matches(texts):
    from gxlint_rules import punctuation
    from gxlint_rules._text import join_texts, units_matching

    joined = join_texts(texts)
    for name, searched in _SEARCHES.items():
        hint, pattern = getattr(punctuation, name), getattr(punctuation, searched)
        flags = units_matching(hint, joined, len(texts))
        assert len(flags) == len(texts)
        assert all(flag or pattern.search(text) is None for text, flag in zip(texts, flags))
        backwards = units_matching(hint, joined[::-1] if joined is not None else None, len(texts), backwards=True)
        assert all(flag or pattern.search(text[::-1]) is None for text, flag in zip(texts, backwards))


@given(st.lists(st.text(alphabet=",:;?!()（）资金 \t\u3000a1。\x00", max_size=14), min_size=1, max_size=5))
@settings(max_examples=500, deadline=None)
def test_half_width_marks_of_the_joined_units_are_those_of_each_unit(texts):
    from collections import Counter

    from gxlint_rules._text import TextUnit, join_texts
    from gxlint_rules.punctuation import _ascii_in_cjk, _Marks

    units = tuple(TextUnit(text, None, "paragraph") for text in texts)
    each = [(unit, offsets) for unit in units if (offsets := _ascii_in_cjk(unit.text))]
    marks = _Marks(units, join_texts(texts))
    assert marks.count == sum(len(offsets) for _, offsets in each)
    if each:
        assert marks.first() == (each[0][0], each[0][1][0])
        counted = Counter(unit.text[start] for unit, offsets in each for start in offsets)
        assert marks.counts().most_common() == counted.most_common()
    assert [(unit.text, offsets) for unit, offsets in marks.found()] == [(unit.text, offsets) for unit, offsets in each]


@given(st.lists(st.text(alphabet="（()）“”‘’《》〈〉【】〔〕资金。", min_size=1, max_size=12), min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_unbalanced_brackets_skips_only_reports_where_each_unit_nests(paragraphs):
    from unittest import mock

    from gxlint_rules import punctuation

    text = prose(*paragraphs)
    found = [(d.line, d.column, d.message) for d in lint(text, ["GX520"])]
    with mock.patch.object(punctuation, "_each_balanced", return_value=False):
        walked = [(d.line, d.column, d.message) for d in lint(text, ["GX520"])]
    assert found == walked


def test_each_balanced_reads_every_unit_on_its_own():
    from gxlint_rules.punctuation import _each_balanced

    assert _each_balanced("开展“（活动）”\0依据《条例》(第2条）\0‘名’\0无")
    assert not _each_balanced("开展“活动\0”等")  # closed in the next unit only
    assert not _each_balanced("（2020〕")
