"""GX530–GX532 residue: one finding per block of web chrome, page marks or conversion debris."""

from __future__ import annotations

from gxlint.config import Settings
from gxlint.engine import Linter
from gxlint.plugins import load

from .conftest import PEER
from .language_support import fixed, lint, where

BODY = "一、总体情况\n本机关全面推进政务公开工作。\n二、主动公开政府信息情况\n"


def test_web_chrome_block_is_one_finding():
    text = "当前位置：首页 > 信息公开 > 年度报告\n信息索引号 01404053X/2024-00175 生成日期 2024-01-22\n\n发布机构 临港经济开发区党政办公室\n" + BODY
    found = lint(text, ["GX53"])
    assert where(found) == [(1, 1, "GX530")]
    assert (found[0].end_line, found[0].message.startswith("网页残留内容（第 1–4 行：「当前位置")) == (4, True)


def test_chrome_fix_deletes_the_block_and_keeps_the_report(tmp_path):
    text = "当前位置：首页 > 信息公开\n\n发布机构 某某局\n" + BODY + "扫一扫在手机打开当前页\n打印 关闭"
    assert fixed(tmp_path, text, ["GX53"]) == BODY


def test_page_mark_in_text():
    text = "一、总体情况\n本机关全面推进政务公开工作。\n— 3 —\n二、主动公开政府信息情况\n"
    found = lint(text, ["GX53"])
    assert where(found) == [(3, 1, "GX531")]
    assert "页码标记" in found[0].message


def test_page_marks_of_a_pdf_are_its_layout():
    settings = Settings()
    settings.select = ["GX531"]
    result = Linter(settings, load()).lint_path(str(PEER / "govnianbao__szfgs2024.pdf"))
    assert result.report is not None
    assert any(block.kind == "page-mark" for block in result.report.chrome)
    assert result.diagnostics == []


def test_conversion_debris():
    found = lint("正文\n" + BODY, ["GX53"])
    assert where(found) == [(1, 1, "GX532")]


def test_prose_that_starts_like_a_metadata_field_is_not_chrome():
    text = "一、总体情况\n对已公开信息进行梳理，优化主动\n公开目录，着力为群众提供看得懂的政府信息。\n二、主动公开政府信息情况\n"
    assert lint(text, ["GX53"]) == []
