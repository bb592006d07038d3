"""Findings in DOCX and PDF reports name the page, paragraph or table cell, not only a running line."""

from __future__ import annotations

from gxlint.config import Settings
from gxlint.engine import Linter
from gxlint.plugins import load

from .conftest import PEER


def lint(path):
    return Linter(Settings(), load()).lint_path(str(path)).diagnostics


def test_pdf_finding_names_its_page():
    # The contact mailbox hazwgkc@163.com is printed on page 1 of the report.
    found = [d for d in lint(PEER / "govnianbao__szfgs2024.pdf") if d.code == "GX307"]
    assert [d.location for d in found] == ["第 1 页"]


def test_docx_finding_names_its_table():
    # The blank template's table 三 is the second Word table; its first cells are blank.
    found = [d for d in lint(PEER / "govnianbao__official-template-blank.docx") if d.code == "GX205"]
    table3 = [d for d in found if d.message.startswith("表三")]
    assert len(table3) == 1 and table3[0].location.startswith("表 2 ")


def test_text_findings_carry_no_location():
    found = lint(PEER.parent / "000_914a51cc45050283.txt")
    assert found and all(d.location == "" for d in found)
