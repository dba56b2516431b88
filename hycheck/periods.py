"""Periods: what a figure is for, as a string, and what such a string covers.

A period is "2017", "2022Q1", "2022M08", a range of those ("2022Q1-2022Q2" for 上半年,
"2022Q1-2022Q3", "2022M01-2022M08"), a span of years ("2016-2020", a five-year plan), or
"unknown".  Extraction writes halves as two quarters; "2022H1" is still read (a user's
table).  This module is the one place that writes and reads that grammar: extraction
(``hycheck.timeline``), the figure schema and the arithmetic checks all use it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_QUARTER_SPANS = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}


def month_period(year: int, first: int, last: int) -> str:
    """1-3月 → 2022Q1, 1-9月 → 2022Q1-2022Q3, 1-8月 → 2022M01-2022M08; a half year is its
    two quarters (1-6月 → 2022Q1-2022Q2), the form analysts write.

    >>> [month_period(2022, a, b) for a, b in ((1, 3), (1, 6), (1, 9), (1, 8), (1, 12))]
    ['2022Q1', '2022Q1-2022Q2', '2022Q1-2022Q3', '2022M01-2022M08', '2022']
    """
    if (first, last) == (1, 12):
        return str(year)
    if (first, last) in _QUARTER_SPANS:
        return f"{year}{_QUARTER_SPANS[first, last]}"
    if first in (1, 4, 7, 10) and last in (3, 6, 9, 12):
        return f"{year}Q{(first + 2) // 3}-{year}Q{last // 3}"
    return f"{year}M{first:02d}-{year}M{last:02d}"


PERIOD_FORMS = (
    "YYYY, YYYYQn, YYYYHn, YYYYMmm, a range of those (2022Q1-2022Q3, 2022M01-2022M08), "
    "YYYY-YYYY or unknown"
)
PERIOD_RE = re.compile(
    r"(?P<y>\d{4})(?P<part>Q[1-4]|H[12]|M(?:0[1-9]|1[0-2]))?"
    r"(?:-(?P<y2>\d{4})(?P<part2>Q[1-4]|H[12]|M(?:0[1-9]|1[0-2]))?)?\Z"
)
"""The one grammar of periods (``unknown`` aside); ``period_bounds`` reads it."""


def period_bounds(period: object) -> tuple[date, date] | None:
    """First and last day of a period, or ``None`` for ``unknown`` and malformed periods.

    >>> period_bounds("2016-2020")
    (datetime.date(2016, 1, 1), datetime.date(2020, 12, 31))
    >>> period_bounds("2022Q1-2022Q3")[1], period_bounds("2017H2")[0], period_bounds("2017Q5")
    (datetime.date(2022, 9, 30), datetime.date(2017, 7, 1), None)
    """
    m = PERIOD_RE.match(period) if isinstance(period, str) else None
    if m is None:
        return None
    y, part, y2, part2 = m.group("y", "part", "y2", "part2")
    if y2 is not None and (part is None) != (part2 is None):
        return None  # 2022Q1-2023 mixes a year with a part of one
    if part and part2 and part[0] != part2[0]:
        return None  # 2022Q1-2022M08 mixes two kinds of parts
    first = _part_months(int(y), part)
    last = _part_months(int(y2 or y), part2 if y2 else part)
    if first is None or last is None or (y2 is not None and not first[0] < last[1]):
        return None  # 2020-2020, 2022M09-2022M01: not a forward range
    if y2 is not None and part is None and int(y2) <= int(y):
        return None
    return first[0], last[1]


def _part_months(year: int, part: str | None) -> tuple[date, date] | None:
    if not 1900 <= year <= 2100:
        return None
    if part is None:
        a, b = 1, 12
    elif part[0] == "Q":
        a = 3 * int(part[1]) - 2
        b = a + 2
    elif part[0] == "H":
        a = 6 * int(part[1]) - 5
        b = a + 5
    else:
        a = b = int(part[1:])
    return date(year, a, 1), date(year, b, calendar.monthrange(year, b)[1])


def period_days(period: str) -> int | None:
    """Calendar days of a period: "2022Q1" → 90, "2024Q1" → 91, "2020" → 366.

    >>> period_days("2022Q1"), period_days("2024Q1"), period_days("2020"), period_days("x")
    (90, 91, 366, None)
    """
    bounds = period_bounds(period)
    return None if bounds is None else (bounds[1] - bounds[0]).days + 1


def shift(period: str, years: int) -> str:
    """``shift("2017", -1) == "2016"``; a plan range shifts both ends; others stay."""
    if period.isdigit():
        return str(int(period) + years)
    if is_multiyear(period):
        a, b = period.split("-")
        return f"{int(a) + years}-{int(b) + years}"
    return period


def is_multiyear(period: str) -> bool:
    return len(period) == 9 and period[4] == "-"


def is_part_of_year(period: str) -> bool:
    """2022Q1, 2022H1, 2022Q1-2022Q3, 2022M08 …: a stretch inside one year."""
    return len(period) > 4 and period[:4].isdigit() and period[4] in "QHM"


def end_year(period: str) -> int | None:
    """The last year a period covers: 2017 → 2017, 2016-2020 → 2020, 2022Q1 → 2022."""
    if is_multiyear(period):
        return int(period[5:])
    return int(period[:4]) if period[:4].isdigit() else None
