"""Stage 2: articles → figures.

``extract(articles)`` is a total function: text with no figure gives ``[]``, never an
exception.  Each article is normalised once (``hycheck.normalize``: same length, so offsets
carry over), scanned once for quantities (``hycheck.scan``), and each quantity is read in its
context (``hycheck.context``).  ``surface == body[start:end]`` holds for every figure.

>>> from hycheck.model import Article
>>> body = "预计全年实现地区生产总值948亿元,增长7%。"
>>> art = Article(page="p.txt", doc=0, title="2018年汉阳区政府工作报告", body=body)
>>> [(f.surface, f.metric, f.period, str(f.kind), f.growth_of) for f in extract([art])]
[('948亿元', 'gdp', '2017', 'estimate', None), ('7%', 'gdp', '2017', 'estimate', '地区生产总值')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from hycheck.context import read_figures, vocabulary
from hycheck.frames import figures_frame, write_figures
from hycheck.model import Article, Figure
from hycheck.normalize import normalize
from hycheck.scan import scan

__all__ = ["extract", "extract_article", "figures_frame", "write_figures"]

MetricNames = Mapping[str, Sequence[str]]


def extract(articles: Iterable[Article], *, metrics: MetricNames | None = None) -> list[Figure]:
    """Every stated figure of every article, in article and text order.

    ``metrics`` maps canonical metric keys to their Chinese names; by default the names in
    the shipped expectation files.
    """
    names = default_metric_names() if metrics is None else metrics
    out: list[Figure] = []
    for article in articles:
        out.extend(extract_article(article, metrics=names))
    return out


def extract_article(article: Article, *, metrics: MetricNames | None = None) -> list[Figure]:
    """The figures of one article.  A total function: no figure gives ``[]``."""
    names = default_metric_names() if metrics is None else metrics
    norm = normalize(article.body)
    quantities = scan(norm)
    if not quantities:
        return []
    return read_figures(article, norm, quantities, vocabulary(names))


def default_metric_names() -> MetricNames:
    """The metric vocabulary of the shipped expectation files."""
    return _FALLBACK_METRICS


# Interim vocabulary until the expectation files carry the names (issue 4).
_FALLBACK_METRICS: dict[str, tuple[str, ...]] = {
    "gdp": ("地区生产总值", "生产总值", "GDP", "经济总量"),
    "fixed_asset_investment": ("固定资产投资",),
    "retail_sales": ("社会消费品零售总额",),
    "general_budget_revenue": (
        "地方一般公共预算收入", "地方公共财政预算收入", "地方一般预算收入", "一般公共预算收入",
    ),
    "disposable_income": ("居民人均可支配收入", "人均可支配收入"),
    "investment_contracted": ("招商引资总额", "招商引资签约额"),
    "investment_in_place": ("实际到位资金", "招商引资实际到位资金", "到位资金"),
    "fdi_utilized": ("实际利用外资", "实际使用外资"),
    "new_jobs": ("新增就业", "城镇新增就业"),
    "tourists": ("接待游客", "游客接待量", "旅游接待人次"),
    "industrial_output": ("规模以上工业增加值", "规模以上工业总产值", "规上工业增加值"),
}  # fmt: skip
