"""validate(): figures and articles → findings.  Every failing row becomes a finding with a
stable code, the file's severity, the rule, the figure and a readable message; bad data never
raises.  Figures are real sentences of the seed page (the 2018 and 2021 work reports)."""

from __future__ import annotations

import dataclasses
import math
import os
import random
import signal
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hycheck import validation as validate_mod
from hycheck.expectations import load_expectations
from hycheck.frames import figures_frame
from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity
from hycheck.validation import region_level, validate, validate_frame

PAGE = "seeds/000_984d2c24117c5c48.txt"
REPORT_2018 = Article(
    page=PAGE,
    doc=0,
    title="【投资汉阳区】2018年武汉市汉阳区政府工作报告",
    body=(
        "2017年12月26日在武汉市汉阳区第十五届人民代表大会第二次会议上区人民政府代区长阎磊"
        "预计全年实现地区生产总值948亿元,增长7%;固定资产投资445.3亿元,增长10%;"
        "社会消费品零售总额568亿元,增长10.2%;全区工业经济总量在全市占比突破16%。"
        "全年新增就业1.65万人。全年接待游客2700万人次。"
        "明年全区经济社会发展的主要预期目标是:地区生产总值增长7.2%、突破千亿元大关,"
        "力争新增就业1.7万人。"
    ),
    listed=date(2025, 7, 15),
    stated=date(2017, 12, 26),
    region="汉阳区",
)
REPORT_2021 = Article(
    page=PAGE,
    doc=3,
    title="【汉阳区招商】2021年汉阳区政府工作报告",
    body=(
        "2020年12月28日在武汉市汉阳区第十五届人民代表大会第六次会议上"
        "“十三五”时期,累计完成固定资产投资2000余亿元、位居中心城区第一,"
        "实施并完成新千亿计划,地区生产总值突破1100亿元。"
    ),
    listed=date(2025, 7, 7),
    stated=date(2020, 12, 28),
    region="汉阳区",
)
NEWS = Article(
    page=PAGE,
    doc=4,
    title="汉阳一季度招商引资强劲 日均签约投资超2亿元",
    body="2022年一季度,汉阳区招商引资实现“开门红”,其中总部经济项目占比超五成。",
    listed=date(2025, 7, 2),
    region="汉阳区",
)
ARTICLES = [REPORT_2018, REPORT_2021, NEWS]


def fig(article: Article, surface: str, value: float, unit: str, **kw: Any) -> Figure:
    start = article.body.index(surface, kw.pop("after", 0))
    base: dict[str, Any] = {
        "page": article.page,
        "doc": article.doc,
        "title": article.title,
        "start": start,
        "end": start + len(surface),
        "surface": surface,
        "value": value,
        "unit": unit,
        "period": "2017",
        "kind": Kind.ESTIMATE,
        "region": "汉阳区",
    }
    base.update(kw)
    return Figure(**base)


R18, R21 = REPORT_2018, REPORT_2021
GDP = fig(R18, "948亿元", 9.48e10, "CNY", metric_text="地区生产总值", metric="gdp")
GDP_GROWTH = fig(
    R18,
    "7%",
    7.0,
    "percent",
    metric_text="地区生产总值增长",
    metric="gdp",
    growth_of="地区生产总值",
)
RETAIL_GROWTH = fig(
    R18,
    "10.2%",
    10.2,
    "percent",
    metric_text="社会消费品零售总额增长",
    metric="retail_sales",
    growth_of="社会消费品零售总额",
)
SHARE = fig(
    R18, "突破16%", 16.0, "percent", metric_text="全区工业经济总量在全市占比", bound=Bound.GT
)
JOBS = fig(
    R18, "1.65万人", 16500.0, "person", metric_text="新增就业", metric="new_jobs", kind=Kind.ACTUAL
)
TOURISTS = fig(
    R18,
    "2700万人次",
    2.7e7,
    "person_time",
    metric_text="接待游客",
    metric="tourists",
    kind=Kind.ACTUAL,
)
GDP_TARGET = fig(
    R18,
    "7.2%",
    7.2,
    "percent",
    metric="gdp",
    period="2018",
    kind=Kind.TARGET,
    growth_of="地区生产总值",
)
JOBS_TARGET = fig(
    R18, "1.7万人", 17000.0, "person", metric="new_jobs", period="2018", kind=Kind.TARGET
)
FAI_CUMULATIVE = fig(
    R21,
    "2000余亿元",
    2e11,
    "CNY",
    metric="fixed_asset_investment",
    period="2016-2020",
    kind=Kind.CUMULATIVE,
    bound=Bound.APPROX,
)
GDP_PLAN = fig(
    R21, "突破1100亿元", 1.1e11, "CNY", metric="gdp", period="2021-2025", kind=Kind.TARGET
)
HEADQUARTERS_SHARE = fig(
    NEWS,
    "超五成",
    50.0,
    "percent",
    metric_text="总部经济项目占比",
    period="2022Q1",
    kind=Kind.ACTUAL,
)
SEED = [
    GDP,
    GDP_GROWTH,
    RETAIL_GROWTH,
    SHARE,
    JOBS,
    TOURISTS,
    GDP_TARGET,
    JOBS_TARGET,
    FAI_CUMULATIVE,
    GDP_PLAN,
    HEADQUARTERS_SHARE,
]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def only(findings: list[Finding], code: Code) -> Finding:
    matching = [f for f in findings if f.code is code]
    assert len(matching) == 1, [f.message for f in findings]
    return matching[0]


def test_the_seed_figures_validate_without_errors() -> None:
    findings = validate(SEED, ARTICLES)
    assert errors(findings) == []
    assert [f.code for f in findings if f.severity is Severity.WARNING] == []


def test_the_2017_report_listed_in_2025_is_a_stale_repost_not_an_error() -> None:
    stale = [f for f in validate(SEED, ARTICLES) if f.code is Code.STALE_ARTICLE]
    assert {f.article.doc for f in stale if f.article} == {0, 3}
    assert all(f.severity is Severity.INFO for f in stale)
    first = next(f for f in stale if f.article and f.article.doc == 0)
    assert "listed 2025-07-15, 7.6 years after its stated date 2017-12-26" in first.message


# -- the mutations of the issue --------------------------------------------------------------


def test_948_trillion_yuan_for_a_district_gdp_is_out_of_range() -> None:
    mutated = dataclasses.replace(GDP, surface="948万亿元", end=GDP.start + 6, value=9.48e14)
    finding = only(validate([mutated], ARTICLES), Code.OUT_OF_RANGE)
    assert finding.message == (
        "948万亿元 = 9.48e14 CNY is above the district maximum 5e12 for gdp "
        "(expectations/gdp.yaml:range.district)"
    )
    assert finding.severity is Severity.ERROR
    assert finding.rule == "expectations/gdp.yaml:range.district"
    assert finding.figures == (mutated,)
    assert finding.details["level"] == "district"
    assert finding.details["max"] == 5e12


def test_new_jobs_in_yuan_is_a_unit_not_allowed() -> None:
    mutated = dataclasses.replace(
        JOBS, surface="1.65万亿元", end=JOBS.start + 7, value=1.65e12, unit="CNY"
    )
    findings = validate([mutated], ARTICLES)
    finding = only(findings, Code.UNIT_NOT_ALLOWED)
    assert finding.rule == "expectations/new_jobs.yaml:units"
    assert (
        "unit CNY is not allowed for new_jobs (allowed: person, item, percent, ratio)"
        in finding.message
    )
    assert [f.code for f in errors(findings)] == [Code.UNIT_NOT_ALLOWED]


def test_a_growth_of_910_percent_is_out_of_range() -> None:
    mutated = dataclasses.replace(
        RETAIL_GROWTH, surface="910.2%", end=RETAIL_GROWTH.start + 6, value=910.2
    )
    finding = only(validate([mutated], ARTICLES), Code.OUT_OF_RANGE)
    assert finding.rule == "expectations/retail_sales.yaml:growth"
    assert finding.message.startswith(
        "910.2% = 910.2 percent is above the growth-rate maximum 200 for retail_sales"
    )


def test_a_growth_over_several_years_is_held_to_no_years_growth_range() -> None:
    over_years = dataclasses.replace(
        RETAIL_GROWTH, surface="910.2%", end=RETAIL_GROWTH.start + 6, value=910.2,
        period="2013-2017",
    )  # fmt: skip
    assert not [f for f in validate([over_years], ARTICLES) if f.code is Code.OUT_OF_RANGE]


def test_a_yearly_average_over_several_years_is_still_a_years_growth() -> None:
    yearly = dataclasses.replace(
        RETAIL_GROWTH, surface="910.2%", end=RETAIL_GROWTH.start + 6, value=910.2,
        period="2013-2017", metric_text="社会消费品零售总额年均增长",
    )  # fmt: skip
    finding = only(validate([yearly], ARTICLES), Code.OUT_OF_RANGE)
    assert finding.rule == "expectations/retail_sales.yaml:growth"


def test_a_report_stated_in_2027_and_listed_in_2025_is_date_inconsistent() -> None:
    future = dataclasses.replace(REPORT_2018, stated=date(2027, 12, 26))
    findings = validate([GDP_TARGET], [future])
    rules = {f.rule for f in findings if f.code is Code.DATE_INCONSISTENT}
    assert rules == {
        "expectations/defaults.yaml:dates.stated_vs_listed",
        "expectations/defaults.yaml:dates.titles[0]",
        "expectations/defaults.yaml:dates.not_before_stated",  # a 2018 target stated in 2027
    }
    title = next(f for f in findings if f.rule.endswith("titles[0]"))
    windows = "2017-10-01 and 2018-06-30 or 2018-10-01 and 2019-03-31"
    assert f"{windows}, but this one states 2027-12-26" in title.message
    assert title.article == future


# -- ranges by unit, level and kind of percent -----------------------------------------------


@pytest.mark.parametrize(
    ("region", "value", "rule"),
    [
        ("汉阳区", 9e12, "expectations/gdp.yaml:range.district"),
        ("武汉市", 9e12, None),
        ("武汉市", 5e9, "expectations/gdp.yaml:range.city"),
        ("湖北省", 5e14, "expectations/gdp.yaml:range.province"),
        ("某地", 9e12, None),  # unknown level: the envelope of all levels
        ("某地", 9e14, "expectations/gdp.yaml:range"),
    ],
)
def test_the_range_of_a_level_depends_on_the_region_level(
    region: str, value: float, rule: str | None
) -> None:
    figure = dataclasses.replace(GDP, region=region, value=value)
    found = [f.rule for f in validate([figure], ARTICLES) if f.code is Code.OUT_OF_RANGE]
    assert found == ([rule] if rule else [])


def test_an_unknown_region_level_is_said_in_the_message() -> None:
    figure = dataclasses.replace(GDP, region="某地", value=9e14)
    message = only(validate([figure]), Code.OUT_OF_RANGE).message
    assert "at any region level (region 某地 has no known level)" in message


def test_a_figure_without_a_region_takes_its_articles() -> None:
    figure = dataclasses.replace(GDP, region="", value=9e12)
    assert only(validate([figure], ARTICLES), Code.OUT_OF_RANGE).rule.endswith("range.district")


def test_a_metric_own_rule_hides_the_per_unit_default_for_the_same_figure() -> None:
    figure = dataclasses.replace(GDP, value=9.48e16)  # above CNY's 1e15 too
    assert [f.rule for f in validate([figure])] == ["expectations/gdp.yaml:range.district"]


def test_a_traditional_metric_text_names_the_metric_its_simplified_form_names() -> None:
    # 按常住人口計算人均地區生產總值 is GDP per head: read as written, only 常住人口 matched and
    # the yuan figure was held to the population's units
    figure = dataclasses.replace(
        GDP, metric="other", metric_text="按常住人口計算人均地區生產總值", value=33215.0
    )
    assert errors(validate([figure], ARTICLES)) == []
    assert errors(validate_frame(figures_frame([figure]), ARTICLES)) == []


@pytest.mark.parametrize("growth_of", [None, "常住人口"])
def test_a_fall_of_a_level_may_be_negative_but_a_level_may_not(growth_of: str | None) -> None:
    # 常住人口减少1157万人 is a change of the population: no population range, no sign rule;
    # the same number without the level it changes reads as a level, and a negative one is bad
    text = "常住人口减少" if growth_of else "常住人口"
    change = dataclasses.replace(
        JOBS, value=-1.157e7, metric="other", metric_text=text, growth_of=growth_of
    )
    for found in (validate([change], ARTICLES), validate_frame(figures_frame([change]), ARTICLES)):
        assert bool(errors(found)) is (growth_of is None)


def test_a_figure_of_no_metric_is_held_to_its_units_default_as_a_warning() -> None:
    figure = dataclasses.replace(GDP, metric="other", metric_text="会展直接经济收入", value=2e15)
    finding = only(validate([figure]), Code.OUT_OF_RANGE)
    assert finding.severity is Severity.WARNING
    assert finding.rule == "expectations/defaults.yaml:units.CNY.range"
    assert "above the maximum 1e15 for any CNY figure" in finding.message


def test_a_share_above_a_hundred_percent_is_an_error_but_a_large_growth_is_not() -> None:
    share = dataclasses.replace(SHARE, value=120.0, surface="突破16%")
    finding = only(validate([share]), Code.OUT_OF_RANGE)
    assert finding.rule == "expectations/defaults.yaml:share.range"
    assert finding.severity is Severity.ERROR
    tax = fig(
        R18, "10%", 300.0, "percent", metric_text="金融业税收收入增长", growth_of="金融业税收收入"
    )
    assert validate([tax]) == []


def test_a_falling_growth_rate_is_fine_and_below_the_minimum_is_not() -> None:
    assert validate([dataclasses.replace(GDP_GROWTH, value=-3.2)]) == []
    finding = only(validate([dataclasses.replace(GDP_GROWTH, value=-60.0)]), Code.OUT_OF_RANGE)
    assert "below the growth-rate minimum -50 for gdp" in finding.message


def test_a_kind_the_metric_does_not_allow_is_reported() -> None:
    population = fig(R18, "948亿元", 9.3e5, "person", metric="population", kind=Kind.CUMULATIVE)
    finding = only(validate([population]), Code.KIND_NOT_ALLOWED)
    assert finding.rule == "expectations/population.yaml:kinds"
    assert "kind cumulative is not allowed for population" in finding.message


def test_a_malformed_period_is_a_bad_period() -> None:
    finding = only(validate([dataclasses.replace(GDP, period="2017Q5")]), Code.BAD_PERIOD)
    assert finding.rule == "FigureSchema:period"
    assert "period '2017Q5' is not YYYY, YYYYQn" in finding.message


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "period", "kind", "fails"),
    [
        (GDP, "2017", Kind.ESTIMATE, False),  # an estimate for the year the report closes
        (GDP, "2019", Kind.ACTUAL, True),  # an actual from the future
        (GDP, "2018Q1", Kind.ESTIMATE, True),
        (GDP_TARGET, "2018", Kind.TARGET, False),
        (GDP_TARGET, "2016", Kind.TARGET, True),  # a target for a year already over
        (GDP_TARGET, "2017", Kind.TARGET, False),  # 2017 ends after 2017-12-26
        (FAI_CUMULATIVE, "2016-2020", Kind.CUMULATIVE, False),
        (GDP_PLAN, "2021-2025", Kind.TARGET, False),
        (GDP_PLAN, "2016-2020", Kind.TARGET, False),  # ends 2020-12-31, after 2020-12-28
        (GDP_PLAN, "2015", Kind.TARGET, True),
        (GDP, "unknown", Kind.ACTUAL, False),
    ],
)
def test_a_period_is_held_against_its_articles_stated_date(
    figure: Figure, period: str, kind: Kind, fails: bool
) -> None:
    changed = dataclasses.replace(figure, period=period, kind=kind)
    found = [f for f in validate([changed], ARTICLES) if f.code is Code.DATE_INCONSISTENT]
    assert bool(found) is fails
    if fails:
        assert found[0].figures == (changed,)
        assert "stated date" in found[0].message


@pytest.mark.parametrize(
    ("period", "fails"), [("2006", False), ("2005", True), ("2001-2005", True)]
)
def test_a_report_quotes_the_targets_of_the_year_it_reviews(period: str, fails: bool) -> None:
    # delivered 2007-02-08, the report reviews 2006: 高于年初人代会12%的目标 is 2006's target
    body = "2006年财政收入2.01亿元,较上年增长26.4%,高于年初人代会12%的目标14.4个百分点。"
    report = Article(PAGE, 9, "2007年政府工作报告", body, stated=date(2007, 2, 8), region="泾县")
    target = fig(report, "12%", 12.0, "percent", kind=Kind.TARGET, period=period)
    for found in (validate([target], [report]), validate_frame(figures_frame([target]), [report])):
        dated = [f for f in found if f.code is Code.DATE_INCONSISTENT]
        assert bool(dated) is fails


def test_news_is_held_to_its_stated_date_not_to_a_reviewed_year() -> None:
    # only a report reviews a year and quotes its targets: news of 2021-08-15 naming a
    # target for 2020 is still inconsistent
    body = "全区招商引资到位资金120亿元,完成目标任务100亿元。"
    news = Article(PAGE, 9, "招商引资工作推进会召开", body, stated=date(2021, 8, 15))
    target = fig(news, "100亿元", 1e10, "CNY", kind=Kind.TARGET, period="2020")
    for found in (validate([target], [news]), validate_frame(figures_frame([target]), [news])):
        assert [f.code for f in found] == [Code.DATE_INCONSISTENT]


def test_a_figure_of_an_article_without_a_stated_date_has_no_date_rule() -> None:
    old = dataclasses.replace(HEADQUARTERS_SHARE, period="1999", kind=Kind.TARGET)
    assert validate([old], [NEWS]) == []


def test_the_2021_report_delivered_late_2020_fits_its_title() -> None:
    findings = validate([], [REPORT_2021])
    assert [f.code for f in findings] == [Code.STALE_ARTICLE]


def test_a_report_delivered_in_the_summer_does_not_fit_its_title() -> None:
    summer = dataclasses.replace(REPORT_2021, stated=date(2021, 7, 1), listed=date(2021, 8, 1))
    finding = only(validate([], [summer]), Code.DATE_INCONSISTENT)
    assert finding.rule == "expectations/defaults.yaml:dates.titles[0]"


def test_a_report_titled_with_the_year_it_reviews_may_be_delivered_the_next_january() -> None:
    reviewed = dataclasses.replace(REPORT_2021, stated=date(2022, 1, 8), listed=date(2022, 2, 1))
    assert [f for f in validate([], [reviewed]) if f.code is Code.DATE_INCONSISTENT] == []


def test_figures_without_articles_get_no_date_findings() -> None:
    future = dataclasses.replace(GDP, period="2030", kind=Kind.ACTUAL)
    assert validate([future]) == []


# -- configuration and data problems ---------------------------------------------------------


def test_the_severity_comes_from_the_expectation_file(tmp_path: Path) -> None:
    (tmp_path / "gdp.yaml").write_text("version: 1\nmetric: gdp\nseverity: info\n", "utf-8")
    figure = dataclasses.replace(GDP, value=9.48e16)
    finding = only(validate([figure], (), load_expectations(tmp_path)), Code.OUT_OF_RANGE)
    assert finding.severity is Severity.INFO


def test_a_user_range_replaces_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "gdp.yaml").write_text(
        "version: 1\nmetric: gdp\nrange:\n  district: {max: 5.0e10}\n", "utf-8"
    )
    finding = only(validate([GDP], (), load_expectations(tmp_path)), Code.OUT_OF_RANGE)
    assert finding.rule == f"{tmp_path.as_posix()}/gdp.yaml:range.district"
    assert "above the district maximum 5e10" in finding.message


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"value": math.nan}, "FigureSchema:value"),
        ({"value": -math.inf}, "FigureSchema:value"),
        ({"end": 3}, "FigureSchema:surface"),
        ({"unit": "亿元", "metric": "other"}, "expectations/defaults.yaml:units"),
        ({"unit": "亿元"}, "expectations/gdp.yaml:units"),  # the metric's own rule says it
        ({"upper": 1.0}, "FigureSchema:upper"),
    ],
)
def test_a_broken_figure_is_a_finding_not_an_exception(change: dict[str, Any], rule: str) -> None:
    broken = dataclasses.replace(GDP, **change)
    findings = validate([broken, JOBS], ARTICLES)
    assert rule in {f.rule for f in findings}
    assert all(f.figures == (broken,) for f in findings if f.figures)


def test_a_frame_with_a_wrong_dtype_gives_findings_not_an_exception() -> None:
    frame = figures_frame([GDP, JOBS]).astype({"doc": "str", "value": "str"})
    findings = validate_frame(frame)
    assert [f.rule for f in findings] == ["FigureSchema:doc", "FigureSchema:value"]
    assert findings[0].message == (
        "column doc holds str, not integers; no figure rule was run on this table"
    )


def test_a_frame_without_a_column_gives_a_finding_not_an_exception() -> None:
    findings = validate_frame(figures_frame([GDP]).drop(columns=["region"]), [REPORT_2018])
    assert [f.code for f in findings] == [Code.BAD_FIGURE, Code.STALE_ARTICLE]
    assert findings[0].message.startswith("column region is missing")


def test_a_missing_title_is_a_finding_about_that_figure() -> None:
    untitled = dataclasses.replace(GDP, title=None)  # type: ignore[arg-type]
    finding = only(validate([untitled, JOBS]), Code.BAD_FIGURE)
    assert finding.figures == (untitled,)
    assert finding.rule == "FigureSchema:title"


def test_validate_frame_agrees_with_validate() -> None:
    figures = [
        dataclasses.replace(GDP, value=9.48e16),
        JOBS,
        dataclasses.replace(GDP_GROWTH, period="x"),
    ]
    assert validate_frame(figures_frame(figures), ARTICLES) == validate(figures, ARTICLES)


def test_findings_do_not_depend_on_the_order_of_the_figures() -> None:
    figures = [dataclasses.replace(f, value=f.value * 1e6) for f in SEED]
    shuffled = list(figures)
    random.Random(4).shuffle(shuffled)
    assert validate(figures, ARTICLES) == validate(shuffled, ARTICLES[::-1])


_anything = st.one_of(st.floats(), st.text(max_size=5), st.none())


@settings(max_examples=80, deadline=None)
@given(
    value=st.floats(),
    unit=st.text(max_size=6) | st.sampled_from(["CNY", "percent", "person"]),
    metric=st.text(max_size=6) | st.sampled_from(["gdp", "new_jobs", "other"]),
    period=st.text(max_size=12),
    region=st.text(max_size=6),
    start=st.integers(-5, 5),
)
def test_no_figure_makes_validation_raise(
    value: float, unit: str, metric: str, period: str, region: str, start: int
) -> None:
    figure = dataclasses.replace(
        GDP, value=value, unit=unit, metric=metric, period=period, region=region, start=start
    )
    findings = validate([figure], ARTICLES)
    assert all(isinstance(f, Finding) and f.message for f in findings)


# -- region levels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("汉阳区", "district"),
        ("蓟县", "district"),
        ("额济纳旗", "district"),
        ("武汉市", "city"),
        ("恩施土家族苗族自治州", "city"),
        ("锡林郭勒盟", "city"),
        ("湖北省", "province"),
        ("广西壮族自治区", "province"),
        ("全国", "country"),
        ("", ""),
        ("某地", ""),
    ],
)
def test_region_level_reads_the_end_of_a_place_name(name: str, level: str) -> None:
    assert region_level(name) == level


def test_region_level_asks_the_gazetteer_first() -> None:
    assert region_level("北京市") == "province"  # a municipality: the gazetteer knows
    assert region_level("武汉市") == "city"
    assert region_level("碧江区") == "district"  # unknown to it: the suffix rule


# -- speed -----------------------------------------------------------------------------------


def test_a_hundred_thousand_figures_validate_in_seconds() -> None:
    figures = [dataclasses.replace(f, page=f"p{i}.txt") for i in range(10_000) for f in SEED[:10]]
    figures[123] = dataclasses.replace(figures[123], value=9.48e16)
    started = time.perf_counter()
    findings = validate(figures)
    elapsed = time.perf_counter() - started
    assert [f.figures[0] for f in findings] == [figures[123]]
    assert elapsed < 30, elapsed  # about 1 s on one core; generous for loaded CI machines


def test_validation_reads_pandas_frames_of_any_index() -> None:
    frame = figures_frame([GDP, JOBS])
    frame.index = pd.Index([10, 20])
    assert validate_frame(frame) == []


# -- more than one process -------------------------------------------------------------------


def _broken_seed(seed: int) -> list[Figure]:
    """The seed figures many times over on many pages, a fifth of them broken some way."""
    rnd = random.Random(seed)
    changes: list[dict[str, Any]] = [
        {"value": 9.48e16},
        {"unit": "亿元"},
        {"kind": "guess"},
        {"period": "2031"},
        {"period": "x"},
        {"bound": "zz"},
        {"end": 0},
        {"region": ""},
        {"metric": "no_such_metric"},
        {"value": math.nan},
        {"upper": -1.0},
    ]
    out = []
    for page in range(40):
        for f in SEED:
            moved = dataclasses.replace(f, page=f"{page}.txt")
            out.append(
                dataclasses.replace(moved, **rnd.choice(changes)) if rnd.random() < 0.2 else moved
            )
    return out


def _moved(articles: list[Article], pages: int) -> list[Article]:
    return [dataclasses.replace(a, page=f"{p}.txt") for p in range(pages) for a in articles]


def test_the_records_path_and_the_frame_path_derive_the_same_findings() -> None:
    # validate() derives its checked columns from Figure records, validate_frame from a
    # DataFrame: two implementations, held together here on every kind of broken figure
    figures, articles = _broken_seed(8), _moved(ARTICLES, 40)
    found = validate(figures, articles)
    assert len({f.code for f in found}) >= 5
    assert repr(validate_frame(figures_frame(figures), articles)) == repr(found)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forking needs os.fork")
@pytest.mark.parametrize("jobs", [2, 3])
def test_forked_validation_finds_what_one_process_finds_in_the_same_order(jobs: int) -> None:
    figures, articles = _broken_seed(5), _moved(ARTICLES, 40)
    alone = validate(figures, articles, jobs=1)
    assert len(alone) > 100
    assert repr(validate(figures, articles, jobs=jobs)) == repr(alone)


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)  # a child still running or not reaped: no error
    except ChildProcessError:
        return True
    return False


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forking needs os.fork")
def test_a_fork_that_fails_midway_falls_back_and_leaves_no_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    figures, articles = _broken_seed(5), _moved(ARTICLES, 40)
    alone = validate(figures, articles, jobs=1)
    real_fork, calls = os.fork, []

    def fork_once() -> int:
        calls.append(1)
        if len(calls) > 1:
            raise OSError(12, "Cannot allocate memory")
        return real_fork()

    monkeypatch.setattr(os, "fork", fork_once)
    assert repr(validate(figures, articles, jobs=3)) == repr(alone)
    assert len(calls) == 2
    assert _no_children_left()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forking needs os.fork")
def test_forked_validation_works_where_the_host_reaps_children_itself() -> None:
    figures, articles = _broken_seed(5), _moved(ARTICLES, 40)
    alone = validate(figures, articles, jobs=1)
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert repr(validate(figures, articles, jobs=2)) == repr(alone)
    finally:
        signal.signal(signal.SIGCHLD, previous)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forking needs os.fork")
def test_forked_validation_sends_back_the_callers_own_figures_and_articles() -> None:
    figures, articles = _broken_seed(6), _moved(ARTICLES, 40)
    found = validate(figures, articles, jobs=2)
    ids = {id(f) for f in figures} | {id(a) for a in articles}
    assert all(id(f) in ids for finding in found for f in finding.figures)
    assert all(id(f.article) in ids for f in found if f.article is not None)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forking needs os.fork")
def test_a_tie_across_runs_or_text_that_is_not_str_leaves_it_to_one_process() -> None:
    twin = dataclasses.replace(GDP, value=9.48e16)
    kinds = dataclasses.replace(twin, kind="guess")  # type: ignore[arg-type]  # also fails a rule that runs first
    other = FAI_CUMULATIVE  # another article: the runs are [twin, other x 3] and [kinds]
    figures = [twin, other, other, other, kinds]  # two equal findings, one in each run
    assert validate_mod._runs(figures, 2) == [0, 4, 5]
    assert validate_mod._forked(figures, ARTICLES, load_expectations(), 2) is None
    assert repr(validate(figures, ARTICLES, jobs=2)) == repr(validate(figures, ARTICLES, jobs=1))
    untitled = [dataclasses.replace(GDP, title=None), *SEED]  # type: ignore[arg-type]
    assert validate_mod._forked(untitled, ARTICLES, load_expectations(), 2) is None
    assert validate(untitled, ARTICLES, jobs=2) == validate(untitled, ARTICLES, jobs=1)


def test_validation_forks_only_for_many_figures_and_never_beside_other_threads() -> None:
    assert validate_mod._processes(1, 10**7) == 1
    assert validate_mod._processes(None, validate_mod.MIN_SPLIT - 1) == 1
    assert validate_mod._processes(4, 3) == 3
    started = threading.Event()
    stop = threading.Event()

    def wait() -> None:
        started.set()
        stop.wait()

    thread = threading.Thread(target=wait)
    thread.start()
    try:
        started.wait()
        assert validate_mod._processes(2, 10**7) == 1
    finally:
        stop.set()
        thread.join()


def test_a_library_call_never_forks_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("validate forked without jobs=")

    monkeypatch.setattr(validate_mod, "MIN_SPLIT", 1)
    monkeypatch.setattr(os, "fork", no_fork)
    assert errors(validate(SEED, ARTICLES)) == []


def test_the_runs_of_figures_keep_an_article_together() -> None:
    figures = [dataclasses.replace(JOBS, doc=d) for d in (0, 0, 0, 1, 1, 2)]
    assert validate_mod._runs(figures, 2) == [0, 3, 6]
    assert validate_mod._runs(figures, 3) == [0, 3, 5, 6]
    assert validate_mod._runs(figures[:3], 2) == [0, 3, 3]
