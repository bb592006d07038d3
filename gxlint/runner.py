"""Running the linter over many files: one process, or a pool of worker processes.

The output of a run must not depend on ``--jobs``: results come back in the order of the paths,
whatever order the workers finish in. A single file never pays for starting a pool. Workers load
the plugins themselves (a registry holds classes and hook functions, which are not sent between
processes) and return results without the parsed report — it can be large and its objects are not
guaranteed picklable — but with the document's lines, which the baseline and ``--fix`` need.

A file that hangs is stopped after ``max_seconds`` (``GX004``); a file that makes a worker raise or
die costs that file one ``GX003`` and the run goes on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from typing import Iterator, Optional

from .config import Settings
from .engine import FileResult, Linter
from .engine_rules import PluginFailed, ResourceLimit
from .limits import oversize
from .plugins import Registry


class _TimeLimit(BaseException):
    """Raised by the timer; a BaseException so that the engine's ``except Exception`` lets it pass."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (POSIX main thread only; elsewhere no cap)."""
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


def _lint_one(linter: Linter, path: str, data: Optional[bytes] = None) -> FileResult:
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
    return result


# -- worker processes ---------------------------------------------------------------------------
_worker_linter: Optional[Linter] = None


def _start_worker(settings: Settings) -> None:
    global _worker_linter
    from .plugins import load

    _worker_linter = Linter(settings, load())


def _work(path: str) -> FileResult:
    assert _worker_linter is not None, "worker not initialised"
    return _lint_one(_worker_linter, path)


def _pool_run(paths: list[str], settings: Settings, jobs: int) -> list[Optional[FileResult]]:
    """Lint in a pool; a slot stays ``None`` when the worker running that file died."""
    from concurrent.futures import ProcessPoolExecutor  # here: a one-file run never pays for it
    from concurrent.futures.process import BrokenProcessPool

    results: list[Optional[FileResult]] = [None] * len(paths)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        futures = [pool.submit(_work, path) for path in paths]
        for index, future in enumerate(futures):
            try:
                results[index] = future.result()
            except BrokenProcessPool:
                pass
    return results


def _crashed(linter: Linter, path: str) -> FileResult:
    return linter.failed(path, PluginFailed, "检查此文件的工作进程意外退出（崩溃或内存耗尽），此文件未被检查")


# -- the public API -------------------------------------------------------------------------------
def default_jobs() -> int:
    return os.cpu_count() or 1


def lint_files(
    paths: list[str], settings: Settings, jobs: Optional[int] = None, registry: Optional[Registry] = None
) -> list[FileResult]:
    """Lint ``paths`` with ``jobs`` processes; results in the order of ``paths``, cross-report rules run."""
    from .plugins import load

    linter = Linter(settings, registry if registry is not None else load())
    # Starting a worker costs about as much as linting two small reports (fork, loading plugins):
    # give each worker at least two files, and lint in-process when that leaves fewer than two.
    jobs = min(max(1, jobs or settings.jobs or default_jobs()), len(paths) // 2)
    if jobs < 2:
        results = [_lint_one(linter, path) for path in paths]
    else:
        slots = _pool_run(paths, settings, jobs)
        for index, slot in enumerate(slots):
            if slot is None:
                # The pool broke: every unfinished file was lost with it. Retry each alone so only
                # the file that kills its worker is reported.
                retry = _pool_run([paths[index]], settings, 1)[0]
                slots[index] = retry if retry is not None else _crashed(linter, paths[index])
        results = [slot for slot in slots if slot is not None]
    linter.check_related(results)
    return results


def lint_stdin(data: bytes, display: str, settings: Settings, registry: Optional[Registry] = None) -> list[FileResult]:
    """Lint bytes read from standard input as if they were the file ``display``."""
    from .plugins import load

    linter = Linter(settings, registry if registry is not None else load())
    return [_lint_one(linter, display, data)]
