"""The pieces every markdown block is built of: a line writer, quoting, tables, labels.

Every scraped string passes through ``textfmt.md`` before it reaches ``Writer.out``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from hycheck.model import Figure, Finding, Kind, Severity
from hycheck.report import Location, Report
from hycheck.textfmt import md, quantity, quote


def sev(f: Finding) -> str:
    return f"**{f.severity}**" if f.severity == Severity.ERROR else str(f.severity)


def label(fig: Figure) -> str:
    """What a figure measures: 地区生产总值 (2017, estimate)."""
    extra = [fig.period] if fig.period != "unknown" else []
    if fig.kind != Kind.ACTUAL:
        extra.append(str(fig.kind))
    name = md(fig.metric_text or fig.metric)
    return f"{name} ({md(', '.join(extra))})" if extra else name


def written(fig: Figure) -> str:
    """948亿元 = 9.48×10¹⁰ CNY"""
    return f"{md(fig.surface)} = {md(quantity(fig.value, fig.unit, fig.bound, fig.upper))}"


def num(value: object) -> float | None:
    """A finite number from details, else None (JSON holds no NaN or infinity)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Writer:
    """Collects the lines of a markdown document; ``cut`` records that something was left out
    or shortened (the document then says that the JSON report has it all)."""

    def __init__(self, report: Report, limit: int) -> None:
        self.report = report
        self.limit = limit
        self.findings = report.sorted_findings()
        self.lines_of = report.lines()
        self.out: list[str] = []
        self.cut = False

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

    def at(self, fig: Figure) -> str:
        line = self.lines_of.get((fig.page, fig.doc), 0)
        where = f"{md(fig.page)} · article {fig.doc}" + (f" · line {line}" if line else "")
        return f"{where} · char {fig.start}"
