"""The Report value, its JSON contract, reading it back, the text format and ``hycheck report``."""

from __future__ import annotations

import io
import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from golden.fixtures import SEED, hostile_report, seed_report
from golden.strategies import reports
from hypothesis import HealthCheck, given, settings

from hycheck.cli import main
from hycheck.model import Article, Code, Figure, Finding, Severity
from hycheck.report import FORMATS, Report, ReportError, render, render_json, to_plain


def _figure(**fields: Any) -> Figure:
    base: dict[str, Any] = {
        "page": SEED,
        "doc": 0,
        "title": "【投资汉阳区】2018年武汉市汉阳区政府工作报告",
        "start": 212,
        "end": 218,
        "surface": "948亿元",
        "value": 9.48e10,
        "unit": "CNY",
    }
    return Figure(**{**base, **fields})


# -- JSON contract ---------------------------------------------------------------------------


def test_json_keeps_chinese_unescaped_and_has_a_summary() -> None:
    text = render(seed_report(), "json")
    assert "地区生产总值" in text
    assert "\\u" not in text
    data = json.loads(text)
    assert data["summary"]["findings"] == 7
    assert data["summary"]["by_severity"] == {"error": 2, "warning": 3, "info": 2}
    assert data["summary"]["worst"] == "error"
    assert data["summary"]["pages"] == 3
    assert data["summary"]["articles"] == 7


def test_json_change_finding_carries_old_and_new_figure_objects() -> None:
    data = json.loads(render(seed_report(), "json"))
    (change,) = [f for f in data["findings"] if f["code"] == "value_changed"]
    assert change["old"]["surface"] == "948亿元"
    assert change["new"]["surface"] == "984亿元"
    assert change["new"]["value"] == 98400000000
    assert "figures" not in change  # keys that do not apply are left out
    assert change["details"]["abs_change"] == pytest.approx(3.6e9)


def test_json_article_finding_carries_the_article_with_its_listing_date_and_line() -> None:
    data = json.loads(render(seed_report(), "json"))
    (added,) = [f for f in data["findings"] if f["code"] == "article_added"]
    assert added["article"] == {
        "page": SEED,
        "doc": 1,
        "title": '【汉阳区招商】汉阳中欧科技金融交流合作中心揭牌 搭建"一带一路"创新合作新平台',
        "listed": "2025-07-11",
        "line": 5,
    }


def test_numpy_values_in_details_are_written_as_plain_json() -> None:
    finding = Finding(
        Code.VALUE_CHANGED,
        Severity.ERROR,
        "地区生产总值 changed",
        old=_figure(),
        new=_figure(surface="984亿元", value=np.float64(9.84e10)),
        details={
            "abs_change": np.float64(3.6e9),
            "count": np.int64(3),
            "flag": np.bool_(True),
            "pair": (np.int32(1), np.int32(2)),
            "array": np.array([1.5, 2.5]),
            "missing": np.float64("nan"),
        },
    )
    data = Report([finding]).to_dict()
    details = data["findings"][0]["details"]
    assert details == {
        "abs_change": 3.6e9,
        "count": 3,
        "flag": True,
        "pair": [1, 2],
        "array": [1.5, 2.5],
        "missing": None,
    }
    assert type(details["count"]) is int
    assert type(details["flag"]) is bool
    json.dumps(data, allow_nan=False)  # natively serialisable, strict JSON


def test_a_figure_value_that_is_not_a_number_is_written_as_null() -> None:
    report = Report(
        [Finding(Code.BAD_FIGURE, Severity.ERROR, "坏数", figures=(_figure(value=float("nan")),))]
    )
    data = json.loads(render_json(report))
    assert data["findings"][0]["figures"][0]["value"] is None


def test_an_object_that_is_not_json_in_details_is_a_type_error_naming_its_path() -> None:
    report = Report([Finding(Code.BAD_FIGURE, Severity.ERROR, "x", details={"a": {"b": object()}})])
    with pytest.raises(TypeError, match=r"details\.a\.b: object is not a JSON value"):
        report.to_dict()


def test_to_plain_sorts_sets_and_writes_dates() -> None:
    assert to_plain({"s": {"b", "a"}, "d": date(2017, 12, 26)}, "x") == {
        "s": ["a", "b"],
        "d": "2017-12-26",
    }


# -- determinism and reading back ------------------------------------------------------------


def test_every_format_is_unchanged_when_the_findings_come_in_another_order() -> None:
    report = seed_report()
    shuffled = list(report.findings)
    random.Random(7).shuffle(shuffled)
    other = Report(
        shuffled,
        report.pages,
        report.articles,
        report.figures,
        report.problems,
        report.extra,
        report.sources,
    )
    for fmt in FORMATS:
        assert render(other, fmt) == render(report, fmt), fmt


def test_findings_with_equal_sort_keys_are_ordered_by_content_not_by_arrival() -> None:
    a = Finding(Code.OUT_OF_RANGE, Severity.ERROR, "同", figures=(_figure(),), rule="a.yaml:range")
    b = Finding(Code.OUT_OF_RANGE, Severity.ERROR, "同", figures=(_figure(),), rule="b.yaml:range")
    assert a.sort_key() == b.sort_key()
    assert Report([a, b]).sorted_findings() == Report([b, a]).sorted_findings()


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_json_read_back_renders_the_same_json_and_markdown(report: Report) -> None:
    text = render_json(report)
    again = Report.from_dict(json.loads(text))
    assert render_json(again) == text
    assert render(again, "markdown") == render(report, "markdown")


def test_seed_report_read_back_renders_every_format_identically() -> None:
    report = seed_report()
    again = Report.from_dict(json.loads(render_json(report)))
    for fmt in FORMATS:
        assert render(again, fmt) == render(report, fmt), fmt


def test_reading_a_report_with_an_unknown_code_names_the_key_and_the_allowed_codes() -> None:
    data = json.loads(render_json(seed_report()))
    data["findings"][2]["code"] = "contradiction"
    with pytest.raises(
        ReportError,
        match=r"r\.json: findings\[2\]\.code: unknown value 'contradiction'; allowed: bad_input",
    ):
        Report.from_dict(data, "r.json")


def test_reading_a_figure_without_a_value_names_the_missing_key() -> None:
    data = json.loads(render_json(seed_report()))
    del data["findings"][0]["new"]["value"]
    with pytest.raises(ReportError, match=r"findings\[0\]\.new\.value: missing"):
        Report.from_dict(data, "r.json")


def test_reading_a_listing_date_that_is_not_a_date_names_the_key() -> None:
    data = json.loads(render_json(seed_report()))
    data["articles"][0]["listed"] = "2025-13-01"
    with pytest.raises(ReportError, match=r"articles\[0\]\.listed: not a date"):
        Report.from_dict(data, "r.json")


def test_reading_a_list_where_an_object_belongs_says_what_was_found() -> None:
    with pytest.raises(ReportError, match=r"r\.json: expected an object, found a list"):
        Report.from_dict([], "r.json")


# -- text ------------------------------------------------------------------------------------


def test_text_format_gives_page_line_severity_code_and_evidence() -> None:
    lines = render(seed_report(), "text").splitlines()
    assert (
        "rescrape/000_984d2c24117c5c48.txt:1: error: value_changed: 地区生产总值 2017 changed "
        "between scrapes (948亿元 → 984亿元; article 0 at 212: "
        "【投资汉阳区】2018年武汉市汉阳区政府工作报告)"
    ) in lines
    assert lines[-1] == "3 pages, 7 articles, 212 figures: 2 errors, 3 warnings, 2 info"


def test_text_format_keeps_each_finding_on_one_line_without_terminal_controls() -> None:
    report = hostile_report()
    fig = report.findings[0].figures[0]
    evil = Finding(Code.BAD_FIGURE, Severity.ERROR, "坏\x1b[2J\nforged: error", figures=(fig,))
    text = render(Report([evil]), "text")
    assert "\x1b" not in text
    assert len(text.splitlines()) == 2  # the finding and the count line


# -- hycheck report --------------------------------------------------------------------------


def _saved(tmp_path: Path, report: Report) -> str:
    path = tmp_path / "findings.json"
    path.write_text(render_json(report), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_command_renders_a_saved_report_in_each_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    report = seed_report()
    code = main(["report", _saved(tmp_path, report), "--format", fmt])
    assert capsys.readouterr().out == render(report, fmt)
    assert code == 2  # the seed report records an input problem, as `check` would exit


def test_report_command_exits_one_on_findings_at_or_above_fail_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = seed_report()
    report = Report([f for f in base.findings if f.severity != Severity.ERROR], base.pages)
    path = _saved(tmp_path, report)
    assert main(["report", path]) == 0
    assert main(["report", path, "--fail-on", "warning"]) == 1
    capsys.readouterr()


def test_report_command_writes_the_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    main(["report", _saved(tmp_path, seed_report()), "--output", str(out)])
    assert out.read_text(encoding="utf-8") == render(seed_report(), "markdown")


def test_report_command_on_a_file_that_is_not_json_exits_two_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"findings": [\n  {"code": }', encoding="utf-8")
    assert main(["report", str(path)]) == 2
    assert f"{path}:2:12: not JSON" in capsys.readouterr().err


def test_report_command_on_a_report_breaking_the_contract_exits_two_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"findings": [{"code": "conflict", "severity": "fatal"}]}', encoding="utf-8")
    assert main(["report", str(path)]) == 2
    assert "findings[0].severity: unknown value 'fatal'" in capsys.readouterr().err


def test_report_command_on_a_missing_file_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(tmp_path / "nowhere.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_report_read_back_keeps_article_lines_for_annotations() -> None:
    art = Article(page=SEED, doc=4, title="汉阳一季度招商引资强劲", body="", line=17)
    report = Report([Finding(Code.ARTICLE_ADDED, Severity.INFO, "新", article=art)], sources=[art])
    again = Report.from_dict(json.loads(render_json(report)))
    assert again.lines() == {(SEED, 4): 17}


def test_report_command_reads_a_saved_report_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(render_json(seed_report())))
    main(["report", "-", "--format", "github"])
    assert capsys.readouterr().out == render(seed_report(), "github")
