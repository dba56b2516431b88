"""When a figure is for: time expressions, and the sections of a work report.

A work report reads like this: a delivery date, then ``一、2017年工作回顾`` (actual figures
for the review year), ``二、2018年工作安排`` (targets for the plan year); in a five-year review,
``“十三五”时期…`` or ``五年来`` switches to the plan period.  Inside a sentence an explicit
time (2018年, 2022年一季度, 明年) overrides the section, unless it is a comparison base
(较“十二五”期末, 比2015年).  News has no sections: a time stated in its lead sentence is the
article's, and with none the period is "unknown".

Everything is found in one pass over the text with linear patterns; lookups are by bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from hycheck import lexicon as lx
from hycheck.numbers import parse_cn_int

_YEAR = r"(?:19|20)\d{2}|[一二〇零][〇零一二三四五六七八九]{3}"
_MONTH = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_QUARTER = "|".join(sorted(map(re.escape, lx.QUARTERS), key=len, reverse=True))
_PLAN = "|".join(sorted(map(re.escape, lx.PLAN_PERIODS), key=len, reverse=True))
_RELATIVE = "|".join(sorted(map(re.escape, lx.RELATIVE_YEARS), key=len, reverse=True))
_MULTIYEAR = "|".join(map(re.escape, lx.MULTIYEAR_CUES))
_TIME_FIRST = "".join(
    sorted(
        set('0123456789一二〇零“"')
        | {w[0] for w in (*lx.RELATIVE_YEARS, *lx.MULTIYEAR_CUES, *lx.QUARTERS, *lx.PLAN_PERIODS)}
    )
)
_TIME = re.compile(
    # the look-ahead lets the engine skip characters that cannot start a time, fast
    rf"(?=[{re.escape(_TIME_FIRST)}])"
    rf"(?:(?P<year>{_YEAR})年(?:度)?"
    rf"(?:(?P<m1>{_MONTH})(?:-|~|至|到)(?P<m2>{_MONTH})月|(?P<quarter>{_QUARTER})"
    rf"|(?P<month>{_MONTH})月(?!\d{{1,2}}日|[一二三四五六七八九十]+日))?"
    rf"|[“\"]?(?P<plan>{_PLAN})[”\"]?(?P<plan_word>时期|期间|以来|规划期|期末|末)?"
    rf"|(?P<relative>{_RELATIVE})(?P<rel_quarter>{_QUARTER})?"
    rf"|(?P<multiyear>{_MULTIYEAR})"
    rf"|(?P<bare_quarter>{_QUARTER}))"
)
_HEADING = re.compile(r"[一二三四五六七八九十]{1,2}、")
_HEADING_BEFORE = frozenset(" \t\r\n\u3000。!?;:")
_TITLE_YEAR = re.compile(rf"({_YEAR})年")
_BASE_BEFORE = tuple(sorted(lx.PERIOD_BASE_CUES, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Mention:
    """A time expression in the text."""

    start: int
    end: int
    period: str  # "" when it cannot be resolved (今年 with no stated date)
    is_base: bool  # a comparison base: 较“十二五”期末, 比2015年
    is_plan_name: bool  # “十三五”规划: a document, not a time
    switches: bool  # “十三五”时期 / 五年来: switches a review section to a plan period


@dataclass(frozen=True, slots=True)
class Section:
    start: int
    period: str  # "" = unknown
    target: bool


def year_of(text: str) -> int | None:
    """``"2017"`` or ``"二〇一七"`` → 2017."""
    if text.isdigit():
        return int(text)
    return parse_cn_int(text)


def _month(text: str) -> int | None:
    value = int(text) if text.isdigit() else parse_cn_int(text)
    return value if value is not None and 1 <= value <= 12 else None


def shift(period: str, years: int) -> str:
    """``shift("2017", -1) == "2016"``; other periods shift their year(s) too."""
    if not period or period == "unknown":
        return period
    if "-" in period and period[4] == "-":
        a, b = period.split("-")
        return f"{int(a) + years}-{int(b) + years}"
    return f"{int(period[:4]) + years}{period[4:]}"


def is_multiyear(period: str) -> bool:
    return len(period) == 9 and period[4] == "-"


class Timeline:
    """The periods and statement kinds of one article, by offset."""

    def __init__(
        self, norm: str, title: str, stated: date | None, sentence_starts: list[int]
    ) -> None:
        self.norm = norm
        self.stated = stated
        self._sentence_starts = sentence_starts
        title_norm = title
        self.is_report = any(cue in title_norm for cue in lx.REPORT_TITLE_CUES)
        self.is_bulletin = "统计公报" in title_norm or "统计公告" in title_norm
        m = _TITLE_YEAR.search(title_norm)
        title_year = year_of(m.group(1)) if m else None
        self.plan_year: int | None = None
        self.review_year: int | None = None
        if self.is_report:
            if title_year is not None:
                self.plan_year = title_year
            elif stated is not None:
                self.plan_year = stated.year + 1 if stated.month >= 10 else stated.year
            if self.plan_year is not None:
                self.review_year = self.plan_year - 1
        elif self.is_bulletin and title_year is not None:
            self.review_year = title_year
        self.mentions = [self._mention(m) for m in _TIME.finditer(norm)]
        self._mention_starts = [mm.start for mm in self.mentions]
        self.sections = self._sections()
        self._section_starts = [s.start for s in self.sections]
        self.lead_period = self._lead_period()

    # -- mentions ---------------------------------------------------------------------------

    def _mention(self, m: re.Match[str]) -> Mention:
        start, end = m.span()
        before = self.norm[max(0, start - 3) : start].rstrip('“"')
        is_base = before.endswith(_BASE_BEFORE)
        g = m.groupdict()
        period = ""
        plan_name = switches = False
        if g["year"]:
            year = year_of(g["year"])
            period = str(year) if year else ""
            if period and g["m1"] and g["m2"]:
                a, b = _month(g["m1"]), _month(g["m2"])
                if a and b and a < b:
                    period += f"M{a:02d}-M{b:02d}"
            elif period and g["quarter"]:
                period += lx.QUARTERS[g["quarter"]]
            elif period and g["month"]:
                month = _month(g["month"])
                period += f"M{month:02d}" if month else ""
        elif g["plan"]:
            period = lx.PLAN_PERIODS[g["plan"]]
            word = g["plan_word"]
            after = self.norm[end : end + 2]
            plan_name = not word and (after.startswith(("规划", "计划", "纲要")) or not after)
            switches = bool(word) and not is_base
            if not word and not plan_name:
                plan_name = True  # a bare “十三五” is a name unless a time word follows
        elif g["relative"]:
            offset = lx.RELATIVE_YEARS[g["relative"]]
            if g["relative"] in ("全年", "当年", "本年"):
                period = "@running"
            elif self.stated is not None:
                period = str(self.stated.year + offset)
            if period and period != "@running" and g["rel_quarter"]:
                period += lx.QUARTERS[g["rel_quarter"]]
        elif g["multiyear"]:
            switches = True
            period = "@multiyear"
        elif g["bare_quarter"]:
            period = "@running" + lx.QUARTERS[g["bare_quarter"]]
        return Mention(start, end, period, is_base, plan_name, switches)

    # -- sections of a report ----------------------------------------------------------------

    def _sections(self) -> list[Section]:
        default = str(self.review_year) if self.review_year is not None else ""
        sections = [Section(0, default, False)]
        if not self.is_report:
            return sections
        for m in _headings(self.norm):
            head = self.norm[m.end() : m.end() + 20]
            review_at = min((head.find(w) for w in lx.REVIEW_HEADINGS if w in head), default=-1)
            plan_at = min((head.find(w) for w in lx.PLAN_HEADINGS if w in head), default=-1)
            if review_at < 0 and plan_at < 0:
                continue
            target = plan_at >= 0 and (review_at < 0 or plan_at < review_at)
            cut = plan_at if target else review_at
            period = self._heading_period(m.end(), m.end() + cut)
            if not period:
                year = self.plan_year if target else self.review_year
                period = str(year) if year is not None else ""
            sections.append(Section(m.start(), period, target))
        # inside a review: “十三五”时期 / 五年来 switch to the plan period until the next heading
        out: list[Section] = []
        for i, section in enumerate(sections):
            out.append(section)
            if section.target:
                continue
            stop = sections[i + 1].start if i + 1 < len(sections) else len(self.norm)
            for mention in self.mentions:
                if section.start < mention.start < stop and mention.switches:
                    period = mention.period
                    if period == "@multiyear":
                        year = self.review_year
                        period = f"{year - 4}-{year}" if year else ""
                    sentence = self._sentence_start(mention.start)
                    out.append(Section(sentence, period, False))
                    break
        return out

    def _heading_period(self, start: int, stop: int) -> str:
        for mention in self.mentions:
            if start <= mention.start < stop and mention.period and not mention.is_base:
                if mention.period.startswith("@"):
                    continue
                return mention.period
        return ""

    def _lead_period(self) -> str:
        """News: an absolute time stated in the lead sentence is the article's period."""
        if self.is_report or self.is_bulletin:
            return ""
        stop = self._sentence_starts[1] if len(self._sentence_starts) > 1 else len(self.norm)
        for mention in self.mentions:
            if mention.start >= stop:
                break
            if mention.period[:1].isdigit() and not mention.is_base and not mention.is_plan_name:
                return mention.period
        return ""

    def _sentence_start(self, pos: int) -> int:
        i = bisect_right(self._sentence_starts, pos) - 1
        return self._sentence_starts[i] if i >= 0 else 0

    # -- queries ------------------------------------------------------------------------------

    def section_at(self, pos: int) -> Section:
        return self.sections[bisect_right(self._section_starts, pos) - 1]

    def period_at(self, pos: int, sentence_start: int, target: bool) -> str:
        """The period of a figure at ``pos`` whose sentence starts at ``sentence_start``."""
        section = self.section_at(pos)
        running = section.period
        i = bisect_right(self._mention_starts, pos) - 1
        stop = max(-1, i - 8)  # look at the last few time expressions only: linear time
        while i > stop and self.mentions[i].start >= sentence_start:
            mention = self.mentions[i]
            i -= 1
            if mention.end > pos or mention.is_base or mention.is_plan_name:
                continue
            period = mention.period
            if period == "@multiyear":
                continue
            if period.startswith("@running"):
                if not running or is_multiyear(running):
                    continue
                period = running[:4] + period[len("@running") :]
            if period:
                return period
        if running:
            return running
        if not target and self.lead_period:
            return self.lead_period
        return "unknown"


def _headings(norm: str) -> list[re.Match[str]]:
    """Numbered headings (一、… 二、…) at the start of the text or after a break or a stop."""
    return [
        m
        for m in _HEADING.finditer(norm)
        if m.start() == 0 or norm[m.start() - 1] in _HEADING_BEFORE
    ]


def heading_starts(norm: str) -> list[int]:
    """Where the numbered headings of a text start: sentence boundaries too."""
    return [m.start() for m in _headings(norm)]
