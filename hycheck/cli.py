"""The ``hycheck`` command.

Exit codes (``main`` returns them):

* 0: nothing at or above the ``--fail-on`` severity (default ``error``);
* 1: findings at or above it;
* 2: usage, configuration or input error (an unreadable page, a bad expectation file);
* 130: interrupted.

Every expected error is a ``HycheckError`` caught here, in one place, and printed as one line;
``--debug`` re-raises it.  Anything else is a bug and propagates as a traceback.

The ``hycheck`` console script and ``python -m hycheck`` call ``run``: ``main``, then an exit
that skips tearing the interpreter down (see ``run``).  Tests and other callers use ``main``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from hycheck.errors import CLIError, HycheckError
from hycheck.model import Severity

if TYPE_CHECKING:
    from hycheck.expectations import Expectations
    from hycheck.model import Article, Figure, Finding
    from hycheck.pages import Pages
    from hycheck.report import Report

Command = Callable[[argparse.Namespace], int]
REPORT_FORMATS = ("markdown", "text", "json", "junit", "github")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``hycheck`` command line; return the exit code (see the module docstring)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        run: Command = args.run
        return run(args)
    except HycheckError as exc:
        if args.debug:
            raise
        print(f"hycheck: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("hycheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `hycheck extract … | head`: the reader went away; that is not an error of ours.
        sys.stderr.close()
        return 0


def run() -> NoReturn:
    """The console script: ``main()``, then leave at once with its exit code.

    Once pandas and pandera are imported, the interpreter's own teardown (freeing every
    module's objects one by one) takes about 0.2 s: a fifth of ``hycheck check seeds/``.  By
    the time ``main`` returns, every file it wrote is closed; the standard streams are flushed
    here, and then the process ends without that teardown.  A bug (an exception ``main`` does
    not handle) still ends the ordinary way, with its traceback.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away, or main closed the stream
        pass
    os._exit(code)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hycheck",
        description="Data quality and change tracking for figures on Chinese government pages.",
    )
    parser.add_argument("--debug", action="store_true", help="re-raise errors with a traceback")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "pages",
        help="list the articles read from page files or directories",
        description="List the articles read, one a line, tab-separated: page, doc, line, "
        "listing date, stated date, region, body length (characters), title.  Problems go "
        "to stderr as path:line: message; the exit code is 2 when there was any.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files or directories")
    p.add_argument("--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(run=_cmd_pages)

    p = sub.add_parser("extract", help="extract every stated figure")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    p.add_argument("--output", metavar="FILE", help="write here instead of stdout")
    _add_jobs(p)
    p.set_defaults(run=_cmd_extract)

    p = sub.add_parser("check", help="extract and validate figures; exit 1 on findings (CI)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files or directories")
    p.add_argument(
        "--expectations",
        action="append",
        default=[],
        metavar="DIR",
        help="expectation files layered over the shipped defaults (repeatable, later wins)",
    )
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="exit 1 when a finding is at least this severe (default: error)",
    )
    p.add_argument(
        "--baseline",
        metavar="OLD",
        help="an earlier scrape (page file or directory): also report what changed since",
    )
    p.add_argument("--format", choices=REPORT_FORMATS, default="text")
    p.add_argument("--limit", type=int, default=20, help="markdown: items shown a list")
    p.add_argument("--output", metavar="FILE", help="write here instead of stdout")
    _add_jobs(p)
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("diff", help="what changed between two scrapes (page files or directories)")
    p.add_argument("old", metavar="OLD", help="the earlier scrape: a page file or a directory")
    p.add_argument("new", metavar="NEW", help="the later scrape: a page file or a directory")
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="severity from which the exit code is 1 and a JUnit test case fails",
    )
    p.add_argument("--format", choices=REPORT_FORMATS, default="text")
    p.add_argument("--limit", type=int, default=20, help="markdown: items shown a list")
    p.add_argument("--output", metavar="FILE", help="write here instead of stdout")
    _add_jobs(p)
    p.set_defaults(run=_cmd_diff)

    p = sub.add_parser(
        "report",
        help="render a saved JSON report again (markdown, text, json, junit, github)",
        description="Render a report saved with --format json in another format.  Exits as "
        "check does: 2 when the report records input problems, 1 when it has findings at or "
        "above --fail-on, else 0.",
    )
    p.add_argument("report", metavar="FINDINGS.json", help="a JSON report; - reads stdin")
    p.add_argument("--format", choices=REPORT_FORMATS, default="markdown")
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="severity from which the exit code is 1 and a JUnit test case fails",
    )
    p.add_argument("--limit", type=int, default=20, help="markdown: items shown a list")
    p.add_argument("--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(run=_cmd_report)
    return parser


# -- helpers ---------------------------------------------------------------------------------


def _add_jobs(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jobs",
        "-j",
        type=_job_count,
        default=1,
        metavar="N",
        help="extract in N processes (0: one per core); other than 1, validation forks "
        "too when there are enough figures; the output is that of --jobs 1",
    )


def _job_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (0 or more)")
    return n


def _extract(
    pages: Sequence[Article], jobs: int, expectations: Expectations | None = None
) -> list[Figure]:
    """The figures of ``pages``, in ``jobs`` processes, with a progress bar on a terminal."""
    from hycheck._gc import paused
    from hycheck.parallel import extract_many
    from hycheck.progress import Progress

    chars = sum(len(a.body) for a in pages)
    with paused(), Progress("extracting", articles=len(pages), chars=chars) as bar:
        return extract_many(pages, jobs=jobs, expectations=expectations, advance=bar.advance)


def _read(paths: Sequence[str]) -> Pages:
    """Read pages, printing each problem (path:line: message) to stderr as it stands."""
    from hycheck.pages import load_pages

    pages = load_pages(*paths)
    for problem in pages.problems:
        print(f"hycheck: {problem}", file=sys.stderr)
    return pages


def _input_status(pages: Pages) -> int:
    """2 when any input could not be read cleanly (the rest was still processed), else 0."""
    return 2 if pages.problems else 0


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """``--output FILE`` (UTF-8, LF) or stdout, which is left open."""
    if path is None:
        yield sys.stdout
        return
    try:
        out = Path(path).open("w", encoding="utf-8", newline="\n")  # noqa: SIM115 (with below)
    except OSError as exc:
        raise CLIError(f"cannot write {path}: {exc.strerror}") from exc
    with out:
        yield out


# -- commands --------------------------------------------------------------------------------


# tabs and line breaks inside a scraped title would split a row: print them as spaces
_ONE_LINE = str.maketrans(dict.fromkeys("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def _cmd_pages(args: argparse.Namespace) -> int:
    from hycheck.textfmt import plain

    pages = _read(args.paths)
    with _output(args.output) as out:
        out.write("page\tdoc\tline\tlisted\tstated\tregion\tlength\ttitle\n")
        for a in pages:
            cells = (
                a.page,
                str(a.doc),
                str(a.line),
                a.listed.isoformat() if a.listed else "-",
                a.stated.isoformat() if a.stated else "-",
                a.region or "-",
                str(len(a.body)),
                a.title,
            )
            # scraped titles may hold terminal escapes or bidi overrides: printed as text
            out.write("\t".join(plain(c.translate(_ONE_LINE)) for c in cells) + "\n")
    return _input_status(pages)


def _cmd_extract(args: argparse.Namespace) -> int:
    from hycheck.extract import write_figures

    pages = _read(args.paths)
    figures = _extract(pages, args.jobs)
    if args.format == "parquet":
        if args.output is None:
            raise CLIError("--format parquet needs --output FILE")
        write_figures(figures, args.output, "parquet")
    else:
        with _output(args.output) as out:
            write_figures(figures, out, args.format)
    return _input_status(pages)


def _cmd_check(args: argparse.Namespace) -> int:
    """Read, extract, validate, render; 2 on unreadable input (after all the rest was done),
    else 1 when a finding reaches ``--fail-on``, else 0."""
    from hycheck.expectations import load_expectations
    from hycheck.report import Report
    from hycheck.validation import validate

    _render(Report(findings=()), args)  # an unavailable format fails before any work
    expectations = load_expectations(*args.expectations)  # a broken file exits 2 here
    if args.baseline is not None and not Path(args.baseline).exists():
        raise CLIError(f"--baseline {args.baseline}: no such file or directory")
    pages = _read(args.paths)
    figures = _extract(pages, args.jobs, expectations)  # user metrics are read too
    # --jobs other than 1 lets validation fork too, where a million figures make it pay
    findings = validate(figures, pages, expectations, jobs=1 if args.jobs == 1 else None)
    findings += _cross_checks(pages, figures, expectations)
    baseline_problems: list[str] = []
    if args.baseline is not None:
        # a bad page of the baseline is reported like a bad page of the scrape: the rest is
        # still diffed, and the exit code is 2
        changes, baseline_problems = _baseline_changes(
            args.baseline, pages, figures, expectations, args.jobs
        )
        findings += changes
    report = Report.of(findings, pages, figures)
    if baseline_problems:
        report = dataclasses.replace(report, problems=[*report.problems, *baseline_problems])
    text = _render(report, args)
    with _output(args.output) as out:
        out.write(text)
    _step_summary(report)
    if report.problems:
        return 2
    return _verdict(findings, args.fail_on)


def _cross_checks(
    pages: Pages, figures: Sequence[Figure], expectations: Expectations
) -> list[Finding]:
    """Findings across documents: conflicts, revisions, targets, series, arithmetic."""
    from hycheck.conflicts import find_conflicts

    return find_conflicts(figures, pages, expectations=expectations)


def _baseline_changes(
    baseline: str,
    pages: Pages,
    figures: Sequence[Figure],
    expectations: Expectations,
    jobs: int,
) -> tuple[list[Finding], list[str]]:
    """What changed since the earlier scrape ``baseline``, and the problems met reading it."""
    from hycheck.diff import diff_scrapes

    old = _read([baseline])
    old_figures = _extract(old, jobs, expectations)
    changes = diff_scrapes(old, old_figures, pages, figures, expectations=expectations)
    return changes, [f"baseline {problem}" for problem in old.problems]


def _step_summary(report: Report) -> None:
    """In GitHub Actions, append the markdown summary to the job's step summary."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        from hycheck.ci import write_step_summary

        write_step_summary(report, path)


def _render(report: Report, args: argparse.Namespace) -> str:
    from hycheck.report import render

    # JUnit marks a test case failed from this severity on; with --fail-on never it still
    # shows errors as failures, while the exit code stays 0.
    fail_on = Severity.ERROR if args.fail_on == "never" else Severity(args.fail_on)
    try:
        return render(report, args.format, fail_on=fail_on, limit=max(args.limit, 0))
    except ValueError as exc:
        raise CLIError(f"--format {args.format}: format not available ({exc})") from exc


def _verdict(findings: Sequence[Finding], fail_on: str) -> int:
    """1 when some finding is at least as severe as ``fail_on`` ("never": never), else 0."""
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) else 0


def _cmd_diff(args: argparse.Namespace) -> int:
    from hycheck.diff import diff_scrapes
    from hycheck.report import Report, render

    for side in (args.old, args.new):
        if not Path(side).exists():  # diffing against nothing would report every article gone
            raise CLIError(f"{side}: no such file or directory; diff needs two scrapes")
    old, new = _read([args.old]), _read([args.new])
    old_figures, new_figures = _extract(old, args.jobs), _extract(new, args.jobs)
    findings = diff_scrapes(old, old_figures, new, new_figures)
    report = Report(
        findings,
        pages=sorted({a.page for a in new}),
        articles=len(new),
        figures=len(new_figures),
        problems=[str(p) for p in (*old.problems, *new.problems)],
        extra={"baseline": args.old},
        sources=list(new),
    )
    fail_on = Severity(args.fail_on)
    text = render(report, args.format, fail_on=fail_on, limit=max(args.limit, 0))
    with _output(args.output) as out:
        out.write(text)
    if old.problems or new.problems:
        return 2
    return 1 if any(f.severity.rank >= fail_on.rank for f in findings) else 0


def _cmd_report(args: argparse.Namespace) -> int:
    import json

    from hycheck.model import Severity
    from hycheck.report import Report, render

    source = "<stdin>" if args.report == "-" else args.report
    try:
        if args.report == "-":
            text = sys.stdin.read()
        else:
            text = Path(args.report).read_text(encoding="utf-8")
    except OSError as exc:
        raise CLIError(f"cannot read {source}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise CLIError(f"{source}: not UTF-8 (byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CLIError(f"{source}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from exc
    report = Report.from_dict(data, source)
    fail_on = Severity(args.fail_on)
    with _output(args.output) as out:
        out.write(render(report, args.format, fail_on=fail_on, limit=max(args.limit, 0)))
    if report.problems:
        return 2
    return 1 if any(f.severity.rank >= fail_on.rank for f in report.findings) else 0
