"""Extraction over many articles on several cores, in the order of a serial run.

``extract_many(articles, jobs=N)`` cuts the articles into contiguous chunks of about the same
number of characters, extracts each chunk in a worker process (``ProcessPoolExecutor``) and
joins the results in chunk order.  Extraction reads one article at a time and nothing else, so
the figures are exactly those of ``hycheck.extract`` on the whole list, in the same order:
``hycheck extract --jobs 4`` writes the same bytes as ``--jobs 1``.  Everything that looks
across articles (validation, conflicts, diff) runs afterwards in the calling process.

>>> from hycheck.model import Article
>>> arts = [Article("p.txt", i, "", f"新增市场主体{i + 1}00户。") for i in range(3)]
>>> [f.surface for f in extract_many(arts, jobs=1)]
['100户', '200户', '300户']
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from hycheck.model import FIGURE_COLUMNS, Article, Bound, Figure, Kind, new_figure

if TYPE_CHECKING:
    from hycheck.expectations import Expectations

__all__ = ["available_cores", "chunks", "extract_many"]

Advance = Callable[[int, int], None]
"""A progress callback: (articles done, characters done) since the last call."""

CHUNK_CHARS = 200_000
"""Characters a chunk aims at: big enough that a chunk's transfer costs little beside its
extraction (about 0.1 s of work), small enough to spread a few large pages over the cores."""


def available_cores() -> int:
    """The cores this process may run on (the CPU affinity, where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunks(articles: Sequence[Article], size: int | None = None) -> Iterator[Sequence[Article]]:
    """Contiguous runs of articles of about ``size`` characters of body (at least one each;
    ``CHUNK_CHARS`` by default).

    >>> arts = [Article("p", i, "", "x" * n) for i, n in enumerate([5, 5, 20, 1])]
    >>> [[a.doc for a in c] for c in chunks(arts, size=10)]
    [[0, 1], [2], [3]]
    """
    size = size or CHUNK_CHARS
    start, weight = 0, 0
    for i, a in enumerate(articles):
        weight += len(a.body)
        if weight >= size:
            yield articles[start : i + 1]
            start, weight = i + 1, 0
    if start < len(articles):
        yield articles[start:]


def extract_many(
    articles: Sequence[Article],
    *,
    jobs: int = 1,
    expectations: Expectations | None = None,
    metrics: Mapping[str, Sequence[str]] | None = None,
    advance: Advance | None = None,
) -> list[Figure]:
    """The figures of ``hycheck.extract(articles, …)``, extracted by ``jobs`` processes.

    ``jobs`` 0 means every available core.  ``advance`` is called after each chunk with the
    articles and characters it held (for a progress bar).  With one job, or one chunk of
    work, no process is started.
    """
    from hycheck.extract import extract

    jobs = jobs or available_cores()
    parts = list(chunks(articles))
    out: list[Figure] = []
    if jobs <= 1 or len(parts) <= 1:
        if advance is None:
            return extract(articles, expectations=expectations, metrics=metrics)
        for part in parts:
            out += extract(part, expectations=expectations, metrics=metrics)
            advance(len(part), sum(len(a.body) for a in part))
        return out
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(parts)),
        initializer=_start_worker,
        initargs=(expectations, metrics),
    )
    try:
        for part, rows in zip(parts, pool.map(_extract_part, parts), strict=True):
            out += map(_figure, rows)
            if advance is not None:
                advance(len(part), sum(len(a.body) for a in part))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C: stop handing out chunks
        raise
    pool.shutdown()
    return out


# -- in the worker processes -----------------------------------------------------------------

_WORKER: dict[str, object] = {}


def _start_worker(
    expectations: Expectations | None, metrics: Mapping[str, Sequence[str]] | None
) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent handles it (exit 130)
    # and cancels the pool; a worker finishes its chunk quietly instead of printing a trace.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["expectations"] = expectations
    _WORKER["metrics"] = metrics


def _extract_part(part: Sequence[Article]) -> list[tuple[Any, ...]]:
    from hycheck.expectations import Expectations
    from hycheck.extract import extract

    exp = _WORKER.get("expectations")
    metrics = _WORKER.get("metrics")
    figures = extract(
        part,
        expectations=exp if isinstance(exp, Expectations) else None,
        metrics=metrics if isinstance(metrics, Mapping) else None,
    )
    return list(map(_row, figures))


# A figure crosses between processes as a tuple of its fields, kind and bound as their values:
# unpickling a frozen dataclass sets its fields one by one in Python, three times slower than
# unpickling a tuple and building the figure again, and the parent does that for every figure.
_FIELDS = attrgetter(*FIGURE_COLUMNS)
_KIND = FIGURE_COLUMNS.index("kind")
_BOUND = FIGURE_COLUMNS.index("bound")
_KINDS = {k.value: k for k in Kind}
_BOUNDS = {b.value: b for b in Bound}


def _row(f: Figure) -> tuple[Any, ...]:
    row = list(_FIELDS(f))
    row[_KIND], row[_BOUND] = str(f.kind), str(f.bound)
    return tuple(row)


def _figure(row: tuple[Any, ...]) -> Figure:
    fields = list(row)
    fields[_KIND] = _KINDS.get(fields[_KIND], fields[_KIND])
    fields[_BOUND] = _BOUNDS.get(fields[_BOUND], fields[_BOUND])
    return new_figure(*fields)
