"""Invariants of extraction, property-tested, and its cost on hostile input."""

from __future__ import annotations

import math
import time
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hycheck.extract import extract_text
from hycheck.model import Article
from hycheck.normalize import Compacted, normalize
from hycheck.numbers import parse_cn_int, to_cn_numeral
from hycheck.pages import load_pages

SEED = "seeds/000_984d2c24117c5c48.txt"

# text built from the characters extraction cares about, so that examples hit its branches
_ALPHABET = st.sampled_from(
    list("0123456789.,%-~ \n亿万千百十一二两三五零〇个人元平方米户家余近超过以上左右")
    + list("增长预计力争累计")
    + list("。;:,、“”()[]《》年月日第号成倍番翻位数十三五规划时期全市全区占比重其中分别")
    + ["地区生产总值", "固定资产投资", "新增就业", "2017年", "一、", "(qū)", "１２", "億"]
)
_TEXT = st.lists(_ALPHABET, max_size=80).map("".join) | st.text(max_size=200)


@given(_TEXT, st.sampled_from(["", "2018年汉阳区政府工作报告", "某区2020年统计公报"]))
@settings(max_examples=400, deadline=None)
def test_no_text_crashes_extraction_and_every_surface_is_cut_from_the_text(
    text: str, title: str
) -> None:
    figures = extract_text(text, title=title, stated=date(2017, 12, 26), listed=date(2025, 7, 1))
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.surface
        assert math.isfinite(f.value)
    starts = [f.start for f in figures]
    assert starts == sorted(starts)


@given(st.integers(min_value=100, max_value=10**12 - 1), st.sampled_from(["人", "元", "亿元"]))
@settings(max_examples=300, deadline=None)
def test_a_number_written_in_chinese_numerals_reads_back_as_itself(n: int, unit: str) -> None:
    assume(unit != "亿元" or n < 10**8)  # 一亿亿元 is not written
    numeral = to_cn_numeral(n)
    assert parse_cn_int(numeral) == n
    figures = extract_text(f"全年完成{numeral}{unit},")
    scale = 10**8 if unit == "亿元" else 1
    assert [(f.surface, f.value) for f in figures] == [(numeral + unit, n * scale)]


@given(
    st.decimals(min_value="0.01", max_value="99999.99", places=2),
    st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("", 1)]),
)
@settings(max_examples=300, deadline=None)
def test_a_number_with_a_magnitude_word_reads_back_exactly(
    number: Decimal, magnitude: tuple[str, int]
) -> None:
    word, scale = magnitude
    figures = extract_text(f"实现税收{number}{word}元。")
    assert len(figures) == 1
    expected = float(number * scale)
    assert math.isclose(figures[0].value, expected, rel_tol=1e-12)


@given(st.text(max_size=120))
@settings(max_examples=200, deadline=None)
def test_appending_unrelated_text_keeps_the_figures_found_before(extra: str) -> None:
    for article in load_pages(SEED).articles[1:3]:
        before = extract_text(article.body, title=article.title, region="汉阳区")
        after = extract_text(article.body + "\n" + extra, title=article.title, region="汉阳区")
        assert after[: len(before)] == before


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_normalising_keeps_length_and_compacting_maps_back_character_for_character(
    text: str,
) -> None:
    norm = normalize(text)
    assert len(norm) == len(text)
    comp = Compacted(norm)
    for i, ch in enumerate(comp.text):
        assert norm[comp.original(i)] == ch
    assert comp.span(0, len(comp.text))[1] <= len(text)


def test_normalising_maps_full_width_and_traditional_forms() -> None:
    assert normalize("９４８億元，增長７％") == "948亿元,增长7%"
    assert normalize("兩萬人") == "两万人"


@given(st.text(alphabet=st.characters(), max_size=200))
@settings(max_examples=300, deadline=None)
def test_normalising_agrees_with_translating_every_text(text: str) -> None:
    # the fast canonical-text test must never skip a text that translate() would change,
    # beyond the Basic Multilingual Plane (𠁞 → 𠀾) included (full stops aside: below)
    from hycheck.normalize import _TABLE

    assume("。" not in text)
    assert normalize(text) == text.translate(_TABLE)
    assert normalize("数据𠁞" + text) == ("数据𠁞" + text).translate(_TABLE)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # a converter's full stops for decimal points, and no point anywhere
        ("比2002年的12。41億元,年均增長20。9%。", "比2002年的12.41亿元,年均增长20.9%。"),
        # one such stop: a sentence's end before a number
        ("新增就业岗位120。5万元以上的项目12个。", "新增就业岗位120。5万元以上的项目12个。"),
        # decimal points elsewhere: the stops end sentences
        ("增长7.5%,完成30。12亿元项目;总数25。10%", "增长7.5%,完成30。12亿元项目;总数25。10%"),
        ("达到30。2018年新增。达到40。2019年新增", "达到30。2018年新增。达到40。2019年新增"),
    ],
)
def test_full_stops_are_decimal_points_only_where_a_converter_wrote_them_so(
    text: str, canonical: str
) -> None:
    assert normalize(text) == canonical


_HEADING_WORDS = st.sampled_from(
    ["2011年", "2012年", "上半年", "和", "过去五年", "“十二五”时期", "工作回顾", "主要目标",
     "目标任务", "完成情况", "执行情况", "计划", "工作安排", "总体要求"]
)  # fmt: skip
_BODY_WORDS = st.sampled_from(
    ["。", ",", "2011年", "五年来", "预计(下同)", "预计", "计划", "地区生产总值", "增长", "7.5%",
     "100亿元", "累计", "年均", "今年", "以来", "春节", "国庆", "黄金周", "10月2日", "签约", "| ",
     "单位:吨\n", "年末数(人)"]
)  # fmt: skip
_SECTION = st.tuples(
    st.sampled_from(["一、", "(一)", ""]),
    st.lists(_HEADING_WORDS, min_size=1, max_size=4),
    st.lists(_BODY_WORDS, max_size=12),
)


@given(st.lists(_SECTION, max_size=6), st.sampled_from(["区政府工作报告", "春节黄金周", ""]))
@settings(max_examples=300, deadline=None)
def test_report_shaped_text_never_crashes_extraction(
    sections: list[tuple[str, list[str], list[str]]], title: str
) -> None:
    # headings, sections, plan and review words and dates in any order: the section reader
    # once raised on a heading of a plan's review (一、2022年主要目标完成情况)
    text = "".join(f"\n{n}{''.join(head)}\n{''.join(body)}" for n, head, body in sections)
    for f in extract_text(text, title=title, stated=date(2013, 1, 10)):
        assert text[f.start : f.end] == f.surface


def _seconds_per_char(body: str) -> float:
    article = Article(page="p", doc=0, title="t", body=body)
    from hycheck.extract import extract_article

    t = time.process_time()
    extract_article(article)
    return (time.process_time() - t) / len(body)


_DENSE = (
    "numbers with units",
    "percent runs",
    "table under a header",
    "change runs",
    "stacked table",
    "numbers alone on lines",
    "from-to lists",
    "forecast verbs",
    "stretch targets",
    "signed project lines",
)


def test_hostile_input_costs_linear_time() -> None:
    """Doubling a hostile input twice must not multiply the cost by 16 (quadratic); and each
    costs at most a few times the seed's per-character time (generous margin for noisy CI)."""
    seed = "".join(a.body for a in load_pages(SEED)) * 8
    seed_cost = min(_seconds_per_char(seed) for _ in range(3))
    hostile = {
        "digits": "1",
        "yi": "亿",
        "dotted": "1.",
        "brackets": "([【“‘《",
        "quotes": "“",
        "units": "万平方米",
        "numbers with units": "5亿元,",
        "percent runs": "5%",
        "numerals": "一二三四五六七八九十",
        "headings": " 一、",
        "years": "2017年",
        "verbs before a number": "达到超过",  # 项达到达到…项5亿元: a regex of them backtracked
        "verb runs with figures": "达到达到达到项5亿元,",
        "change runs": "减少1人,",  # each change names the level of the one before
        "table rows": "粮食 | 1 |\n",  # each cell looks up its table's header
        "one long table row": "粮食 | 1 ",
        "table under a header": "指标 | 年末数(人) |\n" + "粮食 | 1 |\n" * 50,
        "numbers alone on lines": "1\n",  # each may be a cell of a table flattened a cell a line
        "one-cell lines": "粮食\n|\n1\n|\n单位:吨\n",
        "stacked table": "指标\n产量(吨)\n增速(%)\n" + "粮食\n1\n-2\n" * 50,
        # one sentence of lines: each total looks back for what was signed
        "signed project lines": "1.签约项目1个,总投资8亿元\n",
        "from-to lists": "分别由1亿元、2亿元增加到",
        "forecast verbs": "预计将达到5亿元,",
        "stretch targets": "增长5%,力争6%,",
        "spaces before points": "1 .",
        "magnitudes about": "百余",
    }
    for name, unit in hostile.items():
        small = unit * (25_000 // len(unit))
        large = unit * (100_000 // len(unit))
        small_cost = min(_seconds_per_char(small) for _ in range(2))
        large_cost = min(_seconds_per_char(large) for _ in range(2))
        assert large_cost < 3 * small_cost + 2e-6, f"{name}: cost grows faster than the text"
        # a figure every 2-10 characters: linear, but dearer per character than prose
        if name not in _DENSE:
            assert large_cost < 10 * seed_cost, f"{name}: {large_cost / seed_cost:.1f}x the seed"


def test_one_opening_before_a_long_run_costs_linear_time() -> None:
    """One base year before a long list of values, one long comma-grouped number before 年,
    one year before a long sentence of figures: each figure's look back (or scan's
    resumption) must not run over the whole run again."""
    for opening, unit, closing in (
        ("较2016年的", "1%、", ""),
        ("1", ",111", "年"),
        ("2017年", "增长5%,", ""),
        ("分别", "1%、", ""),  # one clause of figures: each counts its place after 分别
        ("生产总值", "1亿元、", ""),
    ):
        small = opening + unit * (20_000 // len(unit)) + closing
        large = opening + unit * (80_000 // len(unit)) + closing
        small_cost = min(_seconds_per_char(small) for _ in range(2))
        large_cost = min(_seconds_per_char(large) for _ in range(2))
        assert large_cost < 3 * small_cost + 2e-6, f"{opening}{unit}…: not linear"


def test_a_report_with_thousands_of_headings_costs_linear_time() -> None:
    def cost(n: int) -> float:
        body = "".join(
            f" {'一二三四五六七八九'[i % 9]}、2017年工作回顾 新增企业{i}家。" for i in range(n)
        )
        article = Article(page="p", doc=0, title="2018年某区政府工作报告", body=body)
        from hycheck.extract import extract_article

        t = time.process_time()
        figures = extract_article(article)
        assert len(figures) == n
        return time.process_time() - t

    small = min(cost(1000) for _ in range(2))
    large = min(cost(4000) for _ in range(2))
    assert large < 8 * small, "sections are not found in linear time"
