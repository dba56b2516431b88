"""When a figure is for: time expressions, and the sections of reports and plans.

A work report reads like this: a delivery date, then ``一、2017年工作回顾`` (actual figures
for the review year), ``二、2018年工作安排`` (targets for the plan year); in a five-year review,
``“十三五”时期…`` or ``五年来`` switches to the plan period.  Inside a sentence an explicit
time (2018年, 2022年一季度, 明年, 2016年至2018年) overrides the section, unless it is a
comparison base (较“十二五”期末, 比2015年) or part of a name (2026年施政报告).  A statistical
bulletin is about the year in its title; a plan document (工作计划) about its plan year.  News
has no sections: a time stated in its lead (or its title) is the article's, and with none the
period is "unknown".

Periods are strings: "2017", "2022Q1", "2022Q1-2022Q2", "2022Q1-2022Q3", "2022M08",
"2022M01-2022M08", "2016-2020", or "unknown".  Everything is found in one pass over the text
with linear patterns; lookups are by bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from hycheck import lexicon as lx
from hycheck._words import longest_word_pattern
from hycheck.numbers import parse_cn_int
from hycheck.periods import (
    end_year,
    is_multiyear,
    is_part_of_year,
    month_period,
    period_bounds,
)
from hycheck.scan import counts_something

_YEAR = r"(?:19|20)\d{2}|[一二〇零][〇零一二三四五六七八九]{3}"
_MONTH = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_DASH = r"(?:-|~|至|到)"
_DASH_CHARS = r"\-~至到"  # the characters of _DASH, for a class


_QUARTER = longest_word_pattern(lx.QUARTERS)
_TIME_WORDS = (
    *lx.RELATIVE_YEARS,
    *lx.MULTIYEAR_CUES,
    *lx.QUARTERS,
    *lx.PLAN_PERIODS,
    *lx.REVIEW_YEAR_WORDS,
)
_TIME_FIRST = "".join(sorted(set('0123456789一二〇零“"「自从') | {w[0] for w in _TIME_WORDS}))
TIME_GRAMMAR = (
    r"(?:"
    rf"(?:自|从)?(?P<year>{_YEAR})年?{_DASH}(?P<year2>{_YEAR})年"
    rf"|(?:(?P<since>自|从))?(?P<y>{_YEAR})年(?:度)?"
    rf"(?:(?P<m1>{_MONTH})月?{_DASH}(?P<m2>{_MONTH})月(?:份)?|(?P<quarter>{_QUARTER})"
    rf"|(?P<month>{_MONTH})月(?!\d{{1,2}}日|[一二三四五六七八九十]+日))?"
    rf"(?P<since_end>{longest_word_pattern(lx.SINCE_WORDS)})?"
    rf"|[“\"「]?(?P<plan>{longest_word_pattern(lx.PLAN_PERIODS)})[”\"」]?"
    rf"(?P<plan_word>{longest_word_pattern(lx.PLAN_PERIOD_TIME_WORDS)})?"
    rf"|(?P<relative>{longest_word_pattern(lx.RELATIVE_YEARS)})(?P<rel_quarter>{_QUARTER})?"
    rf"|(?P<review>{longest_word_pattern(lx.REVIEW_YEAR_WORDS)})"
    rf"|(?P<multiyear>{longest_word_pattern(lx.MULTIYEAR_CUES)})"
    rf"|(?P<bare_quarter>{_QUARTER})"
    r"|前(?P<first_months>\d{1,2}|[一二两三四五六七八九十]{1,2})个月"
    rf"|(?P<r1>{_MONTH})月?{_DASH}(?P<r2>{_MONTH})月(?:份)?"
    rf"|(?P<mo>\d{{1,2}})月(?:份|末|底)?(?!\d{{1,2}}日|[一二三四五六七八九十]+日))"
)
"""A time expression (a match starts with one of ``_TIME_FIRST``)."""
_TIME_OPENINGS = "|".join(
    # how a match of TIME_GRAMMAR can begin, branch by branch: a cheap test that turns away
    # most of the places a first character alone lets through (948亿元, 全区, “双招双引”)
    (
        rf"(?:19|20)\d\d|\d\d?[月{_DASH_CHARS}]",  # 2017年, 3月, 1-3月
        r"[自从](?:19|20|[一二〇零])",  # 自2007年
        r"前(?:\d|[一二两三四五六七八九十])",  # 前5个月
        "[一二〇零][〇零一二三四五六七八九]",  # 二〇一七年
        '[“"「][' + "".join(sorted({w[0] for w in lx.PLAN_PERIODS})) + "]",  # “十三五”
        rf"十[一二]?月?[{_DASH_CHARS}]|[一二三四五六七八九]月?[{_DASH_CHARS}]",  # 一至三月
        longest_word_pattern({w[:2] for w in _TIME_WORDS}),  # 今年, 上半年, 五年来 …
    )
)
_TIME_AT = re.compile(
    # Every match starts by consuming one of _TIME_FIRST, which lets the engine skip every
    # other character in its fast loop (a leading look-ahead would make it try the pattern
    # at each character); looking behind from there, the expression is matched ahead into
    # the group "time".  Matches so found may overlap: ``_times`` drops those that start
    # inside the one before, as ``finditer`` on the plain pattern would never find them.
    rf"[{re.escape(_TIME_FIRST)}](?<=(?=(?:{_TIME_OPENINGS}))(?=(?P<time>{TIME_GRAMMAR})).)"
)


_YEARS = re.compile(r"((?:19|20)\d\d)(?=年)(?!年(?:以来|起))")
"""Years written as such (2022年, not the start of 2014年以来), for the latest year a text
speaks of."""


def _times(text: str) -> list[re.Match[str]]:
    """The time expressions of ``text``, left to right and not overlapping: the matches of
    ``TIME_GRAMMAR`` (their span is ``m.span("time")``)."""
    out = []
    last = 0
    for m in _TIME_AT.finditer(text):
        if m.start("time") >= last:
            out.append(m)
            last = m.end("time")
    return out


_BASE_VALUE_REACH = 64
"""How far after its base year a base value may stand (a list of a few values): bounded, so
that a long list after one base year costs linear time."""
_BASE_VALUE_GAP = re.compile(r"[末底]?的?(?:\d+(?:\.\d+)?[^\d、和与及,;。:\n]{0,6}[、和与及])*")
"""Between a base year and its value: 的, and the earlier values of a list (22.26%、28.63%和)."""
_EVENT_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)(?![\d年.])[^\d,;。:!?\n]{2,20}?(?:"
    + "|".join(map(re.escape, lx.EVENT_NOUNS))
    + ")"
)
"""A year that opens an event's name (2017中外知名企业四川行, 2023中国·西部投资洽谈会); the
lazy gap ends at the first event noun, so each try is bounded."""
_FIRST_MONTHS_AFTER = frozenset(lx.CLAUSE_ENDS + " 年")
"""前5个月 is a period only after a year (今年前5个月) or at the start of a clause."""
_ASIDE_REACH = 40
"""How far before a time expression its opening parenthesis, and after it its closing one, are
looked for: bounded, so that a long sentence after one time expression costs linear time."""
_OPENING_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年[,:是]")
_HEADING_REACH = 48
"""How far after a review heading's start its first year is looked for."""
_HEADING_NUMERALS = frozenset("一二三四五六七八九十")
_HEADING_BEFORE = frozenset(" \t\r\n。!?;:")
_LINE = re.compile(r"\n([^\n]{2,24})(?=\n)")  # a short line: an unnumbered heading?
_BASE_BEFORE = tuple(sorted(lx.PERIOD_BASE_CUES, key=len, reverse=True))
_MULTIYEAR_MARK = "@multiyear"
_REPORT_OPENING = 400
"""How far into a text its opening words may say it is a report (我代表区人民政府向大会报告工作)."""
_REVIEW_OPENING = 1500
"""How far into a report its review may say 预计 of the title's year (预计2007年地区生产总值)."""
_REPORT_BODY = re.compile(lx.REPORT_BODY_OPENING)
_YEAR_TO_DATE_MARK = "@ytd"
"""今年以来: the article's own period, but not the month of the day or holiday it is news of."""
_REVIEW_MARK = "@review"
MAX_LOOKBACK = 8
"""Time expressions looked at before a figure in its sentence: bounded, so linear time."""


class Mention(NamedTuple):
    """A time expression.  ``period`` may be a template: ``{y}Q1`` needs the year the text
    is about (一季度 alone), ``{y}`` is that year itself (全年), ``2007-{y}`` runs from a year
    up to it (自2007年起); "@review" is the year a report reviews (过去一年).  (A named
    tuple: built for every time expression, four times as fast as a frozen dataclass.)"""

    start: int
    end: int
    period: str  # "" when it cannot be resolved (今年 with no stated date)
    is_base: bool  # a comparison base: 较“十二五”期末, 比2015年
    is_name: bool  # part of a name: “十三五”规划, 2026年施政报告
    switches: bool  # “十三五”时期 / 五年来: switches a review section to a plan period


@dataclass(frozen=True, slots=True)
class Section:
    start: int
    period: str  # "" = unknown
    target: bool
    body: int = -1  # where its text starts after its heading's words (一、2011年和过去五年工作回顾)
    span: str = ""  # the years its heading also reviews (过去五年: 2007-2011), for 年均增长


def year_of(text: str) -> int | None:
    """``"2017"`` or ``"二〇一七"`` → 2017."""
    if text.isdigit():
        return int(text)
    return parse_cn_int(text)


def _month(text: str) -> int | None:
    value = int(text) if text.isdigit() else parse_cn_int(text)
    return value if value is not None and 1 <= value <= 12 else None


def _absolute(period: str) -> bool:
    return period[:4].isdigit() and "{" not in period


class Timeline:
    """The periods and statement kinds of one article, by offset."""

    def __init__(
        self,
        text: str,
        title: str,
        stated: date | None,
        listed: date | None,
        sentence_starts: list[int],
        numbered: list[tuple[int, int]] | None = None,
    ) -> None:
        """``numbered`` are the text's numbered headings, when the caller has them already."""
        self.text = text
        self.title = title
        self.stated = stated
        self.listed = listed
        self.headings = headings(text) if numbered is None else numbered
        self._sentence_starts = sentence_starts
        self.is_report = any(cue in title for cue in lx.REPORT_TITLE_CUES) or (
            _REPORT_BODY.search(text, 0, _REPORT_OPENING) is not None
        )
        # 2023年度国民经济与社会发展计划解读 plans; …计划执行情况与2016年… reviews first
        self.is_plan = (
            not self.is_report
            and any(cue in title for cue in lx.PLAN_TITLE_CUES)
            and not any(word in title for word in lx.DONE_HEADINGS)
        )
        self.is_bulletin = "统计公报" in title or "统计公告" in title
        self.plan_year: int | None = None
        self._this_year: int | None = None  # the year 今年 is, set from the dates below
        self.review_year: int | None = None
        # 今年/明年 count from the delivery date, else from the listing date (a news article
        # says 今年 of the year it is published, as it says 1至9月 of that year), unless the
        # listing is a repost: a news text whose latest year is older than the listing's
        self._now = stated or listed
        if stated is None and listed is not None and not (self.is_report or self.is_plan):
            latest = max(map(int, _YEARS.findall(text)), default=listed.year)
            if latest < listed.year - 1:
                self._now = None
        title_mentions = [self._mention(m, title) for m in _times(title)]
        year = str(listed.year) if listed is not None else ""
        self.title_period = next(
            (
                period
                for m in title_mentions
                # 1至9月全省签约…, listed 2024-10-21: 2024Q1-2024Q3
                if (period := _fill(m.period, year) if m.period != "{y}" else "")
                and _absolute(period)
                and not m.is_base
                # not 十五届人大; but 沈阳市铁西区2014年政府工作报告 names the document's year
                and not (m.is_name and not title[m.start : m.start + 1].isdigit())
            ),
            "",
        )
        title_year = int(self.title_period[:4]) if self.title_period else None
        # a bulletin that carries no date counts 上年 from the year it is about
        self._this_year = self._now.year if self._now is not None else None
        if self._this_year is None and self.is_bulletin and title_year is not None:
            self._this_year = title_year
        if self.is_report or self.is_plan:
            when = stated or listed
            if title_year is not None:
                self.plan_year = title_year
                reviewed = _REVIEWED_IN_TITLE.search(title)
                if reviewed is not None and int(reviewed.group(1)) == title_year:
                    self.plan_year = title_year + 1  # …政府工作报告:2017年回顾与2018年预期目标
                elif _titled_by_review(title_year, stated, listed) or (
                    stated is None and self.is_report and _estimates_year(text, title_year)
                ):
                    # 2019年陇县人民政府工作报告 delivered on 2020年1月8日, or one that says
                    # 预计2007年地区生产总值…: the title names the year it reviews
                    self.plan_year = title_year + 1
            elif when is not None:
                self.plan_year = when.year + 1 if when.month >= 10 else when.year
            if self.plan_year is not None:
                self.review_year = self.plan_year - 1
        elif self._now is not None:
            # a news article about a report: 报告指出,过去的一年实现地区生产总值415亿元
            self.review_year = self._now.year if self._now.month >= 10 else self._now.year - 1
        self.mentions = [self._mention(m, text) for m in _times(text)]
        self._mention_starts = [mm.start for mm in self.mentions]
        self.sections = self._sections()
        self._section_starts = [s.start for s in self.sections]
        # 比2012年(下同)增长47.7%: a base year that stands for the rest of its section
        self._standing_bases = [
            (m.end, base)
            for m in (self.mentions if lx.SAME_BELOW in text else ())
            if m.is_base
            and text.startswith(lx.SAME_BELOW, m.end)
            and _absolute(m.period)
            and (base := end_year(m.period)) is not None
        ]
        self._day_month_period = False  # whether the default is the month of a day's news
        self.default_period = self._default_period()
        self._frames = self._news_frames()
        self._frame_starts = [f[0] for f in self._frames]

    # -- mentions ---------------------------------------------------------------------------

    def _mention(self, m: re.Match[str], text: str) -> Mention:
        start, end = m.span("time")
        before = text[max(0, start - 3) : start].rstrip('“"「')
        is_base = (
            before.endswith(_BASE_BEFORE)
            or text.startswith(lx.PERIOD_BASE_AFTER, end)
            # 由上年的22.26%调整为, 由2015年末的52万人增加到
            or (before.endswith("由") and text.startswith(("的", "末的", "底的"), end))
        )
        # (2020年11月02日09:47 来源:…: a page's time stamp, no time of the news)
        is_name = text.startswith(lx.PERIOD_NAME_AFTER, end) or (
            "月" in text[end + 1 : end + 3] and _STAMP.match(text, end) is not None
        )
        g = m  # its groups by name (building the dict of all 24 costs 0.8 µs)
        period = ""
        switches = False
        if g["year2"]:
            a, b = year_of(g["year"] or ""), year_of(g["year2"])
            if a and b and 0 < b - a <= 10:
                period = f"{a}-{b}"
        elif g["y"]:
            year = year_of(g["y"])
            if year is not None:
                period = self._year_part(year, g)
                if g["since_end"] and (g["since"] or g["since_end"] == "以来") and period.isdigit():
                    period = f"{year}-{{y}}"  # 自2007年起: from then up to the year in view
                elif text[end : end + 1] not in _AFTER_YEAR_WORDS or not period.isdigit():
                    pass  # the common case: no event or holiday follows the year
                elif _SINCE_EVENT.match(text, end) is not None:
                    period = f"{year}-{{y}}"  # 2012年换届以来: since that year's event
                elif (holiday := _holiday_at(text, end)) is not None:
                    # 2013年“清明”小长假期间: the holiday's month of that year
                    period = f"{year}M{lx.HOLIDAY_MONTHS[holiday.group(1)]:02d}"
        elif g["plan"]:
            period = lx.PLAN_PERIODS[g["plan"]]
            is_name = is_name or not g["plan_word"]  # “十三五”规划 names a plan, 时期 a time
            at_end = g["plan_word"] in lx.PLAN_END_WORDS
            switches = not (is_name or is_base or at_end)
            if at_end:  # (also as a base: 由“十五”末的12.8亿元 is 2005's)
                period = period[5:]  # “十一五”期末: its last year, one point in time
        elif g["relative"]:
            offset = lx.RELATIVE_YEARS[g["relative"]]
            if g["relative"] in ("全年", "当年", "本年"):
                period = "{y}"
            elif offset == 0 and text.startswith("以来", end):
                # 今年以来 is the year to date: the article's own period says which part
                period = _YEAR_TO_DATE_MARK
            elif (
                offset < 0
                and not g["rel_quarter"]  # 去年四季度以来: from that quarter (the quarter's)
                and text.startswith("以来", end)
                and self._this_year is not None
            ):
                # 去年以来,该县共签约重点项目31个: from last year up to now
                period = f"{self._this_year + offset}-{self._this_year}"
            elif self._this_year is not None:
                period = str(self._this_year + offset)
            if period and g["rel_quarter"]:
                period = lx.QUARTERS[g["rel_quarter"]].replace("{y}", period)
        elif g["review"]:
            period = _REVIEW_MARK
        elif g["multiyear"]:
            switches = True
            period = _MULTIYEAR_MARK
        elif g["bare_quarter"]:
            period = lx.QUARTERS[g["bare_quarter"]]
        elif g["first_months"]:  # 今年前5个月: the months from January
            last = _month(g["first_months"])
            opens = start == 0 or text[start - 1] in _FIRST_MONTHS_AFTER
            if last and last > 1 and opens:  # not 建成投产前3个月免收租金
                period = month_period(9999, 1, last).replace("9999", "{y}")
        elif g["r1"] and g["r2"]:  # 1至3月 with no year: the year comes from the context
            a, b = _month(g["r1"]), _month(g["r2"])
            if a and b and a < b:
                period = month_period(9999, a, b).replace("9999", "{y}")
        elif g["mo"]:  # 3月末
            month = _month(g["mo"])
            period = f"{{y}}M{month:02d}" if month else ""
        return Mention(start, end, period, is_base, is_name, switches)

    @staticmethod
    def _year_part(year: int, g: re.Match[str]) -> str:
        if g["m1"] and g["m2"]:
            a, b = _month(g["m1"]), _month(g["m2"])
            if a and b and a < b:
                return month_period(year, a, b)
        elif g["quarter"]:
            return lx.QUARTERS[g["quarter"]].replace("{y}", str(year))
        elif g["month"]:
            month = _month(g["month"])
            if month:
                return f"{year}M{month:02d}"
        return str(year)

    # -- sections of a report or a plan -------------------------------------------------------

    def _sections(self) -> list[Section]:
        if self.is_bulletin:
            return [Section(0, self.title_period, False)]
        if not (self.is_report or self.is_plan):
            return [Section(0, "", False)]
        review = str(self.review_year) if self.review_year is not None else ""
        plan = str(self.plan_year) if self.plan_year is not None else ""
        sections = [Section(0, plan, True) if self.is_plan else Section(0, review, False)]
        found = list(self.headings)
        if "\n" in self.text:
            lines = [(m.start(1), m.start(1)) for m in _LINE.finditer("\n" + self.text)]
            found += [(a - 1, b - 1) for a, b in lines]
        for start, head_start in sorted(found):
            head = self.text[head_start : head_start + 20]
            if start == head_start and self.text.endswith("。", 0, self.text.find("\n", start)):
                continue  # a short line that ends with a full stop is a sentence, not a heading
            review_at = min((head.find(w) for w in lx.REVIEW_HEADINGS if w in head), default=-1)
            plan_at = min((head.find(w) for w in lx.PLAN_HEADINGS if w in head), default=-1)
            if review_at < 0 and plan_at < 0:
                continue
            target = plan_at >= 0 and (review_at < 0 or plan_at < review_at)
            line = self.text[head_start : head_start + _HEADING_REACH].split("\n", 1)[0]
            if target and _reviews_a_plan(line):
                target, review_at = False, plan_at  # (一)主要目标完成情况: a review
            cut = plan_at if target else review_at
            # (the word at ``cut`` is a plan word where a plan's review was read as a review)
            words = (*lx.PLAN_HEADINGS, *lx.REVIEW_HEADINGS)
            body = (
                head_start
                + cut
                + max((len(w) for w in words if head.startswith(w, cut)), default=0)
            )
            period = self._heading_period(head_start, head_start + cut)
            if not period and not target:
                period = self._opening_year(head_start)
            if not period and not target and not sections[-1].target:
                period = sections[-1].period  # (一)主要目标完成情况 under 一、2023年上半年…
            period = period or (plan if target else review)
            span = "" if target else self._heading_span(head_start, body, period)
            sections.append(Section(start, period, target, body, span))
        if self.is_report:
            sections = self._plan_openers(sections, plan)
        # inside a review: “十三五”时期 / 五年来 switch to the plan period until the next heading
        out: list[Section] = []
        for i, section in enumerate(sections):
            out.append(section)
            if section.target:
                continue
            stop = sections[i + 1].start if i + 1 < len(sections) else len(self.text)
            # not the heading's own words: 一、2011年和过去五年工作回顾 opens with 2011 (2011年,
            # 我区…), and the five years start where its text says 过去五年
            for mention in self._mentions_in(max(section.start, section.body), stop):
                if mention.switches:
                    period = mention.period
                    if period == _MULTIYEAR_MARK:
                        # the five years that end with the section's year, else the review's
                        year = int(section.period) if section.period.isdigit() else self.review_year
                        period = f"{year - 4}-{year}" if year else ""
                    start = self._sentence_start(mention.start)
                    if start <= section.start:  # no stop since the heading: switch right here
                        start = mention.start
                    out.append(Section(start, period, False))
                    break
        return out

    def _heading_span(self, start: int, stop: int, period: str) -> str:
        """The years a review heading also names: 过去五年 (一、2011年和过去五年工作回顾 →
        2007-2011, ending with its own year) or a plan period (一、2015年和“十二五”时期工作回顾
        → 2011-2015); or ""."""
        for m in self._mentions_in(start, stop):
            if m.period == _MULTIYEAR_MARK:
                year = int(period) if period.isdigit() else self.review_year
                return f"{year - 4}-{year}" if year else ""
            if m.switches and is_multiyear(m.period):
                return m.period
        return ""

    def _opening_year(self, head_start: int) -> str:
        """一、过去一年政府工作成效显著\n2019年,是我县…: the year a review names first, right
        after its heading, when it is the year the report would plan (a title that names the
        reviewed year, and no date to tell); else ""."""
        if self.plan_year is None:
            return ""
        # the heading's line break may have been read as a soft wrap (显著\n2019年 → 显著2019年)
        m = _OPENING_YEAR.search(self.text, head_start, head_start + _HEADING_REACH)
        return m.group(1) if m and int(m.group(1)) == self.plan_year else ""

    def _plan_openers(self, sections: list[Section], plan: str) -> list[Section]:
        """今年经济社会发展的主要预期目标是: said in a paragraph rather than a heading (or in news
        of a report) opens the plan year's targets, up to the next heading."""
        openers: set[int] = set()
        for cue in lx.PLAN_OPENERS:
            at = self.text.find(cue)
            while at >= 0:
                start = self._sentence_start(at)
                if not any(w in self.text[start:at] for w in lx.PLAN_OPENER_BLOCKERS):
                    openers.add(start)
                at = self.text.find(cue, at + len(cue))
        if not openers:
            return sections
        starts = sorted(openers)
        out: list[Section] = []
        j = 0
        for i, section in enumerate(sections):
            out.append(section)
            stop = sections[i + 1].start if i + 1 < len(sections) else len(self.text) + 1
            while j < len(starts) and starts[j] < section.start:
                j += 1
            if not section.target and j < len(starts) and starts[j] < stop:
                out.append(Section(max(starts[j], section.start), plan, True))  # the first
            while j < len(starts) and starts[j] < stop:
                j += 1
        return out

    def _mentions_in(self, start: int, stop: int) -> list[Mention]:
        """The time expressions that start in [start, stop), by bisection: a report with
        thousands of headings is read in linear time."""
        return self.mentions[
            bisect_left(self._mention_starts, start) : bisect_left(self._mention_starts, stop)
        ]

    def _heading_period(self, start: int, stop: int) -> str:
        for mention in self._mentions_in(start, stop):
            if mention.is_base:
                continue
            if _absolute(mention.period):
                return mention.period
            if mention.period == _MULTIYEAR_MARK and self.review_year is not None:
                return f"{self.review_year - 4}-{self.review_year}"  # 一、过去五年工作回顾
        return ""

    def _default_period(self) -> str:
        """News: a time that opens a clause of the lead (its first two sentences), else the
        title's; the title's when it is a part of the lead's (a quarter of its year).  A
        year-less 1至3月 takes the listing year.  Else an event its lead names with its year
        (2017中外知名企业四川行), else the year of the article's date when the text says
        今年以来 anywhere or the lead names a day from April on (12月21日电); else unknown."""
        if self.is_report or self.is_bulletin or self.is_plan:
            return ""
        starts = self._sentence_starts
        stop = starts[2] if len(starts) > 2 else len(self.text)
        for mention in self.mentions:
            if mention.start >= stop:
                break
            if mention.is_base or mention.is_name:
                continue
            period = mention.period
            if "{y}" in period and period != "{y}" and self._now is not None:
                period = _fill(period, str(self._now.year))  # 1至3月, published 2019
            if _absolute(period):
                if self.text.startswith("在", mention.end):
                    continue  # "2021年1月6日在…会议上": a delivery date, not the news' time
                if _within(self.title_period, period):
                    # 郏县2025年一季度…: 紧扣2025年重点工作 is context; 2013年清明小长假…:
                    # 2013年“清明”小长假期间 is the holiday's month
                    return self._title_period()
                if (
                    period.isdigit()
                    and self.text[mention.start].isdigit()
                    and (self._now is None or self._now.year == int(period))
                ):
                    # 2017年9月18日,…说明会举行; 3月4日,石泉县2020年招商引资项目集中签约仪式
                    # (not 今年已招引落地项目570个, the year to date, nor 2月20日,全市2023年经济
                    # 工作总结暨2024年项目建设推进大会召开: a year before the news')
                    return self._on_the_day(period)
                return period
        if self.title_period:
            return self._title_period()
        # 2017中外知名企业四川行活动期间…: an event named with its year, and no other time
        for text, end in ((self.title, len(self.title)), (self.text, stop)):
            for m in _EVENT_YEAR.finditer(text, 0, end):
                if counts_something(text, m.end(1)):
                    continue  # 2000家企业参加大会, 2000多名干部参加…活动: a count
                if text.endswith(_BASE_BEFORE, 0, m.start()):
                    continue  # 相比2019中国西部博览会: a comparison base
                return self._on_the_day(m.group(1))
        # 今年以来,…。截至目前,新增签约项目14个: the year to date of the article's date; 东北网
        # 双鸭山12月21日电 近日,…: the year of the day its dateline names
        # (not a day early in a year: news then often tells the year before, 1月18日,区政府
        # 召开新闻发布会。全区地区生产总值120亿元)
        so_far = any(m.period == _YEAR_TO_DATE_MARK and not m.is_base for m in self.mentions)
        lead = self.text[:stop]
        month = _day_month(lead) if self._now is not None and not so_far else None
        if (
            month is not None
            and month > lx.YEAR_BEFORE_NEWS_MONTHS
            and self._now is not None
            and not any(word in lead for word in lx.ANNUAL_RESULTS_WORDS)  # 发布年报数据
        ):
            return self._on_the_day(str(_year_of_month(self._now, month)))
        return self._on_the_day(str(self._this_year) if so_far and self._this_year else "")

    def _title_period(self) -> str:
        """The title's period: a year's news of a holiday or event day, that day's month."""
        title = self.title_period
        return self._on_the_day(title) if title.isdigit() else title

    def _on_the_day(self, year: str) -> str:
        """News of a holiday its title names (国庆首日全区接待游客…) or of an event its title
        names on a day its lead or title gives (12月9日,光明区在…大会上签约5个项目) is of that
        month, in ``year`` or else the year of the article's date (the year before for a
        December day listed in January); ``year`` itself (or "") for other news."""
        month = _holiday_month(self.title)
        if month is not None and self._now is not None and year == str(self._now.year):
            year = str(_year_of_month(self._now, month, ahead=True))  # 元旦 news of 12月30日
        moving = month is None and _MOVING_HOLIDAY.search(self.title) is not None
        if month is None and (moving or _names_an_event(self.title)):
            # (a holiday of no fixed month: only the day its lead names says which)
            stop = self._sentence_starts[2] if len(self._sentence_starts) > 2 else len(self.text)
            lead = self.text[:stop]
            month = _day_month(self.title)
            if month is None and (day := _first_day(lead)) is not None:
                month = int(day.group(1))
                # 华宁元旦…: 自2017年12月29日起 is of 2017, not of 2018年元旦's year
                year = _written_year(lead, day.start()) or year
        if month is None:
            return year
        if not year:
            if self._now is None:
                return ""
            year = str(_year_of_month(self._now, month))
        self._day_month_period = True
        return f"{year}M{month:02d}"

    def _news_frames(self) -> list[tuple[int, int, str]]:
        """News: a time set off at the start of a clause (今年1到10月, 2022年一季度,) frames
        what follows it, until the next such time."""
        if self.is_report or self.is_bulletin or self.is_plan:
            return []
        frames = []
        for mention in self.mentions:
            if mention.is_base or mention.is_name:
                continue
            before = self.text[max(0, mention.start - 2) : mention.start]
            opens = not before or before[-1] in lx.CLAUSE_ENDS or before == "今年"
            if not opens or self.text[mention.end : mention.end + 1] not in (",", ":"):
                continue
            period = mention.period
            if "{y}" in period and period != "{y}":
                year = self.default_period[:4] if _absolute(self.default_period) else ""
                if not year and self._now is not None:
                    year = str(self._now.year)
                period = _fill(period, year) if year else ""
            if _absolute(period):
                end = self.text.find("\n", mention.end)  # a frame ends with its paragraph
                frames.append((mention.start, end if end >= 0 else len(self.text), period))
        return frames

    def _sentence_start(self, pos: int) -> int:
        i = bisect_right(self._sentence_starts, pos) - 1
        return self._sentence_starts[i] if i >= 0 else 0

    # -- queries ------------------------------------------------------------------------------

    def section_at(self, pos: int) -> Section:
        return self.sections[bisect_right(self._section_starts, pos) - 1]

    def _recent(self, pos: int, sentence_start: int) -> list[Mention]:
        """The time expressions of the sentence before ``pos``, nearest first (a few)."""
        out: list[Mention] = []
        i = bisect_right(self._mention_starts, pos) - 1
        while i >= 0 and len(out) < MAX_LOOKBACK and self.mentions[i].start >= sentence_start:
            if self.mentions[i].end <= pos:
                out.append(self.mentions[i])
            i -= 1
        return out

    def period_at(self, pos: int, sentence_start: int, target: bool) -> str:
        """The period of a figure at ``pos`` whose sentence starts at ``sentence_start``.
        A ``target`` (a plan, not a task stated beside its outcome) takes no period from a
        news article's lead."""
        section = self.section_at(pos)
        running = section.period
        fallback = running or ("" if target else self._news_period(pos))
        s_start = max(sentence_start, section.start)
        recent = self._recent(pos, s_start)
        year = fallback[:4] if fallback[:4].isdigit() and not is_multiyear(fallback) else ""
        for i, mention in enumerate(recent):
            if mention.is_base or mention.is_name or self._aside(mention, pos):
                continue
            period = mention.period
            if period == _MULTIYEAR_MARK and self.review_year is not None:
                # 2011年社会消费品零售总额…,全社会固定资产投资五年累计完成406.5亿元
                return f"{self.review_year - 4}-{self.review_year}"
            if period == _YEAR_TO_DATE_MARK and self._day_month_period:
                return fallback[:4]  # 国庆假期…今年以来,全区接待游客1200万人次: the year
            if period in (_MULTIYEAR_MARK, _YEAR_TO_DATE_MARK) or not period:
                continue
            if period == _REVIEW_MARK:
                if self.review_year is None:
                    continue
                return str(self.review_year)
            if "{y}" in period:
                # 2025年首三季度…7月至9月: the year of the sentence's last explicit year
                stated = next(
                    (
                        m.period[:4]
                        for m in recent[i + 1 :]
                        if _absolute(m.period) and not (m.is_base or m.is_name)
                    ),
                    "",
                )
                here = stated or year
                if period == "{y}" and not stated and (topic := self._topic_year(s_start)):
                    here = topic  # 刚刚过去的2016年,是…的一年。全年预计实现…: that year
                if not here and period.endswith("-{y}") and self.review_year is not None:
                    here = str(self.review_year)  # 2012年换届以来 in news of a report
                if not here:
                    continue
                period = _fill(period, here)
                if not period:
                    continue
            return period
        if target and not fallback and (planned := self._planned_before(sentence_start)):
            return planned  # 对2012年各项工作做出了全面部署。主要预期目标是:…
        return fallback or "unknown"

    def _topic_year(self, sentence_start: int) -> str:
        """The year the sentence before ``sentence_start``, in the same paragraph, is about
        (刚刚过去的2016年,是…的一年。全年…): in a text whose year no title or bulletin gives,
        the reviewed year if the text is dated, else the year named; "" otherwise."""
        if sentence_start <= 0 or self.is_bulletin or self.title_period:
            return ""
        now = self._now
        dated = now is not None
        if now is not None and (self.review_year is None or self.review_year == now.year):
            return ""
        text = self.text
        before = self._sentence_start(sentence_start - 1)
        own = _words_from(text, sentence_start)
        if text.find("\n", max(_words_from(text, before), own - _TOPIC_REACH), own) >= 0:
            return ""  # (a paragraph break between the two)
        reviewed = str(self.review_year)
        for mention in self._recent(sentence_start, before):
            if not (mention.is_base or mention.is_name) and mention.period.isdigit():
                if text.startswith(lx.DEADLINE_AFTER, mention.end):
                    return ""  # (确保2020年前实现全面小康: a deadline)
                # a dated text's year is the reviewed one; an undated one has no other
                return "" if dated and mention.period != reviewed else mention.period
        return ""

    def _planned_before(self, sentence_start: int) -> str:
        """The year the sentence before ``sentence_start`` plans, when it stands in the same
        paragraph: the year a news article's list of targets is for (对2012年各项工作做出了
        全面部署。主要预期目标是:地区生产总值实现44.64亿元).  The nearest year named (not as
        a base, or a deadline: 2020年前) that is the year of the article's date or the next."""
        if sentence_start <= 0 or self.text[sentence_start - 1] == "\n":
            return ""
        before = self._sentence_start(sentence_start - 1)
        if self.text.find("\n", before, sentence_start) >= 0:
            return ""
        now = self._now.year if self._now is not None else None
        for mention in self._recent(sentence_start, before):
            if mention.is_base or mention.is_name or not mention.period.isdigit():
                continue
            if self.text.startswith(lx.DEADLINE_AFTER, mention.end):
                continue  # 要求在2020年前实现全面小康: a deadline, no plan's year
            if now is None or now <= int(mention.period) <= now + 1:
                return mention.period
        return ""

    def names_time(self, pos: int, sentence_start: int) -> bool:
        """Whether the sentence before ``pos`` names a time of its own (not a base or a
        name): 到2020年项目全部建成后,年产值将达100亿元."""
        return any(
            not (m.is_base or m.is_name) and m.period for m in self._recent(pos, sentence_start)
        )

    def base_value_period(self, pos: int, sentence_start: int) -> str:
        """The period of a value stated as the base of a comparison or a change: 较2016年的
        1556万人次, 由上年的22.26%、28.63%和49.11%调整为…; "" for any other value."""
        i = bisect_right(self._mention_starts, pos) - 1  # the time expression nearest before
        if i < 0:
            return ""
        mention = self.mentions[i]
        if (
            mention.is_base
            and sentence_start <= mention.start
            and mention.end <= pos <= mention.end + _BASE_VALUE_REACH
            and _absolute(mention.period)
            and _BASE_VALUE_GAP.fullmatch(self.text, mention.end, pos)
        ):
            return mention.period
        return ""

    def names_part_of_year(self, pos: int, sentence_start: int) -> bool:
        """Whether the sentence before ``pos`` names a part of a year, also one whose year
        is not known (1-6月, 截止5月底 in a release that never says the year)."""
        nearest = next(
            (m for m in self._recent(pos, sentence_start) if not (m.is_base or m.is_name)), None
        )  # the one that governs the figure, as in period_at (not 1-6月 before 自2015年以来)
        return nearest is not None and (
            nearest.period.startswith("{y}") and is_part_of_year("2000" + nearest.period[3:])
        )

    def _aside(self, mention: Mention, pos: int) -> bool:
        """Whether ``mention`` stands in a parenthesis that closes before ``pos``: 一般公共预算
        支出(扣除2022年灾后恢复重建专项资金支出外)增长3%以上 is not about 2022."""
        text = self.text
        if text[mention.start - 1 : mention.start] == "(" and text.startswith(")", mention.end):
            return False  # 地区生产总值(2017年)达到450亿元: the parenthesis is the figure's label
        if text.find(")", mention.end, min(pos, mention.end + _ASIDE_REACH)) < 0:
            return False
        opened = text.rfind("(", max(0, mention.start - _ASIDE_REACH), mention.start)
        return opened >= 0 and text.find(")", opened, mention.start) < 0

    def _news_period(self, pos: int) -> str:
        i = bisect_right(self._frame_starts, pos) - 1
        if i >= 0 and pos < self._frames[i][1]:
            return self._frames[i][2]
        return self.default_period

    def span_at(self, pos: int, sentence_start: int) -> str:
        """A span of years named in the sentence before ``pos`` (2016年至2018年), or ""."""
        for mention in self._recent(pos, sentence_start):
            if is_multiyear(mention.period) and not mention.is_base and not mention.is_name:
                return mention.period
        return ""

    def base_at(self, pos: int, clause_start: int) -> int | None:
        """The last year of a comparison base in the clause before ``pos``: 比2006年 → 2006,
        是“十一五”末的 → 2010."""
        for mention in self._recent(pos, clause_start):
            if mention.is_base and _absolute(mention.period):
                return end_year(mention.period)
        if self._standing_bases and not any(
            cue in self.text[clause_start:pos] for cue in lx.YEAR_ON_YEAR_CUES
        ):  # 比2012年(下同): the base of its section's later rates (not of 同比增长250%)
            i = bisect_right(self._standing_bases, (pos, 0)) - 1
            if i >= 0 and self.section_at(self._standing_bases[i][0]) is self.section_at(pos):
                return self._standing_bases[i][1]
        return None


def headings(text: str) -> list[tuple[int, int]]:
    """Numbered headings (一、… 二、…) at the start of the text or after a break or a stop:
    (start, end of the 、).  Found from the 、 marks, which a fast search finds."""
    out = []
    at = text.find("、")
    while at >= 0:
        start = at
        while start > 0 and at - start < 2 and text[start - 1] in _HEADING_NUMERALS:
            start -= 1
        if start < at and (start == 0 or text[start - 1] in _HEADING_BEFORE):
            out.append((start, at + 1))
        at = text.find("、", at + 1)
    return out


_DAY_DATE = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])月(?:3[01]|[12]\d|0?[1-9])日")
_DAY_DATE_OPENING = tuple(f"{m}月" for m in range(1, 13))


def _words_from(text: str, start: int) -> int:
    """Where the words of the sentence at ``start`` begin, past its leading blanks."""
    head = text[start : start + _LEAD_REACH]
    return start + len(head) - len(head.lstrip(" \t\r\n"))


_LEAD_REACH = 64
_TOPIC_REACH = 600
"""How far back in the sentence before a paragraph break is looked for: bounded, linear."""


def _holidays(names: Iterable[str]) -> re.Pattern[str]:
    """A holiday of ``names`` named as the time of the news (国庆首日, “五一”小长假), the
    name in group 1."""
    alternatives = "|".join(map(re.escape, names))
    return re.compile(f"“?({alternatives})”?(?:{'|'.join(map(re.escape, lx.HOLIDAY_TIMES))})")


_HOLIDAY = _holidays(lx.HOLIDAY_MONTHS)
_MOVING_HOLIDAY = _holidays(lx.MOVING_HOLIDAYS)


def _reviews_a_plan(heading: str) -> bool:
    """(一)主要目标完成情况, 计划执行情况: a heading that reviews what was planned, unless a
    plan for later follows (2024年目标任务完成情况和2025年工作计划)."""
    done = max((heading.rfind(w) for w in lx.DONE_HEADINGS), default=-1)
    if done < 0:
        return False
    return not any(w in heading[done : done + _PLAN_AFTER_DONE] for w in lx.PLAN_HEADINGS)


_PLAN_AFTER_DONE = 16
"""How far after 完成情况 a plan's words make the heading a plan's too (…和2025年工作计划)."""


def _estimates_year(text: str, year: int) -> bool:
    """Whether a report's opening estimates the whole of ``year`` (预计2007年地区生产总值达到
    33亿元), not a date in it (预计2008年底建成投产)."""
    cue = f"预计{year}年"
    at = text.find(cue, 0, _REVIEW_OPENING)
    while at >= 0:
        if not text.startswith(lx.DATE_IN_A_YEAR, at + len(cue)):
            return True
        at = text.find(cue, at + 1, _REVIEW_OPENING)
    return False


def _titled_by_review(title_year: int, stated: date | None, listed: date | None) -> bool:
    """Whether a report titled ``title_year`` reviews that year, as its dates say: delivered
    from October of that year to March of the next (2019年…工作报告 on 2020年1月8日, a new
    congress in November), or listed in the first months of the next (a listing months
    later than the delivery proves nothing: a repost of 2015年…工作报告 in November 2015)."""
    if stated is not None:
        return (title_year, 10) <= (stated.year, stated.month) <= (title_year + 1, 3)
    return listed is not None and (title_year + 1, 1) <= (listed.year, listed.month) <= (
        title_year + 1,
        3,
    )


def _holiday_month(title: str) -> int | None:
    """The month of the fixed-month holiday a title names as its time (国庆首日, “五一”小长假;
    not 国庆节前, a deadline)."""
    for m in _HOLIDAY.finditer(title):
        if not title.startswith(lx.HOLIDAY_NOT_AFTER, m.end()):
            return lx.HOLIDAY_MONTHS[m.group(1)]
    return None


def _holiday_at(text: str, pos: int) -> re.Match[str] | None:
    """A fixed-month holiday named as a time at ``pos`` (2013年“清明”小长假), or None."""
    m = _HOLIDAY.match(text, pos)
    return None if m is None or text.startswith(lx.HOLIDAY_NOT_AFTER, m.end()) else m


def _names_an_event(title: str) -> bool:
    """签约, 大会, 仪式 …, and not 发布会 or a period's 运行情况: a title of an event."""
    return any(w in title for w in lx.DAY_EVENT_WORDS) and not any(
        w in title for w in lx.DAY_NOT_EVENT_WORDS
    )


def _day_month(text: str) -> int | None:
    """The month of the first day date in ``text`` that is no cut-off (截至12月31日) and no
    page's time stamp (2020年11月02日09:47 来源:…)."""
    day = _first_day(text)
    return int(day.group(1)) if day is not None else None


def _first_day(text: str) -> re.Match[str] | None:
    """The first day date in ``text`` that is no cut-off, comparison or time stamp."""
    for m in _DAY_DATE.finditer(text):
        start = m.start()
        if (year := _year_before(text, start)) is not None:
            start = year.start()  # 比2017年2月1日, 与2018年的5月8日: what stands before counts
        if not text.endswith(lx.DAY_NOT_NEWS_BEFORE, 0, start) and not _CLOCK.match(text, m.end()):
            return m
    return None


def _written_year(text: str, day_start: int) -> str | None:
    """The year written right before a day date at ``day_start`` (2017年12月29日), if any."""
    m = _year_before(text, day_start)
    return m.group(1) if m is not None else None


def _year_before(text: str, pos: int) -> re.Match[str] | None:
    return _WRITTEN_YEAR.search(text, max(0, pos - 6), pos)


def _year_of_month(now: date, month: int, *, ahead: bool = False) -> int:
    """The year of a month named without one, in news dated ``now``: a December day listed in
    January is of the year before; with ``ahead`` (a holiday the news looks forward to), a
    January one listed in December is of the next (元旦)."""
    return now.year - (month > now.month + 6) + (ahead and month + 6 < now.month)


_WRITTEN_YEAR = re.compile(r"((?:19|20)\d\d)年的?\Z")


_AFTER_YEAR_WORDS = frozenset(w[0] for w in (*lx.SINCE_EVENTS, *lx.HOLIDAY_MONTHS, "“", '"'))
"""The first characters of what may follow a year to open a span or name a holiday."""
_REVIEWED_IN_TITLE = re.compile(r"((?:19|20)\d\d)年度?(?:工作)?回顾")
"""A title that names the year it reviews (…政府工作报告:2017年回顾与2018年预期目标)."""
_SINCE_EVENT = re.compile("(?:" + "|".join(lx.SINCE_EVENTS) + ")以来")
"""After a year, an event of it and 以来 (2012年换届以来, 2015年建区以来): since that year."""
_CLOCK = re.compile(r"\s*\d{1,2}:\d{2}")
_STAMP = re.compile(r"\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}")


def _fill(period: str, year: str) -> str:
    """``period`` with its year-to-be ``{y}`` filled in; "" for 2014年以来 (``2014-{y}``) when
    the year in view is no later than 2014: that says no span."""
    filled = period.replace("{y}", year)
    if year and period.endswith("-{y}") and filled[5:] <= filled[:4]:
        return ""
    return filled


def _within(part: str, whole: str) -> bool:
    """Whether period ``part`` is a strict part of period ``whole`` (2025Q1 of 2025)."""
    a, b = period_bounds(part), period_bounds(whole)
    return a is not None and b is not None and a != b and b[0] <= a[0] and a[1] <= b[1]
