"""Stage 5: findings → text for people and machines.  A pure, deterministic function.

(Skeleton: the ``Report`` value, its JSON contract and a plain text rendering.  Markdown,
JUnit and GitHub annotations are issue 6.)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hycheck.model import Finding, Severity

FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class Report:
    """What a report renders: the findings and what was read to find them."""

    findings: Sequence[Finding]
    pages: Sequence[str] = ()
    articles: int = 0
    figures: int = 0
    problems: Sequence[str] = ()  # input problems, "path:line: message"
    extra: dict[str, Any] = field(default_factory=dict)

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)

    def summary(self) -> dict[str, Any]:
        by_severity = Counter(str(f.severity) for f in self.findings)
        by_code = Counter(str(f.code) for f in self.findings)
        return {
            "pages": len(self.pages),
            "articles": self.articles,
            "figures": self.figures,
            "findings": len(self.findings),
            "by_severity": {s.value: by_severity.get(s.value, 0) for s in reversed(Severity)},
            "by_code": dict(sorted(by_code.items())),
            "problems": list(self.problems),
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of DESIGN.md: ``{"findings": [...], "summary": {...}}``."""
        return {
            "findings": [finding_to_dict(f) for f in self.sorted_findings()],
            "summary": self.summary(),
        }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as plain JSON types; keys that do not apply are left out."""
    out: dict[str, Any] = {
        "code": str(finding.code),
        "severity": str(finding.severity),
        "message": finding.message,
    }
    if finding.figures:
        out["figures"] = [f.to_dict() for f in finding.figures]
    if finding.old is not None:
        out["old"] = finding.old.to_dict()
    if finding.new is not None:
        out["new"] = finding.new.to_dict()
    if finding.article is not None:
        out["article"] = finding.article.ref()
    if finding.old_article is not None:
        out["old_article"] = finding.old_article.ref()
    if finding.new_article is not None:
        out["new_article"] = finding.new_article.ref()
    if finding.rule:
        out["rule"] = finding.rule
    if finding.details:
        out["details"] = dict(finding.details)
    return out


def render(report: Report, fmt: str) -> str:
    """Render a report in one of ``FORMATS``; the same report always gives the same text."""
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if fmt == "text":
        return render_text(report)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_text(report: Report) -> str:
    lines = []
    for f in report.sorted_findings():
        fig = f.new or f.old or (f.figures[0] if f.figures else None)
        art = f.article or f.new_article or f.old_article
        if fig is not None:
            where = f"{fig.page}#{fig.doc}@{fig.start}"
        else:
            where = f"{art.page}#{art.doc}" if art else ""
        lines.append(f"{where}: {f.severity}: {f.code}: {f.message}")
    s = report.summary()
    counts = ", ".join(f"{n} {sev}" for sev, n in s["by_severity"].items())
    lines.append(f"{s['pages']} pages, {s['articles']} articles, {s['figures']} figures: {counts}")
    return "\n".join(lines) + "\n"


def worst(findings: Sequence[Finding]) -> Severity | None:
    """The highest severity among the findings, or ``None`` when there are none."""
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)
