"""Read + parse speed, in process: a 10 KB report, scaling to 5 MB, and hostile shapes.

    python benchmarks/parse_speed.py [--repeat 5]

Prints CPU milliseconds for one seed-sized report (read, parse, bind; median of ``--repeat`` runs
after a warm-up that pays the one-time template and regex set-up), then the time per MB for
reports of 1, 2.5 and 5 MB (flat when the cost is linear), then the hostile inputs that break
naive table searches and regexes: 100,000 ``|`` characters, 50,000 blank lines, one 1 MB line,
a heading repeated 20,000 times, a 5 MB table region of pipe rows. Last, what a one-file run pays
before and during its first parse: importing the reader, parser and model, then the first report
(templates, regexes), in a fresh interpreter (best of five). Nothing here is a test: timings are
read by a person.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gxlint.parser import parse  # noqa: E402
from gxlint.readers import read_bytes  # noqa: E402

SEEDS = sorted((HERE.parent / "tests" / "fixtures").glob("00[0-4]_*.txt"))


def timed(data: bytes, path: str, repeat: int) -> float:
    """Median CPU seconds of read + parse (CPU time: wall time on a busy machine measures the queue)."""
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        parse(read_bytes(data, path))
        runs.append(time.process_time() - start)
    return statistics.median(runs)


def ten_kb_report() -> bytes:
    """The seed closest to 10 KB."""
    return min((p.read_bytes() for p in SEEDS), key=lambda d: abs(len(d) - 10 * 1024))


def big_report(size: int) -> bytes:
    """A report padded to ``size`` bytes with its own section 一 prose, tables left as they are."""
    lines = SEEDS[2].read_text(encoding="utf-8").split("\n")
    second = next(i for i, line in enumerate(lines) if line.strip().startswith("二、"))
    prose = [line for line in lines[1:second] if len(line) > 40]
    padding: list[str] = []
    total = sum(len(line.encode()) + 1 for line in lines)
    while total < size:
        for line in prose:
            padding.append(line)
            total += len(line.encode()) + 1
    return "\n".join(lines[:second] + padding + lines[second:]).encode("utf-8")


def hostile() -> dict[str, bytes]:
    seed = SEEDS[0].read_text(encoding="utf-8")
    table_start = seed.index("三、收到")
    rows = seed[table_start:].split("\n")[1:29]
    return {
        "100,000 '|' on one line": ("三、收到和处理政府信息公开申请情况\n" + "|" * 100_000).encode(),
        "100,000 '|' lines": ("三、收到和处理政府信息公开申请情况\n" + "|\n" * 100_000).encode(),
        "50,000 blank lines": (seed[:table_start] + "\n" * 50_000 + seed[table_start:]).encode(),
        "one 1 MB line": (seed + "\n" + "政府信息公开 1 2 3 " * (1024 * 1024 // 24)).encode(),
        "1 MB of digits and spaces": (seed + "\n" + "1 " * (512 * 1024) + "x").encode(),
        "20,000 repeated headings": "\n".join(["一、总体情况", "正文。"] * 20_000).encode(),
        "5 MB table region": (seed[:table_start] + "三、收到和处理政府信息公开申请情况\n"
                              + "\n".join(rows * (5 * 1024 * 1024 // len("\n".join(rows).encode())))).encode(),
    }


_FRESH = """
import sys, time
sys.path.insert(0, {root!r})
start = time.process_time()
from gxlint.parser import parse
from gxlint.readers import read_path
imported = time.process_time()
parse(read_path({path!r}))
print((imported - start) * 1000, (time.process_time() - imported) * 1000)
"""


def fresh_start(path: Path, runs: int = 5) -> tuple[float, float]:
    """CPU ms to import the engine and to parse one report, in a new interpreter (best of ``runs``)."""
    script = _FRESH.format(root=str(HERE.parent), path=str(path))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    results = []
    for _ in range(runs):
        output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        results.append(tuple(float(x) for x in output.stdout.split()))
    return min(r[0] for r in results), min(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    small = ten_kb_report()
    parse(read_bytes(small, "warm.txt"))  # one-time set-up: templates, regexes, label sets
    print(f"{len(small) / 1024:.1f} KB report: {timed(small, 'r.txt', max(args.repeat, 20)) * 1000:.1f} ms")

    print("scaling (time per MB should stay flat):")
    for megabytes in (1, 2.5, 5):
        data = big_report(int(megabytes * 1024 * 1024))
        seconds = timed(data, "big.txt", args.repeat)
        print(f"  {len(data) / 2**20:4.1f} MB: {seconds:6.3f} s  ({seconds / (len(data) / 2**20):.3f} s/MB)")

    print("hostile inputs:")
    for name, data in hostile().items():
        seconds = timed(data, "hostile.txt", max(1, args.repeat // 2))
        print(f"  {name:28s} {len(data) / 2**20:5.2f} MB: {seconds:6.3f} s")

    imported, first = fresh_start(SEEDS[0])
    print(f"fresh interpreter: import {imported:.1f} ms, first report {first:.1f} ms (CPU, best of 5)")


if __name__ == "__main__":
    main()
