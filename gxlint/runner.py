"""Running the linter over many files: one process, or a pool of worker processes.

The output of a run must not depend on ``--jobs``: results come back in the order of the paths,
whatever order the workers finish in. A single file never pays for starting a pool. Files go to the
workers in batches (one round trip per batch, not per file). On Linux workers are forked from the
parent and inherit its loaded plugins; elsewhere they load the plugins themselves (a registry holds
classes and hook functions, which are not sent between processes). Results come back without the
parsed report — it can be large and its objects are not guaranteed picklable — and without the
document's lines unless the run asks for them (``--fix``): pickling them cost more than linting
some reports, and the few files whose lines are needed later are cheaper to read again.

Files whose bytes the result cache (:mod:`gxlint.cache`) knows are not linted at all; cross-report
rules run over cached and fresh results alike.

A file that hangs is stopped after ``max_seconds`` (``GX004``); a file that makes a worker raise or
die costs that file one ``GX003`` and the run goes on."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Iterator, Optional

from . import collector
from .config import Settings
from .engine import FileResult, Linter
from .engine_rules import PluginFailed, ResourceLimit
from .limits import oversize
from .plugins import Registry

if TYPE_CHECKING:
    from .cache import ResultCache


class _TimeLimit(BaseException):
    """Raised by the timer; a BaseException so that the engine's ``except Exception`` lets it pass."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (POSIX main thread only; elsewhere no cap)."""
    import signal  # here: a run served from the cache lints nothing
    import threading

    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise _TimeLimit()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _lint_one(linter: Linter, path: str, data: Optional[bytes] = None, keep_document: bool = True) -> FileResult:
    """Lint one file (or stdin ``data`` shown as ``path``); never raises for that file's sake."""
    limit = linter.settings.max_seconds
    too_big = oversize(path, linter.settings.max_file_mb, None if data is None else len(data))
    if too_big is not None:
        return linter.failed(path, ResourceLimit, too_big)
    try:
        with _time_limit(limit):
            result = linter.lint_path(path) if data is None else linter.lint_bytes(data, path)
    except _TimeLimit:
        return linter.failed(path, ResourceLimit, f"检查超过 {limit:g} 秒的上限，已停止检查此文件（--max-seconds）")
    except Exception as error:  # an engine bug must cost one file, never the run
        return linter.failed(path, PluginFailed, f"gxlint 检查此文件时内部出错：{type(error).__name__}: {error}")
    result.report = None
    if not keep_document:
        result.document = None
    return result


# -- worker processes ---------------------------------------------------------------------------
# Set in the parent just before a fork-started pool, so that workers inherit the loaded plugins;
# a spawned worker builds its own.
_worker_linter: Optional[Linter] = None
_worker_keep_documents = False


def _start_worker(settings: Settings, keep_documents: bool) -> None:
    global _worker_linter, _worker_keep_documents
    from .plugins import load

    _worker_linter = Linter(settings, load())
    _worker_keep_documents = keep_documents


def _work(paths: list[str]) -> list[FileResult]:
    assert _worker_linter is not None, "worker not initialised"
    return [_lint_one(_worker_linter, path, keep_document=_worker_keep_documents) for path in paths]


def _fork_context():
    """The fork start method where it is the safe default (Linux); None elsewhere."""
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _batch_size(count: int, jobs: int) -> int:
    """Files per task: fewer round trips between processes, yet about four tasks per worker so
    that the workers finish together."""
    return max(1, min(16, count // (jobs * 4)))


def _pool_run(paths: list[str], linter: Linter, jobs: int, keep_documents: bool) -> list[Optional[FileResult]]:
    """Lint in a pool; a slot stays ``None`` when the worker running that file died."""
    global _worker_linter, _worker_keep_documents
    import gc
    from concurrent.futures import ProcessPoolExecutor  # here: a one-file run never pays for it
    from concurrent.futures.process import BrokenProcessPool

    results: list[Optional[FileResult]] = [None] * len(paths)
    context = _fork_context()
    if context is not None:
        _worker_linter, _worker_keep_documents = linter, keep_documents
        gc.freeze()  # objects inherited from the parent stay shared instead of being copied by the collector
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    else:
        pool = ProcessPoolExecutor(
            max_workers=jobs, initializer=_start_worker, initargs=(linter.settings, keep_documents)
        )
    size = _batch_size(len(paths), jobs)
    try:
        with pool:
            batches = [(start, pool.submit(_work, paths[start : start + size])) for start in range(0, len(paths), size)]
            for start, future in batches:
                try:
                    results[start : start + size] = future.result()
                except BrokenProcessPool:
                    pass
    finally:
        if context is not None:
            gc.unfreeze()
            _worker_linter = None
    return results


def _crashed(linter: Linter, path: str) -> FileResult:
    return linter.failed(path, PluginFailed, "检查此文件的工作进程意外退出（崩溃或内存耗尽），此文件未被检查")


def _lint_many(paths: list[str], linter: Linter, jobs: int, keep_documents: bool) -> list[FileResult]:
    # Starting a worker costs about as much as linting two small reports (fork, loading plugins):
    # give each worker at least two files, and lint in-process when that leaves fewer than two.
    jobs = min(jobs, len(paths) // 2)
    if jobs < 2:
        return [_lint_one(linter, path, keep_document=keep_documents) for path in paths]
    # No file is linted in this process before the fork to warm up what rules load on first use:
    # that saves a few hundred milliseconds once per worker, but a file that kills the interpreter
    # would then end the run instead of costing one GX003.
    slots = _pool_run(paths, linter, jobs, keep_documents)
    for index, slot in enumerate(slots):
        if slot is None:
            # The pool broke: every unfinished file was lost with it. Retry each alone so only
            # the file that kills its worker is reported.
            retry = _pool_run([paths[index]], linter, 1, keep_documents)[0]
            slots[index] = retry if retry is not None else _crashed(linter, paths[index])
    return [slot for slot in slots if slot is not None]


# -- the public API -------------------------------------------------------------------------------
def default_jobs() -> int:
    return os.cpu_count() or 1


def lint_files(
    paths: list[str],
    settings: Settings,
    jobs: Optional[int] = None,
    registry: Optional[Registry] = None,
    *,
    cache: Optional[ResultCache] = None,
    keep_documents: bool = False,
) -> list[FileResult]:
    """Lint ``paths`` with ``jobs`` processes; results in the order of ``paths``, cross-report rules run.

    With a ``cache``, files whose bytes are cached are not linted, fresh results are stored and the
    cache is saved. ``keep_documents`` keeps each file's lines on its result (``--fix`` needs them);
    without it results are lean, and whoever needs the lines of a file reads it again.
    """
    from .plugins import load

    linter = Linter(settings, registry if registry is not None else load())
    results: list[Optional[FileResult]] = [None] * len(paths)
    todo = []
    with collector.spared() as spare:
        with collector.paused():  # hits build many objects and no cycles: a collection would find nothing
            hits = cache.lookup_all(paths) if cache is not None else [None] * len(paths)
            for index, hit in enumerate(hits):
                if hit is None:
                    todo.append(index)
                else:
                    results[index] = hit
            if len(todo) < len(paths):
                spare()
        fresh = _lint_many([paths[i] for i in todo], linter, max(1, jobs or settings.jobs or default_jobs()), keep_documents)
        for index, result in zip(todo, fresh):
            results[index] = result
            if cache is not None:
                cache.store(result)
        done = [result for result in results if result is not None]
        linter.check_related(done)
        if cache is not None:
            cache.save()
    return done


def lint_stdin(data: bytes, display: str, settings: Settings, registry: Optional[Registry] = None) -> list[FileResult]:
    """Lint bytes read from standard input as if they were the file ``display``."""
    from .plugins import load

    linter = Linter(settings, registry if registry is not None else load())
    return [_lint_one(linter, display, data)]
