"""The fast forms of extraction's whole-text passes give what the plain forms gave."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hycheck.scan as scan_module
from hycheck import lexicon as lx
from hycheck._words import longest_word_pattern
from hycheck.context import _sentences_and_clauses, _starts
from hycheck.cues import _CUE_WORDS, Cues
from hycheck.gazetteer import _BRANCHES, _INDEX, Place, _misplaced, find_places, names_a_place
from hycheck.model import Bound, Figure, Kind, new_figure
from hycheck.naming import Regions
from hycheck.normalize import _CJK, _REMOVABLE, _WRAP
from hycheck.scan import (
    _CALENDAR_CHARS,
    _CANDIDATE,
    _CANDIDATE_GRAMMAR,
    _FIRST_CHARS,
    NUMBER_GRAMMAR,
    scan,
)
from hycheck.timeline import _TIME_FIRST, _TIME_WORDS, TIME_GRAMMAR, _times

# the patterns as first written, with a leading look-ahead or look-behind
_PLAIN_REMOVABLE = re.compile(
    r"(?=[ \t(])(?:"
    rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])|(?<=\d)[ \t]+(?=[%‰])"
    rf"|(?<=[\u3400-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\))"
)
_PLAIN_WRAP = re.compile(r"(?<=[\u3400-\u9fff\d])[ \t]*\n[ \t]*(?=[\u3400-\u9fff\d])")

_LAYOUT = st.text(alphabet=" \t\n()汉字,1%‰āaü。、", max_size=80)


@given(_LAYOUT)
@settings(max_examples=500, deadline=None)
def test_layout_patterns_match_where_the_plain_ones_do(text: str) -> None:
    for fast, plain in ((_REMOVABLE, _PLAIN_REMOVABLE), (_WRAP, _PLAIN_WRAP)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet="。!?;\n,:一、二三年元", max_size=60))
@settings(max_examples=300, deadline=None)
def test_sentence_and_clause_starts_are_those_of_two_splits(text: str) -> None:
    heads = [i for i, ch in enumerate(text) if ch == "二"]
    sentences = sorted(set(_starts(text, lx.SENTENCE_ENDS)).union(heads))
    clauses = sorted(set(_starts(text, lx.CLAUSE_ENDS)).union(sentences))
    assert _sentences_and_clauses(text, heads) == (sentences, clauses)


_PLACES = st.lists(
    st.sampled_from(["武汉市", "汉阳区", "全市", "全区", "占全省", "中国", "湖北", "产值", "1"]),
    max_size=8,
).map("".join)


@given(_PLACES, st.integers(0, 30), st.integers(0, 30))
@settings(max_examples=300, deadline=None)
def test_region_of_a_clause_without_a_place_is_the_articles(text: str, a: int, b: int) -> None:
    c0, pos = min(a, b, len(text)), min(max(a, b), len(text))
    listed = Regions(text, "汉阳区")._places(c0, pos)  # the slow path, always
    found = Regions(text, "汉阳区").at(c0, pos)
    if not listed:
        assert found == "汉阳区"
    assert found == Regions(text[c0:pos], "汉阳区").at(0, pos - c0)


_CUE_PIECES = sorted({w for words in _CUE_WORDS.values() for w in words} | set("预计划年均1,。"))


@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=30).map("".join))
@settings(max_examples=500, deadline=None)
def test_cues_found_in_shared_passes_are_those_of_a_pass_per_list(text: str) -> None:
    cues = Cues(text)
    for key, words in _CUE_WORDS.items():
        alone = re.compile("|".join(map(re.escape, words)))
        spans = [m.span() for m in alone.finditer(text)]
        assert cues.find(key, 0, len(text)) == spans


@given(
    st.lists(st.sampled_from(_CUE_PIECES), max_size=30).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
    st.integers(1, 5),
)
@settings(max_examples=500, deadline=None)
def test_the_first_and_last_cues_of_a_range_are_those_find_lists(
    text: str, a: int, b: int, limit: int
) -> None:
    cues = Cues(text)
    start, end = min(a, b), max(a, b)
    for key in _CUE_WORDS:
        found = cues.find(key, start, end)
        assert cues.last(key, start, end, limit) == found[::-1][:limit]
        if found:
            assert cues.first(key, start, end) == found[0]


def test_figures_are_built_with_their_fields_in_this_order() -> None:
    # hycheck.context builds each Figure positionally, in this order
    from dataclasses import fields

    from hycheck.model import Figure

    assert [f.name for f in fields(Figure)] == [
        "page", "doc", "title", "start", "end", "surface", "value", "unit", "metric_text",
        "metric", "period", "kind", "bound", "growth_of", "region", "upper", "sentence",
    ]  # fmt: skip


_PLAIN_TIME = re.compile(f"(?=[{re.escape(_TIME_FIRST)}]){TIME_GRAMMAR}")
_TIME_PIECES = sorted(
    set(_TIME_WORDS)
    | set(lx.PLAN_PERIOD_TIME_WORDS)
    | set(lx.SINCE_WORDS)
    | set('0123456789一二三四五六七八九十〇零年月日度份末底季自从至到-~“”"「」全区,亿元')
    | {"2017", "2018年", "20", "19", "二〇一七", "十二月"}
)


@given(st.lists(st.sampled_from(_TIME_PIECES), max_size=30).map("".join))
@settings(max_examples=1000, deadline=None)
def test_time_expressions_are_those_of_the_plain_grammar(text: str) -> None:
    found = [(m.span("time"), _groups(m)) for m in _times(text)]
    assert found == [(m.span(), m.groupdict()) for m in _PLAIN_TIME.finditer(text)]


def _groups(m: re.Match[str]) -> dict[str, str | None]:
    groups = m.groupdict()
    del groups["time"]
    return groups


_PLAIN_NUMBER = re.compile(f"(?=[{_FIRST_CHARS}])(?:{_CANDIDATE_GRAMMAR})")
_NUMBER_PIECES = sorted(
    set(_FIRST_CHARS) | set(",.成倍个余多第年元%") | {"百分之", "1,200", "3.5", "翻番", "两位数"}
)


@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=30).map("".join), st.integers(0, 40))
@settings(max_examples=1000, deadline=None)
def test_number_candidates_are_those_of_the_plain_grammar(text: str, pos: int) -> None:
    fast = _CANDIDATE.search(text, pos)
    plain = _PLAIN_NUMBER.search(text, pos)
    assert (fast is None) == (plain is None)
    if fast is not None and plain is not None:
        kind = fast.lastgroup or ""
        assert (kind, fast.span(kind)) == (plain.lastgroup, plain.span())


_PLAIN_NAMES = re.compile("(?:" + "|".join(_BRANCHES.values()) + ")")
_PLACE_PIECES = sorted(_INDEX) + list("市区县省中国全武汉阳 1")


def _plain_find_places(text: str) -> list[tuple[int, int, Place]]:
    out: list[tuple[int, int, Place]] = []
    for m in _PLAIN_NAMES.finditer(text):
        hit = _INDEX[m.group()]
        if not _misplaced(hit, m.start(), out):
            out.append((m.start(), m.end(), hit))
    return out


@given(st.lists(st.sampled_from(_PLACE_PIECES), max_size=12).map("".join), st.data())
@settings(max_examples=1000, deadline=None)
def test_places_are_those_of_the_plain_trie(text: str, data: st.DataObject) -> None:
    assert find_places(text) == _plain_find_places(text)
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    assert names_a_place(text, start, stop) == (_PLAIN_NAMES.search(text, start, stop) is not None)


_EVERY_CANDIDATE = re.compile(f"[{_FIRST_CHARS}](?<=(?={NUMBER_GRAMMAR}).)")
_SCAN_PIECES = sorted(
    {*_NUMBER_PIECES, *_CALENDAR_CHARS, "12号线", "2016-2018年", "3至5年", "亿元", "-", " "}
)


@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=30).map("".join))
@settings(max_examples=1000, deadline=None)
def test_numbers_before_calendar_words_were_never_figures(text: str) -> None:
    """scan() skips a number right before 年/月/号 … as no candidate: what it finds is what
    it found when every number was a candidate."""
    fast = scan(text)
    with patch.object(scan_module, "_CANDIDATE", _EVERY_CANDIDATE):
        assert scan(text) == fast


_WORD = st.text(alphabet="计划年度总投资", min_size=1, max_size=4)
_WORDS = st.lists(_WORD, min_size=1, max_size=12)


@given(_WORDS, st.text(alphabet="计划年度总投资,", max_size=40))
@settings(max_examples=500, deadline=None)
def test_the_trie_of_words_matches_what_their_alternation_matches(
    words: list[str], text: str
) -> None:
    trie = re.compile(longest_word_pattern(words))
    alternation = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]


def test_a_figure_built_slot_by_slot_is_the_dataclass_built_one() -> None:
    fields = ("p", 1, "t", 2, 5, "948亿元", 9.48e10, "CNY", "生产总值", "gdp", "2017",
              Kind.ESTIMATE, Bound.GE, None, "汉阳区", None, "预计…")  # fmt: skip
    fast, plain = new_figure(*fields), Figure(*fields)
    assert fast == plain
    assert repr(fast) == repr(plain)
    assert hash(fast) == hash(plain)
    with pytest.raises(FrozenInstanceError):
        fast.value = 1.0  # type: ignore[misc]
