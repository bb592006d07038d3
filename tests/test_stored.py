"""gxlint.stored.StoredTable: answers kept between runs, trusted only under the same stamp."""

from __future__ import annotations

import os
import sys

import pytest

from gxlint.stored import StoredTable, file_stamp, remembered


@pytest.fixture
def cache_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


def test_values_put_in_one_run_are_read_in_the_next(cache_home):
    first = StoredTable("answers", ("v1",))
    assert first.get("0571-88888888") is None
    first.put("0571-88888888", (True, 4))
    assert first.get("0571-88888888") == (True, 4)
    first.save()
    second = StoredTable("answers", ("v1",))
    assert second.get("0571-88888888") == (True, 4)
    assert second._new == {}


def test_another_stamp_sees_nothing(cache_home):
    first = StoredTable("answers", ("v1",))
    first.put("k", 1)
    first.save()
    assert StoredTable("answers", ("v2",)).get("k") is None


def test_no_stamp_and_no_bytecode_mean_nothing_is_written(cache_home, monkeypatch):
    unstamped = StoredTable("answers", None)
    unstamped.put("k", 1)
    assert unstamped.get("k") == 1  # still remembered for this run
    unstamped.save()
    assert unstamped.path() is None
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    table = StoredTable("answers", ("v1",))
    table.put("k", 1)
    table.save()
    assert not os.path.exists(table.path())


def test_a_damaged_file_is_ignored_and_replaced(cache_home):
    table = StoredTable("answers", ("v1",))
    os.makedirs(os.path.dirname(table.path()))
    with open(table.path(), "wb") as handle:
        handle.write(b"\xffnot marshal")
    assert table.get("k") is None
    table.put("k", 2)
    table.save()
    assert StoredTable("answers", ("v1",)).get("k") == 2


def test_a_full_table_keeps_only_what_the_last_run_used(cache_home):
    first = StoredTable("answers", ("v1",), limit=3)
    for key in ("a", "b", "c"):
        first.put(key, 1)
    first.save()
    second = StoredTable("answers", ("v1",), limit=3)
    assert second.get("a") == 1
    second.put("d", 1)
    second.save()
    assert set(StoredTable("answers", ("v1",))._table()) == {"a", "d"}


def test_an_unwritable_cache_directory_is_not_an_error(cache_home):
    (cache_home / "gxlint").write_text("a file where the directory should be")
    table = StoredTable("answers", ("v1",))
    table.put("k", 1)
    table.save()  # gives up silently
    assert StoredTable("answers", ("v1",)).get("k") is None


def test_file_stamp_changes_with_the_file_and_is_none_without_it(tmp_path):
    path = tmp_path / "module.py"
    path.write_text("A = 1\n")
    before = file_stamp(str(path))
    path.write_text("A = 22\n")
    assert file_stamp(str(path)) != before
    assert file_stamp(str(path), str(tmp_path / "missing.py")) is None


def test_remembered_answers_come_back_without_computing_again(cache_home):
    asked = []

    def make(table):
        @remembered(table, "length")
        def length(text: str) -> int:
            asked.append(text)
            return len(text)

        return length

    table = StoredTable("answers", ("v1",))
    length = make(table)
    assert [length("0571"), length("0571"), length("12345")] == [4, 4, 5]
    assert asked == ["0571", "12345"]
    table.save()
    later = make(StoredTable("answers", ("v1",)))
    assert later("0571") == 4 and later("12345") == 5 and later("") == 0
    assert asked == ["0571", "12345", ""]  # only the new argument was computed in the next run


def test_one_run_adds_at_most_limit_entries(cache_home):
    table = StoredTable("answers", ("v1",), limit=2)
    for key in ("a", "b", "c"):
        table.put(key, 1)
    assert table.get("c") is None  # not kept: the run already added its share
    table.save()
    assert set(StoredTable("answers", ("v1",))._table()) == {"a", "b"}


def test_the_gxlint_command_writes_its_tables_although_it_ends_with_os_exit(tmp_path):
    import subprocess
    from pathlib import Path

    report = Path(__file__).parent / "fixtures" / "003_29ee9dc1e7e5be07.txt"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run([sys.executable, "-m", "gxlint", "--no-cache", "--isolated", str(report)],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "GX302" in done.stdout  # a full run, findings printed
    written = sorted(path.name.split(".")[0] for path in (tmp_path / "gxlint" / "data").glob("*.marshal"))
    assert "regexes" in written and "phone-answers" in written
