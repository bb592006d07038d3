"""A third-party gxlint plugin: rules that react to marker text, and an extra output format."""

from __future__ import annotations

import os
import time

from gxlint import Rule, Severity, hookimpl
from gxlint.plugins import FormatSpec


class _MarkerRule(Rule):
    marker = ""

    def check(self, report, ctx):
        marker = ctx.options.get("marker", self.marker)
        for line in report.lines:
            column = line.text.find(marker)
            if column >= 0:
                yield self.at(line.span(column, column + len(marker)), f"演示标记「{marker}」")


class DemoError(_MarkerRule):
    """Marks every line that contains the demo error marker.

    A test rule of the gxlint-demo plugin; the marker can be changed with the ``marker`` option.

    Bad::

        一、总体情况
        本行有【演示错误】。

    Good::

        一、总体情况
        本行没有标记。
    """

    code = "GX991"
    name = "demo-error-marker"
    severity = Severity.ERROR
    marker = "【演示错误】"
    options = {"marker": "【演示错误】"}


class DemoWarning(_MarkerRule):
    """Marks every line that contains the demo warning marker."""

    code = "GX992"
    name = "demo-warning-marker"
    severity = Severity.WARNING
    marker = "【演示警告】"


class DemoInfo(_MarkerRule):
    """Marks every line that contains the demo information marker."""

    code = "GX993"
    name = "demo-info-marker"
    severity = Severity.INFO
    marker = "【演示提示】"


class DemoSlow(Rule):
    """Takes far too long on a report that contains the slow marker (tests --max-seconds)."""

    code = "GX994"
    name = "demo-slow"
    severity = Severity.INFO

    def check(self, report, ctx):
        if any("【演示超时】" in line.text for line in report.lines):
            time.sleep(60)
        return ()


class DemoCrash(Rule):
    """Kills its process on a report that contains the crash marker, when the test allows it."""

    code = "GX995"
    name = "demo-crash"
    severity = Severity.ERROR

    def check(self, report, ctx):
        if os.environ.get("GXLINT_DEMO_CRASH") == "1" and any("【演示崩溃】" in line.text for line in report.lines):
            os._exit(3)
        if any("【演示异常】" in line.text for line in report.lines):
            raise RuntimeError("演示异常")
        return ()


class CountFormatter:
    """The ``demo-count`` format: one line, the number of findings."""

    def __init__(self, *, context):
        self.context = context

    def render(self, diagnostics):
        return f"{len(diagnostics)} findings in {len(self.context.files)} files\n"


@hookimpl
def gxlint_rules():
    return [DemoError, DemoWarning, DemoInfo, DemoSlow, DemoCrash]


@hookimpl
def gxlint_formats():
    return [FormatSpec("demo-count", CountFormatter)]
