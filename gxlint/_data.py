"""Data files shipped inside gxlint's packages (templates, lexicons, region tables).

``importlib.resources`` would do, but importing it pulls in ``pathlib``, ``tempfile``, ``shutil``,
``zipfile`` and ``urllib`` — about 20 ms on every run, more than reading every data file costs.
:func:`pkgutil.get_data` asks the package's own loader, so files inside a zip archive still work.

Parsing TOML is slow in pure Python (the confusables lexicon takes ≈ 13 ms, more than linting a
report), and a one-file run parses every data file again. :func:`load_toml` therefore keeps the
parsed data beside the package's bytecode, in ``__pycache__``, as Python keeps compiled modules:
written when bytecode may be written, used only while the data file has the size and modification
time recorded with it, and ignored when it cannot be read or is damaged.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import pkgutil
import sys
from typing import Optional

_FORMAT = 1  # bump when the cache record changes shape


def read_text(package: str, name: str) -> str:
    """The UTF-8 text of ``name`` inside ``package``, newlines translated as in text mode."""
    data = pkgutil.get_data(package, name)
    if data is None:  # a loader that cannot read data files
        raise FileNotFoundError(f"{package}/{name}")
    text = data.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def load_toml(package: str, name: str) -> dict:
    """The parsed TOML file ``name`` inside ``package`` (a new dictionary on every call)."""
    path = _file_path(package, name)
    cache = _cache_path(path) if path is not None else None
    if path is None or cache is None:
        return _parse(package, name)
    try:
        stamp = _stamp(path)
    except OSError:
        return _parse(package, name)
    data = _read_cache(cache, stamp)
    if data is None:
        data = _parse(package, name)
        if not sys.dont_write_bytecode:
            _write_cache(cache, stamp, data)
    return data


def _parse(package: str, name: str) -> dict:
    from ._toml import toml  # not imported at all when every file comes from the cache

    return toml.loads(read_text(package, name))


def _file_path(package: str, name: str) -> Optional[str]:
    """The data file's path when the package is a directory on disk (not inside a zip archive)."""
    module = sys.modules.get(package) or importlib.import_module(package)
    file = getattr(module, "__file__", None)
    if not file:
        return None
    path = os.path.join(os.path.dirname(file), name)
    return path if os.path.isfile(path) else None


def _cache_path(path: str) -> Optional[str]:
    """``…/__pycache__/NAME.cpython-311.marshal``, or under ``sys.pycache_prefix`` like bytecode."""
    tag = sys.implementation.cache_tag
    if tag is None:  # this interpreter keeps no bytecode cache
        return None
    directory = os.path.dirname(importlib.util.cache_from_source(path))
    return os.path.join(directory, f"{os.path.basename(path)}.{tag}.marshal")


def _stamp(path: str) -> tuple[int, int, int]:
    info = os.stat(path)
    return (_FORMAT, info.st_mtime_ns, info.st_size)


def _read_cache(cache: str, stamp: tuple[int, int, int]) -> Optional[dict]:
    try:
        with open(cache, "rb") as handle:
            record = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if isinstance(record, tuple) and len(record) == 2 and record[0] == stamp and isinstance(record[1], dict):
        return record[1]
    return None


def _write_cache(cache: str, stamp: tuple[int, int, int], data: dict) -> None:
    """Write atomically (a temporary file, then a rename); give up silently on any failure."""
    try:
        blob = marshal.dumps((stamp, data))
    except ValueError:  # a value marshal cannot hold (TOML dates): parse every time
        return
    temporary = f"{cache}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(blob)
        os.replace(temporary, cache)
    except OSError:
        try:
            os.remove(temporary)
        except OSError:
            pass


__all__ = ["load_toml", "read_text"]
