"""The model classes write out what ``@dataclass`` would generate; check that they still agree."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from gxlint import arithmetic, model, numbers
from gxlint.bind.labels import Hit
from gxlint.model import new_span
from gxlint.parser.headings import HeadingShape
from gxlint.readers import Document
from tests.records_support import (
    assert_behaves_as_dataclass,
    assert_init_takes_the_fields,
    required,
)

CLASSES = [
    model.Span, model.Line, model.Paragraph, model.Section, model.ChromeBlock, model.Cell, model.LabelMatch,
    model.TableRow, model.BoundTable, model.Tables, model.Metadata, model.Report,
    HeadingShape, Hit, numbers.Quantity, arithmetic.SumResult, arithmetic.JoinHint, Document,
]
FROZEN = {model.Span, HeadingShape, Hit, numbers.Quantity, arithmetic.SumResult, arithmetic.JoinHint}

SAMPLE_VALUES = {
    "text": "一、总体情况", "lines": [], "section": 1, "numeral": "一", "title": "总体情况", "level": 1,
    "line": 3, "number": 4, "origin_line": 5, "state": "number", "value": Decimal("1.5"), "raw": "1.5",
    "key": "k", "label": "l", "match": None, "cells": [], "name": "table3", "template": "gov-2021",
    "rows": [], "columns": ["a"], "path": "r.txt", "sections": [], "preamble": [], "chrome": [],
    "tables": None, "meta": None, "canonical": "c", "distance": 0.0, "kind": "web",
    "how": "exact", "unit": "件", "start": 0, "end": 3, "status": "ok", "total": 3, "parts": (1, 2),
    "index": 0, "first": Decimal(2), "second": Decimal(0), "joined": Decimal(20), "values": (Decimal(20),),
}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    assert_init_takes_the_fields(cls)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_instances_behave_as_generated_dataclasses(cls):
    assert_behaves_as_dataclass(cls, required(cls, SAMPLE_VALUES), cls in FROZEN, more_attributes=True)


def test_span_is_frozen_and_hashable_and_new_span_makes_the_same():
    span = model.Span(1, 2, 3, 4)
    assert new_span(1, 2, 3, 4) == span and hash(new_span(1, 2, 3, 4)) == hash(span)
    assert repr(new_span(1, 2, 3, 4)) == repr(span) == "Span(line=1, column=2, end_line=3, end_column=4)"
    assert hash(span) == hash((1, 2, 3, 4)) and model.Span(7) == model.Span(7, 1, None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.line = 5  # type: ignore[misc]
    assert model.Line("abc", 1, 1, origin_column=3).span(1, 2) == model.Span(1, 4, 1, 4)


def test_a_cell_made_from_a_token_makes_its_span_when_read():
    from gxlint.numbers import parse_cell, token_cells
    from gxlint.parser.tokens import Token

    line = model.Line("| 12 |", 4, 9, 3)
    token = Token("12", line, 2, 3)
    (cell,) = token_cells([token])
    assert "span" not in vars(cell) and model.Cell.span is None
    assert cell.span == token.span == model.Span(9, 5, 9, 6) and vars(cell)["span"] is cell.span
    assert cell == parse_cell("12", token.span) and repr(cell) == repr(parse_cell("12", token.span))
    (other,) = token_cells([token])
    other.span = None  # assigned like any field, the token is not asked
    assert other.span is None and dataclasses.replace(other, raw="x").span is None
    assert dataclasses.replace(token_cells([token])[0]).span == token.span


def test_a_label_the_walker_matched_makes_its_span_when_read():
    from gxlint.bind.labels import LabelSet
    from gxlint.bind.walker import Walker
    from gxlint.parser.tokens import tokenize

    header = model.Line("| 总计 |", 1, 5, 1)
    line = model.Line("| （一）予以公开 | 3 |", 2, 6, 1)
    walk = Walker(tokenize([header, line]), LabelSet(["（一）予以公开"]), LabelSet(["总计"]))
    walk.run()
    assert walk.first_span == model.Span(5, 3, 5, 4)  # the table's first label: its span is read
    ((match, values),) = walk.rows
    assert "span" not in vars(match) and model.LabelMatch.span is None
    assert match == model.LabelMatch("（一）予以公开", "（一）予以公开", 0.0, model.Span(6, 3, 6, 9))
    assert vars(match)["span"] == match.span and [t.text for t in values] == ["3"]


def test_a_parsed_report_is_freed_by_reference_counting():
    """No reference cycles: a report's tree goes when its last reference does, without waiting for
    the cyclic collector (which the parser pauses while it builds the tree)."""
    import gc
    import weakref
    from pathlib import Path

    from gxlint.parser import parse
    from gxlint.readers import read_path

    example = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))[0]
    report = parse(read_path(str(example)))
    nodes = [weakref.ref(node) for node in report.headings()]
    paragraphs = [weakref.ref(paragraph) for paragraph in report.paragraphs()]
    assert len(nodes) > 6 and paragraphs and gc.isenabled()
    gc.disable()
    try:
        del report
        assert all(ref() is None for ref in nodes + paragraphs)
    finally:
        gc.enable()
