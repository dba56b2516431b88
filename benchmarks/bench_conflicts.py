"""Cross-document checks: time and memory of ``hycheck.find_conflicts`` over one scrape.

    python benchmarks/bench_conflicts.py --size 1m [--trace]
    python benchmarks/bench_conflicts.py --synthetic --regions 200 --years 25 --repeats 20

By default the input is scrape ``a`` of ``benchmarks/out/corpus-<size>`` as hycheck extracted
it: conflicts, revisions, targets, series breaks and arithmetic over every figure.
``--synthetic`` builds figures directly: each (region, metric, year) has one true level stated
``--repeats`` times (948亿元, 约950亿元 …) beside its growth rate, one statement in a thousand
with a dropped digit.  Memory is read as in ``bench_diff.py``.
"""

from __future__ import annotations

import argparse
from collections import Counter

from _common import SIZES, header, load_scrape, mib, timed

from hycheck.conflicts import find_conflicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--regions", type=int, default=200, help="--synthetic")
    parser.add_argument("--years", type=int, default=25, help="--synthetic")
    parser.add_argument("--repeats", type=int, default=20, help="--synthetic")
    parser.add_argument("--trace", action="store_true", help="also measure with tracemalloc")
    args = parser.parse_args()
    if args.synthetic:
        from synthetic import conflict_corpus

        header("find_conflicts over a synthetic corpus")
        arts, figs = conflict_corpus(args.regions, args.years, args.repeats)
        label = (
            f"synthetic: {args.regions} regions x 4 metrics x {args.years} years "
            f"x {args.repeats} statements"
        )
    else:
        header(f"find_conflicts, corpus-{args.size}")
        scrape = load_scrape(args.size)
        arts, figs = scrape.articles, scrape.figures
        label = f"benchmarks/out/corpus-{args.size}/a"
    print(f"input: {label}: {len(figs):,} figures, {len(arts):,} articles")
    run = timed(lambda: find_conflicts(figs, arts), trace=args.trace)
    by_code = Counter(str(f.code) for f in run.result)
    print(
        f"  find_conflicts: {run.best:.2f} s ({1e6 * run.best / len(figs):.2f} µs a figure); "
        f"process peak RSS {mib(run.rss_peak)} ({mib(run.rss_before)} before)"
    )
    if args.trace:
        print(f"  tracemalloc peak of its own allocations: {mib(run.traced_peak)}")
    print(f"  findings: {dict(by_code.most_common())}")


if __name__ == "__main__":
    main()
