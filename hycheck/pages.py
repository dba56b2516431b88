"""Stage 1: page files → articles.  (Minimal listing-dump reader; the full reader is issue 2.)"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import overload

from hycheck.model import Article


@dataclass(frozen=True, slots=True)
class PageProblem:
    """Something on a page that could not be read as an article: path, line, what is wrong."""

    page: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.page}:{self.line}" if self.line else self.page
        return f"{where}: {self.message}"


class Pages(Sequence[Article]):
    """The articles read from some pages, and the problems met on the way."""

    def __init__(self, articles: Sequence[Article], problems: Sequence[PageProblem] = ()) -> None:
        self.articles = tuple(articles)
        self.problems = tuple(problems)

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Article]: ...
    def __getitem__(self, index: int | slice) -> Article | Sequence[Article]:
        return self.articles[index]

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)


def load_pages(*paths: str | os.PathLike[str]) -> Pages:
    articles: list[Article] = []
    for path in paths:
        p = Path(path)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            lines = f.read_text(encoding="utf-8").split("\n")
            i = 0
            while i + 3 < len(lines):
                if lines[i].strip() == "-":
                    title, body, listed = lines[i + 1], lines[i + 2], lines[i + 3]
                    articles.append(
                        Article(
                            page=str(f),
                            doc=len([a for a in articles if a.page == str(f)]),
                            title=title,
                            body=body,
                            line=i + 1,
                            listed=date.fromisoformat(listed.strip()),
                            region="汉阳区",
                        )
                    )
                    i += 4
                else:
                    i += 1
    return Pages(articles)
