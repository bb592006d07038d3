"""Page chrome: the gated look-up must give exactly what trying every pattern in order gives."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Optional

import pytest

from gxlint.parser import chrome
from gxlint.parser.chrome import _gate, chrome_kind

FIXTURES = Path(__file__).parent / "fixtures"

SAMPLES = [
    "当前位置：首页 > 政务公开",
    "您现在的位置: 首页",
    "扫一扫在手机打开当前页",
    "【打印】【关闭】",
    "· 打印本页 · 关闭窗口",
    "版权所有：某某市人民政府",
    "主办单位：某某市人民政府办公室",
    "网站标识码 1234000001",
    "京ICP备12345678号",
    "浙ICP备05002305号-1",
    "字号：[ 大 中 小 ]",
    "信息索引号：001-2023-00001",
    "索 引 号：11A-2023",
    "主题（一级）：政务公开",
    "来源：市政府办公室",
    "公开方式：主动公开",
    "公开方式是本机关的重点工作",  # a field name followed by prose is not chrome
    "上一篇：2022年度报告",
    "附件下载",
    "- 3 -",
    "—12—",
    "第 3 页 / 共 9 页",
    "第3页",
    "正文",
    "[正文]",
    "```text",
    "<!-- converted -->",
    "<!-- gxlint: disable=GX101 -->",
    "*****",
    "===",
    "一、总体情况",
    "本机关2023年度政府信息公开工作报告",
]


def reference_kind(text: str, strong_only: bool = False) -> Optional[str]:
    """Every pattern, compiled and tried in order, with no gate."""
    stripped = text.strip()
    if not stripped or len(stripped) > 200:
        return None
    for regex, kind, strong in chrome._sources():
        if strong_only and not strong:
            continue
        if re.match(regex, stripped):
            return kind
    return None


def _lines() -> list[str]:
    lines = list(SAMPLES)
    for path in sorted(FIXTURES.glob("*.txt"))[:20]:
        lines.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    pieces = [*SAMPLES, "a", "1", "字", "号", "。", " ", "|", "\u3000", "公开", "主题", "\t"]
    rng = random.Random(7)
    lines.extend("".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(3000))
    return lines


@pytest.mark.parametrize("strong_only", [False, True])
def test_gated_lookup_matches_every_pattern_in_order(strong_only):
    lines = _lines()
    assert [chrome_kind(line, strong_only) for line in lines] == [reference_kind(line, strong_only) for line in lines]
    assert any(chrome_kind(line, strong_only) for line in SAMPLES)


def test_gates_of_the_shipped_patterns_are_known():
    # Every shipped pattern is gated; one that is not would be compiled and tried on every line.
    assert all(gate is not None for gate in chrome._gates())


@pytest.mark.parametrize(
    ("regex", "gate"),
    [
        (r"^(甲|乙丙)\s*x", (frozenset("甲乙"), ("x",))),
        (r"^\s*[-=]{3,}\s*$", (frozenset("-="), None)),
        (r"^.{0,40}字号.*", (None, ("字号",))),
        (r"^(甲.*|.*乙丙)$", (None, ("乙丙", "甲"))),
        (r"^.*$", None),
        (r"^\d+", None),
        (r"(?i)^abc", None),
        (r"^[\u4e00-\u9fff]+$", None),
    ],
)
def test_gate_of_a_pattern(regex, gate):
    assert _gate(regex) == gate
