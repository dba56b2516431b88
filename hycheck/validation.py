"""Stage 3: figures (and their articles) → findings, through pandera, lazily.

``validate(figures, articles, expectations)`` builds the figure table, adds the derived columns
the compiled checks read (region level, growth or share, stated and listing dates, period
bounds), validates it with ``lazy=True`` and turns every row of
``SchemaErrors.failure_cases`` into a ``Finding``: a stable code, the severity of the
expectation file, the rule "<file>:<rule>", the figure, and a message that names the value,
its unit and the allowed range.  Bad data never raises; a bad expectation file raises
``ExpectationError`` when it is loaded.
"""

from __future__ import annotations

import contextlib
import math
import os
import pickle
import signal
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import count, pairwise
from operator import attrgetter, itemgetter
from typing import Any, NoReturn, cast

import numpy as np
import pandas as pd
import pandera.pandas as pa

from hycheck import lexicon as lx
from hycheck._gc import paused
from hycheck._validate_text import article_message, figure_details, figure_message, title_year
from hycheck.expectations import Expectations, load_expectations
from hycheck.gazetteer import level_of
from hycheck.model import FIGURE_COLUMNS, Article, Bound, Code, Figure, Finding, Kind, Severity
from hycheck.schemas import (
    GROUPED,
    RECORD_ONLY_TYPED,
    Compiled,
    Rule,
    Vocabulary,
    compile_expectations,
    period_bounds,
)

__all__ = ["prepare_articles", "prepare_figures", "region_level", "validate", "validate_frame"]

region_level = level_of
"""A region's level (district, city, province, country): see ``hycheck.gazetteer.level_of``."""


# -- frames ----------------------------------------------------------------------------------


def _figure_table(figures: Sequence[Figure]) -> pd.DataFrame:
    """``FIGURE_COLUMNS`` as a DataFrame, built column by column (fast for a million rows)."""
    cols: dict[str, Any] = {}
    for name in FIGURE_COLUMNS:
        values = list(map(attrgetter(name), figures))
        if name in ("doc", "start", "end"):
            cols[name] = np.array(values, dtype="int64")
        elif name in ("value", "upper"):
            cols[name] = np.array(values, dtype="float64")  # None becomes nan
        elif name in ("kind", "bound"):
            cols[name] = pd.array([None if v is None else str(v) for v in values], dtype="str")
        else:
            cols[name] = pd.array(values, dtype="str")
    return pd.DataFrame(cols, columns=list(FIGURE_COLUMNS))


_TEXT_TYPES: dict[str, frozenset[type]] = {
    "kind": frozenset({str, Kind}),
    "bound": frozenset({str, Bound}),
    "growth_of": frozenset({str, type(None)}),
}
_NUMERIC = {
    "doc": "int64",
    "start": "int64",
    "end": "int64",
    "value": "float64",
    "upper": "float64",
}


def _numbers(figures: Sequence[Figure], name: str) -> np.ndarray:
    """One numeric field of every figure as an array, converted as ``np.array`` would."""
    dtype = _NUMERIC[name]
    try:
        return np.fromiter(map(attrgetter(name), figures), dtype, len(figures))
    except (TypeError, ValueError, OverflowError):  # None (nan), or what np.array says
        return np.array(list(map(attrgetter(name), figures)), dtype=dtype)


def _text_codes(figures: Sequence[Figure], name: str) -> tuple[np.ndarray, list[Any]] | None:
    """One text field of every figure as integer codes and the distinct values, or ``None``
    when some value is not of the field's types (``str``, and the field's enum or ``None``).

    Factorised by a dictionary as the values are read (no list of a million values made
    first); the types are checked on the distinct values.
    """
    seen: defaultdict[Any, int] = defaultdict(count().__next__)
    try:
        codes = np.fromiter(
            map(seen.__getitem__, map(attrgetter(name), figures)), np.intp, len(figures)
        )
    except TypeError:  # an unhashable value: not text
        return None
    uniques = list(seen)
    if not set(map(type, uniques)) <= _TEXT_TYPES.get(name, _STR):
        return None
    return codes, uniques


def _all_str(figures: Sequence[Figure], name: str) -> np.ndarray | None:
    """The length of one text field of every figure, or ``None`` when one is not a ``str``."""
    try:
        return np.fromiter(map(str.__len__, map(attrgetter(name), figures)), "int64", len(figures))
    except TypeError:
        return None


def _record_frame(
    figures: Sequence[Figure], articles: Sequence[Article], exp: Expectations
) -> pd.DataFrame | None:
    """The prepared table ``Compiled.records`` checks, built straight from the figures, or
    ``None`` when a text field of some figure is not a ``str`` (then the figures take the
    general path: ``_figure_table`` and ``prepare_figures``).

    Each field is read once, a text field into codes and its distinct values (a million
    figures hold a few thousand metric texts, regions and periods), so the derived columns
    are worked out per distinct value and taken by code.  The text columns are categoricals
    (what the structural checks ask of them is answered per category).  ``title``, ``surface``
    and ``sentence`` are only checked to be ``str`` (and the surface's length kept).
    """
    n = len(figures)
    texts: dict[str, tuple[np.ndarray, list[Any]]] = {}
    cols: dict[str, Any] = {}
    for name in FIGURE_COLUMNS:
        if name in _NUMERIC:
            cols[name] = _numbers(figures, name)
        elif name in RECORD_ONLY_TYPED:
            length = _all_str(figures, name)
            if length is None:
                return None
            if name == "surface":
                surface_len = length
        else:
            coded = _text_codes(figures, name)
            if coded is None:
                return None
            texts[name] = coded
            codes, uniques = coded
            if name in ("kind", "bound"):  # enum members as their plain values
                uniques = [str(u) for u in uniques]
            cols[name] = _from_codes(codes, uniques)
    cols["_surface_len"] = surface_len
    frame = pd.DataFrame(cols)

    vocab = _compiled(exp).vocabulary
    which = _article_rows(texts["page"], cols["doc"], articles)
    stated, listed, art_level, targets_from = _article_columns(articles, vocab)

    region_codes, regions = texts["region"]
    level = _lookup([vocab.level.index(level_of(r)) if r else -1 for r in regions], region_codes)
    no_region = _lookup([r == "" for r in regions], region_codes, bool)
    level = np.where(no_region, art_level[which], level)
    metric_codes, metrics = texts["metric"]
    text_codes, metric_texts = texts["metric_text"]
    detail = _lookup([_code(vocab.metric, exp.detail_metric(t)) for t in metric_texts], text_codes)
    own = _lookup([_code(vocab.metric, m) for m in metrics], metric_codes)
    other = _lookup([m == "other" for m in metrics], metric_codes, bool)
    growth_codes, growth_texts = texts["growth_of"]
    cues = exp.share.cues
    period_codes, periods = texts["period"]
    bounds = np.array([_period_days(p) for p in periods], dtype="float64").reshape(-1, 2)

    frame["_metric"] = _from_codes(np.where(other, detail, own), vocab.metric)
    frame["_unit"] = _from_codes(_lookup([_code(vocab.unit, u) for u in texts["unit"][1]],
                                         texts["unit"][0]), vocab.unit)  # fmt: skip
    frame["_kind"] = _from_codes(_lookup([_code(vocab.kind, str(k)) for k in texts["kind"][1]],
                                         texts["kind"][0]), vocab.kind)  # fmt: skip
    frame["_level"] = _from_codes(level, vocab.level)
    frame["_growth"] = _lookup([g is not None and g != "" for g in growth_texts], growth_codes,
                               bool)  # fmt: skip
    frame["_sharecue"] = _lookup([any(c in t for c in cues) for t in metric_texts], text_codes,
                                 bool)  # fmt: skip
    frame["_yearly"] = _lookup([_yearly(t) for t in metric_texts], text_codes, bool)
    frame["_stated"] = stated[which]
    frame["_targets_from"] = targets_from[which]
    frame["_listed"] = listed[which]
    frame["_pstart"] = bounds[:, 0][period_codes] if n else np.array([], "float64")
    frame["_pend"] = bounds[:, 1][period_codes] if n else np.array([], "float64")
    _add_groups(frame)
    return frame


def _code(categories: Sequence[str], value: Any) -> int:
    try:
        return categories.index(value)
    except ValueError:
        return -1


def _lookup(per_value: Sequence[Any], codes: np.ndarray, dtype: str | type = "int64") -> Any:
    """``per_value`` (one entry a distinct value) taken by ``codes``."""
    table = np.array(per_value, dtype=dtype)
    return table[codes] if len(table) else np.zeros(len(codes), dtype=dtype)


def _from_codes(codes: np.ndarray, categories: Sequence[Any]) -> pd.Categorical:
    """A categorical of ``categories`` taken by ``codes``; a ``None`` category is missing."""
    categories = list(categories)
    if None in categories:
        i = categories.index(None)
        remap = np.arange(len(categories))
        remap[i], remap[i + 1 :] = -1, remap[i + 1 :] - 1
        codes, categories = remap[codes], categories[:i] + categories[i + 1 :]
    index = pd.Index(categories, dtype=object)
    out: pd.Categorical = pd.Categorical.from_codes(codes, categories=index, validate=False)
    return out


def _article_rows(
    page: tuple[np.ndarray, list[Any]], doc: np.ndarray, articles: Sequence[Article]
) -> np.ndarray:
    """Each figure's article: an index into the distinct (page, doc) of ``articles`` (the
    last article of a key wins, as in a dict), -1 when there is none."""
    page_codes, pages = page
    n = len(doc)
    index = {key: i for i, key in enumerate({(a.page, a.doc): a for a in articles})}
    if not index or not n:
        return np.full(n, -1, dtype="int64")
    low, high = int(doc.min()), int(doc.max())
    if low >= 0 and high < 2**31 and len(pages) < 2**31:  # (page, doc) as one integer
        keys, uniques = pd.factorize(page_codes.astype("int64") * (high + 1) + doc)
        found = [index.get((pages[k // (high + 1)], int(k % (high + 1))), -1) for k in uniques]
        return np.array(found, dtype="int64")[keys]
    pairs = pd.MultiIndex.from_arrays([np.array(pages, dtype=object)[page_codes], doc])
    return pd.MultiIndex.from_tuples(list(index)).get_indexer(pairs)


def _factorised(values: Iterable[Any]) -> tuple[np.ndarray, list[Any]]:
    """Integer codes of ``values`` and the distinct values, in order of appearance."""
    seen: defaultdict[Any, int] = defaultdict(count().__next__)
    codes = np.fromiter(map(seen.__getitem__, values), np.intp)
    return codes, list(seen)


def _days(arts: Sequence[Article], name: str) -> np.ndarray:
    """The ``stated`` or ``listed`` date of each article as a day number (nan: none)."""
    codes, dates = _factorised(map(attrgetter(name), arts))
    out: np.ndarray = np.array([_day(d) for d in dates], dtype="float64")[codes]
    return out


def _article_columns(
    articles: Sequence[Article], vocab: Vocabulary
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Stated day, listing day, region level code and ``_targets_from`` day of each distinct
    (page, doc), in the order of ``_article_rows``, with one more entry (nan, nan, "", nan)
    for figures without one."""
    table = list({(a.page, a.doc): a for a in articles}.values())
    stated = np.append(_days(table, "stated"), math.nan)
    listed = np.append(_days(table, "listed"), math.nan)
    levels = {r: _code(vocab.level, level_of(r)) for r in {a.region for a in table}}
    level = np.array([levels[a.region] for a in table] + [_code(vocab.level, "")], dtype="int64")
    targets_from = np.array([_targets_from(a) for a in table] + [math.nan])
    return stated, listed, level, targets_from


def _targets_from(article: Article) -> float:
    """The first day a target that the article states may be for: its stated date, or for a
    report (政府工作报告) the first day of the year it reviews, whose targets it quotes beside
    their outcomes (高于年初人代会12%的目标): the stated year from October on, else the year
    before."""
    stated = article.stated
    if stated is None or not any(cue in article.title for cue in lx.REPORT_TITLE_CUES):
        return _day(stated)
    return _day(date(stated.year if stated.month >= 10 else stated.year - 1, 1, 1))


def _add_groups(frame: pd.DataFrame) -> None:
    """The grouping of rows by metric and by unit that the compiled checks search
    (``hycheck.schemas.GROUPED``)."""
    for column in GROUPED:
        codes = frame[column].array.codes
        order = np.argsort(codes, kind="stable")
        frame[f"{column}_order"] = order
        frame[f"{column}_sorted"] = codes[order]


_STR = frozenset({str})


def _day(d: date | None) -> float:
    return float(d.toordinal()) if d is not None else math.nan


def _by_unique(series: pd.Series, fn: Callable[[Any], Any], dtype: str) -> np.ndarray:
    """``fn`` applied to each distinct value only (periods, regions and texts repeat a lot)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    mapped = np.array([fn(u) for u in uniques], dtype=dtype)
    return mapped[codes] if len(mapped) else np.array([], dtype=dtype)


def prepare_figures(
    frame: pd.DataFrame, articles: Iterable[Article], exp: Expectations
) -> pd.DataFrame:
    """The figure frame with the derived columns that compiled checks read (a new frame)."""
    by_key = {(a.page, a.doc): a for a in articles}
    table = list(by_key.values())
    which = np.full(len(frame), -1, dtype="int64")  # row → index into table, -1: no article
    if table and len(frame):
        keys = pd.MultiIndex.from_arrays([frame["page"].astype(object), frame["doc"]])
        which = pd.MultiIndex.from_tuples(list(by_key)).get_indexer(keys)
    stated = np.array([_day(a.stated) for a in table] + [math.nan])
    targets_from = np.array([_targets_from(a) for a in table] + [math.nan])
    listed = np.array([_day(a.listed) for a in table] + [math.nan])
    art_level = np.array([region_level(a.region) for a in table] + [""], dtype=object)

    # each text column is factorised once and its derived values computed per distinct value
    # (a million figures hold a few thousand metric texts, regions and periods)
    def texts(value: Any) -> str:
        return value if isinstance(value, str) else ""  # a missing value reads as ""

    region_codes, regions = pd.factorize(frame["region"], use_na_sentinel=False)
    level = np.array([region_level(texts(r)) for r in regions], dtype=object)[region_codes]
    no_region = np.array([texts(r) == "" for r in regions], dtype=bool)[region_codes]
    level = np.where(no_region, art_level[which], level)  # the article's region
    cues = exp.share.cues
    bounds = _by_unique(frame["period"], lambda p: _period_days(p), "float64,float64")
    text_codes, metric_texts = pd.factorize(frame["metric_text"], use_na_sentinel=False)
    growth_codes, growth_texts = pd.factorize(frame["growth_of"], use_na_sentinel=False)

    vocab = _compiled(exp).vocabulary
    out = frame.copy(deep=False)
    # a headline figure is checked by its metric; another by the metric its text names
    detail = np.array([exp.detail_metric(texts(t)) for t in metric_texts], dtype=object)
    metric = frame["metric"].to_numpy(dtype=object)
    metric = np.where(metric == "other", detail[text_codes], metric)
    out["_metric"] = _categorical(pd.Series(metric, index=frame.index), vocab.metric)
    out["_unit"] = _categorical(frame["unit"], vocab.unit)
    out["_kind"] = _categorical(frame["kind"], vocab.kind)
    out["_level"] = _categorical(pd.Series(level), vocab.level)
    out["_growth"] = np.array([texts(g) != "" for g in growth_texts], dtype=bool)[growth_codes]
    out["_sharecue"] = np.array(
        [isinstance(t, str) and any(c in t for c in cues) for t in metric_texts], dtype=bool
    )[text_codes]
    out["_yearly"] = np.array([_yearly(t) for t in metric_texts], dtype=bool)[text_codes]
    out["_stated"] = stated[which]
    out["_targets_from"] = targets_from[which]
    out["_listed"] = listed[which]
    out["_pstart"] = bounds["f0"]
    out["_pend"] = bounds["f1"]
    return out


def _yearly(metric_text: object) -> bool:
    """Whether a metric text says a rate is a yearly average (生产总值年均增长)."""
    return isinstance(metric_text, str) and any(cue in metric_text for cue in lx.YEARLY_CUES)


def _categorical(values: pd.Series, categories: Sequence[str]) -> pd.Categorical[str]:
    """``values`` as a categorical of exactly ``categories``; anything else is missing."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    known = pd.Index(list(categories)).get_indexer(pd.Index(uniques, dtype=object))
    full = np.where(codes >= 0, known[codes] if len(known) else -1, -1).astype("int64")
    index = pd.Index(list(categories))
    out: pd.Categorical[str] = pd.Categorical.from_codes(full, categories=index)
    return out


def _period_days(period: Any) -> tuple[float, float]:
    b = period_bounds(period) if isinstance(period, str) else None
    return (math.nan, math.nan) if b is None else (_day(b[0]), _day(b[1]))


def prepare_articles(articles: Iterable[Article], exp: Expectations) -> pd.DataFrame:
    """One row an article with the derived date columns the article checks read."""
    return _article_frame(list(articles), exp, keys=True)


def _article_frame(arts: list[Article], exp: Expectations, *, keys: bool) -> pd.DataFrame:
    """``prepare_articles``, built column by column; the dates and the title's year are
    worked out once per distinct value.  Without ``keys`` the page, doc and title (which no
    check reads) are left out: pandera copies every column of each failing row."""
    if not arts:
        return pd.DataFrame([])
    titles = list(map(attrgetter("title"), arts))
    cols: dict[str, Any] = {}
    if keys:
        cols = {"page": [a.page for a in arts], "doc": [a.doc for a in arts], "title": titles}
    cols["_stated"] = _days(arts, "stated")
    cols["_listed"] = _days(arts, "listed")
    codes, uniques = _factorised(titles)
    for i, t in enumerate(exp.dates.titles):
        bounds = np.full((len(uniques), 4), math.nan)  # lo, hi, and the second window's
        for j, title in enumerate(uniques):
            year = title_year(title) if t.cue in title else None  # only a cued title's year
            if year is not None:
                for k, (first, last) in enumerate(t.windows(year)):
                    bounds[j, 2 * k : 2 * k + 2] = (_day(first), _day(last))
        for k, name in enumerate(("lo", "hi", "lo2", "hi2")):
            cols[f"_title{i}_{name}"] = bounds[codes, k]
    return pd.DataFrame(cols)


# -- running the schemas ---------------------------------------------------------------------

_CACHE: list[tuple[Expectations, Compiled]] = []


def _compiled(exp: Expectations) -> Compiled:
    for known, compiled in _CACHE:
        if known is exp:
            return compiled
    compiled = compile_expectations(exp)
    _CACHE[:] = [(exp, compiled)]
    return compiled


def _failures(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> pd.DataFrame:
    """pandera's failure cases of a lazy validation (empty when everything passes)."""
    try:
        schema.validate(frame, lazy=True, inplace=True)  # the frame is ours: no copy
    except pa.errors.SchemaErrors as exc:
        cases: pd.DataFrame = exc.failure_cases
        return cases
    return pd.DataFrame(columns=["column", "check", "failure_case", "index"])


MIN_SPLIT = 250_000
"""Figures per process below which ``validate`` does not fork (``jobs=None``)."""


def validate(
    figures: Iterable[Figure],
    articles: Iterable[Article] = (),
    expectations: Expectations | None = None,
    *,
    jobs: int | None = 1,
) -> list[Finding]:
    """Every failing rule of every figure and article as a finding, in report order.

    ``articles`` (a ``Pages`` value, for example) gives each figure its article's stated
    and listing dates, matched by (page, doc); without them only the figure rules run.

    ``jobs`` processes share the work where the platform can fork: the figures and the
    articles are cut into that many runs, each forked child validates one run in the memory
    it inherited and sends back only its findings, and the findings are the same, in the same
    order, as those of one process (which is used whenever that could not be so: see
    ``_forked``).  ``None`` is one process a CPU this process may use, with at least
    ``MIN_SPLIT`` figures each, on Linux; 1, the default, never forks (a library call does not
    fork its caller's process unless asked to).
    """
    with paused():  # see hycheck._gc: a million figures' worth of small objects, no cycles
        figs, arts = list(figures), list(articles)
        exp = expectations if expectations is not None else load_expectations()
        processes = _processes(jobs, len(figs))
        if processes > 1:
            found = _forked(figs, arts, exp, processes)
            if found is not None:
                return found
        found, _records = _figure_part(figs, arts, exp)
        found.extend(_article_part(arts, exp))
        return sorted(found, key=Finding.sort_key)


def _processes(jobs: int | None, size: int) -> int:
    """How many processes to validate ``size`` figures with (1: in this one)."""
    if (jobs is not None and jobs <= 1) or not hasattr(os, "fork") or not size:
        return 1
    if threading.active_count() > 1:  # a fork copies one thread: another's locks stay held
        return 1
    if jobs is not None:
        return min(jobs, size)
    if not sys.platform.startswith("linux"):  # macOS forks, but its system libraries may not
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform that forks
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, size // MIN_SPLIT))


def _runs(figs: list[Figure], processes: int) -> list[int]:
    """Where the runs of figures begin (and the last ends): even cuts, each moved forward to
    the next figure of another article, so that an article's figures stay together."""
    cuts = [len(figs) * i // processes for i in range(processes + 1)]
    for i in range(1, processes):
        at = max(cuts[i], cuts[i - 1])
        while 0 < at < len(figs) and (figs[at].page, figs[at].doc) == (
            figs[at - 1].page,
            figs[at - 1].doc,
        ):
            at += 1
        cuts[i] = at
    return cuts


_Sent = tuple[Code, Severity, str, int, int, str, Any]
"""A finding as a child sends it: code, severity, message, figure and article positions (-1:
none), rule and details; the parent puts its own figure and article objects back in."""


def _run_part(
    figs: list[Figure], arts: list[Article], exp: Expectations, fig_run: range, art_run: range
) -> tuple[bool, list[Finding]]:
    """The findings of one run of figures (checked against every article) and one run of
    articles, unsorted and in the order one process would make them; and whether the run's
    figures took the records path."""
    found, records = _figure_part(figs[fig_run.start : fig_run.stop], arts, exp)
    found.extend(_article_part(arts[art_run.start : art_run.stop], exp))
    return records, found


def _sendable(
    figs: list[Figure], arts: list[Article], fig_run: range, art_run: range, found: list[Finding]
) -> list[_Sent]:
    """A child's findings with positions in place of its copies of figures and articles."""
    wanted = {id(f.figures[0]) for f in found if f.figures}
    fig_at = {}
    if wanted:
        part = figs[fig_run.start : fig_run.stop]
        fig_at = {id(f): i for i, f in enumerate(part, fig_run.start) if id(f) in wanted}
    art_at = {id(a): i for i, a in enumerate(arts[art_run.start : art_run.stop], art_run.start)}
    sent: list[_Sent] = []
    for f in found:
        if len(f.figures) > 1 or f.old or f.new or f.old_article or f.new_article:
            raise ValueError("a validation finding holds one figure or one article")
        fig = fig_at[id(f.figures[0])] if f.figures else -1
        art = art_at[id(f.article)] if f.article is not None else -1
        sent.append((f.code, f.severity, f.message, fig, art, f.rule, f.details))
    return sent


def _forked(
    figs: list[Figure], arts: list[Article], exp: Expectations, processes: int
) -> list[Finding] | None:
    """``validate`` over ``processes`` processes: this one and forked children; ``None`` when
    the result might differ from one process's, and then the caller validates alone.

    Findings sort by (page, doc, start, severity, code, message), ties kept in the order they
    were made.  One process makes them figure by figure, a figure's in the order of the
    checks; a run makes those of its own figures in that same order, so the runs' findings,
    put together and sorted, are one process's unless two that tie came from two runs (two
    equal figures of one article, say, in two runs): that is checked, and then ``None``.  So
    is a run that took the other path (text that is not ``str``) and a child that failed.
    """
    _compiled(exp)  # compiled once, here: the children inherit it
    cuts = _runs(figs, processes)
    art_cuts = [len(arts) * i // processes for i in range(processes + 1)]
    runs = [
        (range(cuts[i], cuts[i + 1]), range(art_cuts[i], art_cuts[i + 1])) for i in range(processes)
    ]
    if any(not fig_run for fig_run, _ in runs):
        return None  # an article too large to cut: one process does it without forking
    children: list[tuple[int, int]] = []
    unread: list[int] = []
    done = False
    try:
        for fig_run, art_run in runs[1:]:
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                _child(write, figs, arts, exp, fig_run, art_run)  # never returns
            os.close(write)
            children.append((pid, read))
            unread.append(read)
        results: list[tuple[bool, list[Finding]] | None] = [_run_part(figs, arts, exp, *runs[0])]
        for read in list(unread):  # the end of the pipe: a child has sent all it will
            unread.remove(read)
            with os.fdopen(read, "rb") as got:
                data = got.read()
            results.append(_received(data, figs, arts))
        done = True
        return _merge(results)
    except OSError:  # no fork or no pipe to be had (memory, descriptors): one process
        return None
    finally:  # reaped last: a child's exit (unmapping a large heap) overlaps the merge
        for read in unread:
            os.close(read)
        for pid, _ in children:
            if not done:  # interrupted or failed: the children's work is not wanted
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):  # the host may reap children itself
                os.waitpid(pid, 0)


def _child(
    write: int,
    figs: list[Figure],
    arts: list[Article],
    exp: Expectations,
    fig_run: range,
    art_run: range,
) -> NoReturn:
    """A forked child: validate one run, send the findings (nothing when it failed, and the
    parent validates alone), and exit without ever unwinding into the caller's code."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the child, not a handler
        payload = b""
        try:
            records, found = _run_part(figs, arts, exp, fig_run, art_run)
            sent = (records, _sendable(figs, arts, fig_run, art_run, found))
            payload = pickle.dumps(sent, pickle.HIGHEST_PROTOCOL)
        except Exception:
            payload = b""
        with os.fdopen(write, "wb") as out:
            out.write(payload)
    finally:
        os._exit(0)


def _received(
    data: bytes, figs: list[Figure], arts: list[Article]
) -> tuple[bool, list[Finding]] | None:
    """A child's findings with this process's figures and articles (``None``: it failed)."""
    if not data:
        return None
    try:
        records, sent = pickle.loads(data)
    except Exception:
        return None
    found = [
        Finding(
            code=code,
            severity=severity,
            message=message,
            figures=(figs[fig],) if fig >= 0 else (),
            article=arts[art] if art >= 0 else None,
            rule=rule,
            details=details,
        )
        for code, severity, message, fig, art, rule, details in sent
    ]
    return records, found


def _merge(results: list[tuple[bool, list[Finding]] | None]) -> list[Finding] | None:
    if any(r is None for r in results) or len({r[0] for r in results if r is not None}) > 1:
        return None
    keyed = [
        (finding.sort_key(), run, finding)
        for run, result in enumerate(results)
        if result is not None
        for finding in result[1]
    ]
    keyed.sort(key=itemgetter(0))  # stable: each run's ties in the order it made them
    for (key, run, _), (next_key, next_run, _) in pairwise(keyed):
        if key == next_key and run != next_run:
            return None  # a tie across runs: one process might order it otherwise
    return [finding for _, _, finding in keyed]


def validate_frame(
    frame: pd.DataFrame,
    articles: Iterable[Article] = (),
    expectations: Expectations | None = None,
) -> list[Finding]:
    """Like ``validate`` for a figure DataFrame (``FIGURE_COLUMNS``) an ETL job already has."""
    table = frame.reset_index(drop=True)
    arts = list(articles)
    exp = expectations if expectations is not None else load_expectations()
    found = _frame_problems(table)
    if len(table) and not found:
        prepared = prepare_figures(table, arts, exp)
        found.extend(_run_figures(_compiled(exp), False, prepared, table, None, arts))
    found.extend(_article_part(arts, exp))
    return sorted(found, key=Finding.sort_key)


def _figure_part(
    figs: list[Figure], arts: list[Article], exp: Expectations
) -> tuple[list[Finding], bool]:
    """The findings of the figure rules (unsorted), and whether the figures' text fields were
    all ``str`` (the records path) or not (the general path)."""
    compiled = _compiled(exp)
    prepared = _record_frame(figs, arts, exp)
    if prepared is not None:
        return _run_figures(compiled, True, prepared, prepared, figs, arts), True
    table = _figure_table(figs)
    found = _frame_problems(table)
    if len(table) and not found:
        prepared = prepare_figures(table, arts, exp)
        found.extend(_run_figures(compiled, False, prepared, table, figs, arts))
    return found, False


def _run_figures(
    compiled: Compiled,
    records: bool,
    prepared: pd.DataFrame,
    table: pd.DataFrame,
    figs: list[Figure] | None,
    arts: list[Article],
) -> list[Finding]:
    if not len(prepared):
        return []
    if not records:  # made here, so that it matches the rows (a caller may filter a frame)
        _add_groups(prepared)
    cases = _failures(compiled.records if records else compiled.figures, prepared)
    by_key = {(a.page, a.doc): a for a in arts}
    return _figure_findings(cases, compiled.rules, table, figs, by_key)


def _article_part(arts: list[Article], exp: Expectations) -> list[Finding]:
    """The findings of the article rules (unsorted)."""
    if not arts:
        return []
    compiled = _compiled(exp)
    cases = _failures(compiled.articles, _article_frame(arts, exp, keys=False))
    return _article_findings(cases, compiled.rules, arts, exp)


# -- failure cases → findings ----------------------------------------------------------------

_NUMBERS = {"doc": "integer", "start": "integer", "end": "integer", "value": "number"}


def _frame_problems(table: pd.DataFrame) -> list[Finding]:
    """A missing column or a column of the wrong type: one finding each, and then no rule can
    run on the frame (only an ETL caller's own frame can have these)."""
    out = []
    for column in FIGURE_COLUMNS:
        kind = _NUMBERS.get(column, "number" if column == "upper" else "")
        if column not in table:
            problem = "is missing"
        elif kind == "integer" and not pd.api.types.is_integer_dtype(table[column]):
            problem = f"holds {table[column].dtype}, not integers"
        elif kind == "number" and not pd.api.types.is_numeric_dtype(table[column]):
            problem = f"holds {table[column].dtype}, not numbers"
        else:
            continue
        out.append(
            Finding(
                code=Code.BAD_FIGURE,
                severity=Severity.ERROR,
                message=f"column {column} {problem}; no figure rule was run on this table",
                rule=f"FigureSchema:{column}",
                details={"column": column, "check": "dtype"},
            )
        )
    return out


def _pairs(cases: pd.DataFrame) -> list[tuple[str, str, int | None, Any]]:
    """Distinct (check, column, row, failure case) of pandera's failure cases."""
    out: dict[tuple[str, int | None], tuple[str, str, int | None, Any]] = {}
    # a table-wide check reports every column of a failing row: keep one row of each
    cases = cases.drop_duplicates(subset=["check", "index"])
    columns = (cases[name].tolist() for name in ("check", "column", "index", "failure_case"))
    for check, column, index, case in zip(*columns, strict=True):
        row = (
            None
            if index is None or (isinstance(index, float) and math.isnan(index))
            else int(index)
        )
        key = (str(check), row)
        if key not in out:
            out[key] = (str(check), str(column), row, case)
    return list(out.values())


def _figure_findings(
    cases: pd.DataFrame,
    rules: dict[str, Rule],
    table: pd.DataFrame,
    figs: list[Figure] | None,
    by_key: dict[tuple[str, int], Article],
) -> list[Finding]:
    fired: dict[int, list[Rule]] = {}
    loose: list[Finding] = []
    for check, column, row, case in _pairs(cases):
        rule = rules.get(check)
        if rule is None or row is None:  # dtype, nullability, a check that could not run
            loose.append(_pandera_finding(check, column, row, case, table, figs))
            continue
        fired.setdefault(row, []).append(rule)
    out = loose
    for row, fired_rules in fired.items():
        specific = {r.code for r in fired_rules if r.specific}
        fig = figs[row] if figs is not None else _row_figure(table, row)
        for rule in fired_rules:
            if not rule.specific and rule.code in specific:
                continue  # a metric's own rule said it already; the per-unit default is noise
            out.append(
                Finding(
                    code=rule.code,
                    severity=rule.severity,
                    message=figure_message(rule, fig, by_key.get((fig.page, fig.doc))),
                    figures=(fig,),
                    rule=rule.name,
                    details=figure_details(rule, fig),
                )
            )
    return out


def _pandera_finding(
    check: str,
    column: str,
    row: int | None,
    case: Any,
    table: pd.DataFrame,
    figs: list[Figure] | None,
) -> Finding:
    figure: tuple[Figure, ...] = ()
    if row is not None and 0 <= row < len(table):
        figure = (figs[row] if figs is not None else _row_figure(table, row),)
    what = f"{figure[0].surface}: " if figure else ""
    return Finding(
        code=Code.BAD_FIGURE,
        severity=Severity.ERROR,
        message=f"{what}column {column} failed pandera's {check} check ({_plain(case)!r})",
        figures=figure,
        rule=f"FigureSchema:{column}",
        details={"column": column, "check": check},
    )


def _row_figure(table: pd.DataFrame, row: int) -> Figure:
    """A ``Figure`` back from a row of an ETL caller's frame (tolerant of odd values)."""
    r = table.iloc[row]

    def text(name: str) -> str:
        v = r.get(name)
        return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)

    def number(name: str, default: float) -> float:
        v = r.get(name)
        try:
            return float(v) if v is not None else default
        except (TypeError, ValueError):
            return default

    def whole(name: str) -> int:
        v = number(name, 0.0)
        return int(v) if math.isfinite(v) else 0

    kind, bound = text("kind"), text("bound")
    upper = number("upper", math.nan)
    return Figure(
        page=text("page"),
        doc=whole("doc"),
        title=text("title"),
        start=whole("start"),
        end=whole("end"),
        surface=text("surface"),
        value=number("value", math.nan),
        unit=text("unit"),
        metric_text=text("metric_text"),
        metric=text("metric") or "other",
        period=text("period") or "unknown",
        # an unknown kind or bound is reported as it was written, not turned into a default
        kind=Kind(kind) if kind in Kind._value2member_map_ else cast(Kind, kind),
        bound=Bound(bound) if bound in Bound._value2member_map_ else cast(Bound, bound),
        growth_of=text("growth_of") or None,
        region=text("region"),
        upper=None if math.isnan(upper) else upper,
        sentence=text("sentence"),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    return value


def _article_findings(
    cases: pd.DataFrame, rules: dict[str, Rule], arts: list[Article], exp: Expectations
) -> list[Finding]:
    out = []
    for check, _column, row, _case in _pairs(cases):
        rule = rules.get(check)
        if rule is None or row is None or not 0 <= row < len(arts):
            continue  # the article frame is ours: nothing else can fail
        a = arts[row]
        out.append(
            Finding(
                code=rule.code,
                severity=rule.severity,
                message=article_message(rule, a, exp),
                article=a,
                rule=rule.name,
                details={
                    "column": rule.column,
                    "check": rule.check,
                    "stated": a.stated.isoformat() if a.stated else None,
                    "listed": a.listed.isoformat() if a.listed else None,
                },
            )
        )
    return out
