"""Scrape diff: article matching, figure alignment by context, cosmetic noise, symmetry."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from change_helpers import SEED, benchmark, edit, place, seed_articles
from hypothesis import given, settings
from hypothesis import strategies as st

from hycheck.cli import main
from hycheck.diff import diff_scrapes
from hycheck.extract import extract
from hycheck.intervals import CompareRules
from hycheck.match import match_articles
from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity
from hycheck.pages import load_pages

# Figures of the seed's first and last articles, as (doc, surface, value, unit, fields).
SPECS: list[tuple[int, str, float, str, dict[str, Any]]] = [
    (
        0,
        "948亿元",
        948e8,
        "CNY",
        {"metric": "gdp", "metric_text": "地区生产总值", "period": "2017"},
    ),
    (0, "7%", 7, "percent", {"metric": "gdp", "growth_of": "地区生产总值", "period": "2017"}),
    (0, "445.3亿元", 445.3e8, "CNY", {"metric_text": "固定资产投资", "period": "2017"}),
    (0, "10%", 10, "percent", {"growth_of": "固定资产投资", "period": "2017"}),
    (0, "568亿元", 568e8, "CNY", {"metric_text": "社会消费品零售总额", "period": "2017"}),
    (0, "10.2%", 10.2, "percent", {"growth_of": "社会消费品零售总额", "period": "2017"}),
    (0, "83.9亿元", 83.9e8, "CNY", {"metric_text": "地方一般公共预算收入", "period": "2017"}),
    (0, "9.5%", 9.5, "percent", {"growth_of": "地方一般公共预算收入", "period": "2017"}),
    (0, "35场", 35, "item", {"metric_text": "承办展会", "period": "2017"}),
    (0, "10万平方米", 10e4, "m2", {"metric_text": "新增商务楼宇面积", "period": "2017"}),
    (0, "6.8亿元", 6.8e8, "CNY", {"metric_text": "金融业税收收入", "period": "2017"}),
    (0, "58.7%", 58.7, "percent", {"growth_of": "金融业税收收入", "period": "2017"}),
    (0, "2700万人次", 2700e4, "person_time", {"metric_text": "接待游客", "period": "2017"}),
    (0, "8800余户", 8800, "household", {"metric_text": "新增各类市场主体", "bound": Bound.APPROX}),
    (0, "90立方米/秒", 90, "m3_per_s", {"metric_text": "泵站雨水抽排能力", "period": "2016"}),
    (0, "236立方米/秒", 236, "m3_per_s", {"metric_text": "泵站雨水抽排能力", "period": "2017"}),
    (0, "1200个", 1200, "item", {"metric_text": "新增公共停车泊位", "period": "2017"}),
    (0, "10公里", 10, "km", {"metric_text": "新增绿道", "period": "2017"}),
    (0, "1.65万人", 1.65e4, "person", {"metric_text": "新增就业", "period": "2017"}),
    (4, "12个", 12, "item", {"metric_text": "拟签约项目", "period": "2022Q1"}),
    (4, "超200亿元", 2e10, "CNY", {"metric_text": "投资总金额", "bound": Bound.GT}),
    (4, "超过2亿元", 2e8, "CNY", {"metric_text": "日均签约金额", "bound": Bound.GT}),
    (4, "超五成", 50, "percent", {"metric_text": "总部经济项目占比", "bound": Bound.GT}),
    (4, "7席", 7, "item", {"metric_text": "拟签约项目中总部经济项目"}),
    (4, "超过五成", 50, "percent", {"metric_text": "总部经济项目占比", "bound": Bound.GT}),
    (4, "50亿元", 50e8, "CNY", {"metric_text": "注册资本"}),
    (4, "超百亿元", 1e10, "CNY", {"metric_text": "计划投资", "bound": Bound.GT}),
]

# An article from elsewhere: the 2021 work report's plan for the year, under its own headline.
ELSEWHERE_TITLE = "【汉阳区招商】汉阳区2021年经济社会发展主要预期目标"
ELSEWHERE_BODY = (
    "全区经济社会发展的主要预期目标是:地区生产总值增长10%,固定资产投资增长5%,"
    "社会消费品零售总额增长5%,地方一般公共预算收入增长15%,招商引资实际到位资金突破650亿元,"
    "居民人均可支配收入增长与经济增速同步。"
)


def figures_of(
    articles: Sequence[Article], specs: Sequence[tuple[Any, ...]] = SPECS
) -> list[Figure]:
    """The spec figures, placed on whichever of ``articles`` holds their doc's headline."""
    seed = seed_articles()
    out = []
    for doc, surface, value, unit, fields in specs:
        target = [a for a in articles if a.title.strip() == seed[doc].title]
        out += [place(a, surface, value, unit, **fields) for a in target if surface in a.body]
    return out


def scrape(articles: Sequence[Article]) -> tuple[list[Article], list[Figure]]:
    return list(articles), figures_of(articles)


def diff(
    old: tuple[list[Article], list[Figure]], new: tuple[list[Article], list[Figure]]
) -> list[Finding]:
    return diff_scrapes(old[0], old[1], new[0], new[1])


def write_page(path: Path, articles: Sequence[Article], *, crlf: bool = False, footer: str) -> None:
    lines = []
    for a in articles:
        lines += ["-", a.title, a.body, a.listed.isoformat() if a.listed else ""]
    lines += [footer, "", "- 联系我们", "- 企业入驻", ""]
    text = ("\r\n" if crlf else "\n").join(lines)
    path.write_bytes(text.encode("utf-8"))


def noisy(article: Article) -> Article:
    """Full-width punctuation and stray whitespace: what a re-scrape of the same page may give."""
    body = article.body.replace(",", "，").replace(":", "：").replace("。", "。 ")
    return replace(article, body="  " + body.replace("(", "（").replace(")", "）") + " ")


# -- no change ---------------------------------------------------------------------------------


def test_identical_rescrape_gives_no_finding() -> None:
    arts = seed_articles()
    assert diff(scrape(arts), scrape(seed_articles())) == []


def test_cosmetic_noise_in_the_page_file_gives_no_finding(tmp_path: Path) -> None:
    old = seed_articles()
    new_page = tmp_path / "new.txt"
    write_page(
        new_page, [noisy(a) for a in reversed(old)], crlf=True, footer="有想补充的信息?点我投稿 "
    )
    new = list(load_pages(new_page))
    assert [a.title.strip() for a in new] == [a.title for a in reversed(old)]
    assert diff(scrape(old), scrape(new)) == []


# -- figure changes ---------------------------------------------------------------------------


def test_an_edited_number_is_one_value_changed_with_its_sizes() -> None:
    old = seed_articles()
    new = [edit(a, "948亿元", "958亿元") if a.doc == 0 else a for a in old]
    new_figs = [
        replace(f, surface="958亿元", value=958e8) if f.surface == "948亿元" else f
        for f in figures_of(new, [s for s in SPECS if s[1] != "948亿元"])
    ] + [
        place(
            new[0], "958亿元", 958e8, "CNY", metric="gdp", metric_text="地区生产总值", period="2017"
        )
    ]
    findings = diff_scrapes(old, figures_of(old), new, new_figs)
    assert [(f.code, f.severity) for f in findings] == [(Code.VALUE_CHANGED, Severity.ERROR)]
    (f,) = findings
    assert f.old is not None
    assert f.new is not None
    assert (f.old.surface, f.new.surface) == ("948亿元", "958亿元")
    assert f.details["abs_change"] == pytest.approx(1e9)
    assert f.details["rel_change"] == pytest.approx(10 / 948)


def test_a_figure_inserted_mid_article_shifts_no_other_figure() -> None:
    old = seed_articles()
    inserted = "新增高新技术企业35家。"
    new = [
        edit(a, "工业经济稳步提升。", "工业经济稳步提升。" + inserted) if a.doc == 0 else a
        for a in old
    ]
    new_figs = [*figures_of(new), place(new[0], "35家", 35, "item", metric_text="新增高新技术企业")]
    findings = diff_scrapes(old, figures_of(old), new, new_figs)
    assert [(f.code, f.new.surface if f.new else None) for f in findings] == [
        (Code.FIGURE_ADDED, "35家")
    ]
    assert findings[0].severity == Severity.INFO


def test_a_removed_sentence_is_figure_removed_and_nothing_else() -> None:
    old = seed_articles()
    new = [edit(a, "新增公共停车泊位1200个。", "") if a.doc == 0 else a for a in old]
    findings = diff(scrape(old), scrape(new))
    assert [(f.code, f.old.surface if f.old else None) for f in findings] == [
        (Code.FIGURE_REMOVED, "1200个")
    ]
    assert findings[0].severity == Severity.WARNING


def test_a_changed_unit_is_unit_changed() -> None:
    old = seed_articles()
    new = [edit(a, "新增绿道10公里", "新增绿道10万平方米") if a.doc == 0 else a for a in old]
    specs = [s for s in SPECS if s[1] != "10公里"]
    new_figs = [
        *figures_of(new, specs),
        place(new[0], "10万平方米", 100000.0, "m2", nth=1, metric_text="新增绿道"),
    ]
    findings = diff_scrapes(old, figures_of(old), new, new_figs)
    assert [(f.code, f.severity) for f in findings] == [(Code.UNIT_CHANGED, Severity.ERROR)]
    assert findings[0].details["units"] == ["km", "m2"]


def test_a_change_within_the_tolerance_is_only_info() -> None:
    old = seed_articles()
    old_figs = figures_of(old)
    new_figs = [
        replace(f, value=f.value * 1.0004) if f.surface == "948亿元" else f for f in old_figs
    ]
    findings = diff_scrapes(old, old_figs, old, new_figs, expectations=CompareRules(rel_tol=0.001))
    assert [(f.code, f.severity) for f in findings] == [(Code.VALUE_CHANGED, Severity.INFO)]


def test_a_changed_kind_with_the_same_number_is_reported_with_the_field_from_deepdiff() -> None:
    old = seed_articles()
    old_figs = figures_of(old)
    new_figs = [replace(f, kind=Kind.ESTIMATE) if f.surface == "948亿元" else f for f in old_figs]
    (finding,) = diff_scrapes(old, old_figs, old, new_figs)
    assert finding.severity == Severity.INFO
    assert finding.details["fields"] == {"kind": ["actual", "estimate"]}


# -- article changes --------------------------------------------------------------------------


def test_seed_against_an_edited_copy_gives_exactly_the_edits(tmp_path: Path) -> None:
    old = seed_articles()
    elsewhere = Article(
        page="x", doc=9, title=ELSEWHERE_TITLE, body=ELSEWHERE_BODY, listed=old[3].listed
    )
    kept = [edit(a, "948亿元", "958亿元") if a.doc == 0 else noisy(a) for a in old if a.doc != 1]
    page = tmp_path / "new.txt"
    write_page(page, [*reversed(kept), elsewhere], crlf=True, footer="有想补充的信息?点我投稿")
    new = list(load_pages(page))
    specs = [s for s in SPECS if s[1] != "948亿元"]
    gdp: dict[str, Any] = {"metric": "gdp", "metric_text": "地区生产总值", "period": "2017"}
    new_figs = [*figures_of(new, specs), place(new[3], "958亿元", 95800000000.0, "CNY", **gdp)]
    new_figs.append(place(new[4], "10%", 10, "percent", metric="gdp", growth_of="地区生产总值"))
    findings = diff_scrapes(old, figures_of(old), new, new_figs)
    got = sorted((str(f.code), (f.article or f.new or f.old).title) for f in findings)  # type: ignore[union-attr]
    assert got == sorted(
        [
            ("article_added", ELSEWHERE_TITLE),
            ("article_removed", old[1].title),
            ("value_changed", old[0].title),
        ]
    )
    added = next(f for f in findings if f.code == Code.ARTICLE_ADDED)
    assert added.details["figures"] == 1


def test_a_retitled_article_is_matched_by_its_body(tmp_path: Path) -> None:
    old = seed_articles()
    retitled = "【汉阳区招商】汉阳一季度招商引资实现开门红"
    page = tmp_path / "new.txt"
    write_page(
        page,
        [replace(a, title=retitled) if a.doc == 4 else a for a in old],
        footer="有想补充的信息?点我投稿",
    )
    new = list(load_pages(page))
    assert new[4].identity != old[4].identity
    findings = diff_scrapes(old, extract(old), new, extract(new))
    assert [f.code for f in findings] == [Code.ARTICLE_RETITLED]
    (f,) = findings
    assert f.old_article is not None
    assert f.new_article is not None
    assert (f.old_article.title, f.new_article.title) == (old[4].title, retitled)


def test_a_relisted_article_is_redated() -> None:
    old = seed_articles()
    new = [replace(a, listed=old[0].listed) if a.doc == 4 else a for a in old]
    findings = diff(scrape(old), scrape(new))
    assert [(f.code, f.severity) for f in findings] == [(Code.ARTICLE_REDATED, Severity.INFO)]
    assert findings[0].details["dates"]["listed"] == ["2025-07-02", "2025-07-15"]


def test_articles_with_one_headline_are_told_apart_by_their_bodies() -> None:
    a, b = seed_articles()[0], seed_articles()[3]
    twin = replace(b, title=a.title, doc=7)
    pairs, removed, added = match_articles([a, twin], [replace(twin, doc=0), replace(a, doc=1)])
    assert sorted((x.doc, y.doc) for x, y in pairs) == [(0, 1), (7, 0)]
    assert removed == added == []


# -- properties ---------------------------------------------------------------------------------


def _mirror(f: Finding) -> tuple[str, Any, Any]:
    swap = {"figure_added": "figure_removed", "article_added": "article_removed"}
    swap |= {v: k for k, v in swap.items()}
    code = swap.get(str(f.code), str(f.code))
    return (
        code,
        _ref(f.new) or _aref(f.new_article or f.article),
        _ref(f.old) or _aref(f.old_article),
    )


def _plain(f: Finding) -> tuple[str, Any, Any]:
    art = f.old_article or f.article
    return (str(f.code), _ref(f.old) or _aref(art), _ref(f.new) or _aref(f.new_article))


def _ref(f: Figure | None) -> Any:
    return None if f is None else (f.page, f.doc, f.start, f.surface)


def _aref(a: Article | None) -> Any:
    return None if a is None else (a.page, a.doc, a.title)


EDITS = [
    (0, "948亿元", "958亿元"),
    (0, "新增公共停车泊位1200个。", ""),
    (0, "工业经济稳步提升。", "工业经济稳步提升。新增高新技术企业35家。"),
    (4, "占据7席", "占据8席"),
    (0, "新增绿道10公里", "新增绿道12公里"),
]


def _mutate(picks: list[int], dropped: list[int]) -> list[Article]:
    arts = seed_articles()
    for k in picks:
        doc, old, new = EDITS[k]
        arts = [edit(a, old, new) if a.doc == doc and old in a.body else a for a in arts]
    return [a for a in arts if a.doc not in dropped]


def _figs(arts: list[Article]) -> list[Figure]:
    specs = [
        (0, "958亿元", 958e8, "CNY", {"metric": "gdp"}),
        (0, "35家", 35, "item", {}),
        (4, "8席", 8, "item", {}),
        (0, "12公里", 12, "km", {}),
        *SPECS,
    ]
    return figures_of(arts, specs)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(0, len(EDITS) - 1), unique=True),
    st.lists(st.integers(0, 4), unique=True, max_size=2),
    st.lists(st.integers(0, len(EDITS) - 1), unique=True),
    st.lists(st.integers(0, 4), unique=True, max_size=2),
)
def test_diff_is_empty_on_itself_and_mirrors_when_swapped(
    pa: list[int], da: list[int], pb: list[int], db: list[int]
) -> None:
    a, b = _mutate(pa, da), _mutate(pb, db)
    fa, fb = _figs(a), _figs(b)
    assert diff_scrapes(a, fa, a, fa) == []
    forward = sorted(map(_plain, diff_scrapes(a, fa, b, fb)), key=repr)
    backward = sorted(map(_mirror, diff_scrapes(b, fb, a, fa)), key=repr)
    assert forward == backward


# -- scale ------------------------------------------------------------------------------------


def test_diff_of_two_large_scrapes_is_linear() -> None:
    """10,000 articles × 20 figures, 1% of them edited: far below a pairwise loop's time."""
    synthetic_scrape = benchmark("synthetic").diff_scrape
    old_a, old_f = synthetic_scrape(10_000, 20, seed=1, edited=0.0)
    new_a, new_f = synthetic_scrape(10_000, 20, seed=1, edited=0.01)
    t = time.perf_counter()
    findings = diff_scrapes(old_a, old_f, new_a, new_f)
    elapsed = time.perf_counter() - t
    assert {f.code for f in findings} == {Code.VALUE_CHANGED}
    edited = sum(a.body != b.body for a, b in zip(old_a, new_a, strict=True))
    assert len(findings) == edited > 50
    assert elapsed < 5.0


# -- command line -----------------------------------------------------------------------------


def _pages(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / SEED.name).write_bytes(SEED.read_bytes())
    arts = [a for a in seed_articles() if a.doc != 2]
    write_page(new / SEED.name, arts, footer="有想补充的信息?点我投稿")
    return old, new


def test_diff_command_writes_json_and_exits_one_at_the_fail_on_severity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    old, new = _pages(tmp_path)
    assert main(["diff", str(old), str(new), "--format", "json", "--fail-on", "warning"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in out["findings"]] == ["article_removed"]
    assert out["findings"][0]["article"]["title"] == seed_articles()[2].title
    assert main(["diff", str(old), str(new)]) == 0


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("markdown", "article_removed"), ("junit", "<testsuite"), ("github", "::warning")],
)
def test_diff_command_renders_every_report_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, marker: str
) -> None:
    old, new = _pages(tmp_path)
    assert main(["diff", str(old), str(new), "--format", fmt, "--fail-on", "warning"]) == 1
    out = capsys.readouterr().out
    assert marker in out
    assert "汉阳区迎来39亿大健康产业集群" in out


def test_diff_command_writes_to_the_output_file(tmp_path: Path) -> None:
    old, new = _pages(tmp_path)
    out = tmp_path / "report.txt"
    assert main(["diff", str(old), str(new), "--output", str(out)]) == 0
    assert "article_removed" in out.read_text(encoding="utf-8")


# -- the seed through the real extractor ----------------------------------------------------------


def _edited_noisy_copy(path: Path) -> list[Article]:
    """The seed re-scraped with noise, doc 1 removed, an article added, three figures edited."""
    old = seed_articles()
    elsewhere = Article(
        page="x", doc=9, title=ELSEWHERE_TITLE, body=ELSEWHERE_BODY, listed=old[3].listed
    )
    kept = []
    for a in old:
        if a.doc == 1:
            continue
        a = noisy(a)
        if a.doc == 0:
            a = edit(a, "948亿元", "958亿元")
            a = edit(a, "新增公共停车泊位1200个。", "")
            a = edit(a, "工业经济稳步提升。", "工业经济稳步提升。新增高新技术企业35家。")
        if a.doc == 4:
            a = edit(a, "占据7席", "占据8席")
        kept.append(a)
    write_page(path, [*reversed(kept), elsewhere], crlf=True, footer="有想补充的信息?点我投稿")
    return list(load_pages(path))


def test_extracted_seed_against_an_edited_noisy_copy_gives_exactly_the_edits(
    tmp_path: Path,
) -> None:
    old = seed_articles()
    new = _edited_noisy_copy(tmp_path / "new.txt")
    findings = diff_scrapes(old, extract(old), new, extract(new))
    got = [
        (
            str(f.code),
            str(f.severity),
            (f.old.surface if f.old else None),
            (f.new.surface if f.new else None),
        )
        for f in findings
        if f.article is None
    ]
    assert sorted(got) == [
        ("figure_added", "info", None, "35家"),
        ("figure_removed", "warning", "1200个", None),
        ("value_changed", "error", "7席", "8席"),
        ("value_changed", "error", "948亿元", "958亿元"),
    ]
    articles = sorted((str(f.code), f.article.title) for f in findings if f.article is not None)
    assert articles == [("article_added", ELSEWHERE_TITLE), ("article_removed", old[1].title)]


def test_extracted_seed_against_a_noise_only_copy_gives_nothing(tmp_path: Path) -> None:
    old = seed_articles()
    page = tmp_path / "noisy.txt"
    write_page(page, [noisy(a) for a in reversed(old)], crlf=True, footer="- 联系我们 ")
    new = list(load_pages(page))
    assert diff_scrapes(old, extract(old), new, extract(new)) == []


def test_diff_command_with_a_missing_scrape_exits_two_without_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = _pages(tmp_path)
    assert main(["diff", str(old), str(tmp_path / "missing")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "missing: no such file or directory" in captured.err
