"""Stage 4a: two scrapes of the same site → what changed between them.

``diff_scrapes(old_articles, old_figures, new_articles, new_figures)`` returns findings:

* article_added / article_removed: an article only one scrape has;
* article_retitled: matched by its body, under another headline; article_redated: matched, but
  listed (or stating) another date;
* value_changed / unit_changed: a figure of a matched article whose number or unit changed;
* figure_added / figure_removed: a figure only one side of a matched article has.

Articles are matched by ``Article.identity`` (the normalised headline when a reader left it
empty), then the rest by body similarity.  Inside a matched article, figures are matched by the
text around them, not by position: each figure becomes a token (its metric text and the
normalised text left and right of it, digits masked) and the two token lists are aligned with
``difflib``, so an inserted figure shifts nothing and an edited number keeps its sentence.
Cosmetic noise (article order, full/half-width punctuation, whitespace, CRLF, footers, an
identical re-scrape) changes no token and no value, so it gives no finding.

Symmetry: every matching step runs in a canonical orientation of its two sides, so
``diff(b, a)`` is ``diff(a, b)`` with added ↔ removed and old ↔ new.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from hycheck._gc import paused
from hycheck.intervals import (
    CompareRules,
    RuleSource,
    coerce_rules,
    masked_text,
    norm_label,
    norm_metric_text,
    norm_text,
)
from hycheck.match import fallback_identity, match_articles, pair_greedy
from hycheck.model import Article, Code, Figure, Finding, Severity

__all__ = ["diff_figures", "diff_scrapes"]

CONTEXT = 10  # normalised characters of context each side of a figure
_RAW_CONTEXT = 3 * CONTEXT  # raw characters read to get them
FIGURE_SIMILARITY = 0.6  # context similarity above which two unaligned figures are one


def diff_scrapes(
    old_articles: Iterable[Article],
    old_figures: Iterable[Figure],
    new_articles: Iterable[Article],
    new_figures: Iterable[Figure],
    *,
    expectations: RuleSource | CompareRules | None = None,
) -> list[Finding]:
    """The findings between two scrapes, sorted by ``Finding.sort_key``.

    ``expectations`` is an ``Expectations`` object, a ``CompareRules``, or ``None`` for the
    default tolerances.  Figures whose article is missing from the article list are diffed
    under an article made from their page, doc and title.
    """
    with paused():  # see hycheck._gc: millions of small objects, no cycles
        return _diff_scrapes(old_articles, old_figures, new_articles, new_figures, expectations)


def _diff_scrapes(
    old_articles: Iterable[Article],
    old_figures: Iterable[Figure],
    new_articles: Iterable[Article],
    new_figures: Iterable[Figure],
    expectations: RuleSource | CompareRules | None,
) -> list[Finding]:
    rules = coerce_rules(expectations)
    old = _Scrape(old_articles, old_figures)
    new = _Scrape(new_articles, new_figures)
    findings: list[Finding] = []
    pairs, removed, added = match_articles(old.articles, new.articles)
    findings += [_article_finding(Code.ARTICLE_REMOVED, a, old) for a in removed]
    findings += [_article_finding(Code.ARTICLE_ADDED, a, new) for a in added]
    for a, b in pairs:
        findings += _article_changes(a, b)
        findings += diff_figures(a, old.figures_of(a), b, new.figures_of(b), rules)
    return sorted(findings, key=Finding.sort_key)


# -- articles --------------------------------------------------------------------------------


class _Scrape:
    """One scrape's articles and each article's figures (in text order)."""

    def __init__(self, articles: Iterable[Article], figures: Iterable[Figure]) -> None:
        self.articles: list[Article] = list(articles)
        by_doc: dict[tuple[str, int], list[Figure]] = defaultdict(list)
        for f in figures:
            by_doc[(f.page, f.doc)].append(f)
        known = {(a.page, a.doc) for a in self.articles}
        for (page, doc), figs in sorted(by_doc.items()):
            if (page, doc) not in known:  # figures without their article: make one
                self.articles.append(Article(page=page, doc=doc, title=figs[0].title, body=""))
        self._figures = {k: sorted(v, key=lambda f: (f.start, f.end)) for k, v in by_doc.items()}

    def figures_of(self, article: Article) -> list[Figure]:
        return self._figures.get((article.page, article.doc), [])


def _article_finding(code: Code, article: Article, scrape: _Scrape) -> Finding:
    n = len(scrape.figures_of(article))
    verb = "added" if code == Code.ARTICLE_ADDED else "removed"
    severity = Severity.INFO if code == Code.ARTICLE_ADDED else Severity.WARNING
    return Finding(
        code,
        severity,
        f"article {verb}: {article.title} ({n} figures)",
        article=article,
        details={"article": article.ref(), "figures": n},
    )


def _article_changes(a: Article, b: Article) -> list[Finding]:
    out = []
    same_headline = (a.headline or a.title) == (b.headline or b.title)  # then no need to look
    if not same_headline and fallback_identity(a) != fallback_identity(b):
        out.append(
            Finding(
                Code.ARTICLE_RETITLED,
                Severity.INFO,
                f"article re-titled: {a.title} → {b.title}",
                article=b,
                old_article=a,
                new_article=b,
                details={"old_article": a.ref(), "new_article": b.ref()},
            )
        )
    if a.listed != b.listed or a.stated != b.stated:
        dates = {
            "listed": [_iso(a.listed), _iso(b.listed)],
            "stated": [_iso(a.stated), _iso(b.stated)],
        }
        out.append(
            Finding(
                Code.ARTICLE_REDATED,
                Severity.INFO,
                f"article re-dated: {b.title}: listed {dates['listed'][0]} → {dates['listed'][1]}",
                article=b,
                old_article=a,
                new_article=b,
                details={"old_article": a.ref(), "new_article": b.ref(), "dates": dates},
            )
        )
    return out


def _iso(d: Any) -> str | None:
    return None if d is None else str(d.isoformat())


# -- figures ---------------------------------------------------------------------------------


def _signature(f: Figure) -> tuple[Hashable, ...]:
    """Everything a figure states, without its place: equal signatures are an unchanged figure."""
    return (
        f.value,
        f.upper,
        f.unit,
        f.kind,
        f.bound,
        f.period,
        f.metric,
        norm_label(f.metric_text),
        None if f.growth_of is None else norm_label(f.growth_of),
        norm_label(f.region),
    )


def _context(article: Article, f: Figure) -> tuple[str, str]:
    """Normalised text left and right of a figure, digits masked (``#``)."""
    text, start, end = article.body, f.start, f.end
    if not text or text[start:end] != f.surface:
        text = f.sentence
        start = text.find(f.surface) if f.surface else -1
        if start < 0:
            return "", ""
        end = start + len(f.surface)
    left = masked_text(text[max(0, start - _RAW_CONTEXT) : start])
    right = masked_text(text[end : end + _RAW_CONTEXT])
    return left[-CONTEXT:], right[:CONTEXT]


_MARK = "\ue000"  # a private-use character: survives NFKC and the noise filter


def _tokens(article: Article, figs: Sequence[Figure]) -> list[tuple[str, str, str]]:
    """The token of each figure: (normalised metric text, left context, right context).

    The body is normalised once, with markers around the figures, so the contexts of a whole
    article cost three regular-expression passes.
    """
    body = article.body
    ordered = all(figs[k].end <= figs[k + 1].start for k in range(len(figs) - 1))
    if (
        not body
        or _MARK in body
        or not ordered
        or any(body[f.start : f.end] != f.surface for f in figs)
    ):
        contexts = [_context(article, f) for f in figs]
    else:
        pieces: list[str] = []
        prev = 0
        for f in figs:
            pieces += [body[prev : f.start], _MARK, f.surface, _MARK]
            prev = f.end
        pieces.append(body[prev:])
        parts = masked_text("".join(pieces)).split(_MARK)
        flat = "".join(parts)
        contexts = []
        pos = 0
        for k, part in enumerate(parts):
            if k % 2 == 1:
                contexts.append(
                    (flat[max(0, pos - CONTEXT) : pos], flat[pos + len(part) :][:CONTEXT])
                )
            pos += len(part)
    return [
        (norm_metric_text(f.metric_text, f.region), left, right)
        for f, (left, right) in zip(figs, contexts, strict=True)
    ]


def diff_figures(
    a: Article,
    old: Sequence[Figure],
    b: Article,
    new: Sequence[Figure],
    rules: CompareRules,
) -> list[Finding]:
    """The figure findings of one matched article pair."""
    if _same_figures(old, new) and (a.body == b.body or norm_text(a.body) == norm_text(b.body)):
        return []  # the fast path of an unchanged article
    old_tok = _tokens(a, old)
    new_tok = _tokens(b, new)
    pairs = _align(old_tok, new_tok)
    used_o = {i for i, _ in pairs}
    used_n = {j for _, j in pairs}
    out: list[Finding] = []
    for i, j in pairs:
        out += _compare(old[i], new[j], rules)
    out += [
        _figure_finding(Code.FIGURE_REMOVED, old[i]) for i in range(len(old)) if i not in used_o
    ]
    out += [_figure_finding(Code.FIGURE_ADDED, new[j]) for j in range(len(new)) if j not in used_n]
    return out


def _same_figures(old: Sequence[Figure], new: Sequence[Figure]) -> bool:
    if len(old) != len(new):
        return False
    return all(
        _same_as_written(x, y) or _signature(x) == _signature(y)
        for x, y in zip(old, new, strict=True)
    )


def _same_as_written(x: Figure, y: Figure) -> bool:
    """The fields of ``_signature`` equal before normalising (then they are after it too)."""
    return (
        x.value == y.value
        and x.upper == y.upper
        and x.unit == y.unit
        and x.kind == y.kind
        and x.bound == y.bound
        and x.period == y.period
        and x.metric == y.metric
        and x.metric_text == y.metric_text
        and x.growth_of == y.growth_of
        and x.region == y.region
    )


def _align(
    old: list[tuple[str, str, str]], new: list[tuple[str, str, str]]
) -> list[tuple[int, int]]:
    """Pairs (i, j) of figures that are the same statement, aligned on their tokens."""
    flip = old > new
    left, right = (new, old) if flip else (old, new)
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    pairs: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        elif op == "replace":
            block_l, block_r = left[i1:i2], right[j1:j2]
            got = pair_greedy(
                block_l, block_r, _token_similarity, lambda t: t, threshold=FIGURE_SIMILARITY
            )
            pairs += [(i1 + i, j1 + j) for i, j in got]
    return sorted((j, i) for i, j in pairs) if flip else pairs


def _token_similarity(x: tuple[str, str, str], y: tuple[str, str, str]) -> float:
    """How alike two figure contexts are; 0 for different metric texts."""
    if x[0] != y[0]:
        return 0.0
    return difflib.SequenceMatcher(None, x[1] + "|" + x[2], y[1] + "|" + y[2]).ratio()


_FIELDS = ("kind", "bound", "period", "metric", "metric_text", "growth_of", "region")


def _field_changes(o: Figure, n: Figure) -> dict[str, list[Any]]:
    """The fields other than value and unit that changed, as {field: [old, new]} (deepdiff)."""
    old, new = _record(o), _record(n)
    if old == new:  # the usual case, a number edited: nothing for deepdiff to find
        return {}
    from deepdiff import DeepDiff

    tree = DeepDiff(old, new, view="tree")
    out: dict[str, list[Any]] = {}
    for change in ("values_changed", "type_changes"):
        for level in tree.get(change, ()):
            name = str(level.path(output_format="list")[0])
            out[name] = [_plain(getattr(o, name)), _plain(getattr(n, name))]  # as written
    return dict(sorted(out.items()))


def _record(f: Figure) -> dict[str, Any]:
    """The fields compared besides value and unit; texts normalised (full-width, spaces)."""
    out = {k: _plain(getattr(f, k)) for k in _FIELDS}
    for k in _TEXT_FIELDS:
        if out[k] is not None:
            out[k] = norm_label(out[k])
    return out


_TEXT_FIELDS = ("metric_text", "growth_of", "region")


def _plain(value: Any) -> Any:
    return None if value is None else str(value)


def _compare(o: Figure, n: Figure, rules: CompareRules) -> list[Finding]:
    if _signature(o) == _signature(n):
        return []
    what = o.metric_text or n.metric_text or o.metric
    fields = _field_changes(o, n)
    abs_change = n.value - o.value
    rel_change = abs_change / abs(o.value) if o.value else None
    details: dict[str, Any] = {"abs_change": abs_change, "rel_change": rel_change}
    if fields:
        details["fields"] = fields
    if o.unit != n.unit:
        details["units"] = [o.unit, n.unit]
        message = f"{what}: unit changed {o.surface} ({o.unit}) → {n.surface} ({n.unit})"
        return [Finding(Code.UNIT_CHANGED, Severity.ERROR, message, old=o, new=n, details=details)]
    rel, abs_ = rules.tolerance(n.metric, n.unit)
    if (o.value, o.upper, o.bound) == (n.value, n.upper, n.bound):
        severity = Severity.INFO  # the number stands; only how it is read changed
        said = ", ".join(f"{k} {v[0]} → {v[1]}" for k, v in fields.items())
        message = f"{what}: {n.surface}: {said}"
    else:
        tol = abs_ + rel * max(abs(o.value), abs(n.value))
        moved = abs(abs_change) > tol or o.upper != n.upper or o.bound != n.bound
        severity = Severity.ERROR if moved else Severity.INFO
        pct = f" ({rel_change:+.1%})" if rel_change is not None else ""
        message = f"{what}: {o.surface} → {n.surface}{pct}"
    return [Finding(Code.VALUE_CHANGED, severity, message, old=o, new=n, details=details)]


def _figure_finding(code: Code, f: Figure) -> Finding:
    what = f.metric_text or f.metric
    if code == Code.FIGURE_ADDED:
        return Finding(code, Severity.INFO, f"figure added: {what} {f.surface}", new=f)
    return Finding(code, Severity.WARNING, f"figure removed: {what} {f.surface}", old=f)
