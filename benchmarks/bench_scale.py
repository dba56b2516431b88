"""Cost per figure of every stage at about 10k, 100k and 1M figures: is it flat?

    python benchmarks/bench_scale.py [--sizes 10k 100k 1m] [--skip extract]

For each size whose corpus exists (``benchmarks/corpus.py --size …``), a fresh process times
on scrape ``a`` of ``benchmarks/out/corpus-<size>``: reading the pages (``load_pages``),
extracting them on one core, validating the figures, diffing a against b, and the
cross-document checks; then a table of microseconds per figure is printed, with the ratio of
the largest size to the smallest.  A fresh process per size keeps one size's heap from slowing
the next one's garbage collector.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import SIZES, corpus_dir, header, load_scrape, rss_peak

STAGES = ("read", "extract", "validate", "diff", "conflicts")


def one(size: str, skip: set[str]) -> dict[str, Any]:
    """Time each stage once (best of 3 below 100k figures) at one size."""
    from hycheck.conflicts import find_conflicts
    from hycheck.diff import diff_scrapes
    from hycheck.expectations import load_expectations
    from hycheck.extract import extract
    from hycheck.pages import load_pages
    from hycheck.validation import validate

    a, b = load_scrape(size, "a"), load_scrape(size, "b")
    exp = load_expectations()
    extract(a.articles[:5], expectations=exp)  # warm-ups: patterns, schemas, lazy imports
    validate(a.figures[:1000], a.articles, exp)
    repeat = 3 if len(a.figures) < 100_000 else 1
    work = {
        "read": lambda: load_pages(a.path),
        "extract": lambda: extract(a.articles, expectations=exp),
        "validate": lambda: validate(a.figures, a.articles, exp),
        "diff": lambda: diff_scrapes(a.articles, a.figures, b.articles, b.figures),
        "conflicts": lambda: find_conflicts(a.figures, a.articles),
    }
    out: dict[str, Any] = {"figures": len(a.figures), "articles": len(a.articles)}
    out["chars"] = a.chars
    for stage in STAGES:
        if stage in skip:
            continue
        best = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            work[stage]()
            best = min(best, time.perf_counter() - t)
        out[stage] = best
    out["rss_peak"] = rss_peak()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["10k", "100k", "1m"])
    parser.add_argument("--skip", nargs="*", choices=STAGES, default=[])
    parser.add_argument("--one", choices=sorted(SIZES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, set(args.skip))))
        return
    header("cost per figure of each stage")
    results: dict[str, dict[str, Any]] = {}
    for size in args.sizes:
        if not (corpus_dir(size) / "a.pickle").exists():
            print(f"  corpus-{size}: missing, skipped (python benchmarks/corpus.py --size {size})")
            continue
        command = [sys.executable, str(Path(__file__)), "--one", size, "--skip", *args.skip]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results[size] = json.loads(done.stdout.strip().splitlines()[-1])
        r = results[size]
        times = ", ".join(f"{s} {r[s]:.2f} s" for s in STAGES if s in r)
        print(
            f"input: benchmarks/out/corpus-{size}/a: {r['figures']:,} figures, "
            f"{r['articles']:,} articles, {r['chars']:,} characters: {times}"
        )
    if not results:
        return
    sizes = list(results)
    print()
    print(
        "| stage | "
        + " | ".join(f"µs/figure at {results[s]['figures']:,}" for s in sizes)
        + " | largest / smallest |"
    )
    print("|---|" + "---|" * len(sizes) + "---|")
    for stage in STAGES:
        if stage not in results[sizes[0]]:
            continue
        cells = [1e6 * results[s][stage] / results[s]["figures"] for s in sizes]
        ratio = cells[-1] / cells[0] if cells[0] else float("nan")
        print(f"| {stage} | " + " | ".join(f"{c:.2f}" for c in cells) + f" | {ratio:.2f} |")


if __name__ == "__main__":
    main()
