"""Stage 4b: figures of several documents that cannot all be true.

``find_conflicts(figures, articles)`` is the umbrella: cross-document findings (this module),
series breaks (``hycheck.series``) and arithmetic inside one article (``hycheck.arithmetic``).

Figures are compared only within one comparable group: the same region, the same metric (the
canonical key, or the normalised metric text for "other"), the same unit, the same period, and
levels with levels, growth rates with growth rates.  Each figure is an interval
(``hycheck.intervals``); two figures disagree when their intervals do not meet.  Kinds are
compared as an analyst compares them:

* estimate and actual (or two estimates): revision, info, warning when large;
* target and outcome (actual or estimate, from a document not older than the target):
  target_met or target_missed; a target for 2016-2020 is also held against the 2020 outcome;
* actual and actual (or cumulative and cumulative): conflict, an error;
* the same metric stated for no period against a dated one, many times apart (the more so
  against a part of a year, which a larger undated year's figure may well be): scale_mismatch.

Groups are formed by hashing, so the work grows with the group sizes, not with all pairs.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from itertools import combinations
from typing import Any

from hycheck._gc import paused
from hycheck.gazetteer import is_identified
from hycheck.intervals import (
    CompareRules,
    RuleSource,
    coerce_rules,
    is_growth,
    is_outcome,
    metric_key,
    reading_interval,
    strict_interval,
)
from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity
from hycheck.periods import is_part_of_year, period_bounds

__all__ = ["DocOrder", "cross_document_findings", "figure_order", "find_conflicts"]

_SPAN = re.compile(r"^(\d{4})-(\d{4})$")
_NO_SCALE_UNITS = frozenset({"percent", "pp", "ratio"})


def find_conflicts(
    figures: Iterable[Figure],
    articles: Iterable[Article] = (),
    *,
    expectations: RuleSource | CompareRules | None = None,
) -> list[Finding]:
    """Every cross-document, series and arithmetic finding, sorted; independent of input order.

    ``articles`` give document dates (which statement is earlier) and the text searched for a
    sentence that explains a series break; without them, figures are ordered by page and doc.
    """
    with paused():  # see hycheck._gc: millions of small objects, no cycles
        return _find_conflicts(figures, articles, expectations)


def _find_conflicts(
    figures: Iterable[Figure],
    articles: Iterable[Article],
    expectations: RuleSource | CompareRules | None,
) -> list[Finding]:
    from hycheck.arithmetic import arithmetic_findings
    from hycheck.series import series_findings

    rules = coerce_rules(expectations)
    # a value that is not a finite number is validation's bad_figure, not a comparison's
    figs = _dedupe(
        f for f in figures if math.isfinite(f.value) and (f.upper is None or math.isfinite(f.upper))
    )
    arts = sorted({(a.page, a.doc): a for a in articles}.values(), key=lambda a: (a.page, a.doc))
    order = DocOrder(arts)
    out = cross_document_findings(figs, order, rules)
    out += series_findings(figs, arts, order, rules)
    out += arithmetic_findings(figs, arts, rules)
    return sorted(out, key=Finding.sort_key)


def figure_order(f: Figure) -> tuple[Any, ...]:
    """A total order of figures, so that results never depend on the order of the input."""
    return (
        f.page,
        f.doc,
        f.start,
        f.end,
        f.surface,
        f.value,
        f.unit,
        f.metric,
        f.metric_text,
        f.period,
        str(f.kind),
        str(f.bound),
        f.growth_of or "",
        f.region,
    )


def _dedupe(figures: Iterable[Figure]) -> list[Figure]:
    return sorted(set(figures), key=figure_order)


class DocOrder:
    """When each document was written: the date its text states (a report's delivery date).

    The listing date is not used: a listing shows old reports under recent dates.  A document
    of no stated date sorts after every dated one, then by page and doc.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        self._dates: dict[tuple[str, int], date] = {}
        for a in articles:
            if a.stated is not None:
                self._dates[(a.page, a.doc)] = a.stated

    def known_before(self, a: Figure, b: Figure) -> bool:
        """Whether both documents state a date and ``a``'s is earlier."""
        da, db = self._dates.get((a.page, a.doc)), self._dates.get((b.page, b.doc))
        return da is not None and db is not None and da < db

    def key(self, f: Figure) -> tuple[date, str, int]:
        return (self._dates.get((f.page, f.doc), date.max), f.page, f.doc)

    def earlier(self, a: Figure, b: Figure) -> tuple[Figure, Figure]:
        """The two figures, the one from the earlier document first."""
        if (self.key(a), figure_order(a)) <= (self.key(b), figure_order(b)):
            return a, b
        return b, a


# -- cross-document --------------------------------------------------------------------------


def cross_document_findings(
    figures: list[Figure], order: DocOrder, rules: CompareRules
) -> list[Finding]:
    """conflict / revision / target_met / target_missed / scale_mismatch over sorted figures."""
    groups: dict[tuple[str, str, str, str, bool], list[Figure]] = defaultdict(list)
    undated: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    dated: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        measure = metric_key(f) if is_identified(f.region) else ""
        if not measure:
            continue  # a figure of no known place or metric is compared with nothing
        growth = is_growth(f)
        if f.period != "unknown":
            # comparable: same region, metric, unit and period; levels apart from rates
            groups[(f.region, measure, f.unit, f.period, growth)].append(f)
            span = _SPAN.match(f.period)
            if span and f.kind == Kind.TARGET and not growth:
                # 十三五 target vs 2020 outcome
                groups[(f.region, measure, f.unit, span.group(2), growth)].append(f)
        if not growth and is_outcome(f) and f.unit not in _NO_SCALE_UNITS:
            scale = (f.region, measure, f.unit)
            (undated if f.period == "unknown" else dated)[scale].append(f)
    out: list[Finding] = []
    for members in groups.values():
        reps = _statements(members, order)
        for x, y in _candidate_pairs(reps, rules):
            out += _compare_pair(*order.earlier(x, y), order, rules)
    for key, unknown in undated.items():
        known = _statements(dated.get(key, []), order)
        if not known:
            continue
        # the lowest and highest of the whole years and of the parts of a year apart: a part
        # is held to a wider gap, so the farthest of one kind may pass where the other fails
        ends = []
        for kind in (False, True):
            of_kind = [f for f in known if is_part_of_year(f.period) is kind]
            if of_kind:
                ends += [min(of_kind, key=lambda f: f.value), max(of_kind, key=lambda f: f.value)]
        for x in _statements(unknown, order):
            found = [_scale_pair(*order.earlier(x, y), rules) for y in ends]
            worst = max(found, key=lambda f: f[0].details["factor"] if f else 0.0)
            out += worst
    return out


def _apart(x: Figure, y: Figure) -> float:
    """How many times apart two positive values are (0 when either is not positive)."""
    if x.value <= 0 or y.value <= 0:
        return 0.0
    return max(x.value, y.value) / min(x.value, y.value)


MAX_ALL_PAIRS = 64  # a group with more distinct statements is compared with its neighbours only


def _statements(members: list[Figure], order: DocOrder) -> list[Figure]:
    """One figure per distinct statement of a group (the earliest document's): a thousand
    pages repeating 948亿元 are compared once, not a million times.  Keeps the input order."""
    first: dict[tuple[Any, ...], tuple[tuple[date, str, int], int, Figure]] = {}
    for i, f in enumerate(members):
        key = (f.value, f.upper, f.bound, f.kind, f.unit, f.surface)
        when = order.key(f)
        if key not in first or when < first[key][0]:
            first[key] = (when, i, f)
    return [f for _, _, f in sorted(first.values(), key=lambda t: t[1])]


def _candidate_pairs(reps: list[Figure], rules: CompareRules) -> list[tuple[Figure, Figure]]:
    """Every pair of a small group.  A large one (a statement repeated with many values) is
    compared with its first statement (the earliest document's) and with the two ends of the
    range of values, so a contradiction is found at most a few times per statement, never
    missed (neighbours in value order may all meet while the ends do not)."""
    if len(reps) <= MAX_ALL_PAIRS:
        return list(combinations(reps, 2))
    lowest = min(reps, key=lambda f: strict_interval(f, rules).hi)
    highest = max(reps, key=lambda f: strict_interval(f, rules).lo)
    anchors = list(dict.fromkeys((reps[0], lowest, highest)))
    pairs: dict[tuple[int, ...], tuple[Figure, Figure]] = {}
    for anchor in anchors:
        for other in reps:
            if other is not anchor:
                key = tuple(sorted((id(anchor), id(other))))
                pairs.setdefault(key, (anchor, other))
    return list(pairs.values())


def _compare_pair(a: Figure, b: Figure, order: DocOrder, rules: CompareRules) -> list[Finding]:
    kinds = {a.kind, b.kind}
    if Kind.TARGET in kinds:
        if kinds == {Kind.TARGET} or Kind.CUMULATIVE in kinds:
            return []
        target, outcome = (a, b) if a.kind == Kind.TARGET else (b, a)
        if order.known_before(outcome, target):
            return []  # an outcome stated before the target was set does not test it
        return _target_pair(target, outcome, rules)
    if (Kind.CUMULATIVE in kinds) and kinds != {Kind.CUMULATIVE}:
        return []
    if (a.page, a.doc) == (b.page, b.doc):
        # inside one article two values of one metric are parts or other subjects (全区 …;
        # 其中碧江高新区 …), not a contradiction; its arithmetic is checked on its own
        return []
    ia, ib = strict_interval(a, rules), strict_interval(b, rules)
    rel, abs_ = rules.tolerance(b.metric, b.unit)
    if ia.meets(ib, rel, abs_):
        return []
    gap = ia.gap(ib)
    details = _pair_details(ia.as_list(), ib.as_list(), gap)
    what = _what(a, b)
    if Kind.ESTIMATE in kinds:
        severity = Severity.WARNING if gap > rules.revision_warn else Severity.INFO
        message = f"{what} {b.period}: {a.surface} revised to {b.surface} ({gap:.1%} apart)"
        return [Finding(Code.REVISION, severity, message, figures=(a, b), details=details)]
    message = f"{what} {b.period}: {a.surface} and {b.surface} cannot both hold ({gap:.1%} apart)"
    return [Finding(Code.CONFLICT, Severity.ERROR, message, figures=(a, b), details=details)]


def _target_pair(target: Figure, outcome: Figure, rules: CompareRules) -> list[Finding]:
    it, io = strict_interval(target, rules), strict_interval(outcome, rules)
    rel, abs_ = rules.tolerance(target.metric, target.unit)
    loose = io.widen(rel, abs_)  # an outcome misses only beyond the tolerance
    if target.bound in (Bound.LT, Bound.LE):  # 控制在…以内: a ceiling, not a floor
        met, missed = io.hi <= it.hi, loose.lo > it.hi
    else:
        met, missed = io.lo >= it.lo, loose.hi < it.lo
    if not met and not missed:
        return []  # the outcome is too loosely stated to tell
    gap = it.gap(io)
    details = _pair_details(it.as_list(), io.as_list(), gap)
    what = _what(target, outcome)
    if met:
        message = f"{what} {outcome.period}: target {target.surface} met ({outcome.surface})"
        return [
            Finding(
                Code.TARGET_MET, Severity.INFO, message, figures=(target, outcome), details=details
            )
        ]
    message = f"{what} {outcome.period}: target {target.surface} missed ({outcome.surface})"
    return [
        Finding(
            Code.TARGET_MISSED,
            Severity.WARNING,
            message,
            figures=(target, outcome),
            details=details,
        )
    ]


def _scale_pair(a: Figure, b: Figure, rules: CompareRules) -> list[Finding]:
    """The same metric of the same place, one statement dated and one not, far apart.  When
    the dated one is of a part of a year (国庆假期 2016M10, 1-9月), the undated one may be the
    year's: the gap must be wider by as many times as the part fits in a year (12 for a month,
    4 for a quarter), either way (an undated figure need not be the year's either)."""
    ra, rb = reading_interval(a, rules), reading_interval(b, rules)
    factor = _apart(a, b)
    dated = b if a.period == "unknown" else a
    if ra.meets(rb) or factor < rules.scale_factor * _parts_in_a_year(dated.period):
        return []
    details = _pair_details(ra.as_list(), rb.as_list(), ra.gap(rb))
    details["factor"] = factor
    message = (
        f"{_what(a, b)}: {a.surface} ({a.period}) and {b.surface} ({b.period}) "
        f"are {factor:.1f} times apart"
    )
    return [
        Finding(Code.SCALE_MISMATCH, Severity.WARNING, message, figures=(a, b), details=details)
    ]


def _parts_in_a_year(period: str) -> float:
    """How many times a part of a year fits in it (12 for 2016M10, 4 for 2024Q3, 4/3 for
    1-9月); 1 for a year or more."""
    if not is_part_of_year(period):
        return 1.0
    bounds = period_bounds(period)
    if bounds is None:
        return 1.0
    days = (bounds[1] - bounds[0]).days + 1
    return max(1.0, 365.0 / days)


def _pair_details(a: list[float | None], b: list[float | None], gap: float) -> dict[str, Any]:
    return {"a_interval": a, "b_interval": b, "gap": gap}


def _what(*figs: Figure) -> str:
    """Region and the shortest metric text of the figures (extracted texts can run long)."""
    texts = [f.metric_text for f in figs if f.metric_text] or [figs[0].metric]
    return f"{figs[0].region} {min(texts, key=lambda t: (len(t), t))}".strip()


def by_article(figures: Iterable[Figure]) -> Mapping[tuple[str, int], list[Figure]]:
    """Figures grouped by (page, doc), each list in the order given (``figure_order``)."""
    out: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for f in figures:
        out[(f.page, f.doc)].append(f)
    return out
