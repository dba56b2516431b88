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
from functools import lru_cache
from typing import TYPE_CHECKING

from hycheck._gc import paused
from hycheck.context import read_figures
from hycheck.frames import figures_frame, write_figures
from hycheck.model import Article, Figure
from hycheck.naming import Vocabulary, vocabulary
from hycheck.normalize import Compacted, normalize
from hycheck.scan import scan

if TYPE_CHECKING:
    from hycheck.expectations import Expectations

__all__ = ["extract", "extract_article", "extract_text", "figures_frame", "write_figures"]

MetricNames = Mapping[str, Sequence[str]]


def extract(
    articles: Iterable[Article],
    *,
    expectations: Expectations | None = None,
    metrics: MetricNames | None = None,
) -> list[Figure]:
    """Every stated figure of every article, in article and text order.

    The metric vocabulary is that of ``expectations`` (by default the shipped expectation
    files: the names of their headline metrics), or ``metrics``, a plain mapping of metric
    keys to their Chinese names.
    """
    vocab = _vocabulary_of(expectations, metrics)
    out: list[Figure] = []
    with paused():  # see hycheck._gc: many small objects, no cycles
        for article in articles:
            out.extend(_extract(article, vocab))
    return out


def extract_text(
    text: str,
    *,
    title: str = "",
    stated: date | None = None,
    listed: date | None = None,
    region: str = "",
    expectations: Expectations | None = None,
    metrics: MetricNames | None = None,
) -> list[Figure]:
    """The figures of a piece of text, read as the body of an article with that title.

    >>> [(f.surface, f.value, f.unit, str(f.bound)) for f in extract_text("新增市场主体8800余户")]
    [('8800余户', 8800.0, 'household', 'approx')]
    """
    article = Article(
        page="", doc=0, title=title, body=text, stated=stated, listed=listed, region=region
    )
    return extract_article(article, expectations=expectations, metrics=metrics)


def extract_article(
    article: Article,
    *,
    expectations: Expectations | None = None,
    metrics: MetricNames | None = None,
) -> list[Figure]:
    """The figures of one article.  A total function: no figure gives ``[]``."""
    return _extract(article, _vocabulary_of(expectations, metrics))


def _extract(article: Article, vocab: Vocabulary) -> list[Figure]:
    comp = Compacted(normalize(article.body))
    quantities = scan(comp.text)
    if not quantities:
        return []
    title = Compacted(normalize(article.title)).text
    return read_figures(article, comp, title, quantities, vocab)


def _vocabulary_of(expectations: Expectations | None, metrics: MetricNames | None) -> Vocabulary:
    if metrics is not None and expectations is not None:
        raise ValueError("give expectations or metrics, not both: both name the metrics")
    if metrics is not None:
        return vocabulary(metrics)
    exp = expectations if expectations is not None else _shipped()
    return vocabulary(exp.headline_names, exp.extraction_excludes)


@lru_cache(maxsize=1)
def _shipped() -> Expectations:
    from hycheck.expectations import load_expectations

    return load_expectations()
