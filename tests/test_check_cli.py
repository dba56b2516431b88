"""`hycheck check`: read, extract, validate, render, and exit 0 / 1 / 2 as DESIGN.md says.

The mutation tests run the whole command, real reader and extractor included, on mutated
copies of the seed page.  The wiring tests stand a small extractor in for the real one, so that
the command's own behaviour (exit codes, formats, --output, --fail-on, input problems) does not
depend on what the extractor finds.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

import hycheck.extract  # noqa: F401 - loads the module the stand-in replaces a function of
from hycheck.cli import main
from hycheck.model import Article, Figure, Kind
from hycheck.pages import PageProblem, Pages

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_984d2c24117c5c48.txt"


def mutated_seed(tmp_path: Path, old: str, new: str) -> Path:
    text = SEED.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    page = tmp_path / "mutated.txt"
    page.write_text(text.replace(old, new), encoding="utf-8")
    return page


def check_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code = main(["check", *args, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out else {}


def codes(report: dict[str, Any], severity: str = "error") -> set[str]:
    return {f["code"] for f in report.get("findings", []) if f["severity"] == severity}


# -- the real pipeline on the seed and its mutations -----------------------------------------


def test_the_seed_page_checks_without_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = check_json([str(SEED)], capsys)
    assert code == 0
    assert codes(report) == set()
    assert report["summary"]["articles"] == 5


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ("地区生产总值948亿元", "地区生产总值948万亿元", "expectations/gdp.yaml:range.district"),
        ("新增就业1.65万人", "新增就业1.65万亿元", "expectations/new_jobs.yaml:units"),
        ("增长10.2%", "增长910.2%", "expectations/retail_sales.yaml:growth"),
        ("2017年12月26日", "2027年12月26日", "expectations/defaults.yaml:dates.stated_vs_listed"),
    ],
)
def test_a_mutated_seed_page_fails_with_the_right_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, rule: str
) -> None:
    code, report = check_json([str(mutated_seed(tmp_path, old, new))], capsys)
    assert code == 1
    expected = {
        "range": "out_of_range",
        "units": "unit_not_allowed",
        "growth": "out_of_range",
        "dates": "date_inconsistent",
    }[rule.split(":")[1].split(".")[0]]
    assert expected in codes(report)
    assert rule in {f.get("rule") for f in report["findings"] if f["code"] == expected}


# -- the command's wiring, with a stand-in extractor -----------------------------------------

# (text just before the figure, surface, value, unit, metric, period, kind, growth_of)
Entry = tuple[str, str, float, str, str, str, Kind, str | None]
SEED_ENTRIES: list[Entry] = [
    ("地区生产总值", "948亿元", 9.48e10, "CNY", "gdp", "2017", Kind.ESTIMATE, None),
    ("社会消费品零售总额568亿元,增长", "10.2%", 10.2, "percent", "retail_sales", "2017",
     Kind.ESTIMATE, "社会消费品零售总额"),
    ("新增就业", "1.65万人", 16500.0, "person", "new_jobs", "2017", Kind.ACTUAL, None),
    ("全年接待游客", "2700万人次", 2.7e7, "person_time", "tourists", "2017", Kind.ACTUAL, None),
]  # fmt: skip


def stand_in_extractor(entries: Sequence[Entry]) -> Callable[[Iterable[Article]], list[Figure]]:
    """Finds the given phrases in each article body, with their true offsets."""

    def extract(articles: Iterable[Article], **_: object) -> list[Figure]:
        out = []
        for a in articles:
            for before, surface, value, unit, metric, period, kind, growth_of in entries:
                at = a.body.find(before + surface)
                if at < 0:
                    continue
                start = at + len(before)
                out.append(
                    Figure(
                        a.page,
                        a.doc,
                        a.title,
                        start,
                        start + len(surface),
                        surface,
                        value,
                        unit,
                        metric_text=before,
                        metric=metric,
                        period=period,
                        kind=kind,
                        growth_of=growth_of,
                        region=a.region,
                    )
                )
        return out

    return extract


@pytest.fixture
def extractor(monkeypatch: pytest.MonkeyPatch) -> Callable[[Sequence[Entry]], None]:
    def use(entries: Sequence[Entry]) -> None:
        module = sys.modules["hycheck.extract"]  # hycheck.extract the attribute is the function
        monkeypatch.setattr(module, "extract", stand_in_extractor(entries))

    return use


def test_true_figures_exit_zero(
    extractor: Callable[[Sequence[Entry]], None], capsys: pytest.CaptureFixture[str]
) -> None:
    extractor(SEED_ENTRIES)
    code, report = check_json([str(SEED)], capsys)
    assert code == 0
    assert report["summary"]["figures"] == 4
    assert codes(report, "error") == codes(report, "warning") == set()
    assert codes(report, "info") == {"stale_article"}  # the 2017 report listed in 2025


def test_an_implausible_figure_exits_one_and_the_json_carries_rule_and_figure(
    extractor: Callable[[Sequence[Entry]], None], capsys: pytest.CaptureFixture[str]
) -> None:
    extractor([("地区生产总值", "948亿元", 9.48e16, "CNY", "gdp", "2017", Kind.ESTIMATE, None)])
    code, report = check_json([str(SEED)], capsys)
    assert code == 1
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["code"] == "out_of_range"
    assert finding["rule"] == "expectations/gdp.yaml:range.district"
    assert finding["details"]["check"] == "in_range"
    [figure] = finding["figures"]
    assert figure["page"] == str(SEED)
    assert figure["doc"] == 0
    assert figure["surface"] == "948亿元"
    body = SEED.read_text(encoding="utf-8").split("\n")[2]
    assert body[figure["start"] : figure["end"]] == "948亿元"


@pytest.mark.parametrize(
    ("fail_on", "exit_code"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_sets_the_threshold_of_exit_one(
    extractor: Callable[[Sequence[Entry]], None],
    capsys: pytest.CaptureFixture[str],
    fail_on: str,
    exit_code: int,
) -> None:
    extractor([("地区生产总值", "948亿元", 9.48e16, "CNY", "gdp", "2017", Kind.ESTIMATE, None)])
    assert main(["check", str(SEED), "--fail-on", fail_on]) == exit_code


def test_a_warning_fails_only_from_fail_on_warning_down(
    extractor: Callable[[Sequence[Entry]], None], capsys: pytest.CaptureFixture[str]
) -> None:
    # 2e15 yuan of no headline metric: above the CNY default, a warning
    extractor([("直接经济收入实现", "过亿元", 2e15, "CNY", "other", "2017", Kind.ACTUAL, None)])
    assert main(["check", str(SEED)]) == 0
    assert main(["check", str(SEED), "--fail-on", "warning"]) == 1
    assert "warning: out_of_range" in capsys.readouterr().out


def test_output_writes_the_report_to_a_file(
    extractor: Callable[[Sequence[Entry]], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extractor(SEED_ENTRIES)
    out = tmp_path / "report.json"
    assert main(["check", str(SEED), "--format", "json", "--output", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["figures"] == 4


def test_an_output_file_that_cannot_be_written_exits_two_naming_it(
    extractor: Callable[[Sequence[Entry]], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extractor(SEED_ENTRIES)
    out = tmp_path / "no-such-dir" / "report.md"
    assert main(["check", str(SEED), "--output", str(out)]) == 2
    assert f"cannot write {out}" in capsys.readouterr().err


def test_a_broken_expectations_directory_exits_two_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gdp.yaml").write_text("version: 1\nmetric: gdp\nrang: {max: 1}\n", "utf-8")
    assert main(["check", str(SEED), "--expectations", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path.as_posix()}/gdp.yaml: rang:" in err
    assert "range" in err


def test_a_missing_expectations_directory_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(SEED), "--expectations", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_expectations_given_on_the_command_line_change_the_verdict(
    extractor: Callable[[Sequence[Entry]], None], tmp_path: Path
) -> None:
    extractor(SEED_ENTRIES)
    (tmp_path / "gdp.yaml").write_text(
        "version: 1\nmetric: gdp\nrange:\n  district: {max: 5.0e10}\n", "utf-8"
    )
    assert main(["check", str(SEED)]) == 0
    assert main(["check", str(SEED), "--expectations", str(tmp_path)]) == 1


@pytest.mark.parametrize(
    ("fmt", "sign"),
    [
        ("github", "::error file="),  # a workflow command: the finding becomes an annotation
        ("junit", "<failure message="),  # the article's test case fails
        ("markdown", "`out_of_range`"),
        ("text", "error: out_of_range: 948亿元 = 9.48e14 CNY"),
    ],
)
def test_every_report_format_carries_the_finding(
    extractor: Callable[[Sequence[Entry]], None],
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    sign: str,
) -> None:
    extractor([("地区生产总值", "948亿元", 9.48e14, "CNY", "gdp", "2017", Kind.ESTIMATE, None)])
    assert main(["check", str(SEED), "--format", fmt]) == 1
    assert sign in capsys.readouterr().out


def test_an_unavailable_format_exits_two_before_reading(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def render(report: Any, fmt: str, **_: Any) -> str:
        raise ValueError(f"unknown report format {fmt!r}")

    monkeypatch.setattr("hycheck.report.render", render)
    assert main(["check", str(SEED), "--format", "junit"]) == 2
    assert "--format junit: format not available" in capsys.readouterr().err


def test_input_problems_exit_two_after_everything_else_was_checked(
    extractor: Callable[[Sequence[Entry]], None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from hycheck import pages as pages_module

    real = pages_module.load_pages

    def load_pages(*paths: Any) -> Pages:
        read = real(*paths)
        problem = PageProblem("pages/broken.txt", 3, "title without a body")
        return Pages(read.articles, [problem])

    monkeypatch.setattr("hycheck.pages.load_pages", load_pages)
    extractor([("地区生产总值", "948亿元", 9.48e16, "CNY", "gdp", "2017", Kind.ESTIMATE, None)])
    code, report = check_json([str(SEED)], capsys)
    assert code == 2  # an unreadable input outranks the findings
    assert report["summary"]["problems"] == ["pages/broken.txt:3: title without a body"]
    assert report["summary"]["pages"] == 2
    assert codes(report) == {"out_of_range"}  # the readable page was still checked


def test_check_without_a_path_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
