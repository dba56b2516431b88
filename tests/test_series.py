"""Series checks: levels against stated growth and plausible change; explanations quoted."""

from __future__ import annotations

from datetime import date
from typing import Any

from change_helpers import place, seed_articles

from hycheck.conflicts import find_conflicts
from hycheck.extract import extract
from hycheck.intervals import CompareRules
from hycheck.model import Article, Bound, Code, Figure, Finding, Kind
from hycheck.series import sentences

GDP: dict[str, Any] = {"metric": "gdp", "metric_text": "地区生产总值"}
GROWTH: dict[str, Any] = {
    "metric": "gdp",
    "metric_text": "地区生产总值增长",
    "growth_of": "地区生产总值",
}


def report(doc: int, year: int, body: str, region: str = "汉阳区") -> Article:
    return Article(
        page="reports.txt",
        doc=doc,
        title=f"{year}年{region}国民经济和社会发展统计公报",
        body=body,
        stated=date(year + 1, 4, 1),
        region=region,
    )


def breaks(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code == Code.SERIES_BREAK]


def test_seed_gdp_series_breaks_after_2018_and_quotes_the_relocation_of_wuhan_tobacco() -> None:
    a0, _, _, a3, _ = seed_articles()
    figs = [
        place(a0, "948亿元", 948e8, "CNY", period="2017", kind=Kind.ESTIMATE, **GDP),
        place(a0, "7%", 7, "percent", period="2017", kind=Kind.ESTIMATE, **GROWTH),
        place(a3, "破千亿", 1e11, "CNY", period="2018", bound=Bound.GT, **GDP),
        place(a3, "700亿元", 700e8, "CNY", period="2020", kind=Kind.ESTIMATE, **GDP),
    ]
    (brk,) = breaks(find_conflicts(figs, seed_articles()))
    assert [f.surface for f in brk.figures] == ["948亿元", "破千亿", "700亿元"]
    assert brk.details["breaks"] == [[1, 2]]
    assert (brk.details["region"], brk.details["metric"], brk.details["unit"]) == (
        "汉阳区",
        "gdp",
        "CNY",
    )
    why = brk.details["explanation"]
    assert "武烟搬迁导致经济总量大幅下降" in why["sentence"]
    assert why["doc"] == 3
    assert a3.body[why["start"] :].startswith(why["sentence"])


def test_a_series_that_grows_as_stated_has_no_break() -> None:
    arts = [
        report(0, 2016, "全区实现地区生产总值886亿元,增长7.8%。"),
        report(1, 2017, "全区实现地区生产总值948亿元,增长7%。"),
        report(2, 2018, "全区实现地区生产总值1016亿元,增长7.2%。"),
    ]
    figs = []
    for art, (level, value, rate) in zip(
        arts, [("886亿元", 886, 7.8), ("948亿元", 948, 7), ("1016亿元", 1016, 7.2)], strict=True
    ):
        year = art.title[:4]
        figs.append(place(art, level, value * 1e8, "CNY", period=year, **GDP))
        figs.append(place(art, f"{rate:g}%", rate, "percent", period=year, **GROWTH))
    assert find_conflicts(figs, arts) == []


def test_a_level_that_contradicts_its_stated_growth_is_a_break() -> None:
    arts = [
        report(0, 2016, "全区实现地区生产总值700亿元。"),
        report(1, 2017, "全区实现地区生产总值948亿元,增长7%。"),
    ]
    figs = [
        place(arts[0], "700亿元", 700e8, "CNY", period="2016", **GDP),
        place(arts[1], "948亿元", 948e8, "CNY", period="2017", **GDP),
        place(arts[1], "7%", 7, "percent", period="2017", **GROWTH),
    ]
    (brk,) = breaks(find_conflicts(figs, arts))
    assert brk.details["breaks"] == [[0, 1]]
    assert "explanation" not in brk.details


def test_without_growth_rates_only_an_implausible_jump_breaks_the_series() -> None:
    arts = [
        report(0, 2016, "全年接待游客2500万人次。"),
        report(1, 2017, "全年接待游客2700万人次。"),
        report(2, 2018, "全年接待游客5600万人次。"),
    ]
    surfaces = ["2500万人次", "2700万人次", "5600万人次"]
    figs = [
        place(
            a,
            s,
            float(s[:4]) * 1e4,
            "person_time",
            metric="tourists",
            metric_text="接待游客",
            period=a.title[:4],
        )
        for a, s in zip(arts, surfaces, strict=True)
    ]
    (brk,) = breaks(find_conflicts(figs, arts))
    assert brk.details["breaks"] == [[1, 2]]
    relaxed = CompareRules(max_annual_change=1.5)
    assert breaks(find_conflicts(figs, arts, expectations=relaxed)) == []


def test_only_articles_about_the_region_are_searched_for_an_explanation() -> None:
    arts = [
        report(0, 2016, "全区实现地区生产总值1000亿元。"),
        report(1, 2017, "全区实现地区生产总值600亿元。"),
        report(2, 2017, "受区划调整影响,全市地区生产总值有所下降。", region="武汉市"),
    ]
    figs = [
        place(arts[0], "1000亿元", 1000e8, "CNY", period="2016", **GDP),
        place(arts[1], "600亿元", 600e8, "CNY", period="2017", **GDP),
    ]
    relaxed = CompareRules(max_annual_change=0.3)
    (brk,) = breaks(find_conflicts(figs, arts, expectations=relaxed))
    assert "explanation" not in brk.details
    arts[2] = report(2, 2017, "受区划调整影响,全区地区生产总值有所下降。")
    (brk,) = breaks(find_conflicts(figs, arts, expectations=relaxed))
    assert brk.details["explanation"]["sentence"] == "受区划调整影响,全区地区生产总值有所下降。"


def test_a_cause_beats_a_mere_movement_when_both_stand_near_the_metric() -> None:
    body = "全区实现地区生产总值600亿元,比上年下降。因统计口径调整,地区生产总值与上年不可比。"
    arts = [report(0, 2016, "全区实现地区生产总值1000亿元。"), report(1, 2017, body)]
    figs = [
        place(arts[0], "1000亿元", 1000e8, "CNY", period="2016", **GDP),
        place(arts[1], "600亿元", 600e8, "CNY", period="2017", **GDP),
    ]
    (brk,) = breaks(find_conflicts(figs, arts, expectations=CompareRules(max_annual_change=0.3)))
    assert brk.details["explanation"]["sentence"] == "因统计口径调整,地区生产总值与上年不可比。"


def test_targets_and_growth_rates_are_not_points_of_a_series() -> None:
    a0, _, _, a3, _ = seed_articles()
    figs: list[Figure] = [
        place(a0, "948亿元", 948e8, "CNY", period="2017", kind=Kind.ESTIMATE, **GDP),
        place(
            a0, "突破千亿元", 1e11, "CNY", period="2018", kind=Kind.TARGET, bound=Bound.GT, **GDP
        ),
        place(a3, "10%", 10, "percent", period="2021", kind=Kind.TARGET, **GROWTH),
    ]
    assert breaks(find_conflicts(figs, seed_articles())) == []


def test_sentences_keep_their_offsets_in_the_body() -> None:
    body = seed_articles()[4].body
    pieces = sentences(body)
    assert all(body[start:].startswith(text) for start, text in pieces)
    assert "".join(text for _, text in pieces) == body


# -- the seed through the real extractor ----------------------------------------------------------


def test_extracted_seed_gdp_series_breaks_with_the_relocation_sentence_quoted() -> None:
    arts = seed_articles()
    (brk,) = breaks(find_conflicts(extract(arts), arts))
    assert (brk.details["region"], brk.details["metric"]) == ("汉阳区", "gdp")
    assert [(f.surface, f.period) for f in brk.figures] == [
        ("948亿元", "2017"),
        ("破千亿", "2018"),
        ("700亿元", "2020"),
    ]
    assert brk.details["breaks"] == [[1, 2]]
    assert "武烟搬迁导致经济总量大幅下降" in brk.details["explanation"]["sentence"]
