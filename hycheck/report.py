"""Stage 5: findings → text for people and machines.  A pure, deterministic function.

``Report`` is the value every renderer reads; ``render(report, fmt)`` turns it into one of
``FORMATS``.  The JSON form is the contract of DESIGN.md (``{"findings": [...], "summary":
{...}}``, plus the ``pages`` and ``articles`` that were read when known), and
``Report.from_dict`` reads it back, so a saved report can be rendered again in any format:
``render(Report.from_dict(json.loads(render(r, "json"))), "json") == render(r, "json")``.

The JSON conversions are in ``hycheck.report_json``, markdown in ``hycheck.markdown`` (with
``markdown_base`` and ``markdown_figures``), JUnit XML and GitHub annotations in
``hycheck.ci``, and the escaping and number formats they share in ``hycheck.textfmt``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hycheck.errors import ReportError
from hycheck.model import Article, Code, Figure, Finding, Severity
from hycheck.report_json import (
    Reader,
    article_to_dict,
    figure_to_dict,
    finding_to_dict,
    to_plain,
)
from hycheck.textfmt import plain, plural

__all__ = [
    "FORMATS",
    "PAIR_CODES",
    "Location",
    "Report",
    "ReportError",
    "article_to_dict",
    "evidence",
    "figure_to_dict",
    "finding_to_dict",
    "locate",
    "primary_figure",
    "render",
    "render_json",
    "render_text",
    "severity",
    "to_plain",
    "worst",
]

FORMATS = ("text", "json", "markdown", "junit", "github")

PAIR_CODES = frozenset(
    {Code.CONFLICT, Code.REVISION, Code.TARGET_MET, Code.TARGET_MISSED, Code.SCALE_MISMATCH}
)
"""Findings about two figures of different documents, earlier first."""


@dataclass(frozen=True, slots=True)
class Report:
    """What a report renders: the findings and what was read to find them.

    ``sources`` are the articles read (their page lines place GitHub annotations, and each
    becomes a JUnit test case, also when it has no finding); ``articles`` is their count when
    the articles themselves are not kept.  ``extra`` holds context the caller wants shown
    (a baseline path, a run date): nothing is added that the caller did not pass.
    """

    findings: Sequence[Finding]
    pages: Sequence[str] = ()
    articles: int = 0
    figures: int = 0
    problems: Sequence[str] = ()  # input problems, "path:line: message"
    extra: dict[str, Any] = field(default_factory=dict)
    sources: Sequence[Article] = ()

    @classmethod
    def of(
        cls,
        findings: Sequence[Finding],
        pages: Iterable[Article],
        figures: Sequence[Figure] = (),
        *,
        extra: dict[str, Any] | None = None,
    ) -> Report:
        """The report of findings on what was read: pages and their problems (a ``Pages``
        from ``load_pages``, or any articles) and the figures extracted from them."""
        articles = list(pages)
        bad = getattr(pages, "problems", ())
        read = {a.page for a in articles} | {getattr(p, "page", "") for p in bad}
        return cls(
            findings=findings,
            pages=sorted(read - {""}),
            articles=len(articles),
            figures=len(figures),
            problems=[str(p) for p in bad],
            extra=dict(extra or {}),
            sources=articles,
        )

    def sorted_findings(self) -> list[Finding]:
        """Findings in ``Finding.sort_key`` order; ties are broken by their JSON text, so the
        order does not depend on the order they came in."""
        findings = list(self.findings)
        keys = [f.sort_key() for f in findings]
        order = sorted(range(len(findings)), key=keys.__getitem__)
        out: list[Finding] = []
        i = 0
        while i < len(order):
            j = i + 1
            while j < len(order) and keys[order[j]] == keys[order[i]]:
                j += 1
            run = [findings[k] for k in order[i:j]]
            if len(run) > 1:
                run.sort(key=_tiebreak)
            out.extend(run)
            i = j
        return out

    def summary(self) -> dict[str, Any]:
        by_severity = Counter(str(f.severity) for f in self.findings)
        by_code = Counter(str(f.code) for f in self.findings)
        top = worst(self.findings)
        return {
            "pages": len(self.pages),
            "articles": self.articles or len(self.sources),
            "figures": self.figures,
            "findings": len(self.findings),
            "worst": None if top is None else str(top),
            "by_severity": {s.value: by_severity.get(s.value, 0) for s in reversed(Severity)},
            "by_code": dict(sorted(by_code.items())),
            "problems": [str(p) for p in self.problems],
        }

    def lines(self) -> dict[tuple[str, int], int]:
        """The page line each known article starts on, by (page, doc)."""
        known: dict[tuple[str, int], int] = {}
        for a in self.sources:
            if a.line:
                key = (a.page, a.doc)
                known[key] = min(a.line, known.get(key, a.line))
        found: dict[tuple[str, int], int] = {}
        for f in self.findings:
            for ref in (f.article, f.old_article, f.new_article):
                if ref is not None and ref.line and (ref.page, ref.doc) not in known:
                    key = (ref.page, ref.doc)
                    found[key] = min(ref.line, found.get(key, ref.line))
        return {**found, **known}  # the smallest, so that the order of input does not matter

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of DESIGN.md: plain JSON types only (no numpy, no NaN)."""
        out: dict[str, Any] = {
            "findings": [finding_to_dict(f) for f in self.sorted_findings()],
            "summary": self.summary(),
        }
        if self.pages:
            out["pages"] = [str(p) for p in self.pages]
        if self.sources:
            out["articles"] = [article_to_dict(a) for a in self.sources]
        if self.extra:
            out["extra"] = to_plain(self.extra, "extra")
        return out

    @classmethod
    def from_dict(cls, data: object, source: str = "<report>") -> Report:
        """Read back what ``to_dict`` wrote; a ``ReportError`` names the key that is wrong."""
        r = Reader(source)
        top = r.mapping(data, "")
        summary = r.mapping(top.get("summary", {}), "summary")
        findings = [
            r.finding(item, f"findings[{i}]")
            for i, item in enumerate(r.sequence(top.get("findings", []), "findings"))
        ]
        return cls(
            findings=findings,
            pages=[
                r.text(p, f"pages[{i}]")
                for i, p in enumerate(r.sequence(top.get("pages", []), "pages"))
            ],
            articles=r.integer(summary.get("articles", 0), "summary.articles"),
            figures=r.integer(summary.get("figures", 0), "summary.figures"),
            problems=[
                r.text(p, f"summary.problems[{i}]")
                for i, p in enumerate(r.sequence(summary.get("problems", []), "summary.problems"))
            ],
            extra=dict(r.mapping(top.get("extra", {}), "extra")),
            sources=[
                r.article(a, f"articles[{i}]")
                for i, a in enumerate(r.sequence(top.get("articles", []), "articles"))
            ],
        )


def _tiebreak(finding: Finding) -> str:
    return json.dumps(finding_to_dict(finding), ensure_ascii=False, sort_keys=True)


# -- where a finding is filed ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Location:
    """The article a finding is filed under (JUnit test case, GitHub annotation, grouping)."""

    page: str
    doc: int
    title: str
    start: int = -1
    line: int = 0


def primary_figure(finding: Finding) -> Figure | None:
    """The figure a finding points at: the new side of a change (the old one when removed);
    the later figure of a pair; the point after the first break of a series; else the first."""
    if finding.new is not None:
        return finding.new
    if finding.old is not None:
        return finding.old
    if not finding.figures:
        return None
    if finding.code == Code.SERIES_BREAK:
        breaks = finding.details.get("breaks")
        if isinstance(breaks, list | tuple) and breaks:
            first = breaks[0]
            if isinstance(first, list | tuple) and len(first) == 2:
                j = first[1]
                if isinstance(j, int) and 0 <= j < len(finding.figures):
                    return finding.figures[j]
    if finding.code in PAIR_CODES:
        return finding.figures[-1]
    return finding.figures[0]


def locate(finding: Finding, lines: Mapping[tuple[str, int], int]) -> Location | None:
    """Where ``finding`` is filed; ``lines`` from ``Report.lines()``.  None for a finding
    about no article (an input problem of a whole page)."""
    fig = primary_figure(finding)
    if fig is not None:
        return Location(fig.page, fig.doc, fig.title, fig.start, lines.get((fig.page, fig.doc), 0))
    art = finding.new_article or finding.article or finding.old_article
    if art is None:
        return None
    return Location(art.page, art.doc, art.title, -1, art.line or lines.get((art.page, art.doc), 0))


# -- rendering -------------------------------------------------------------------------------


def render(
    report: Report,
    fmt: str,
    *,
    fail_on: Severity | str = Severity.ERROR,
    limit: int = 20,
) -> str:
    """Render a report in one of ``FORMATS``; the same report always gives the same text.

    ``fail_on`` is the severity from which a JUnit test case fails; ``limit`` caps repetitive
    lists in markdown (the JSON keeps every finding).
    """
    if fmt == "json":
        return render_json(report)
    if fmt == "text":
        return render_text(report)
    if fmt == "markdown":
        from hycheck.markdown import render_markdown

        return render_markdown(report, limit=limit)
    if fmt == "junit":
        from hycheck.ci import render_junit

        return render_junit(report, fail_on=fail_on)
    if fmt == "github":
        from hycheck.ci import render_github

        return render_github(report)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


_ONE_LINE = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


def render_json(report: Report) -> str:
    """UTF-8 JSON with Chinese unescaped: one finding (and one article) a line, so that saved
    reports diff line by line and 100k findings write in seconds; the rest indented."""
    data = report.to_dict()
    parts = []
    for key, value in data.items():
        if key in ("findings", "articles") and value:
            items = ",\n".join("    " + _ONE_LINE.encode(item) for item in value)
            shown = "[\n" + items + "\n  ]"
        else:
            shown = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
            shown = shown.replace("\n", "\n  ")
        parts.append(f"  {json.dumps(key)}: {shown}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def render_text(report: Report) -> str:
    """One line per finding, ``page:line: severity: code: message (evidence)``, then the
    input problems and a count line.  Scraped text is kept on one line, controls replaced."""
    lines = report.lines()
    out = []
    for f in report.sorted_findings():
        loc = locate(f, lines)
        where = "-" if loc is None else f"{loc.page}:{loc.line}" if loc.line else loc.page
        ev = evidence(f)
        if loc is not None:
            at = f"article {loc.doc}" + (f" at {loc.start}" if loc.start >= 0 else "")
            ev = f"{ev}; {at}: {loc.title}" if ev else f"{at}: {loc.title}"
        out.append(plain(f"{where}: {f.severity}: {f.code}: {f.message} ({ev})"))
    out.extend(plain(f"problem: {p}") for p in report.problems)
    s = report.summary()
    counts = ", ".join(
        plural(n, str(sev), "info" if sev == "info" else None)
        for sev, n in s["by_severity"].items()
    )
    read = [plural(s["pages"], "page"), plural(s["articles"], "article")]
    out.append(f"{', '.join(read)}, {plural(s['figures'], 'figure')}: {counts}")
    return "\n".join(out) + "\n"


def evidence(finding: Finding) -> str:
    """The figures of a finding as written, on one line: 948亿元 → 984亿元; a / b."""
    if finding.old is not None and finding.new is not None:
        return f"{finding.old.surface} → {finding.new.surface}"
    single = finding.new or finding.old
    if single is not None:
        return single.surface
    return " / ".join(f"{x.surface} ({x.period})" for x in finding.figures)


def worst(findings: Sequence[Finding]) -> Severity | None:
    """The highest severity among the findings, or ``None`` when there are none."""
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


def severity(value: Severity | str) -> Severity:
    """A severity from its name (error, warning, info)."""
    try:
        return Severity(value)
    except ValueError:
        raise ValueError(
            f"unknown severity {value!r}; choose one of {', '.join(s.value for s in Severity)}"
        ) from None
