"""Diff of two scrapes: time and memory of ``hycheck.diff_scrapes``.

    python benchmarks/bench_diff.py --size 1m [--trace]
    python benchmarks/bench_diff.py --synthetic --articles 10000 --figures 100

By default the inputs are scrapes ``a`` and ``b`` of ``benchmarks/out/corpus-<size>`` (see
``benchmarks/corpus.py``: b drops, adds, re-titles and edits a few articles of a), as hycheck
extracted them.  ``--synthetic`` builds two scrapes of N articles × M short statements directly
(no extraction), 1 % of the articles with one number changed.

Memory: the process's resident size before the diff (inputs loaded) and its peak after, read
from the kernel (``ru_maxrss``); ``--trace`` also runs the diff once under tracemalloc and
prints the peak of the Python allocations the diff itself made (slower, not timed).
"""

from __future__ import annotations

import argparse
from collections import Counter

from _common import SIZES, header, load_scrape, mib, timed

from hycheck.diff import diff_scrapes

GOAL_SECONDS = 10.0
GOAL_BYTES = 3 * 2**30


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--articles", type=int, default=10_000, help="--synthetic: articles")
    parser.add_argument("--figures", type=int, default=100, help="--synthetic: figures each")
    parser.add_argument("--edited", type=float, default=0.01, help="--synthetic: edited share")
    parser.add_argument("--trace", action="store_true", help="also measure with tracemalloc")
    args = parser.parse_args()
    if args.synthetic:
        from synthetic import diff_scrape

        header("diff of two synthetic scrapes")
        old = diff_scrape(args.articles, args.figures, seed=1, edited=0.0)
        new = diff_scrape(args.articles, args.figures, seed=1, edited=args.edited)
        label = (
            f"synthetic: {args.articles:,} articles x {args.figures} statements, "
            f"{args.edited:.0%} edited"
        )
    else:
        header(f"diff of two scrapes, corpus-{args.size}")
        a, b = load_scrape(args.size, "a"), load_scrape(args.size, "b")
        old, new = (a.articles, a.figures), (b.articles, b.figures)
        label = f"benchmarks/out/corpus-{args.size}/a → b"
    n_old, n_new = len(old[1]), len(new[1])
    print(
        f"input: {label}: {len(old[0]):,} → {len(new[0]):,} articles, {n_old:,} → {n_new:,} figures"
    )
    run = timed(lambda: diff_scrapes(old[0], old[1], new[0], new[1]), trace=args.trace)
    by_code = Counter(str(f.code) for f in run.result)
    fast = "meets" if run.best <= GOAL_SECONDS * (n_old + n_new) / 2e6 else "misses"
    print(
        f"  diff_scrapes: {run.best:.2f} s for {n_old + n_new:,} figures "
        f"({1e6 * run.best / (n_old + n_new):.2f} µs a figure) "
        f"[{fast} the goal of {GOAL_SECONDS:g} s for 2 x 1M, scaled to this size]"
    )
    small = "meets" if run.rss_peak <= GOAL_BYTES else "misses"
    print(
        f"  memory: process peak RSS {mib(run.rss_peak)}, inputs included "
        f"({mib(run.rss_before)} before the diff) [{small} the goal of 3 GiB]"
    )
    if args.trace:
        print(f"  tracemalloc peak of the diff's own allocations: {mib(run.traced_peak)}")
    print(f"  findings: {dict(by_code.most_common())}")


if __name__ == "__main__":
    main()
