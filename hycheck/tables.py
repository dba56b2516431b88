"""Stage 2b, a part of scanning: numbers in the cells of a flattened table.

Statistical bulletins carry tables, which scraping flattens into lines of cells between bars::

    表1 2021年末户籍人口数及构成情况
    指标 | 年末数(人) | 比重(%) |
    全县户籍总人口 | 832955 | 100 |

A number alone in its cell states no unit: the unit is the column's (``年末数(人)``) or the
table's (a line ``单位:吨`` above it).  ``cell_at`` finds both, and the row's label and the
column's name, which say what the number measures (全县户籍总人口, 年末数).  Columns of
changes (比上年增长(%), 涨跌) are left alone: their numbers are rates of the row's level, or
indices, which a cell alone cannot tell apart.

>>> text = "表1 2021年末户籍人口数\\n指标 | 年末数(人) | 比重(%) |\\n全县户籍总人口 | 832955 |"
>>> cell = cell_at(text, text.index("832955"), text.index("832955") + 6)
>>> cell.unit, text[slice(*cell.label)], text[slice(*cell.header)]
(('person', 1), '全县户籍总人口', '年末数')
>>> cell_at("粮食产量143972吨", 4, 10) is None
True

A row looks at most ``TABLE_REACH`` lines above its own for the header, and takes what was
found for a data row right above it, so a table of any length costs linear time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from hycheck import lexicon as lx
from hycheck._words import HAN

TABLE_REACH = 40
"""How many lines above a cell its table's header (and 单位 line) are looked for."""


class Cell(NamedTuple):
    """A number's cell: its unit, and the spans of its row's label and its column's name."""

    unit: tuple[str, int]  # (unit key, multiplier), as in ``lexicon.UNITS``
    label: tuple[int, int]  # the first cell of the row, without 其中: or #
    header: tuple[int, int]  # the column's name, without its unit ((人), (%))


class Tables:
    """The table cells of one text; each row's header is found once, from the row above."""

    __slots__ = ("_found", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # (line start, column) → (header span, table unit) looking up from that line
        self._found: dict[tuple[int, int], _Header] = {}

    def cell_at(self, start: int, end: int) -> Cell | None:
        """The table cell that ``text[start:end]`` fills alone, when its column or its table
        names a unit; else None."""
        text = self.text
        left = start
        while left > 0 and start - left < MAX_ROW and text[left - 1] in " \t":
            left -= 1
        if text[left - 1 : left] != "|":
            return None  # the common case: a number in prose, answered at once
        line_start = _line_start(text, start)
        line_end = _line_end(text, end)
        if line_start < 0 or line_end < 0:
            return None  # no table row is that long
        row = _row_start(text, line_start, start)
        right = text.find("|", end, line_end)
        if not _blank(text, end, right if right >= 0 else line_end):
            return None  # not alone in its cell (| 2.5万 |, | 12 个 |)
        column = text.count("|", row, start)
        label = _label(text, row, text.find("|", row, start))
        if label is None:
            return None
        header, table_unit = self._header(line_start, column)
        if header is None:
            if table_unit is None:
                return None
            header = (start, start)  # 单位:吨 over rows without a header: no column name
        name = text[header[0] : header[1]]
        if any(word in name for word in lx.TABLE_CHANGE_HEADERS):
            return None
        unit, name_end = _header_unit(text, *header)
        unit = unit or table_unit
        if unit is None:
            return None
        if unit[0] != "percent" and text[label[0] : label[1]].endswith(lx.RATE_LABEL_ENDINGS):
            return None  # 单位GDP能耗下降率 under 绝对数(万元): a rate in a column of amounts
        return Cell(unit, label, (header[0], name_end))

    def _header(self, line_start: int, column: int) -> _Header:
        """The name of column ``column`` in the nearest row above ``line_start`` whose cell
        holds no number, and the unit of a 单位 line above it; a data row above passes on
        what was found for it, so a table costs one look-up a row."""
        text = self.text
        header: tuple[int, int] | None = None
        stop = line_start
        outside = 0  # lines without bars passed: a caption or a 单位 line, then the table ends
        for _ in range(TABLE_REACH):
            above = _line_start(text, stop - 1) if stop > 0 else -1
            if above < 0:
                break
            line = (above, stop - 1)
            stop = above
            unit_at = _UNIT_LINE.search(text, *line)
            if unit_at is not None:
                found: _Header = (header, _unit_line(text, unit_at.end(), line[1]))
                self._found[(line_start, column)] = found
                return found
            if text.find("|", *line) < 0:
                outside += 1
                if outside > 1:
                    break
                continue
            if _SEPARATOR_ROW.fullmatch(text, *line):
                continue  # | --- | --- |: the line under a header in markdown
            if header is not None:
                break  # a row above the header: another table's (its 单位 is not this one's)
            cell = _cell(text, _row_start(text, *line), line[1], column)
            if cell is None or not _is_value(text, *cell):
                header = cell  # the nearest row above whose cell holds no value
                if cell is None:
                    break
            elif (above, column) in self._found:
                found = self._found[(above, column)]  # a data row: its header is mine
                self._found[(line_start, column)] = found
                return found
        found = (header, None)
        self._found[(line_start, column)] = found
        return found


_Header = tuple[tuple[int, int] | None, tuple[str, int] | None]


def cell_at(text: str, start: int, end: int) -> Cell | None:
    """``Tables(text).cell_at(start, end)``, for one number."""
    return Tables(text).cell_at(start, end)


MAX_ROW = 400
"""The longest line read as a row of a table: bounded, so that a long line costs linear time."""


def _line_start(text: str, pos: int) -> int:
    """Where the line of ``pos`` starts, or -1 when that is more than ``MAX_ROW`` back."""
    lo = max(0, pos - MAX_ROW)
    at = text.rfind("\n", lo, pos)
    return at + 1 if at >= 0 or lo == 0 else -1


def _line_end(text: str, pos: int) -> int:
    """Where the line of ``pos`` ends, or -1 when that is more than ``MAX_ROW`` ahead."""
    hi = min(len(text), pos + MAX_ROW)
    at = text.find("\n", pos, hi)
    return at if at >= 0 else (len(text) if hi == len(text) else -1)


def _row_start(text: str, a: int, b: int) -> int:
    """Where the first cell of the line text[a:b] starts: after a bar that opens the line
    (| 生产总值 | 1262635 | 6.9 |), if any."""
    i = a
    while i < b and text[i] in " \t":
        i += 1
    return i + 1 if i < b and text[i] == "|" else a


def _blank(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip(" \t")


def _has_digit(text: str, a: int, b: int) -> bool:
    return _DIGIT.search(text, a, b) is not None


def _is_value(text: str, a: int, b: int) -> bool:
    """Whether a cell holds a value: a number, or a mark for none (—, -, 暂无)."""
    return _has_digit(text, a, b) or text[a:b] in lx.TABLE_EMPTY_CELLS


_DIGIT = re.compile(r"\d")
_SEPARATOR_ROW = re.compile(r"[\s|:\-]*")


def _cell(text: str, a: int, b: int, column: int) -> tuple[int, int] | None:
    """The span of cell ``column`` of the line text[a:b], spaces trimmed."""
    for _ in range(column):
        bar = text.find("|", a, b)
        if bar < 0:
            return None
        a = bar + 1
    bar = text.find("|", a, b)
    e = bar if bar >= 0 else b
    while a < e and text[a] in " \t":
        a += 1
    while e > a and text[e - 1] in " \t":
        e -= 1
    return (a, e) if e > a else None


def _label(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The row's label: its first cell, without 其中: or the # of a sub-item; None when it
    names nothing (a number, or empty)."""
    cell = _cell(text, a, b, 0)
    if cell is None:
        return None
    a, b = cell
    m = _LABEL_LEAD.match(text, a, b)
    if m is not None:
        a = m.end()
    if a >= b or (_has_digit(text, a, b) and not HAN.search(text, a, b)):
        return None
    return a, b


_LABEL_LEAD = re.compile(r"(?:其中[::]?|#)\s*")
_HEADER_UNIT = re.compile(r"\(([^()]{1,6})\)\s*$")


def _header_unit(text: str, a: int, b: int) -> tuple[tuple[str, int] | None, int]:
    """The unit a column's name ends with in parentheses (年末数(人), 比重(%)), and where the
    name ends without it."""
    m = _HEADER_UNIT.search(text, a, b)
    if m is None:
        return None, b
    return _unit(m.group(1).strip()), m.start()


def _unit(word: str) -> tuple[str, int] | None:
    """A unit word, with a magnitude before it or not (吨, 万元, 千公顷): (unit, multiplier)."""
    found = lx.UNITS.get(word)
    if found is None and word[:1] in lx.MAGNITUDES and word[1:] in lx.UNITS:
        unit, multiplier = lx.UNITS[word[1:]]
        return unit, int(multiplier * lx.MAGNITUDES[word[0]])
    return found


_UNIT_LINE = re.compile(r"单位\s*[::]\s*")
"""单位: and the unit after it (not 单位GDP能耗, a row's label)."""


def _unit_line(text: str, at: int, b: int) -> tuple[str, int] | None:
    """The one unit that a line 单位:吨 gives from ``at`` on (the whole table's); None for
    several (单位:公顷、吨), which the cells cannot be matched to."""
    bar = text.find("|", at, b)
    word = text[at : bar if bar >= 0 else b].strip(" \t")
    return _unit(word) if word else None
