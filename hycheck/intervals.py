"""What a stated figure allows: intervals, comparison rules and comparable keys.

Shared by the change stages (``diff``, ``conflicts``, ``series``, ``arithmetic``).

A figure stands for an interval of true values, from its bound and the rounding of its text:

>>> from hycheck.model import Bound, Figure
>>> def fig(surface, value, bound=Bound.EQ):
...     return Figure("p", 0, "t", 0, len(surface), surface, value, "CNY", bound=bound)
>>> strict_interval(fig("948亿元", 948e8)).as_list()
[94750000000.0, 94850000000.0]
>>> strict_interval(fig("突破千亿元", 1e11, Bound.GT)).as_list()
[100000000000.0, None]
>>> strict_interval(fig("8800余户", 8800, Bound.APPROX)).as_list()
[8800.0, 9680.0]

``strict_interval`` is what the words guarantee (突破千亿 is any amount above 1000亿).
``reading_interval`` is how a reader takes them: writers round a lower bound down to its last
stated digit, so 超200亿元 reads as 200亿 to 300亿 and 超过五成 as 50% to 60%.  A finding that
only the reading contradicts is never an error.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from hycheck.change_cues import (
    CHANGE_OPENERS,
    GENERIC_METRIC_TEXTS,
    NEUTRAL_SUFFIXES,
    OVER_CUES,
    OWNER_PREFIXES,
)
from hycheck.model import Bound, Figure, Kind

INF = math.inf


class RuleSource(Protocol):
    """What the change stages read from expectations (``Expectations`` has it)."""

    def tolerance(self, metric: str, unit: str) -> tuple[float, float]: ...

    def max_annual_change(self, metric: str) -> float | None: ...


@dataclass(frozen=True, slots=True)
class CompareRules:
    """Tolerances and interval rules of the change stages.

    The defaults stand until the expectation files give them (``rules_from_expectations``).
    ``source`` is the ``Expectations`` object per-metric values are read from, if any.
    """

    rel_tol: float = 0.001  # two numbers count as equal within this relative difference
    abs_tol: float = 0.0
    approx: float = 0.05  # 约 / 近 / 左右: this fraction either side
    over: float = 0.10  # 8800余户: up to this fraction above (or the last stated digit)
    rounding: bool = True  # 948亿元 stands for 947.5 to 948.5亿
    gt_open: bool = True  # 突破千亿 excludes 1000亿 itself
    max_annual_change: float = 0.5  # plausible relative change of a level in one year
    growth_slack: float = 0.10  # level ratio vs 1 + stated growth (real vs nominal, rounding)
    trend_slack: float = 0.20  # the same for a year whose growth is not stated
    revision_warn: float = 0.05  # a revision larger than this (relative) is a warning
    scale_factor: float = 3.0  # same metric, values this many times apart: scale_mismatch
    tolerances: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    annual_changes: Mapping[str, float] = field(default_factory=dict)
    source: RuleSource | None = None

    def tolerance(self, metric: str, unit: str) -> tuple[float, float]:
        """(rel, abs) under which two figures of this metric and unit count as equal."""
        if self.source is not None:
            try:
                rel, abs_ = self.source.tolerance(metric, unit)
                return float(rel), float(abs_)
            except (KeyError, LookupError):
                pass
        return self.tolerances.get(metric, (self.rel_tol, self.abs_tol))

    def max_change(self, metric: str) -> float:
        """Plausible relative change of a level of this metric in one year."""
        if self.source is not None:
            value = self.source.max_annual_change(metric)
            if value is not None:
                return float(value)
        return self.annual_changes.get(metric, self.max_annual_change)


DEFAULT_RULES = CompareRules()


def rules_from_expectations(
    expectations: RuleSource | None = None, **overrides: Any
) -> CompareRules:
    """The comparison rules of an ``Expectations`` object (defaults when ``None``).

    Reads ``expectations.interval_rules`` (``approx``, ``over``, ``rounding``, ``gt_open``,
    when present) and keeps the object for its per-metric ``tolerance`` and
    ``max_annual_change``.  Keyword overrides win over both.
    """
    values: dict[str, Any] = {}
    if expectations is not None:
        values["source"] = expectations
        interval_rules = getattr(expectations, "interval_rules", None)
        for name in ("approx", "over", "rounding", "gt_open"):
            if interval_rules is not None and hasattr(interval_rules, name):
                values[name] = getattr(interval_rules, name)
    values.update(overrides)
    return CompareRules(**values)


def coerce_rules(expectations: RuleSource | CompareRules | None) -> CompareRules:
    """``CompareRules`` as given, built from an ``Expectations`` object, or the defaults."""
    if isinstance(expectations, CompareRules):
        return expectations
    return rules_from_expectations(expectations)


# -- intervals -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of real numbers between ``lo`` and ``hi`` (infinite for an open end)."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def widen(self, rel: float, abs_: float) -> Interval:
        """The interval grown by ``abs_ + rel·|end|`` at each finite end."""
        lo = self.lo - (abs_ + rel * abs(self.lo)) if math.isfinite(self.lo) else self.lo
        hi = self.hi + (abs_ + rel * abs(self.hi)) if math.isfinite(self.hi) else self.hi
        return Interval(lo, hi, self.lo_open, self.hi_open)

    def meets(self, other: Interval, rel: float = 0.0, abs_: float = 0.0) -> bool:
        """Whether the two intervals share a value once each is widened by the tolerance."""
        a, b = self.widen(rel, abs_), other.widen(rel, abs_)
        return _le(a.lo, a.lo_open, b.hi, b.hi_open) and _le(b.lo, b.lo_open, a.hi, a.hi_open)

    def contains(self, value: float, rel: float = 0.0, abs_: float = 0.0) -> bool:
        return self.meets(Interval(value, value), rel, abs_)

    def gap(self, other: Interval) -> float:
        """Relative distance between two disjoint intervals (0 when they meet)."""
        if self.hi < other.lo:
            low, high = self.hi, other.lo
        elif other.hi < self.lo:
            low, high = other.hi, self.lo
        else:
            return 0.0
        scale = max(abs(low), abs(high))
        return (high - low) / scale if scale else 0.0

    def scale(self, factor: float) -> Interval:
        """The interval multiplied by a positive factor."""
        return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.lo + other.lo,
            self.hi + other.hi,
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def as_list(self) -> list[float | None]:
        """``[lo, hi]`` for JSON, ``None`` for an infinite end."""
        return [float(x) if math.isfinite(x) else None for x in (self.lo, self.hi)]


def _le(lo: float, lo_open: bool, hi: float, hi_open: bool) -> bool:
    return lo < hi or (lo == hi and not lo_open and not hi_open)


_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def digit_steps(fig: Figure) -> tuple[float, float]:
    """(last stated digit, last non-zero digit) of the figure's number, in base units.

    >>> from hycheck.model import Figure
    >>> digit_steps(Figure("p", 0, "t", 0, 7, "1.65万人", 16500.0, "person"))
    (100.0, 100.0)
    >>> digit_steps(Figure("p", 0, "t", 0, 6, "8800余户", 8800.0, "household"))
    (1.0, 100.0)
    >>> digit_steps(Figure("p", 0, "t", 0, 5, "20。9%", 20.9, "percent"))  # a converter's stop
    (0.1, 0.1)
    """
    # (12。41亿元: a converter's full stop that extraction read as the decimal point)
    surface = unicodedata.normalize("NFKC", fig.surface).replace("。", ".")
    numbers = _NUMBER.findall(surface)
    value = abs(fig.value)
    if not numbers or value == 0:
        place = 10.0 ** math.floor(math.log10(value)) if value else 1.0
        return place, place
    text = numbers[-1]  # for a range (10-20亿元) the upper end, which ``upper`` holds
    number = float(text)
    if number == 0:
        return 1.0, 1.0
    stated = abs(fig.upper) if fig.upper is not None and fig.upper else value
    mult = 10.0 ** round(math.log10(stated / number))
    decimals = len(text.split(".")[1]) if "." in text else 0
    last = 10.0**-decimals * mult
    digits = text.replace(".", "").rstrip("0")
    trailing = len(text.replace(".", "")) - len(digits) if digits else 0
    nonzero = last * 10.0**trailing
    return last, nonzero


def strict_interval(fig: Figure, rules: CompareRules = DEFAULT_RULES) -> Interval:
    """The values the figure's words guarantee (see the module docstring)."""
    v = fig.value
    last, nonzero = digit_steps(fig)
    half = last / 2 if rules.rounding else 0.0
    if fig.upper is not None:
        return Interval(min(v, fig.upper) - half, max(v, fig.upper) + half)
    if fig.bound == Bound.EQ:
        return Interval(v - half, v + half)
    if fig.bound == Bound.APPROX:
        if any(cue in fig.surface for cue in OVER_CUES):
            return Interval(v, v + max(abs(v) * rules.over, nonzero))
        spread = max(abs(v) * rules.approx, half)
        return Interval(v - spread, v + spread)
    if fig.bound == Bound.GT:
        return Interval(v, INF, lo_open=rules.gt_open)
    if fig.bound == Bound.GE:
        return Interval(v, INF)
    if fig.bound == Bound.LT:
        return Interval(-INF, v, hi_open=True)
    return Interval(-INF, v)  # LE


def reading_interval(fig: Figure, rules: CompareRules = DEFAULT_RULES) -> Interval:
    """How a reader takes the figure: a bound stops at the next step of its last digit."""
    strict = strict_interval(fig, rules)
    if fig.upper is not None:
        return strict
    _, nonzero = digit_steps(fig)
    v = fig.value
    if fig.bound in (Bound.GT, Bound.GE):
        return Interval(strict.lo, v + nonzero, strict.lo_open, True)
    if fig.bound in (Bound.LT, Bound.LE):
        return Interval(v - nonzero, strict.hi, True, strict.hi_open)
    return strict


# -- what is comparable ----------------------------------------------------------------------


def _noise_class() -> re.Pattern[str]:
    """Punctuation, separators and control characters of the BMP, as one character class."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        char = chr(code)
        if unicodedata.category(char) in _NOISE_CATEGORIES and char not in _KEPT:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{body}]+")


_NOISE_CATEGORIES = frozenset(
    ("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Zl", "Zp", "Cc", "Cf")
)
_KEPT = frozenset("%‰./")  # punctuation that is part of a number or unit (7%, 立方米/秒)
_NOISE = _noise_class()


def norm_text(text: str) -> str:
    """NFKC, without whitespace and punctuation: the form two scrapes agree on.

    >>> norm_text("地区生产总值 948亿元，增长7％")
    '地区生产总值948亿元增长7%'
    """
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def region_short(region: str) -> str:
    from hycheck.gazetteer import short_name

    return short_name(region)


@functools.lru_cache(maxsize=65536)
def norm_label(text: str) -> str:
    """``norm_text`` of a short label (a metric text, a region), cached: labels repeat."""
    return norm_text(text)


_DIGIT_RUN = re.compile(r"[0-9.]+")


def masked_text(text: str) -> str:
    """``norm_text`` with each run of digits as ``#``: text around a number, the number aside.

    >>> masked_text("预计全年实现地区生产总值９４８亿元，增长7%")
    '预计全年实现地区生产总值#亿元增长#%'
    """
    return _DIGIT_RUN.sub("#", norm_text(text))


@functools.lru_cache(maxsize=65536)
def norm_metric_text(text: str, region: str = "") -> str:
    """The metric text without owner and neutral words: 汉阳区大健康产业规模 → 大健康产业.

    >>> norm_metric_text("汉阳区大健康产业规模预计", "汉阳区"), norm_metric_text("大健康产业迈上")
    ('大健康产业', '大健康产业')
    """
    text = norm_text(text)
    owners = [region, region_short(region), *OWNER_PREFIXES] if region else list(OWNER_PREFIXES)
    for owner in sorted({o for o in owners if o}, key=len, reverse=True):
        if text.startswith(owner) and len(text) > len(owner):
            text = text[len(owner) :]
            break
    stripped = True
    while stripped:  # 大健康产业规模预计 → 大健康产业规模 → 大健康产业
        stripped = False
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text = text[: -len(suffix)]
                stripped = True
                break
    return text


_SUFFIXES = sorted(NEUTRAL_SUFFIXES, key=len, reverse=True)


MIN_METRIC_TEXT = 2  # an "other" metric text shorter than this names nothing comparable


def metric_key(fig: Figure) -> str:
    """What a figure measures, as a key to compare by; "" when it names nothing comparable.

    The canonical key, or "other:" and the normalised metric text; for a growth rate, the key
    of what grew (its canonical key, or the normalised ``growth_of``).
    """
    if fig.metric and fig.metric != "other":
        return fig.metric
    text = fig.growth_of if fig.growth_of is not None else fig.metric_text
    norm = norm_metric_text(text, fig.region)
    if len(norm) < MIN_METRIC_TEXT or norm in _GENERIC or norm.startswith(CHANGE_OPENERS):
        return ""  # 项目, 企业; 同期增加106个: no measure of its own to compare
    return "other:" + norm


_GENERIC = frozenset(GENERIC_METRIC_TEXTS)


def is_growth(fig: Figure) -> bool:
    return fig.growth_of is not None


def is_outcome(fig: Figure) -> bool:
    """A statement of what happened (or is estimated to have happened), not a plan."""
    return fig.kind in (Kind.ACTUAL, Kind.ESTIMATE)
