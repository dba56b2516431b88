"""Figures, articles and findings as pandas DataFrames with one fixed column list, and writers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from hycheck.model import ARTICLE_COLUMNS, FIGURE_COLUMNS, Article, Figure

if TYPE_CHECKING:
    import pandas as pd


def figures_frame(figures: Iterable[Figure]) -> pd.DataFrame:
    """A DataFrame with exactly ``FIGURE_COLUMNS``, one row a figure (also when empty)."""
    import pandas as pd

    rows = [f.to_dict() for f in figures]
    frame = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    return frame.astype(
        {"doc": "int64", "start": "int64", "end": "int64", "value": "float64", "upper": "float64"}
    )


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """A DataFrame with exactly ``ARTICLE_COLUMNS`` (the body left out, its length kept)."""
    import pandas as pd

    rows = [
        {
            "page": a.page,
            "doc": a.doc,
            "line": a.line,
            "title": a.title,
            "headline": a.headline,
            "channel": a.channel,
            "listed": a.listed.isoformat() if a.listed else None,
            "stated": a.stated.isoformat() if a.stated else None,
            "region": a.region,
            "identity": a.identity,
            "url": a.url,
            "length": len(a.body),
        }
        for a in articles
    ]
    return pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))


def write_figures(figures: Sequence[Figure], out: IO[str] | str | Path, fmt: str) -> None:
    """Write figures as ``jsonl`` (UTF-8, Chinese unescaped), ``csv`` or ``parquet``."""
    if fmt == "jsonl":
        assert not isinstance(out, str | Path)
        for f in figures:
            out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        assert not isinstance(out, str | Path)
        figures_frame(figures).to_csv(out, index=False, lineterminator="\n")
    elif fmt == "parquet":
        assert isinstance(out, str | Path)
        from hycheck.errors import CLIError

        try:
            figures_frame(figures).to_parquet(out, index=False)
        except ImportError as exc:
            hint = "--format parquet needs pyarrow: pip install 'hycheck[parquet]'"
            raise CLIError(hint) from exc
    else:
        raise ValueError(f"unknown figure format {fmt!r}")
