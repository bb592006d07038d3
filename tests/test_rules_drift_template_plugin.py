"""A province's local variant of the format, added by a plugin through the ``gxlint_templates`` hook.

The variant (made up for the test, in the way 湖北 added 「其他主动公开文件」 to the 2019 tables) adds
a row to table 二's 第二十条第（一）项 block and accepts a longer heading for section 六. Reports
held to it (``template = "hubei-2021"``) are not told that these are drift; reports held to the
official format still are.
"""

from __future__ import annotations

import copy
from importlib import resources

import pytest

from gxlint import hookimpl
from gxlint._toml import toml
from gxlint.config import Settings
from gxlint.engine import Linter
from gxlint.plugins import load
from gxlint.templates import _registry, get_template

LOCAL_ID = "hubei-2021"
LOCAL_HEADING = "其他需要报告的事项及信息处理费收取情况"


def local_variant() -> dict:
    official = toml.loads(resources.files("gxlint.templates").joinpath("gov-2021.toml").read_text(encoding="utf-8"))
    data = copy.deepcopy(official)
    data["id"], data["name"] = LOCAL_ID, "湖北省政府信息公开工作年度报告格式（地方版）"
    data["table2"]["blocks"][0]["rows"].append("其他主动公开文件")
    data["sections"][5]["aliases"].append(LOCAL_HEADING)
    return data


class LocalTemplates:
    """What a province's plugin package would register under the ``gxlint`` entry points."""

    @hookimpl
    def gxlint_templates(self):
        return [local_variant()]


@pytest.fixture
def registry():
    registry = load(extra_plugins=(LocalTemplates(),))
    yield registry
    _registry.pop(LOCAL_ID, None)  # templates are global: leave none behind for other tests


REPORT = f"""武汉市XX局2023年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 1 | 0 | 5
其他主动公开文件 | 3 | 0 | 3
六、{LOCAL_HEADING}
本年度未收取信息处理费。
"""


def lint(registry, template: str, select=("GX1", "GX4")):
    settings = Settings(select=list(select), template=template)
    return Linter(settings, registry).lint_bytes(REPORT.encode("utf-8"), "report.txt").diagnostics


def test_the_plugin_registers_its_template(registry):
    assert not registry.failures
    template = get_template(LOCAL_ID)
    assert template.block("第二十条第（一）项").rows == ("规章", "行政规范性文件", "其他主动公开文件")
    assert template.first_year == 2021


def test_a_report_held_to_the_local_variant_is_not_told_its_local_row_is_drift(registry):
    diagnostics = lint(registry, LOCAL_ID)
    assert ("GX406", 7) not in {(d.code, d.line) for d in diagnostics}
    assert not any(d.code == "GX101" and "第六部分" in d.message for d in diagnostics)  # 六 is recognised
    # the local heading is a known variant wording: an info note, not a warning
    [heading] = [d for d in lint(registry, LOCAL_ID) if d.code in ("GX401", "GX402")]
    assert (heading.code, heading.line) == ("GX401", 8)
    assert heading.message.endswith("格式原文为「六、其他需要报告的事项」")


def test_the_same_report_held_to_the_official_format_still_shows_the_extra_row(registry):
    extra = [d for d in lint(registry, "2021") if d.code == "GX406"]
    assert [(d.line, d.message) for d in extra] == [(7, "表二「第二十条第（一）项」有格式中没有的行「其他主动公开文件」")]


def test_without_the_plugin_the_local_heading_is_not_recognised():
    # No plugin registered: 「六、其他需要报告的事项及信息处理费收取情况」 is too far from the official
    # heading to be taken for section 六, and the extra row is an extra row.
    settings = Settings(select=["GX101", "GX406"])
    found = Linter(settings, load()).lint_bytes(REPORT.encode("utf-8"), "report.txt").diagnostics
    assert ("GX406", 7) in {(d.code, d.line) for d in found}
    assert any(d.code == "GX101" and "第六部分" in d.message for d in found)
