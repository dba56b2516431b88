"""pandera schemas: the figure table's structure, and expectations compiled into named checks.

``FigureSchema`` validates any figure DataFrame (``hycheck.frames.figures_frame`` or an ETL
caller's own) against the shipped defaults: columns and dtypes, known units, kinds and bounds,
the period format, ``surface`` non-empty and ``end - start`` long, values not negative where the
unit cannot be negative::

    >>> from hycheck.schemas import FigureSchema
    >>> import hycheck
    >>> _ = FigureSchema.validate(hycheck.figures_frame([]), lazy=True)

``compile_expectations(exp)`` turns every rule of an ``Expectations`` into one vectorised
``pandera.Check`` named "<file>:<rule>" (``expectations/gdp.yaml:range.district``) and returns
the schema together with the ``Rule`` records that say which finding a failure becomes.  Its
schema validates a frame prepared by ``prepare_figures`` (derived columns ``_level``,
``_growth``, ``_sharecue``, ``_yearly``, ``_stated``, ``_targets_from``, ``_pstart``, ``_pend`` …);
``hycheck.validation`` does all of this, lists the rows of each metric and unit
(``_metric_order`` …, so that a metric's checks read only its rows) and turns
``SchemaErrors.failure_cases`` into findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from hycheck.expectations import (
    LEVELS,
    DateRules,
    Expectations,
    MetricRule,
    Range,
    load_expectations,
)
from hycheck.model import FIGURE_COLUMNS, Bound, Code, Kind, Severity
from hycheck.periods import PERIOD_RE, period_bounds

__all__ = [
    "PERIOD_RE",
    "STRUCTURE",
    "Compiled",
    "FigureSchema",
    "Rule",
    "compile_expectations",
    "figure_schema",
    "period_bounds",
]

STRUCTURE = "FigureSchema"
"""Rule prefix of the structural checks that no expectation file states."""


@dataclass(frozen=True, slots=True)
class Rule:
    """What the failure of one named check means: the finding code, severity and wording.

    ``what`` names the bound in a message ("district maximum"); ``specific`` marks a rule of a
    metric file, which wins over a per-unit default rule for the same figure and code.
    """

    name: str
    code: Code
    severity: Severity
    column: str
    check: str
    what: str = ""
    metric: str = ""
    range: Range | None = None
    allowed: tuple[str, ...] = ()
    specific: bool = False
    article: bool = False


@dataclass(frozen=True, slots=True)
class Compiled:
    """A figure schema and an article schema with every rule, and the rules by name.

    ``records`` is ``figures`` for a table made from ``Figure`` records whose text fields were
    all found to be ``str`` (``hycheck.validation`` checks that first): the same checks, with
    the text columns as categorical codes made while the records were read (no conversion to
    pandas strings, which is most of the time a million figures take) and ``title``,
    ``surface`` and ``sentence`` left out
    (a ``str`` cannot fail what the schema asks of them; the span check reads
    ``_surface_len``).
    """

    figures: pa.DataFrameSchema
    articles: pa.DataFrameSchema
    rules: dict[str, Rule]
    vocabulary: Vocabulary
    records: pa.DataFrameSchema


Mask = Callable[[pd.DataFrame], "pd.Series[bool]"]


def _finite(s: pd.Series) -> object:
    return np.isfinite(s)


def _not_negative(s: pd.Series) -> object:
    return s >= 0


def _check(rule: Rule, rules: dict[str, Rule], fn: Callable[[Any], object]) -> pa.Check:
    """A pandera check named (and erroring) after ``rule``; registers the rule."""
    rules[rule.name] = rule
    return pa.Check(fn, name=rule.name, error=rule.name, ignore_na=False)


def _passes(bad: Mask) -> Callable[[pd.DataFrame], object]:
    return lambda df: ~bad(df)


# -- period parsing --------------------------------------------------------------------------


def _period_ok(s: pd.Series) -> pd.Series:
    """Vectorised over unique values: a well-formed period (or ``unknown``)."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    ok = np.array([u == "unknown" or period_bounds(u) is not None for u in uniques], dtype=bool)
    out = np.where(codes >= 0, ok[codes] if len(ok) else False, False)
    return pd.Series(out, index=s.index)


# -- the structural schema -------------------------------------------------------------------


RECORD_ONLY_TYPED = ("title", "surface", "sentence")
"""Text columns that only need to be ``str``: left out of the table of checked records (which
brings the length of each surface as ``_surface_len`` instead)."""


def _structure(
    exp: Expectations, rules: dict[str, Rule], *, records: bool = False
) -> pa.DataFrameSchema:
    units = tuple(sorted(exp.units))
    unsigned = [u for u, r in exp.units.items() if not r.signed]
    metrics = (*sorted(exp.metrics), "other")
    err = Severity.ERROR
    ds = exp.defaults_sources
    df = exp.defaults_file

    def dkey(key: str) -> str:
        return ds.rule(key) if ds else f"{df}:{key}"

    def col(name: str, dtype: object, *checks: pa.Check, nullable: bool = False) -> pa.Column:
        if records and dtype is str:  # found to be str (or None where nullable) before:
            return pa.Column(None, list(checks), nullable=True, name=name)  # no null to seek
        coerce = dtype is str  # text is text: object and str columns both pass
        return pa.Column(dtype, list(checks), nullable=nullable, coerce=coerce, name=name)

    def r(name: str, code: Code, column: str, check: str, allowed: Sequence[str] = ()) -> Rule:
        return Rule(name, code, err, column, check, allowed=tuple(allowed))

    k_unit = r(dkey("units"), Code.UNIT_NOT_ALLOWED, "unit", "isin", units)
    k_metric = Rule(
        f"{STRUCTURE}:metric", Code.BAD_FIGURE, Severity.WARNING, "metric", "isin", allowed=metrics
    )
    k_kind = r(f"{STRUCTURE}:kind", Code.KIND_NOT_ALLOWED, "kind", "isin", tuple(Kind))
    k_bound = r(f"{STRUCTURE}:bound", Code.BAD_FIGURE, "bound", "isin", tuple(Bound))
    k_period = r(f"{STRUCTURE}:period", Code.BAD_PERIOD, "period", "period_format")
    k_doc = r(f"{STRUCTURE}:doc", Code.BAD_FIGURE, "doc", "ge(0)")
    k_start = r(f"{STRUCTURE}:start", Code.BAD_FIGURE, "start", "ge(0)")
    k_value = r(f"{STRUCTURE}:value", Code.BAD_FIGURE, "value", "finite")
    k_span = r(f"{STRUCTURE}:surface", Code.BAD_FIGURE, "surface", "span")
    k_upper = r(f"{STRUCTURE}:upper", Code.BAD_FIGURE, "upper", "upper_ge_value")
    k_sign = r(dkey("units.signed"), Code.OUT_OF_RANGE, "value", "not_negative", unsigned)

    def negative_level(d: pd.DataFrame) -> pd.Series[bool]:
        # a change (比上年减少862公顷: growth_of names its level) may fall below zero
        found: pd.Series[bool] = (
            d["unit"].isin(unsigned) & (d["value"] < 0) & ~_changes(d["growth_of"])
        )
        return found

    def isin(rule: Rule) -> pa.Check:
        allowed = list(rule.allowed)
        return _check(rule, rules, lambda s: s.isin(allowed))

    def span(d: pd.DataFrame) -> object:
        # the records table has no surface but its lengths (.str.len() on Python objects is
        # a Python loop); any frame with a surface, an ETL user's too, is measured as it is
        length = d["surface"].str.len() if "surface" in d else d["_surface_len"]
        return (length > 0) & (d["end"] - d["start"] == length)

    columns = [
        col("page", str),
        col("doc", "int64", _check(k_doc, rules, _not_negative)),
        col("title", str),
        col("start", "int64", _check(k_start, rules, _not_negative)),
        col("end", "int64"),
        col("surface", str),
        col("value", "float64", _check(k_value, rules, _finite)),
        col("unit", str, isin(k_unit)),
        col("metric_text", str),
        col("metric", str, isin(k_metric)),
        col("period", str, _check(k_period, rules, _period_ok)),
        col("kind", str, isin(k_kind)),
        col("bound", str, isin(k_bound)),
        col("growth_of", str, nullable=True),
        col("region", str),
        col("upper", "float64", nullable=True),
        col("sentence", str),
    ]
    assert tuple(c.name for c in columns) == FIGURE_COLUMNS
    if records:
        columns = [c for c in columns if c.name not in RECORD_ONLY_TYPED]
    checks = [
        _check(k_span, rules, span),
        _check(k_sign, rules, _passes(negative_level)),
        _check(k_upper, rules, _passes(lambda d: d["upper"].notna() & (d["upper"] < d["value"]))),
    ]
    return pa.DataFrameSchema(
        {c.name: c for c in columns}, checks=checks, name="FigureSchema", strict=False
    )


def figure_schema(exp: Expectations | None = None) -> pa.DataFrameSchema:
    """The structural figure schema for ``exp`` (the shipped defaults when ``None``)."""
    return _structure(exp if exp is not None else load_expectations(), {})


FigureSchema: pa.DataFrameSchema
"""The figure table's schema under the shipped defaults; validate with ``lazy=True``.

Built on first use (``__getattr__``), not when the module is imported: ``hycheck check``
validates against the expectations it loaded itself and never reads the shipped ones twice."""


def __getattr__(name: str) -> pa.DataFrameSchema:
    if name == "FigureSchema":
        schema = figure_schema()
        globals()["FigureSchema"] = schema  # later look-ups find the module attribute
        return schema
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- expectations compiled into checks -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The fixed categories of the derived columns ``_metric``, ``_unit``, ``_kind`` and
    ``_level``: compiled checks compare their integer codes through lookup tables."""

    metric: tuple[str, ...]
    unit: tuple[str, ...]
    kind: tuple[str, ...] = tuple(Kind)
    level: tuple[str, ...] = (*LEVELS, "")

    def code(self, column: str, value: str) -> int:
        """The integer code of ``value`` in ``_<column>`` (-2, which no row has, when
        ``value`` is not one of its categories)."""
        categories: tuple[str, ...] = getattr(self, column)
        return categories.index(value) if value in categories else -2  # -2: no row has it

    def member(self, column: str, allowed: Sequence[str]) -> Select:
        """Rows (of those given) whose ``_<column>`` is one of ``allowed`` (a category
        outside: never)."""
        categories: tuple[str, ...] = getattr(self, column)
        wanted = sorted({categories.index(a) for a in allowed if a in categories})
        name = f"_{column}"
        if len(wanted) == 1:  # one category: an integer comparison is the cheapest test
            code = wanted[0]
            return lambda d, rows: _codes(d, name)[rows] == code
        lut = np.zeros(len(categories) + 1, dtype=bool)  # the extra slot answers code -1
        lut[wanted] = True
        return lambda d, rows: lut[_codes(d, name)[rows]]


Array = np.ndarray
Rows = slice | Array
"""The rows a check function looks at: all (``slice(None)``) or some, by position."""
Select = Callable[[pd.DataFrame, Rows], Array]
ALL: Rows = slice(None)

GROUPED = ("_metric", "_unit")
"""Derived columns whose rows ``hycheck.validation`` also lists by value, right before it runs
the checks: ``<column>_order`` (the row positions, stably sorted by the column's code) and
``<column>_sorted`` (the codes in that order), so that a check about one metric or one unit
reads only that metric's rows.  A frame without them (``prepare_figures``' own, filtered or
joined as a caller likes) is scanned instead."""


def _codes(d: pd.DataFrame, name: str) -> Array:
    """The integer codes of a categorical column, without a copy."""
    codes: Array = d[name].array.codes
    return codes


def group_rows(column: str, code: int) -> Callable[[pd.DataFrame], Array]:
    """The positions of the rows whose categorical ``column`` has ``code``, in order: a
    binary search in the grouping validation made, or a scan without it."""
    order, ordered = f"{column}_order", f"{column}_sorted"

    def rows(d: pd.DataFrame) -> Array:
        if order in d and ordered in d:
            codes = d[ordered].to_numpy()
            lo, hi = codes.searchsorted(np.array([code, code + 1], dtype=codes.dtype))
            found: Array = d[order].to_numpy()[lo:hi]
            return found
        return np.flatnonzero(_codes(d, column) == code)

    return rows


def _changes(growth_of: pd.Series[Any]) -> pd.Series[bool]:
    """Which figures are changes of a level: those whose ``growth_of`` names one."""
    named: pd.Series[bool] = growth_of.notna() & (growth_of.astype(str) != "")
    return named


def _outside(value: Array, rng: Range) -> Array:
    lo = -np.inf if rng.min is None else rng.min
    hi = np.inf if rng.max is None else rng.max
    out: Array = (value < lo) | (value > hi)
    return out


def _flag(
    select: Select,
    rng: Range | None = None,
    rows: Callable[[pd.DataFrame], Array] | None = None,
) -> Callable[[pd.DataFrame], object]:
    """A check function failing the selected rows (those outside ``rng`` when given).

    With ``rows`` the check looks only at those rows (those of one metric, say: a rule that
    can only flag them) and passes every other row, which is what ``select`` would say.
    """

    def check(d: pd.DataFrame) -> pd.Series:
        where: Rows = ALL if rows is None else rows(d)
        bad = select(d, where)
        if rng is not None:
            bad = bad & _outside(d["value"].to_numpy()[where], rng)
        if isinstance(where, slice):
            return pd.Series(~bad, index=d.index, copy=False)  # pandas 3 copies by default
        ok = np.ones(len(d), dtype=bool)
        ok[where[bad]] = False
        return pd.Series(ok, index=d.index, copy=False)

    return check


def _every(d: pd.DataFrame, rows: Rows) -> Array:
    out: Array = np.ones_like(d["value"].to_numpy()[rows], dtype=bool)
    return out


def _col(name: str) -> Select:
    return lambda d, rows: d[name].to_numpy()[rows]


_YEAR_DAYS = 366


def _over_years(d: pd.DataFrame, rows: Any) -> Any:
    """Figures for a period of more than a year that are no yearly average: a rate over it
    (比2012年增长65.5%, for 2013-2016) is no year's growth, which the growth range bounds
    (年均增长10.5% over 2011-2015 is one)."""
    span = d["_pend"].to_numpy()[rows] - d["_pstart"].to_numpy()[rows]
    return (span > _YEAR_DAYS) & ~d["_yearly"].to_numpy()[rows]


class _Builder:
    """Collects the checks compiled from one ``Expectations`` and the rule of each."""

    def __init__(self, exp: Expectations, rules: dict[str, Rule]) -> None:
        self.exp, self.rules = exp, rules
        self.vocab = Vocabulary(metric=tuple(sorted(exp.metrics)), unit=tuple(sorted(exp.units)))
        self.checks: list[pa.Check] = []

    def add(self, rule: Rule, fn: Callable[[pd.DataFrame], object]) -> None:
        self.checks.append(_check(rule, self.rules, fn))

    def metric(self, m: MetricRule) -> None:
        """The rules of one metric file: each check reads only the rows of that metric."""
        v, sev = self.vocab, m.severity
        of_metric = group_rows("_metric", v.code("metric", m.metric))
        level_unit = v.member("unit", [u for u in m.units if not self.exp.units[u].relative])
        percent = v.member("unit", ["percent"])
        growth, cue = _col("_growth"), _col("_sharecue")

        def rule(key: str, code: Code, column: str, check: str, **kw: Any) -> Rule:
            return Rule(m.rule(key), code, sev, column, check, metric=m.metric, specific=True, **kw)

        def add(r: Rule, select: Select, rng: Range | None = None) -> None:
            self.add(r, _flag(select, rng, of_metric))

        unit_ok, kind_ok = v.member("unit", m.units), v.member("kind", m.kinds)
        add(
            rule("units", Code.UNIT_NOT_ALLOWED, "unit", "isin", allowed=m.units),
            lambda d, rows: ~unit_ok(d, rows),
        )
        add(
            rule("kinds", Code.KIND_NOT_ALLOWED, "kind", "isin", allowed=m.kinds),
            lambda d, rows: ~kind_ok(d, rows),
        )

        def at_levels(levels: Sequence[str], inside: bool) -> Select:
            # the levels of the metric, not their changes (同比增加1.3万人)
            at = v.member("level", levels)
            if inside:
                return lambda d, rows: level_unit(d, rows) & ~growth(d, rows) & at(d, rows)
            return lambda d, rows: level_unit(d, rows) & ~growth(d, rows) & ~at(d, rows)

        given = [level for level in m.ranges if level]
        for level, rng in m.ranges.items():
            key = rng.rule.split(":", 1)[1]
            r = rule(key, Code.OUT_OF_RANGE, "value", "in_range", what=level, range=rng)
            add(r, at_levels([level], True) if level else at_levels([], False), rng)
        if given:  # a region whose level the file does not give: the envelope of all levels
            lows = [r.min for r in m.ranges.values() if r.min is not None]
            highs = [r.max for r in m.ranges.values() if r.max is not None]
            env = Range(min(lows, default=None), max(highs, default=None), m.rule("range"))
            r = rule("range", Code.OUT_OF_RANGE, "value", "in_range", what="any-level", range=env)
            add(r, at_levels(given, False), env)
        if m.growth is not None:
            no_share = m.share is None  # then a percent without a share cue is a growth rate
            r = rule(
                "growth", Code.OUT_OF_RANGE, "value", "in_range", what="growth", range=m.growth
            )
            add(
                r,
                lambda d, rows: (
                    percent(d, rows)
                    & (growth(d, rows) | (~cue(d, rows) & no_share))
                    & ~_over_years(d, rows)
                ),
                m.growth,
            )
        if m.share is not None:
            r = rule("share", Code.OUT_OF_RANGE, "value", "in_range", what="share", range=m.share)
            add(r, lambda d, rows: percent(d, rows) & ~growth(d, rows), m.share)

    def defaults(self) -> None:
        """Per-unit sanity ranges for every figure, and the share rule."""
        exp, v, out = self.exp, self.vocab, Code.OUT_OF_RANGE
        growth, cue = _col("_growth"), _col("_sharecue")
        for unit, u in sorted(exp.units.items()):
            if u.range.min is not None or u.range.max is not None:
                r = Rule(u.range.rule, out, exp.severity, "value", "in_range", unit, range=u.range)
                of_unit = group_rows("_unit", v.code("unit", unit))
                # a level unit's range is for levels: a change (减少862公顷) may be negative
                levels: Select = _every if u.relative else lambda d, rows: ~growth(d, rows)
                self.add(r, _flag(levels, u.range, of_unit))
        share = exp.share
        own = v.member("metric", [m for m, r in exp.metrics.items() if r.share is not None])
        r = Rule(share.range.rule, out, share.severity, "value", "in_range", "share",
                 range=share.range, specific=True)  # fmt: skip
        self.add(
            r,
            _flag(
                lambda d, rows: ~growth(d, rows) & cue(d, rows) & ~own(d, rows),
                share.range,
                group_rows("_unit", v.code("unit", "percent")),
            ),
        )

    def dates(self) -> None:
        dr = self.exp.dates
        after = self.vocab.member("kind", dr.not_after_stated)
        before = self.vocab.member("kind", dr.not_before_stated)
        start, end, stated = _col("_pstart"), _col("_pend"), _col("_stated")
        r = _date_rule(dr, "not_after_stated", "period", allowed=dr.not_after_stated)
        self.add(r, _flag(lambda d, rows: after(d, rows) & (start(d, rows) > stated(d, rows))))
        r = _date_rule(dr, "not_before_stated", "period", allowed=dr.not_before_stated)
        targets_from = _col("_targets_from")  # a report's: the year it reviews (quoted)
        self.add(r, _flag(lambda d, rows: before(d, rows) & (end(d, rows) < targets_from(d, rows))))


def _date_rule(dr: DateRules, key: str, column: str, **kw: Any) -> Rule:
    code = Code.STALE_ARTICLE if key == "stale" else Code.DATE_INCONSISTENT
    severity = dr.stale_severity if key == "stale" else dr.severity
    return Rule(dr.rule(key), code, severity, column, key, **kw)


def _article_schema(exp: Expectations, rules: dict[str, Rule]) -> pa.DataFrameSchema:
    """Checks on a prepared article frame: stated vs listed date, title year, stale reposts."""
    dr = exp.dates
    stated, listed = _col("_stated"), _col("_listed")
    b = _Builder(exp, rules)
    r = _date_rule(dr, "stated_vs_listed", "stated", article=True)
    b.add(r, _flag(lambda d, rows: stated(d, rows) > listed(d, rows)))
    for i, t in enumerate(dr.titles):
        lo, hi = _col(f"_title{i}_lo"), _col(f"_title{i}_hi")
        lo2, hi2 = _col(f"_title{i}_lo2"), _col(f"_title{i}_hi2")
        r = Rule(t.rule, Code.DATE_INCONSISTENT, dr.severity, "stated", "title_year", t.cue,
                 article=True)  # fmt: skip
        b.add(r, _title_outside(stated, lo, hi, lo2, hi2))
    if dr.stale_after_days is not None:
        days = dr.stale_after_days
        b.add(_date_rule(dr, "stale", "listed", article=True),
              _flag(lambda d, rows: listed(d, rows) - stated(d, rows) > days))  # fmt: skip
    return pa.DataFrameSchema(checks=b.checks, name="ArticleDates")


def _title_outside(
    stated: Select, lo: Select, hi: Select, lo2: Select, hi2: Select
) -> Callable[[pd.DataFrame], object]:
    """Outside the first window (a title with a year) and not inside the second (NaN bounds,
    no second window, compare false)."""

    def outside(d: pd.DataFrame, rows: Rows) -> Array:
        day = stated(d, rows)
        first = (day < lo(d, rows)) | (day > hi(d, rows))
        return first & ~((day >= lo2(d, rows)) & (day <= hi2(d, rows)))

    return _flag(outside)


def compile_expectations(exp: Expectations) -> Compiled:
    """Every rule of ``exp`` as a named pandera check, and what each failure means."""
    rules: dict[str, Rule] = {}
    structure = _structure(exp, rules)
    b = _Builder(exp, rules)
    b.checks.extend(structure.checks)
    for metric in sorted(exp.metrics):
        b.metric(exp.metrics[metric])
    b.defaults()
    b.dates()
    figures = pa.DataFrameSchema(
        structure.columns, checks=b.checks, name="ExpectationSchema", strict=False
    )
    records = pa.DataFrameSchema(
        _structure(exp, {}, records=True).columns,
        checks=b.checks,
        name="ExpectationSchema",
        strict=False,
    )
    return Compiled(figures, _article_schema(exp, rules), rules, b.vocab, records)
