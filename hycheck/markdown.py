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

from collections.abc import Iterable

from hycheck.markdown_base import Writer, label, num, sev, show, written
from hycheck.markdown_figures import pairs, series
from hycheck.model import Code, Figure, Finding
from hycheck.report import Location, Report, locate
from hycheck.textfmt import (
    block_safe,
    md,
    number,
    percent,
    plural,
    quantity,
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
    return _Document(report, limit).document(title, summary_only=False)


def render_markdown_summary(report: Report, *, title: str = "hycheck report") -> str:
    """Only the title and the summary (for places with a size limit, e.g. a job summary)."""
    return _Document(report, 0).document(title, summary_only=True)


class _Document(Writer):
    """The whole report: summary, then one section a kind of finding."""

    # -- document ---------------------------------------------------------------------------

    def document(self, title: str, *, summary_only: bool) -> str:
        self.block(f"# {md(title)}")
        if self.report.extra:
            self.block(*(f"- {md(str(k))}: {md(show(v))}" for k, v in self.report.extra.items()))
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
        by = s["by_severity"]
        counts = (
            f"{plural(by['error'], 'error')}, {plural(by['warning'], 'warning')}, {by['info']} info"
        )
        read = (
            f"{plural(s['pages'], 'page')}, {plural(s['articles'], 'article')} and "
            f"{plural(s['figures'], 'figure')} read"
        )
        if not self.findings:
            self.block(f"**No findings**; {read}.")
        else:
            self.block(f"**{plural(len(self.findings), 'finding')}** ({counts}); {read}.")
        if r.problems:
            self.block(
                f"{plural(len(r.problems), 'input problem')}:"
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
            self.block(self.count(found, problems=i == 6, articles=i not in (1, 2)))
            if i == 1:
                pairs(self, _worst_first(found))
            elif i == 2:
                series(self, _worst_first(found))
            elif i == 5:
                self.grouped(found, by_page=True)
            else:
                if i == 6:
                    self.problems()
                self.grouped(found, by_page=False)

    def count(self, found: list[Finding], *, problems: bool, articles: bool) -> str:
        """How much a section holds: 3 findings in 2 articles."""
        places = {(loc.page, loc.doc) for f in found if (loc := locate(f, self.lines_of))}
        places = places if articles else set()
        where = f" in {plural(len(places), 'article')}" if places else ""
        text = f"{plural(len(found), 'finding')}{where}."
        if problems and self.report.problems:
            text = f"{plural(len(self.report.problems), 'problem')} reading the input; {text}"
        return text

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
        head = f"- {sev(f)} · `{f.code}`"
        # the rule is shown once, after the message, with its column and check
        message = f.message.removesuffix(f" ({f.rule})") if f.rule else f.message
        tail = f": {md(message)}" if message else ""
        if f.old is not None and f.new is not None:
            return self.change(f, head, tail)
        fig = f.new or f.old
        if fig is not None:
            return [
                f"{head} · char {fig.start} · {label(fig)}: {written(fig)}{tail}",
                *self.quotes([fig]),
            ]
        if f.code == Code.ARITHMETIC_MISMATCH and f.figures:
            d = f.details
            parts = [md(str(d.get("relation", "")))] if d.get("relation") else []
            for name in ("expected", "stated"):
                v = num(d.get(name))
                if v is not None:
                    parts.append(f"{name} {md(number(v, 6))}")
            at = f" · char {f.figures[0].start}"
            return [f"{head}{at} · {' · '.join(parts)}{tail}", *self.quotes(f.figures, at=True)]
        if f.figures:
            fig = f.figures[0]
            if message.startswith(fig.surface):  # "948万亿元 = 9.48e14 CNY is above …"
                said = md(message)
            else:
                said = written(fig) + (f": {md(message)}" if message else "")
            return [
                f"{head} · char {fig.start} · {label(fig)}: {said}{self.rule(f)}",
                *self.quotes(f.figures, at=len(f.figures) > 1),
            ]
        art = f.new_article or f.article or f.old_article
        if art is None:
            return [f"{head}{tail}{self.rule(f)}"]
        facts = [f"article {art.doc}"]
        line = art.line or self.lines_of.get((art.page, art.doc), 0)
        if line:
            facts.append(f"line {line}")
        if art.listed and f"listed {art.listed.isoformat()}" not in f.message:
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
        text = f"{head} · char {new.start} · {label(new)}: {md(old.surface)} → {md(new.surface)}"
        text += f" = {was} → {now}"
        changes = []
        abs_change = num(f.details.get("abs_change"))
        rel_change = num(f.details.get("rel_change"))
        if abs_change is not None:
            changes.append(md(signed(abs_change, new.unit if new.unit == old.unit else "")))
        if rel_change is not None:
            changes.append(percent(rel_change))
        if changes:
            text += f" ({', '.join(changes)})"
        if f.code in (Code.VALUE_CHANGED, Code.UNIT_CHANGED):
            tail = ""  # the line above already says what the message says
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
        parts += [f"{k} {md(show(f.details[k]))}" for k in ("column", "check") if f.details.get(k)]
        return f" ({', '.join(parts)})" if parts else ""

    def problems(self) -> None:
        shown = list(self.report.problems)[: max(self.limit, 1) * 5]
        lines = [f"- {md(str(p))}" for p in shown]
        if len(self.report.problems) > len(shown):
            self.cut = True
            lines.append(f"- … and {len(self.report.problems) - len(shown)} more")
        if lines:
            self.block(*lines)


def _worst_first(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: -f.severity.rank)  # stable: report order within
