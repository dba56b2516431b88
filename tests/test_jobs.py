"""`--jobs N` and the progress bar: several processes write what one process writes.

The pages are the seed copied with variations (another district, other numbers), a JSON Lines
page and a CRLF listing from the test pages, so that chunks cut across pages and articles.
Chunks are made small here so that even this little input is spread over several processes.
"""

from __future__ import annotations

import concurrent.futures
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import hycheck.parallel
from hycheck.cli import main
from hycheck.extract import extract
from hycheck.pages import load_pages
from hycheck.parallel import chunks, extract_many
from hycheck.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_984d2c24117c5c48.txt"
PAGES = ROOT / "tests" / "data" / "pages"

VARIATIONS = [
    {},
    {"汉阳区": "洪山区", "汉阳": "洪山", "948亿元": "1168亿元"},
    {"汉阳区": "江夏区", "汉阳": "江夏", "增长7%": "增长8.5%", "2018年": "2019年"},
    {"武汉市汉阳区": "武汉市蔡甸区", "汉阳": "蔡甸", "1.65万人": "1.2万人"},
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A scrape of several pages: the seed four ways, plus two small pages of other formats."""
    root = tmp_path / "site"
    root.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i, changes in enumerate(VARIATIONS):
        page = text
        for old, new in changes.items():
            assert old in page, old
            page = page.replace(old, new)
        (root / f"{i:03d}_report.txt").write_text(page, encoding="utf-8")
    for name in ("articles.jsonl", "news_crlf.txt"):
        shutil.copy(PAGES / name, root / name)
    return root


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Chunks of about 5000 characters; returns the list of pool sizes started."""
    monkeypatch.setattr(hycheck.parallel, "CHUNK_CHARS", 5000)
    started: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def spy(*args: Any, **kwargs: Any) -> Any:
        started.append(kwargs.get("max_workers", 0))
        return real(*args, **kwargs)

    monkeypatch.setattr(hycheck.parallel, "ProcessPoolExecutor", spy)
    return started


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- output identical to a serial run --------------------------------------------------------


def test_extract_with_two_jobs_writes_the_bytes_of_one_job(
    site: Path, small_chunks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    one = run(["extract", str(site), "--jobs", "1"], capsys)
    two = run(["extract", str(site), "--jobs", "2"], capsys)
    assert small_chunks == [2]  # the second run did start two processes
    assert one == two
    assert one[0] == 0
    lines = one[1].splitlines()
    assert len(lines) > 4 * 200  # four copies of the seed's 211 figures, and more
    surfaces = {json.loads(line)["surface"] for line in lines}
    assert {"948亿元", "1168亿元", "1.2万人"} <= surfaces


def test_extract_csv_with_two_jobs_writes_the_bytes_of_one_job(
    site: Path, small_chunks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    one = run(["extract", str(site), "--format", "csv"], capsys)
    two = run(["extract", str(site), "--format", "csv", "-j", "2"], capsys)
    assert small_chunks == [2]
    assert one == two


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_check_with_two_jobs_reports_what_one_job_reports(
    site: Path, small_chunks: list[int], capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    one = run(["check", str(site), "--format", fmt], capsys)
    two = run(["check", str(site), "--format", fmt, "--jobs", "2"], capsys)
    assert small_chunks == [2]
    assert one == two
    if fmt == "json":
        report = json.loads(one[1])
        assert report["summary"]["articles"] == 4 * 5 + 3 + 2
        assert any(f["code"] == "series_break" for f in report["findings"])  # cross-document


def test_check_with_a_baseline_and_two_jobs_reports_what_one_job_reports(
    site: Path, tmp_path: Path, small_chunks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old"
    shutil.copytree(site, old)
    page = site / "001_report.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("1168亿元", "1186亿元"), "utf-8")
    args = ["check", str(site), "--baseline", str(old), "--format", "json"]
    one = run(args, capsys)
    two = run([*args, "--jobs", "2"], capsys)
    assert small_chunks == [2, 2]  # the new scrape and the baseline
    assert one == two
    changed = [f for f in json.loads(one[1])["findings"] if f["code"] == "value_changed"]
    assert [(f["old"]["surface"], f["new"]["surface"]) for f in changed] == [
        ("1168亿元", "1186亿元")
    ]


def test_extract_many_returns_the_figures_of_extract_in_order(
    site: Path, small_chunks: list[int]
) -> None:
    pages = load_pages(site)
    done: list[tuple[int, int]] = []
    figures = extract_many(pages, jobs=2, advance=lambda a, c: done.append((a, c)))
    assert figures == extract(pages)
    assert len(done) > 2
    assert sum(a for a, _ in done) == len(pages)
    assert sum(c for _, c in done) == sum(len(a.body) for a in pages)


def test_chunks_cover_every_article_once_in_order(site: Path) -> None:
    pages = load_pages(site)
    parts = list(chunks(pages, size=3000))
    assert [a for part in parts for a in part] == list(pages)
    assert all(part for part in parts)


def test_jobs_zero_means_every_core(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["extract", str(site), "--jobs", "0"], capsys) == run(["extract", str(site)], capsys)


@pytest.mark.parametrize("bad", ["-1", "two"])
def test_a_bad_job_count_is_a_usage_error(
    site: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(site), "--jobs", bad])
    assert exit_.value.code == 2
    assert "not a number of processes" in capsys.readouterr().err


# -- the progress bar ------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def clock(times: list[float]) -> Callable[[], float]:
    return lambda: times[0]


def test_no_progress_is_written_when_stderr_is_not_a_terminal(
    site: Path, small_chunks: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["extract", str(site), "--jobs", "2"], capsys)
    assert code == 0
    assert err == ""


def test_the_bar_is_drawn_on_a_terminal_and_erased_at_the_end() -> None:
    now = [0.0]
    term = Terminal()
    with Progress("extracting", articles=4, chars=400, stream=term, clock=clock(now)) as bar:
        now[0] = 1.0
        bar.advance(2, 200)
        shown = term.getvalue()
        now[0] = 2.0
        bar.advance(2, 200)
    assert shown.startswith("\rhycheck: extracting  50% [############............]")
    assert "2/4 articles" in shown
    assert "100%" in term.getvalue()
    assert term.getvalue().endswith("\r")  # the line is blanked out for the report
    assert bar.drawn == 2


def test_a_short_run_draws_no_bar_even_on_a_terminal() -> None:
    now = [0.0]
    term = Terminal()
    with Progress("extracting", articles=1, chars=10, stream=term, clock=clock(now)) as bar:
        now[0] = 0.2  # done before the half-second delay
        bar.advance(1, 10)
    assert term.getvalue() == ""
    assert bar.drawn == 0


def test_the_bar_is_redrawn_at_most_ten_times_a_second() -> None:
    now = [1.0]
    term = Terminal()
    bar = Progress("extracting", articles=100, chars=100, stream=term, delay=0, clock=clock(now))
    with bar:
        for _ in range(50):
            bar.advance(1, 1)  # fifty chunks within the same instant
    assert bar.drawn == 1
