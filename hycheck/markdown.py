"""Markdown discrepancy reports for analysts: GitHub-flavoured, Chinese kept as Chinese.

A summary (what was read; findings by code and severity, each linked to its section), then one
section per kind of finding: changes between scrapes, conflicts (the figures side by side),
series (a table and a mermaid chart), arithmetic, validation, article-level findings and input
problems.  Every finding names its page, article and position and quotes its sentence with the
figure marked ⟦**948亿元**⟧, the number shown as written and normalised (9.48×10¹⁰ CNY).

Every scraped string goes through ``textfmt.md``; repetitive lists are capped at ``limit``
entries an article and code (the JSON report keeps them all).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from hycheck.model import Bound, Code, Figure, Finding, Kind, Severity
from hycheck.report import Location, Report, locate
from hycheck.textfmt import (
    block_safe,
    chart_scale,
    md,
    mermaid_label,
    number,
    percent,
    quantity,
    quote,
    shorten,
    signed,
)

SECTIONS: tuple[tuple[str, str, frozenset[Code]], ...] = (
    (
        "changes-between-scrapes",
        "Changes between scrapes",
        frozenset({Code.VALUE_CHANGED, Code.UNIT_CHANGED, Code.FIGURE_ADDED, Code.FIGURE_REMOVED}),
    ),
    (
        "conflicts-revisions-and-targets",
        "Conflicts, revisions and targets",
        frozenset(
            {
                Code.CONFLICT,
                Code.REVISION,
                Code.TARGET_MET,
                Code.TARGET_MISSED,
                Code.SCALE_MISMATCH,
            }
        ),
    ),
    ("series", "Series", frozenset({Code.SERIES_BREAK})),
    ("arithmetic", "Arithmetic", frozenset({Code.ARITHMETIC_MISMATCH})),
    (
        "validation",
        "Validation",
        frozenset(
            {
                Code.OUT_OF_RANGE,
                Code.UNIT_NOT_ALLOWED,
                Code.KIND_NOT_ALLOWED,
                Code.BAD_PERIOD,
                Code.BAD_FIGURE,
                Code.DATE_INCONSISTENT,
            }
        ),
    ),
    (
        "articles",
        "Articles",
        frozenset(
            {
                Code.ARTICLE_ADDED,
                Code.ARTICLE_REMOVED,
                Code.ARTICLE_RETITLED,
                Code.ARTICLE_REDATED,
                Code.STALE_ARTICLE,
            }
        ),
    ),
    ("input-problems", "Input problems", frozenset({Code.BAD_INPUT})),
)
"""(GitHub anchor, heading, codes) of each section, in report order."""

_SECTION_OF = {code: i for i, (_, _, codes) in enumerate(SECTIONS) for code in codes}
_OTHER = ("other-findings", "Other findings")


def render_markdown(report: Report, *, limit: int = 20, title: str = "hycheck report") -> str:
    """The whole report as GitHub-flavoured markdown (pure: same report, same bytes)."""
    return _Writer(report, limit).document(title, summary_only=False)


def render_markdown_summary(report: Report, *, title: str = "hycheck report") -> str:
    """Only the title and the summary (for places with a size limit, e.g. a job summary)."""
    return _Writer(report, 0).document(title, summary_only=True)


def _sev(f: Finding) -> str:
    return f"**{f.severity}**" if f.severity == Severity.ERROR else str(f.severity)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _label(fig: Figure) -> str:
    """What a figure measures: 地区生产总值 (2017, estimate)."""
    extra = [fig.period] if fig.period != "unknown" else []
    if fig.kind != Kind.ACTUAL:
        extra.append(str(fig.kind))
    name = md(fig.metric_text or fig.metric)
    return f"{name} ({md(', '.join(extra))})" if extra else name


def _written(fig: Figure) -> str:
    """948亿元 = 9.48×10¹⁰ CNY"""
    return f"{md(fig.surface)} = {md(quantity(fig.value, fig.unit, fig.bound, fig.upper))}"


def _num(value: object) -> float | None:
    """A finite number from details, else None (JSON holds no NaN or infinity)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


class _Writer:
    def __init__(self, report: Report, limit: int) -> None:
        self.report = report
        self.limit = limit
        self.findings = report.sorted_findings()
        self.lines_of = report.lines()
        self.out: list[str] = []
        self.cut = False

    # -- building blocks --------------------------------------------------------------------

    def block(self, *lines: str) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")
        self.out.extend(lines)

    def quote(self, fig: Figure, width: int = 60) -> str:
        text, cut = quote(
            fig.sentence, fig.surface, escape=md, mark=lambda s: f"⟦**{s}**⟧", width=width
        )
        self.cut = self.cut or cut
        return text

    def where(self, loc: Location) -> str:
        line = f" · line {loc.line}" if loc.line else ""
        return f"{md(loc.page)} · article {loc.doc}{line}"

    def table(self, header: list[str], rows: Iterable[list[str]], right: int = 0) -> None:
        """A table; the last ``right`` columns right-aligned.  Cells are markdown already."""
        align = ["---"] * (len(header) - right) + ["--:"] * right
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        self.block(*lines)

    # -- document ---------------------------------------------------------------------------

    def document(self, title: str, *, summary_only: bool) -> str:
        self.block(f"# {md(title)}")
        if self.report.extra:
            self.block(*(f"- {md(str(k))}: {md(_show(v))}" for k, v in self.report.extra.items()))
        self.summary()
        if summary_only:
            self.block("_Summary only: the full report is in the markdown or JSON report._")
        else:
            self.sections()
            if self.cut:
                self.block(
                    f"_Lists are capped at {self.limit} items an article and code, and sentences"
                    " are shortened; the JSON report keeps every finding in full._"
                )
        return "\n".join(self.out) + "\n"

    def summary(self) -> None:
        r = self.report
        s = r.summary()
        sev = s["by_severity"]
        counts = (
            f"{_plural(sev['error'], 'error')}, {_plural(sev['warning'], 'warning')}, "
            f"{sev['info']} info"
        )
        read = (
            f"{_plural(s['pages'], 'page')}, {_plural(s['articles'], 'article')} and "
            f"{_plural(s['figures'], 'figure')} read"
        )
        if not self.findings:
            self.block(f"**No findings**; {read}.")
        else:
            self.block(f"**{_plural(len(self.findings), 'finding')}** ({counts}); {read}.")
        if r.problems:
            self.block(
                f"{_plural(len(r.problems), 'input problem')}:"
                " see [Input problems](#input-problems)."
            )
        if not self.findings:
            return
        table: dict[tuple[int, str], dict[str, int]] = {}
        for f in self.findings:
            key = (_SECTION_OF.get(f.code, len(SECTIONS)), str(f.code))
            table.setdefault(key, {}).setdefault(str(f.severity), 0)
            table[key][str(f.severity)] += 1
        rows = []
        for (i, code), by in sorted(table.items()):
            anchor, heading = SECTIONS[i][:2] if i < len(SECTIONS) else _OTHER
            cells = [str(by[k]) if by.get(k) else "" for k in ("error", "warning", "info")]
            rows.append([f"`{code}`", f"[{heading}](#{anchor})", *cells])
        self.table(["finding", "section", "error", "warning", "info"], rows, right=3)

    def sections(self) -> None:
        parts: list[list[Finding]] = [[] for _ in range(len(SECTIONS) + 1)]
        for f in self.findings:
            parts[_SECTION_OF.get(f.code, len(SECTIONS))].append(f)
        for i, found in enumerate(parts):
            heading = SECTIONS[i][1] if i < len(SECTIONS) else _OTHER[1]
            if not found and not (i == 6 and self.report.problems):
                continue
            self.block(f"## {heading}")
            if i == 1:
                self.pairs(_worst_first(found))
            elif i == 2:
                self.series(_worst_first(found))
            elif i == 5:
                self.grouped(found, by_page=True)
            else:
                if i == 6:
                    self.problems()
                self.grouped(found, by_page=False)

    # -- article-grouped sections ------------------------------------------------------------

    def grouped(self, findings: list[Finding], *, by_page: bool) -> None:
        groups: dict[tuple[str, int], list[Finding]] = {}
        places: dict[tuple[str, int], Location | None] = {}
        for f in findings:
            loc = locate(f, self.lines_of)
            key = ("", -1) if loc is None else (loc.page, -1 if by_page else loc.doc)
            groups.setdefault(key, []).append(f)
            places.setdefault(key, loc)
        for key, items in groups.items():
            loc = places[key]
            if loc is not None and by_page:
                self.block(f"### {md(loc.page)}")
            elif loc is not None:
                self.block(f"### {md(loc.title) or '(untitled)'}", self.where(loc))
            shown: dict[Code, int] = {}
            lines: list[str] = []
            for f in items:
                shown[f.code] = shown.get(f.code, 0) + 1
                if shown[f.code] <= self.limit:
                    lines += self.item(f)
            for code, n in shown.items():
                if n > self.limit:
                    self.cut = True
                    where = "on this page" if by_page else "in this article"
                    lines.append(f"- … and {n - self.limit} more `{code}` {where}")
            self.block(*lines)

    def item(self, f: Finding) -> list[str]:
        head = f"- {_sev(f)} · `{f.code}`"
        tail = f": {md(f.message)}" if f.message else ""
        if f.old is not None and f.new is not None:
            return self.change(f, head, tail)
        fig = f.new or f.old
        if fig is not None:
            return [
                f"{head} · char {fig.start} · {_label(fig)}: {_written(fig)}{tail}",
                *self.quotes([fig]),
            ]
        if f.code == Code.ARITHMETIC_MISMATCH and f.figures:
            d = f.details
            parts = [md(str(d.get("relation", "")))] if d.get("relation") else []
            for name in ("expected", "stated"):
                v = _num(d.get(name))
                if v is not None:
                    parts.append(f"{name} {md(number(v, 6))}")
            at = f" · char {f.figures[0].start}"
            return [f"{head}{at} · {' · '.join(parts)}{tail}", *self.quotes(f.figures, at=True)]
        if f.figures:
            fig = f.figures[0]
            rule = self.rule(f)
            return [
                f"{head} · char {fig.start} · {_label(fig)}: {_written(fig)}{tail}{rule}",
                *self.quotes(f.figures, at=len(f.figures) > 1),
            ]
        art = f.new_article or f.article or f.old_article
        if art is None:
            return [f"{head}{tail}{self.rule(f)}"]
        facts = [f"article {art.doc}"]
        line = art.line or self.lines_of.get((art.page, art.doc), 0)
        if line:
            facts.append(f"line {line}")
        if art.listed:
            facts.append(f"listed {art.listed.isoformat()}")
        text = f"{head} · {md(art.title) or '(untitled)'} ({', '.join(facts)}){tail}{self.rule(f)}"
        old, new = f.old_article, f.new_article
        if old is not None and new is not None:
            if old.title != new.title:
                text += f" · title {md(old.title)} → {md(new.title)}"
            if old.listed != new.listed:
                was = old.listed.isoformat() if old.listed else "none"
                now = new.listed.isoformat() if new.listed else "none"
                text += f" · listed {was} → {now}"
        return [text]

    def change(self, f: Finding, head: str, tail: str) -> list[str]:
        old, new = f.old, f.new
        assert old is not None
        assert new is not None
        was = md(quantity(old.value, old.unit, old.bound, old.upper))
        now = md(quantity(new.value, new.unit, new.bound, new.upper))
        text = f"{head} · char {new.start} · {_label(new)}: {md(old.surface)} → {md(new.surface)}"
        text += f" = {was} → {now}"
        changes = []
        abs_change = _num(f.details.get("abs_change"))
        rel_change = _num(f.details.get("rel_change"))
        if abs_change is not None:
            changes.append(md(signed(abs_change, new.unit if new.unit == old.unit else "")))
        if rel_change is not None:
            changes.append(percent(rel_change))
        if changes:
            text += f" ({', '.join(changes)})"
        lines = [text + tail, f"  > old: {self.quote(old)}", "  >", f"  > new: {self.quote(new)}"]
        if old.title != new.title:
            lines += ["  >", f"  > old title: {md(old.title)}"]
        return lines

    def quotes(self, figs: Iterable[Figure], *, at: bool = False) -> list[str]:
        lines: list[str] = []
        for fig in figs:
            if lines:
                lines.append("  >")
            text = self.quote(fig)
            lines.append(f"  > char {fig.start}: {text}" if at else f"  > {block_safe(text)}")
        return lines

    def rule(self, f: Finding) -> str:
        parts = [f"rule {md(f.rule)}"] if f.rule else []
        parts += [f"{k} {md(_show(f.details[k]))}" for k in ("column", "check") if f.details.get(k)]
        return f" ({', '.join(parts)})" if parts else ""

    def problems(self) -> None:
        shown = list(self.report.problems)[: max(self.limit, 1) * 5]
        lines = [f"- {md(str(p))}" for p in shown]
        if len(self.report.problems) > len(shown):
            self.cut = True
            lines.append(f"- … and {len(self.report.problems) - len(shown)} more")
        if lines:
            self.block(*lines)

    # -- conflicts: figures side by side -------------------------------------------------------

    def pairs(self, findings: list[Finding]) -> None:
        count: dict[Code, int] = {}
        for f in findings:
            count[f.code] = count.get(f.code, 0) + 1
            if count[f.code] > self.limit:
                continue
            figs = f.figures
            if not figs:
                self.block(f"### `{f.code}`", self.item(f)[0][2:])
                continue
            a = figs[0]
            periods = " / ".join(dict.fromkeys(x.period for x in figs))
            what = md(a.metric_text or a.metric)
            self.block(f"### `{f.code}` · {md(a.region) or '(no region)'} · {what} · {md(periods)}")
            gap = _num(f.details.get("gap"))
            text = f"{_sev(f)}" + (f": {md(f.message)}" if f.message else "")
            self.block(text + (f" (gap {percent(gap, sign=False)})" if gap else ""))
            names = (
                ["earlier", "later"] if len(figs) == 2 else [f"#{i + 1}" for i in range(len(figs))]
            )
            intervals = [f.details.get("a_interval"), f.details.get("b_interval")]
            rows = [
                ["article", *(md(shorten(x.title, 40)) or "(untitled)" for x in figs)],
                ["where", *(self.at(x) for x in figs)],
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
            rows.append(["sentence", *(self.quote(x, width=40) for x in figs)])
            self.table(["", *names], rows)
        for code, n in count.items():
            if n > self.limit:
                self.cut = True
                self.block(f"… and {n - self.limit} more `{code}` findings.")

    def at(self, fig: Figure) -> str:
        line = self.lines_of.get((fig.page, fig.doc), 0)
        return (
            f"{md(fig.page)} · article {fig.doc}"
            + (f" · line {line}" if line else "")
            + f" · char {fig.start}"
        )

    # -- series: table and chart --------------------------------------------------------------

    def series(self, findings: list[Finding]) -> None:
        for n, f in enumerate(findings):
            if n >= self.limit:
                self.cut = True
                self.block(f"… and {len(findings) - self.limit} more `series_break` findings.")
                break
            figs = list(f.figures)
            if not figs:
                self.block(f"- {_sev(f)} · `{f.code}`: {md(f.message)}")
                continue
            d = f.details
            region = str(d.get("region") or figs[0].region)
            metric = str(d.get("metric") or figs[0].metric)
            name = figs[0].metric_text or metric
            self.block(f"### {md(region) or '(no region)'} · {md(name)} ({md(metric)})")
            self.block(f"{_sev(f)} · `{f.code}`" + (f": {md(f.message)}" if f.message else ""))
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
                        self.quote(x, width=30),
                    ]
                )
            self.table(
                ["period", "as written", "value", "kind", "change", "source", "sentence"], rows
            )
            self.block(*_chart(figs, region, name))
            ex = d.get("explanation")
            if isinstance(ex, Mapping) and ex.get("sentence"):
                src = f"{md(shorten(str(ex.get('title', '')), 40))} ({md(str(ex.get('page', '')))}"
                src += f" · article {_show(ex.get('doc'))} · char {_show(ex.get('start'))})"
                sentence = str(ex["sentence"])
                self.cut = self.cut or len(sentence) > 200
                self.block(
                    f"Explanation found in {src}:",
                    "",
                    f"> {block_safe(md(shorten(sentence, 200)))}",
                )


def _worst_first(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: -f.severity.rank)  # stable: report order within


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _interval(iv: object, unit: str) -> str:
    if not isinstance(iv, list | tuple) or len(iv) != 2:
        return ""
    lo, hi = (_num(v) for v in iv)
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
