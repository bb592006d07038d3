"""The floor: a bare Python loop that only reads, decodes and runs one regex over every file.

No linter can be faster than this on one core; gxlint's throughput is reported as a multiple of
it. ``python benchmarks/floor.py DIR`` prints files, seconds and files per second.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

PHONE = re.compile(r"0\d{2,3}-?\d{7,8}")


def files_under(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def run(paths: list[Path]) -> tuple[int, float]:
    """Read, decode (UTF-8, else GB18030) and scan every file; return (matches, seconds)."""
    start = time.perf_counter()
    found = 0
    for path in paths:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        found += len(PHONE.findall(text))
    return found, time.perf_counter() - start


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "corpus"
    paths = files_under(root)
    found, seconds = run(paths)
    print(f"{len(paths)} files in {seconds:.3f} s = {len(paths) / seconds:.0f} files/s ({found} matches)")


if __name__ == "__main__":
    main()
