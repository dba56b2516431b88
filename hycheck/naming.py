"""What a figure measures: its metric (from the vocabulary of the expectation files), the
noun phrase as written, what a growth rate is the growth of, and the region it is about.

Pure functions on an article's canonical text (``hycheck.normalize``), used by
``hycheck.context``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from hycheck import lexicon as lx
from hycheck._words import longest_word_pattern
from hycheck.gazetteer import ancestors, find_places, level_of, names_a_place, unnamed_part
from hycheck.normalize import Compacted
from hycheck.scan import Quantity

_EXCLUDED = "\0"  # the key of a phrase that contains a metric name but is not the metric


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Metric names → canonical keys, matched longest first (from the expectation files)."""

    pattern: re.Pattern[str] | None
    keys: Mapping[str, str]

    def find(self, text: str) -> tuple[int, int, str] | None:
        """The name that ends last in ``text`` (the one nearest a number after it); an
        excluded phrase (城镇居民人均可支配收入 for 居民人均可支配收入) gives key "other"."""
        if self.pattern is None:
            return None
        best: tuple[int, int, str] | None = None
        for m in self.pattern.finditer(text):
            if best is None or m.end() >= best[1]:
                key = self.keys[m.group()]
                best = (m.start(), m.end(), "other" if key == _EXCLUDED else key)
        return best


@lru_cache(maxsize=16)
def _vocabulary(
    items: tuple[tuple[str, tuple[str, ...]], ...], excluded: tuple[str, ...]
) -> Vocabulary:
    keys = {name: key for key, names in items for name in names}
    keys.update(dict.fromkeys(excluded, _EXCLUDED))
    if not keys:
        return Vocabulary(None, {})
    return Vocabulary(re.compile(longest_word_pattern(keys)), keys)


def vocabulary(
    metric_names: Mapping[str, Sequence[str]], excluded: Sequence[str] = ()
) -> Vocabulary:
    """A matcher for ``{"gdp": ["地区生产总值", "GDP", …], …}`` (cached per vocabulary)."""
    items = tuple(sorted((k, tuple(v)) for k, v in metric_names.items()))
    return _vocabulary(items, tuple(sorted(excluded)))


def respectively(text: str, c0: int, pos: int) -> tuple[list[str], int, bool]:
    """The items listed before 分别 in the clause, where 分别 ends (or -1 without it), and
    whether a list of from values stands between them (生产总值和财政收入由20亿元和3亿元分别
    增加到29亿元和5亿元: the values after 分别 are the to values)."""
    at = text.rfind("分别", c0, pos)
    if at < 0:
        return [], -1, False
    subject = text[c0:at]
    opened = max(subject.rfind(word) for word in lx.FROM_WORDS)
    # (a 由 or 从 that opens a value, perhaps after its time: not 从化区, 自由贸易试验区)
    from_values = opened > 0 and _OPENS_VALUE.match(subject, opened + 1) is not None
    return listed_items(text, c0, c0 + opened if from_values else at), at + 2, from_values


def listed_items(text: str, start: int, end: int) -> list[str]:
    """The items of a list of names in text[start:end] (生产总值、财政收入), or [] for one."""
    subject = text[start:end]
    m = _LEADING_NOISE.match(subject)
    subject = subject[m.end() :] if m else subject
    subject = subject[: _tail_start(subject, 0)]
    items = [item for item in _ITEM_SPLIT.split(subject) if item]
    if len(items) < 2 or any(_VALUE.match(item) for item in items):
        return []  # one name, or values (20亿元和3亿元分别增加到…, its 由 on the line before)
    return items


_VALUE = re.compile(r"[\d.]+[十百千万亿]*[元%个家人户项]")
"""An item that is a value (20亿元), not a name that starts with a digit (3A级景区, 5G基站)."""


_OPENS_VALUE = re.compile(r"[^\d,;。、和与及\n]{0,8}?\d")


_ITEM_SPLIT = re.compile("[、和及与]")


def is_part(left: str, named: tuple[int, int, str], q: Quantity, growth: bool) -> bool:
    """When the metric named in the clause is not what the figure measures: a share of it
    (占地区生产总值比重), a part of it (其中…), or a noun it only qualifies (固定资产投资项目)."""
    gap = left[named[1] :]
    before = left[max(0, named[0] - 4) : named[0]]
    before = _SELF_WORDS.sub("", before)  # 全乡GDP达2.92亿元: 乡 narrows nothing there
    if any(cue in gap for cue in lx.SHARE_CUES) or before.endswith(("占", "占全")):
        return True
    narrowing = [word for word in lx.NARROWING_BEFORE if word in before]
    spot = _SPOT.search(before)
    # 全县各A级景区共接待游客, 所有景区: all the spots, the whole (scenic words only: 所有乡镇
    # 地区生产总值均超过10亿元 is each township's)
    all_spots = (narrowing or spot is not None) and any(
        word in left[max(0, named[0] - _ALL_REACH) : named[0]] for word in lx.ALL_OF
    )
    if narrowing and not (all_spots and all(word in lx.SCENIC_NARROWING for word in narrowing)):
        return True
    if spot is not None and not all_spots:
        return True  # 五凤古镇接待游客: a spot's visitors (not 古城区, a place)
    if not growth and q.unit in ("percent", "permille"):
        return True  # a level written as a percent after a metric name is a rate or share
    if "的" in gap:
        gap = YEARS_OF.sub("", gap)  # 生产总值从2010年的671.1亿元: 的 of a year, no qualifier
    return any(word in gap for word in _QUALIFIED_NOUNS)


_ALL_REACH = 10
"""How far before a metric name 各/所有 may stand to make its scenic words all of them."""

YEARS_OF = re.compile(r"(?:19|20)\d\d年(?:底|末)?的?")
"""A year that says of when a value is (从2010年的671.1亿元): no word of its name."""


_SPOT = re.compile(
    f"(?:{'|'.join(map(re.escape, lx.SCENIC_NOUNS))})(?![{''.join(lx.PLACE_ENDINGS)}])"
)
"""A scenic noun (古镇) that does not start a place's name (古城区)."""


_SELF_WORDS = re.compile(longest_word_pattern(lx.SELF_REGION_WORDS))
_QUALIFIED_NOUNS = ("项目", "企业", "的", "中", "单位", "主体", "工程", "重点")


_LEADING_NOISE = re.compile(
    r"^(?:[\s”\"'(]|"
    + "|".join(map(re.escape, sorted(lx.PHRASE_LEAD_WORDS, key=len, reverse=True)))
    + r"|(?:19|20)\d{2}年(?:[一二三四]季度|上半年|下半年|\d{1,2}-\d{1,2}月)?的?)+"
)
"""Anchored and never followed by anything that could fail: no backtracking."""

_KEPT_AFTER = {word: frozenset(chars) for word, chars in lx.TAIL_WORD_KEPT_AFTER.items()}
_LIST_JOINERS = frozenset("、,和及与并且")
_TAIL_WORDS: dict[str, tuple[str, ...]] = {}  # by last character, longest first
for _w in sorted(lx.PHRASE_TAIL_WORDS, key=len, reverse=True):
    _TAIL_WORDS[_w[-1]] = (*_TAIL_WORDS.get(_w[-1], ()), _w)
_TAIL_CHARS = frozenset(" \t\n“”\"'(")


def _tail_start(text: str, lead: int, end: int | None = None) -> int:
    """Where the noise at the end of text[lead:end] begins (达到, 为, 2011年 …), found from the
    right one word at a time: linear, where a regex ``(?:达到|达|…)+$`` backtracks."""
    e = len(text) if end is None else end
    while e > lead:
        if text[e - 1] in _TAIL_CHARS:
            e -= 1
            continue
        for word in _TAIL_WORDS.get(text[e - 1], ()):  # a loop: no generator per step
            if text.endswith(word, lead, e):
                if (
                    word in _KEPT_AFTER
                    and e - len(word) > lead
                    and text[e - len(word) - 1] in _KEPT_AFTER[word]
                ):
                    return e  # 签约 of 此次签约: a word, not 约 (about) before a figure
                e -= len(word)
                break
        else:
            if e - lead >= 5 and text[e - 1] == "年" and text[e - 5 : e - 1].isdigit():
                e -= 5  # a year: 增至2011年
            else:
                break
    return e


def subtotal_start(text: str, s0: int, pos: int) -> int:
    """Where 其中 stands before ``pos`` in its sentence (from ``s0``) with no ; between, or
    -1.  其中: with a colon opens a list of parts that runs on across ; (其中:新签项目…到位资金
    9.2亿;续建项目…到位资金124.5亿元)."""
    for cue in _SUBTOTAL_LISTS:
        at = text.rfind(cue, s0, pos)
        if at >= 0:
            return at
    cut = max(s0, text.rfind(";", s0, pos) + 1)
    return max(text.rfind(cue, cut, pos) for cue in lx.SUBTOTAL_CUES)


_SUBTOTAL_LISTS = tuple(cue + ":" for cue in lx.SUBTOTAL_CUES)


def metric_phrase(
    body: str,
    comp: Compacted,
    c0: int,
    q: Quantity,
    after: int = -1,
    named: tuple[int, int, str] | None = None,
    before: int = -1,
) -> str:
    """The noun phrase the number measures, as written: 新增商务楼宇面积, 引进“千人计划”专家.

    ``after`` is the end of an earlier figure in the clause: the phrase starts after it
    (地区生产总值增长7.2%、突破千亿元 → the name 地区生产总值 when nothing stands between)."""
    text = comp.text
    begin = max(c0, after)
    while begin < q.start and text[begin] in _LIST_JOINERS:
        begin += 1
    left = text[begin : q.start]
    m = _LEADING_NOISE.match(left)
    lead = m.end() if m else 0
    stop = _tail_start(left, lead)
    a, b = begin + lead, begin + stop
    if a >= b and after > c0:
        if named is not None:
            return cut(body, comp, c0 + named[0], c0 + named[1])
        # 由90立方米/秒提升到236立方米/秒: the subject stands before the first figure
        return metric_phrase(body, comp, c0, q._replace(start=before), -1, None)
    if q.unit in lx.COUNT_UNITS and (b - a <= 2 or text[b - 1 : b] == "等"):
        # 改造4家定点医院: the noun follows the counter
        right = q.end
        limit = min(len(text), q.end + 24)
        while right < limit and text[right] not in _NOUN_ENDS:
            right += 1
        return (cut(body, comp, a, b) + cut(body, comp, q.end, right)).strip()
    return cut(body, comp, a, b).strip()


_NOUN_ENDS = frozenset(lx.CLAUSE_ENDS + "、和及与等")
"""Where the noun after a counter ends (改造4家定点医院,)."""


def cut(body: str, comp: Compacted, start: int, end: int) -> str:
    a, b = comp.span(start, end)
    return body[a:b]


def growth_subject(
    body: str, comp: Compacted, c0: int, q: Quantity, named: tuple[int, int, str] | None
) -> str | None:
    """居民人均可支配收入增长9% → 居民人均可支配收入; 增长7% alone → None (inherit)."""
    left = comp.text[c0 : q.start]
    # the cue nearest the figure (同比增加1.3万人,增长5.0%: 增长, not 增加)
    i = max(left.rfind(cue) for cue in _GROWTH_CUES_LONGEST)
    if i > 0:
        m = _LEADING_NOISE.match(left[:i])
        lead = m.end() if m else 0
        compared = _COMPARISON.search(left, 0, i)  # 可比增长, 比上年同期增长: no subject
        stop = _tail_start(left, lead, max(lead, compared.start()) if compared else i)
        subject = _unqualified(cut(body, comp, c0 + lead, c0 + stop).strip(" ,、"))
        if not subject or any(ch.isdigit() for ch in subject):
            return None  # 同比下降22.4%按可比口径同比增长5.7%: no subject of its own
        return subject
    if named is not None:
        return cut(body, comp, c0 + named[0], c0 + named[1])
    # 雨水抽排能力是“十二五”期末的2.6倍: the subject stands before 是/较/比
    m = _COMPARED.search(left)
    if m is None or m.start() == 0:
        return None  # 是“十一五”末的1.6倍: no subject of its own
    return metric_phrase(body, comp, c0, q._replace(start=c0 + m.start())) or None


def _unqualified(subject: str) -> str:
    """A rate's subject without the words that say how it was computed (…收入实际 → …收入),
    or "" when it is only such words or a condition (同期, 扣除价格因素实际, 按人民币计)."""
    while subject.endswith(lx.RATE_QUALIFIER_ENDS):
        subject = subject[: -next(len(w) for w in lx.RATE_QUALIFIER_ENDS if subject.endswith(w))]
    return "" if subject.startswith(lx.RATE_QUALIFIER_STARTS) else subject


_COMPARED = re.compile("是|较|比")
_COMPARISON = re.compile(
    "|".join(map(re.escape, lx.COMPARISON_OPENERS)) + "|(?:比|较)(?![重例率值])"
)
"""Where a comparison begins in front of a growth cue (可比, 按可比口径, 比上年同期, 较去年)."""


_GROWTH_CUES_LONGEST = sorted(lx.GROWTH_BEFORE, key=len, reverse=True)


class Regions:
    """The region each clause of an article is about."""

    def __init__(self, text: str, article_region: str) -> None:
        self.text = text
        self.region = article_region
        self._wider = {p.level: p.name for p in ancestors(article_region)}
        self._clause: tuple[int, int, list[tuple[int, int, str]]] = (-1, -1, [])

    def at(self, c0: int, pos: int) -> str:
        """The region of the clause [c0, pos): the first place it names as its subject, else
        the article's.  全区/我区 is the article's region, 全市/全省/全国 its city, province or
        country; a place after 占/比/高于 is a comparison base (占全省45%), not the subject."""
        named = self.named(c0, pos)
        return self.region if named is None else named

    def named(self, c0: int, pos: int) -> str | None:
        """The region the clause [c0, pos) names as its subject (see ``at``), or None."""
        if _RELATIVE_PLACES.search(self.text, c0, pos) is None and not names_a_place(
            self.text, c0, pos
        ):
            return None  # most clauses name no place: answered without listing them
        clause = self.text[c0:pos]
        found = self._places(c0, pos)
        i = 0
        while i < len(found):
            start, end, name = found[i]
            i += 1
            if clause[max(0, start - 2) : start].endswith(lx.DENOMINATOR_CUES) and not (
                clause.startswith(lx.PLAN_WORDS_AFTER_PLACE, end)  # 低于全省目标15%: its own
            ):
                continue
            if name in lx.SELF_REGION_WORDS:
                return self._own(name)
            level = lx.PARENT_REGION_WORDS.get(name)
            if level is not None:
                return self._wider.get(level, self.region)
            # 武汉市汉阳区: a chain of places names its last, most specific member
            while i < len(found) and found[i][0] == end:
                end, name = found[i][1], found[i][2]
                i += 1
            return name
        return None

    def _own(self, word: str) -> str:
        """The region 全区/全县 speak of: the article's, unless the article's region is a
        wider one that is no 区 or 县 itself (全县 in an article of 安徽省, 全区 in one of
        铜陵市: some county or district of it that the text does not name, 安徽省/全县, at the
        district level; 全镇/全乡 give a town, whose level is unknown: no level's range)."""
        if word.endswith(("乡", "镇")):  # 全乡GDP in a county's article: a township of it
            if self.region and not self.region.endswith(("乡", "镇")):
                return unnamed_part(self.region, word)
            return self.region
        if level_of(self.region) in _WIDER_THAN_DISTRICT and not self.region.endswith(("区", "县")):
            return unnamed_part(self.region, word)
        return self.region

    def _places(self, c0: int, pos: int) -> list[tuple[int, int, str]]:
        """The places named in [c0, pos), offsets relative to ``c0`` (remembered for the
        next figure of the same clause)."""
        start, stop, found = self._clause
        if (start, stop) != (c0, pos):
            window = self.text[c0:pos]
            found = [
                (a, b, place.name)
                for a, b, place in find_places(window)
                if place.level != "country"  # 中国 mostly starts a name (中国电建); 全国 counts
            ]
            found.extend((m.start(), m.end(), m.group()) for m in _RELATIVE_PLACES.finditer(window))
            found.sort()
            self._clause = (c0, pos, found)
        return found


_WIDER_THAN_DISTRICT = frozenset({"city", "province", "country"})
_RELATIVE_PLACES = re.compile(
    "|".join(map(re.escape, (*lx.SELF_REGION_WORDS, *lx.PARENT_REGION_WORDS)))
)


def subject_region(clause: str, article_region: str) -> str:
    """The region a clause is about (see ``Regions.at``).

    >>> subject_region("武汉市大健康产业总产值已占全省", "汉阳区")
    '武汉市'
    >>> subject_region("全区工业经济总量在全市占比突破", "汉阳区")
    '汉阳区'
    >>> subject_region("全市新增就业", "汉阳区")
    '武汉市'
    """
    return Regions(clause, article_region).at(0, len(clause))
