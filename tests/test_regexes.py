"""gxlint.regexes: patterns rebuilt from the compiled code kept between runs equal re.compile's."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint import regexes
from gxlint.stored import StoredTable

SAMPLES = [
    (r"(?P<label>联系电话|咨询电话)\s*[:：]?\s*(?P<number>0\d{2,3}-?\d{7,8})", 0),
    (r"^\s*(?:#{1,6}\s*)?(?P<num>[一二三四五六七八九十]{1,3})\s*[、.．]", re.MULTILINE),
    (r"(\d(?<![\d.A-Za-z〔\[/\-]\d)(?<!\d,\d)(?:\d{0,2}(?:,\d{3})+))", 0),
    (r"([。！？；!?;][。！？；!?;]*+[^。！？；!?;]++)\1", 0),
    (r"(?i)e?xt(?:ension)?\.?\s*(\d{1,6})", 0),
    (r"""
        (?P<year>20\d\d) \s* 年   # the year
        (?P<month>\d{1,2}) \s* 月 # the month
    """, re.VERBOSE),
    (r"[\u4e00-\u9fff]+|[A-Za-z]+", re.IGNORECASE | re.DOTALL),
    ("", 0),
]


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty cache directory that may be written, and a process that has compiled nothing."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    _next_run(monkeypatch)
    return tmp_path


def _next_run(monkeypatch) -> None:
    """The state of a new process: nothing compiled, nothing read."""
    monkeypatch.setattr(regexes, "_table", StoredTable("regexes", regexes._table.stamp))
    monkeypatch.setattr(regexes, "_usable", True)


def _cache_file(root) -> str:
    return os.path.join(root, "gxlint", "data", f"regexes.{sys.implementation.cache_tag}.marshal")


def _same(pattern: re.Pattern, source: str, flags: int) -> None:
    expected = re.compile(source, flags)
    assert pattern == expected  # CPython compares source, flags and the compiled code
    assert (pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)) == (
        expected.pattern, expected.flags, expected.groups, dict(expected.groupindex))


@pytest.mark.parametrize(("source", "flags"), SAMPLES)
def test_a_pattern_compiled_now_equals_re_compile(fresh, source, flags):
    _same(regexes.compile(source, flags), source, flags)


def test_patterns_come_back_from_the_file_and_match_alike(fresh, monkeypatch):
    for source, flags in SAMPLES:
        regexes.compile(source, flags)
    regexes._table.save()
    assert os.path.isfile(_cache_file(fresh))

    _next_run(monkeypatch)
    for source, flags in SAMPLES:
        pattern = regexes.compile(source, flags)
        _same(pattern, source, flags)
    assert regexes._table._new == {}  # every one was read back, none compiled again
    text = "联系电话：0571-88888888，2023 年 5 月。ext 12"
    for source, flags in SAMPLES:
        assert [m.groups() for m in regexes.compile(source, flags).finditer(text)] == [
            m.groups() for m in re.compile(source, flags).finditer(text)]


def test_nothing_is_written_where_python_writes_no_bytecode(fresh, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    regexes.compile(r"政府信息公开\d+")
    regexes._table.save()
    assert not os.path.exists(_cache_file(fresh))


def test_a_damaged_or_foreign_file_is_ignored(fresh, monkeypatch):
    path = _cache_file(fresh)
    os.makedirs(os.path.dirname(path))
    for content in (b"\x00garbage", b""):
        with open(path, "wb") as handle:
            handle.write(content)
        _next_run(monkeypatch)
        _same(regexes.compile(r"(\d+)年", 0), r"(\d+)年", 0)


def test_a_record_that_does_not_fit_this_interpreter_falls_back_to_re_compile(fresh, monkeypatch):
    regexes.compile(r"(?P<year>20\d\d)年")
    regexes._table.save()
    _next_run(monkeypatch)
    key = (r"(?P<year>20\d\d)年", 0)
    regexes._table._table()[key] = (0, [1, 2, 3], 0, {}, ())  # code no matcher accepts
    pattern = regexes.compile(*key)
    _same(pattern, *key)
    assert regexes._usable is False  # and the table is left alone from then on


def test_a_bad_pattern_raises_re_error_and_the_cache_stays_usable(fresh):
    with pytest.raises(re.error):
        regexes.compile(r"(unclosed")
    assert regexes._usable is True
    _same(regexes.compile(r"\d+"), r"\d+", 0)


def test_debug_and_bytes_patterns_go_straight_to_re_compile(fresh):
    assert regexes.compile(rb"\d+") == re.compile(rb"\d+")  # type: ignore[arg-type]
    assert regexes._table._new == {}


def test_lazy_compiles_on_first_use_only(fresh):
    pattern = regexes.lazy(r"(\d+)件")
    assert regexes._table._new == {}
    assert pattern.findall("受理 12 件，办结 3件") == ["3"]
    assert pattern.pattern == r"(\d+)件" and pattern.groups == 1
    assert ("(\\d+)件", 0) in regexes._table._new


def test_a_second_process_reads_the_patterns_the_first_wrote(tmp_path):
    code = (
        "import sys\n"
        "from gxlint import regexes\n"
        "p = regexes.compile(r'(?P<n>\\d+)件')\n"
        "print(len(regexes._table._new), p.search('共7件').group('n'))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    outputs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
               for _ in range(2)]
    assert outputs == ["1 7\n", "0 7\n"]  # compiled by the first run, read back by the second


PIECES = st.sampled_from(["a", "年", r"\d", r"\s", "[一-龥]", "(", ")", "(?P<g>", "|", "*", "+?", "{2,3}", "^", "$",
                          "[^。]", r"\1", "(?:", "(?<!x)", ".", "?"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join), st.sampled_from([0, re.I, re.M | re.S, re.X]))
def test_any_pattern_compiles_as_re_compile_does(source, flags):
    try:
        expected = re.compile(source, flags)
    except re.error:
        with pytest.raises(re.error):
            regexes.compile(source, flags)
        return
    entry = regexes._entry(source, flags)  # what would be stored, rebuilt as a later run does
    rebuilt = regexes._sre.compile(source, *entry)
    assert rebuilt == expected and rebuilt.groupindex == expected.groupindex


def test_a_flag_re_refuses_raises_as_from_re_compile_and_the_cache_stays_usable(fresh):
    with pytest.raises(ValueError):
        regexes.compile(r"\d+", re.LOCALE)  # LOCALE is for bytes patterns only
    assert regexes._usable is True
    _same(regexes.compile(r"\w+", re.ASCII), r"\w+", re.ASCII)
