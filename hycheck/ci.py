"""Reports for CI systems: JUnit XML, GitHub workflow-command annotations, job summaries.

* ``render_junit``: one test case per article (class name = page, name = article title), a
  failure for its findings at or above ``fail_on``, the others as ``system-out``; plus a case
  for input problems.  One suite per page.
* ``render_github``: ``::error file=…,line=…,title=…::message`` lines (``::warning``,
  ``::notice`` for the lower severities), worst first, because GitHub shows only the first few
  annotations of each kind of a step.  ``line`` is the page line the article starts on.
* ``write_step_summary``: appends the markdown report to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from hycheck.markdown import render_markdown, render_markdown_summary
from hycheck.model import Code, Finding, Severity
from hycheck.report import Location, Report, evidence, locate, primary_figure, severity
from hycheck.textfmt import gh_data, gh_property, plain, quote, xml_text

STEP_SUMMARY_LIMIT = 1_000_000
"""Bytes: GitHub refuses a job summary over 1 MiB a step; above this, only the summary part
of the markdown is written."""

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def finding_lines(f: Finding) -> list[str]:
    """A finding as plain text lines: what, then the quoted sentence with the figure marked."""
    head = f"{f.severity}: {f.code}: {f.message}"
    ev = evidence(f)
    fig = primary_figure(f)
    if ev:
        head += f" ({ev}" + (f"; at {fig.start}" if fig is not None else "") + ")"
    lines = [plain(head)]
    if fig is not None and fig.sentence:
        lines.append("> " + quote(fig.sentence, fig.surface)[0])
    return lines


# -- JUnit -----------------------------------------------------------------------------------


def render_junit(report: Report, *, fail_on: Severity | str = Severity.ERROR) -> str:
    """JUnit XML (the Ant/Jenkins dialect GitLab, Jenkins and the GitHub test reporters read)."""
    threshold = severity(fail_on).rank
    lines = report.lines()
    cases: dict[tuple[str, int], tuple[str, list[Finding]]] = {}
    for a in report.sources:
        cases.setdefault((a.page, a.doc), (a.title, []))
    loose: list[Finding] = []
    for f in report.sorted_findings():
        loc = locate(f, lines)
        if loc is None or f.code == Code.BAD_INPUT:
            loose.append(f)
        else:
            cases.setdefault((loc.page, loc.doc), (loc.title, []))[1].append(f)

    root = ET.Element("testsuites", name="hycheck")
    pages: dict[str, list[tuple[int, str, list[Finding]]]] = {}
    for (page, doc), (title, found) in sorted(cases.items()):
        pages.setdefault(page, []).append((doc, title, found))
    totals = [0, 0]
    for page, articles in pages.items():
        suite = ET.SubElement(root, "testsuite", name=xml_text(page))
        titles = [t for _, t, _ in articles]
        for doc, title, found in articles:
            name = title if title and titles.count(title) == 1 else f"{title} (article {doc})"
            _case(suite, page, name.strip() or f"article {doc}", found, threshold, [])
        _count(suite, totals)
    suite = ET.SubElement(root, "testsuite", name="hycheck")
    _case(suite, "hycheck", "input problems", loose, threshold, [str(p) for p in report.problems])
    _count(suite, totals)
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(
    suite: ET.Element,
    classname: str,
    name: str,
    found: list[Finding],
    threshold: int,
    problems: list[str],
) -> None:
    case = ET.SubElement(suite, "testcase", classname=xml_text(classname), name=xml_text(name))
    case.set("time", "0")
    failing = [f for f in found if f.severity.rank >= threshold]
    passing = [f for f in found if f.severity.rank < threshold]
    if failing or problems:
        codes = ", ".join(dict.fromkeys(str(f.code) for f in failing))
        what = [f"{len(problems)} input problems"] if problems else []
        if failing:
            what.append(f"{len(failing)} findings at or above {_name(threshold)}: {codes}")
        failure = ET.SubElement(case, "failure", message=xml_text("; ".join(what)))
        failure.set("type", "input" if problems else str(failing[0].severity))
        text = [plain(p) for p in problems] + _lines(failing)
        failure.text = xml_text("\n".join(text))
    if passing:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n".join(_lines(passing)))


def _lines(findings: Iterable[Finding]) -> list[str]:
    return [line for f in findings for line in finding_lines(f)]


def _name(rank: int) -> str:
    return next(s.value for s in Severity if s.rank == rank)


def _count(suite: ET.Element, totals: list[int]) -> None:
    cases = suite.findall("testcase")
    failed = sum(1 for c in cases if c.find("failure") is not None)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failed))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    totals[0] += len(cases)
    totals[1] += failed


# -- GitHub ----------------------------------------------------------------------------------


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands, one a finding, errors first, then input problems."""
    lines_of = report.lines()
    ordered = sorted(enumerate(report.sorted_findings()), key=lambda p: (-p[1].severity.rank, p[0]))
    out = []
    for _, f in ordered:
        loc = locate(f, lines_of)
        out.append(_command(_COMMAND[f.severity], loc, f"{f.code}", "\n".join(finding_lines(f))))
    out += [_command("error", None, "input problem", plain(str(p))) for p in report.problems]
    return "".join(line + "\n" for line in out)


def _command(name: str, loc: Location | None, what: str, message: str) -> str:
    props = []
    if loc is not None:
        props.append(f"file={gh_property(loc.page)}")
        if loc.line:
            props.append(f"line={loc.line}")
        what = f"{what} · {plain(loc.title)}" if loc.title else what
    props.append(f"title={gh_property(plain(what))}")
    return f"::{name} {','.join(props)}::{gh_data(message)}"


def write_step_summary(
    report: Report, path: str | os.PathLike[str] | None, *, limit: int = 20
) -> bool:
    """Append the markdown report to ``path`` (the file ``$GITHUB_STEP_SUMMARY`` names).

    When the report would take the file past ``STEP_SUMMARY_LIMIT`` bytes only its summary is
    written.  Returns whether anything was written (nothing when ``path`` is empty).
    """
    if not path:
        return False
    target = Path(path)
    used = target.stat().st_size if target.exists() else 0
    text = render_markdown(report, limit=limit)
    if used + len(text.encode("utf-8")) > STEP_SUMMARY_LIMIT:
        text = render_markdown_summary(report)
    with target.open("a", encoding="utf-8", newline="\n") as fh:
        fh.write(("\n" if used else "") + text)
    return True
