"""JUnit XML, GitHub workflow commands and the job summary."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from golden.fixtures import RESCRAPE, SEED, hostile_report, seed_report
from golden.strategies import reports
from hypothesis import HealthCheck, given, settings

from hycheck.ci import STEP_SUMMARY_LIMIT, render_github, render_junit, write_step_summary
from hycheck.markdown import render_markdown
from hycheck.model import Article, Code, Finding, Severity
from hycheck.report import Report


def _cases(xml: str) -> dict[tuple[str, str], ET.Element]:
    root = ET.fromstring(xml)
    return {(c.get("classname", ""), c.get("name", "")): c for c in root.iter("testcase")}


# -- JUnit -----------------------------------------------------------------------------------


def test_junit_has_one_case_per_article_and_one_for_input_problems() -> None:
    cases = _cases(render_junit(seed_report()))
    assert len(cases) == 7 + 1
    assert (SEED, "汉阳一季度招商引资强劲 日均签约投资超2亿元") in cases
    assert ("hycheck", "input problems") in cases


def test_junit_fails_an_article_on_findings_at_or_above_the_threshold() -> None:
    cases = _cases(render_junit(seed_report()))
    changed = cases[(RESCRAPE, "【投资汉阳区】2018年武汉市汉阳区政府工作报告")]
    failure = changed.find("failure")
    assert failure is not None
    assert failure.get("message") == "1 findings at or above error: value_changed"
    assert "948亿元 → 984亿元" in (failure.text or "")
    # warnings stay out of the failure at the default threshold, as system-out
    report_2021 = cases[(SEED, "【汉阳区招商】2021年汉阳区政府工作报告")]
    failure = report_2021.find("failure")
    assert failure is not None
    assert "conflict" in (failure.get("message") or "")
    out = report_2021.find("system-out")
    assert out is not None
    assert "series_break" in (out.text or "")
    assert "out_of_range" in (out.text or "")


def test_junit_threshold_warning_fails_on_warnings_too() -> None:
    cases = _cases(render_junit(seed_report(), fail_on="warning"))
    daily = cases[(SEED, "汉阳一季度招商引资强劲 日均签约投资超2亿元")]
    assert daily.find("failure") is not None
    cases = _cases(render_junit(seed_report()))
    daily = cases[(SEED, "汉阳一季度招商引资强劲 日均签约投资超2亿元")]
    assert daily.find("failure") is None


def test_junit_articles_without_findings_pass() -> None:
    cases = _cases(render_junit(seed_report()))
    case = cases[
        (SEED, "【汉阳区招商】汉阳区迎来39亿大健康产业集群 重点项目与高端人才助推产业升级")
    ]
    assert list(case) == []


def test_junit_totals_add_up() -> None:
    root = ET.fromstring(render_junit(seed_report()))
    suites = root.findall("testsuite")
    # failing: the rescraped 2018 report (value_changed), the 2021 report (conflict), input
    assert root.get("tests") == str(sum(int(s.get("tests", "")) for s in suites)) == "8"
    assert root.get("failures") == str(sum(int(s.get("failures", "")) for s in suites)) == "3"


def test_junit_input_problems_fail_their_case() -> None:
    cases = _cases(render_junit(seed_report()))
    failure = cases[("hycheck", "input problems")].find("failure")
    assert failure is not None
    assert "listing date '2025-13-01' is not a date" in (failure.text or "")


def test_junit_of_hostile_text_and_control_characters_parses() -> None:
    report = hostile_report()
    art = Article(page="p\x00.txt", doc=0, title="标题\x1b\x07\ufffe]]>", body="", line=1)
    evil = Finding(Code.ARTICLE_ADDED, Severity.ERROR, "消息\x0b", article=art)
    xml = render_junit(Report([*report.findings, evil], sources=[*report.sources, art]))
    cases = _cases(xml)
    assert ("p\ufffd.txt", "标题\ufffd\ufffd\ufffd]]>") in cases


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_junit_of_any_report_parses_as_xml(report: Report) -> None:
    root = ET.fromstring(render_junit(report))
    assert root.tag == "testsuites"


# -- GitHub ----------------------------------------------------------------------------------

_COMMAND = re.compile(r"::(error|warning|notice) ((?:[a-z]+=[^,:]*)(?:,[a-z]+=[^,:]*)*)::(.*)")


def _unescape(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def test_github_annotation_names_file_line_and_title() -> None:
    lines = render_github(seed_report()).splitlines()
    assert lines[0].startswith(
        "::error file=rescrape/000_984d2c24117c5c48.txt,line=1,"
        "title=value_changed · 【投资汉阳区】2018年武汉市汉阳区政府工作报告::"
    )


def test_github_annotations_come_worst_first_and_info_is_a_notice() -> None:
    kinds = [line.split(" ", 1)[0] for line in render_github(seed_report()).splitlines()]
    findings = kinds[:-1]  # the last line is the input problem
    assert findings == sorted(findings, key=["::error", "::warning", "::notice"].index)
    assert "::notice" in kinds


def test_github_escapes_percent_newlines_and_property_separators() -> None:
    art = Article(page="a,b:c.txt", doc=0, title="标题,line=99::x\n%", body="", line=3)
    finding = Finding(Code.ARTICLE_ADDED, Severity.WARNING, "50%\r\n::error::伪造", article=art)
    (line,) = render_github(Report([finding])).splitlines()
    m = _COMMAND.fullmatch(line)
    assert m is not None, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    assert set(props) == {"file", "line", "title"}
    assert _unescape(props["file"]) == "a,b:c.txt"
    assert props["line"] == "3"
    assert "line=99::x %" in _unescape(props["title"])  # newline flattened by plain()
    assert _unescape(m.group(3)).startswith("warning: article_added: 50%  ::error::伪造")


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_every_github_line_is_one_well_formed_command(report: Report) -> None:
    lines = render_github(report).split("\n")
    assert lines[-1] == ""
    assert len(lines) - 1 == len(report.findings) + len(report.problems)
    for line in lines[:-1]:
        assert _COMMAND.fullmatch(line), line


# -- job summary -----------------------------------------------------------------------------


def test_step_summary_appends_the_markdown_report(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("# earlier step\n", encoding="utf-8")
    assert write_step_summary(seed_report(), path)
    assert path.read_text(encoding="utf-8") == "# earlier step\n\n" + render_markdown(seed_report())


def test_step_summary_without_a_path_writes_nothing() -> None:
    assert not write_step_summary(seed_report(), None)
    assert not write_step_summary(seed_report(), "")


def test_step_summary_over_the_size_limit_keeps_only_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("x" * (STEP_SUMMARY_LIMIT - 100), encoding="utf-8")
    write_step_summary(seed_report(), path)
    added = path.read_text(encoding="utf-8")[STEP_SUMMARY_LIMIT - 100 :]
    assert "| `conflict` |" in added
    assert "## Series" not in added
    assert "Summary only" in added
