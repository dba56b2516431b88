"""Stage 2b, a part of scanning: numbers in the cells of a flattened table.

Statistical bulletins carry tables, which scraping flattens into lines of cells between bars::

    表1 2021年末户籍人口数及构成情况
    指标 | 年末数(人) | 比重(%) |
    全县户籍总人口 | 832955 | 100 |

A number alone in its cell states no unit: the unit is the column's (``年末数(人)``) or the
table's (a line ``单位:吨`` above it).  ``cell_at`` finds both, and the row's label and the
column's name, which say what the number measures (全县户籍总人口, 年末数).  A column of
growth in percent (比上年增长(%), 增速(%)) gives the growth of the row's level; columns that
may hold indices (涨跌, 为上年%) or changes of amounts are left alone.  Tables flattened one
cell a line (bars or blank lines between the cells) are read too: see ``_stacked_table``.

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
from bisect import bisect_right
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
    change: bool = False  # a column of changes in percent (比上年增长(%)): the label's growth


class Tables:
    """The table cells of one text; each row's header is found once, from the row above."""

    __slots__ = ("_found", "_stacked", "_stacks", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # (line start, column) → (header span, table unit) looking up from that line
        self._found: dict[tuple[int, int], _Header] = {}
        # tables flattened one cell a line: the cells read, by start, and the spans read
        self._stacked: dict[int, Cell] = {}
        self._stacks: list[tuple[int, int]] = []

    def cell_at(self, start: int, end: int) -> Cell | None:
        """The table cell that ``text[start:end]`` fills alone, when its column or its table
        names a unit; else None."""
        text = self.text
        left = start
        while left > 0 and start - left < MAX_ROW and text[left - 1] in " \t":
            left -= 1
        if left == 0 or text[left - 1] == "\n":
            return self._stacked_cell(start, end)
        if text[left - 1] != "|":
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
        return _column_cell(text, label, header, table_unit)

    def _stacked_cell(self, start: int, end: int) -> Cell | None:
        """The cell of a number alone on its line, in a table flattened one cell a line::

            指标 | 绝对数(亿元) | 比上年增长(%) |      (each cell on a line of its own,
            生产总值 | 295.4 | 7.7 |                   bars and blank lines between)

        The run of such lines around it is read once, for all of its numbers."""
        found = self._stacked.get(start)
        if found is not None:
            return found
        if self._stacks and self._stacks[-1][0] <= start < self._stacks[-1][1]:
            return None  # in a run read already (read left to right: the last one)
        text = self.text
        line_end = _line_end(text, end)
        if line_end < 0 or text[end:line_end].strip(" \t\r|"):
            return None  # not alone on its line
        a, b = _stack(text, start)
        self._stacks.append((a, b))
        self._stacked.update(_stacked_table(text, a, b))
        return self._stacked.get(start)

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


def _column_cell(
    text: str, label: tuple[int, int], header: tuple[int, int], table_unit: tuple[str, int] | None
) -> Cell | None:
    """The cell of row ``label`` under column ``header`` of a table whose 单位 line (or the
    row's unit cell) says ``table_unit``: in the unit of the column, of the row's label
    (粮食产量(万吨)) or of the table, or a growth in percent; None for an index."""
    name = text[header[0] : header[1]]
    if any(word in name for word in lx.TABLE_INDEX_HEADERS):
        return None  # 指数(上年=100), 比上年涨跌(%): indices, or changes that may be
    unit, name_end = _named_unit(text, *header)
    label_unit, label_end = _named_unit(text, *label)
    label = (label[0], label_end)
    rate = text[label[0] : label[1]].endswith(lx.RATE_LABEL_ENDINGS)
    if any(word in _without(name, lx.TABLE_NOT_CHANGE_WORDS) for word in lx.TABLE_CHANGE_HEADERS):
        # 比上年增长(%), 增速(%): the growth of the row's level; not a change of a rate (a
        # difference in points) or of an amount (净增(户)), which a cell cannot say
        percent = unit == _PERCENT or (unit is None and name.rstrip(" \t").endswith("%"))
        if not percent or rate:
            return None
        end = name_end if unit is not None else header[0] + len(name.rstrip(" \t%"))
        return Cell(_PERCENT, label, (header[0], end), change=True)
    unit = unit or label_unit or table_unit
    if unit is None:
        return None
    if unit[0] != "percent" and rate:
        return None  # 单位GDP能耗下降率 under 绝对数(万元): a rate in a column of amounts
    return Cell(unit, label, (header[0], name_end))


def _named_unit(text: str, a: int, b: int) -> tuple[tuple[str, int] | None, int]:
    """The unit a column's name or a row's label ends with in parentheses (年末数(人),
    粮食产量 (万吨)), and where the name ends without it and the spaces before it."""
    unit, end = _header_unit(text, a, b)
    while end > a and text[end - 1] in " \t":
        end -= 1
    return unit, end


def _without(name: str, words: tuple[str, ...]) -> str:
    for word in words:
        name = name.replace(word, "")
    return name


_PERCENT = lx.UNITS["%"]


MAX_STACKED_CELL = 32
"""The longest line read as one cell of a table flattened one cell a line."""
STACK_REACH = 200
"""How many lines above a number the run of one-cell lines it stands in is looked for."""
_STACKED_VALUE = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?")


def _one_cell(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The cell that the line text[a:b] holds alone (bars and spaces trimmed): its span,
    (a, a) for a blank line or a bar alone, None for a line that is no single cell."""
    while a < b and text[a] in " \t\r|":
        a += 1
    while b > a and text[b - 1] in " \t\r|":
        b -= 1
    if b - a > MAX_STACKED_CELL or text.find("|", a, b) >= 0:
        return None
    return a, b


def _stack(text: str, pos: int) -> tuple[int, int]:
    """The run of one-cell lines around ``pos``'s line: (start of its first line, end of its
    last), from at most ``STACK_REACH`` lines above."""
    line = text.rfind("\n", 0, pos) + 1
    a = line
    for _ in range(STACK_REACH):
        if a == 0:
            break
        above = text.rfind("\n", 0, a - 1) + 1
        if _one_cell(text, above, a - 1) is None:
            break
        a = above
    b = line
    while b < len(text):
        nl = text.find("\n", b)
        line_end = nl if nl >= 0 else len(text)
        if _one_cell(text, b, line_end) is None:
            break
        b = line_end + 1
    return a, min(b, len(text))


def _stacked_table(text: str, a: int, b: int) -> dict[int, Cell]:
    """The cells of the numbers of the one-cell lines text[a:b], by start.

    A table is a header (its corner cell, an optional unit column's name, the names of the
    value columns), then rows of a label, an optional unit (亿元) and as many values as the
    header has value columns.  The first row's width says how many of the names before it
    are the header (a caption or a page's menu may stand above); at least two rows of that
    width confirm it (a lone row of a list, or a series labelled by years, is no table).  A
    row of another width ends the table; the names before it may open the next one."""
    cells, unit_lines = _cells_and_unit_lines(text, a, b)
    unit_line_at = [at for at, _ in unit_lines]
    kinds = [_kind(text, *span) for span in cells]
    out: dict[int, Cell] = {}
    i = 0
    while i < len(cells):
        first = _row(kinds, i, None)
        if first is None:
            i = _after_values(kinds, i)
            continue
        rows = [first]
        while (row := _row(kinds, rows[-1].end, first)) is not None:
            rows.append(row)
        width = first.end - first.values
        names = width + 1 + (first.unit >= 0)  # a corner, perhaps a unit column, the columns
        if len(rows) < 2 or first.label - names < i:
            # no second row to confirm the width, or no header that wide: none of these rows
            # is a table's (a new header would have broken the run of rows)
            i = rows[-1].end
            continue
        header = cells[first.label - width : first.label]
        # the 单位 line of this table's header (not one of a table before)
        u = bisect_right(unit_line_at, first.label) - 1
        table_unit = unit_lines[u][1] if u >= 0 and unit_line_at[u] >= i else None
        for row in rows:
            label = _label(text, *cells[row.label])
            if label is None:
                continue
            row_unit = _unit(text[slice(*cells[row.unit])]) if row.unit >= 0 else None
            for at, column in zip(range(row.values, row.end), header, strict=True):
                if kinds[at] == _VALUE:
                    cell = _column_cell(text, label, column, row_unit or table_unit)
                    if cell is not None:
                        out[cells[at][0]] = cell
        i = rows[-1].end
    return out


def _after_values(kinds: list[str], i: int) -> int:
    """Where the first run of values from cell ``i`` on ends (the end of the cells without)."""
    n = len(kinds)
    while i < n and kinds[i] not in _VALUES:
        i += 1
    while i < n and kinds[i] in _VALUES:
        i += 1
    return i


_NAME, _UNIT_CELL, _VALUE, _EMPTY = "name", "unit", "value", "empty"
_NAMES = (_NAME, _UNIT_CELL)
_VALUES = (_VALUE, _EMPTY)


def _kind(text: str, a: int, b: int) -> str:
    """A one-cell line's kind: a value (a number), an empty mark (—), a unit (亿元, 万吨), or
    a name (a label, a column's name, a caption)."""
    if _STACKED_VALUE.fullmatch(text, a, b) is not None:
        return _VALUE
    if text[a:b] in lx.TABLE_EMPTY_CELLS:
        return _EMPTY
    return _UNIT_CELL if _unit(text[a:b]) is not None else _NAME


class _Row(NamedTuple):
    """A row of a table flattened one cell a line, by index of its cells."""

    label: int
    unit: int  # its unit cell (亿元), or -1
    values: int  # its first value
    end: int  # after its last value


def _row(kinds: list[str], i: int, first: _Row | None) -> _Row | None:
    """The row whose label follows cell ``i``: names (a heading, a header), a label, perhaps
    a unit, values; as wide and with a unit cell or not as ``first``, the table's first row,
    or None (no row there, or one of another shape)."""
    n = len(kinds)
    j = i
    while j < n and kinds[j] in _NAMES:
        j += 1
    k = j
    while k < n and kinds[k] in _VALUES:
        k += 1
    if j in (i, k):
        return None  # no label before the values, or no values
    unit = j - 1 if kinds[j - 1] == _UNIT_CELL else -1
    label = j - 1 - (unit >= 0)
    if label < i or kinds[label] != _NAME:
        return None
    row = _Row(label, unit, j, k)
    if first is not None and (
        k - j != first.end - first.values
        or (unit >= 0) != (first.unit >= 0)
        or label - i > 1  # a label, or a group heading (其中:) and a label
    ):
        return None
    return row


def _cells_and_unit_lines(
    text: str, a: int, b: int
) -> tuple[list[tuple[int, int]], list[tuple[int, tuple[str, int] | None]]]:
    """The cells of the one-cell lines text[a:b] in order, 单位 lines aside, and the units of
    those lines by the index of the cell after them (None for one that cannot be read)."""
    cells: list[tuple[int, int]] = []
    unit_lines: list[tuple[int, tuple[str, int] | None]] = []
    pos = a
    while pos < b:
        nl = text.find("\n", pos, b)
        line_end = nl if nl >= 0 else b
        span = _one_cell(text, pos, line_end)
        if span is not None and span[1] > span[0]:
            unit_at = _UNIT_LINE.match(text, *span)
            if unit_at is None:
                cells.append(span)
            else:
                unit_lines.append((len(cells), _unit_line(text, unit_at.end(), span[1])))
        pos = line_end + 1
    return cells, unit_lines


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
    """Whether a cell holds a value: a number, perhaps with a short unit (2.5万, 12 个), or a
    mark for none (—, -, 暂无); not a column's name that holds digits (2022年, 指数(上年=100))."""
    return _VALUE_CELL.fullmatch(text, a, b) is not None or text[a:b] in lx.TABLE_EMPTY_CELLS


_VALUE_CELL = re.compile(r"-?\d[\d,]*(?:\.\d+)?[ \t]*[^\d\s()=年月日季]{0,3}")


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
