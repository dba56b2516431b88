"""Validation speed: ``hycheck.validate`` over the figures of a generated scrape.

    python benchmarks/bench_validate.py --size 1m [--repeat 3] [--jobs N]

The input is scrape ``a`` of ``benchmarks/out/corpus-<size>`` (make it with
``benchmarks/corpus.py``): its figures and articles as hycheck extracted them.  The shipped
expectations are loaded and compiled into pandera schemas by a warm-up call on 1,000 figures;
the timed runs build the figure table, derive the checked columns, run every pandera check
lazily and turn the failure cases into findings.  ``--jobs`` is passed to ``validate``; by
default it forks one process a usable CPU (on Linux), with 250,000 figures each at least;
``--jobs 1`` is one process.  Run under ``taskset -c 0`` for a machine of one core.
"""

from __future__ import annotations

import argparse
from collections import Counter

from _common import SIZES, header, load_scrape, mib, timed

from hycheck.expectations import load_expectations
from hycheck.validation import _processes, validate

GOAL_SECONDS_AT_1M = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="validate(jobs=); default: auto")
    args = parser.parse_args()
    header(f"validation, corpus-{args.size}")
    scrape = load_scrape(args.size)
    figs, arts = scrape.figures, scrape.articles
    print(
        f"input: benchmarks/out/corpus-{args.size}/a: {len(figs):,} figures, {len(arts):,} articles"
    )
    exp = load_expectations()
    validate(figs[:1000], arts, exp)  # warm-up: compile the schemas, pandera's lazy imports
    jobs = _processes(args.jobs, len(figs))
    print(f"  processes: {jobs} (--jobs {args.jobs or 'auto'})")
    run = timed(lambda: validate(figs, arts, exp, jobs=args.jobs), args.repeat)
    findings: Counter[str] = Counter(str(f.code) for f in run.result)
    scaled = run.best * 1_000_000 / len(figs)
    goal = "meets" if scaled <= GOAL_SECONDS_AT_1M else "misses"
    print(
        f"  validate: {len(figs) / run.best:,.0f} rows/s; best of {args.repeat}: {run.best:.2f} s "
        f"(median {run.median:.2f} s); {scaled:.2f} s per million figures "
        f"[{goal} the goal of {GOAL_SECONDS_AT_1M:g} s]"
    )
    print(f"  findings: {dict(findings.most_common())}")
    print(f"  process peak RSS {mib(run.rss_peak)} (inputs {mib(run.rss_before)} before)")


if __name__ == "__main__":
    main()
