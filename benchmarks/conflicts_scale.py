"""Benchmark: ``find_conflicts`` over a synthetic corpus of N figures.

    python benchmarks/conflicts_scale.py --regions 200 --years 25 --repeats 20

Each (region, metric, year) has one true level that grows a few percent a year; ``repeats``
documents state it (as 948亿元, 948.0亿元, 约950亿元 …), with a growth rate beside it; one
statement in a thousand drops a digit.  Prints the time and peak memory (tracemalloc).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hycheck.model import Article, Bound, Code, Figure, Kind

METRICS = ("gdp", "fixed_asset_investment", "retail_sales", "general_budget_revenue")
NAMES = ("地区生产总值", "固定资产投资", "社会消费品零售总额", "地方一般公共预算收入")


def corpus(
    regions: int, years: int, repeats: int, *, seed: int = 7
) -> tuple[list[Article], list[Figure]]:
    rng = random.Random(seed)
    figs: list[Figure] = []
    arts: list[Article] = []
    doc = 0
    for r in range(regions):
        region = f"第{r}区"
        for m, (metric, name) in enumerate(zip(METRICS, NAMES, strict=True)):
            level = rng.uniform(50, 1500)
            for y in range(years):
                growth = rng.uniform(3, 9)
                level *= 1 + growth / 100
                for k in range(repeats):
                    value = round(level, 1)
                    bound = Bound.EQ
                    if k % 5 == 4:
                        value, bound = round(level), Bound.APPROX
                    if rng.random() < 0.001:
                        value = round(value / 10, 1)  # a dropped digit
                    surface = f"{value:g}亿元" if bound == Bound.EQ else f"约{value:g}亿元"
                    body = f"全区实现{name}{surface},增长{growth:.1f}%。"
                    page = f"r{r}.txt"
                    arts.append(
                        Article(
                            page=page,
                            doc=doc,
                            title=f"{region}{2000 + y}年公报{k}-{m}",
                            body=body,
                            region=region,
                        )
                    )
                    start = body.index(surface)
                    common = {
                        "page": page,
                        "doc": doc,
                        "title": arts[-1].title,
                        "region": region,
                        "metric": metric,
                        "period": str(2000 + y),
                    }
                    figs.append(
                        Figure(
                            start=start,
                            end=start + len(surface),
                            surface=surface,
                            value=value * 1e8,
                            unit="CNY",
                            metric_text=name,
                            kind=Kind.ACTUAL,
                            bound=bound,
                            **common,
                        )
                    )  # type: ignore[arg-type]
                    g = f"{growth:.1f}%"
                    gs = body.index(g)
                    figs.append(
                        Figure(
                            start=gs,
                            end=gs + len(g),
                            surface=g,
                            value=round(growth, 1),
                            unit="percent",
                            metric_text=name + "增长",
                            growth_of=name,
                            **common,
                        )
                    )  # type: ignore[arg-type]
                    doc += 1
    return arts, figs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=200)
    parser.add_argument("--years", type=int, default=25)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--no-tracemalloc", action="store_true")
    args = parser.parse_args()
    from hycheck.conflicts import find_conflicts

    t = time.perf_counter()
    arts, figs = corpus(args.regions, args.years, args.repeats)
    print(
        f"built {len(figs):,} figures in {len(arts):,} articles in {time.perf_counter() - t:.1f}s"
    )
    if not args.no_tracemalloc:
        tracemalloc.start()
    t = time.perf_counter()
    findings = find_conflicts(figs, arts)
    took = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] if not args.no_tracemalloc else 0
    by_code: dict[str, int] = {}
    for f in findings:
        by_code[str(f.code)] = by_code.get(str(f.code), 0) + 1
    print(f"find_conflicts: {took:.2f}s, findings {by_code}", end="")
    print(f", peak {peak / 2**20:.0f} MiB" if peak else "")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
    print(f"process peak RSS (inputs included): {rss:.0f} MiB")
    assert Code.CONFLICT in {f.code for f in findings}


if __name__ == "__main__":
    main()
