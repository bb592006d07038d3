"""Property tests: no input makes the parser or any registered rule raise.

The engine turns a rule's exception into a ``GX003`` finding and a parser crash into a ``GX002``
that says 内部错误, so "no exception escaped" is not enough: the tests assert that neither appears.
Inputs are report-shaped — the seed reports with lines shuffled, duplicated and deleted, table
cells and numbers replaced by random values, and random Unicode spliced in — because that is
where the rules' assumptions (a row has its cells, a total is a number) are tested hardest.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxlint.config import Settings
from gxlint.engine import Linter
from gxlint.plugins import load
from gxlint.readers import ReadError
from gxlint.testing import parse_text

from .conftest import SEEDS

SEED_LINES = {name: path.read_text(encoding="utf-8").split("\n") for name, path in SEEDS.items()}
TEMPLATES = ("auto", "gov-2019", "gov-2021")
_REGISTRY = load()
_LINTERS = {template: Linter(Settings(template=template), _REGISTRY) for template in TEMPLATES}

CELL_VALUES = st.one_of(
    st.integers(-10**6, 10**12).map(str),
    st.sampled_from(["", " ", "-", "—", "/", "无", "0", "00", "O", "1 2", "１２", "3.5", "1,234", "∞", "NaN", "七"]),
    st.text(max_size=8),
)
NOISE = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from("一二三四五六（）、|。，：；0123456789\t\u3000")), max_size=40
)


@st.composite
def mutated_report(draw) -> str:
    lines = list(SEED_LINES[draw(st.sampled_from(sorted(SEED_LINES)))])
    for _ in range(draw(st.integers(0, 12))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "cell", "number", "noise", "split"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "cell":
            cells = lines[index].split("|")
            cells[draw(st.integers(0, len(cells) - 1))] = draw(CELL_VALUES)
            lines[index] = "|".join(cells)
        elif action == "number":
            lines[index] = re.sub(r"\d+", lambda m: draw(CELL_VALUES), lines[index], count=draw(st.integers(0, 5)))
        elif action == "noise":
            cut = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:cut] + draw(NOISE) + lines[index][cut:]
        else:
            cut = draw(st.integers(0, len(lines[index])))
            lines[index : index + 1] = [lines[index][:cut], lines[index][cut:]]
    if draw(st.booleans()):
        start = draw(st.integers(0, max(0, len(lines) - 1)))
        block = lines[start : start + draw(st.integers(0, 30))]
        draw(st.randoms(use_true_random=False)).shuffle(block)
        lines[start : start + len(block)] = block
    return "\n".join(lines)


def assert_no_internal_errors(text: str, template: str = "auto", path: str = "report.txt") -> None:
    result = _LINTERS[template].lint_bytes(text.encode("utf-8", "surrogatepass"), path)
    crashed = [
        f"{d.code} {d.message}"
        for d in result.diagnostics
        if d.code == "GX003" or (d.code == "GX002" and "内部错误" in d.message)
    ]
    assert not crashed, crashed


PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(text=mutated_report(), template=st.sampled_from(TEMPLATES))
def test_no_rule_raises_on_mutated_reports(text, template):
    assert_no_internal_errors(text, template)


@PROPERTY
@given(text=mutated_report())
def test_no_rule_raises_on_mutated_markdown(text):
    assert_no_internal_errors(re.sub(r"(?m)^([一二三四五六]、)", r"## \1", text), path="report.md")


def as_html(text: str) -> str:
    """A scraped page: pipe rows become table rows, other lines paragraphs (escaped)."""
    body, rows = [], []
    for line in text.split("\n"):
        if "|" in line:
            cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in line.strip().strip("|").split("|"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            body.append("<table>" + "".join(rows) + "</table>")
            rows = []
        body.append(f"<p>{html.escape(line)}</p>")
    if rows:
        body.append("<table>" + "".join(rows) + "</table>")
    return "<html><body>" + "\n".join(body) + "</body></html>"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated_report())
def test_no_rule_raises_on_mutated_html(text):
    assert_no_internal_errors(as_html(text), path="report.html")


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=400))
def test_parser_accepts_any_text(text):
    try:
        report = parse_text(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    except ReadError:
        return  # empty, blank or binary-looking text is refused by the reader, with a message
    assert report.lines is not None


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("一、（）1.|\n \t总体情况表三本年新收申请0123456789"), max_size=300))
def test_no_rule_raises_on_structure_soup(text):
    if text.strip():
        assert_no_internal_errors(text)


@pytest.mark.parametrize("name", sorted(SEED_LINES))
def test_seeds_run_every_rule_cleanly(name):
    for template in TEMPLATES:
        assert_no_internal_errors("\n".join(SEED_LINES[name]), template)
