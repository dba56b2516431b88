"""Stage 4b: one region's levels of one metric along the years, checked for breaks.

Levels (not growth rates, not targets, not cumulative sums) of one (region, metric, unit) are
ordered by year, one point a year (an actual before an estimate, a later document before an
earlier one).  Each step between neighbouring points is held against:

* the stated growth rates: level_t / level_{t-1} should be near 1 + g.  A year without a stated
  rate takes the rate of the nearest year that has one, with a wider slack; rates are usually
  real while levels are nominal, so even a stated rate leaves room (``growth_slack``);
* a plausible annual change from expectations (``max_annual_change``), compounded over the
  years between the two points.

A step that fits neither is a break.  A series with breaks gives one series_break finding with
every point, the break index pairs and, when an article about that region says why next to the
metric (武烟搬迁导致经济总量大幅下降, 口径调整, 疫情影响), that sentence as ``explanation``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from hycheck.change_cues import (
    BREAK_CUES_STRONG,
    BREAK_CUES_WEAK,
    METRIC_SYNONYMS,
    SENTENCE_ENDS,
)
from hycheck.conflicts import DocOrder
from hycheck.gazetteer import is_identified
from hycheck.intervals import (
    INF,
    CompareRules,
    Interval,
    is_growth,
    is_outcome,
    metric_key,
    strict_interval,
)
from hycheck.model import Article, Code, Figure, Finding, Kind, Severity

__all__ = ["sentences", "series_findings"]

_YEAR = re.compile(r"^\d{4}$")
_NOT_LEVEL_UNITS = frozenset({"percent", "pp", "ratio"})
_SENTENCE = re.compile(f"[^{re.escape(SENTENCE_ENDS)}]+[{re.escape(SENTENCE_ENDS)}]?")
# any cue at all: most sentences hold none and need no counting (literals only: linear time)
_ANY_CUE = re.compile(
    "|".join(map(re.escape, sorted({*BREAK_CUES_STRONG, *BREAK_CUES_WEAK}, key=len, reverse=True)))
)


def series_findings(
    figures: Sequence[Figure],
    articles: Sequence[Article],
    order: DocOrder,
    rules: CompareRules,
) -> list[Finding]:
    """One series_break finding per (region, metric, unit) series that breaks."""
    levels: dict[tuple[str, str, str], dict[int, list[Figure]]] = defaultdict(
        lambda: defaultdict(list)
    )
    growth: dict[tuple[str, str], dict[int, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for f in figures:
        if not is_identified(f.region) or not _YEAR.match(f.period) or not metric_key(f):
            continue
        year = int(f.period)
        if is_growth(f):
            if f.unit == "percent" and f.kind in (Kind.ACTUAL, Kind.ESTIMATE, Kind.TARGET):
                growth[(f.region, metric_key(f))][year].append(f)
        elif is_outcome(f) and f.unit not in _NOT_LEVEL_UNITS:
            levels[(f.region, metric_key(f), f.unit)][year].append(f)
    out = []
    index: CueIndex | None = None
    for (region, key, unit), by_year in sorted(levels.items()):
        if len(by_year) < 2:
            continue
        points = [_pick(by_year[y], order) for y in sorted(by_year)]
        rates = _rates(growth.get((region, key), {}), order)
        breaks = _breaks(points, rates, rules.max_change(points[0].metric), rules)
        if breaks:
            index = index or CueIndex(articles)
            out.append(_finding(region, key, unit, points, breaks, index))
    return out


def _pick(figs: list[Figure], order: DocOrder) -> Figure:
    """The point of one year: an actual before an estimate, then the latest document."""
    return max(figs, key=lambda f: (f.kind == Kind.ACTUAL, order.key(f)))  # first of equals


def _rates(by_year: dict[int, list[Figure]], order: DocOrder) -> dict[int, tuple[float, bool]]:
    """Year → (growth rate in percent, stated as an outcome); targets only where none is."""
    out: dict[int, tuple[float, bool]] = {}
    for year, figs in by_year.items():
        outcomes = [f for f in figs if is_outcome(f)]
        chosen = _pick(outcomes or figs, order)
        out[year] = (chosen.value, bool(outcomes))
    return out


def _factor(year: int, rates: dict[int, tuple[float, bool]], rules: CompareRules) -> Interval:
    """The range of level_year / level_{year-1} the stated growth allows."""
    stated = rates.get(year)
    if stated is not None and stated[1]:
        g, slack = stated[0], rules.growth_slack
    else:
        outcomes = [y for y, (_, is_out) in rates.items() if is_out]
        pool = outcomes or list(rates)
        if not pool:
            return Interval(0.0, INF)
        nearest = min(pool, key=lambda y: (abs(y - year), y))
        g, slack = rates[nearest][0], rules.trend_slack
    return Interval(max(0.0, 1 + g / 100 - slack), 1 + g / 100 + slack)


def _ratio(a: Interval, b: Interval) -> Interval:
    """The range of b / a for positive levels."""
    lo = b.lo / a.hi if math.isfinite(a.hi) and a.hi > 0 else 0.0
    hi = b.hi / a.lo if a.lo > 0 and math.isfinite(b.hi) else INF
    return Interval(max(lo, 0.0), hi)


def _breaks(
    points: list[Figure],
    rates: dict[int, tuple[float, bool]],
    max_change: float,
    rules: CompareRules,
) -> list[list[int]]:
    out = []
    for i in range(len(points) - 1):
        a, b = points[i], points[i + 1]
        if a.value <= 0 or b.value <= 0:
            continue
        if (a.page, a.doc, a.sentence) == (b.page, b.doc, b.sentence):
            continue  # 由90立方米/秒提升到236立方米/秒: the text itself states the change
        ratio = _ratio(strict_interval(a, rules), strict_interval(b, rules))
        years = range(int(a.period) + 1, int(b.period) + 1)
        n = len(years)
        plausible = Interval(
            (1 - max_change) ** n if max_change < 1 else 0.0, (1 + max_change) ** n
        )
        fits = ratio.meets(plausible)
        if fits and rates:
            expected = Interval(1.0, 1.0)
            for year in years:
                step = _factor(year, rates, rules)
                expected = Interval(expected.lo * step.lo, expected.hi * step.hi)
            fits = ratio.meets(expected)
        if not fits:
            out.append([i, i + 1])
    return out


def _finding(
    region: str,
    key: str,
    unit: str,
    points: list[Figure],
    breaks: list[list[int]],
    index: CueIndex,
) -> Finding:
    what = points[0].metric_text or points[0].metric
    path = " → ".join(f"{p.surface} ({p.period})" for p in points)
    where = ", ".join(f"{points[i].period}–{points[j].period}" for i, j in breaks)
    details: dict[str, Any] = {
        "region": region,
        "metric": key,
        "unit": unit,
        "breaks": breaks,
    }
    explanation = explain(region, key, points, index)
    message = f"{region} {what}: {path}: break at {where}"
    if explanation is not None:
        details["explanation"] = explanation
        message += f"; the text says: {explanation['sentence']}"
    return Finding(
        Code.SERIES_BREAK, Severity.WARNING, message, figures=tuple(points), details=details
    )


# -- explanations ----------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, str]]:
    """(start, sentence) pieces of a body, each ending at 。！？； or the end of the text."""
    return [(m.start(), m.group()) for m in _SENTENCE.finditer(text)]


class CueIndex:
    """The sentences of each article that hold a break cue, built once per run."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.by_region: dict[str, list[Article]] = defaultdict(list)
        self.by_doc: dict[tuple[str, int], Article] = {}
        self._pieces: dict[tuple[str, int], list[tuple[int, str]]] = {}
        self._cues: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
        for a in articles:
            self.by_region[a.region].append(a)
            self.by_doc[(a.page, a.doc)] = a

    def cues(self, art: Article) -> tuple[list[tuple[int, str]], list[tuple[int, int, int]]]:
        """(sentences, [(sentence index, strong cues, weak cues)]) of one article."""
        key = (art.page, art.doc)
        if key not in self._pieces:
            pieces = sentences(art.body)
            found = []
            for k, (_, sentence) in enumerate(pieces):
                if _ANY_CUE.search(sentence) is None:
                    continue
                strong = sum(c in sentence for c in BREAK_CUES_STRONG)
                weak = sum(c in sentence for c in BREAK_CUES_WEAK)
                if strong or weak:
                    found.append((k, strong, weak))
            self._pieces[key], self._cues[key] = pieces, found
        return self._pieces[key], self._cues[key]


def explain(
    region: str, key: str, points: Sequence[Figure], index: CueIndex
) -> dict[str, Any] | None:
    """The sentence that best explains a break, from the articles about this region.

    A candidate holds a cue word (搬迁, 口径调整, 下降 …) and mentions the metric, or stands
    next to a sentence that does.  A strong cue (a cause) beats a weak one (a movement).
    """
    names = {p.metric_text for p in points if p.metric_text}
    names |= set(METRIC_SYNONYMS.get(key, ()))
    names.discard("")
    arts = {(a.page, a.doc): a for a in index.by_region.get(region, ())}
    for p in points:
        if (p.page, p.doc) in index.by_doc:
            arts[(p.page, p.doc)] = index.by_doc[(p.page, p.doc)]
    best: tuple[tuple[int, ...], dict[str, Any]] | None = None
    for _, art in sorted(arts.items()):
        pieces, cues = index.cues(art)
        for k, strong, weak in cues:
            itself = _mentions(pieces, k, names)
            if not (itself or _mentions(pieces, k - 1, names) or _mentions(pieces, k + 1, names)):
                continue
            start, sentence = pieces[k]
            rank = (int(strong > 0), int(itself), strong + weak, -art.doc, -start)
            if best is None or rank > best[0]:
                quote = {
                    "page": art.page,
                    "doc": art.doc,
                    "title": art.title,
                    "start": start,
                    "sentence": sentence.strip(),
                }
                best = (rank, quote)
    return None if best is None else best[1]


def _mentions(pieces: list[tuple[int, str]], k: int, names: set[str]) -> bool:
    return 0 <= k < len(pieces) and any(n in pieces[k][1] for n in names)
