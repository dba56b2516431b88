"""The benchmark corpus generator (benchmarks/corpus.py) makes what the benchmarks claim.

Distinct identities, districts of the gazetteer, years and five-year plans moved together, and
a second scrape that differs from the first only by the edits it announces.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from hycheck.extract import extract
from hycheck.gazetteer import lookup
from hycheck.pages import load_pages

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    """benchmarks/corpus.py, loaded by path (benchmarks/ is not a package; the script finds
    its helper module _common beside it)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        name = "benchmarks_corpus"
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / "corpus.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_every_article_of_a_scrape_has_its_own_identity(corpus: ModuleType, tmp_path: Path) -> None:
    a, b, expected = corpus.generate(3000, seed=1)
    corpus.write(a, tmp_path / "a")
    pages = load_pages(tmp_path / "a")
    assert not pages.problems
    assert len(pages) == len(a)
    assert len({art.identity for art in pages}) == len(pages)  # across pages too
    assert any(art.title.endswith("（图）") for art in pages)  # a repeat was marked
    assert len({art.title for art in b}) == len(b)
    figures = extract(pages)
    assert abs(len(figures) - expected) <= expected // 20


def test_repeated_titles_are_kept_when_asked(corpus: ModuleType) -> None:
    a, _, _ = corpus.generate(3000, seed=1, repeat_titles=True)
    titles = Counter(art.title for art in a)
    assert max(titles.values()) > 1
    assert not any(t.endswith("（图）") for t in titles)


def test_a_cycle_moves_district_city_years_and_plans_together(corpus: ModuleType) -> None:
    district = lookup("番禺区")
    assert district is not None
    cycle = corpus.Cycle(district, -5, 1.0, 1.0, "", 0.0, 1)
    rewrite = corpus.Rewriter(cycle)
    text = rewrite.text(
        "2017年12月26日在武汉市汉阳区第十五届人民代表大会上,“十三五”时期汉阳地区生产总值948亿元",
        "汉阳区",
    )
    assert text == (
        "2012年12月26日在广州市番禺区第十五届人民代表大会上,“十二五”时期番禺地区生产总值948亿元"
    )
    assert rewrite.text("二〇二一年十二月二十八日", "汉阳区") == "二〇一六年十二月二十八日"


def test_numbers_scale_but_dates_ordinals_and_small_shares_stay_sane(corpus: ModuleType) -> None:
    district = lookup("洪山区")
    assert district is not None
    rewrite = corpus.Rewriter(corpus.Cycle(district, 0, 1.5, 1.5, "", 0.0, 1))
    text = rewrite.text("4月26日签约项目15个,总投资126.0亿元,占比80%,第3名", "洪山区")
    assert text == "4月26日签约项目22个,总投资189.0亿元,占比100%,第3名"


def test_the_second_scrape_differs_only_by_its_announced_edits(corpus: ModuleType) -> None:
    a, b, _ = corpus.generate(20000, seed=3)
    old = {x.title: x for x in a}
    new = {x.title: x for x in b}
    kept = old.keys() & new.keys()
    changed = sum(old[t].body != new[t].body for t in kept)
    assert len(kept) > 0.98 * len(a)
    assert 0 < changed < 0.05 * len(kept)
    assert len(new.keys() - old.keys()) > 0  # new articles and re-titled ones
    assert len(old.keys() - new.keys()) > 0  # removed and re-titled
    rng = random.Random(0)
    assert corpus._edit_number("新增就业1.65万人", rng) == "新增就业1.66万人"
