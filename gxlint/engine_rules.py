"""The engine's own codes (GX0): files it cannot read, reports it cannot parse, plugins that fail.

They are emitted by the engine, not by ``check``; they are rules so that they can be selected,
ignored and documented like any other.
"""

from __future__ import annotations

from .diagnostics import Severity
from .rule import Rule


class UnreadableFile(Rule):
    """The file cannot be read as a report (binary, empty, undecodable, broken DOCX/PDF/HTML).

    A file that cannot be read cannot be checked: nothing else is reported for it, so a clean run
    never hides an unreadable report. The message says why the file could not be read.

    Bad::

        (an empty file, a ZIP archive renamed to .docx, a GBK file cut in the middle of a character)

    Good::

        (a UTF-8, GB18030 or UTF-16 text, Markdown, HTML, DOCX or PDF report)
    """

    code = "GX001"
    name = "unreadable-file"
    severity = Severity.ERROR


class UnparseableReport(Rule):
    """The file was read, but no part of an annual report was recognised in it.

    None of the six statutory section headings and none of the three tables were found, so no
    other rule can say anything true about it. Usually the file is not an annual report, or its
    text was extracted so badly that nothing is left of the structure.

    Bad::

        会议通知：请各单位于周五前报送材料。

    Good::

        一、总体情况
        二、主动公开政府信息情况
    """

    code = "GX002"
    name = "unparseable-report"
    severity = Severity.ERROR


class PluginFailed(Rule):
    """A plugin failed to load, or one of its rules raised while checking this file.

    The failing plugin and hook are named; every other rule still ran. Report the message to the
    plugin's authors.

    Bad::

        (a plugin whose rule raises ZeroDivisionError)

    Good::

        (plugins whose rules return diagnostics)
    """

    code = "GX003"
    name = "plugin-failed"
    severity = Severity.ERROR


class ResourceLimit(Rule):
    """Checking this file was stopped because it exceeded the time or memory cap.

    One pathological file must not stall a batch of thousands; the caps are set with
    ``--max-seconds`` / ``max-seconds`` in the configuration.

    Bad::

        (a 40 MB file of table separators)

    Good::

        (an ordinary report)
    """

    code = "GX004"
    name = "resource-limit"
    severity = Severity.ERROR


class UnusedSuppression(Rule):
    """An inline ``<!-- gxlint: disable … -->`` comment suppresses nothing.

    Stale suppressions hide future findings; remove them when the problem they silenced is fixed.
    Only certain cases are reported: a code is called unused only when its rules ran on the file
    (selected and not ignored for it), a bare ``disable`` only when every rule ran. A comment that
    is not a valid directive (``disabel``, a code like ``X1``) is reported too. To keep one stale
    comment on purpose, put ``<!-- gxlint: disable-next-line GX005 -->`` before it.

    Bad::

        <!-- gxlint: disable-next-line GX501 -->
        一、总体情况

    Good::

        一、总体情况
    """

    code = "GX005"
    name = "unused-suppression"
    severity = Severity.WARNING


ENGINE_RULES = (UnreadableFile, UnparseableReport, PluginFailed, ResourceLimit, UnusedSuppression)
