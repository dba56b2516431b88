"""Test helpers of the change stages: figures placed on real article text by hand.

Until the extractor lands, tests of diff, conflicts, series and arithmetic build their figures
with ``place``: the surface is looked up in the article body, so ``start``/``end``/``sentence``
are those of the real text and a test cannot state a figure the text does not hold.
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from typing import Any

from hycheck.model import Article, Figure
from hycheck.pages import load_pages
from hycheck.series import sentences

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_984d2c24117c5c48.txt"


def benchmark(name: str) -> Any:
    """A module of ``benchmarks/`` (not a package), loaded by path."""
    path = SEED.parent.parent / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_articles() -> list[Article]:
    return list(load_pages(SEED))


def place(
    article: Article, surface: str, value: float, unit: str, nth: int = 0, **fields: Any
) -> Figure:
    """The figure ``surface`` at its ``nth`` occurrence in the article body."""
    start = -1
    for _ in range(nth + 1):
        start = article.body.index(surface, start + 1)
    sentence = next(s for st, s in reversed(sentences(article.body)) if st <= start)
    fields.setdefault("region", article.region)
    return Figure(
        page=article.page,
        doc=article.doc,
        title=article.title,
        start=start,
        end=start + len(surface),
        surface=surface,
        value=float(value),
        unit=unit,
        sentence=sentence,
        **fields,
    )


def edit(article: Article, old: str, new: str, **changes: Any) -> Article:
    """The article with the first ``old`` of its body replaced by ``new``."""
    assert old in article.body, old
    return replace(article, body=article.body.replace(old, new, 1), **changes)
