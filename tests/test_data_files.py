"""Data files shipped inside the packages: read without importlib.resources, TOML parsed once."""

from __future__ import annotations

import marshal
import os
import sys

import pytest

from gxlint import _data
from gxlint._data import load_toml, read_text
from gxlint._toml import toml


def test_read_text_is_the_file_in_text_mode():
    import gxlint.data

    path = gxlint.data.__path__[0] + "/chrome.toml"
    with open(path, encoding="utf-8") as handle:
        assert read_text("gxlint.data", "chrome.toml") == handle.read()


def test_load_toml_parses_the_file():
    assert load_toml("gxlint.templates", "gov-2021.toml") == toml.loads(read_text("gxlint.templates", "gov-2021.toml"))
    assert load_toml("gxlint.templates", "gov-2021.toml")["id"] == "gov-2021"


def test_missing_file_is_an_os_error():
    with pytest.raises(OSError):
        read_text("gxlint.data", "no-such-file.toml")


def test_windows_line_endings_read_as_in_text_mode(tmp_path, monkeypatch):
    package = tmp_path / "crlf_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "d.txt").write_bytes(b"a\r\nb\rc\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert read_text("crlf_pkg", "d.txt") == "a\nb\nc\n"


@pytest.fixture
def data_pkg(tmp_path, monkeypatch):
    """A package with one TOML file, bytecode writing switched on (as after ``pip install``)."""
    package = tmp_path / "toml_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "d.toml").write_text('[a]\nb = ["x", 1, 2.5, true]\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "toml_pkg", raising=False)  # each test has its own
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return package


def _cache_file(package):
    cache = package.parent / "cache" / "gxlint" / "data"
    return cache.joinpath(*package.parts[1:]) / f"d.toml.{sys.implementation.cache_tag}.marshal"


def test_parsed_toml_is_cached_in_the_user_cache_and_used(data_pkg, monkeypatch):
    expected = {"a": {"b": ["x", 1, 2.5, True]}}
    assert load_toml("toml_pkg", "d.toml") == expected
    assert _cache_file(data_pkg).is_file()
    assert not list(data_pkg.rglob("*.marshal"))  # nothing beside the package: it would outlive pip uninstall
    monkeypatch.setattr(_data, "_parse", lambda package, name: pytest.fail("parsed again"))
    first, second = load_toml("toml_pkg", "d.toml"), load_toml("toml_pkg", "d.toml")
    assert first == second == expected and first is not second  # callers may change their copy


def test_an_edited_data_file_is_parsed_again(data_pkg):
    load_toml("toml_pkg", "d.toml")
    path = data_pkg / "d.toml"
    path.write_text('[a]\nb = "changed, longer"\n', encoding="utf-8")
    assert load_toml("toml_pkg", "d.toml") == {"a": {"b": "changed, longer"}}
    stat = path.stat()
    path.write_text('[a]\nb = "CHANGED, LONGER"\n', encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_toml("toml_pkg", "d.toml") == {"a": {"b": "CHANGED, LONGER"}}


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xff" * 64])
def test_a_damaged_cache_is_ignored_and_rewritten(data_pkg, damage):
    load_toml("toml_pkg", "d.toml")
    cache = _cache_file(data_pkg)
    cache.write_bytes(damage)
    assert load_toml("toml_pkg", "d.toml") == {"a": {"b": ["x", 1, 2.5, True]}}
    assert cache.read_bytes() != damage
    cache.write_bytes(marshal.dumps(("not", "a", "record")))
    assert load_toml("toml_pkg", "d.toml") == {"a": {"b": ["x", 1, 2.5, True]}}


def test_no_cache_written_when_bytecode_is_not(data_pkg, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert load_toml("toml_pkg", "d.toml") == {"a": {"b": ["x", 1, 2.5, True]}}
    assert not _cache_file(data_pkg).exists()


def test_unwritable_cache_directory_still_loads(data_pkg):
    (data_pkg.parent / "cache").write_text("a file where the directory would be")
    assert load_toml("toml_pkg", "d.toml") == {"a": {"b": ["x", 1, 2.5, True]}}


def test_a_record_for_another_file_is_not_used(data_pkg):
    load_toml("toml_pkg", "d.toml")
    cache = _cache_file(data_pkg)
    stamp, data = marshal.loads(cache.read_bytes())
    cache.write_bytes(marshal.dumps(((stamp[0], "/elsewhere/d.toml", *stamp[2:]), {"a": "wrong"})))
    assert load_toml("toml_pkg", "d.toml") == {"a": {"b": ["x", 1, 2.5, True]}}


def test_values_marshal_cannot_hold_are_parsed_every_time(data_pkg):
    (data_pkg / "d.toml").write_text("when = 2024-01-02\n", encoding="utf-8")
    assert str(load_toml("toml_pkg", "d.toml")["when"]) == "2024-01-02"
    assert not _cache_file(data_pkg).exists()
    assert str(load_toml("toml_pkg", "d.toml")["when"]) == "2024-01-02"


def test_no_home_directory_means_no_cache(data_pkg, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(_data.os.path, "expanduser", lambda path: path)
    assert _data._cache_root() is None
    assert load_toml("toml_pkg", "d.toml") == {"a": {"b": ["x", 1, 2.5, True]}}


def test_derived_data_is_cached_and_tied_to_the_code_that_derives_it(data_pkg, monkeypatch):
    code = data_pkg / "derive.py"
    code.write_text(
        "from gxlint._data import read_text\n"
        "calls = []\n"
        "def build():\n"
        "    calls.append(1)\n"
        "    return {'size': len(read_text('toml_pkg', 'd.toml')), 'pairs': [('a', None)]}\n",
        encoding="utf-8",
    )
    monkeypatch.delitem(sys.modules, "toml_pkg.derive", raising=False)
    from toml_pkg import derive

    expected = {"size": 28, "pairs": [("a", None)]}
    assert _data.load_derived("toml_pkg", "d.toml", derive.build) == expected
    assert _data.load_derived("toml_pkg", "d.toml", derive.build) == expected
    assert derive.calls == [1]  # the second came from the cache
    stat = code.stat()
    os.utime(code, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # the code changed
    assert _data.load_derived("toml_pkg", "d.toml", derive.build) == expected
    assert derive.calls == [1, 1]
    (data_pkg / "d.toml").write_text("x = 1\n", encoding="utf-8")  # the data changed
    assert _data.load_derived("toml_pkg", "d.toml", derive.build) == {"size": 6, "pairs": [("a", None)]}
