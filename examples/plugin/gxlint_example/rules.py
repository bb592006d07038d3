"""GX901: the title of the regulation is written without book-title marks 《》."""

from __future__ import annotations

import re

from gxlint import Edit, Fix, Rule, Severity

_TITLE = re.compile(r"(中华人民共和国)?政府信息公开条例")


class RegulationTitleWithoutBookMarks(Rule):
    """The title of the regulation is written without book-title marks 《》.

    The title of a law or regulation is always written between 《 and 》. The full title
    (中华人民共和国政府信息公开条例) is certainly the title, so adding the marks is a safe fix;
    the short form may be used loosely, so its fix needs ``--unsafe-fixes``.

    Bad::

        一、总体情况
        本机关严格落实中华人民共和国政府信息公开条例要求。

    Good::

        一、总体情况
        本机关严格落实《中华人民共和国政府信息公开条例》要求。
    """

    code = "GX901"
    name = "regulation-title-without-book-marks"
    severity = Severity.WARNING
    options = {"short-form": True}  # also check 政府信息公开条例 without 中华人民共和国

    def check(self, report, ctx):
        for paragraph in report.paragraphs():
            text = paragraph.text
            for match in _TITLE.finditer(text):
                start, end = match.span()
                full = match.group(1) is not None
                if text.rfind("《", 0, start) > text.rfind("》", 0, start):
                    continue  # inside a title already: 《…政府信息公开条例》, 《…条例实施办法》
                if not full and not ctx.options["short-form"]:
                    continue
                span = paragraph.span_of(start, end)
                fix = Fix(
                    description=f"加上书名号：《{match.group()}》",
                    edits=(
                        Edit(span.line, span.column, span.line, span.column, "《"),
                        Edit(span.end_line, span.end_column + 1, span.end_line, span.end_column + 1, "》"),
                    ),
                    safe=full,
                )
                yield self.at(span, f"法规名称「{match.group()}」缺少书名号，应写作《{match.group()}》", fix=fix, snippet=match.group())
