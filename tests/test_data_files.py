"""Data files shipped inside the packages: read without importlib.resources, same text."""

from __future__ import annotations

import pytest

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
