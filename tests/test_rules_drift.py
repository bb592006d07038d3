"""GX4 template-drift rules: headings, the superseded 2019 layout, table labels and the 勾稽 note.

Expected lines were read by hand from the texts below and from the seed reports.
"""

from __future__ import annotations

import pytest
from gxlint_rules import drift_spacing
from gxlint_rules._table_drift import table_drift
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.config import Settings
from gxlint.diagnostics import Severity
from gxlint.testing import lint_text, parse_text

from .conftest import PEER, SEEDS

TITLE_2023 = "浔阳区人民政府2023年政府信息公开工作年度报告\n"
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE2 = """二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 1 | 0 | 5
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | 855
第二十条第（六）项
信息内容 | 本年处理决定数量
行政处罚 | 21
行政强制 | 0
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元）
行政事业性收费 | 0
"""
# lines (after TITLE_2023): 2 二、, 3 (一), 4 header, 5 规章, 6 行政规范性文件, 7 (五), 8 header, 9 行政许可,
# 10 (六), 11 header, 12 行政处罚, 13 行政强制, 14 (八), 15 header, 16 行政事业性收费
TABLE3_HEAD = f"""三、收到和处理政府信息公开申请情况
{NOTE} | 申请人情况
自然人 | 法人或其他组织 | 总计
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他
一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
"""


def codes(text: str, code: str, **settings) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in lint_text(text, select=[code], settings=Settings(**settings)) if d.code == code]


def seed(name: str) -> str:
    return SEEDS[name].read_text(encoding="utf-8")


def seed_2019_as(year: int) -> str:
    """Seed 001 (a 2019 report on the 2019 layout) with the year written into its title."""
    return seed("suining").replace("管理委员会\n政府信息公开工作年度报告", f"管理委员会\n{year}年政府信息公开工作年度报告")


# --- GX401 / GX402 headings ---------------------------------------------------------------------


def test_known_alias_is_an_info_note_naming_the_template_heading():
    text = TITLE_2023 + "四、政府信息公开行政复议和行政诉讼情况\n本年度无案件。\n"
    [diagnostic] = lint_text(text, select=["GX401", "GX402"])
    assert (diagnostic.code, diagnostic.line, diagnostic.severity) == ("GX401", 2, Severity.INFO)
    assert diagnostic.message == (
        "第四部分标题「四、政府信息公开行政复议和行政诉讼情况」是常见的变体写法，格式原文为「四、政府信息公开行政复议、行政诉讼情况」"
    )


def test_other_wording_is_a_warning_on_seed_003():
    diagnostics = lint_text(seed("jiangyin"), select=["GX401", "GX402"])
    assert [(d.code, d.line, d.column, d.severity) for d in diagnostics] == [("GX402", 574, 1, Severity.WARNING)]
    assert diagnostics[0].message == "第五部分标题「五、存在主要问题及改进情况」与格式不一致，格式为「五、存在的主要问题及改进情况」"


@pytest.mark.parametrize(
    "heading",
    [
        "四、政府信息公开行政复议,行政诉讼情况",  # half-width comma
        "四、政府信息公开行政复议、行政诉讼情况：",  # trailing colon
        "  四、 政府信息公开行政复议、行政诉讼情况",  # indentation and a space
        "四．政府信息公开行政复议、行政诉讼情况",
    ],
)
def test_punctuation_width_and_spaces_are_not_rewording(heading):
    assert codes(TITLE_2023 + heading + "\n本年度无案件。\n", "GX402") == []
    assert codes(TITLE_2023 + heading + "\n本年度无案件。\n", "GX401") == []


# --- GX403 superseded-2019-layout ---------------------------------------------------------------


def test_2019_report_on_the_2019_layout_gets_no_drift_finding():
    assert lint_text(seed("suining"), select=["GX4"]) and codes(seed("suining"), "GX403") == []
    for code in ("GX404", "GX406", "GX407", "GX408", "GX409", "GX410"):
        assert codes(seed("suining"), code) == [], code


def test_2020_report_on_the_2019_layout_is_correct_too():
    assert codes(seed_2019_as(2020), "GX403") == []


def test_2023_report_on_the_2019_layout_is_one_error_listing_the_signatures():
    diagnostics = lint_text(seed_2019_as(2023), select=["GX4"])
    superseded = [d for d in diagnostics if d.code == "GX403"]
    assert len(superseded) == 1
    finding = superseded[0]
    assert (finding.line, finding.severity) == (23, Severity.ERROR)
    message = finding.message
    assert message.startswith("2023 年度报告应使用国办公开办函〔2021〕30号规定的格式，但表格仍是已废止的 2019 年版格式")
    # every signature and its lines, as read in the file
    for part in (
        "“本年新 制作数量”（第 23 行）",
        "“对外公开总数量”（第 25 行）",
        "“上一年项目数量”（第 36、49、62 行）",
        "“本年增/减”（第 37、50、63 行）",
        "“其他对外管理服务事项”（第 43 行）",
        "“第二十条第(九)项”（2019 年格式才有的条款）（第 67 行）",
        "“采购总金额”（第 70 行）",
        "“（六）其他处理”为单行（2019 年格式），没有 1–3 子行（第 254 行）",
    ):
        assert part in message, part
    # the old labels are the layout's, not separate drift findings
    assert {d.code for d in diagnostics} <= {"GX403", "GX405"}


def test_configured_template_decides():
    assert codes(seed_2019_as(2023), "GX403", template="2019") == []
    [(line, message)] = codes(seed("suining"), "GX403", template="2021")
    assert line == 23 and message.startswith("按配置应使用国办公开办函〔2021〕30号规定的格式")


def test_unknown_year_on_the_2019_layout_cannot_be_judged():
    text = TABLE2.replace("本年制发件数 | 本年废止件数 | 现行有效件数", "本年新制作数量 | 本年新公开数量 | 对外公开总数量")
    [diagnostic] = lint_text(text, select=["GX403"])
    assert diagnostic.severity is Severity.INFO and diagnostic.line == 3
    assert diagnostic.message.startswith("未能确定报告年度，无法判断表格格式是否过时")


def test_template_option_on_the_command_line(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "report.txt"
    path.write_text(seed_2019_as(2023), encoding="utf-8")
    held_to_2019 = subprocess.run(
        [sys.executable, "-m", "gxlint", "--select", "GX403", "--template", "2019", str(path)], capture_output=True, text=True
    )
    assert (held_to_2019.returncode, held_to_2019.stdout) == (0, "")
    by_year = subprocess.run([sys.executable, "-m", "gxlint", "--select", "GX403", str(path)], capture_output=True, text=True)
    assert by_year.returncode == 1 and ":23:1: GX403 2023 年度报告应使用" in by_year.stdout


def test_2023_report_on_the_2021_layout_is_clean():
    for name in ("changde", "xunyang", "jiangyin", "hedong"):
        assert codes(seed(name), "GX403") == [], name


# --- GX404 table-label-reworded -----------------------------------------------------------------


def test_shortened_column_label_on_seed_003():
    assert codes(seed("jiangyin"), "GX404") == [
        (57, "表二「第二十条第（一）项」列名「现行有效件」与格式不一致，格式为「现行有效件数」"),
    ]


def test_2019_row_label_in_a_2021_table():
    text = TITLE_2023 + TABLE2.replace("行政规范性文件 | 1", "规范性文件 | 1")
    assert codes(text, "GX404") == [(6, "表二「第二十条第（一）项」行名「规范性文件」与格式不一致，格式为「行政规范性文件」")]


def test_column_label_cut_short_in_a_table_cell():
    text = TITLE_2023 + TABLE3_HEAD.replace("社会公益组织", "社会公益")
    assert codes(text, "GX404") == [(5, "表三列名「社会公益」与格式不一致，格式为「社会公益组织」")]
    # the column is there, under another label (the rows of this excerpt are missing, truly)
    assert all("社会公益组织" not in message for _, message in codes(text, "GX407"))


def test_labels_differing_only_in_width_and_punctuation_are_not_reworded():
    text = TITLE_2023 + TABLE3_HEAD + "（二）部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
    assert codes(text, "GX404") == []


def test_a_label_cut_short_in_pdf_text_cannot_be_told_from_a_wrapped_line():
    report = parse_text(seed("jiangyin"))
    block = report.tables.table2[0]
    assert [r.match.raw for r in table_drift(block).reworded] == ["现行有效件"]
    assert table_drift(block, whole_cells=False).reworded == []


# --- GX405 table-label-stray-spaces -------------------------------------------------------------


def test_spaced_labels_are_one_info_note_per_table_on_seed_000():
    diagnostics = lint_text(seed("changde"), select=["GX405"])
    assert [(d.line, d.column, d.severity) for d in diagnostics] == [(38, 1, Severity.INFO), (66, 8, Severity.INFO)]
    assert diagnostics[0].message == "表三有 2 个标签内夹有空格：「商业 企业」（第 38 行）、「科研 机构」（第 38 行）；格式中这些标签没有空格"
    assert "「尚未 审结」（第 66、67 行）" in diagnostics[1].message


def test_spaced_labels_in_seed_004_start_with_the_first_line():
    [(line, message)] = codes(seed("hedong"), "GX405")
    assert line == 84
    assert message.startswith("表三有 3 个标签内夹有空格：「三 、本年度办理结果」（第 84 行）、「5.要求行政机关确认或重新 出具已获取信息」（第 241 行）")


def test_readers_that_write_cell_line_breaks_as_spaces_are_not_checked():
    from gxlint.config import Settings as Config
    from gxlint.engine import Linter
    from gxlint.plugins import load

    result = Linter(Config(select=["GX405"]), load()).lint_path(str(PEER / "govnianbao__official-template-blank.docx"))
    assert result.diagnostics == []


# --- GX406 table-extra-label --------------------------------------------------------------------


def test_subtotal_column():
    text = TITLE_2023 + TABLE3_HEAD.replace("| 其他\n", "| 其他 | 小计\n").replace("| 0 | 0 | 1\n", "| 0 | 0 | 0 | 1\n")
    assert codes(text, "GX406") == [
        (5, "表三多出「小计」列：格式中「法人或其他组织」下只有五列，没有小计列"),
    ]


def test_subtotal_row_under_a_group_label():
    rows = "（三）不予公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
    text = TITLE_2023 + TABLE3_HEAD + rows
    assert codes(text, "GX406") == [
        (7, "表三「（三）不予公开」后写了一行数值（小计行）：格式中该标签只是分组标题，没有自己的数据"),
    ]


def test_extra_row_of_a_local_variant():
    text = TITLE_2023 + TABLE2.replace("行政规范性文件 | 1 | 0 | 5\n", "行政规范性文件 | 1 | 0 | 5\n其他主动公开文件 | 3 | 0 | 3\n")
    assert codes(text, "GX406") == [(7, "表二「第二十条第（一）项」有格式中没有的行「其他主动公开文件」")]


def test_a_sentence_after_the_table_is_not_an_extra_row():
    text = TITLE_2023 + TABLE2 + "本年度未制发规章。\n"
    assert codes(text, "GX406") == []


def test_seeds_have_no_extra_labels():
    for name in SEEDS:
        assert codes(seed(name), "GX406") == [], name


# --- GX407 table-label-missing ------------------------------------------------------------------


def test_missing_row_and_missing_block():
    text = TITLE_2023 + TABLE2.replace("行政强制 | 0\n", "").replace(
        "第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | 0\n", ""
    )
    assert codes(text, "GX407") == [
        (3, "表二缺少「第二十条第（八）项」部分（行政事业性收费）"),
        (10, "表二「第二十条第（六）项」缺少格式中的行「行政强制」"),
    ]


def test_lost_block_heading_is_named_where_its_rows_landed():
    text = TITLE_2023 + TABLE2.replace("第二十条第（五）项\n", "")
    # the (五) header and 行政许可 now sit on lines 7–8, under 第二十条第（一）项
    assert codes(text, "GX407") == [
        (7, "表二缺少「第二十条第（五）项」的标题行：该项的「本年处理决定数量」（第 7 行）写在了「第二十条第（一）项」之下"),
    ]
    assert codes(text, "GX406") == []


def test_a_lost_section_heading_does_not_turn_the_next_table_into_extra_rows():
    # Seed 000 without 「三、收到和处理政府信息公开申请情况」 (line 35): table 三 runs on under 表二.
    lines = seed("changde").split("\n")
    del lines[34]
    text = "\n".join(lines)
    assert codes(text, "GX406") == []
    assert [line for line, _ in codes(text, "GX101")] == [63]  # 四、 is now on line 63


def test_values_after_a_group_label_whose_first_row_lost_its_label():
    rows = "（三）不予公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
    [(line, message)] = codes(TITLE_2023 + TABLE3_HEAD + rows, "GX406")
    assert line == 7
    assert message.endswith("可能漏写了下一行「1.属于国家秘密」的标签，也可能是加了小计行")


def test_header_torn_apart_by_pdf_text_claims_no_missing_column():
    # Peer file: the raw text of one PDF page; line 14 reads 「总计商 业 企」, the header came apart.
    text = (PEER / "govnianbao__section3_raw_text.txt").read_text(encoding="utf-8")
    [(line, message)] = codes(text, "GX407")
    assert line == 9 and "列「" not in message  # rows after line 46 are truly absent: the file ends there
    assert codes(text, "GX404") == []


def test_rows_not_found_in_pdf_text_are_a_cannot_verify_note():
    from gxlint_rules.drift_tables import TableLabelMissing

    from gxlint.rule import RuleContext

    report = parse_text(TITLE_2023 + TABLE2.replace("行政强制 | 0\n", ""))
    report.source_kind = "pdf"
    [diagnostic] = list(TableLabelMissing().check(report, RuleContext()))
    assert diagnostic.severity is Severity.INFO
    assert diagnostic.message == (
        "表二「第二十条第（六）项」中未能识别格式中的行「行政强制」：可能缺少，也可能是 PDF 文字提取打乱了标签，无法核对"
    )


# --- GX408 table-missing ------------------------------------------------------------------------


def test_prose_instead_of_the_table():
    text = TITLE_2023 + "三、收到和处理政府信息公开申请情况\n本年度共收到政府信息公开申请 3 件，均已按时答复。\n"
    [diagnostic] = lint_text(text, select=["GX408"])
    assert (diagnostic.line, diagnostic.severity) == (2, Severity.ERROR)
    assert diagnostic.message.startswith("第三部分「三、收到和处理政府信息公开申请情况」没有格式规定的统计表")


def test_seeds_have_their_tables():
    for name in SEEDS:
        assert codes(seed(name), "GX408") == [], name


# --- GX409 / GX410 the 勾稽关系 note ------------------------------------------------------------


def test_note_missing():
    text = TITLE_2023 + TABLE3_HEAD.replace(f"{NOTE} | ", "")
    assert codes(text, "GX409") == [(3, f"表三缺少勾稽关系说明「{NOTE}」（格式中位于表头左上角）")]


def test_note_altered():
    altered = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项与第四项之和）"
    text = TITLE_2023 + TABLE3_HEAD.replace(NOTE, altered)
    assert codes(text, "GX410") == [(3, f"表三的勾稽关系说明与格式不一致：写作「{altered}」，格式为「{NOTE}」")]


def test_note_in_half_width_punctuation_is_the_same_note():
    for name in SEEDS:  # every seed writes it with half-width brackets, colon and commas
        assert codes(seed(name), "GX409") == [] and codes(seed(name), "GX410") == [], name


_LABEL_CHARS = st.sampled_from(["商", "业", "企", "（", "）", "、", "a", "1", " ", "\u3000", "\t", "\u00a0", "\uff08", "\u303f"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_LABEL_CHARS, max_size=12).map("".join))
def test_stray_space_text_test_agrees_with_the_walk(label):
    assert drift_spacing._has_stray_space(label) == drift_spacing._walk_for_stray_space(label)
