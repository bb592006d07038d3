"""Exclude matching: the compiled matcher answers exactly as testing each pattern with ``matches``."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.config.patterns import matches, matches_any, normalize

PARTS = st.sampled_from(["reports", "drafts", "2019", "README.md", "a.txt", "build", ".git", "x", "报告", "年报.docx"])
PATHS = st.lists(PARTS, min_size=1, max_size=4).map("/".join)
PATTERNS = st.lists(
    st.sampled_from(
        ["drafts", "*.md", "README*", "reports/2019", "reports/*/a.txt", "build", "*.txt", "报告", "x/", "[0-9]*", "/tmp/*"]
    ),
    max_size=5,
)


@settings(max_examples=400, deadline=None)
@given(path=PATHS, patterns=PATTERNS, absolute=st.booleans())
def test_compiled_matcher_agrees_with_each_pattern(path, patterns, absolute):
    if absolute:
        path = os.path.join(os.getcwd(), path)
    assert matches_any(path, patterns) == any(matches(path, pattern) for pattern in patterns)


def test_default_excludes_skip_names_and_anchored_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    patterns = [".git", "README*", normalize("reports/2019", str(tmp_path))]
    assert matches_any("a/.git", patterns)
    assert matches_any("README.md", patterns)
    assert matches_any("reports/2019/一.txt", patterns)
    assert not matches_any("reports/2020/一.txt", patterns)
    assert not matches_any("a/readme-notes.txt", patterns)
    assert not matches_any("a.txt", [])


def test_walk_lists_a_file_once_whether_reached_by_its_name_or_a_link(tmp_path):
    from gxlint.files import discover

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "reports" / "b.txt").write_text("y", encoding="utf-8")
    (tmp_path / "reports" / "z_link.txt").symlink_to(tmp_path / "reports" / "a.txt")
    (tmp_path / "mirror").symlink_to(tmp_path / "reports")
    found = list(discover([str(tmp_path / "reports" / "a.txt"), str(tmp_path)], []))
    assert [os.path.relpath(p, tmp_path) for p in found] == ["reports/a.txt", os.path.join("mirror", "b.txt")]
