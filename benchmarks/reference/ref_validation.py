"""Frozen copy of hycheck/validation.py as of d6c0fe4 (before the validation speed-ups): the
oracle that benchmarks/compare_validate.py holds the current code to.  Not maintained."""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from hycheck._gc import paused
from hycheck._validate_text import article_message, figure_details, figure_message, title_year
from hycheck.expectations import Expectations, load_expectations
from hycheck.gazetteer import level_of
from hycheck.model import FIGURE_COLUMNS, Article, Bound, Code, Figure, Finding, Kind, Severity
from reference.ref_schemas import (
    RECORD_ONLY_TYPED,
    Compiled,
    Rule,
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


def _record_table(figures: Sequence[Figure]) -> pd.DataFrame | None:
    """The table ``Compiled.records`` checks, or ``None`` when a text field of some figure is
    not a ``str`` (then the figures take the general path, ``_figure_table``).

    The text columns stay Python objects: converting a million figures' titles and sentences
    to pandas strings took longer than every check together, and nothing reads them.
    """
    cols: dict[str, Any] = {}
    for name in FIGURE_COLUMNS:
        values = list(map(attrgetter(name), figures))
        if name in ("doc", "start", "end"):
            cols[name] = np.array(values, dtype="int64")
        elif name in ("value", "upper"):
            cols[name] = np.array(values, dtype="float64")  # None becomes nan
        else:
            if not set(map(type, values)) <= _TEXT_TYPES.get(name, _STR):
                return None
            if name in RECORD_ONLY_TYPED:
                continue
            if name in ("kind", "bound"):  # enum members as their plain values
                plain = {v: str(v) for v in set(values)}
                values = list(map(plain.__getitem__, values))
            cols[name] = pd.Series(values, dtype=object)  # dtype given: no inference to str
            if name == "surface":
                cols["_surface_len"] = np.fromiter(map(len, values), "int64", len(values))
    return pd.DataFrame(cols)


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
    out["_stated"] = stated[which]
    out["_listed"] = listed[which]
    out["_pstart"] = bounds["f0"]
    out["_pend"] = bounds["f1"]
    return out


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
    rows = []
    for a in articles:
        row: dict[str, Any] = {
            "page": a.page,
            "doc": a.doc,
            "title": a.title,
            "_stated": _day(a.stated),
            "_listed": _day(a.listed),
        }
        year = title_year(a.title)
        for i, t in enumerate(exp.dates.titles):
            lo = hi = math.nan
            if year is not None and t.cue in a.title:
                lo = _day(date(year + t.from_year, t.from_month, 1))
                end_month = date(year + t.to_year + t.to_month // 12, t.to_month % 12 + 1, 1)
                hi = float(end_month.toordinal() - 1)
            row[f"_title{i}_lo"], row[f"_title{i}_hi"] = lo, hi
        rows.append(row)
    return pd.DataFrame(rows)


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
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases: pd.DataFrame = exc.failure_cases
        return cases
    return pd.DataFrame(columns=["column", "check", "failure_case", "index"])


def validate(
    figures: Iterable[Figure],
    articles: Iterable[Article] = (),
    expectations: Expectations | None = None,
) -> list[Finding]:
    """Every failing rule of every figure and article as a finding, in report order.

    ``articles`` (a ``Pages`` value, for example) gives each figure its article's stated
    and listing dates, matched by (page, doc); without them only the figure rules run.
    """
    with paused():  # see hycheck._gc: a million figures' worth of small objects, no cycles
        figs = list(figures)
        records = _record_table(figs)
        if records is not None:
            return _validate(records, figs, list(articles), expectations, records=True)
        return _validate(_figure_table(figs), figs, list(articles), expectations)


def validate_frame(
    frame: pd.DataFrame,
    articles: Iterable[Article] = (),
    expectations: Expectations | None = None,
) -> list[Finding]:
    """Like ``validate`` for a figure DataFrame (``FIGURE_COLUMNS``) an ETL job already has."""
    table = frame.reset_index(drop=True)
    return _validate(table, None, list(articles), expectations)


def _validate(
    table: pd.DataFrame,
    figs: list[Figure] | None,
    arts: list[Article],
    expectations: Expectations | None,
    *,
    records: bool = False,
) -> list[Finding]:
    exp = expectations if expectations is not None else load_expectations()
    compiled = _compiled(exp)
    findings: list[Finding] = [] if records else _frame_problems(table)
    if len(table) and not findings:
        schema = compiled.records if records else compiled.figures
        cases = _failures(schema, prepare_figures(table, arts, exp))
        by_key = {(a.page, a.doc): a for a in arts}
        findings.extend(_figure_findings(cases, compiled.rules, table, figs, by_key))
    if arts:
        cases = _failures(compiled.articles, prepare_articles(arts, exp))
        findings.extend(_article_findings(cases, compiled.rules, arts, exp))
    return sorted(findings, key=Finding.sort_key)


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
    for check, column, index, case in zip(
        cases["check"], cases["column"], cases["index"], cases["failure_case"], strict=True
    ):
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
        kind=Kind(kind) if kind in Kind._value2member_map_ else Kind.ACTUAL,
        bound=Bound(bound) if bound in Bound._value2member_map_ else Bound.EQ,
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
