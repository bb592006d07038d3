"""Baselines: findings accepted by file, code and offending text, surviving edits above them."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from gxlint import baseline
from gxlint.engine import FileResult

from .integrations_support import FULL, example_linter, report

# The example rule fingerprints the title as written: full and short form are different findings.
MENTION = f"本机关落实{FULL}要求。"
OTHER = "依据政府信息公开条例办理申请。"


def lint(path) -> list[FileResult]:
    return [example_linter(select=["GX9"]).lint_path(str(path))]


def lines(results: list[FileResult]) -> list[tuple[str, int, str]]:
    return [(d.path.rsplit("/", 1)[-1], d.line, d.code) for r in results for d in r.diagnostics]


def test_entries_are_sorted_json_without_line_numbers(tmp_path):
    target = tmp_path / "reports" / "2023.md"
    target.parent.mkdir()
    target.write_text(report(OTHER, MENTION, MENTION), encoding="utf-8")
    written = baseline.write(str(tmp_path / "baseline.json"), lint(target))
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    # two distinct texts: MENTION twice (count 2), OTHER once
    assert written == 2 == len(data["entries"])
    assert data["gxlint_baseline"] == 1
    assert sorted(e["count"] for e in data["entries"]) == [1, 2]
    assert {e["path"] for e in data["entries"]} == {"reports/2023.md"}
    assert data["entries"] == sorted(data["entries"], key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    assert all("line" not in e for e in data["entries"])


def test_baseline_still_matches_after_lines_are_inserted_above(tmp_path):
    target = tmp_path / "2023.md"
    target.write_text(report(MENTION, OTHER), encoding="utf-8")
    saved = str(tmp_path / "baseline.json")
    before = lint(target)
    assert lines(before) == [("2023.md", 2, "GX901"), ("2023.md", 3, "GX901")]
    baseline.write(saved, before)

    target.write_text(report("新增的第一段。", "新增的第二段。", "", MENTION, OTHER), encoding="utf-8")
    after = lint(target)
    assert lines(after) == [("2023.md", 5, "GX901"), ("2023.md", 6, "GX901")]
    remaining, gone = baseline.apply(saved, after)
    assert (lines(remaining), gone) == ([], 0)


def test_new_findings_and_gone_entries_are_told_apart(tmp_path):
    target = tmp_path / "2023.md"
    target.write_text(report(MENTION, OTHER), encoding="utf-8")
    saved = str(tmp_path / "baseline.json")
    baseline.write(saved, lint(target))
    # OTHER fixed, MENTION now written twice: one MENTION is new, OTHER's entry is gone
    target.write_text(report(MENTION, "依据《政府信息公开条例》办理。", MENTION), encoding="utf-8")
    remaining, gone = baseline.apply(saved, lint(target))
    assert lines(remaining) == [("2023.md", 4, "GX901")]
    assert gone == 1


def test_paths_are_relative_to_the_baseline_file(tmp_path, monkeypatch):
    target = tmp_path / "reports" / "2023.md"
    target.parent.mkdir()
    target.write_text(report(MENTION), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    baseline.write("baseline.json", [example_linter(select=["GX9"]).lint_path("reports/2023.md")])
    monkeypatch.chdir(target.parent)
    remaining, gone = baseline.apply("../baseline.json", [example_linter(select=["GX9"]).lint_path("2023.md")])
    assert (lines(remaining), gone) == ([], 0)


def test_results_without_their_document_are_fingerprinted_from_the_file(tmp_path):
    """No snippet and no document (a worker dropped it): the line is re-read from the file."""
    target = tmp_path / "2023.md"
    target.write_text(report(MENTION), encoding="utf-8")
    saved = str(tmp_path / "baseline.json")
    [diagnostic] = lint(target)[0].diagnostics
    bare = [FileResult(str(target), [replace(diagnostic, snippet="")])]
    baseline.write(saved, bare)
    entry = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["entries"][0]
    assert entry["fingerprint"] == baseline.fingerprint("GX901", MENTION)  # the text of line 2
    assert baseline.apply(saved, bare)[1] == 0
    moved = [FileResult(str(target), [replace(diagnostic, snippet="", line=9)])]
    target.write_text(report(*["新增。"] * 7, MENTION), encoding="utf-8")
    assert lines(baseline.apply(saved, moved)[0]) == []


def test_a_broken_baseline_is_a_clear_error(tmp_path):
    bad = tmp_path / "baseline.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match="not a gxlint baseline"):
        baseline.apply(str(bad), [])
    with pytest.raises(baseline.BaselineError, match="does not exist"):
        baseline.apply(str(tmp_path / "missing.json"), [])
