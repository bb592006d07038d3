"""Data files shipped inside gxlint's packages (templates, lexicons, region tables).

``importlib.resources`` would do, but importing it pulls in ``pathlib``, ``tempfile``, ``shutil``,
``zipfile`` and ``urllib`` — about 20 ms on every run, more than reading every data file costs.
:func:`pkgutil.get_data` asks the package's own loader, so files inside a zip archive still work.

Parsing TOML is slow in pure Python (the confusables lexicon takes ≈ 13 ms, more than linting a
report), and a one-file run parses every data file again. :func:`load_toml` therefore keeps the
parsed data in the user's cache directory (``$XDG_CACHE_HOME/gxlint/data``, by default
``~/.cache/gxlint/data``; ``%LOCALAPPDATA%\\gxlint\\data`` on Windows), under the data file's own
path, as ``sys.pycache_prefix`` keeps bytecode. Not beside the package: files there outlive
``pip uninstall``. A cached copy is used only while the data file has the size and modification
time recorded with it, and ignored when it cannot be read or is damaged; it is written (atomically)
only where Python may write bytecode (not under ``PYTHONDONTWRITEBYTECODE``). Deleting the
directory is always safe. :func:`load_derived` keeps data built from a file the same way (the
region table's place-name indexes), tied also to the code that builds it.
"""

from __future__ import annotations

import importlib
import marshal
import os
import pkgutil
import sys
from typing import Any, Callable, Optional

_FORMAT = 2  # bump when the cache record changes shape


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
    return _cached(package, name, "", lambda: _parse(package, name), dict)


def load_derived(package: str, name: str, build: Callable[[], Any]) -> Any:
    """``build()``: plain data (dicts, lists, tuples, sets, strings, numbers, None) that ``build``
    derives from the data file ``name`` inside ``package``, cached as parsed TOML is.

    The cached copy is tied to the module that defines ``build`` as well as to the data file, so
    editing either the data or the code that derives from it makes the copy stale.
    """
    code = getattr(sys.modules.get(build.__module__), "__file__", None)
    if not code:
        return build()
    return _cached(package, name, build.__qualname__, build, object, os.path.abspath(code))


def _cached(package: str, name: str, label: str, produce: Callable[[], Any], kind: type, *also: str) -> Any:
    path = _file_path(package, name)
    cache = _cache_path(path, label) if path is not None else None
    if path is None or cache is None:
        return produce()
    try:
        stamp = (_FORMAT, *(_stat(source) for source in (path, *also)))
    except OSError:
        return produce()
    data = read_record(cache, stamp, kind)
    if data is None:
        data = produce()
        if not sys.dont_write_bytecode:
            write_record(cache, stamp, data)
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
    path = os.path.join(os.path.dirname(os.path.abspath(file)), name)
    return path if os.path.isfile(path) else None


def _cache_path(path: str, label: str = "") -> Optional[str]:
    """``<cache>/gxlint/data/<the data file's absolute path>[.label].cpython-311.marshal``."""
    tag = sys.implementation.cache_tag
    root = _cache_root()
    if tag is None or root is None:
        return None
    drive, rest = os.path.splitdrive(path)
    parts = [part for part in f"{drive.replace(':', '')}/{rest}".replace("\\", "/").split("/") if part]
    suffix = f".{label}" if label else ""
    return os.path.join(root, *parts[:-1], f"{parts[-1]}{suffix}.{tag}.marshal")


def data_cache_directory() -> Optional[str]:
    """Where parsed data files are kept (``gxlint clean`` deletes it); ``None`` without a home."""
    return _cache_root()


def _cache_root() -> Optional[str]:
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
    if not base:
        home = os.path.expanduser("~")
        if home == "~":  # no home directory
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "gxlint", "data")


def _stat(path: str) -> tuple[str, int, int]:
    info = os.stat(path)
    return (path, info.st_mtime_ns, info.st_size)


def read_record(cache: str, stamp: tuple, kind: type) -> Any:
    """The data marshalled in ``cache`` with ``stamp``, if it is a ``kind``; else ``None``."""
    try:
        with open(cache, "rb") as handle:
            record = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if isinstance(record, tuple) and len(record) == 2 and record[0] == stamp and isinstance(record[1], kind):
        return record[1]
    return None


def write_record(cache: str, stamp: tuple, data: Any) -> None:
    """Write atomically (a temporary file, then a rename); give up silently on any failure."""
    try:
        blob = marshal.dumps((stamp, data))
    except ValueError:  # a value marshal cannot hold (TOML dates): build it every time
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


__all__ = ["data_cache_directory", "load_derived", "load_toml", "read_record", "read_text", "write_record"]
