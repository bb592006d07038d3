"""A snapshot of everything gxlint says about a fixed set of inputs, to prove a speed change safe.

    python benchmarks/snapshot.py before.json            # on the code before the change
    python benchmarks/snapshot.py after.json             # on the code after it
    cmp before.json after.json                            # a change made only for speed: identical

A change made for speed must not change a single finding or a single parsed cell. The snapshot
holds, for every input, the findings in JSON (as ``gxlint --format json --no-cache --isolated``
prints them, cross-report findings included) and the parsed report (as ``gxlint parse --format
json``). The inputs are the seed reports and peer documents in tests/fixtures, the examples, a
sample of the benchmark corpus (built by make_corpus.py if missing) and mutated copies of the seeds
(lines dropped, repeated, cut short or rewritten with half-width punctuation; page chrome and stray
contact lines inserted; some written as HTML or Markdown), all deterministic.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

INSERTS = ("当前位置：首页 > 政务公开", "打印本页 关闭窗口", "", "|  |  |", "联系电话：0571-8888888", "2023.3.1", "扫一扫在手机打开当前页")


def mutate(lines: list[str], rng: random.Random) -> list[str]:
    """A seed report with one to six small defects of the kinds scraped reports have."""
    lines = list(lines)
    for _ in range(rng.randint(1, 6)):
        operation, at = rng.randrange(6), rng.randrange(len(lines))
        if operation == 0:
            del lines[at]
        elif operation == 1:
            lines.insert(at, lines[rng.randrange(len(lines))])
        elif operation == 2:
            lines[at] = "".join(str(rng.randrange(10)) if c.isdigit() and rng.random() < 0.3 else c for c in lines[at])
        elif operation == 3:
            lines[at] = lines[at][: rng.randrange(len(lines[at]) + 1)]
        elif operation == 4:
            lines.insert(at, rng.choice(INSERTS))
        else:
            lines[at] = lines[at].replace("，", ",").replace("。", ".")
    return lines


def gather(directory: Path, corpus: Path, sample: int, mutants: int) -> None:
    """Copy or write every input into ``directory`` (flat, names unique)."""
    fixtures = ROOT / "tests" / "fixtures"
    for path in sorted(fixtures.rglob("*")) + sorted((ROOT / "examples").glob("*.*")):
        if path.is_file() and path.suffix.lower() in (".txt", ".md", ".html", ".htm", ".docx", ".pdf"):
            shutil.copy(path, directory / f"{path.parent.name}_{path.name}")
    corpus_files = sorted(p for p in corpus.rglob("*") if p.is_file())
    for path in corpus_files[:: max(1, len(corpus_files) // sample)][:sample]:
        shutil.copy(path, directory / f"corpus_{path.parent.name}_{path.name}")
    rng = random.Random(7)
    seeds = [p.read_text(encoding="utf-8").split("\n") for p in make_corpus.SEEDS]
    for index in range(mutants):
        lines = mutate(rng.choice(seeds), rng)
        if index % 8 == 6:
            body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
            (directory / f"mutant{index:03d}.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
        else:
            suffix = ".md" if index % 8 == 7 else ".txt"
            (directory / f"mutant{index:03d}{suffix}").write_text("\n".join(lines), encoding="utf-8")


def snapshot(directory: Path) -> dict:
    """The findings of one run over ``directory`` and the parsed report of every file in it."""
    from gxlint.config import Settings
    from gxlint.formatting.json import render_indented
    from gxlint.parser import parse
    from gxlint.readers import read_path
    from gxlint.runner import lint_files
    from gxlint.serialize import report_to_dict

    paths = sorted(str(p) for p in directory.iterdir())
    results = lint_files(paths, Settings(cache=False), jobs=1)
    findings = json.loads(render_indented([d.to_dict() for r in results for d in r.diagnostics]))
    parsed = {}
    for path in paths:
        try:
            parsed[Path(path).name] = report_to_dict(parse(read_path(path)))
        except Exception as problem:  # an unreadable input: its error is part of the snapshot
            parsed[Path(path).name] = f"{type(problem).__name__}: {problem}"
    return {"findings": findings, "parsed": parsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write the snapshot (JSON)")
    parser.add_argument("--corpus", type=Path, default=make_corpus.DEFAULT_OUT)
    parser.add_argument("--sample", type=int, default=300, help="corpus files to include")
    parser.add_argument("--mutants", type=int, default=160, help="mutated seed reports to include")
    args = parser.parse_args()
    if not args.corpus.exists():
        make_corpus.build(2000, args.corpus)
    with tempfile.TemporaryDirectory() as work:
        directory = Path(work)
        gather(directory, args.corpus, args.sample, args.mutants)
        data = snapshot(directory)
        # Paths (also quoted in cross-report messages) relative to the temporary directory.
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str)
        text = text.replace(str(directory) + "/", "")
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['parsed'])} inputs, {len(data['findings'])} findings")


if __name__ == "__main__":
    main()
