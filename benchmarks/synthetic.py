"""Synthetic inputs of the change stages, made without extraction (figures built directly).

They stress shapes a real site rarely has at this size, which the generated corpus
(``benchmarks/corpus.py``) does not: ``diff_pair`` makes long articles of a hundred short
statements each (many figures per article to align), ``conflict_corpus`` makes a few thousand
(region, metric, year) groups stated twenty times over (large comparable groups).  Both come
from the first benchmarks of the diff and conflict stages (``diff_scale.py`` and
``conflicts_scale.py``), now ``bench_diff.py --synthetic`` and ``bench_conflicts.py
--synthetic``.
"""

from __future__ import annotations

import random

from hycheck.model import Article, Bound, Figure, Kind

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


def diff_scrape(
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


CONFLICT_METRICS = ("gdp", "fixed_asset_investment", "retail_sales", "general_budget_revenue")
NAMES = ("地区生产总值", "固定资产投资", "社会消费品零售总额", "地方一般公共预算收入")


def conflict_corpus(
    regions: int, years: int, repeats: int, *, seed: int = 7
) -> tuple[list[Article], list[Figure]]:
    rng = random.Random(seed)
    figs: list[Figure] = []
    arts: list[Article] = []
    doc = 0
    for r in range(regions):
        region = f"第{r}区"
        for m, (metric, name) in enumerate(zip(CONFLICT_METRICS, NAMES, strict=True)):
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
