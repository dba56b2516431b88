"""Hypothesis strategies for reports whose scraped text is hostile (markup, HTML, links)."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity
from hycheck.report import Report

PIECES = (
    "汉阳区", "地区生产总值", "948亿元", "破千亿", "增长7%", ",", "。", "、", "“", "”", "【", "】",
    " ", "  ", "\n", "\r\n", "\t", "\x00", "\x1b[31m", "\u202e", "\u2028",
    "|", "||", "`", "```", "~~~", "*", "**", "_", "~~", "#", "# ", "> ", "- ", "+ ", "1. ", "2) ",
    "=", "---", "[", "]", "(", ")", "![x](y)", "[x](javascript:alert(1))", "[x]: http://e.vil",
    "<", ">", "<script>", "</script>", "<img src=x onerror=alert(1)>", "<!--", "-->", "<b>",
    "&", "&amp;", "&#60;", "&lt;", "\\", "\\|", "$", "$x$", "@", "@octocat", "a@e.vil", "www.",
    "www.e.vil", "http://e.vil", "https://", "mailto:a@b.cn", "<http://e.vil>", ":", "\"", "'",
    ";", "[^1]", "%", "%0A", "::", ",line=9", "]]>", "\ud7ff", "\ufffe",
)  # fmt: skip

hostile_text = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
periods = st.one_of(
    st.sampled_from(["2017", "2018", "2020Q1", "2016-2020", "unknown"]), hostile_text
)
finite = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)
values = st.one_of(finite, st.sampled_from([0.0, 9.48e10, 1e11, 7.0, float("nan"), float("inf")]))


@st.composite
def figures(draw: st.DrawFn, page: str | None = None) -> Figure:
    surface = draw(
        st.sampled_from(["948亿元", "破千亿", "7%", "超过五成", "1.65万人"]) | hostile_text
    )
    sentence = draw(hostile_text)
    if draw(st.booleans()):
        sentence = sentence + surface + draw(hostile_text)
    start = draw(st.integers(min_value=0, max_value=10_000))
    return Figure(
        page=page if page is not None else draw(st.sampled_from(["seeds/a.txt", "b|`<i>.txt"])),
        doc=draw(st.integers(min_value=0, max_value=3)),
        title=draw(hostile_text),
        start=start,
        end=start + len(surface),
        surface=surface,
        value=draw(values),
        unit=draw(st.sampled_from(["CNY", "USD", "percent", "person", "item", ""])),
        metric_text=draw(hostile_text),
        metric=draw(st.sampled_from(["gdp", "other", "fixed_asset_investment"])),
        period=draw(periods),
        kind=draw(st.sampled_from(list(Kind))),
        bound=draw(st.sampled_from(list(Bound))),
        growth_of=draw(st.none() | hostile_text),
        region=draw(hostile_text),
        upper=draw(st.none() | finite),
        sentence=sentence,
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    return Article(
        page=draw(st.sampled_from(["seeds/a.txt", "b|`<i>.txt"])),
        doc=draw(st.integers(min_value=0, max_value=3)),
        title=draw(hostile_text),
        body="",
        line=draw(st.integers(min_value=0, max_value=50)),
        listed=draw(st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1))),
    )


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | finite | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def details(draw: st.DrawFn, code: Code, n: int) -> dict[str, Any]:
    out: dict[str, Any] = draw(
        st.dictionaries(st.sampled_from(["note", "x|y"]), json_values, max_size=2)
    )
    if code in (Code.VALUE_CHANGED, Code.UNIT_CHANGED):
        out["abs_change"] = draw(st.none() | finite)
        out["rel_change"] = draw(st.none() | finite)
    elif code in (Code.CONFLICT, Code.REVISION, Code.TARGET_MET, Code.TARGET_MISSED):
        pair = st.lists(st.none() | finite, min_size=2, max_size=2)
        out.update(a_interval=draw(pair), b_interval=draw(pair), gap=draw(finite))
    elif code == Code.SERIES_BREAK:
        idx = st.integers(min_value=-1, max_value=n)
        out.update(
            region=draw(hostile_text),
            metric="gdp",
            unit="CNY",
            breaks=draw(st.lists(st.lists(idx, min_size=2, max_size=2), max_size=2)),
        )
        if draw(st.booleans()):
            out["explanation"] = {
                "page": draw(hostile_text),
                "doc": draw(st.integers(0, 9) | hostile_text),
                "title": draw(hostile_text),
                "start": draw(st.integers(0, 9999) | hostile_text),
                "sentence": draw(hostile_text),
            }
    elif code == Code.ARITHMETIC_MISMATCH:
        out.update(relation=draw(hostile_text), expected=draw(finite), stated=draw(finite))
    else:
        out.update(column=draw(hostile_text), check=draw(hostile_text))
    return out


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    code = draw(st.sampled_from(list(Code)))
    figs = tuple(draw(st.lists(figures(), max_size=3)))
    changed = code in (
        Code.VALUE_CHANGED,
        Code.UNIT_CHANGED,
        Code.FIGURE_ADDED,
        Code.FIGURE_REMOVED,
    )
    art = code.value.startswith("article_") or code in (Code.STALE_ARTICLE, Code.BAD_INPUT)
    return Finding(
        code=code,
        severity=draw(st.sampled_from(list(Severity))),
        message=draw(hostile_text),
        figures=() if changed or art else figs,
        old=draw(st.none() | figures()) if changed else None,
        new=draw(st.none() | figures()) if changed else None,
        article=draw(st.none() | articles()) if art else None,
        old_article=draw(st.none() | articles()) if art else None,
        new_article=draw(st.none() | articles()) if art else None,
        rule=draw(st.just("") | hostile_text),
        details=draw(details(code, len(figs))),
    )


@st.composite
def reports(draw: st.DrawFn, max_findings: int = 6) -> Report:
    return Report(
        findings=draw(st.lists(findings(), max_size=max_findings)),
        pages=draw(
            st.lists(st.sampled_from(["seeds/a.txt", "b|`<i>.txt"]), max_size=2, unique=True)
        ),
        articles=draw(st.integers(min_value=0, max_value=10)),
        figures=draw(st.integers(min_value=0, max_value=300)),
        problems=draw(st.lists(hostile_text, max_size=2)),
        extra=draw(
            st.dictionaries(st.sampled_from(["baseline", "run|<b>"]), hostile_text, max_size=2)
        ),
        sources=draw(st.lists(articles(), max_size=3)),
    )
