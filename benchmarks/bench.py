"""gxlint's benchmark: throughput on 2,000 reports, one-file latency, scaling with file size.

    python benchmarks/bench.py [--count 2000] [--jobs 2] [--repeat 3] [--json out.json]

Every figure is measured on a separate ``gxlint`` process, as a user would run it (the installed
console script next to this interpreter, so interpreter start-up is included):

* throughput: ``gxlint --jobs N CORPUS`` over the generated corpus (benchmarks/make_corpus.py),
  cold (``--no-cache``: every file read, parsed and checked) and warm (a second run over the
  unchanged corpus with the result cache filled by the first, in a temporary ``--cache-dir``);
  files/s, MB/s, and the peak memory of the whole process tree (the RSS of the main process and
  its workers, summed, sampled every 10 ms from /proc);
* latency: the wall time of ``gxlint --no-cache one.txt`` on one seed report (median of
  ``--repeat`` × 5): the pre-commit case, where the file was just edited; and the same run with
  an empty cache directory (``XDG_CACHE_HOME``), as the very first run after installing gxlint,
  before the parsed data files, compiled patterns and phone-number answers are kept;
* scaling: ``gxlint --no-cache big.txt`` on one report of 1, 2.5 and 5 MB — time and peak memory, and the
  time per MB, which stays flat when the cost is linear in the input;
* CPU time of each process tree beside the wall time: on a machine shared with other work the
  wall time grows and the CPU time does not; CPU time / jobs is the wall time on an idle machine;
* floor: benchmarks/floor.py's bare read-decode-regex loop over the same corpus, and the ratio.

Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import floor  # noqa: E402
import make_corpus  # noqa: E402

TARGETS = {"files_per_s": 1000.0, "corpus_s": 2.0, "one_file_ms": 200.0, "big_s": 2.0, "big_mb": 200.0}


def gxlint_command() -> list[str]:
    """The console script installed beside this interpreter (not a shell shim), else ``-m``."""
    script = Path(sysconfig.get_path("scripts")) / "gxlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "gxlint"]


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _tree_rss_kb(root: int) -> int:
    """Summed RSS of ``root`` and all its descendants, from /proc/<pid>/statm and …/children."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE_KB
            with open(f"/proc/{pid}/task/{pid}/children", "rb") as handle:
                todo.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def child_env() -> dict:
    """The environment of the measured processes: bytecode cached, as after ``pip install``.

    pip compiles an installed package to bytecode; an environment with PYTHONDONTWRITEBYTECODE
    would instead recompile every module on every run, which is not what users pay.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", os.path.join(tempfile.gettempdir(), "gxlint-bench-pycache"))
    return env


def measure(command: list[str], **environment: str) -> tuple[float, float, float]:
    """Run ``command``; return (wall seconds, peak tree RSS in MB, CPU seconds of the tree).

    The CPU time (user + system of the process and its waited-for workers) does not grow when
    other work shares the machine; the wall time does.
    """
    peak = [0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**child_env(), **environment})
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err.decode(errors='replace')}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, peak[0] / 1024, cpu


def best_of(command: list[str], repeat: int) -> tuple[float, float, float]:
    """Best wall time, worst peak memory and least CPU time over ``repeat`` runs."""
    runs = [measure(command) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), min(r[2] for r in runs)


def throughput(args, corpus: Path, command: list[str], cache_dir: Path) -> dict:
    """Cold (no cache) and warm (cache filled by a previous run) runs over the whole corpus."""
    cold_run = [*command, "--no-cache", "--jobs", str(args.jobs), corpus.as_posix()]
    warm_run = [*command, "--cache-dir", str(cache_dir), "--jobs", str(args.jobs), corpus.as_posix()]
    files = floor.files_under(corpus)
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    wall, peak, cpu = best_of(cold_run, args.repeat)
    measure(warm_run)  # fills the cache
    warm_wall, warm_peak, warm_cpu = best_of(warm_run, args.repeat)
    matches, floor_s = min((floor.run(files) for _ in range(args.repeat)), key=lambda r: r[1])
    return {
        "files": len(files),
        "megabytes": round(megabytes, 1),
        "wall_s": round(wall, 3),
        "files_per_s": round(len(files) / wall),
        "mb_per_s": round(megabytes / wall, 1),
        "peak_mb": round(peak, 1),
        "cpu_s": round(cpu, 2),
        "cpu_files_per_s": round(len(files) / cpu),  # per core
        "idle_wall_s": round(cpu / args.jobs, 2),
        "warm_wall_s": round(warm_wall, 3),
        "warm_files_per_s": round(len(files) / warm_wall),
        "warm_cpu_s": round(warm_cpu, 2),
        "warm_peak_mb": round(warm_peak, 1),
        "floor_s": round(floor_s, 3),
        "floor_files_per_s": round(len(files) / floor_s),
        "ratio_to_floor": round(wall / floor_s, 1),
        "cpu_ratio_to_floor": round(cpu / floor_s, 1),
        "warm_ratio_to_floor": round(warm_wall / floor_s, 1),
    }


def latency(args, command: list[str]) -> dict:
    seed = make_corpus.SEEDS[0]
    one = [*command, "--no-cache", str(seed)]
    measure(one)  # warm-up: compiles the bytecode once
    runs = [measure(one) for _ in range(args.repeat * 5)]
    bare = [measure([sys.executable, "-c", "pass"]) for _ in range(args.repeat * 5)]
    first = []
    for _ in range(args.repeat * 5):
        with tempfile.TemporaryDirectory() as empty:
            first.append(measure(one, XDG_CACHE_HOME=empty))
    return {
        "file": seed.name,
        "median_ms": round(statistics.median(r[0] for r in runs) * 1000),
        "min_ms": round(min(r[0] for r in runs) * 1000),
        "cpu_ms": round(statistics.median(r[2] for r in runs) * 1000),
        "first_run_median_ms": round(statistics.median(r[0] for r in first) * 1000),
        "python_startup_ms": round(statistics.median(r[0] for r in bare) * 1000),
        "python_startup_cpu_ms": round(statistics.median(r[2] for r in bare) * 1000),
    }


def scaling(args, command: list[str], workdir: Path) -> list[dict]:
    rows = []
    for size_mb in (1.0, 2.5, 5.0):
        path = workdir / f"big_{size_mb:g}mb.txt"
        path.write_bytes(make_corpus.big_report(int(size_mb * 1024 * 1024)))
        wall, peak, cpu = best_of([*command, "--no-cache", str(path)], args.repeat)
        rows.append(
            {"mb": size_mb, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "peak_mb": round(peak, 1), "cpu_s_per_mb": round(cpu / size_mb, 3)}
        )
    return rows


def machine() -> dict:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "load_average_before": round(os.getloadavg()[0], 2),  # other work on the machine skews every figure
    }


def report(results: dict) -> None:
    t, one, big = results["throughput"], results["latency"], results["scaling"]
    print(f"machine: {results['machine']}")
    print(
        f"corpus, cold: {t['files']} files, {t['megabytes']} MB, gxlint --no-cache --jobs {results['jobs']}: "
        f"{t['wall_s']} s wall = {t['files_per_s']} files/s, {t['mb_per_s']} MB/s, peak {t['peak_mb']} MB; "
        f"CPU {t['cpu_s']} s = {t['cpu_files_per_s']} files per CPU-second, {t['idle_wall_s']} s wall when idle "
        f"[target < {TARGETS['corpus_s']} s, >= {TARGETS['files_per_s']:.0f} files/s]"
    )
    print(
        f"corpus, warm (unchanged files, cache filled by a previous run): {t['warm_wall_s']} s wall = "
        f"{t['warm_files_per_s']} files/s, CPU {t['warm_cpu_s']} s, peak {t['warm_peak_mb']} MB"
    )
    print(
        f"floor (read+decode+regex, 1 core, in-process): {t['floor_s']} s = {t['floor_files_per_s']} files/s; "
        f"gxlint takes {t['ratio_to_floor']}x the floor in wall time, {t['cpu_ratio_to_floor']}x in CPU time "
        f"(cold), {t['warm_ratio_to_floor']}x in wall time (warm)"
    )
    print(
        f"one file ({one['file']}): median {one['median_ms']} ms, min {one['min_ms']} ms wall, {one['cpu_ms']} ms CPU, "
        f"incl. start-up (bare `python -c pass`: {one['python_startup_ms']} ms wall, {one['python_startup_cpu_ms']} ms CPU) "
        f"[target < {TARGETS['one_file_ms']:.0f} ms]; first run after installing (empty cache directory): "
        f"median {one['first_run_median_ms']} ms"
    )
    for row in big:
        print(
            f"scaling {row['mb']:>4} MB: {row['wall_s']} s wall, {row['cpu_s']} s CPU, peak {row['peak_mb']} MB, "
            f"{row['cpu_s_per_mb']} CPU s/MB [target 5 MB < {TARGETS['big_s']} s, < {TARGETS['big_mb']:.0f} MB]"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=make_corpus.DEFAULT_OUT)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    existing = floor.files_under(args.corpus) if args.corpus.exists() else []
    if len(existing) != args.count:
        make_corpus.build(args.count, args.corpus)
    command = gxlint_command()
    results = {"machine": machine(), "jobs": args.jobs, "command": command}
    with tempfile.TemporaryDirectory() as workdir:
        results["throughput"] = throughput(args, args.corpus, command, Path(workdir) / "cache")
        results["latency"] = latency(args, command)
        results["scaling"] = scaling(args, command, Path(workdir))
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
