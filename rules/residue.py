"""Residue: web page chrome, PDF page marks and conversion debris left in the report text.

The parser recognises these blocks (``gxlint/data/chrome.toml``); these rules report each block
once, not each line, and offer a safe fix that deletes the block's lines.
"""

from __future__ import annotations

from typing import Iterable, Optional

from gxlint.diagnostics import Diagnostic, Edit, Fix, Severity
from gxlint.model import ChromeBlock, Line, Report
from gxlint.rule import Rule, RuleContext

from ._memo import per_report
from ._text import fixable, quote


class _ResidueRule(Rule):
    kind = ""
    what = ""
    severity = Severity.WARNING
    layout_in: tuple[str, ...] = ()  # source kinds where such lines are layout, not residue

    def check(self, report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        if report.source_kind in self.layout_in:
            return
        for block in report.chrome:
            if block.kind != self.kind:
                continue
            texts = [line.text.strip() for line in block.lines if line.text.strip()]
            if not texts:
                continue
            first, last = block.lines[0].origin_line, block.lines[-1].origin_line
            where = f"第 {first} 行" if first == last else f"第 {first}–{last} 行"
            sample = "」「".join(quote(text, 16) for text in texts[:3])
            more = f"等 {len(texts)} 行" if len(texts) > 3 else ""
            message = f"{self.what}（{where}：「{sample}」{more}）不属于报告正文，应删除"
            fix = _delete_lines(report, block) if fixable(report, whole_lines=True) else None
            yield self.at(block.span, message, fix=fix, snippet=texts[0])


@per_report
def _lines_by_number(report: Report) -> tuple[dict[int, Line], int]:
    """The report's lines by their line number in the file, and the last number: built once per
    report for all its blocks, not once per block (a long report has many)."""
    by_line = {line.origin_line: line for line in report.lines}
    return by_line, max(by_line) if by_line else 0


def _delete_lines(report: Report, block: ChromeBlock) -> Optional[Fix]:
    """Delete the block's lines, and the blank lines between them, newline included."""
    by_line, last_in_file = _lines_by_number(report)
    first, last = block.lines[0].origin_line, block.lines[-1].origin_line
    chrome = {line.origin_line for line in block.lines}
    if any(line.origin_column != 1 for line in block.lines):
        return None
    edits = []
    for number in range(first, last + 1):
        line = by_line.get(number)
        if line is None or (number not in chrome and line.text.strip()):
            continue  # a content line inside the block's range stays
        if number < last_in_file:
            edits.append(Edit(number, 1, number + 1, 1, ""))
        elif number - 1 in by_line and number - 1 not in chrome:
            previous = by_line[number - 1]
            edits.append(Edit(number - 1, len(previous.text) + 1, number, len(line.text) + 1, ""))
        else:
            edits.append(Edit(number, 1, number, len(line.text) + 1, ""))
    if not edits:
        return None
    return Fix(f"删除第 {first}–{last} 行的残留内容" if first != last else f"删除第 {first} 行的残留内容", tuple(edits))


class WebChrome(_ResidueRule):
    """Web page chrome (navigation, metadata panel, share and print links) left in the report.

    Reports copied from a government website carry the page around them: ``当前位置：首页 >``,
    the 信息索引号 / 发布机构 panel, ``字号 大 中 小``, ``扫一扫在手机打开当前页``, ``打印 关闭``.
    None of it belongs to the report, and it confuses readers and every tool that reads the text.
    Each block of consecutive chrome lines is reported once; the fix deletes the block.

    Bad::

        当前位置：首页 > 信息公开 > 年度报告
        一、总体情况
        本机关全面推进政务公开工作。

    Good::

        一、总体情况
        本机关全面推进政务公开工作。
    """

    code = "GX530"
    name = "web-page-chrome"
    kind = "web"
    what = "网页残留内容"


class PageMark(_ResidueRule):
    """A page number or page mark from a PDF or Word conversion left in the text (``— 3 —``).

    Page marks interrupt sentences and tables where the page broke; they are not part of the
    report text. The fix deletes the line. A PDF has its page numbers in the page footer, where
    they belong, so PDF sources are not checked.

    Bad::

        一、总体情况
        本机关全面推进政务公开工作。
        — 3 —
        二、主动公开政府信息情况

    Good::

        一、总体情况
        本机关全面推进政务公开工作。
        二、主动公开政府信息情况
    """

    code = "GX531"
    name = "page-mark-residue"
    kind = "page-mark"
    what = "页码标记"
    layout_in = ("pdf",)


class ConversionDebris(_ResidueRule):
    """Debris from converting the report between formats: ``正文``, Markdown fences, rules, comments.

    Converters and editors leave lines that were layout, not text: a lone ``正文`` label, a code
    fence, a row of ``***``. They are not part of the report; the fix deletes them.

    Bad::

        正文
        一、总体情况
        本机关全面推进政务公开工作。

    Good::

        一、总体情况
        本机关全面推进政务公开工作。
    """

    code = "GX532"
    name = "conversion-debris"
    kind = "debris"
    what = "格式转换残留"


RULES = (WebChrome, PageMark, ConversionDebris)
