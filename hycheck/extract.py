"""Stage 2: articles → figures.  (Interface only; the extractor is issue 3.)"""

from __future__ import annotations

from collections.abc import Iterable

from hycheck.frames import figures_frame, write_figures
from hycheck.model import Article, Figure

__all__ = ["extract", "extract_article", "figures_frame", "write_figures"]


def extract(articles: Iterable[Article]) -> list[Figure]:
    """Every stated figure of every article, in article and text order."""
    out: list[Figure] = []
    for article in articles:
        out.extend(extract_article(article))
    return out


def extract_article(article: Article) -> list[Figure]:
    """The figures of one article.  A total function: no figure gives ``[]``."""
    return []
