"""The pandera schemas: FigureSchema for any figure table, and expectations compiled into
named checks.  Figures are built from real sentences of the seed's 2018 work report."""

from __future__ import annotations

import dataclasses
import math
import warnings
from datetime import date
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hycheck.expectations import Range, load_expectations
from hycheck.frames import figures_frame
from hycheck.model import Bound, Figure, Kind
from hycheck.schemas import (
    STRUCTURE,
    FigureSchema,
    compile_expectations,
    figure_schema,
    period_bounds,
)
from hycheck.validation import validate

BODY = (
    "预计全年实现地区生产总值948亿元,增长7%;固定资产投资445.3亿元,增长10%;"
    "社会消费品零售总额568亿元,增长10.2%;全区工业经济总量在全市占比突破16%。"
    "拓宽就业服务渠道,全年新增就业1.65万人。旅游业加快发展,全年接待游客2700万人次。"
)
TITLE = "【投资汉阳区】2018年武汉市汉阳区政府工作报告"


def fig(surface: str, value: float, unit: str, **kw: Any) -> Figure:
    start = BODY.index(surface)
    base: dict[str, Any] = {
        "page": "seeds/000_984d2c24117c5c48.txt",
        "doc": 0,
        "title": TITLE,
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


SEED = [
    fig("948亿元", 9.48e10, "CNY", metric_text="地区生产总值", metric="gdp"),
    fig(
        "7%", 7.0, "percent", metric_text="地区生产总值增长", metric="gdp", growth_of="地区生产总值"
    ),
    fig("445.3亿元", 4.453e10, "CNY", metric_text="固定资产投资", metric="fixed_asset_investment"),
    fig(
        "突破16%",
        16.0,
        "percent",
        metric_text="全区工业经济总量在全市占比",
        bound=Bound.GT,
        kind=Kind.ACTUAL,
    ),
    fig("1.65万人", 16500.0, "person", metric_text="新增就业", metric="new_jobs", kind=Kind.ACTUAL),
    fig(
        "2700万人次",
        2.7e7,
        "person_time",
        metric_text="接待游客",
        metric="tourists",
        kind=Kind.ACTUAL,
    ),
]


def failed_checks(frame: pd.DataFrame, schema: pa.DataFrameSchema = FigureSchema) -> set[str]:
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return set(exc.failure_cases["check"])
    return set()


def test_figure_schema_accepts_real_figures_and_an_empty_table() -> None:
    assert failed_checks(figures_frame(SEED)) == set()
    assert failed_checks(figures_frame([])) == set()


@pytest.mark.parametrize(
    ("change", "check"),
    [
        ({"period": "2017Q5"}, f"{STRUCTURE}:period"),
        ({"period": "2020-2016"}, f"{STRUCTURE}:period"),
        ({"period": "十三五"}, f"{STRUCTURE}:period"),
        ({"unit": "亿元"}, "expectations/defaults.yaml:units"),
        ({"end": 9}, f"{STRUCTURE}:surface"),  # 948亿元 is 5 characters, not 9
        ({"surface": "", "end": 0, "start": 0}, f"{STRUCTURE}:surface"),
        ({"value": -9.48e10}, "expectations/defaults.yaml:units.signed"),
        ({"value": math.inf}, f"{STRUCTURE}:value"),
        ({"upper": 1.0}, f"{STRUCTURE}:upper"),
        ({"start": -1, "end": 4}, f"{STRUCTURE}:start"),
        ({"metric": "gross_output_of_everything"}, f"{STRUCTURE}:metric"),
    ],
)
def test_figure_schema_names_the_check_a_broken_figure_fails(
    change: dict[str, Any], check: str
) -> None:
    broken = dataclasses.replace(SEED[0], **change)
    assert check in failed_checks(figures_frame([broken, *SEED[1:]]))


def test_figure_schema_rejects_a_kind_and_a_bound_that_do_not_exist() -> None:
    frame = figures_frame(SEED).assign(kind="guess", bound="roughly")
    assert {f"{STRUCTURE}:kind", f"{STRUCTURE}:bound"} <= failed_checks(frame)


def test_a_negative_growth_rate_is_fine_but_a_negative_count_is_not() -> None:
    falling = dataclasses.replace(SEED[1], value=-3.2)
    assert failed_checks(figures_frame([falling])) == set()
    negative = dataclasses.replace(SEED[4], value=-16500.0)
    assert failed_checks(figures_frame([negative])) == {"expectations/defaults.yaml:units.signed"}


def test_figure_schema_follows_the_expectations_it_is_built_from(tmp_path: Any) -> None:
    (tmp_path / "defaults.yaml").write_text(
        "version: 1\nunits:\n  lightyear: {range: {min: 0, max: 10}}\n", encoding="utf-8"
    )
    schema = figure_schema(load_expectations(tmp_path))
    frame = figures_frame([dataclasses.replace(SEED[0], unit="lightyear", value=3.0)])
    assert failed_checks(frame, schema) == set()
    assert failed_checks(frame) == {"expectations/defaults.yaml:units"}


@pytest.mark.parametrize(
    ("period", "bounds"),
    [
        ("2017", (date(2017, 1, 1), date(2017, 12, 31))),
        ("2022Q1", (date(2022, 1, 1), date(2022, 3, 31))),
        ("2020H2", (date(2020, 7, 1), date(2020, 12, 31))),
        ("2024M02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2022M01-2022M09", (date(2022, 1, 1), date(2022, 9, 30))),
        ("2025Q1-2025Q3", (date(2025, 1, 1), date(2025, 9, 30))),
        ("2022M01-M09", None),
        ("2022Q1-2023", None),
        ("2016-2020", (date(2016, 1, 1), date(2020, 12, 31))),
        ("unknown", None),
        ("2017Q0", None),
        ("2022M09-2022M01", None),
        ("2020-2020", None),
        ("0017", None),
        ("2017 ", None),
    ],
)
def test_period_bounds_read_every_period_form(
    period: str, bounds: tuple[date, date] | None
) -> None:
    assert period_bounds(period) == bounds


def test_period_format_check_is_linear_on_hostile_text() -> None:
    frame = figures_frame([dataclasses.replace(SEED[0], period="2" * 200_000 + "Q")])
    assert f"{STRUCTURE}:period" in failed_checks(frame)


def test_every_compiled_check_is_named_after_its_file_and_rule() -> None:
    compiled = compile_expectations(load_expectations())
    names = [c.name for c in compiled.figures.checks] + [
        c.name for col in compiled.figures.columns.values() for c in col.checks
    ]
    names += [c.name for c in compiled.articles.checks]
    assert len(names) == len(set(names))
    assert set(names) == set(compiled.rules)
    for name in names:
        file, rule = name.split(":", 1)
        assert rule
        assert file == STRUCTURE or file.startswith("expectations/")
    assert "expectations/gdp.yaml:range.district" in names
    assert "expectations/new_jobs.yaml:units" in names
    assert "expectations/defaults.yaml:dates.titles[0]" in names


# -- hypothesis: figures drawn inside the expectations validate clean ------------------------

EXP = load_expectations()
_REGIONS = {
    "district": "汉阳区",
    "city": "武汉市",
    "province": "湖北省",
    "country": "全国",
    "": "某地",
}
_UNSIGNED = sorted(u for u, r in EXP.units.items() if not r.signed and u != "other")


def _inside(lo: float | None, hi: float | None) -> st.SearchStrategy[float]:
    lo = -1e6 if lo is None else lo
    hi = max(lo, 1e6) if hi is None else hi
    return st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)


_periods = st.one_of(
    st.integers(2000, 2030).map(str),
    st.tuples(st.integers(2000, 2030), st.integers(1, 4)).map(lambda t: f"{t[0]}Q{t[1]}"),
    st.tuples(st.integers(2000, 2030), st.integers(1, 2)).map(lambda t: f"{t[0]}H{t[1]}"),
    st.tuples(st.integers(2000, 2030), st.integers(1, 12)).map(lambda t: f"{t[0]}M{t[1]:02d}"),
    st.integers(2000, 2025).map(lambda y: f"{y}-{y + 4}"),
    st.just("unknown"),
)


@st.composite
def plausible_figures(draw: st.DrawFn) -> Figure:
    """A figure that satisfies the schema and every shipped expectation."""
    text = draw(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30))
    surface = draw(st.text(min_size=1, max_size=8).filter(lambda s: s.strip() == s))
    start = draw(st.integers(0, 10_000))
    metric = draw(st.sampled_from(["other", *sorted(EXP.metrics)]))
    kind = draw(st.sampled_from(list(Kind)))
    level = draw(st.sampled_from(sorted(_REGIONS)))
    growth_of = None
    if metric == "other":
        unit = draw(st.sampled_from(_UNSIGNED))
        value = draw(_inside(*_bounds(EXP.units[unit].range)))
    else:
        rule = EXP.metrics[metric]
        kind = draw(st.sampled_from([Kind(k) for k in rule.kinds]))
        levels = [u for u in rule.units if not EXP.units[u].relative]
        if levels and rule.ranges and not draw(st.booleans()):
            unit = draw(st.sampled_from(levels))
            rng = rule.ranges.get(level) or rule.ranges.get("") or _envelope(rule.ranges)
            value = draw(_inside(*_meet(_bounds(rng), _bounds(EXP.units[unit].range))))
        elif rule.growth is not None:
            unit, growth_of = "percent", rule.metric
            value = draw(_inside(*_bounds(rule.growth)))
        else:
            assert rule.share is not None
            unit = "percent"
            value = draw(_inside(*_bounds(rule.share)))
    upper = draw(st.none() | st.just(value * 2 if value >= 0 else value))
    return Figure(
        page=draw(st.sampled_from(["a.txt", "pages/汉阳.jsonl"])),
        doc=draw(st.integers(0, 50)),
        title=text,
        start=start,
        end=start + len(surface),
        surface=surface,
        value=value,
        unit=unit,
        metric_text=text,
        metric=metric,
        period=draw(_periods),
        kind=kind,
        bound=draw(st.sampled_from(list(Bound))),
        growth_of=growth_of,
        region=_REGIONS[level],
        upper=upper,
        sentence=text,
    )


def _bounds(rng: Any) -> tuple[float | None, float | None]:
    return rng.min, rng.max


def _envelope(ranges: Any) -> Any:
    lows = [r.min for r in ranges.values() if r.min is not None]
    highs = [r.max for r in ranges.values() if r.max is not None]
    return Range(min(lows, default=None), max(highs, default=None), "")


def _meet(
    a: tuple[float | None, float | None], b: tuple[float | None, float | None]
) -> tuple[float | None, float | None]:
    lows = [x for x in (a[0], b[0]) if x is not None]
    highs = [x for x in (a[1], b[1]) if x is not None]
    return (max(lows) if lows else None, min(highs) if highs else None)


@settings(max_examples=60, deadline=None)
@given(figures=st.lists(plausible_figures(), max_size=20))
def test_figures_drawn_inside_the_schema_and_the_expectations_validate_clean(
    figures: list[Figure],
) -> None:
    assert failed_checks(figures_frame(figures)) == set()
    assert validate(figures, (), EXP) == []


def test_pandera_cannot_draw_figures_from_the_schema_itself() -> None:
    """Why the test above draws its own figures: the span check (end - start == len(surface))
    ties columns together, and pandera's schema strategy can only filter for it."""
    from hypothesis.errors import FailedHealthCheck, Unsatisfiable

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        strategy = FigureSchema.strategy(size=3)

        @settings(max_examples=5, deadline=None)
        @given(strategy)
        def draw(frame: pd.DataFrame) -> None:
            pass

        with pytest.raises((Unsatisfiable, FailedHealthCheck)):
            draw()


def test_a_prepared_frame_joined_or_filtered_by_the_caller_is_checked_row_by_row() -> None:
    from hycheck.validation import prepare_figures

    exp = load_expectations()
    huge = dataclasses.replace(SEED[0], value=9.48e14)  # a district GDP of 948万亿元
    prepared = prepare_figures(figures_frame([SEED[1], huge]), [], exp)
    schema = compile_expectations(exp).figures

    def failing_rows(frame: pd.DataFrame) -> set[int]:
        try:
            schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as exc:
            return set(exc.failure_cases["index"].dropna().astype(int))
        return set()

    assert failing_rows(prepared) == {1}
    assert failing_rows(pd.concat([prepared, prepared], ignore_index=True)) == {1, 3}
    assert failing_rows(prepared.iloc[1:]) == {1}


def test_the_span_check_measures_the_surface_whatever_helper_column_a_frame_brings() -> None:
    frame = figures_frame([dataclasses.replace(SEED[0], end=SEED[0].start + 10)])
    frame["_surface_len"] = 10
    assert f"{STRUCTURE}:surface" in failed_checks(frame)
