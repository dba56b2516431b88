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
from datetime import date

from hycheck.context import read_figures, vocabulary
from hycheck.frames import figures_frame, write_figures
from hycheck.model import Article, Figure
from hycheck.normalize import Compacted, normalize
from hycheck.scan import scan

__all__ = ["extract", "extract_article", "extract_text", "figures_frame", "write_figures"]

MetricNames = Mapping[str, Sequence[str]]


def extract(articles: Iterable[Article], *, metrics: MetricNames | None = None) -> list[Figure]:
    """Every stated figure of every article, in article and text order.

    ``metrics`` maps canonical metric keys to their Chinese names; by default the names in
    the shipped expectation files.
    """
    out: list[Figure] = []
    for article in articles:
        out.extend(extract_article(article, metrics=metrics))
    return out


def extract_text(
    text: str,
    *,
    title: str = "",
    stated: date | None = None,
    listed: date | None = None,
    region: str = "",
    metrics: MetricNames | None = None,
) -> list[Figure]:
    """The figures of a piece of text, read as the body of an article with that title.

    >>> [(f.surface, f.value, f.unit, str(f.bound)) for f in extract_text("新增市场主体8800余户")]
    [('8800余户', 8800.0, 'household', 'approx')]
    """
    article = Article(
        page="", doc=0, title=title, body=text, stated=stated, listed=listed, region=region
    )
    return extract_article(article, metrics=metrics)


def extract_article(article: Article, *, metrics: MetricNames | None = None) -> list[Figure]:
    """The figures of one article.  A total function: no figure gives ``[]``."""
    comp = Compacted(normalize(article.body))
    quantities = scan(comp.text)
    if not quantities:
        return []
    if metrics is None:
        vocab = vocabulary(_FALLBACK_METRICS, _FALLBACK_EXCLUDED)
    else:
        vocab = vocabulary(metrics)
    title = Compacted(normalize(article.title)).text
    return read_figures(article, comp, title, quantities, vocab)


# Interim vocabulary until the expectation files carry the names (issue 4).
_FALLBACK_METRICS: dict[str, tuple[str, ...]] = {
    "gdp": (
        "地区生产总值", "生产总值", "GDP", "经济总量", "国内生产总值", "国内生产毛额",
        "经济增长", "经济增速",
    ),
    "fixed_asset_investment": ("固定资产投资",),
    "retail_sales": ("社会消费品零售总额", "社会消费品零售额", "社零总额"),
    "general_budget_revenue": (
        "地方一般公共预算收入", "一般公共预算收入", "地方公共财政预算收入", "公共财政预算收入",
        "地方一般预算收入", "一般预算收入",
    ),
    "disposable_income": ("居民人均可支配收入",),
    "investment_contracted": (
        "招商引资总额", "招商引资签约额", "协议引资", "签约总额", "签约额", "协议总金额",
        "合同引资", "引资总额",
    ),
    "investment_in_place": (
        "实际到位资金", "到位资金", "资金到位", "实际到位内资",
    ),
    "fdi_utilized": ("实际利用外资", "实际使用外资", "直接利用外资", "利用外资"),
    "new_jobs": ("新增就业", "城镇新增就业", "新增城镇就业"),
    "tourists": ("接待游客", "游客接待量", "旅游接待人次", "接待国内外游客", "接待旅游者"),
    "industrial_output": (
        "工业总产值", "规模以上工业总产值", "规上工业总产值", "规模以上工业产值", "规上工业产值",
    ),
}  # fmt: skip
_FALLBACK_EXCLUDED = (
    "人均地区生产总值", "人均生产总值", "人均GDP", "单位地区生产总值", "单位国内生产总值",
    "单位GDP", "万元GDP", "万元地区生产总值", "城镇居民人均可支配收入", "农村居民人均可支配收入",
    "城镇常住居民人均可支配收入", "农村常住居民人均可支配收入", "城市居民人均可支配收入",
    "工业固定资产投资", "民间固定资产投资", "日均签约金额", "日均签约额",
)  # fmt: skip
