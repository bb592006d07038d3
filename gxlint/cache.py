"""The result cache: the findings of a file whose bytes have not changed are reused, not linted again.

Like ruff's, the cache lives in ``.gxlint_cache/`` in the project root (the directory of the
configuration file, else the current directory), moved by ``--cache-dir``, ``GXLINT_CACHE_DIR`` or
``cache-dir``, and switched off by ``--no-cache``, ``GXLINT_NO_CACHE=1`` or ``cache = false``.

One cache file per *key*: a hash of everything besides the file's bytes that decides its findings —
the gxlint version, the Python version, the installed distributions (names carry versions, so a
plugin or a reader's library that changes makes a new key), a stamp (path, size, mtime) of every
source and data file of gxlint and of each plugin's package (an editable install being edited never
serves stale findings), and the settings that change findings (selection, per-file ignores,
template, rule options, limits) but not those that only change the output (format, jobs, fail-on).

Within a cache file, one entry per file (by absolute path): the path shown, the size and a SHA-256
hash of the bytes — always computed, so an edit that keeps the size and the modification time is
still seen; SHA-256 because processors hash it in hardware, twice as fast as BLAKE2b here — with the
findings the per-file engine produced, the ``facts`` of cross-report rules (``check_related``
runs on every run, over cached and fresh results alike) and the file's inline suppression comments
(which silence cross-report findings too), marshalled per entry so that a run over a
few files of a large project unpacks only theirs. Dates are checked against today (a date "later
than today"), so a cache file holds the findings of one day only.

Not cached: findings of a file the run could not finish or read (``GX001``, ``GX003``, ``GX004``:
the next run may succeed), standard input, ``--fix``/``--diff`` runs, and runs in which a plugin
failed to load. A cache file that is damaged, foreign or unreadable is treated as empty; a cache
directory that cannot be written costs one warning line, never the run.

The file is a magic string, a CRC-32 of everything after it, the length of a header, the header —
``marshal`` data of plain tuples, dicts and strings: the format, the day, and per file its entry with
the offsets of its findings — and then the marshalled findings of every file, one after the other.
A damaged or truncated file is refused before anything is unmarshalled, and nothing in it is ever
executed. The findings are read where they lie in the file's bytes, never copied out first (a
copy of every entry cost a warm run as much as reading the file). (``marshal`` loads a warm run's
entries in about half the time ``pickle`` takes.)
"""

from __future__ import annotations

import datetime
import hashlib
import marshal
import os
import stat
import sys
import time
import zlib
from dataclasses import fields
from typing import Any, Callable, Optional

from ._version import __version__
from .config import Settings
from .diagnostics import Diagnostic, Edit, Fix, Severity
from .engine import FileResult
from .limits import DEFAULT_CAPS_MB, MB, oversize

DIRECTORY_NAME = ".gxlint_cache"
FORMAT = 3
MAGIC = b"gxlint-cache\n"
SUFFIX = ".cache"
KEEP_FILES = 8  # cache files of other keys (older versions, other settings) kept in the directory
TRANSIENT = frozenset({"GX001", "GX003", "GX004"})  # unreadable, crashed, over a limit: may pass next time
# Settings that change only the output, the exit status or which files are found, never a file's findings.
OUTPUT_ONLY = frozenset({"format", "jobs", "fail_on", "exclude", "extend_exclude", "cache", "cache_dir", "config_path"})
STAMPED = (".py", ".toml", ".tsv", ".txt", ".json")
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by gxlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_SEVERITY = {severity.value: severity for severity in Severity}


def cache_directory(settings: Settings) -> str:
    """``cache-dir`` when set (already absolute), else ``.gxlint_cache`` in the project root."""
    if settings.cache_dir:
        return settings.cache_dir
    root = os.path.dirname(os.path.abspath(settings.config_path)) if settings.config_path else os.getcwd()
    return os.path.join(root, DIRECTORY_NAME)


def is_cache_directory(directory: str) -> bool:
    """Whether ``directory`` holds the CACHEDIR.TAG gxlint writes (so deleting it loses only cache)."""
    try:
        with open(os.path.join(directory, "CACHEDIR.TAG"), encoding="utf-8") as handle:
            return handle.read() == CACHEDIR_TAG
    except (OSError, UnicodeDecodeError):
        return False


def cache_key(settings: Settings, registry: Any) -> str:
    """The hex name of the cache file for this installation, these plugins and these settings."""
    parts = (
        FORMAT,
        __version__,
        sys.version,
        sorted(getattr(registry, "plugins", ())),
        _distributions(),
        _code_stamp(registry),
        _settings_key(settings),
    )
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _settings_key(settings: Settings) -> str:
    return repr([(f.name, getattr(settings, f.name)) for f in fields(settings) if f.name not in OUTPUT_ONLY])


def _distributions() -> list[str]:
    """The distribution metadata directories on ``sys.path``: their names carry the versions."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            if entry and os.path.isfile(entry):
                found.append(_stamp_file(entry))  # a zip archive on sys.path
            continue
        found.extend(name for name in names if name.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def _code_stamp(registry: Any) -> list:
    """(path, size, mtime) of the source and data files of gxlint and of every plugin's package."""
    tops = {"gxlint"}
    for item in list(getattr(registry, "rules", {}).values()) + list(getattr(registry, "formats", {}).values()):
        module = getattr(item, "__module__", None) or getattr(getattr(item, "factory", None), "__module__", None)
        if module:
            tops.add(module.split(".", 1)[0])
    stamps: list = []
    for top in sorted(tops):
        module = sys.modules.get(top)
        origin = getattr(module, "__file__", None)
        if not origin:
            stamps.append((top, None))
            continue
        if os.path.basename(origin) == "__init__.py":
            stamps.append((top, _stamp_tree(os.path.dirname(origin))))
        else:
            stamps.append((top, _stamp_file(origin)))
    return stamps


def _stamp_tree(directory: str) -> list:
    stamps = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(STAMPED):
                stamps.append(_stamp_file(os.path.join(root, name)))
    return stamps


def _stamp_file(path: str) -> tuple:
    try:
        info = os.stat(path)
    except OSError:
        return (path, None, None)
    return (path, info.st_size, info.st_mtime_ns)


# -- entries ------------------------------------------------------------------------------------
def _pack(diagnostic: Diagnostic) -> tuple:
    fix = diagnostic.fix
    packed_fix = None
    if fix is not None:
        edits = tuple((e.line, e.column, e.end_line, e.end_column, e.text) for e in fix.edits)
        packed_fix = (fix.description, fix.safe, edits)
    return (
        diagnostic.code, diagnostic.name, diagnostic.severity.value, diagnostic.message,
        diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column,
        diagnostic.snippet, packed_fix, diagnostic.location, diagnostic.extra,
    )


_new = object.__new__


def _unpack(items: tuple, path: str) -> list[Diagnostic]:
    """Diagnostics back from their tuples.

    A warm run builds tens of thousands of them: each is made without ``__init__`` (a call with
    thirteen arguments more), its ``__dict__`` filled in field order as ``__init__`` fills it.
    Every field is set, so the result equals the diagnostic that was stored (a test checks that
    the fields named here are all the dataclass has).
    """
    out: list[Diagnostic] = []
    append = out.append
    severities = _SEVERITY
    for code, name, severity, message, line, column, end_line, end_column, snippet, fix, location, extra in items:
        if fix is not None:
            description, safe, edits = fix
            fix = Fix(description, tuple([Edit(*edit) for edit in edits]), safe)
        if extra.__class__ is not dict:
            raise ValueError("malformed cached diagnostic")
        diagnostic = _new(Diagnostic)
        fields = diagnostic.__dict__
        fields["code"] = code
        fields["name"] = name
        fields["severity"] = severities[severity]
        fields["message"] = message
        fields["line"] = line
        fields["column"] = column
        fields["end_line"] = end_line
        fields["end_column"] = end_column
        fields["path"] = path
        fields["snippet"] = snippet
        fields["fix"] = fix
        fields["location"] = location
        fields["extra"] = extra
        append(diagnostic)
    return out


class ResultCache:
    """The entries of one cache file: looked up before linting, stored after, saved once per run."""

    def __init__(self, directory: str, key: str, max_file_mb: Optional[float] = None):
        self.directory = directory
        self.max_file_mb = max_file_mb  # files over the cap are refused by the engine, never read here
        self.path = os.path.join(directory, key + SUFFIX)
        self.day = _today()
        self._findings = memoryview(b"")  # the marshalled findings of every entry of the file
        self._old: dict[str, tuple] = self._load()  # absolute path → (shown as, size, hash, start, end)
        self._new: dict[str, tuple] = {}  # absolute path → (shown as, size, hash, marshalled findings)
        self._pending: dict[str, tuple[str, int, bytes]] = {}  # display path → (absolute path, size, hash)
        self._changed = False
        self.hits = 0
        # Files up to this size are under every cap, and their suffix need not be looked at.
        cap = min(DEFAULT_CAPS_MB.values()) if max_file_mb is None else max_file_mb or float("inf")
        self._fits = cap * MB
        self._directories: dict[str, str] = {}  # directory as shown → absolute

    @classmethod
    def open(cls, settings: Settings, registry: Any) -> ResultCache:
        return cls(cache_directory(settings), cache_key(settings, registry), settings.max_file_mb)

    # reading --------------------------------------------------------------------------------
    def _load(self) -> dict[str, tuple]:
        """The entries of the cache file, or none when it is missing, damaged, foreign or of another day."""
        try:
            with open(self.path, "rb", buffering=0) as handle:
                blob = memoryview(handle.read())
        except OSError:
            return {}
        head = len(MAGIC) + 8
        if len(blob) < head or blob[: len(MAGIC)] != MAGIC:
            return {}
        if zlib.crc32(blob[len(MAGIC) + 4 :]) != int.from_bytes(blob[len(MAGIC) : len(MAGIC) + 4], "big"):
            return {}
        end = head + int.from_bytes(blob[len(MAGIC) + 4 : head], "big")
        try:
            data = marshal.loads(blob[head:end])
        except Exception:  # a hash collision with garbage is not worth a traceback either
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("day") != self.day:
            return {}
        entries = data.get("entries")
        if not isinstance(entries, dict):
            return {}
        self._findings = blob[end:]
        return entries

    def lookup(self, path: str) -> Optional[FileResult]:
        """The cached result for ``path`` (shown as ``path``) when its bytes are the ones cached.

        The hash is kept for :meth:`store`: it is taken before the file is linted, so a file edited
        during the run is stored under its old hash and linted again next time.
        """
        measured = _measure(path, self._fits, self.max_file_mb)
        if measured is None:
            return None
        absolute = self._absolute(path)
        self._pending[path] = (absolute, *measured)
        entry = self._old.get(absolute)
        if type(entry) is not tuple or entry[:3] != (path, *measured):
            return None
        return self._hit(absolute, path, entry, self._unpacked(path, entry))

    def lookup_all(self, paths: list[str]) -> list[Optional[FileResult]]:
        """``[self.lookup(path) for path in paths]``, with the files read and hashed meanwhile.

        Reading and hashing every file is a tenth of a warm run, and unpacking the cached findings
        most of the rest; where a process can be forked cheaply (POSIX), a child process reads and
        hashes the files while this one unpacks the entries of the paths it knows, and the two
        are matched up afterwards (an entry whose file changed is unpacked for nothing). The hash
        is still taken before any file is linted.
        """
        collect = _measure_in_child(paths, self._fits, self.max_file_mb) if len(paths) >= MEASURE_APART else None
        if collect is None:
            return [self.lookup(path) for path in paths]
        guesses = []
        for path in paths:
            absolute = self._absolute(path)
            entry = self._old.get(absolute)
            known = type(entry) is tuple and entry[:1] == (path,)
            guesses.append((absolute, entry, self._unpacked(path, entry) if known else None))
        measurements = collect()
        if measurements is None:  # the child failed: measure here after all
            measurements = [_measure(path, self._fits, self.max_file_mb) for path in paths]
        results: list[Optional[FileResult]] = []
        for path, (absolute, entry, result), measured in zip(paths, guesses, measurements):
            if measured is None:
                results.append(None)
                continue
            self._pending[path] = (absolute, *measured)
            if result is None or entry[1:3] != measured:
                results.append(None)
                continue
            results.append(self._hit(absolute, path, entry, result))
        return results

    def _unpacked(self, path: str, entry: tuple) -> Optional[FileResult]:
        """The result stored in ``entry``, or None when the entry is malformed."""
        try:
            _, _, _, start, end = entry
            if not (type(start) is int and type(end) is int and 0 <= start <= end <= len(self._findings)):
                return None
            packed, facts, markers = marshal.loads(self._findings[start:end])
            if not isinstance(facts, dict) or not isinstance(markers, tuple):
                return None
            return FileResult(path, _unpack(packed, path), facts=facts, markers=markers)
        except Exception:  # a malformed entry is a miss
            return None

    def _hit(self, absolute: str, path: str, entry: tuple, result: Optional[FileResult]) -> Optional[FileResult]:
        if result is None:
            return None
        _, size, digest, start, end = entry
        self._new[absolute] = (path, size, digest, self._findings[start:end])
        self.hits += 1
        return result

    def _absolute(self, path: str) -> str:
        """``os.path.abspath(path)``, normalising each directory once rather than every file's path."""
        head, name = os.path.split(path)
        if not name or name in (os.curdir, os.pardir):
            return os.path.abspath(path)
        directory = self._directories.get(head)
        if directory is None:
            directory = self._directories[head] = os.path.abspath(head)
        return os.path.join(directory, name)

    # writing --------------------------------------------------------------------------------
    def store(self, result: FileResult) -> None:
        """Remember a freshly linted result (before cross-report rules add to it)."""
        pending = self._pending.pop(result.path, None)
        if pending is None or any(d.code in TRANSIENT or d.path != result.path for d in result.diagnostics):
            return
        absolute, size, digest = pending
        try:  # only plain data is cached; a result holding anything else is linted every time
            blob = marshal.dumps((tuple(_pack(d) for d in result.diagnostics), result.facts, tuple(result.markers)))
        except ValueError:
            return
        self._new[absolute] = (result.path, size, digest, blob)
        self._changed = True

    def save(self) -> None:
        """Write the cache file when an entry changed; keep old entries of files that still exist."""
        if not self._changed:
            if self.hits:
                _touch(self.path)  # in use: not among the oldest that _prune removes
            return
        entries = dict(self._new)
        for absolute, entry in self._old.items():
            if absolute not in entries and os.path.isfile(absolute):
                entries[absolute] = self._kept(entry)
        index, findings, offset = {}, [], 0
        for absolute, entry in entries.items():
            if entry is None:
                continue
            display, size, digest, blob = entry
            index[absolute] = (display, size, digest, offset, offset + len(blob))
            findings.append(blob)
            offset += len(blob)
        header = marshal.dumps({"format": FORMAT, "day": self.day, "entries": index})
        lead = len(header).to_bytes(4, "big") + header
        checksum = zlib.crc32(lead)
        for blob in findings:
            checksum = zlib.crc32(blob, checksum)
        try:
            self._prepare_directory()
            import tempfile  # only when a cache is written: it imports shutil, bz2 and lzma

            handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=self.directory)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC + checksum.to_bytes(4, "big") + lead)
                    out.writelines(findings)
                os.replace(temporary, self.path)
            except BaseException:
                _remove(temporary)
                raise
        except OSError as error:
            print(f"gxlint: warning: cannot write the cache in {self.directory}: {error.strerror or error}", file=sys.stderr)
            return
        self._changed = False
        self._prune()

    def _kept(self, entry: tuple) -> Optional[tuple]:
        """An entry of the file read, as :meth:`save` writes it again; None when it is malformed."""
        try:
            display, size, digest, start, end = entry
            if type(start) is int and type(end) is int and 0 <= start <= end <= len(self._findings):
                return (display, size, digest, self._findings[start:end])
        except (TypeError, ValueError):
            pass
        return None

    def _prepare_directory(self) -> None:
        """Create the directory with ruff's companions: a .gitignore of ``*`` and a CACHEDIR.TAG."""
        os.makedirs(self.directory, exist_ok=True)
        for name, text in ((".gitignore", "# Created by gxlint.\n*\n"), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            target = os.path.join(self.directory, name)
            if not os.path.exists(target):
                with open(target, "w", encoding="utf-8") as out:
                    out.write(text)

    def _prune(self) -> None:
        """Keep the most recently used cache files only (each upgrade or settings change adds one),
        and drop temporary files that a killed run left behind."""
        try:
            dated = []
            for name in os.listdir(self.directory):
                if name.endswith(SUFFIX):
                    dated.append((os.stat(os.path.join(self.directory, name)).st_mtime_ns, name))
        except OSError:
            return
        dated.sort(reverse=True)
        stale = time.time_ns() - 3600 * 10**9
        for mtime, name in dated:
            if name.startswith(".tmp-") and mtime < stale:
                _remove(os.path.join(self.directory, name))
        for _, name in [item for item in dated if not item[1].startswith(".")][KEEP_FILES:]:
            _remove(os.path.join(self.directory, name))


MEASURE_APART = 64  # files: for fewer, starting a process costs more than hashing them here


def _measure(path: str, fits: float, max_file_mb: Optional[float]) -> Optional[tuple[int, bytes]]:
    """The size and SHA-256 of a regular file under its size cap; None for anything else."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None
        if info.st_size > fits and oversize(path, max_file_mb, info.st_size) is not None:
            return None
        with open(path, "rb", buffering=0) as handle:  # read whole: a buffer would only copy
            data = handle.read()
    except OSError:
        return None
    return (len(data), hashlib.sha256(data).digest())


def _measure_in_child(paths: list[str], fits: float, max_file_mb: Optional[float]) -> Optional[Callable[[], Optional[list]]]:
    """Start a child process that measures ``paths``; the function returned waits for its answer
    (None when the child failed). None when no child can be forked here: not on POSIX, or with
    other threads running (a forked child would inherit their locks held)."""
    threading = sys.modules.get("threading")
    if not hasattr(os, "fork") or (threading is not None and threading.active_count() > 1):
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: measure, answer, and leave without the parent's clean-up or buffers
        try:
            os.close(read_end)
            answer = memoryview(marshal.dumps([_measure(path, fits, max_file_mb) for path in paths]))
            while answer:
                answer = answer[os.write(write_end, answer) :]
        finally:
            os._exit(0)
    os.close(write_end)

    def collect() -> Optional[list]:
        chunks = []
        try:
            while True:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(read_end)
            os.waitpid(pid, 0)
        try:
            answer = marshal.loads(b"".join(chunks))
        except Exception:  # the child died before it answered in full
            return None
        return answer if isinstance(answer, list) and len(answer) == len(paths) else None

    return collect


def _today() -> str:
    """Rules compare dates with today: findings hold for the day they were made on."""
    return datetime.date.today().isoformat()


def _touch(path: str) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
