"""Prose figures (GX210–GX216): against the tables and against themselves.

Sentences are taken from the seed reports (line numbers given) or shaped like them.
"""

from __future__ import annotations

import dataclasses
import inspect
from types import SimpleNamespace

import pytest
from gxlint_rules import _dates, _prose, prose_numbers, prose_tables, references
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.diagnostics import Severity
from gxlint.testing import lint_text

from .conftest import SEEDS

PROSE_CODES = ["GX210", "GX211", "GX212", "GX213", "GX214", "GX215", "GX216"]


def seed(name: str) -> str:
    return SEEDS[name].read_text(encoding="utf-8")


def edited(name: str, edits: dict[int, tuple[str, str]]) -> str:
    lines = seed(name).split("\n")
    for number, (old, new) in edits.items():
        assert old in lines[number - 1], (number, lines[number - 1])
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines)


def found(text: str, *codes: str):
    return [(d.line, d.column, d.code, d.message) for d in lint_text(text, select=list(codes or PROSE_CODES))]


def section_one(*sentences: str) -> str:
    return "一、总体情况\n" + "\n".join(sentences) + "\n"


# --- 其中 breakdowns ------------------------------------------------------------------------------


SEED_000_LINE_9 = (
    "1.畅通渠道公开各类政府信息。根据《条例》要求,常德经济技术开发区2022年通过门户网站、微信公众号等多种方式主动公开"
    "政府信息2266条,其中通过门户网站公开政府信息1483条,通过微信公众号公开政府信息783条,通过其他方式公开政府信息276条,"
    "突出抓好办事服务、产业发展、项目建设、民生实事、财政等重要领域的信息公开。其中公开概况类信息276条,政务动态类信息506条,"
    "信息公开目录内信息276条。"
)


def test_channels_whose_subset_already_makes_the_total():
    # 1483 + 783 = 2266 exactly: the writer added the website and WeChat figures to get the total,
    # so the 276 items "通过其他方式" are missing from it. The second 其中 list (276 + 506 + 276 =
    # 1058 of 2266) is not exhaustive and gives nothing.
    assert found(section_one(SEED_000_LINE_9)) == [
        (2, 84, "GX212", "其中各项之和 2542条（1483+783+276）超过总数 2266条（其中 1483+783 已等于总数，其余各项未计入总数）"),
    ]


def test_channels_that_may_overlap_are_not_reported():
    # The same item may be published on the website and on WeChat: without other evidence a channel
    # sum above the total is not an error.
    text = section_one("全年主动公开政府信息2000条，其中通过门户网站公开1483条，通过微信公众号公开783条。")
    assert found(text) == []


def test_lead_and_assisting_cases_cannot_exceed_the_total():
    # Seed 000 line 9: "共受理建议、提案共3件。其中主办件2件,协办件2件". For one agency each proposal is
    # either led (主办) or assisted (协办), never both, so 2 + 2 = 4 cannot be 3 proposals: a
    # real error (one of the three figures is wrong), reported at the first part.
    text = section_one("2022年,共受理建议、提案共3件。其中主办件2件,协办件2件,目前所有建议、提案都按时办结,回复率、走访率、办结率、满意率均为100%,完成了市里交办的任务。")
    assert found(text) == [(2, 24, "GX212", "其中各项之和 4件（2+2）超过总数 3件（主办件和协办件互不重叠）")]
    assert found(section_one("2022年,共受理建议、提案共3件。其中主办件2件,协办件1件。")) == []


def test_a_single_part_larger_than_the_whole():
    text = section_one("全年共办理人大代表建议3件，其中主办件4件。")
    assert found(text) == [(2, 20, "GX212", "其中“主办件4件”大于总数 3件")]


def test_parts_that_add_up_or_fall_short_are_fine():
    # Seed 003 line 25: 6 + 516 + 626 + 316 = 1464. Seed 001 line 13: nine fields sum to 311.
    assert found(section_one("2023年,全年主动公开政府信息1464条,其中政府发文6条,网站信息516条,微信信息626条,上报政府信息316条,涉及内容有文件解读。")) == []
    assert found(section_one(
        "2019年,经开区重点领域信息公开311条,其中行政权力信息35条,财政资金信息74条,公共资源配置信息11条,重大项目建设信息43条,"
        "公共服务信息76条,国有企业信息8条,环境保护信息21条,食品药品安全信息25条,脱贫攻坚信息18条。"
    )) == []
    assert found(section_one("全年公开信息300条，其中政策解读20条。")) == []


def test_proposals_split_of_seed_004():
    # Seed 004 line 346: "共办理建议和提案5件，其中建议0件、提案5件" adds up (0 + 5 = 5). Whether the 人大建议
    # it then names contradicts "建议0件" needs reading the titles, which no rule here does.
    text = section_one("2023年,河东区共办理建议和提案5件,其中建议0件、提案5件。")
    assert found(text) == []
    assert found(section_one("2023年,河东区共办理建议和提案5件,其中建议1件、提案5件。"), "GX212") == [
        (2, 25, "GX212", "其中各项之和 6件（1+5）超过总数 5件（人大代表建议和政协提案互不重叠）"),
    ]


# --- 三公经费: a known exhaustive split; mixed units --------------------------------------------------

SEED_000_LINE_11 = (
    "3. 推进财政资金信息公开。向社会公布了2021年区本级“三公”经费财政拨款决算总额,为603.564万元,其中:因公出国(境)经费0亿元,"
    "公务接待费351.971万元,公务用车购置及运行维护费251.59万元。"
)


def test_three_public_expenses_of_seed_000():
    # 0 + 351.971 + 251.59 = 603.561 ≠ 603.564. The 0.003 gap is within the rounding of "251.59"
    # (two decimals, ±0.005), so it is an info about inconsistent precision, not an error; the
    # "0亿元" among 万元 is a warning of its own.
    result = lint_text(section_one(SEED_000_LINE_11), select=PROSE_CODES)
    assert [(d.line, d.column, d.code, d.severity, d.message) for d in result] == [
        (
            2,
            45,
            "GX213",
            Severity.INFO,
            "三公经费各项之和 603.561万元（0+351.971+251.59）≠ 总数 603.564万元，相差 0.003万元，在各数小数位的舍入范围内；"
            "建议各项与总数保留相同的小数位数",
        ),
        (2, 67, "GX215", Severity.WARNING, "“因公出国(境)经费0亿元”的单位与总数 603.564万元 不同，同一组金额应统一用“万元”"),
    ]


def test_three_public_expenses_that_do_not_add_up():
    text = section_one("“三公”经费财政拨款决算总额为60万元，其中：因公出国（境）经费0万元，公务接待费30万元，公务用车购置及运行维护费20万元。")
    result = lint_text(text, select=PROSE_CODES)
    assert [(d.line, d.column, d.code, d.severity, d.message) for d in result] == [
        (2, 16, "GX213", Severity.ERROR, "三公经费各项之和 50万元（0+30+20）≠ 总数 60万元"),
    ]


def test_three_public_expenses_that_add_up_across_units():
    text = section_one("“三公”经费决算总额为1.2亿元，其中：因公出国（境）经费2000万元，公务接待费0.5亿元，公务用车购置及运行维护费0.5亿元。")
    assert found(text, "GX212", "GX213") == []
    assert [r[2] for r in found(text, "GX215")] == ["GX215"]


# --- percentages ----------------------------------------------------------------------------------

SEED_001_LINE_11 = (
    "经开区电子政务工作扎实推进,公开平台超额完成目标任务。截至12月31日,经开区通过政府信息公开目录管理系统累计主动公开政府信息915条,"
    "完成全年目标任务114%。包括政府文件94条,占10%;计划总结信息2条,占0.2%;规范性文件信息4条,占0.4%;工作动态信息401条,占44%;"
    "人事信息23条,占3%;财政信息74条,占8%;行政执法信息22条,占2%;其他信息59条,占6%。"
)


def test_percentages_of_seed_001_all_match_rounded():
    # 94/915 = 10.3%, 2/915 = 0.22%, 4/915 = 0.44%, 401/915 = 43.8%, 23/915 = 2.5%, 74/915 = 8.1%,
    # 22/915 = 2.4%, 59/915 = 6.4%: each stated share is the rounded (or truncated) value.
    assert found(section_one(SEED_001_LINE_11)) == []


def test_percentage_that_does_not_match_its_count():
    text = section_one(SEED_001_LINE_11.replace("人事信息23条,占3%", "人事信息23条,占13%"))
    assert found(text) == [(2, 153, "GX214", "“23条”占总数 915条 的 2.5%，不是 13%")]


# --- a lost figure --------------------------------------------------------------------------------


def test_figure_missing_before_its_measure_word_in_seed_004():
    result = found(seed("hedong"), "GX216")
    assert result == [(8, 137, "GX216", "“公开各类信息条”中“条”前缺少数字")]


def test_words_that_end_in_a_measure_word_are_not_lost_figures():
    text = section_one("逐条核对公开信息条目，每条信息均经审核。依法公开各类信息，及时办结申请件。")
    assert found(text, "GX216") == []


# --- against the tables ---------------------------------------------------------------------------


def test_seed_prose_agrees_with_the_tables():
    # 001 line 15 (收到12条 = 表三 12), 002 line 23 (受理14件, 办结14件, 结转0件, 复议0件, 诉讼0件),
    # 004 line 10 (收到1件), 000 line 13 (未收到申请, 表三 0) all agree; 000 line 19 (市长热线工单)
    # and 003 line 25 (民生热线诉求件) are not about applications.
    for name in ("changde", "suining", "xunyang", "jiangyin", "hedong"):
        assert found(seed(name), "GX210", "GX211") == [], name


def test_closed_and_carried_figures_that_disagree():
    text = edited("xunyang", {23: ("依法办结14件,结转下年办理0件", "依法办结13件,结转下年办理1件")})
    assert found(text, "GX210") == [
        (23, 92, "GX210", "正文“办结13件”与表三「（七）总计」行的总计 14 不符"),
        (23, 102, "GX210", "正文“结转下年办理1件”与表三「四、结转下年度继续办理」行的总计 0 不符"),
    ]


def test_received_figure_may_include_last_years_carry_over():
    # 14 new + 2 carried over: "受理16件" is the sum, "受理14件" the new ones — both are right.
    base = edited("xunyang", {146: ("0", "2"), 158: ("0", "2")})
    assert found(base, "GX210") == []
    assert found(base.replace("共受理依申请公开14件", "共受理依申请公开16件"), "GX210") == []
    assert [r[:3] for r in found(base.replace("共受理依申请公开14件", "共受理依申请公开15件"), "GX210")] == [(23, 84, "GX210")]


def test_figures_of_another_year_are_not_compared():
    text = edited("xunyang", {23: ("2023年共受理依申请公开14件", "2022年共受理依申请公开9件")})
    assert found(text, "GX210") == []


def test_review_and_litigation_figures_against_table_four():
    text = edited("xunyang", {23: ("行政复议0件,行政诉讼0件", "行政复议1件,行政诉讼2件")})
    assert [r[2:] for r in found(text, "GX210")] == [
        ("GX210", "正文“行政复议1件”与表四「行政复议」的总计 0 不符"),
        ("GX210", "正文“行政诉讼2件”与表四「行政诉讼」各组总计之和 0 不符"),
    ]


def test_no_applications_received_yet_table_three_has_one():
    # Seed 000 line 13 says 未收到政府信息公开申请; give 表三 row 一 (line 39) one application.
    text = edited("changde", {39: ("数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")})
    assert found(text, "GX211") == [
        (13, 79, "GX211", "正文称“未收到政府信息公开申请”，但表三「一、本年新收政府信息公开申请数量」行的总计为 1"),
    ]


def test_no_review_or_litigation_yet_table_four_has_some():
    # Seed 001 line 15: "未收到申请人的行政复议和行政诉讼"; table 四 line 307 (直接起诉 总计) = 1.
    text = edited("suining", {303: ("0 |", "1 |"), 307: ("0 |", "1 |")})
    assert found(text, "GX211") == [
        (15, 124, "GX211", "正文称“未收到申请人的行政复议和行政诉讼”，但表四「行政诉讼」各组总计之和为 1"),
    ]


def test_direct_litigation_is_not_a_negation():
    # "未经复议直接起诉" is a kind of litigation, not "no litigation".
    text = edited("suining", {15: ("未收到申请人的行政复议和行政诉讼", "申请人未经复议直接提起行政诉讼1件")})
    assert found(text, "GX211") == []


def test_percentage_of_a_nested_sub_total_is_not_misread():
    # 150 of the 200 WeChat items is 75%; it is not a share of the 1000 total.
    text = section_one("全年共发布信息1000条，其中网站800条，占80%，微信200条，其中原创150条，占75%。")
    assert found(text) == []


def test_no_applications_sentence_about_something_else():
    # "未收到因…申请引发的行政复议" is about reviews, not about receiving no applications.
    text = edited("changde", {
        13: ("2022年,未收到政府信息公开申请。", "2022年,未收到因政府信息公开申请引发的行政复议。"),
        39: ("数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"),
    })
    assert found(text, "GX211") == []


def test_three_public_expenses_with_the_car_costs_in_two_parts():
    # 公务用车购置费 and 公务用车运行维护费 are both the 公务用车 item: 0 + 10 + 5 + 15 = 30.
    ok = section_one("“三公”经费支出30万元，其中：因公出国（境）费0万元，公务接待费10万元，公务用车购置费5万元，公务用车运行维护费15万元。")
    assert found(ok) == []
    bad = ok.replace("支出30万元", "支出35万元")
    assert [r[2:] for r in found(bad)] == [("GX213", "三公经费各项之和 30万元（0+10+5+15）≠ 总数 35万元")]


def test_outcome_figures_against_the_result_rows():
    # Seed 002's table: （一）予以公开 8, （三）不予公开 rows sum to 1 (4.保护第三方合法权益).
    text = edited("xunyang", {23: ("依法办结14件,", "依法办结14件,其中予以公开7件、不予公开1件,")})
    assert [r[2:] for r in found(text, "GX210")] == [("GX210", "正文“予以公开7件”与表三「（一）予以公开」行的总计 8 不符")]


def test_thousands_separators_are_one_number():
    # "2,266" is 2266, not 266: the parts then do not exceed the whole.
    text = section_one("全年主动公开政府信息2,266条，其中通过门户网站公开1,483条，通过微信公众号公开783条。")
    assert found(text) == []


def test_an_approximate_whole_is_not_a_whole():
    text = section_one("全年共受理建议、提案约3件。其中主办件2件，协办件2件。")
    assert found(text) == []


# The value classes of the prose, date and document-number rules write out their ``__init__`` on
# the model's record base; they must still behave as the dataclasses they replace.
VALUE_CLASSES = [
    (_prose.Sentence, True), (_prose.Part, True), (_prose.Breakdown, True), (_prose.Split, True),
    (prose_tables.Figure, True), (_dates.DatedEvidence, False), (references.Citation, False),
]


@pytest.mark.parametrize(("cls", "frozen"), VALUE_CLASSES, ids=lambda c: getattr(c, "__name__", ""))
def test_value_classes_behave_as_generated_dataclasses(cls, frozen):
    names = [f.name for f in dataclasses.fields(cls)]
    assert [p for p in inspect.signature(cls.__init__).parameters][1:] == names
    reference = dataclasses.make_dataclass(cls.__qualname__, names, frozen=frozen)
    values = {name: f"{name}-value" for name in names}
    mine, theirs = cls(**values), reference(**values)
    assert repr(mine) == repr(theirs)
    assert all(getattr(mine, name) == getattr(theirs, name) for name in names)
    assert mine == cls(**values) and mine != cls(**{**values, names[0]: "other"}) and mine != theirs
    assert (cls.__hash__ is None) == (reference.__hash__ is None)
    if frozen:
        assert hash(mine) == hash(theirs)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, names[0], "other")


_PROSE_PIECES = st.sampled_from(["信息", "申请", "条", "件", "文件", "份", "公开", "，", "。", "\n", "其中", "3", "政策解读", "篇"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_PROSE_PIECES, max_size=8).map("".join), max_size=6))
def test_hinted_paragraphs_are_those_the_hint_is_found_in(texts):
    paragraphs = [SimpleNamespace(text=text) for text in texts]
    expected = [p for p in paragraphs if prose_numbers._LOST_HINT.search(p.text)]
    assert prose_numbers._hinted(paragraphs) == expected
