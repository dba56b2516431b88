"""Stage 4b: stated figures inside one article that cannot all hold.

Four relations, each checked only where the text links its figures (conservative: a false
error on real text is worse than a miss):

* daily_total: a daily average (日均签约金额超过2亿元) times the days of its period (2022Q1 has
  90 calendar days) against the total of the same sentence (投资总金额超200亿元);
* share: a share (占比超过五成) against the two counts of its sentence (12个项目中…7席);
* multiple: a multiple (是…的2.6倍) against the two levels of its sentence (由90立方米/秒提升到
  236立方米/秒);
* parts: the parts of a total (第一、二、三产业增加值) against the total (地区生产总值) of the same
  article and period.

A relation that the guaranteed intervals break is an error; one that only the usual reading
breaks (超200亿元 read as 200亿 to 300亿) is a warning.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from hycheck.change_cues import DAILY_CUES, PART_RULES, SHARE_CUES
from hycheck.conflicts import by_article
from hycheck.intervals import (
    CompareRules,
    Interval,
    is_growth,
    norm_metric_text,
    reading_interval,
    strict_interval,
)
from hycheck.model import Article, Code, Figure, Finding, Severity
from hycheck.periods import period_days
from hycheck.series import sentences

__all__ = ["arithmetic_findings"]

_COUNT_UNITS = frozenset({"item", "household", "person", "person_time"})
_RATIO_FREE = frozenset({"percent", "pp", "ratio"})


def arithmetic_findings(
    figures: Sequence[Figure], articles: Sequence[Article], rules: CompareRules
) -> list[Finding]:
    """arithmetic_mismatch findings of every article."""
    keys = {(f.page, f.doc) for f in figures if _may_relate(f)}
    bodies = {(a.page, a.doc): a.body for a in articles if (a.page, a.doc) in keys}
    out: list[Finding] = []
    for key, figs in by_article(f for f in figures if (f.page, f.doc) in keys).items():
        groups = _by_sentence(figs, bodies.get(key, ""))
        for sentence_figs in groups:
            out += _daily_total(sentence_figs, rules)
            out += _share(sentence_figs, rules)
            out += _multiple(sentence_figs, rules)
        out += _parts(figs, rules)
    return out


def _may_relate(f: Figure) -> bool:
    """Whether a figure can start a relation: a daily average, a share, a multiple, a total."""
    text = f.metric_text
    return (
        f.unit == "ratio"
        or any(c in text for c in DAILY_CUES)
        or (f.unit == "percent" and any(c in text for c in SHARE_CUES))
        or any(f.metric == total or total in text for total, _ in PART_RULES)
    )


def _by_sentence(figs: list[Figure], body: str) -> list[list[Figure]]:
    """The article's figures grouped by sentence, each group in text order."""
    groups: dict[Any, list[Figure]] = defaultdict(list)
    spans = sentences(body) if body else []
    starts = [s for s, _ in spans]
    for f in figs:
        if spans and body[f.start : f.end] == f.surface:
            groups[("body", max(0, bisect.bisect_right(starts, f.start) - 1))].append(f)
        elif f.sentence:
            groups[("sentence", f.sentence)].append(f)
    return list(groups.values())  # figures come in text order, so do the groups


def _mismatch(
    relation: str,
    figs: Sequence[Figure],
    expected: Interval,
    expected_reading: Interval,
    stated: Interval,
    stated_reading: Interval,
    rules: CompareRules,
    what: str,
) -> list[Finding]:
    """A finding when the expected interval misses the stated one (error), or its reading."""
    rel, abs_ = rules.tolerance(figs[-1].metric, figs[-1].unit)
    if not expected.meets(stated, rel, abs_):
        severity = Severity.ERROR
    elif not expected_reading.meets(stated_reading, rel, abs_):
        severity = Severity.WARNING
    else:
        return []
    details = {
        "relation": relation,
        "expected": expected_reading.as_list(),
        "stated": stated_reading.as_list(),
    }
    surfaces = ", ".join(f.surface for f in figs)
    message = f"{relation}: {surfaces}: {what}"
    return [
        Finding(Code.ARITHMETIC_MISMATCH, severity, message, figures=tuple(figs), details=details)
    ]


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _daily_total(figs: list[Figure], rules: CompareRules) -> list[Finding]:
    out = []
    for k, d in enumerate(figs):
        if is_growth(d) or not any(c in d.metric_text for c in DAILY_CUES):
            continue
        days = period_days(d.period)
        if days is None:
            continue
        core = norm_metric_text(d.metric_text, d.region)
        for cue in DAILY_CUES:
            core = core.replace(cue, "")
        totals = [
            t
            for t in figs[:k]
            if t.unit == d.unit
            and t.period == d.period
            and not is_growth(t)
            and not any(c in t.metric_text for c in DAILY_CUES)
            and _bigrams(core) & _bigrams(norm_metric_text(t.metric_text, t.region))
        ]
        if not totals:
            continue
        t = totals[-1]  # the nearest total before the daily figure
        what = f"{d.surface} a day for {days} days against {t.surface}"
        out += _mismatch(
            "daily_total",
            [t, d],
            strict_interval(d, rules).scale(days),
            reading_interval(d, rules).scale(days),
            strict_interval(t, rules),
            reading_interval(t, rules),
            rules,
            what,
        )
    return out


def _share(figs: list[Figure], rules: CompareRules) -> list[Finding]:
    shares = [
        f
        for f in figs
        if f.unit == "percent" and not is_growth(f) and any(c in f.metric_text for c in SHARE_CUES)
    ]
    counts = [f for f in figs if f.unit in _COUNT_UNITS and not is_growth(f) and f.upper is None]
    if len(shares) != 1 or len(counts) != 2 or counts[0].unit != counts[1].unit:
        return []
    s = shares[0]
    whole, part = sorted(counts, key=lambda f: -f.value)
    if not 0 < part.value < whole.value:
        return []
    ratio = Interval(part.value / whole.value * 100, part.value / whole.value * 100)
    what = f"{part.surface} of {whole.surface} is {ratio.lo:.1f}%"
    return _mismatch(
        "share",
        [whole, part, s],
        ratio,
        ratio,
        strict_interval(s, rules),
        reading_interval(s, rules),
        rules,
        what,
    )


def _multiple(figs: list[Figure], rules: CompareRules) -> list[Finding]:
    ratios = [f for f in figs if f.unit == "ratio" and f.value > 1 and f.upper is None]
    if len(ratios) != 1:
        return []
    r = ratios[0]
    levels = [
        f
        for f in figs
        if f.start < r.start and f.unit not in _RATIO_FREE and not is_growth(f) and f.value > 0
    ]
    if len(levels) != 2 or levels[0].unit != levels[1].unit:
        return []
    small, big = sorted(levels, key=lambda f: f.value)
    si, bi = strict_interval(small, rules), strict_interval(big, rules)
    expected = Interval(bi.lo / si.hi, bi.hi / si.lo) if si.lo > 0 else Interval(0.0, float("inf"))
    what = f"{big.surface} / {small.surface} = {big.value / small.value:.2f}"
    stated = strict_interval(r, rules)
    return _mismatch("multiple", [*levels, r], expected, expected, stated, stated, rules, what)


def _parts(figs: list[Figure], rules: CompareRules) -> list[Finding]:
    out = []
    levels = [f for f in figs if not is_growth(f) and f.unit not in _RATIO_FREE]
    for total_key, part_names in PART_RULES:
        for total in levels:
            if total.metric != total_key and total_key not in total.metric_text:
                continue
            parts = []
            for name in part_names:
                found = [
                    f
                    for f in levels
                    if f is not total
                    and f.period == total.period
                    and f.unit == total.unit
                    and norm_metric_text(f.metric_text, f.region).endswith(name)
                ]
                if len(found) != 1:
                    break
                parts.append(found[0])
            else:
                strict = _sum([strict_interval(p, rules) for p in parts])
                reading = _sum([reading_interval(p, rules) for p in parts])
                what = f"the parts add up to {sum(p.value for p in parts):g}, total {total.surface}"
                out += _mismatch(
                    "parts",
                    [*parts, total],
                    strict,
                    reading,
                    strict_interval(total, rules),
                    reading_interval(total, rules),
                    rules,
                    what,
                )
    return out


def _sum(intervals: list[Interval]) -> Interval:
    total = intervals[0]
    for i in intervals[1:]:
        total = total + i
    return total
