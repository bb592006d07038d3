"""Time of each language rule (GX5) per report, and on one paragraph of 1 MB.

    python benchmarks/language_rules.py [--repeat 20]

The reports are the seed fixtures, parsed once; each rule's ``check`` is timed alone, after one
warm-up run (the confusables lexicon is loaded and compiled on first use, which is timed apart).
The 1 MB paragraph is one phrase repeated: the worst case for the duplication rule, which must
stay linear in the length of a paragraph.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from gxlint.plugins import load
from gxlint.rule import RuleContext
from gxlint.testing import parse_text

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    reports = [parse_text(path.read_text(encoding="utf-8"), path.name) for path in sorted(FIXTURES.glob("00*.txt"))]
    huge = parse_text("一、总体情况\n" + "政府信息公开" * (1024 * 1024 // 18) + "\n二、主动公开政府信息情况\n")

    from gxlint_rules.confusables import lexicon

    started = time.perf_counter()
    lexicon()
    print(f"lexicon load and compile: {(time.perf_counter() - started) * 1000:.1f} ms (once per process)")

    total = 0.0
    for code, rule in sorted(load().rules.items()):
        if not code.startswith("GX5"):
            continue
        instance, ctx = rule(), RuleContext(dict(rule.options))
        for report in reports:
            list(instance.check(report, ctx))
        started = time.perf_counter()
        for _ in range(args.repeat):
            for report in reports:
                list(instance.check(report, ctx))
        per_report = (time.perf_counter() - started) / (args.repeat * len(reports)) * 1000
        started = time.perf_counter()
        list(instance.check(huge, ctx))
        on_huge = time.perf_counter() - started
        total += per_report
        print(f"{code} {rule.name:<26} {per_report:6.2f} ms/report   {on_huge:6.3f} s on a 1 MB paragraph")
    print(f"all GX5 rules: {total:.2f} ms/report")


if __name__ == "__main__":
    main()
