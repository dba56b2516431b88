"""The JSON form of findings: plain JSON types out, typed objects back in.

``finding_to_dict`` writes a finding in the shape DESIGN.md fixes (figure objects, article
objects, keys that do not apply left out); ``to_plain`` makes caller-supplied details plain
(numpy, tuples, sets, dates); ``Reader`` reads a saved report back and names the key of the
first thing that does not follow the contract.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from hycheck.errors import ReportError
from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity

_E = TypeVar("_E", Code, Severity, Kind, Bound)


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as plain JSON types; keys that do not apply are left out."""
    out: dict[str, Any] = {
        "code": str(finding.code),
        "severity": str(finding.severity),
        "message": finding.message,
    }
    if finding.figures:
        out["figures"] = [figure_to_dict(f) for f in finding.figures]
    if finding.old is not None:
        out["old"] = figure_to_dict(finding.old)
    if finding.new is not None:
        out["new"] = figure_to_dict(finding.new)
    if finding.article is not None:
        out["article"] = article_to_dict(finding.article)
    if finding.old_article is not None:
        out["old_article"] = article_to_dict(finding.old_article)
    if finding.new_article is not None:
        out["new_article"] = article_to_dict(finding.new_article)
    if finding.rule:
        out["rule"] = finding.rule
    if finding.details:
        out["details"] = to_plain(finding.details, "details")
    return out


def figure_to_dict(figure: Figure) -> dict[str, Any]:
    """``Figure.to_dict`` with a value that is not a finite number written as null."""
    out = figure.to_dict()
    for key in ("value", "upper"):
        v = out[key]
        if isinstance(v, float) and not math.isfinite(v):
            out[key] = None
    return out


def article_to_dict(article: Article) -> dict[str, Any]:
    """``Article.ref()`` (page, doc, title, listed) and the page line when known."""
    out = article.ref()
    if article.line:
        out["line"] = article.line
    return out


def to_plain(value: Any, path: str) -> Any:
    """``value`` as plain JSON types: numpy scalars and arrays, tuples, sets, dates, enums,
    figures and articles converted; a float that is not finite becomes null.  Anything else
    is a programming error: ``TypeError`` naming the path."""
    try:
        return _plain(value)
    except _NotPlain:
        return _plain_at(value, path)  # again, slowly, to name the path


class _NotPlain(Exception):
    pass


def _plain(value: Any) -> Any:
    t = type(value)
    if t is str or t is int or t is bool or value is None:
        return value
    if t is float:
        return value if math.isfinite(value) else None
    if t is dict:
        return {k if type(k) is str else str(k): _plain(v) for k, v in value.items()}
    if t is list or t is tuple:
        return [_plain(v) for v in value]
    return _convert(value, _plain, _NotPlain)


def _plain_at(value: Any, path: str) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain_at(v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_at(v, f"{path}[{i}]") for i, v in enumerate(value)]
    return _convert(
        value,
        lambda v: _plain_at(v, path),
        TypeError(f"{path}: {type(value).__name__} is not a JSON value"),
    )


def _convert(value: Any, again: Any, error: Any) -> Any:
    """The less common types: subclasses, mappings, sets, dates, model objects, numpy."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, Mapping | list | tuple):
        return again(dict(value) if isinstance(value, Mapping) else list(value))
    if isinstance(value, set | frozenset):
        items = [again(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Figure):
        return figure_to_dict(value)
    if isinstance(value, Article):
        return article_to_dict(value)
    if type(value).__module__ == "numpy" and hasattr(value, "tolist"):
        return again(value.tolist())  # numpy scalar or array
    if type(value).__name__ == "Decimal":
        return again(float(value))
    raise error


class Reader:
    """Typed access to a parsed JSON report; every error names the source and the key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> ReportError:
        return ReportError(self.source, key, problem)

    def mapping(self, value: object, key: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected an object, found {_kind(value)}")
        return value

    def sequence(self, value: object, key: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, found {_kind(value)}")
        return value

    def text(self, value: object, key: str) -> str:
        if not isinstance(value, str):
            raise self.fail(key, f"expected a string, found {_kind(value)}")
        return value

    def integer(self, value: object, key: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"expected an integer, found {_kind(value)}")
        return value

    def real(self, value: object, key: str) -> float:
        if value is None:
            return math.nan
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"expected a number, found {_kind(value)}")
        return float(value)

    def choice(self, enum: type[_E], value: object, key: str) -> _E:
        text = self.text(value, key)
        try:
            return enum(text)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise self.fail(key, f"unknown value {text!r}; allowed: {allowed}") from None

    def figure(self, value: object, key: str) -> Figure:
        d = self.mapping(value, key)
        for name in ("page", "doc", "title", "start", "end", "surface", "value", "unit"):
            if name not in d:
                raise self.fail(f"{key}.{name}", "missing")
        upper = d.get("upper")
        growth_of = d.get("growth_of")
        return Figure(
            page=self.text(d["page"], f"{key}.page"),
            doc=self.integer(d["doc"], f"{key}.doc"),
            title=self.text(d["title"], f"{key}.title"),
            start=self.integer(d["start"], f"{key}.start"),
            end=self.integer(d["end"], f"{key}.end"),
            surface=self.text(d["surface"], f"{key}.surface"),
            value=self.real(d["value"], f"{key}.value"),
            unit=self.text(d["unit"], f"{key}.unit"),
            metric_text=self.text(d.get("metric_text", ""), f"{key}.metric_text"),
            metric=self.text(d.get("metric", "other"), f"{key}.metric"),
            period=self.text(d.get("period", "unknown"), f"{key}.period"),
            kind=self.choice(Kind, d.get("kind", "actual"), f"{key}.kind"),
            bound=self.choice(Bound, d.get("bound", "eq"), f"{key}.bound"),
            growth_of=None if growth_of is None else self.text(growth_of, f"{key}.growth_of"),
            region=self.text(d.get("region", ""), f"{key}.region"),
            upper=None if upper is None else self.real(upper, f"{key}.upper"),
            sentence=self.text(d.get("sentence", ""), f"{key}.sentence"),
        )

    def article(self, value: object, key: str) -> Article:
        d = self.mapping(value, key)
        listed = d.get("listed")
        parsed: date | None = None
        if listed is not None:
            try:
                parsed = date.fromisoformat(self.text(listed, f"{key}.listed"))
            except ValueError:
                raise self.fail(f"{key}.listed", f"not a date: {listed!r}") from None
        return Article(
            page=self.text(d.get("page"), f"{key}.page"),
            doc=self.integer(d.get("doc"), f"{key}.doc"),
            title=self.text(d.get("title"), f"{key}.title"),
            body="",
            line=self.integer(d.get("line", 0), f"{key}.line"),
            listed=parsed,
        )

    def finding(self, value: object, key: str) -> Finding:
        d = self.mapping(value, key)

        def optional_figure(name: str) -> Figure | None:
            return None if d.get(name) is None else self.figure(d[name], f"{key}.{name}")

        def optional_article(name: str) -> Article | None:
            return None if d.get(name) is None else self.article(d[name], f"{key}.{name}")

        figures = self.sequence(d.get("figures", []), f"{key}.figures")
        return Finding(
            code=self.choice(Code, d.get("code"), f"{key}.code"),
            severity=self.choice(Severity, d.get("severity"), f"{key}.severity"),
            message=self.text(d.get("message", ""), f"{key}.message"),
            figures=tuple(self.figure(x, f"{key}.figures[{i}]") for i, x in enumerate(figures)),
            old=optional_figure("old"),
            new=optional_figure("new"),
            article=optional_article("article"),
            old_article=optional_article("old_article"),
            new_article=optional_article("new_article"),
            rule=self.text(d.get("rule", ""), f"{key}.rule"),
            details=dict(self.mapping(d.get("details", {}), f"{key}.details")),
        )


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else f"a {type(value).__name__}"
    )
