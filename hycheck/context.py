"""Stage 2b, second half: what each stated quantity means.

``read_figures(article, text, offsets, quantities, vocab)`` turns the quantities that
``hycheck.scan`` found in the article's canonical text into ``Figure`` records: the noun phrase
the number measures (``metric_text``) and its canonical key (``metric``), whether it is a growth
rate and of what (``growth_of``), the period (``hycheck.timeline``), the kind of statement
(预计 → estimate, 力争/目标 → target, 累计 → cumulative), the region, and the sentence to quote.
Offsets are mapped back to the article body, so ``surface == body[start:end]``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from hycheck import lexicon as lx
from hycheck.model import Article, Bound, Figure, Kind
from hycheck.normalize import Compacted
from hycheck.scan import Quantity
from hycheck.timeline import Timeline, heading_starts, is_multiyear, is_part_of_year, shift

EXCERPT = 160
"""Longest quoted sentence; longer sentences are cut around the figure with …."""
CLAUSE_WINDOW = 48
SENTENCE_WINDOW = 600
"""How far back from a number its clause (metric name) and sentence (cue words) are read:
bounded, so that a text with no punctuation costs linear time, not quadratic."""

GROWTH_UNITS = frozenset({"percent", "pp", "ratio"})
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
    words = sorted(keys, key=len, reverse=True)
    return Vocabulary(re.compile("|".join(map(re.escape, words))), keys)


def vocabulary(
    metric_names: Mapping[str, Sequence[str]], excluded: Sequence[str] = ()
) -> Vocabulary:
    """A matcher for ``{"gdp": ["地区生产总值", "GDP", …], …}`` (cached per vocabulary)."""
    items = tuple(sorted((k, tuple(v)) for k, v in metric_names.items()))
    return _vocabulary(items, tuple(sorted(excluded)))


def read_figures(
    article: Article,
    comp: Compacted,
    title: str,
    quantities: Sequence[Quantity],
    vocab: Vocabulary,
) -> list[Figure]:
    """Interpret the quantities found in ``comp.text``, the article's canonical body text;
    ``title`` is the canonical title."""
    if not quantities:
        return []
    text = comp.text
    sentences = sorted(set(_starts(text, lx.SENTENCE_ENDS)).union(heading_starts(text)))
    clauses = sorted(set(_starts(text, lx.CLAUSE_ENDS)).union(sentences))
    timeline = Timeline(text, title, article.stated, article.listed, sentences)
    cues = cue_text(text)
    regions = Regions(text, article.region)
    body = article.body
    out: list[Figure] = []
    previous_level: Figure | None = None
    previous_sentence = -1
    group: list[Figure] = []  # the levels of the last 分别 list of the sentence
    in_clause: list[tuple[int, bool, int]] = []  # (start, growth, end): figures of this clause
    clause_at = -1
    for q in quantities:
        s0 = sentences[bisect_right(sentences, q.start) - 1]
        s1 = _next_start(sentences, q.start, len(text))
        c0 = max(clauses[bisect_right(clauses, q.start) - 1], q.start - CLAUSE_WINDOW)
        if s0 != previous_sentence:
            previous_level, previous_sentence, group = None, s0, []
        if c0 != clause_at:
            in_clause, clause_at = [], c0
        left = text[c0 : q.start]
        growth = _is_growth(text, q)
        named = vocab.find(left)
        metric = "other"
        if named is not None and not _is_part(left, named, q, growth):
            metric = named[2]
        prior = in_clause[-1] if in_clause else (-1, False, -1)
        metric_text = _metric_text(body, comp, c0, q, prior[2], named, prior[0])
        # 财政总收入、一般公共预算收入分别达到1073.6亿元和638.7亿元: the i-th figure after
        # 分别 belongs to the i-th item before it
        items, after = _respectively(text, c0, q.start)
        index = sum(1 for start, g, _ in in_clause if start > after and g == growth)
        if items and index < len(items) and not growth:
            named = vocab.find(items[index])
            metric = named[2] if named is not None else "other"
            metric_text = items[index]
        if metric != "other" and _in_subtotal(text, s0, q.start):
            metric = "other"  # 其中亿元以上项目签约额32亿元: a part of the headline total
        growth_of: str | None = None
        if growth:
            own = not (after >= 0 and not items)  # 分别增长8%和8.5%: no subject of its own
            subject = _growth_subject(body, comp, c0, q, named) if own else None
            source = group[index] if after >= 0 and index < len(group) else previous_level
            if subject is None and source is not None:
                subject = source.metric_text
                metric = source.metric
            growth_of = subject or None
            metric_text = f"{subject}增长" if subject else metric_text
        value = q.value
        if growth and q.unit == "percent" and _declines(text, q.start):
            value = -value
        kind = _kind(cues, max(s0, q.start - SENTENCE_WINDOW), c0, q, timeline)
        period = timeline.period_at(q.start, s0, target=kind is Kind.TARGET)
        if _is_from_value(text, q, s1) and period.isdigit():
            period = shift(period, -1)  # 由90立方米/秒提升到236立方米/秒: 90 is the year before
        if kind is Kind.CUMULATIVE and is_part_of_year(period):
            kind = Kind.ACTUAL  # 1-9月累计: the period's own total
        elif kind is Kind.ACTUAL and is_multiyear(period) and _is_flow(q, growth):
            kind = Kind.CUMULATIVE  # 五年来 … 新改扩建学校20所: summed over the plan period
        start, end = comp.span(q.start, q.end)
        figure = Figure(
            page=article.page,
            doc=article.doc,
            title=article.title,
            start=start,
            end=end,
            surface=body[start:end],
            value=value,
            unit=q.unit,
            metric_text=metric_text,
            metric=metric,
            period=period,
            kind=kind,
            bound=Bound(q.bound),
            growth_of=growth_of,
            region=regions.at(c0, q.start),
            upper=q.upper,
            sentence=_excerpt(body, comp, s0, s1, q),
        )
        out.append(figure)
        in_clause.append((q.start, growth, q.end))
        if not growth:
            previous_level = figure
            if after >= 0:
                if index == 0:
                    group = []
                group.append(figure)
    return out


def _respectively(text: str, c0: int, pos: int) -> tuple[list[str], int]:
    """The items listed before 分别 in the clause, and where 分别 ends; ([], -1) without it."""
    at = text.rfind("分别", c0, pos)
    if at < 0:
        return [], -1
    subject = text[c0:at]
    m = _LEADING_NOISE.match(subject)
    subject = subject[m.end() :] if m else subject
    t = _TRAILING_NOISE.search(subject)
    subject = subject[: t.start()] if t else subject
    items = [item for item in _ITEM_SPLIT.split(subject) if item]
    return (items if len(items) > 1 else []), at + 2


_ITEM_SPLIT = re.compile("[、和及与]")


def _starts(text: str, ends: str) -> list[int]:
    """0 and every position right after one of ``ends``: the starts of sentences or clauses."""
    starts = [0]
    starts.extend(m.end() for m in _delimiters(ends).finditer(text))
    return starts


@lru_cache(maxsize=4)
def _delimiters(ends: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(ends) + "]")


def _next_start(starts: list[int], pos: int, default: int) -> int:
    i = bisect_right(starts, pos)
    return starts[i] if i < len(starts) else default


def _is_growth(text: str, q: Quantity) -> bool:
    if q.unit not in GROWTH_UNITS:
        return False
    if q.idiom or q.unit in ("ratio", "pp"):
        return True
    before = text[max(0, q.start - 6) : q.start].rstrip("了为达到\n")
    if before.endswith(lx.GROWTH_BEFORE):
        return True
    return text.startswith(lx.GROWTH_AFTER, q.end)


def _declines(text: str, start: int) -> bool:
    before = text[max(0, start - 6) : start].rstrip("了为\n")
    return before.endswith(lx.DECLINE_CUES)


def _is_part(left: str, named: tuple[int, int, str], q: Quantity, growth: bool) -> bool:
    """When the metric named in the clause is not what the figure measures: a share of it
    (占地区生产总值比重), a part of it (其中…), or a noun it only qualifies (固定资产投资项目)."""
    gap = left[named[1] :]
    before = left[max(0, named[0] - 4) : named[0]]
    if any(cue in gap for cue in lx.SHARE_CUES) or before.endswith(("占", "占全")):
        return True
    if any(word in before for word in lx.NARROWING_BEFORE):
        return True
    if not growth and q.unit in ("percent", "permille"):
        return True  # a level written as a percent after a metric name is a rate or share
    return any(word in gap for word in _QUALIFIED_NOUNS)


_QUALIFIED_NOUNS = ("项目", "企业", "的", "中", "单位", "主体", "工程", "重点")


_LEADING_NOISE = re.compile(
    r"^(?:[\s”\"'(]|其中|同时|全年|今年|去年|明年|当年|一年来|五年来|新的一年|全区|我区|全市"
    r"|预计|力争|确保|争取|努力|计划|已|共|实现|完成|达到|累计|新增加|较上年|比上年|同比|环比"
    r"|年均|平均|分别|同口径|按可比口径|可比口径|按可比价格计算|扣除价格因素"
    r"|(?:19|20)\d{2}年(?:[一二三四]季度|上半年|下半年|\d{1,2}-\d{1,2}月)?)+"
)
_LIST_JOINERS = frozenset("、,和及与并且")
_TRAILING_NOISE = re.compile(
    r"(?:[\s“”\"'(]|达到|达|为|实现|完成|突破|超过|超|过|近|约|共|合计|总计|累计|增长|增幅|增速"
    r"|提高|提升|降低|下降|减少|保持|均|已|到|至|由|从|给予|分别|是|迈上|迈入|跨入|跻身|形成|成为"
    r"|预计|力争|确保|有望)+$"
)


def _in_subtotal(text: str, s0: int, pos: int) -> bool:
    """Whether 其中 stands before ``pos`` in its sentence, with no ; in between."""
    part = text[max(s0, pos - SENTENCE_WINDOW) : pos]
    part = part[part.rfind(";") + 1 :]
    return any(cue in part for cue in lx.SUBTOTAL_CUES)


def _metric_text(
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
    t = _TRAILING_NOISE.search(left, lead)
    stop = t.start() if t else len(left)
    a, b = begin + lead, begin + stop
    if a >= b and after > c0:
        if named is not None:
            return _cut(body, comp, c0 + named[0], c0 + named[1])
        # 由90立方米/秒提升到236立方米/秒: the subject stands before the first figure
        return _metric_text(body, comp, c0, replace(q, start=before), -1, None)
    if q.unit in lx.COUNT_UNITS and (b - a <= 2 or text[b - 1 : b] == "等"):
        # 改造4家定点医院: the noun follows the counter
        right = q.end
        limit = min(len(text), q.end + 24)
        while right < limit and text[right] not in lx.CLAUSE_ENDS + "、和及与等":
            right += 1
        return (_cut(body, comp, a, b) + _cut(body, comp, q.end, right)).strip()
    return _cut(body, comp, a, b).strip()


def _cut(body: str, comp: Compacted, start: int, end: int) -> str:
    a, b = comp.span(start, end)
    return body[a:b]


def _growth_subject(
    body: str, comp: Compacted, c0: int, q: Quantity, named: tuple[int, int, str] | None
) -> str | None:
    """居民人均可支配收入增长9% → 居民人均可支配收入; 增长7% alone → None (inherit)."""
    left = comp.text[c0 : q.start]
    for cue in _GROWTH_CUES_LONGEST:
        i = left.rfind(cue)
        if i > 0:
            m = _LEADING_NOISE.match(left[:i])
            lead = m.end() if m else 0
            t = _TRAILING_NOISE.search(left[:i], lead)
            stop = t.start() if t else i
            subject = _cut(body, comp, c0 + lead, c0 + stop).strip()
            if not subject or any(ch.isdigit() for ch in subject):
                return None  # 同比下降22.4%按可比口径同比增长5.7%: no subject of its own
            return subject
    if named is not None:
        return _cut(body, comp, c0 + named[0], c0 + named[1])
    return _metric_text(body, comp, c0, q) or None


_GROWTH_CUES_LONGEST = sorted(lx.GROWTH_BEFORE, key=len, reverse=True)


def _kind(cues: str, s0: int, c0: int, q: Quantity, timeline: Timeline) -> Kind:
    """预计 → estimate; 力争/目标是 (and, outside a report's review, 计划/确保) → target;
    累计 in the clause → cumulative; else actual.  ``cues`` is the text with quoted names and
    phrases such as 计划总投资 masked (see ``cue_text``)."""
    if _ESTIMATE.search(cues, s0, q.start):
        return Kind.ESTIMATE
    section = timeline.section_at(q.start)
    if section.target or _TARGET.search(cues, s0, q.start):
        return Kind.TARGET
    in_review = timeline.is_report and not section.target
    if not in_review and _WEAK_TARGET.search(cues, s0, q.start):
        return Kind.TARGET
    if cues.startswith(lx.TARGET_AFTER, q.end) or cues.startswith(lx.TARGET_AFTER, q.end + 1):
        return Kind.TARGET  # 提前完成区200亿招商引资任务 (after 亿 the unit is implied)
    if _CUMULATIVE.search(cues, c0, q.start):
        return Kind.CUMULATIVE
    return Kind.ACTUAL


def _alternatives(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


_ESTIMATE = _alternatives(lx.ESTIMATE_CUES)
_TARGET = _alternatives(lx.TARGET_CUES)
_WEAK_TARGET = _alternatives(lx.WEAK_TARGET_CUES)
_CUMULATIVE = _alternatives(lx.CUMULATIVE_CUES)
_NOT_TARGET = _alternatives(lx.NOT_TARGET_CUES)


def cue_text(text: str) -> str:
    """The text cue words are looked for in, same length: quoted names blanked (“千人计划”
    is not a plan) and phrases that hold a cue but are none (计划总投资) masked.

    >>> cue_text("引进“千人计划”专家10名,计划总投资5亿元")
    '引进“□□□□”专家10名,□□□□□5亿元'
    """
    return _NOT_TARGET.sub(_blank, _QUOTED.sub(_blank_inside, text))


_QUOTED = re.compile(
    "|".join(
        f"{re.escape(a)}[^{re.escape(b)}]{{1,{lx.QUOTE_MAX}}}{re.escape(b)}"
        for a, b in lx.QUOTE_PAIRS.items()
    )
)


def _blank(m: re.Match[str]) -> str:
    return "□" * (m.end() - m.start())


def _blank_inside(m: re.Match[str]) -> str:
    quoted = m.group()
    return quoted[0] + "□" * (len(quoted) - 2) + quoted[-1]


def _is_flow(q: Quantity, growth: bool) -> bool:
    """A count or amount that adds up over years (not a level, share, multiple or bound)."""
    return not growth and q.unit not in GROWTH_UNITS and q.bound in ("eq", "approx")


def _is_from_value(text: str, q: Quantity, s1: int) -> bool:
    """由90立方米/秒提升到236立方米/秒: the first value of a from-to pair."""
    if text[q.start - 1 : q.start] not in ("由", "从"):
        return False
    after = text[q.end : min(s1, q.end + 12)]
    return any(word in after for word in ("到", "至", "提高", "提升", "增加", "增长", "下降"))


def _excerpt(body: str, comp: Compacted, s0: int, s1: int, q: Quantity) -> str:
    a, b = comp.span(s0, s1)
    start, end = comp.span(q.start, q.end)
    text = body[a:b].strip()
    if len(text) <= EXCERPT:
        return " ".join(text.split())
    half = (EXCERPT - (end - start)) // 2
    lo = max(a, start - half)
    hi = min(b, end + half)
    inner = " ".join(body[lo:hi].split())
    return ("…" if lo > a else "") + inner + ("…" if hi < b else "")


class Regions:
    """The region each clause of an article is about."""

    def __init__(self, text: str, article_region: str) -> None:
        from hycheck.gazetteer import ancestors

        self.text = text
        self.region = article_region
        self._wider = {p.level: p.name for p in ancestors(article_region)}

    def at(self, c0: int, pos: int) -> str:
        """The region of the clause [c0, pos): the first place it names as its subject, else
        the article's.  全区/我区 is the article's region, 全市/全省/全国 its city, province or
        country; a place after 占/比/在 is a comparison base (占全省45%), not the subject."""
        from hycheck.gazetteer import find_places

        clause = self.text[c0:pos]
        found = [
            (start, end, place.name)
            for start, end, place in find_places(clause)
            if place.level != "country"  # 中国 mostly starts a name (中国电建集团); 全国 counts
        ]
        found.extend((m.start(), m.end(), m.group()) for m in _RELATIVE_PLACES.finditer(clause))
        found.sort()
        i = 0
        while i < len(found):
            start, end, name = found[i]
            i += 1
            if clause[max(0, start - 2) : start].endswith(lx.DENOMINATOR_CUES):
                continue
            if name in lx.SELF_REGION_WORDS:
                return self.region
            level = lx.PARENT_REGION_WORDS.get(name)
            if level is not None:
                return self._wider.get(level, self.region)
            # 武汉市汉阳区: a chain of places names its last, most specific member
            while i < len(found) and found[i][0] == end:
                end, name = found[i][1], found[i][2]
                i += 1
            return name
        return self.region


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
