"""A dictionary kept between runs in the user's cache directory: answers that cost more to compute
than to read back, and that depend only on their key and on a stamp (the versions that made them).

A one-file run — the pre-commit hook on the report just edited — starts from nothing: every pattern
is compiled again, every phone number asked of ``phonenumbers`` again, although the answers are
the same as in the last run. A :class:`StoredTable` reads its file on first use, hands out what
earlier runs stored, and writes what this run added when the process exits (atomically, beside
the parsed data files: see ``gxlint._data``). The file is used only while its stamp equals the
caller's, so a new Python, a new library version or edited code starts a new table; a damaged file
is ignored; nothing is written where Python may not write bytecode (``PYTHONDONTWRITEBYTECODE``).
Worker processes of a parallel run fork with the table already read and never write it (they end
without running exit handlers): the main process writes what it added itself.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any, Callable, Hashable, Optional, TypeVar

from ._data import data_cache_directory, read_record, write_record


class StoredTable:
    """``get``/``put`` on a dictionary that outlives the process; values must be marshallable."""

    def __init__(self, name: str, stamp: Optional[tuple], limit: int = 4096) -> None:
        """``stamp`` ``None``: nothing is read or written (the table lasts for this run only)."""
        self.name, self.stamp, self.limit = name, stamp, limit
        self._known: Optional[dict] = None
        self._new: dict = {}
        self._used: set = set()

    def get(self, key: Hashable) -> Any:
        """The stored value, or ``None``."""
        value = self._table().get(key)
        if value is None:
            value = self._new.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        """Remember ``value`` for this run and, at exit, for the next ones (up to ``limit`` new
        entries a run: a run over thousands of reports must not hold every answer it computed)."""
        if not self._new:
            _to_save(self)
        elif len(self._new) >= self.limit:
            return
        self._new[key] = value
        self._used.add(key)

    def discard_new(self) -> None:
        """Forget what this run added (it will not be written)."""
        self._new.clear()

    def save(self) -> None:
        """Add this run's new entries to the file; once the file holds more than ``limit`` entries,
        keep only those this run used, so values built from user settings cannot grow it for ever."""
        path = self.path()
        if not self._new or path is None or sys.dont_write_bytecode:
            return
        merged = {**self._table(), **self._new}
        if len(merged) > self.limit:
            used = (item for item in merged.items() if item[0] in self._used)
            merged = dict(item for item, _ in zip(used, range(self.limit)))
        write_record(path, self.stamp, merged)
        self._known, self._new = merged, {}

    def path(self) -> Optional[str]:
        if self.stamp is None:
            return None
        root, tag = data_cache_directory(), sys.implementation.cache_tag
        return os.path.join(root, f"{self.name}.{tag}.marshal") if root and tag else None

    def _table(self) -> dict:
        known = self._known
        if known is None:
            path = self.path()
            known = self._known = (read_record(path, self.stamp, dict) if path else None) or {}
        return known


_PENDING: list[StoredTable] = []  # tables with entries to write when the process ends


def _to_save(table: StoredTable) -> None:
    if not _PENDING:
        import atexit

        atexit.register(save_all)
    if table not in _PENDING:
        _PENDING.append(table)


def save_all() -> None:
    """Write every table's new entries now. Runs at exit; a process that ends with ``os._exit``
    (which runs no exit handlers: the ``gxlint`` command after its output) calls it first."""
    while _PENDING:
        _PENDING.pop().save()


T = TypeVar("T")


def remembered(table: StoredTable, kind: str) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Decorate a pure function of one string whose answer is costly (a library to import, a
    parse): its answers are kept in ``table`` under ``(kind, argument)``, for this run and the next.
    The answer must be marshallable and never ``None``."""

    def decorate(compute: Callable[[str], T]) -> Callable[[str], T]:
        @functools.lru_cache(maxsize=4096)  # in this process, as fast as before
        @functools.wraps(compute)
        def answer(argument: str) -> T:
            key = (kind, argument)
            value = table.get(key)
            if value is None:
                value = compute(argument)
                table.put(key, value)
            return value

        return answer

    return decorate


def file_stamp(*paths: str) -> Optional[tuple]:
    """(path, modification time, size) of each file: a stamp that changes when any is replaced
    (an upgraded library, edited code); ``None`` when one cannot be read (nothing is stored)."""
    stamp = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            return None
        stamp.append((path, info.st_mtime_ns, info.st_size))
    return tuple(stamp)


__all__ = ["StoredTable", "file_stamp", "remembered", "save_all"]
