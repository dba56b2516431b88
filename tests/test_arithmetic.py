"""Arithmetic inside one article: daily × days, shares, multiples, parts; mutations caught."""

from __future__ import annotations

from typing import Any

import pytest
from change_helpers import edit, place, seed_articles

from hycheck.conflicts import find_conflicts
from hycheck.extract import extract
from hycheck.model import Article, Bound, Code, Figure, Finding, Severity

Q1: dict[str, Any] = {"period": "2022Q1"}


def quarter_figures(
    a: Article,
    daily: str = "超过2亿元",
    total: str = "超200亿元",
    part: str = "7席",
    share: str = "超过五成",
) -> list[Figure]:
    """The figures of the seed's 2022 first-quarter article (doc 4)."""
    return [
        place(a, "12个", 12, "item", metric_text="拟签约项目", **Q1),
        place(
            a, total, _yi(total), "CNY", metric_text="拟签约项目投资总金额", bound=Bound.GT, **Q1
        ),
        place(a, daily, _yi(daily), "CNY", metric_text="日均签约金额", bound=Bound.GT, **Q1),
        place(a, "超五成", 50, "percent", metric_text="总部经济项目占比", bound=Bound.GT, **Q1),
        place(a, "12个", 12, "item", nth=1, metric_text="拟签约项目", **Q1),
        place(a, part, float(part[0]), "item", metric_text="拟签约项目中总部经济项目", **Q1),
        place(
            a, share, _cheng(share), "percent", metric_text="总部经济项目占比", bound=Bound.GT, **Q1
        ),
        place(a, "50亿元", 50e8, "CNY", metric_text="注册资本"),
        place(a, "超百亿元", 1e10, "CNY", metric_text="华中区域总部计划投资", bound=Bound.GT),
    ]


def _yi(surface: str) -> float:
    digits = "".join(ch for ch in surface if ch.isdigit())
    return float(digits) * 1e8


def _cheng(surface: str) -> float:
    return {"五": 50.0, "八": 80.0, "三": 30.0}[surface[-2]]


def mismatches(findings: list[Finding]) -> list[tuple[str, str]]:
    return [
        (f.details["relation"], str(f.severity))
        for f in findings
        if f.code == Code.ARITHMETIC_MISMATCH
    ]


def test_the_seed_quarter_adds_up() -> None:
    a = seed_articles()[4]
    assert find_conflicts(quarter_figures(a), [a]) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("日均签约金额超过2亿元", "日均签约金额超过5亿元", [("daily_total", "warning")]),
        ("投资总金额超200亿元", "投资总金额超900亿元", [("daily_total", "warning")]),
        ("占据7席", "占据4席", [("share", "error")]),
        ("占比超过五成", "占比超过八成", [("share", "error")]),
    ],
    ids=["daily-5yi", "total-900yi", "part-4", "share-80pct"],
)
def test_a_mutated_copy_of_the_seed_quarter_is_caught(
    old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    a = edit(seed_articles()[4], old, new)
    kwargs = {"daily": "超过5亿元"} if "5亿" in new else {}
    kwargs |= {"total": "超900亿元"} if "900" in new else {}
    kwargs |= {"part": "4席"} if "4席" in new else {}
    kwargs |= {"share": "超过八成"} if "八成" in new else {}
    assert mismatches(find_conflicts(quarter_figures(a, **kwargs), [a])) == expected


def test_a_daily_average_is_multiplied_by_the_90_calendar_days_of_2022q1() -> None:
    a = edit(seed_articles()[4], "日均签约金额超过2亿元", "日均签约金额超过5亿元")
    (finding,) = find_conflicts(quarter_figures(a, daily="超过5亿元"), [a])
    assert finding.details["expected"] == [90 * 5e8, 90 * 6e8]
    assert finding.details["stated"] == [200e8, 300e8]
    assert [f.surface for f in finding.figures] == ["超200亿元", "超过5亿元"]


RAIN = Article(
    page="hanyang.txt",
    doc=0,
    title="汉阳区“十三五”时期排水设施建设情况",
    body="五年来,全区泵站雨水抽排能力由90立方米/秒提升到236立方米/秒,是“十二五”期末的2.6倍,汉阳告别“看海”。",
    region="汉阳区",
)


def rain_figures(a: Article, multiple: str = "2.6倍") -> list[Figure]:
    return [
        place(a, "90立方米/秒", 90, "m3_per_s", metric_text="泵站雨水抽排能力", period="2015"),
        place(a, "236立方米/秒", 236, "m3_per_s", metric_text="泵站雨水抽排能力", period="2020"),
        place(
            a,
            multiple,
            float(multiple[:-1]),
            "ratio",
            metric_text="雨水抽排能力倍数",
            growth_of="雨水抽排能力",
        ),
    ]


def test_a_multiple_linked_to_its_two_levels_holds_and_a_mutated_one_is_caught() -> None:
    assert mismatches(find_conflicts(rain_figures(RAIN), [RAIN])) == []
    bad = edit(RAIN, "2.6倍", "3.6倍")
    (finding,) = [
        f
        for f in find_conflicts(rain_figures(bad, "3.6倍"), [bad])
        if f.code == Code.ARITHMETIC_MISMATCH
    ]
    assert finding.severity == Severity.ERROR
    assert finding.details["relation"] == "multiple"
    assert [f.surface for f in finding.figures] == ["90立方米/秒", "236立方米/秒", "3.6倍"]


def test_the_seed_multiple_is_not_held_against_levels_of_another_article() -> None:
    a0, _, _, a3, _ = seed_articles()
    figs = [
        place(a0, "90立方米/秒", 90, "m3_per_s", metric_text="泵站雨水抽排能力", period="2016"),
        place(a0, "236立方米/秒", 236, "m3_per_s", metric_text="泵站雨水抽排能力", period="2017"),
        place(a3, "2.6倍", 9.9, "ratio", metric_text="雨水抽排能力倍数", growth_of="雨水抽排能力"),
    ]
    assert mismatches(find_conflicts(figs, [a0, a3])) == []


SECTORS = Article(
    page="bulletin.txt",
    doc=0,
    title="2017年汉阳区国民经济和社会发展统计公报",
    body="全年实现地区生产总值948亿元,其中第一产业增加值0.5亿元,第二产业增加值390.2亿元,第三产业增加值557.3亿元。",
    region="汉阳区",
)


def sector_figures(a: Article, third: float = 557.3) -> list[Figure]:
    year: dict[str, Any] = {"period": "2017"}
    return [
        place(a, "948亿元", 948e8, "CNY", metric="gdp", metric_text="地区生产总值", **year),
        place(a, "0.5亿元", 0.5e8, "CNY", metric_text="第一产业增加值", **year),
        place(a, "390.2亿元", 390.2e8, "CNY", metric_text="第二产业增加值", **year),
        place(a, f"{third:g}亿元", third * 1e8, "CNY", metric_text="第三产业增加值", **year),
    ]


def test_three_sectors_add_up_to_the_gdp_and_a_mutated_sector_is_caught() -> None:
    assert mismatches(find_conflicts(sector_figures(SECTORS), [SECTORS])) == []
    bad = edit(SECTORS, "557.3亿元", "457.3亿元")
    assert mismatches(find_conflicts(sector_figures(bad, 457.3), [bad])) == [("parts", "error")]


def test_a_share_without_both_counts_in_its_sentence_is_not_checked() -> None:
    a = seed_articles()[4]
    figs = [f for f in quarter_figures(a, part="7席") if f.surface != "7席"]
    assert mismatches(find_conflicts(figs, [a])) == []


# -- the seed through the real extractor ----------------------------------------------------------


def test_extracted_seed_arithmetic_holds() -> None:
    arts = seed_articles()
    assert mismatches(find_conflicts(extract(arts), arts)) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("占据7席", "占据4席", [("share", "error")]),
        ("占比超过五成", "占比超过八成", [("share", "error")]),
        ("日均签约金额超过2亿元", "日均签约金额超过5亿元", [("daily_total", "warning")]),
        ("投资总金额超200亿元", "投资总金额超900亿元", [("daily_total", "warning")]),
    ],
    ids=["part-4", "share-80pct", "daily-5yi", "total-900yi"],
)
def test_extracted_mutated_seed_quarter_is_caught(
    old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    a = edit(seed_articles()[4], old, new)
    assert mismatches(find_conflicts(extract([a]), [a])) == expected
