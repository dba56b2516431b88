"""Cross-document findings: conflicts, revisions, targets, scale mismatches; order independence."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pytest
from change_helpers import place, seed_articles
from hypothesis import given, settings
from hypothesis import strategies as st

from hycheck.conflicts import find_conflicts
from hycheck.extract import extract
from hycheck.intervals import CompareRules, rules_from_expectations, strict_interval
from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity

GDP: dict[str, Any] = {"metric": "gdp", "metric_text": "地区生产总值"}
GROWTH: dict[str, Any] = {
    "metric": "gdp",
    "metric_text": "地区生产总值增长",
    "growth_of": "地区生产总值",
}


def article(
    doc: int, title: str, body: str, stated: date | None = None, region: str = "汉阳区"
) -> Article:
    return Article(
        page="bulletins.txt", doc=doc, title=title, body=body, stated=stated, region=region
    )


REPORT_2018 = article(
    0,
    "2018年武汉市汉阳区政府工作报告",
    "预计全年实现地区生产总值948亿元,增长7%。明年全区经济社会发展的主要预期目标是:"
    "地区生产总值增长7.2%、突破千亿元大关。",
    date(2017, 12, 26),
)
BULLETIN_2017 = article(
    1,
    "2017年汉阳区国民经济和社会发展统计公报",
    "2017年全区实现地区生产总值960.5亿元,比上年增长7.3%。",
    date(2018, 4, 20),
)
BULLETIN_2018 = article(
    2,
    "2018年汉阳区国民经济和社会发展统计公报",
    "2018年全区实现地区生产总值985亿元,比上年增长6.5%。",
    date(2019, 4, 20),
)
TYPO_2017 = article(
    3,
    "汉阳区2017年经济运行情况",
    "2017年全区实现地区生产总值96.5亿元,比上年增长7.3%。",
    date(2018, 5, 2),
)


def seed_figures() -> list[Figure]:
    """Hand-placed figures of the seed that bear on conflicts and series."""
    a0, _, a2, a3, _ = seed_articles()
    return [
        place(a0, "948亿元", 948e8, "CNY", period="2017", kind=Kind.ESTIMATE, **GDP),
        place(a0, "7%", 7, "percent", period="2017", kind=Kind.ESTIMATE, **GROWTH),
        place(a0, "7.2%", 7.2, "percent", period="2018", kind=Kind.TARGET, **GROWTH),
        place(
            a0, "突破千亿元", 1e11, "CNY", period="2018", kind=Kind.TARGET, bound=Bound.GT, **GDP
        ),
        place(a0, "445.3亿元", 445.3e8, "CNY", metric="fixed_asset_investment", period="2017"),
        place(a3, "700亿元", 700e8, "CNY", period="2020", kind=Kind.ESTIMATE, **GDP),
        place(a3, "438亿元", 438e8, "CNY", metric="fixed_asset_investment", period="2020"),
        place(a3, "破千亿", 1e11, "CNY", period="2018", bound=Bound.GT, **GDP),
        place(
            a3,
            "千亿",
            1e11,
            "CNY",
            nth=1,
            metric_text="大健康产业规模",
            period="2016-2020",
            bound=Bound.GE,
        ),
        place(
            a3,
            "突破1100亿元",
            1.1e11,
            "CNY",
            period="2021-2025",
            kind=Kind.TARGET,
            bound=Bound.GT,
            **GDP,
        ),
        place(a3, "10%", 10, "percent", period="2021", kind=Kind.TARGET, **GROWTH),
        place(a3, "1.7万人", 1.7e4, "person", metric_text="新增就业", period="2020"),
        place(
            a2,
            "突破300亿元",
            3e10,
            "CNY",
            metric_text="汉阳区大健康产业规模",
            kind=Kind.ESTIMATE,
            bound=Bound.GT,
        ),
        place(a2, "39亿元", 39e8, "CNY", metric_text="大健康重点项目总投资"),
    ]


def codes(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(str(f.code), str(f.severity)) for f in findings]


# -- the seed -------------------------------------------------------------------------------------


def test_seed_figures_give_the_series_break_the_health_scale_and_no_error() -> None:
    findings = find_conflicts(seed_figures(), seed_articles())
    assert sorted(codes(findings)) == [
        ("scale_mismatch", "warning"),
        ("series_break", "warning"),
        ("target_met", "info"),
    ]
    scale = next(f for f in findings if f.code == Code.SCALE_MISMATCH)
    assert {f.surface for f in scale.figures} == {"千亿", "突破300亿元"}
    assert scale.details["factor"] > 3


def test_the_2018_target_of_breaking_a_thousand_yi_is_met_by_the_later_report() -> None:
    findings = find_conflicts(seed_figures(), seed_articles())
    (met,) = [f for f in findings if f.code == Code.TARGET_MET]
    assert [f.surface for f in met.figures] == ["突破千亿元", "破千亿"]
    assert met.details["a_interval"] == [1e11, None]


# -- kinds ----------------------------------------------------------------------------------------


def test_an_estimate_against_a_later_actual_is_a_small_revision() -> None:
    arts = [REPORT_2018, BULLETIN_2017]
    figs = [
        place(REPORT_2018, "948亿元", 948e8, "CNY", period="2017", kind=Kind.ESTIMATE, **GDP),
        place(BULLETIN_2017, "960.5亿元", 960.5e8, "CNY", period="2017", **GDP),
    ]
    (rev,) = find_conflicts(figs, arts)
    assert (rev.code, rev.severity) == (Code.REVISION, Severity.INFO)
    assert [f.surface for f in rev.figures] == ["948亿元", "960.5亿元"]
    assert 0.01 < rev.details["gap"] < 0.02


def test_a_large_revision_is_a_warning() -> None:
    figs = [
        place(REPORT_2018, "948亿元", 948e8, "CNY", period="2017", kind=Kind.ESTIMATE, **GDP),
        place(BULLETIN_2017, "960.5亿元", 860.5e8, "CNY", period="2017", **GDP),
    ]
    (rev,) = find_conflicts(figs, [REPORT_2018, BULLETIN_2017])
    assert (rev.code, rev.severity) == (Code.REVISION, Severity.WARNING)


def test_two_actuals_with_a_dropped_digit_are_a_conflict() -> None:
    arts = [BULLETIN_2017, TYPO_2017]
    figs = [
        place(BULLETIN_2017, "960.5亿元", 960.5e8, "CNY", period="2017", **GDP),
        place(TYPO_2017, "96.5亿元", 96.5e8, "CNY", period="2017", **GDP),
    ]
    (c,) = find_conflicts(figs, arts)
    assert (c.code, c.severity) == (Code.CONFLICT, Severity.ERROR)
    assert c.details["a_interval"] == [960.45e8, 960.55e8]
    assert c.details["b_interval"] == [96.45e8, 96.55e8]


def test_actuals_that_agree_within_their_rounding_give_nothing() -> None:
    other = article(
        4, "汉阳区2017年经济运行情况", "2017年全区实现地区生产总值960亿元。", date(2018, 5, 2)
    )
    figs = [
        place(BULLETIN_2017, "960.5亿元", 960.5e8, "CNY", period="2017", **GDP),
        place(other, "960亿元", 960e8, "CNY", period="2017", **GDP),
    ]
    assert find_conflicts(figs, [BULLETIN_2017, other]) == []


def test_a_missed_target_is_a_warning_and_a_growth_target_is_held_against_growth() -> None:
    arts = [REPORT_2018, BULLETIN_2018]
    figs = [
        place(
            REPORT_2018,
            "突破千亿元",
            1e11,
            "CNY",
            period="2018",
            kind=Kind.TARGET,
            bound=Bound.GT,
            **GDP,
        ),
        place(REPORT_2018, "7.2%", 7.2, "percent", period="2018", kind=Kind.TARGET, **GROWTH),
        place(BULLETIN_2018, "985亿元", 985e8, "CNY", period="2018", **GDP),
        place(BULLETIN_2018, "6.5%", 6.5, "percent", period="2018", **GROWTH),
    ]
    findings = find_conflicts(figs, arts)
    assert codes(findings) == [("target_missed", "warning"), ("target_missed", "warning")]
    assert sorted(f.figures[1].surface for f in findings) == ["6.5%", "985亿元"]


def test_a_five_year_target_is_held_against_the_last_year() -> None:
    plan = article(
        5,
        "汉阳区国民经济和社会发展第十三个五年规划纲要",
        "到2020年,地区生产总值突破1000亿元。",
        date(2016, 1, 10),
    )
    a3 = seed_articles()[3]
    figs = [
        place(
            plan,
            "突破1000亿元",
            1e11,
            "CNY",
            period="2016-2020",
            kind=Kind.TARGET,
            bound=Bound.GT,
            **GDP,
        ),
        place(a3, "700亿元", 700e8, "CNY", period="2020", kind=Kind.ESTIMATE, **GDP),
    ]
    (missed,) = find_conflicts(figs, [plan, a3])
    assert missed.code == Code.TARGET_MISSED
    assert [f.period for f in missed.figures] == ["2016-2020", "2020"]


def test_an_outcome_stated_before_the_target_was_set_does_not_test_it() -> None:
    figs = [
        place(BULLETIN_2018, "985亿元", 985e8, "CNY", period="2018", **GDP),
        place(
            REPORT_2018,
            "突破千亿元",
            1e11,
            "CNY",
            period="2018",
            kind=Kind.TARGET,
            bound=Bound.GT,
            **GDP,
        ),
    ]
    late_target = article(0, REPORT_2018.title, REPORT_2018.body, date(2019, 12, 1))
    assert find_conflicts(figs, [late_target, BULLETIN_2018]) == []


# -- what is never compared -----------------------------------------------------------------------


def test_figures_of_different_regions_units_or_kinds_of_number_are_never_compared() -> None:
    city = article(
        6,
        "2017年武汉市国民经济和社会发展统计公报",
        "全市地区生产总值13410.34亿元,增长8%。",
        region="武汉市",
    )
    figs = [
        place(BULLETIN_2017, "960.5亿元", 960.5e8, "CNY", period="2017", **GDP),
        place(city, "13410.34亿元", 13410.34e8, "CNY", period="2017", **GDP),
        place(BULLETIN_2017, "7.3%", 7.3, "percent", period="2017", **GROWTH),
        place(city, "8%", 8, "percent", period="2017", **GROWTH),
    ]
    assert find_conflicts(figs, [BULLETIN_2017, city]) == []


def test_other_metrics_meet_when_their_normalised_texts_agree() -> None:
    a = article(7, "汉阳区2017年就业工作总结", "全区新增就业1.65万人。", date(2018, 1, 5))
    b = article(8, "2017年汉阳区国民经济和社会发展统计公报", "新增就业1.2万人。", date(2018, 4, 20))
    figs = [
        place(a, "1.65万人", 1.65e4, "person", metric_text="全区新增就业", period="2017"),
        place(b, "1.2万人", 1.2e4, "person", metric_text="新增就业", period="2017"),
    ]
    (c,) = find_conflicts(figs, [a, b])
    assert c.code == Code.CONFLICT


def test_a_figure_of_no_known_region_is_compared_with_nothing() -> None:
    figs = [
        place(BULLETIN_2017, "960.5亿元", 960.5e8, "CNY", period="2017", region="", **GDP),
        place(TYPO_2017, "96.5亿元", 96.5e8, "CNY", period="2017", region="", **GDP),
    ]
    assert find_conflicts(figs, [BULLETIN_2017, TYPO_2017]) == []


# -- rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _IntervalRules:
    approx: float = 0.2


@dataclass
class _Expectations:
    """The accessors CONTRACTS.md fixes for the expectations module."""

    interval_rules: _IntervalRules = field(default_factory=_IntervalRules)

    def tolerance(self, metric: str, unit: str) -> tuple[float, float]:
        return (0.2, 0.0) if metric == "gdp" else (0.001, 0.0)

    def max_annual_change(self, metric: str) -> float | None:
        return 0.1 if metric == "gdp" else None


def test_rules_come_from_an_expectations_object() -> None:
    rules = rules_from_expectations(_Expectations())
    assert rules.approx == 0.2
    assert rules.tolerance("gdp", "CNY") == (0.2, 0.0)
    assert rules.max_change("gdp") == 0.1
    assert rules.max_change("retail_sales") == CompareRules().max_annual_change
    approx = Figure("p", 0, "t", 0, 4, "约10亿", 1e9, "CNY", bound=Bound.APPROX)
    assert strict_interval(approx, rules).as_list() == [0.8e9, 1.2e9]


def test_a_wide_metric_tolerance_from_expectations_absorbs_a_revision() -> None:
    figs = [
        place(REPORT_2018, "948亿元", 948e8, "CNY", period="2017", kind=Kind.ESTIMATE, **GDP),
        place(BULLETIN_2017, "960.5亿元", 860.5e8, "CNY", period="2017", **GDP),
    ]
    assert find_conflicts(figs, [REPORT_2018, BULLETIN_2017], expectations=_Expectations()) == []


# -- order ----------------------------------------------------------------------------------------


def _all_figures() -> tuple[list[Figure], list[Article]]:
    arts = [*seed_articles(), REPORT_2018, BULLETIN_2017, BULLETIN_2018, TYPO_2017]
    figs = [
        *seed_figures(),
        place(BULLETIN_2017, "960.5亿元", 960.5e8, "CNY", period="2017", **GDP),
        place(TYPO_2017, "96.5亿元", 96.5e8, "CNY", period="2017", **GDP),
        place(BULLETIN_2018, "985亿元", 985e8, "CNY", period="2018", **GDP),
        place(BULLETIN_2018, "6.5%", 6.5, "percent", period="2018", **GROWTH),
    ]
    return figs, arts


def test_figures_of_an_unnamed_part_of_a_region_are_not_compared() -> None:
    """A city portal's news of two districts, each saying 全区: no conflict between them, as
    the dropped digit of the same region is one."""
    arts = [
        article(0, "经济运行简况", "2023年,全区实现地区生产总值91.4亿元。", region="铜陵市"),
        article(1, "经济运行情况", "2023年,全区实现地区生产总值9.14亿元。", region="铜陵市"),
    ]
    figs = extract(arts)
    assert {f.region for f in figs} == {"铜陵市/全区"}
    assert find_conflicts(figs, arts) == []
    named = [replace(f, region="铜陵市郊区") for f in figs]
    assert [c.code for c in find_conflicts(named, arts)] == [Code.CONFLICT]


def test_counts_named_only_by_a_bare_noun_or_a_change_are_not_one_measure() -> None:
    """亿元以上项目452个 and 10亿元以上项目49个 both read as "项目" once their thresholds are
    figures of their own; 比去年同期增加106个 is a change: none of them is compared."""
    body = "1-5月,亿元以上项目452个,比去年同期增加106个;10亿元以上项目49个,比去年同期增加7个。"
    art = article(0, "焦作市1—5月份在建项目", body, region="焦作市")
    figs = [
        place(art, "452个", 452, "item", period="unknown", metric_text="项目"),
        place(art, "49个", 49, "item", period="2014M01-2014M05", metric_text="项目"),
        place(art, "106个", 106, "item", period="unknown", metric_text="比去年同期增加"),
        place(art, "7个", 7, "item", period="2014M01-2014M05", metric_text="比去年同期增加"),
    ]
    assert find_conflicts(figs, [art]) == []


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_conflicts_do_not_depend_on_the_order_of_the_input(rnd: Any) -> None:
    figs, arts = _all_figures()
    expected = find_conflicts(figs, arts)
    assert len(expected) >= 5
    rnd.shuffle(figs)
    rnd.shuffle(arts)
    assert find_conflicts(figs + figs[:3], arts) == expected


def test_other_figures_without_a_metric_text_are_compared_with_nothing() -> None:
    figs = [
        place(BULLETIN_2017, "960.5亿元", 960.5e8, "CNY", period="2017"),
        place(TYPO_2017, "96.5亿元", 96.5e8, "CNY", period="2017"),
    ]
    assert find_conflicts(figs, [BULLETIN_2017, TYPO_2017]) == []


def test_a_statement_repeated_on_many_pages_conflicts_once_with_the_typo() -> None:
    copies = [
        article(
            100 + k, f"2017年汉阳区统计公报(转载{k})", BULLETIN_2017.body, date(2018, 4, 20 + k % 5)
        )
        for k in range(40)
    ]
    figs = [place(a, "960.5亿元", 960.5e8, "CNY", period="2017", **GDP) for a in copies]
    figs.append(place(TYPO_2017, "96.5亿元", 96.5e8, "CNY", period="2017", **GDP))
    (c,) = find_conflicts(figs, [*copies, TYPO_2017])
    assert c.code == Code.CONFLICT
    assert c.figures[0].doc == 100  # the earliest document that states it


# -- the seed through the real extractor ----------------------------------------------------------


def test_extracted_seed_notices_the_health_industry_scale_and_has_no_error() -> None:
    arts = seed_articles()
    findings = find_conflicts(extract(arts), arts)
    assert [f for f in findings if f.severity == Severity.ERROR] == []
    (scale,) = [f for f in findings if f.code == Code.SCALE_MISMATCH]
    assert sorted((f.doc, f.value) for f in scale.figures) == [(2, 3e10), (3, 1e11)]
    assert scale.figures[0].surface.endswith("千亿")  # 迈上千亿台阶, the dated statement
    assert scale.figures[1].surface == "突破300亿元"


@pytest.mark.parametrize(
    ("undated", "dated", "found"),
    [
        (5.26e8, [(1.04e8, "2016M10")], False),  # a holiday's, a fifth of an undated year's
        (5.26e8, [(1.04e8, "2016")], True),  # the year's, five times apart: a scale to check
        (5.26e8, [(5.2e4, "2016M10")], True),  # 10,000 times apart: a 万 for a 亿
        (5.26e8, [(2.6e7, "2016M10"), (1.04e8, "2015")], True),  # the year's is 5x apart
        (5.26e6, [(1.6e8, "2016M10")], False),  # 30x below a month's: another event's, maybe
        (5.26e6, [(5.2e10, "2016M10")], True),  # 10,000x below: a 万 for a 亿 either way
        (5.26e8, [(2.6e7, "2016H1")], True),  # 20x: a half of a year is at most 2x short
        (5.26e8, [(5.26e7, "2016Q1-2016Q3")], True),  # 10x: nine months are 1.33x short
    ],
)
def test_a_part_of_a_year_against_an_undated_figure_is_a_scale_only_far_apart(
    undated: float, dated: list[tuple[float, str]], found: bool
) -> None:
    a = article(9, "全国旅游情况", "全国共接待游客X人次。")
    figs = [
        place(a, "X人次", undated, "person_time", metric_text="全国共接待游客",
              period="unknown", region="中国"),
    ]  # fmt: skip
    for i, (value, period) in enumerate(dated):
        b = article(10 + i, "国庆全国接待游客", "全国共接待游客Y人次。")
        fields: dict[str, Any] = {"metric_text": "全国共接待游客", "region": "中国"}
        fields["period"] = period
        figs.append(place(b, "Y人次", value, "person_time", **fields))
    scales = [f for f in find_conflicts(figs) if f.code == Code.SCALE_MISMATCH]
    assert bool(scales) is found
