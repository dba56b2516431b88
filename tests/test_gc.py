"""hycheck._gc.paused: the stages switch automatic garbage collection off and put it back."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from change_helpers import SEED

from hycheck._gc import paused
from hycheck.conflicts import find_conflicts
from hycheck.diff import diff_scrapes
from hycheck.extract import extract
from hycheck.model import Article
from hycheck.pages import load_pages


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_a_stage_leaves_the_collector_on_when_it_was_on(collector: None) -> None:
    pages = load_pages(SEED)
    figures = extract(pages)
    gc.enable()
    assert diff_scrapes(pages, figures, pages, figures) == []
    assert find_conflicts(figures, pages)
    assert gc.isenabled()


def test_a_stage_leaves_the_collector_off_when_the_caller_had_it_off(collector: None) -> None:
    gc.disable()
    with paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def _fail_while_paused() -> None:
    with paused():
        assert not gc.isenabled()
        raise ZeroDivisionError


def test_the_collector_comes_back_after_an_error(collector: None) -> None:
    gc.enable()
    with pytest.raises(ZeroDivisionError):
        _fail_while_paused()
    assert gc.isenabled()


def test_extraction_runs_with_the_collector_paused_and_puts_it_back(collector: None) -> None:
    gc.enable()
    seen: list[bool] = []

    def articles() -> Iterator[Article]:
        for article in load_pages(SEED):
            seen.append(gc.isenabled())  # asked while extract() reads the articles
            yield article

    assert extract(articles())
    assert seen == [False] * len(seen)
    assert seen
    assert gc.isenabled()
