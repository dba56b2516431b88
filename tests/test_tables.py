"""Numbers in the cells of flattened tables: the unit of their column or table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hycheck.extract import extract_text
from hycheck.tables import TABLE_REACH, Tables, cell_at

POPULATION = (
    "表1 2021年末户籍人口数及构成情况\n"
    "指标 | 年末数(人) | 比重(%) |\n"
    "全县户籍总人口 | 832955 | 100 |\n"
    "其中:城镇 | 217319 | 26.09 |\n"
)
HARVEST = (
    "表1:2020年全区主要农产品产量\n"
    "2020年全区主要农产品产量 | |\n"
    "单位:吨 | |\n"
    "产品名称 | 产量 |\n"
    "粮食 | 143972 |\n"
    "#稻谷 | 118787 |\n"
)


def _cell(text: str, number: str) -> tuple[tuple[str, int], str, str] | None:
    at = text.index(number)
    cell = cell_at(text, at, at + len(number))
    if cell is None:
        return None
    return cell.unit, text[slice(*cell.label)], text[slice(*cell.header)]


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (POPULATION, "832955", (("person", 1), "全县户籍总人口", "年末数")),
        (POPULATION, "26.09", (("percent", 1), "城镇", "比重")),  # 其中: is no part of it
        (HARVEST, "118787", (("t", 1), "稻谷", "产量")),  # the table's 单位 line
        ("指标 | 金额(万元) |\n财政收入 | 3013 |", "3013", (("CNY", 10_000), "财政收入", "金额")),
        # a bar that opens each row
        (
            "| 指标 | 绝对数(万元) |\n| 生产总值 | 1262635 |",
            "1262635",
            (("CNY", 10_000), "生产总值", "绝对数"),
        ),
    ],
)
def test_a_cell_takes_the_unit_of_its_column_or_table(
    text: str, number: str, expected: tuple[tuple[str, int], str, str]
) -> None:
    assert _cell(text, number) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("粮食产量143972吨,增长2%", "143972"),  # prose
        ("指标 | 比上年涨跌(%) |\n居民消费价格总指数 | 101.0 |", "101.0"),  # an index
        ("指标 | 为上年% |\n工业产值 | 108.2 |", "108.2"),  # an index (上年=100)
        ("指标 | 比上年增长(%) |\n城镇化率 | 1.2 |", "1.2"),  # a change of a rate: pp or %?
        ("指标 | 2022年 | 比上年增长(%) |\n城镇化率(%) | 56.2 | 1.1 |", "1.1"),  # also so
        ("单位:亿元\n指标 | 指数(上年=100) |\n生产总值 | 107.7 |", "107.7"),  # an index
        ("指标 | 比上年增减(万元) |\n税收收入 | 1200 |", "1200"),  # a change of an amount
        ("单位:公顷、吨 | |\n指标 | 面积 | 产量 |\n粮食 | 1863 | 5260 |", "1863"),  # which?
        ("指标 | 年末数 |\n全县户籍总人口 | 832955 |", "832955"),  # no unit anywhere
        ("指标 | 年末数(人) |\n | 832955 |", "832955"),  # a row without a label
        ("指标 | 年末数(人) |\n全县 | 832955 人口 |", "832955"),  # not alone in its cell
        # the 单位 of the table before is not this one's
        (
            "单位:万元\n指标 | 数值 |\n税收收入 | 1200 |\n表2\n指标 | 数值 |\n常住人口 | 58 |",
            "58",
        ),
        ("指标 | 净增(户) |\n常住人口 | 1200 |", "1200"),  # a change
        ("指标 | 绝对数(万元) |\n单位GDP能耗下降率 | 3.2 |", "3.2"),  # a rate among amounts
    ],
)
def test_a_cell_without_a_unit_of_its_own_kind_is_not_read(text: str, number: str) -> None:
    assert _cell(text, number) is None


@pytest.mark.parametrize(
    ("text", "number", "label", "column"),
    [
        ("指标 | 比上年增长(%) |\n地区生产总值 | 7.5 |", "7.5", "地区生产总值", "比上年增长"),
        ("| 指标 | 增速(%) |\n| 工业 | -1.2 |", "-1.2", "工业", "增速"),  # signed as written
        ("指标 | 比上年增长% |\n财政收入 | 3.1 |", "3.1", "财政收入", "比上年增长"),
    ],
)
def test_a_cell_under_a_growth_column_is_the_growth_of_its_row(
    text: str, number: str, label: str, column: str
) -> None:
    at = text.index(number)
    cell = cell_at(text, at, at + len(number))
    assert cell is not None
    assert cell.change
    assert (cell.unit, text[slice(*cell.label)], text[slice(*cell.header)]) == (
        ("percent", 1),
        label,
        column,
    )


# a table flattened one cell a line, as scrapers often leave it: bars or blank lines between
STACKED = (
    "表2 2022年全区生产总值及其增长速度\n|\n单位:亿元\n|\n指 标\n|\n绝对数\n|\n比上年增长%\n|\n"
    "生产总值\n|\n295.4\n|\n7.7\n|\n第三产业\n|\n60.9\n|\n-0.2\n|\n"
    "其中:金融业\n|\n—\n|\n4.8\n|\n"
)
STACKED_BARS = (
    "表1 全县生产总值构成\n|\n行业名称 |\n现价 (万元) |\n增速 (%) |\n占比(%) |\n|\n"
    "地区生产总值 |\n529757 |\n13.1 |\n100 |\n|\n工业 |\n111250 |\n12.7 |\n21 |\n"
)
STACKED_BLANK = (
    "产品名称\n\n2022年产量(吨)\n\n比上年增减%\n\n粮食\n\n171337\n\n-5.5\n\n棉花\n\n213\n\n6.5\n"
)


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (STACKED, "295.4", (("CNY", 10**8), "生产总值", "绝对数", False)),
        (STACKED, "7.7", (("percent", 1), "生产总值", "比上年增长", True)),
        (STACKED, "-0.2", (("percent", 1), "第三产业", "比上年增长", True)),
        (STACKED, "4.8", (("percent", 1), "金融业", "比上年增长", True)),  # after a —
        (STACKED_BARS, "111250", (("CNY", 10**4), "工业", "现价", False)),
        (STACKED_BARS, "21", (("percent", 1), "工业", "占比", False)),  # a share
        (STACKED_BLANK, "213", (("t", 1), "棉花", "2022年产量", False)),
        (STACKED_BLANK, "-5.5", (("percent", 1), "粮食", "比上年增减", True)),
    ],
)
def test_a_table_flattened_one_cell_a_line_is_read_by_its_header(
    text: str, number: str, expected: tuple[tuple[str, int], str, str, bool]
) -> None:
    at = text.index(f"\n{number}\n" if f"\n{number}\n" in text else f"\n{number} |") + 1
    cell = Tables(text).cell_at(at, at + len(number))
    assert cell is not None
    assert (cell.unit, text[slice(*cell.label)], text[slice(*cell.header)], cell.change) == (
        expected
    )


def test_a_column_of_value_added_is_no_column_of_changes() -> None:
    text = "指标 | 增加值(亿元) | 增加值构成(%) |\n第一产业 | 30.1 | 12.3 |"
    at = text.index("12.3")
    cell = cell_at(text, at, at + 4)
    assert cell is not None
    assert (cell.unit, cell.change) == (("percent", 1), False)  # a share, no growth
    assert _cell(text, "30.1") == (("CNY", 10**8), "第一产业", "增加值")


def test_a_label_with_a_unit_gives_its_row_the_unit() -> None:
    text = "指标 | 2022年 | 比上年增长(%) |\n粮食产量(万吨) | 45.1 | -0.3 |\n"
    assert _cell(text, "45.1") == (("t", 10_000), "粮食产量", "2022年")
    assert _cell(text, "-0.3") == (("percent", 1), "粮食产量", "比上年增长")


def test_a_stacked_table_with_a_unit_column_reads_each_row_in_its_unit() -> None:
    text = (
        "指标名称\n计量单位\n2022年\n比上年增长%\n"
        "地区生产总值\n亿元\n295.4\n7.7\n粮食产量\n万吨\n45.1\n-0.3\n"
    )
    figures = extract_text(text)
    got = [(f.surface, f.value, f.unit, f.metric_text, f.growth_of) for f in figures]
    assert got == [
        ("295.4", 29_540_000_000.0, "CNY", "地区生产总值2022年", None),
        ("7.7", 7.7, "percent", "地区生产总值比上年增长", "地区生产总值"),
        ("45.1", 451_000.0, "t", "粮食产量2022年", None),
        ("-0.3", -0.3, "percent", "粮食产量比上年增长", "粮食产量"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a row with an empty last cell: its width is not the table's; nothing is guessed
        "单位:亿元\n|\n指标\n|\n绝对数\n|\n比上年增长(%)\n|\n生产总值\n|\n295.4\n|\n\n|\n"
        "第一产业\n|\n60.9\n|\n3.2\n|\n",
        # a series labelled by years: the years read as values, no row has a label
        "首页\n统计公报\n表3\n单位:亿元\n年份\n生产总值\n增长(%)\n2018\n100\n5.0\n2019\n110\n6.0\n",
        # a lone row: no second row confirms its width
        "指标\n年末数(人)\n全县户籍总人口\n832955\n",
    ],
)
def test_a_stacked_table_whose_shape_is_not_confirmed_gives_no_cells(text: str) -> None:
    assert extract_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "浏览次数\n1234\n",  # a number alone on a line, no table
        "指标\n年末数(人)\n全县户籍总人口\n832955\n117\n城镇\n1\n2\n",  # rows wider than the header
        "单位:吨\n指标\n产量\n粮食\n1863\n表2\n指标\n数值\n税收\n58\n",  # 单位 of the table before
        "发布时间:\n2022\n阅读:\n58\n",  # labels, no header
    ],
)
def test_numbers_alone_on_their_lines_without_a_header_are_no_cells(text: str) -> None:
    at = text.rindex("\n", 0, len(text) - 1) + 1
    number = text[at:-1]
    assert Tables(text).cell_at(at, at + len(number)) is None


def test_a_stacked_table_gives_figures_of_its_rows() -> None:
    figures = extract_text(STACKED, title="2022年统计公报")
    got = [(f.surface, f.value, f.unit, f.metric, f.growth_of) for f in figures]
    assert got == [
        ("295.4", 29_540_000_000.0, "CNY", "gdp", None),
        ("7.7", 7.7, "percent", "gdp", "生产总值"),
        ("60.9", 6_090_000_000.0, "CNY", "other", None),
        ("-0.2", -0.2, "percent", "other", "第三产业"),
        ("4.8", 4.8, "percent", "other", "金融业"),
    ]


@pytest.mark.parametrize("empty", ["—", "暂无"])
def test_a_row_without_a_value_is_no_header(empty: str) -> None:
    text = f"指标 | 金额(万元) |\n税收收入 | 5000 |\n其中:土地收入 | {empty} |\n非税收入 | 300 |"
    assert _cell(text, "300") == (("CNY", 10_000), "非税收入", "金额")


def test_a_label_that_starts_with_the_word_unit_is_no_unit_line() -> None:
    text = "指标 | 绝对数(万元) |\n单位GDP能耗 | 0.5吨 |\n税收收入 | 700 |"
    assert _cell(text, "700") == (("CNY", 10_000), "税收收入", "绝对数")


@pytest.mark.parametrize("bar", ["", "| "])
def test_a_long_table_is_read_to_its_end_one_row_at_a_time(bar: str) -> None:
    rows = "".join(f"{bar}项目{i} | {i + 1000} |\n" for i in range(TABLE_REACH * 3))
    text = f"{bar}指标 | 年末数(人) |\n{bar}--- | --- |\n" + rows  # with a markdown rule
    tables = Tables(text)  # as scan reads them: in order, each row passing its header on
    found = []
    for i in range(TABLE_REACH * 3):
        at = text.index(f"| {i + 1000} |") + 2
        cell = tables.cell_at(at, at + 4)
        found.append(cell is not None and text[slice(*cell.header)] == "年末数")
    assert all(found)
    # alone, a cell that far below its header is not looked up that far
    last = text.index(f"| {TABLE_REACH * 3 + 999} |") + 2
    assert cell_at(text, last, last + 4) is None


def test_table_cells_are_figures_of_the_row_and_the_tables_year() -> None:
    figures = extract_text(POPULATION + "二、农业\n" + HARVEST, title="2021年统计公报")
    got = [(f.surface, f.value, f.unit, f.metric_text, f.period) for f in figures]
    assert got == [
        ("832955", 832955.0, "person", "全县户籍总人口年末数", "2021"),
        ("100", 100.0, "percent", "全县户籍总人口比重", "2021"),
        ("217319", 217319.0, "person", "城镇年末数", "2021"),
        ("26.09", 26.09, "percent", "城镇比重", "2021"),
        ("143972", 143972.0, "t", "粮食产量", "2020"),
        ("118787", 118787.0, "t", "稻谷产量", "2020"),
    ]


_CELL = st.sampled_from(
    ["指标", "年末数(人)", "比重(%)", "增速(%)", "单位:吨", "—", "暂无", "粮食", "| ", ""]
)
_NUMBER = st.from_regex(r"-?\d{1,7}(\.\d{1,2})?", fullmatch=True)


@given(st.lists(st.lists(st.one_of(_CELL, _NUMBER), max_size=5), max_size=12))
@settings(max_examples=200, deadline=None)
def test_any_grid_of_cells_reads_without_error_and_cuts_surfaces_from_the_text(
    rows: list[list[str]],
) -> None:
    text = "\n".join(" | ".join(row) + " |" for row in rows)
    for f in extract_text(text):
        assert text[f.start : f.end] == f.surface


@given(st.lists(st.one_of(_CELL, _NUMBER), max_size=40), st.sampled_from(["\n", "\n|\n", " |\n"]))
@settings(max_examples=200, deadline=None)
def test_any_run_of_one_cell_lines_reads_without_error_and_cuts_surfaces_from_the_text(
    cells: list[str], between: str
) -> None:
    text = between.join(cells)
    for f in extract_text(text):
        assert text[f.start : f.end] == f.surface
