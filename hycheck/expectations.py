"""Expectation files: what plausible figures look like, as versioned YAML with closed key sets.

``load_expectations(*dirs)`` reads the shipped defaults, then each directory over them, and
returns one frozen ``Expectations`` value.  A broken file raises ``ExpectationError`` naming
the file, the key path and the allowed keys, at load time; nothing here looks at data.  The
file format is documented key by key in ``expectations/README.md``.

This module must stay cheap to import (extraction reads ``metric_names`` from it): it imports
neither pandas nor pandera.  ``hycheck.schemas`` compiles an ``Expectations`` into pandera
checks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hycheck._expectation_files import (
    DEFAULTS_SPEC,
    LEVELS,
    METRIC_SPEC,
    check_file,
    deep_merge,
    parse_yaml,
)
from hycheck.errors import ExpectationError
from hycheck.model import Kind, Severity
from hycheck.normalize import normalize

__all__ = [
    "LEVELS",
    "DateRules",
    "Expectations",
    "IntervalRules",
    "MetricRule",
    "Range",
    "ShareRule",
    "Sources",
    "TitleRule",
    "UnitRule",
    "default_expectations_dir",
    "load_expectations",
]

DEFAULTS_FILE = "defaults.yaml"
SHIPPED_LABEL = "expectations"  # how shipped files are named in messages and rules


@dataclass(frozen=True, slots=True)
class Sources:
    """Which file last set each key path of a layered rule.

    A user's file may override one key of a shipped metric (``range.district``) and leave the
    rest: a finding must then name the file that set the key it enforces, not the last file
    that touched the metric.
    """

    paths: Mapping[str, str]
    fallback: str

    def of(self, key: str) -> str:
        """The file that set ``key`` (or the nearest enclosing key): 'range.city' → file."""
        while key:
            if key in self.paths:
                return self.paths[key]
            key = key[: key.rindex("[")] if key.endswith("]") else key.rpartition(".")[0]
        return self.fallback

    def rule(self, key: str) -> str:
        """'<file>:<key path>', the name of the check compiled from ``key``."""
        return f"{self.of(key)}:{key}"


def _record(paths: dict[str, str], data: Mapping[str, Any], file: str, prefix: str = "") -> None:
    """Note ``file`` as the source of every key path of ``data`` (merged as deep_merge does)."""
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            _record(paths, value, file, path)
        else:  # a scalar or list replaces whatever stood under the key
            for stale in [p for p in paths if p.startswith(path + ".")]:
                del paths[stale]
        paths[path] = file


@dataclass(frozen=True, slots=True)
class Range:
    """A closed interval of plausible values; ``None`` leaves an end open.

    ``rule`` is "<file>:<key path>", the name of the pandera check compiled from it.
    """

    min: float | None
    max: float | None
    rule: str

    def contains(self, value: float) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


@dataclass(frozen=True, slots=True)
class UnitRule:
    """Per-unit defaults: whether the unit is relative (percent, pp, ratio), may be negative,
    the range any figure in it must lie in, and the comparison tolerance."""

    unit: str
    relative: bool
    signed: bool
    range: Range
    tolerance: tuple[float, float]
    file: str  # the file that last set a key of this unit


@dataclass(frozen=True, slots=True)
class MetricRule:
    """The expectations of one canonical metric (one file, possibly layered)."""

    metric: str
    file: str  # the last file that set a key of this metric
    names: tuple[str, ...]
    exclude: tuple[str, ...]
    headline: bool  # a figure's ``metric`` is this key; else its rules apply by metric_text
    units: tuple[str, ...]
    ranges: Mapping[str, Range]  # region level → range of a level figure; "" for every level
    growth: Range | None  # percent figures that state a change of the level (增长7%)
    share: Range | None  # percent figures that are not growth rates (城镇化率65%)
    kinds: tuple[str, ...]
    tolerance: tuple[float, float] | None
    max_change: float | None
    severity: Severity
    sources: Sources | None = None  # per key path; None: every key is from ``file``

    def rule(self, key: str) -> str:
        """'<file>:<key>' naming the file that set ``key`` of this metric."""
        return self.sources.rule(key) if self.sources else f"{self.file}:{key}"


@dataclass(frozen=True, slots=True)
class ShareRule:
    """A percent figure whose metric text holds one of ``cues`` (占比, 比重 …) is a share."""

    cues: tuple[str, ...]
    range: Range
    severity: Severity


@dataclass(frozen=True, slots=True)
class IntervalRules:
    """How a bounded figure becomes an interval (used by conflicts and diff).

    ``approx``: relative half-width of 约/近/左右 figures (0.05: 100 → [95, 105]);
    ``over``: how far above its number a 余/多 figure may reach (0.1: 8800余 → [8800, 9680]);
    ``rounding``: an ``eq`` figure stands for every value that rounds to it at its stated
    precision (948亿 → [947.5亿, 948.5亿]); ``gt_open``: 超/突破 v excludes v itself ((v, ∞)),
    and likewise 不到/低于 v; when false the interval is closed at v.
    """

    approx: float = 0.05
    over: float = 0.10
    rounding: bool = True
    gt_open: bool = True


@dataclass(frozen=True, slots=True)
class TitleRule:
    """A title holding ``cue`` and a year Y is delivered between the first day of month
    ``from_month`` of year Y + ``from_year`` and the last day of month ``to_month`` of year
    Y + ``to_year`` (2018年…政府工作报告: October 2017 to April 2018), or inside the window
    ``also`` (from year, from month, to year, to month), when there is one: some counties
    title a report with the year it reviews (2019年…报告 delivered in January 2020)."""

    cue: str
    from_year: int
    from_month: int
    to_year: int
    to_month: int
    rule: str
    also: tuple[int, int, int, int] | None = None

    def windows(self, year: int) -> list[tuple[date, date]]:
        """The delivery windows of a title of ``year``: (first day, last day) each."""
        spans = [(self.from_year, self.from_month, self.to_year, self.to_month)]
        spans += [self.also] if self.also is not None else []
        return [
            (date(year + fy, fm, 1), date(year + ty + tm // 12, tm % 12 + 1, 1) - _DAY)
            for fy, fm, ty, tm in spans
        ]


_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DateRules:
    """Date consistency between figures, their article's stated date and its listing date."""

    severity: Severity
    not_after_stated: tuple[str, ...]  # kinds whose period may not begin after the stated date
    not_before_stated: tuple[str, ...]  # kinds whose period may not end before it
    titles: tuple[TitleRule, ...]
    stale_after_days: int | None
    stale_severity: Severity
    file: str
    sources: Sources | None = None  # per key path under ``dates``

    def rule(self, key: str) -> str:
        """'<file>:dates.<key>' naming the file that set it."""
        return self.sources.rule(f"dates.{key}") if self.sources else f"{self.file}:dates.{key}"


@dataclass(frozen=True, slots=True)
class Expectations:
    """Everything the expectation files say, layered and checked.  Immutable."""

    units: Mapping[str, UnitRule]
    metrics: Mapping[str, MetricRule]
    share: ShareRule
    interval_rules: IntervalRules
    dates: DateRules
    severity: Severity  # severity of the per-unit default rules
    defaults_file: str
    files: tuple[str, ...] = ()
    defaults_sources: Sources | None = None  # per key path of the merged defaults
    _names: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _index: _NameIndex | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def metric_names(self) -> Mapping[str, tuple[str, ...]]:
        """Canonical metric → the Chinese noun phrases that name it (longest match wins)."""
        return self._names

    @property
    def headline_names(self) -> Mapping[str, tuple[str, ...]]:
        """The names of the headline metrics: what extraction writes into ``metric``."""
        return {m: r.names for m, r in self.metrics.items() if r.headline}

    @property
    def extraction_excludes(self) -> tuple[str, ...]:
        """Phrases that hold a headline name but are another measure: every exclude, and the
        names of the metrics that are not headline (城镇居民人均可支配收入 is not 居民人均
        可支配收入), so that extraction reads them as "other"."""
        out: set[str] = set()
        for rule in self.metrics.values():
            out.update(rule.exclude if rule.headline else rule.names)
        return tuple(sorted(out))

    def detail_metric(self, text: str) -> str:
        """The metric that is not headline named by ``text`` (its rules still apply to a
        figure whose ``metric`` is "other"), else "other".

        >>> load_expectations().detail_metric("城镇常住居民人均可支配收入")
        'urban_disposable_income'
        """
        found = self.match_metric(text)
        rule = self.metrics.get(found)
        return found if rule is not None and not rule.headline else "other"

    @property
    def metric_excludes(self) -> Mapping[str, tuple[str, ...]]:
        """Canonical metric → phrases that contain one of its names but are not the metric."""
        return {m: r.exclude for m, r in self.metrics.items()}

    def match_metric(self, text: str) -> str:
        """The metric whose longest name occurs in ``text`` (unless an exclude phrase of that
        metric does too), else ``"other"``.

        >>> exp = load_expectations()
        >>> exp.match_metric("预计全年实现地区生产总值"), exp.match_metric("人均地区生产总值")
        ('gdp', 'per_capita_gdp')
        >>> exp.match_metric("全区工业经济总量在全市占比")
        'other'
        >>> exp.match_metric("按常住人口計算人均地區生產總值")  # not 常住人口: population
        'per_capita_gdp'
        """
        text = normalize(text)  # 人均地區生產總值, as written on a traditional page
        index = self._index
        if index is None:  # built once: validation asks this of every distinct metric text
            index = _NameIndex(self._names)
            object.__setattr__(self, "_index", index)
        for name, metric in index.candidates(text):
            if name in text and not any(x in text for x in self.metrics[metric].exclude):
                return metric
        return "other"

    def tolerance(self, metric: str, unit: str) -> tuple[float, float]:
        """(rel, abs) within which two figures of ``metric`` in ``unit`` count as equal.

        A relative unit (percent, pp, ratio) takes the unit's tolerance; a level unit the
        metric's, when its file gives one, else the unit's; an unknown unit (0, 0).
        """
        unit_rule = self.units.get(unit)
        rule = self.metrics.get(metric)
        level_unit = unit_rule is None or not unit_rule.relative
        if rule is not None and rule.tolerance is not None and level_unit:
            return rule.tolerance
        return unit_rule.tolerance if unit_rule is not None else (0.0, 0.0)

    def max_annual_change(self, metric: str) -> float | None:
        """Plausible relative change of a level of ``metric`` in one year (0.5: ±50 %)."""
        rule = self.metrics.get(metric)
        return rule.max_change if rule is not None else None


class _NameIndex:
    """Every (name, metric) longest name first, and which of them start with each character:
    a text is only tried against the names whose first character it holds."""

    def __init__(self, names: Mapping[str, tuple[str, ...]]) -> None:
        self.ranked = sorted(
            ((name, metric) for metric, ns in names.items() for name in ns),
            key=lambda nm: (-len(nm[0]), nm[0]),
        )
        by_first: dict[str, list[int]] = {}
        for rank, (name, _) in enumerate(self.ranked):
            if name:
                by_first.setdefault(name[0], []).append(rank)
        self.by_first = by_first
        self.empty = [rank for rank, (name, _) in enumerate(self.ranked) if not name]

    def candidates(self, text: str) -> list[tuple[str, str]]:
        """The (name, metric) pairs that may occur in ``text``, in rank order."""
        ranks = list(self.empty)
        for char in set(text):
            ranks += self.by_first.get(char, ())
        ranks.sort()
        return [self.ranked[r] for r in ranks]


# -- finding and reading files ---------------------------------------------------------------


def default_expectations_dir() -> Path:
    """The shipped expectation files: ``hycheck/expectations`` inside a wheel, else the
    ``expectations/`` directory at the top of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "expectations", here.parent / "expectations"):
        if (candidate / DEFAULTS_FILE).is_file():
            return candidate
    raise ExpectationError(
        str(here / "expectations"),
        "",
        "the shipped expectation files are missing",
        hint="reinstall hycheck",
    )


def load_expectations(*dirs: str | os.PathLike[str], defaults: bool = True) -> Expectations:
    """The shipped defaults, then each directory (or single file) in order over them.

    A later file for a metric merges into the earlier one key by key (a nested mapping such
    as ``range`` merges level by level; a list or a scalar replaces); a later ``defaults.yaml``
    merges into the defaults the same way.  ``defaults=False`` starts from nothing, so the
    first directory must then hold a complete ``defaults.yaml``.
    """
    layers: list[tuple[str, Path]] = []
    if defaults:
        layers.append((SHIPPED_LABEL, default_expectations_dir()))
    layers.extend((Path(d).as_posix(), Path(d)) for d in dirs)

    merged_defaults: dict[str, Any] = {}
    defaults_paths: dict[str, str] = {}
    defaults_file = ""
    merged_metrics: dict[str, dict[str, Any]] = {}
    metric_paths: dict[str, dict[str, str]] = {}
    files: list[str] = []
    for label, path in layers:
        for display, data in _read_layer(label, path):
            files.append(display)
            if "metric" in data:
                metric = data["metric"]
                deep_merge(merged_metrics.setdefault(metric, {}), data)
                _record(metric_paths.setdefault(metric, {}), data, display)
            else:
                deep_merge(merged_defaults, data)
                _record(defaults_paths, data, display)
                defaults_file = display
    if not defaults_file:
        where = layers[0][0] if layers else "(no directory)"
        raise ExpectationError(where, DEFAULTS_FILE, "no defaults file was given")
    metric_sources = {m: Sources(p, p["metric"]) for m, p in metric_paths.items()}
    dsrc = Sources(defaults_paths, defaults_file)
    return _build(merged_defaults, dsrc, merged_metrics, metric_sources, tuple(files))


def _read_layer(label: str, path: Path) -> list[tuple[str, dict[str, Any]]]:
    """(display name, checked mapping) of each file of one layer, defaults file first."""
    if path.is_file():
        files = [path]
        names = [label]
    elif path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        names = [f"{label}/{p.name}" for p in files]
    else:
        raise ExpectationError(label, "", "no such expectations directory or file")
    out: list[tuple[str, dict[str, Any]]] = []
    seen: dict[str, str] = {}
    for display, p in zip(names, files, strict=True):
        raw = parse_yaml(display, p)
        is_defaults = p.name in (DEFAULTS_FILE, "defaults.yml")
        data = check_file(raw, display, DEFAULTS_SPEC if is_defaults else METRIC_SPEC)
        if not is_defaults:
            metric = data["metric"]
            if metric in seen:
                raise ExpectationError(
                    display, "metric", f"metric {metric!r} is also defined in {seen[metric]}"
                )
            seen[metric] = display
        out.append((display, data))
    out.sort(key=lambda item: "metric" in item[1])  # defaults first
    return out


# -- building the typed value ----------------------------------------------------------------


def _rng(raw: Mapping[str, Any] | None, src: Sources, key: str) -> Range:
    raw = raw or {}
    lo, hi = raw.get("min"), raw.get("max")
    if lo is not None and hi is not None and lo > hi:
        raise ExpectationError(src.of(key), key, f"min {lo:g} is above max {hi:g}")
    return Range(lo, hi, src.rule(key))


def _build(
    d: dict[str, Any],
    ds: Sources,
    metrics_raw: dict[str, dict[str, Any]],
    msrc: dict[str, Sources],
    files: tuple[str, ...],
) -> Expectations:
    for key in ("units", "share", "intervals", "dates"):
        if key not in d:
            raise ExpectationError(ds.fallback, key, "missing key in the defaults")
    units: dict[str, UnitRule] = {}
    for unit, u in d["units"].items():
        units[unit] = UnitRule(
            unit=unit,
            relative=u.get("relative", False),
            signed=u.get("signed", False),
            range=_rng(u.get("range"), ds, f"units.{unit}.range"),
            tolerance=_tol(u.get("tolerance")),
            file=ds.of(f"units.{unit}"),
        )
    severity = Severity(d.get("severity", "warning"))
    s = d["share"]
    share = ShareRule(
        cues=tuple(s.get("cues", ())),
        range=_rng(s.get("range"), ds, "share.range"),
        severity=Severity(s.get("severity", "error")),
    )
    iv = d["intervals"]
    intervals = IntervalRules(
        approx=iv.get("approx", 0.05),
        over=iv.get("over", 0.10),
        rounding=iv.get("rounding", True),
        gt_open=iv.get("gt_open", True),
    )
    dates = _dates(d["dates"], ds)

    metrics: dict[str, MetricRule] = {}
    owner: dict[str, str] = {}
    for metric in sorted(metrics_raw):
        m, src = metrics_raw[metric], msrc[metric]
        for key in ("names", "units"):
            if not m.get(key):
                raise ExpectationError(src.of(key), key, f"metric {metric!r} needs {key}")
        for i, unit in enumerate(m["units"]):
            if unit not in units:
                raise ExpectationError(
                    src.of("units"),
                    f"units[{i}]",
                    f"unknown unit {unit!r}",
                    allowed=sorted(units),
                    hint=f"add it under units in {DEFAULTS_FILE} first",
                )
        for name in m["names"]:
            if name in owner and owner[name] != metric:
                other = owner[name]
                raise ExpectationError(
                    src.of("names"),
                    "names",
                    f"name {name!r} also names {other!r} ({msrc[other].of('names')})",
                    hint="a name must point at one metric",
                )
            owner[name] = metric
        raw_range = m.get("range") or {}
        ranges: dict[str, Range] = {}
        if {"min", "max"} & set(raw_range) and set(LEVELS) & set(raw_range):
            raise ExpectationError(
                src.of("range"), "range", "mixes min/max with ranges by level after layering"
            )
        if set(raw_range) <= {"min", "max"}:
            if raw_range:
                ranges[""] = _rng(raw_range, src, "range")
        else:
            for level in LEVELS:
                if level in raw_range:
                    ranges[level] = _rng(raw_range[level], src, f"range.{level}")
        metrics[metric] = MetricRule(
            metric=metric,
            file=src.fallback,
            names=tuple(m["names"]),
            exclude=tuple(m.get("exclude", ())),
            headline=bool(m.get("headline", True)),
            units=tuple(m["units"]),
            ranges=ranges,
            growth=_rng(m["growth"], src, "growth") if "growth" in m else None,
            share=_rng(m["share"], src, "share") if "share" in m else None,
            kinds=tuple(m.get("kinds") or [k.value for k in Kind]),
            tolerance=_tol(m["tolerance"]) if "tolerance" in m else None,
            max_change=(m.get("change") or {}).get("max_rel"),
            severity=Severity(m.get("severity", "error")),
            sources=src,
        )
    return Expectations(
        units=units,
        metrics=metrics,
        share=share,
        interval_rules=intervals,
        dates=dates,
        severity=severity,
        defaults_file=ds.fallback,
        files=files,
        defaults_sources=ds,
        _names={m: r.names for m, r in metrics.items()},
    )


def _tol(raw: Mapping[str, Any] | None) -> tuple[float, float]:
    raw = raw or {}
    return (float(raw.get("rel", 0.0)), float(raw.get("abs", 0.0)))


def _dates(raw: Mapping[str, Any], src: Sources) -> DateRules:
    titles = []
    for i, t in enumerate(raw.get("titles", ())):
        start = (t["from"]["year"], t["from"]["month"])
        end = (t["to"]["year"], t["to"]["month"])
        key = f"dates.titles[{i}]"
        if start > end:
            raise ExpectationError(src.of(key), key, "from is after to")
        also = None
        if "also" in t:
            also = (t["also"]["from"]["year"], t["also"]["from"]["month"],
                    t["also"]["to"]["year"], t["also"]["to"]["month"])  # fmt: skip
            if also[:2] > also[2:]:
                raise ExpectationError(src.of(key), f"{key}.also", "from is after to")
        titles.append(TitleRule(t["cue"], *start, *end, rule=src.rule(key), also=also))
    stale = raw.get("stale") or {}
    return DateRules(
        severity=Severity(raw.get("severity", "error")),
        not_after_stated=tuple(raw.get("not_after_stated", ())),
        not_before_stated=tuple(raw.get("not_before_stated", ())),
        titles=tuple(titles),
        stale_after_days=stale.get("after_days"),
        stale_severity=Severity(stale.get("severity", "info")),
        file=src.of("dates"),
        sources=src,
    )
