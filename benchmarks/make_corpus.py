"""Build a benchmark corpus of report files from the five seed reports in tests/fixtures.

Each generated report is one seed with its numbers changed (same number of digits, years kept),
its agency renamed, and one of several layouts a scraper or an editor produces: CRLF line
endings, a UTF-8 BOM, GB18030, blank lines between all lines, indented paragraphs, Markdown
headings. The corpus is deterministic for a given ``--seed`` so that runs can be compared.

    python benchmarks/make_corpus.py [--count 2000] [--out benchmarks/corpus] [--seed 1]

The output directory is git-ignored.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures").glob("00[0-4]_*.txt"))
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus"

# The agency each seed names, longest form first so that the short forms do not split it.
AGENCIES = {
    "000": ("常德经济技术开发区", "常德经开区"),
    "001": ("遂宁经济技术开发区管理委员会", "遂宁经济技术开发区", "经开区"),
    "002": ("浔阳区人民政府", "浔阳区"),
    "003": ("江阴临港经济开发区", "临港经济开发区", "临港开发区"),
    "004": ("河东区商务局",),
}
PLACES = ("青山", "白河", "东湖", "西林", "南岭", "北塘", "金沙", "云溪", "临江", "石门", "安平", "长宁")
KINDS = ("区人民政府", "县人民政府", "经济技术开发区", "区商务局", "区民政局", "市自然资源局", "街道办事处")
LAYOUTS = ("plain", "crlf", "bom", "gb18030", "spaced", "indented", "markdown")

_NUMBER = re.compile(r"\d+")
_HEADING = re.compile(r"^([一二三四五六七八九十]{1,3}、)", re.M)


def vary_numbers(text: str, rng: random.Random) -> str:
    """Replace each number by another with as many digits; years and zero stay as they are."""

    def repl(match: re.Match) -> str:
        digits = match.group(0)
        if digits == "0" or (len(digits) == 4 and digits[:2] in ("19", "20")):
            return digits
        if len(digits) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return _NUMBER.sub(repl, text)


def rename_agency(text: str, seed_id: str, rng: random.Random) -> str:
    place = rng.choice(PLACES) + rng.choice(PLACES)
    names = AGENCIES.get(seed_id, ())
    if not names:
        return text
    new_long = place + rng.choice(KINDS)
    for index, name in enumerate(names):
        text = text.replace(name, new_long if index == 0 else place + name[-3:])
    return text


def apply_layout(text: str, layout: str) -> tuple[bytes, str]:
    """The file's bytes and suffix for one layout."""
    suffix = ".txt"
    if layout == "spaced":
        text = "\n\n".join(text.split("\n"))
    elif layout == "indented":
        text = "\n".join(("\u3000\u3000" + line) if len(line) > 40 and "|" not in line else line for line in text.split("\n"))
    elif layout == "markdown":
        text = _HEADING.sub(r"## \1", text)
        suffix = ".md"
    if layout == "crlf":
        text = text.replace("\n", "\r\n")
    if layout == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8"), suffix
    if layout == "gb18030":
        return text.encode("gb18030", errors="replace"), suffix
    return text.encode("utf-8"), suffix


def build(count: int, out: Path, seed: int = 1) -> list[Path]:
    """Write ``count`` reports to ``out`` (emptied first) and return their paths."""
    rng = random.Random(seed)
    sources = [(path.name[:3], path.read_text(encoding="utf-8")) for path in SEEDS]
    if out.exists():
        shutil.rmtree(out)
    paths = []
    for index in range(count):
        seed_id, text = sources[index % len(sources)]
        text = rename_agency(vary_numbers(text, rng), seed_id, rng)
        layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
        data, suffix = apply_layout(text, layout)
        # 100 files per directory, as an auditor's tree of downloads would be.
        path = out / f"d{index // 100:03d}" / f"r{index:05d}_{seed_id}_{layout}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


def big_report(size: int, seed: int = 1) -> bytes:
    """One report of about ``size`` bytes: seed 004 with its section 一 prose repeated (varied)."""
    rng = random.Random(seed)
    text = (SEEDS[4]).read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    prose = [line for line in lines[start + 1 : end] if len(line) > 40]
    body: list[str] = []
    total = len(text.encode("utf-8"))
    while total < size:
        line = vary_numbers(rng.choice(prose), rng)
        body.append(line)
        total += len(line.encode("utf-8")) + 1
    return "\n".join(lines[: start + 1] + body + lines[start + 1 :]).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = build(args.count, args.out, args.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"{len(paths)} reports, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
