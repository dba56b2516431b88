"""The wording of validation findings: one sentence naming the value, its unit, what was
allowed and the rule ("948万亿元 = 9.48e14 CNY is above the district maximum 5e12 for gdp
(expectations/gdp.yaml:range.district)"), and the structured details beside it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from hycheck.expectations import Expectations
from hycheck.model import Article, Code, Figure
from hycheck.numbers import parse_cn_int
from hycheck.periods import PERIOD_FORMS
from hycheck.schemas import Rule


def fmt_number(value: float | None) -> str:
    """A short readable number: 9.48e14, 5e12, 16500, 910.2, -50.

    >>> fmt_number(9.48e14), fmt_number(5e12), fmt_number(16500.0), fmt_number(910.2)
    ('9.48e14', '5e12', '16500', '910.2')
    """
    if value is None or not math.isfinite(value):
        return str(value)
    if value != 0 and (abs(value) >= 1e6 or abs(value) < 1e-3):
        mantissa, exponent = f"{value:.6e}".split("e")
        return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"
    return f"{value:.6g}"


def _stated_text(article: Article | None) -> str:
    return article.stated.isoformat() if article and article.stated else "?"


def figure_message(rule: Rule, fig: Figure, article: Article | None) -> str:
    """One sentence naming the value, its unit and what was allowed, then the rule."""
    seen = f"{fig.surface} = {fmt_number(fig.value)} {fig.unit}"
    where = f" ({rule.name})"
    check = rule.check
    if rule.code is Code.OUT_OF_RANGE and rule.range is not None:
        rng, v = rule.range, fig.value
        above = rng.max is not None and v > rng.max
        side, bound = ("above", "maximum") if above else ("below", "minimum")
        limit = fmt_number(rng.max if above else rng.min)
        if not rule.metric and not rule.specific:  # a per-unit default
            return f"{seen} is {side} the {bound} {limit} for any {fig.unit} figure{where}"
        subject = rule.metric or "a share"
        if rule.what == "any-level":
            level = f" at any region level (region {fig.region or '?'} has no known level)"
            return f"{seen} is {side} the {bound} {limit} for {subject}{level}{where}"
        label = {"growth": "growth-rate ", "share": "share "}.get(rule.what, f"{rule.what} ")
        label = label if rule.what else ""
        return f"{seen} is {side} the {label}{bound} {limit} for {subject}{where}"
    if check == "not_negative":
        return f"{seen} is negative, and a {fig.unit} figure cannot be{where}"
    if rule.code is Code.UNIT_NOT_ALLOWED:
        if rule.metric:
            allowed = ", ".join(rule.allowed)
            return (
                f"{seen}: unit {fig.unit} is not allowed for {rule.metric} "
                f"(allowed: {allowed}){where}"
            )
        return f"{seen}: unit {fig.unit!r} is not a known unit{where}"
    if rule.code is Code.KIND_NOT_ALLOWED:
        if rule.metric:
            allowed = ", ".join(rule.allowed)
            return (
                f"{fig.surface}: kind {fig.kind} is not allowed for {rule.metric} "
                f"(allowed: {allowed}){where}"
            )
        return f"{fig.surface}: kind {str(fig.kind)!r} is not a kind{where}"
    if rule.code is Code.BAD_PERIOD:
        return f"{fig.surface}: period {fig.period!r} is not {PERIOD_FORMS}{where}"
    if check == "not_after_stated":
        return (
            f"{fig.surface}: an {fig.kind} for {fig.period} begins after the article's stated "
            f"date {_stated_text(article)}{where}"
        )
    if check == "not_before_stated":
        return (
            f"{fig.surface}: a {fig.kind} for {fig.period} ends before the article's stated "
            f"date {_stated_text(article)}{where}"
        )
    return f"{fig.surface}: {_structure_problem(rule, fig)}{where}"


def _structure_problem(rule: Rule, fig: Figure) -> str:
    column = rule.column
    if column == "surface":
        return f"the surface is not end - start = {fig.end - fig.start} characters long"
    if column == "value":
        return f"value {fig.value} is not a finite number"
    if column == "upper":
        return f"upper end {fmt_number(fig.upper)} is below the value {fmt_number(fig.value)}"
    if column == "metric":
        return f"metric {fig.metric!r} has no expectation file; only its unit is checked"
    if column == "bound":
        return f"bound {str(fig.bound)!r} is not one of {', '.join(rule.allowed)}"
    return f"{column} {getattr(fig, column, '?')!r} is negative"


def figure_details(rule: Rule, fig: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {"column": rule.column, "check": rule.check}
    if rule.range is not None:
        out["min"], out["max"] = rule.range.min, rule.range.max
        if rule.what in ("district", "city", "province", "country"):
            out["level"] = rule.what
    if rule.allowed:
        out["allowed"] = [str(a) for a in rule.allowed]
    if math.isfinite(fig.value):
        out["value"] = fig.value
    out["unit"] = fig.unit
    return out


def article_message(rule: Rule, a: Article, exp: Expectations) -> str:
    stated = a.stated.isoformat() if a.stated else "?"
    listed = a.listed.isoformat() if a.listed else "?"
    where = f" ({rule.name})"
    if rule.check == "stated_vs_listed":
        return f"the stated date {stated} is after the listing date {listed}{where}"
    if rule.check == "stale":
        years = (a.listed - a.stated).days / 365.25 if a.listed and a.stated else 0.0
        return (
            f"listed {listed}, {years:.1f} years after its stated date {stated}: "
            f"a stale repost{where}"
        )
    year = title_year(a.title)
    for t in exp.dates.titles:
        if t.rule == rule.name and year is not None:
            spans = " or ".join(f"{a.isoformat()} and {b.isoformat()}" for a, b in t.windows(year))
            return (
                f"a {t.cue} titled {year}年 is dated between {spans}, "
                f"but this one states {stated}{where}"
            )
    return f"the stated date {stated} does not fit the title{where}"


_CN_YEAR = re.compile("([一二〇零][〇零一二三四五六七八九]{3})年")


def title_year(title: str) -> int | None:
    """The first year written before 年 in a title: 2018年, ２０１８年 or 二〇一八年.

    >>> title_year("二〇一八年汉阳区政府工作报告"), title_year("２０１８年汉阳区政府工作报告")
    (2018, 2018)
    """
    text = unicodedata.normalize("NFKC", title)
    spelled = _CN_YEAR.search(text)
    if spelled is not None:
        year = parse_cn_int(spelled.group(1))
        if year is not None and 1900 <= year <= 2100:
            return year
    i = text.find("年")
    while i >= 4:
        head = text[i - 4 : i]
        alone = i == 4 or not text[i - 5].isdigit()
        if head.isascii() and head.isdigit() and alone and 1900 <= int(head) <= 2100:
            return int(head)
        i = text.find("年", i + 1)
    return None
