"""Expectation files: the shipped ones load, broken ones fail at load time naming file and key,
layering works, and the accessors that extraction, diff and conflicts read say what they mean."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hycheck._expectation_files import DEFAULTS_SPEC, ITEMS, KEYS, METRIC_SPEC
from hycheck.errors import ExpectationError
from hycheck.expectations import (
    LEVELS,
    Expectations,
    IntervalRules,
    default_expectations_dir,
    load_expectations,
)
from hycheck.model import Severity

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "expectations"

# Every unit the extractor may write (DESIGN.md, gold/SCHEMA.md, the extraction issue).
CANONICAL_UNITS = {
    "CNY", "USD", "EUR", "HKD", "JPY", "GBP", "m2", "mu", "km", "m", "m3",
    "m3_per_s", "t", "kg", "kwh", "kw", "teu", "person", "person_time", "household", "item",
    "percent", "pp", "ratio", "other",
}  # fmt: skip
HEADLINE = {
    "gdp", "fixed_asset_investment", "retail_sales", "general_budget_revenue",
    "disposable_income", "investment_contracted", "investment_in_place", "fdi_utilized",
    "new_jobs", "tourists", "industrial_output",
}  # fmt: skip


def write(dir_: Path, name: str, text: str) -> Path:
    dir_.mkdir(parents=True, exist_ok=True)
    path = dir_ / name
    path.write_text(text, encoding="utf-8")
    return path


GDP_OVERRIDE = """\
version: 1
metric: gdp
range:
  district: {max: 2.0e12}
"""


# -- the shipped files -----------------------------------------------------------------------


def test_shipped_expectations_load_and_cover_every_unit_and_headline_metric() -> None:
    exp = load_expectations()
    assert set(exp.units) >= CANONICAL_UNITS
    assert set(exp.metrics) >= HEADLINE
    assert exp.defaults_file == "expectations/defaults.yaml"
    assert "expectations/gdp.yaml" in exp.files


def test_every_shipped_yaml_file_is_read() -> None:
    on_disk = {f"expectations/{p.name}" for p in SHIPPED.glob("*.yaml")}
    assert on_disk == set(load_expectations().files)


@pytest.mark.parametrize("metric", sorted(HEADLINE))
def test_every_headline_metric_has_names_units_a_range_and_a_growth_rate(metric: str) -> None:
    rule = load_expectations().metrics[metric]
    assert rule.names
    assert rule.units
    assert rule.ranges or rule.share
    assert rule.growth is not None
    assert rule.growth.max is not None
    assert rule.severity is Severity.ERROR
    assert rule.file == f"expectations/{metric}.yaml"


def test_levels_of_a_metric_nest_from_district_to_province() -> None:
    ranges = load_expectations().metrics["gdp"].ranges
    assert ranges["district"].max == 5e12
    assert ranges["city"].min == 1e10
    assert ranges["province"].max == 2e14
    maxima = [ranges[level].max for level in ("district", "city", "province")]
    assert maxima == sorted(m for m in maxima if m is not None)


def test_a_growth_rate_of_gdp_is_allowed_from_minus_fifty_to_a_hundred_percent() -> None:
    growth = load_expectations().metrics["gdp"].growth
    assert growth is not None
    assert (growth.min, growth.max) == (-50, 100)
    assert growth.rule == "expectations/gdp.yaml:growth"


def test_a_share_is_at_most_a_hundred_percent() -> None:
    exp = load_expectations()
    assert exp.share.range.max == 100
    assert "占比" in exp.share.cues
    assert "比重" in exp.share.cues
    urbanization = exp.metrics["urbanization_rate"].share
    assert urbanization is not None
    assert urbanization.max == 100


def test_metric_names_give_the_chinese_phrases_with_older_names() -> None:
    names = load_expectations().metric_names
    assert "地区生产总值" in names["gdp"]
    assert {"地方一般公共预算收入", "地方公共财政预算收入", "地方一般预算收入"} <= set(
        names["general_budget_revenue"]
    )
    assert {"招商引资总额", "招商引资签约额"} <= set(names["investment_contracted"])
    assert "招商引资实际到位资金" in names["investment_in_place"]
    assert "新增就业" in names["new_jobs"]
    assert "接待游客" in names["tourists"]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("预计全年实现地区生产总值", "gdp"),
        ("人均地区生产总值", "per_capita_gdp"),  # the longer name wins
        ("累计实现招商引资实际到位资金", "investment_in_place"),
        ("完成招商引资总额", "investment_contracted"),
        ("外贸进出口总额", "foreign_trade"),  # not exports, though 出口总额 is inside
        ("城镇常住居民人均可支配收入", "urban_disposable_income"),
        ("居民人均可支配收入", "disposable_income"),
        ("地方公共财政预算收入", "general_budget_revenue"),
        ("全区工业经济总量在全市占比", "other"),  # excluded: industry's share, not GDP
        ("数字经济增加值占地区生产总值比重", "other"),
        ("金融业税收收入", "other"),  # a sector's tax revenue is not the region's
    ],
)
def test_match_metric_takes_the_longest_name_and_respects_excludes(text: str, metric: str) -> None:
    assert load_expectations().match_metric(text) == metric


def test_tolerance_of_a_level_comes_from_the_metric_and_of_a_rate_from_the_unit() -> None:
    exp = load_expectations()
    assert exp.tolerance("gdp", "CNY") == (0.001, 0.0)
    assert exp.tolerance("gdp", "percent") == (0.0, 0.05)
    assert exp.tolerance("other", "m2") == (0.001, 0.0)
    assert exp.tolerance("gdp", "no_such_unit") == (0.001, 0.0)


def test_max_annual_change_and_interval_rules_are_read() -> None:
    exp = load_expectations()
    assert exp.max_annual_change("gdp") == 0.2
    assert exp.max_annual_change("other") is None
    assert exp.interval_rules == IntervalRules(approx=0.05, over=0.1, rounding=True, gt_open=True)


def _all_keys(spec: Any) -> set[str]:
    """Every key of a spec, nested ones included."""
    keys: set[str] = set()
    for name, (sub, _required) in KEYS.get(spec, {}).items():
        keys |= {name} | _all_keys(sub)
    if spec in ITEMS:
        keys |= _all_keys(ITEMS[spec])
    return keys


def test_every_key_of_the_file_format_is_documented_in_the_readme() -> None:
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    prose = re.sub(r"```.*?```", "", readme, flags=re.DOTALL)  # the examples do not count
    quoted = re.findall(r"`([^`]+)`", prose)  # `units.U.signed` documents signed
    documented = {word for q in quoted for word in re.findall(r"[a-z_]+", q)}
    keys = _all_keys(METRIC_SPEC) | _all_keys(DEFAULTS_SPEC) | set(LEVELS)
    assert {"min", "max", "rel", "abs", "cue", "after_days", "gt_open"} <= keys
    assert keys - documented == set()


def _spec_keys(spec: Any) -> list[str]:
    """The keys a spec accepts, found by feeding it a mapping with one unknown key."""
    try:
        spec({"zz_unknown": 1}, "", "f.yaml")
    except ExpectationError as exc:
        return list(exc.allowed)
    raise AssertionError("a spec accepted an unknown key")


# -- layering --------------------------------------------------------------------------------


def test_a_user_directory_overrides_one_level_of_a_metric_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    write(tmp_path, "gdp.yaml", GDP_OVERRIDE)
    gdp = load_expectations(tmp_path).metrics["gdp"]
    assert gdp.ranges["district"].max == 2e12
    assert gdp.ranges["district"].min == 1e8  # merged from the shipped file
    assert gdp.ranges["district"].rule == f"{tmp_path.as_posix()}/gdp.yaml:range.district"
    assert "地区生产总值" in gdp.names


def test_a_user_directory_adds_a_metric_that_extraction_then_knows(tmp_path: Path) -> None:
    write(
        tmp_path,
        "port_calls.yaml",
        "version: 1\nmetric: port_calls\nnames: [船舶进出港艘次]\nunits: [item]\n"
        "range: {min: 1, max: 1.0e7}\n",
    )
    exp = load_expectations(tmp_path)
    assert exp.metric_names["port_calls"] == ("船舶进出港艘次",)
    assert exp.match_metric("全年船舶进出港艘次") == "port_calls"
    assert exp.metrics["port_calls"].ranges[""].max == 1e7


def test_a_later_defaults_file_merges_into_the_shipped_defaults(tmp_path: Path) -> None:
    write(tmp_path, "defaults.yaml", "version: 1\nintervals: {approx: 0.1}\n")
    exp = load_expectations(tmp_path)
    assert exp.interval_rules.approx == 0.1
    assert exp.interval_rules.rounding is True
    assert exp.defaults_file == f"{tmp_path.as_posix()}/defaults.yaml"
    assert "CNY" in exp.units


def test_two_user_directories_apply_in_order(tmp_path: Path) -> None:
    write(tmp_path / "a", "gdp.yaml", GDP_OVERRIDE)
    write(tmp_path / "b", "gdp.yaml", GDP_OVERRIDE.replace("2.0e12", "3.0e12"))
    exp = load_expectations(tmp_path / "a", tmp_path / "b")
    assert exp.metrics["gdp"].ranges["district"].max == 3e12


def test_a_layered_rule_names_the_file_that_set_its_key(tmp_path: Path) -> None:
    write(tmp_path, "gdp.yaml", GDP_OVERRIDE)
    write(tmp_path, "defaults.yaml", "version: 1\ndates:\n  severity: warning\n")
    exp = load_expectations(tmp_path)
    gdp, user = exp.metrics["gdp"], f"{tmp_path.as_posix()}/gdp.yaml"
    assert gdp.ranges["district"].rule == f"{user}:range.district"
    assert gdp.ranges["city"].rule == "expectations/gdp.yaml:range.city"
    assert gdp.growth is not None
    assert gdp.growth.rule == "expectations/gdp.yaml:growth"
    assert gdp.rule("units") == "expectations/gdp.yaml:units"
    assert exp.dates.rule("severity") == f"{tmp_path.as_posix()}/defaults.yaml:dates.severity"
    assert exp.dates.rule("stale") == "expectations/defaults.yaml:dates.stale"
    assert exp.units["CNY"].range.rule.startswith("expectations/defaults.yaml:")


# -- broken files ----------------------------------------------------------------------------


def broken(tmp_path: Path, text: str, name: str = "gdp.yaml") -> ExpectationError:
    write(tmp_path, name, text)
    with pytest.raises(ExpectationError) as info:
        load_expectations(tmp_path)
    return info.value


def test_an_unknown_key_names_the_file_the_key_and_the_allowed_keys(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\nrang: {min: 1}\n")
    assert err.file == f"{tmp_path.as_posix()}/gdp.yaml"
    assert err.key == "rang"
    assert "range" in err.allowed
    assert "units" in err.allowed
    assert "'range'" in err.hint
    assert "gdp.yaml: rang:" in str(err)


def test_an_unknown_nested_key_names_its_full_path(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\nrange:\n  district: {min: 1, maks: 2}\n")
    assert err.key == "range.district.maks"
    assert err.allowed == ("min", "max")


def test_min_above_max_is_refused(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\ngrowth: {min: 100, max: -50}\n")
    assert err.key == "growth"
    assert "min 100 is above max -50" in err.problem


def test_min_above_max_after_layering_names_the_later_file(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\nrange:\n  city: {max: 1.0e9}\n")
    assert err.key == "range.city"
    assert err.file.endswith("gdp.yaml")
    assert err.file.startswith(tmp_path.as_posix())


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\nnames: [地区生产总值\n")
    assert err.key.startswith("line ")
    assert "broken YAML" in err.problem


def test_a_duplicate_key_is_refused_rather_than_silently_overwritten(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\nseverity: error\nseverity: info\n")
    assert "duplicate key 'severity'" in err.problem
    assert err.key == "line 4"


def test_an_unsupported_version_is_refused(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 2\nmetric: gdp\n")
    assert err.key == "version"
    assert "reads 1" in err.hint


def test_a_unit_no_defaults_file_defines_is_refused(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\nunits: [CNY, 亿元]\n")
    assert err.key == "units[1]"


def test_a_unit_unknown_to_the_defaults_is_refused_with_the_known_units(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\nunits: [CNY, lightyear]\n")
    assert err.key == "units[1]"
    assert "CNY" in err.allowed
    assert "person_time" in err.allowed


def test_a_name_claimed_by_two_metrics_is_refused(tmp_path: Path) -> None:
    err = broken(
        tmp_path,
        "version: 1\nmetric: output\nnames: [地区生产总值]\nunits: [CNY]\n",
        name="output.yaml",
    )
    assert err.key == "names"
    assert "'gdp'" in err.problem


def test_a_new_metric_without_names_is_refused(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: port_calls\nunits: [item]\n", "port.yaml")
    assert err.key == "names"


def test_the_same_metric_twice_in_one_directory_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GDP_OVERRIDE)
    err = broken(tmp_path, GDP_OVERRIDE, name="b.yaml")
    assert err.key == "metric"
    assert "a.yaml" in err.problem


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    err = broken(tmp_path, "- 地区生产总值\n- 生产总值\n")
    assert "mapping" in err.problem


def test_a_missing_directory_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ExpectationError, match="no such expectations directory"):
        load_expectations(tmp_path / "nowhere")


def test_a_number_written_1e9_is_a_number_not_text(tmp_path: Path) -> None:
    write(tmp_path, "gdp.yaml", "version: 1\nmetric: gdp\nrange:\n  district: {min: 1e9}\n")
    assert load_expectations(tmp_path).metrics["gdp"].ranges["district"].min == 1e9


def test_a_quoted_number_is_refused_as_text(tmp_path: Path) -> None:
    err = broken(tmp_path, "version: 1\nmetric: gdp\ngrowth: {max: '100'}\n")
    assert err.key == "growth.max"
    assert "must be a number" in err.problem


# -- random values never crash the loader ----------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.dates()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)
_METRIC_KEYS = [*_spec_keys(METRIC_SPEC), "range.district", "range.city", "growth.min"]


def _load_text(tmp_path: Path, name: str, text: str) -> Expectations | ExpectationError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        return load_expectations(path)
    except ExpectationError as exc:
        return exc
    finally:
        path.unlink()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=st.sampled_from(_METRIC_KEYS), value=_VALUES)
def test_random_values_for_any_key_are_accepted_or_refused_with_a_message(
    tmp_path: Path, key: str, value: Any
) -> None:
    doc: dict[str, Any] = {"version": 1, "metric": "gdp"}
    if "." in key:
        head, tail = key.split(".", 1)
        doc[head] = {tail: value}
    else:
        doc[key] = value
    text = yaml.safe_dump(doc, allow_unicode=True)
    result = _load_text(tmp_path, "gdp.yaml", text)
    if isinstance(result, ExpectationError):
        assert result.file.endswith("gdp.yaml")
        assert str(result)
    else:
        assert "gdp" in result.metrics


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=200))
def test_random_text_as_a_file_is_accepted_or_refused_with_a_message(
    tmp_path: Path, text: str
) -> None:
    result = _load_text(tmp_path, "x.yaml", text)
    assert isinstance(result, ExpectationError | Expectations)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=_VALUES, key=st.sampled_from(["units", "share", "intervals", "dates", "severity"]))
def test_random_defaults_are_accepted_or_refused_with_a_message(
    tmp_path: Path, key: str, value: Any
) -> None:
    text = yaml.safe_dump({"version": 1, key: value}, allow_unicode=True)
    result = _load_text(tmp_path, "defaults.yaml", text)
    assert isinstance(result, ExpectationError | Expectations)


# -- packaging and import cost ---------------------------------------------------------------


def test_the_defaults_are_found_in_the_checkout() -> None:
    assert default_expectations_dir() == SHIPPED


def test_a_built_wheel_carries_the_expectations_and_loads_them(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    wheel = next(iter(WheelBuilder(str(ROOT)).build(directory=str(tmp_path / "dist"))))
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        zf.extractall(tmp_path / "site")
    shipped = {f"hycheck/expectations/{p.name}" for p in SHIPPED.glob("*.yaml")}
    assert shipped <= set(names)
    # Import hycheck from the unpacked wheel, away from the checkout: the loader must find
    # hycheck/expectations inside the package.
    code = (
        "import hycheck.expectations as e; d = e.default_expectations_dir(); "
        "x = e.load_expectations(); print(d.as_posix()); print(len(x.metrics))"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(tmp_path / 'site')!r}); {code}",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.split()
    assert out[0] == (tmp_path / "site" / "hycheck" / "expectations").as_posix()
    assert int(out[1]) == len(load_expectations().metrics)


def test_reading_expectations_imports_neither_pandas_nor_pandera() -> None:
    code = (
        "import sys, hycheck.expectations as e; e.load_expectations(); "
        "print(sorted(m for m in ('pandas', 'pandera', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_levels_are_the_gazetteer_levels_below_the_country() -> None:
    assert LEVELS == ("district", "city", "province", "country")


def test_every_unit_the_extractor_writes_has_a_default_rule() -> None:
    from hycheck import lexicon

    units = {unit for unit, _ in lexicon.UNITS.values()} | {"other"}
    assert units <= set(load_expectations().units)


def test_a_second_title_window_that_runs_backwards_is_refused(tmp_path: Path) -> None:
    err = broken(
        tmp_path,
        "version: 1\ndates:\n  titles:\n    - {cue: 政府工作报告, from: {year: -1, month: 10}, "
        "to: {year: 0, month: 6}, also: {from: {year: 1, month: 3}, to: {year: 0, month: 12}}}\n",
        name="defaults.yaml",
    )
    assert err.key == "dates.titles[0].also"
    assert "from is after to" in err.problem
