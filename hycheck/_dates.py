"""Dates of articles: the listing date of a scrape and the date a text states for itself.

Private to ``hycheck.pages`` (which re-exports ``parse_date`` and ``stated_date``).  The cue
characters are data at the top; both functions are total: a text that is not a date gives None.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from urllib.parse import urlsplit

DATE_TEXT = re.compile(
    r"(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})\s?日?"
    r"(?:(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s?(?:Z|[+-]\d{2}:?\d{2})?)?\s*",
    re.ASCII,
)


def parse_date(text: str) -> date | None:
    """A listing or publication date, or None when the text is not a calendar date.

    >>> parse_date("2025-07-15"), parse_date("2025年7月15日")
    (datetime.date(2025, 7, 15), datetime.date(2025, 7, 15))
    >>> parse_date("2021-01-11T09:45:00+08:00"), parse_date("2021/1/11 09:45")
    (datetime.date(2021, 1, 11), datetime.date(2021, 1, 11))
    >>> parse_date("2025-13-45") is None, parse_date("２０２５－０７－１５")
    (True, datetime.date(2025, 7, 15))
    """
    match = DATE_TEXT.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    return _date(int(match[1]), int(match[2]), int(match[3]))


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_CN_DIGITS = {
    c: i
    for i, group in enumerate(("〇○零Ｏ", "一", "二两", "三", "四", "五", "六", "七", "八", "九"))
    for c in group
}
_STATED = re.compile(
    r"([0-9０-９〇○零Ｏ一二三四五六七八九]{4})\s?年\s?([0-9０-９一二三四五六七八九十]{1,3})\s?月"
    r"\s?([0-9０-９一二三四五六七八九十廿卅]{1,3})\s?日"
)
_STATED_WINDOW = 300
_DATELINE_OPEN = "—－-–(（〔[［【"


def stated_date(body: str) -> date | None:
    """The date a text states for itself near its start (a report's delivery date), or None.

    A full date counts when it is followed by 在 (2017年12月26日在…会议上) or opens a dateline
    (——2021年1月6日, （2021年1月6日）).

    >>> stated_date("2017年12月26日在武汉市汉阳区第十五届人民代表大会第二次会议上")
    datetime.date(2017, 12, 26)
    >>> stated_date("汉阳区政府工作报告\\n——二〇二一年一月六日在区人民代表大会上")
    datetime.date(2021, 1, 6)
    >>> stated_date("2022年一季度,汉阳区招商引资实现“开门红”") is None
    True
    """
    window = body[:_STATED_WINDOW]
    for match in _STATED.finditer(window):
        after = window[match.end() : match.end() + 3].lstrip()
        before = window[: match.start()].rstrip()[-1:]
        if not (after.startswith("在") or (before and before in _DATELINE_OPEN)):
            continue
        year, month, day = (
            _cn_number(match[1], year=True),
            _cn_number(match[2]),
            _cn_number(match[3]),
        )
        if year is not None and month is not None and day is not None:
            found = _date(year, month, day)
            if found is not None:
                return found
    return None


def _cn_number(text: str, year: bool = False) -> int | None:
    """Digits (ASCII or full-width) or a Chinese numeral: 二〇二一 (year), 十二, 廿六, 三十一."""
    if text.isdecimal():
        return int(text)
    if year:
        digits = [_CN_DIGITS.get(c) for c in text]
        return None if None in digits else int("".join(str(d) for d in digits))
    text = text.replace("廿", "二十").replace("卅", "三十")
    tens, ten, ones = text.partition("十")
    if not ten:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    high = _CN_DIGITS.get(tens) if tens else 1
    low = _CN_DIGITS.get(ones) if ones else 0
    return None if high is None or low is None else high * 10 + low


_URL_DATE = re.compile(
    # a path segment that opens with a date (t before it: TRS pages, t20240909_1895482)
    r"(?<=/)t?((?:19|20)\d\d)(?:"
    r"(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])?"  # 201706/, 20240909_
    r"|([-/_])(0?[1-9]|1[0-2])(?:\4(0?[1-9]|[12]\d|3[01]))?"  # 2013-01/, 2012/2/17/
    r")(?:/(0[1-9]|[12]\d|3[01])(?=/))?"  # 2018-01/24/, 201602/02/: the day in a folder
    r"(?=[/_])",  # a folder, or a TRS prefix (not a file's name: …/1012/20191203.htm)
    re.ASCII,
)


def url_date(url: str) -> date | None:
    """The day a page's address files it under (most sites file a page by the day it was
    published), or None.  A month alone (…/201111/71441.shtml) gives None: a page filed in
    November may be of any day of it, or be a report of the year before.

    >>> url_date("http://liulin.gov.cn/tjsjj/202409/t20240909_1895482.shtml")
    datetime.date(2024, 9, 9)
    >>> url_date("http://www.hzsc.gov.cn/art/2012/2/17/art_1229231327_1983661.html")
    datetime.date(2012, 2, 17)
    >>> url_date("http://hkwb.net/news/content/2018-01/11/content_3444361.htm")
    datetime.date(2018, 1, 11)
    >>> url_date("http://3g.qdn.cn/news/jp/201111/71441.shtml") is None
    True
    >>> url_date("http://www.example.gov.cn/info/1012/20191203.htm") is None  # an id
    True
    >>> url_date("https://tjgb.hongheiku.com/xjtjgb/xj2020/41104.html") is None
    True
    """
    path = urlsplit(url.strip()).path if "//" in url else url
    for m in _URL_DATE.finditer(path):
        day = m[3] or m[6] or m[7]
        found = _date(int(m[1]), int(m[2] or m[5]), int(day)) if day else None
        if found is not None and found <= date.today():  # a day to come is no page's
            return found
    return None
