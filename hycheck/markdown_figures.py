"""Markdown blocks that compare figures: conflicts side by side, series with a chart.

A series becomes a table (period, figure as written and normalised, kind, change, source,
sentence) and a mermaid ``xychart-beta`` chart that GitHub renders: bars from zero and a line
through them, so that a break shows as a step.  Chart labels go through ``mermaid_label``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal

from hycheck.markdown_base import Writer, num, sev, show
from hycheck.model import Bound, Code, Figure, Finding
from hycheck.textfmt import (
    block_safe,
    chart_scale,
    md,
    mermaid_label,
    number,
    percent,
    quantity,
    shorten,
)


def pairs(w: Writer, findings: list[Finding]) -> None:
    """Conflicts, revisions and targets: the figures side by side, one table a finding."""
    count: dict[Code, int] = {}
    for f in findings:
        count[f.code] = count.get(f.code, 0) + 1
        if count[f.code] > w.limit:
            continue
        figs = f.figures
        if not figs:
            w.block(f"### `{f.code}`", f"{sev(f)}: {md(f.message)}")
            continue
        a = figs[0]
        periods = " / ".join(dict.fromkeys(x.period for x in figs))
        what = md(a.metric_text or a.metric)
        w.block(f"### `{f.code}` · {md(a.region) or '(no region)'} · {what} · {md(periods)}")
        gap = num(f.details.get("gap"))
        text = f"{sev(f)}" + (f": {md(f.message)}" if f.message else "")
        w.block(text + (f" (gap {percent(gap, sign=False)})" if gap else ""))
        names = ["earlier", "later"] if len(figs) == 2 else [f"#{i + 1}" for i in range(len(figs))]
        intervals = [f.details.get("a_interval"), f.details.get("b_interval")]
        rows = [
            ["article", *(md(shorten(x.title, 40)) or "(untitled)" for x in figs)],
            ["where", *(w.at(x) for x in figs)],
            ["figure", *(f"⟦**{md(x.surface)}**⟧" for x in figs)],
            ["value", *(md(quantity(x.value, x.unit, x.bound, x.upper)) for x in figs)],
            ["kind, period", *(f"{x.kind}, {md(x.period)}" for x in figs)],
        ]
        if len(figs) == 2 and any(isinstance(iv, list | tuple) for iv in intervals):
            rows.append(
                [
                    "interval",
                    *(_interval(iv, x.unit) for iv, x in zip(intervals, figs, strict=True)),
                ]
            )
        rows.append(["sentence", *(w.quote(x, width=40) for x in figs)])
        w.table(["", *names], rows)
    for code, n in count.items():
        if n > w.limit:
            w.cut = True
            w.block(f"… and {n - w.limit} more `{code}` findings.")


def series(w: Writer, findings: list[Finding]) -> None:
    """Series breaks: the points in a table with their sources, a chart, the explanation."""
    for n, f in enumerate(findings):
        if n >= w.limit:
            w.cut = True
            w.block(f"… and {len(findings) - w.limit} more `series_break` findings.")
            break
        figs = list(f.figures)
        if not figs:
            w.block(f"- {sev(f)} · `{f.code}`: {md(f.message)}")
            continue
        d = f.details
        region = str(d.get("region") or figs[0].region)
        metric = str(d.get("metric") or figs[0].metric)
        name = figs[0].metric_text or metric
        w.block(f"### {md(region) or '(no region)'} · {md(name)} ({md(metric)})")
        w.block(f"{sev(f)} · `{f.code}`" + (f": {md(f.message)}" if f.message else ""))
        breaks = _breaks(d.get("breaks"), len(figs))
        multi_page = len({x.page for x in figs}) > 1
        rows = []
        for i, x in enumerate(figs):
            before = breaks.get(i)
            change = ""
            if before is not None:
                change = f"⚠ break: {_rel(figs[before], x)} vs {md(figs[before].period)}"
            elif i > 0:
                change = _rel(figs[i - 1], x)
            source = (
                f"{md(shorten(x.title, 32)) or '(untitled)'} · article {x.doc} · char {x.start}"
            )
            if multi_page:
                source = f"{md(x.page)} · {source}"
            rows.append(
                [
                    md(x.period),
                    md(x.surface),
                    md(quantity(x.value, x.unit, x.bound, x.upper)),
                    str(x.kind),
                    change,
                    source,
                    w.quote(x, width=30),
                ]
            )
        w.table(["period", "as written", "value", "kind", "change", "source", "sentence"], rows)
        w.block(*_chart(figs, region, name))
        ex = d.get("explanation")
        if isinstance(ex, Mapping) and ex.get("sentence"):
            src = f"{md(shorten(str(ex.get('title', '')), 40))} ({md(str(ex.get('page', '')))}"
            src += f" · article {md(show(ex.get('doc')))} · char {md(show(ex.get('start')))})"
            sentence = str(ex["sentence"])
            w.cut = w.cut or len(sentence) > 200
            w.block(
                f"Explanation found in {src}:",
                "",
                f"> {block_safe(md(shorten(sentence, 200)))}",
            )


def _interval(iv: object, unit: str) -> str:
    if not isinstance(iv, list | tuple) or len(iv) != 2:
        return ""
    lo, hi = (num(v) for v in iv)
    left = "[" + md(number(lo, 6)) if lo is not None else "(−∞"
    right = md(number(hi, 6)) + "]" if hi is not None else "∞)"
    return f"{left}, {right}{md(' ' + unit) if unit and unit != 'percent' else '%' if unit else ''}"


def _breaks(value: object, n: int) -> dict[int, int]:
    """{j: i} for each valid break pair [i, j] of a series with n points."""
    out: dict[int, int] = {}
    if isinstance(value, list | tuple):
        for pair in value:
            if isinstance(pair, list | tuple) and len(pair) == 2:
                i, j = pair
                if isinstance(i, int) and isinstance(j, int) and 0 <= i < n and 0 <= j < n:
                    out.setdefault(j, i)
    return out


_LOWER = {Bound.GT, Bound.GE}
_UPPER = {Bound.LT, Bound.LE}


def _rel(a: Figure, b: Figure) -> str:
    """Relative change from a to b; a bound on either side makes it a bound (>, <) or ≈."""
    if a.unit != b.unit or not a.value or not math.isfinite(a.value) or not math.isfinite(b.value):
        return ""
    signs = set()
    if b.bound in _LOWER or a.bound in _UPPER:
        signs.add(">")
    if b.bound in _UPPER or a.bound in _LOWER:
        signs.add("<")
    if Bound.APPROX in (a.bound, b.bound) or len(signs) > 1:
        signs = {"≈"}
    return md("".join(signs)) + percent((b.value - a.value) / abs(a.value))


def _chart(figs: list[Figure], region: str, name: str) -> list[str]:
    """A mermaid ``xychart-beta`` of the series (bars from zero, a line through them)."""
    values = [x.value for x in figs]
    if len({x.unit for x in figs}) != 1 or not all(math.isfinite(v) for v in values):
        return ["_No chart: the points do not share one unit or are not all numbers._"]
    scale, axis = chart_scale(figs[0].unit, max(abs(v) for v in values))
    scaled = [v / scale for v in values]
    low = min(0.0, min(scaled))
    high = max(0.0, max(scaled))
    if high == low:
        high = low + 1
    labels: list[str] = []
    seen: dict[str, int] = {}
    for x in figs:
        label = mermaid_label(x.period) or "?"
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    data = ", ".join(_plain_number(v) for v in scaled)
    axis_range = f"{_plain_number(_nice(low))} --> {_plain_number(_nice(high))}"
    return [
        "```mermaid",
        "xychart-beta",
        f'    title "{mermaid_label(f"{region} {name}")}"',
        "    x-axis [" + ", ".join(f'"{x}"' for x in labels) + "]",
        f'    y-axis "{mermaid_label(axis)}" {axis_range}',
        f"    bar [{data}]",
        f"    line [{data}]",
        "```",
    ]


def _nice(x: float) -> float:
    """Round away from zero to one decimal of the leading digit, with 10% headroom."""
    if x == 0:
        return 0.0
    y = abs(x) * 1.1
    p = 10 ** math.floor(math.log10(y))
    return math.copysign(math.ceil(round(y / p * 10, 9)) / 10 * p, x)


def _plain_number(v: float) -> str:
    """A number mermaid reads: no exponent, no grouping, at most 6 significant digits."""
    d = Decimal(f"{v:.6g}").normalize()
    return format(d, "f")
