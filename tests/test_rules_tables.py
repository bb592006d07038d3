"""Table identities and cell checks (GX201–GX207) on the seed reports and on edited copies of them.

Layouts: seed 000 has one table row per line with ``|`` (2021 format), seed 001 one cell per line
ending in ``|`` (2019 format, a single ``（六）其他处理`` row), seed 002 one cell per line with
blank lines between cells. Every broken copy changes numbers on lines read by hand; the expected
line, column and values come from those lines, not from the program.
"""

from __future__ import annotations

import pytest

from gxlint.diagnostics import Severity
from gxlint.testing import lint_bytes, lint_text

from .conftest import PEER, SEEDS

TABLE_CODES = ["GX201", "GX202", "GX203", "GX204", "GX205", "GX206", "GX207"]
NOT_NEW = "一、本年新收政府信息公开申请数量"


def seed(name: str) -> str:
    return SEEDS[name].read_text(encoding="utf-8")


def edited(name: str, edits: dict[int, tuple[str, str]]) -> str:
    """The seed with ``old`` replaced by ``new`` on each given line (1-based); ``old`` must be there."""
    lines = seed(name).split("\n")
    for number, (old, new) in edits.items():
        assert old in lines[number - 1], (number, lines[number - 1])
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines)


def found(text: str, *codes: str) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.code, d.message) for d in lint_text(text, select=list(codes or TABLE_CODES))]


# --- the seeds' tables add up -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["changde", "xunyang", "hedong"])
def test_seed_tables_that_add_up_give_nothing(name):
    assert found(seed(name)) == []


def test_seed_001_only_the_malformed_cell():
    # Line 183 holds "00 |": the 科研机构 cell of 8.属于行政查询事项. Every other cell is a number
    # and every identity not involving that cell holds (12 = 2 + 2 + 3 + 5; 12 + 0 = 12 + 0).
    assert found(seed("suining")) == [
        (
            183,
            1,
            "GX205",
            "表三有无法读取的单元格，涉及的加总关系未核对：「（三）不予公开/8.属于行政查询事项」行「科研机构」列"
            "（第 183 行）：“00”有多余的前导零",
        )
    ]


def test_seed_003_lost_cells_give_one_cannot_verify_finding():
    # The text of seed 003 lost the empty cells of table 三 (line 143: five values 16 0 0 0 16 for
    # seven columns). One finding lists the rows; no arithmetic finding is guessed from them.
    result = found(seed("jiangyin"))
    assert [(line, column, code) for line, column, code, _ in result] == [(143, 1, "GX205")]
    message = result[0][3]
    assert message.startswith("表三有无法读取的单元格，涉及的加总关系未核对：")
    assert message.count("行（第 ") == 23  # every row but 1.属于国家秘密 and 2.其他法律行政法规禁止公开
    assert f"「{NOT_NEW}」行（第 143 行）：该行读到 5 个值，应为 7 个" in message
    assert "「四、结转下年度继续办理」行（第 471 行）：该行读到 6 个值，应为 7 个" in message
    assert message.count("无法确定缺少或多出的是哪一列") == 1


# --- T3-B: each row's 总计 = the six applicant columns ------------------------------------------------


def test_row_total_pipe_layout():
    text = edited("changde", {39: ("| 0 | ||", "| 1 | ||")})  # line 39: the 总计 cell of row 一, column 44
    assert (39, 44, "GX201", f"表三「{NOT_NEW}」行：各列之和 0 ≠ 总计 1") in found(text, "GX201")


def test_row_total_one_cell_per_line():
    text = edited("suining", {97: ("12 |", "13 |")})  # line 97: 总计 of row 一 (12 + 0×5 = 12)
    assert found(text, "GX201") == [(97, 1, "GX201", f"表三「{NOT_NEW}」行：各列之和 12 ≠ 总计 13")]


def test_row_total_blank_line_layout():
    text = edited("xunyang", {130: ("14", "15")})  # line 130: 自然人 of row 一; its total (142) says 14
    assert found(text, "GX201") == [(142, 1, "GX201", f"表三「{NOT_NEW}」行：各列之和 15 ≠ 总计 14")]


# --- T3-C: （七）总计 = the sum of the result rows, per column ----------------------------------------


def test_results_total_2021_layout_counts_all_three_other_rows():
    # 2021 layout: （六） has three sub-rows; the last one (line 61, 3.其他) gets 1 in 自然人 and
    # total, so its own row adds up but （七）总计 (line 62, all 0) no longer does.
    text = edited("changde", {61: ("3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")})
    assert found(text, "GX201", "GX202") == [
        (62, 9, "GX202", "表三「（七）总计」行「自然人」列：各项办理结果之和 1 ≠ 总计 0"),
        (62, 33, "GX202", "表三「（七）总计」行「总计」列：各项办理结果之和 1 ≠ 总计 0"),
    ]


def test_results_total_2019_layout_uses_the_single_other_row():
    # 2019 layout: （六）其他处理 is one row (lines 255–261). 1 there makes 2+2+3+5+1 = 13 ≠ 12.
    text = edited("suining", {255: ("0 |", "1 |"), 261: ("0 |", "1 |")})
    result = found(text, "GX202")
    assert result == [
        (263, 1, "GX202", "表三「（七）总计」行「自然人」列：各项办理结果之和 13 ≠ 总计 12"),
        (269, 1, "GX202", "表三「（七）总计」行「总计」列：各项办理结果之和 13 ≠ 总计 12"),
    ]


def test_results_total_of_a_column_with_an_unreadable_cell_is_not_checked():
    # Seed 001's 科研机构 column holds "00"; a wrong （七） in that column is not reported as a sum
    # error (the column cannot be added up) while the readable 自然人 column still is.
    # Line 265 is （七）'s 科研机构 cell, line 263 its 自然人 cell.
    text = edited("suining", {265: ("0 |", "5 |"), 263: ("12 |", "11 |")})
    assert found(text, "GX202") == [(263, 1, "GX202", "表三「（七）总计」行「自然人」列：各项办理结果之和 12 ≠ 总计 11")]


# --- T3-A: 一 + 二 = （七） + 四, per column ---------------------------------------------------------------


def test_balance_pipe_layout():
    # Line 63 (四、结转下年度继续办理): 1 in 自然人 and in 总计 keeps the row right but breaks 0+0 = 0+1.
    text = edited("changde", {63: ("办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")})
    assert found(text) == [
        (63, 15, "GX203", "表三「自然人」列：第一项加第二项 0（0+0）≠ 第三项加第四项 1（办理结果总计 0 + 结转下年度 1）"),
        (63, 39, "GX203", "表三「总计」列：第一项加第二项 0（0+0）≠ 第三项加第四项 1（办理结果总计 0 + 结转下年度 1）"),
    ]


def test_balance_one_cell_per_line():
    # Seed 001: 上年结转 (lines 99, 105) set to 3: 12 + 3 ≠ 12 + 0.
    text = edited("suining", {99: ("0 |", "3 |"), 105: ("0 |", "3 |")})
    assert found(text, "GX203") == [
        (271, 1, "GX203", "表三「自然人」列：第一项加第二项 15（12+3）≠ 第三项加第四项 12（办理结果总计 12 + 结转下年度 0）"),
        (277, 1, "GX203", "表三「总计」列：第一项加第二项 15（12+3）≠ 第三项加第四项 12（办理结果总计 12 + 结转下年度 0）"),
    ]


# --- T4-A: 总计 = 维持 + 纠正 + 其他 + 尚未审结, in each group ---------------------------------------------


def test_table4_pipe_layout():
    text = edited("changde", {68: ("0 | 0 | 0 | 0 | 0 | 0 |", "1 | 0 | 0 | 0 | 0 | 0 |")})  # 结果维持 of 行政复议
    assert found(text) == [
        (68, 17, "GX204", "表四「行政复议」：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1 ≠ 总计 0"),
    ]


def test_table4_one_cell_per_line_every_group():
    # Seed 001 lines 298–312: the 15 cells. 复议后起诉's 尚未审结 (line 311) = 2, its 总计 (312) = 0;
    # 未经复议直接起诉's 总计 (line 307) = 4 with its four results 0.
    text = edited("suining", {311: ("0 |", "2 |"), 307: ("0 |", "4 |")})
    assert found(text, "GX204") == [
        (307, 1, "GX204", "表四「行政诉讼/未经复议直接起诉」：结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 0 ≠ 总计 4"),
        (312, 1, "GX204", "表四「行政诉讼/复议后起诉」：结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 2 = 2 ≠ 总计 0"),
    ]


def test_table4_group_that_adds_up():
    text = edited("suining", {298: ("| 0 |", "| 1 |"), 302: ("0 |", "1 |")})
    assert found(text) == [found(seed("suining"))[0]]  # only the seed's own "00" finding


# --- cells ---------------------------------------------------------------------------------------


def test_letter_o_blocks_its_row_but_not_the_other_rows():
    # Line 44 (2.其他法律行政法规禁止公开, 14 characters): "O" in 自然人 at column 18.
    # Line 39: total 1 for parts 0 → still reported.
    text = edited("changde", {44: ("公开 | 0 |", "公开 | O |"), 39: ("| 0 | ||", "| 1 | ||")})
    result = found(text, "GX201", "GX205")
    assert (39, 44, "GX201", f"表三「{NOT_NEW}」行：各列之和 0 ≠ 总计 1") in result
    unreadable = [r for r in result if r[2] == "GX205"]
    assert unreadable == [
        (
            44,
            18,
            "GX205",
            "表三有无法读取的单元格，涉及的加总关系未核对：「（三）不予公开/2.其他法律行政法规禁止公开」行「自然人」列"
            "（第 44 行）：“O”中的字母 O 应为数字 0",
        )
    ]


def test_blank_cells_listed_once_with_row_column_and_reason():
    text = edited("changde", {40: ("数量 | 0 |", "数量 |  |"), 50: ("事项 | 0 | 0 |", "事项 | 0 |  |")})
    result = found(text)
    assert len(result) == 1
    line, column, code, message = result[0]
    assert (line, column, code) == (40, 19, "GX205")  # the blank cell between the bars
    assert message == (
        "表三有无法读取的单元格，涉及的加总关系未核对："
        "「二、上年结转政府信息公开申请数量」行「自然人」列（第 40 行）：空白单元格；"
        "「（三）不予公开/8.属于行政查询事项」行「商业企业」列（第 50 行）：空白单元格"
    )


def test_spaced_digits_with_the_value_that_makes_the_row_add_up():
    text = edited("suining", {91: ("12 |", "1 2 |")})
    result = found(text, "GX205")
    assert result[0][:3] == (91, 1, "GX205")
    assert f"「{NOT_NEW}」行「自然人」列（第 91 行）：“1 2”中间有空格；按 12 计算则该行相加正确" in result[0][3]


def test_split_cell_gives_a_join_hint():
    # "12" on line 91 extracted as two cells "1" and "2": eight values for seven columns.
    text = edited("suining", {91: ("12 |", "1 |\n2 |")})
    result = found(text)
    assert [r[:3] for r in result] == [(90, 3, "GX205")]
    assert "该行读到 8 个值，应为 7 个" in result[0][3]
    assert "“1 2”可能是“12”，合并后该行相加正确" in result[0][3]


def test_negative_and_fractional_counts():
    text = edited("changde", {68: ("0 | 0 | 0 | 0 | 0 | 0 |", "-1 | 0 | 0 | 0 | -1 | 0 |"), 27: ("855", "85.5")})
    assert found(text, "GX206") == [
        (27, 8, "GX206", "表二「行政许可」行「本年处理决定数量」列：“85.5”不是整数，件数应为整数"),
        (68, 1, "GX206", "表四行政复议「结果维持」列：“-1”是负数，件数不能为负"),
        (68, 18, "GX206", "表四行政复议「总计」列：“-1”是负数，件数不能为负"),
    ]


def test_2019_change_column_may_be_negative():
    text = edited("suining", {41: ("0 |", "-2 |")})  # 行政许可 本年增/减
    assert found(text, "GX206") == []


def test_fee_that_looks_like_yuan():
    result = found(edited("changde", {34: ("2868", "316441")}), "GX207")
    assert result == [
        (
            34,
            11,
            "GX207",
            "表二「行政事业性收费」行「本年收费金额（单位：万元）」列：316441 万元即 31.6441 亿元，数额异常，"
            "是否误按“元”填写（按元计应填 31.6441）？",
        )
    ]
    assert lint_text(edited("changde", {34: ("2868", "316441")}), select=["GX207"])[0].severity is Severity.WARNING


def test_fee_written_in_yuan_inside_the_cell():
    result = found(edited("changde", {34: ("2868", "2868元")}), "GX207")
    assert [r[:3] for r in result] == [(34, 11, "GX207")]
    assert "格内写的是“2868元”，而表头单位为万元；应填 0.2868" in result[0][3]


def test_plausible_fee_is_quiet():
    assert found(edited("changde", {34: ("2868", "96171.6")}), "GX207") == []


def test_blank_official_template_gives_one_summary_per_table():
    # The blank DOCX template of the format: every value cell is empty, so each table gets one
    # finding that says so instead of listing 175 cells.
    found_docx = lint_bytes((PEER / "govnianbao__official-template-blank.docx").read_bytes(), select=["GX205"], path="template.docx")
    messages = [d.message for d in found_docx]
    assert len(messages) == 3
    assert messages[1].startswith("表三有无法读取的单元格，涉及的加总关系未核对：全部 25 行 175 格均为空白单元格")
    assert "数据行（第" in messages[2] and "15 格均为空白单元格" in messages[2]
    assert "第二十条第（一）项全部 2 行 6 格均为空白单元格" in messages[0]


def test_rows_absent_from_a_cut_off_table_are_one_range():
    # The raw section-三 text of the peer PDF stops after （四）1.本机关不掌握相关政府信息 (line 46).
    text = (PEER / "govnianbao__section3_raw_text.txt").read_text(encoding="utf-8")
    assert found(text) == [
        (
            9,
            1,
            "GX205",
            "表三有无法读取的单元格，涉及的加总关系未核对：「（四）无法提供/2.没有现成信息需要另行制作」至"
            "「四、结转下年度继续办理」共 12 行：报告中没有这些行",
        )
    ]
