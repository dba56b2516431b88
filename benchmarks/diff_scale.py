"""Benchmark: the diff of two synthetic scrapes of N articles × M figures each.

    python benchmarks/diff_scale.py --articles 10000 --figures 100 --edited 0.01

prints the time and peak memory (tracemalloc) of building the two scrapes and of
``diff_scrapes``.  The bodies are made of real work-report phrases (street, metric, verb,
number, unit), so contexts repeat the way they do on real pages.
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

from hycheck.model import Article, Figure

STREETS = (
    "建桥街",
    "鹦鹉街",
    "洲头街",
    "五里墩街",
    "琴断口街",
    "江汉二桥街",
    "永丰街",
    "四新街",
    "江堤街",
    "龙阳街",
    "晴川街",
    "翠微街",
)
METRICS = (
    ("地区生产总值", "亿元", "CNY", 1e8),
    ("固定资产投资", "亿元", "CNY", 1e8),
    ("社会消费品零售总额", "亿元", "CNY", 1e8),
    ("地方一般公共预算收入", "亿元", "CNY", 1e8),
    ("招商引资实际到位资金", "亿元", "CNY", 1e8),
    ("新增就业", "万人", "person", 1e4),
    ("接待游客", "万人次", "person_time", 1e4),
    ("新增市场主体", "户", "household", 1.0),
    ("新改建绿地", "万平方米", "m2", 1e4),
    ("新增公共停车泊位", "个", "item", 1.0),
)
VERBS = ("实现", "完成", "达到", "累计完成", "全年实现")


def synthetic_scrape(
    articles: int, figures: int, *, seed: int, edited: float
) -> tuple[list[Article], list[Figure]]:
    """A scrape; with ``edited`` > 0, that fraction of articles has one number changed.

    The same ``seed`` gives the same articles, so two calls differ only by the edits.
    """
    rng = random.Random(seed)
    edit_rng = random.Random(seed + 1)
    arts: list[Article] = []
    figs: list[Figure] = []
    for doc in range(articles):
        title = f"【汉阳区招商】{2000 + doc % 25}年汉阳区工作报告之{doc}"
        change = edited > 0 and edit_rng.random() < edited
        victim = edit_rng.randrange(figures) if change else -1
        parts: list[str] = []
        pos = 0
        doc_figs = []
        for k in range(figures):
            street = STREETS[rng.randrange(len(STREETS))]
            name, unit_text, unit, mult = METRICS[rng.randrange(len(METRICS))]
            verb = VERBS[rng.randrange(len(VERBS))]
            number = rng.randrange(10, 9999) / 10
            if k == victim:
                number = round(number * 1.5 + 1, 1)
            text = f"{number:g}"
            surface = text + unit_text
            head = f"{street}{name}{verb}"
            start = pos + len(head)
            parts.append(f"{head}{surface}。")
            pos += len(head) + len(surface) + 1
            doc_figs.append(
                Figure(
                    page="synthetic.txt",
                    doc=doc,
                    title=title,
                    start=start,
                    end=start + len(surface),
                    surface=surface,
                    value=float(text) * mult,
                    unit=unit,
                    metric_text=name,
                    period=str(2000 + doc % 25),
                    region="汉阳区",
                )
            )
        arts.append(Article(page="synthetic.txt", doc=doc, title=title, body="".join(parts)))
        figs += doc_figs
    return arts, figs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--figures", type=int, default=100)
    parser.add_argument("--edited", type=float, default=0.01)
    parser.add_argument("--no-tracemalloc", action="store_true", help="time without tracing")
    args = parser.parse_args()
    from hycheck.diff import diff_scrapes

    t = time.perf_counter()
    old = synthetic_scrape(args.articles, args.figures, seed=1, edited=0.0)
    new = synthetic_scrape(args.articles, args.figures, seed=1, edited=args.edited)
    build = time.perf_counter() - t
    n = len(old[1]) + len(new[1])
    print(f"built 2 × {len(old[1]):,} figures in {build:.1f}s")
    if not args.no_tracemalloc:
        tracemalloc.start()
    t = time.perf_counter()
    findings = diff_scrapes(old[0], old[1], new[0], new[1])
    took = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] if not args.no_tracemalloc else 0
    print(f"diff of {n:,} figures: {took:.2f}s, {len(findings)} findings", end="")
    print(f", peak {peak / 2**20:.0f} MiB above the inputs" if peak else "")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
    print(f"process peak RSS (inputs included): {rss:.0f} MiB")


if __name__ == "__main__":
    main()
