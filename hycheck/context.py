"""Stage 2b, second half: what each stated quantity means.

``read_figures(article, norm, quantities, vocabulary)`` turns the quantities that
``hycheck.scan`` found into ``Figure`` records: the noun phrase the number measures
(``metric_text``) and its canonical key (``metric``), whether it is a growth rate and of what
(``growth_of``), the period (``hycheck.timeline``), the kind of statement (预计 → estimate,
力争/确保/目标 → target, 累计 → cumulative) and the region, plus the sentence to quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from hycheck import lexicon as lx
from hycheck.model import Article, Bound, Figure, Kind
from hycheck.scan import Quantity
from hycheck.timeline import Timeline, heading_starts, is_multiyear, shift

EXCERPT = 160
"""Longest quoted sentence; longer sentences are cut around the figure with …."""
CLAUSE_WINDOW = 48
SENTENCE_WINDOW = 240
"""How far back from a number its clause (metric name) and sentence (cue words) are read:
bounded, so that a text with no punctuation costs linear time, not quadratic."""

GROWTH_UNITS = frozenset({"percent", "pp", "ratio"})


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Metric names → canonical keys, matched longest first (from the expectation files)."""

    pattern: re.Pattern[str] | None
    keys: Mapping[str, str]

    def find(self, text: str) -> tuple[int, int, str] | None:
        """The name that ends last in ``text`` (the one nearest a number after it)."""
        if self.pattern is None:
            return None
        best: tuple[int, int, str] | None = None
        for m in self.pattern.finditer(text):
            if best is None or m.end() >= best[1]:
                best = (m.start(), m.end(), self.keys[m.group()])
        return best


@lru_cache(maxsize=16)
def _vocabulary(items: tuple[tuple[str, tuple[str, ...]], ...]) -> Vocabulary:
    keys = {name: key for key, names in items for name in names}
    if not keys:
        return Vocabulary(None, {})
    words = sorted(keys, key=len, reverse=True)
    return Vocabulary(re.compile("|".join(map(re.escape, words))), keys)


def vocabulary(metric_names: Mapping[str, Sequence[str]]) -> Vocabulary:
    """A matcher for ``{"gdp": ["地区生产总值", "GDP", …], …}`` (cached per vocabulary)."""
    items = tuple(sorted((k, tuple(v)) for k, v in metric_names.items()))
    return _vocabulary(items)


def subject_region(clause: str, article_region: str) -> str:
    """The region a clause is about: the first place it names as its subject, else the
    article's.  全区/我区 is the article's region, 全市/全省/全国 its city, province or country;
    a place after 占/比/在 is a comparison base (占全省45%), not the subject.

    >>> subject_region("武汉市大健康产业总产值已占全省", "汉阳区")
    '武汉市'
    >>> subject_region("全区工业经济总量在全市占比突破", "汉阳区")
    '汉阳区'
    """
    from hycheck.gazetteer import ancestors, find_places

    candidates: list[tuple[int, int, str]] = []
    for start, end, place in find_places(clause):
        if place.level != "country":  # 中国 mostly starts a name (中国电建集团); 全国 counts
            candidates.append((start, end, place.name))
    for word in (*lx.SELF_REGION_WORDS, *lx.PARENT_REGION_WORDS):
        i = clause.find(word)
        if i >= 0:
            candidates.append((i, i + len(word), word))
    for start, end, name in sorted(candidates):
        if clause[max(0, start - 2) : start].endswith(lx.DENOMINATOR_CUES):
            continue
        if name in lx.SELF_REGION_WORDS:
            return article_region
        level = lx.PARENT_REGION_WORDS.get(name)
        if level is not None:
            wider = [p.name for p in ancestors(article_region) if p.level == level]
            return wider[0] if wider else article_region
        # 武汉市汉阳区: a chain of places names its last, most specific member
        chain_end, chosen = end, name
        for s2, e2, n2 in sorted(candidates):
            if s2 == chain_end:
                chain_end, chosen = e2, n2
        return chosen
    return article_region




def read_figures(
    article: Article,
    norm: str,
    quantities: Sequence[Quantity],
    vocab: Vocabulary,
) -> list[Figure]:
    """Interpret the quantities of one article (``norm`` is its normalised body)."""
    if not quantities:
        return []
    sentences = _starts(norm, lx.SENTENCE_ENDS)
    sentences = sorted(set(sentences).union(heading_starts(norm)))
    clauses = sorted(set(_starts(norm, lx.CLAUSE_ENDS)).union(sentences))
    timeline = Timeline(norm, article.title, article.stated, sentences)
    body = article.body
    cues = mask_quotes(norm)
    out: list[Figure] = []
    previous_level: Figure | None = None
    previous_sentence = -1
    for q in quantities:
        s0 = sentences[bisect_right(sentences, q.start) - 1]
        s1 = _next_start(sentences, q.start, len(norm))
        c0 = max(clauses[bisect_right(clauses, q.start) - 1], q.start - CLAUSE_WINDOW)
        if s0 != previous_sentence:
            previous_level, previous_sentence = None, s0
        left = norm[c0 : q.start]
        growth = _is_growth(norm, q)
        named = vocab.find(left)
        metric = "other"
        metric_text = _metric_text(body, norm, c0, q)
        growth_of: str | None = None
        if named is not None and not _is_share(left, named, q, growth):
            metric = named[2]
        if growth:
            subject = _growth_subject(body, norm, c0, q, named)
            if subject is None and previous_level is not None:
                subject = previous_level.metric_text
                metric = previous_level.metric
            growth_of = subject or None
            metric_text = f"{subject}增长" if subject else metric_text
        value = q.value
        if growth and q.unit == "percent" and _declines(norm, q.start):
            value = -value
        kind = _kind(cues, max(s0, q.start - SENTENCE_WINDOW), c0, q, timeline)
        period = timeline.period_at(q.start, s0, target=kind is Kind.TARGET)
        if _is_from_value(norm, q, s1) and period.isdigit():
            period = shift(period, -1)  # 由90立方米/秒提升到236立方米/秒: 90 is the year before
        if kind is Kind.ACTUAL and is_multiyear(period) and _is_flow(q, growth):
            kind = Kind.CUMULATIVE  # 五年来 … 新改扩建学校20所: summed over the plan period
        region = subject_region(norm[c0 : q.start], article.region)
        figure = Figure(
            page=article.page,
            doc=article.doc,
            title=article.title,
            start=q.start,
            end=q.end,
            surface=body[q.start : q.end],
            value=value,
            unit=q.unit,
            metric_text=metric_text,
            metric=metric,
            period=period,
            kind=kind,
            bound=Bound(q.bound),
            growth_of=growth_of,
            region=region,
            upper=q.upper,
            sentence=_excerpt(body, s0, s1, q),
        )
        out.append(figure)
        if not growth:
            previous_level = figure
    return out


def _starts(norm: str, ends: str) -> list[int]:
    """0 and every position right after one of ``ends``: the starts of sentences or clauses."""
    starts = [0]
    starts.extend(m.end() for m in _delimiters(ends).finditer(norm))
    return starts


@lru_cache(maxsize=4)
def _delimiters(ends: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(ends) + "]")


def _next_start(starts: list[int], pos: int, default: int) -> int:
    i = bisect_right(starts, pos)
    return starts[i] if i < len(starts) else default


def _is_growth(norm: str, q: Quantity) -> bool:
    if q.unit not in GROWTH_UNITS:
        return False
    if q.idiom or q.unit in ("ratio", "pp"):
        return True
    before = norm[max(0, q.start - 6) : q.start].rstrip("了为达到")
    if before.endswith(lx.GROWTH_BEFORE):
        return True
    return norm.startswith(lx.GROWTH_AFTER, q.end)


def _declines(norm: str, start: int) -> bool:
    before = norm[max(0, start - 6) : start].rstrip("了为")
    return before.endswith(lx.DECLINE_CUES)


def _is_share(left: str, named: tuple[int, int, str], q: Quantity, growth: bool) -> bool:
    """占地区生产总值比重突破40%: the name is a denominator, the figure a share."""
    gap = left[named[1] :]
    before = left[max(0, named[0] - 2) : named[0]]
    if any(cue in gap for cue in lx.SHARE_CUES) or before.endswith(("占", "占全")):
        return True
    if not growth and q.unit in ("percent", "permille"):
        return True  # a level written as a percent after a metric name is a rate or share
    # 固定资产投资项目30个: the name only qualifies another noun
    return any(word in gap for word in _QUALIFIED_NOUNS)


_QUALIFIED_NOUNS = ("项目", "企业", "的", "中", "单位", "主体", "人员", "工程", "重点")


_LEADING_NOISE = re.compile(
    r"^(?:[\s“”\"'(]|其中|同时|全年|今年|去年|明年|当年|一年来|五年来|新的一年|全区|我区|全市"
    r"|预计|力争|确保|争取|努力|计划|已|共|实现|完成|达到|累计|新增加|较上年|比上年|同比"
    r"|(?:19|20)\d{2}年(?:[一二三四]季度|上半年|下半年|\d{1,2}-\d{1,2}月)?)+"
)
_TRAILING_NOISE = re.compile(
    r"(?:[\s“”\"'(]|达到|达|为|实现|完成|突破|超过|超|过|近|约|共|合计|总计|增长|增幅|增速"
    r"|提高|提升|降低|下降|减少|保持|均|已|到|至|由|从|给予|分别|是)+$"
)


def _metric_text(body: str, norm: str, c0: int, q: Quantity) -> str:
    """The noun phrase the number measures, as written: 新增商务楼宇面积, 引进“千人计划”专家."""
    left = norm[c0 : q.start]
    m = _LEADING_NOISE.match(left)
    lead = m.end() if m else 0
    t = _TRAILING_NOISE.search(left, lead)
    stop = t.start() if t else len(left)
    phrase = body[c0 + lead : c0 + stop]
    if len(phrase) <= 2 and q.unit in lx.COUNT_UNITS:
        # 改造4家定点医院: the noun follows the counter
        right_end = q.end
        limit = min(len(norm), q.end + 24)
        while right_end < limit and norm[right_end] not in lx.CLAUSE_ENDS + "、和及与等":
            right_end += 1
        phrase = phrase + body[q.end : right_end]
    return phrase.strip()


def _growth_subject(
    body: str, norm: str, c0: int, q: Quantity, named: tuple[int, int, str] | None
) -> str | None:
    """居民人均可支配收入增长9% → 居民人均可支配收入; 增长7% alone → None (inherit)."""
    left = norm[c0 : q.start]
    for cue in sorted(lx.GROWTH_BEFORE, key=len, reverse=True):
        i = left.rfind(cue)
        if i > 0:
            m = _LEADING_NOISE.match(left[:i])
            lead = m.end() if m else 0
            t = _TRAILING_NOISE.search(left[:i], lead)
            stop = t.start() if t else i
            subject = body[c0 + lead : c0 + stop].strip()
            return subject or None
    if named is not None:
        return body[c0 + named[0] : c0 + named[1]]
    text = _metric_text(body, norm, c0, q)
    return text or None


def _kind(cues: str, s0: int, c0: int, q: Quantity, timeline: Timeline) -> Kind:
    """预计 → estimate; 力争/目标是 (and, outside a report's review, 计划/确保) → target;
    累计 in the clause → cumulative; else actual.  ``cues`` is the text with quotes masked."""
    sentence_before = cues[s0 : q.start]
    if any(cue in sentence_before for cue in lx.ESTIMATE_CUES):
        return Kind.ESTIMATE
    section = timeline.section_at(q.start)
    if section.target or any(cue in sentence_before for cue in lx.TARGET_CUES):
        return Kind.TARGET
    in_review = timeline.is_report and not section.target
    if not in_review and any(cue in sentence_before for cue in lx.WEAK_TARGET_CUES):
        return Kind.TARGET
    if any(cue in cues[c0 : q.start] for cue in lx.CUMULATIVE_CUES):
        return Kind.CUMULATIVE
    return Kind.ACTUAL


def mask_quotes(norm: str) -> str:
    """The text with the inside of short quotes blanked (“千人计划” → “□□□□”), same length.

    >>> mask_quotes("引进“千人计划”专家10名")
    '引进“□□□□”专家10名'
    """
    return _QUOTED.sub(_blank, norm)


_QUOTED = re.compile(
    "|".join(
        f"(?<={re.escape(a)})[^{re.escape(b)}]{{1,{lx.QUOTE_MAX}}}(?={re.escape(b)})"
        for a, b in lx.QUOTE_PAIRS.items()
    )
)


def _blank(m: re.Match[str]) -> str:
    return "□" * (m.end() - m.start())


def _is_flow(q: Quantity, growth: bool) -> bool:
    """A count or amount that adds up over years (not a level, share, multiple or bound)."""
    return not growth and q.unit not in GROWTH_UNITS and q.bound in ("eq", "approx")


def _is_from_value(norm: str, q: Quantity, s1: int) -> bool:
    """由90立方米/秒提升到236立方米/秒: the first value of a from-to pair."""
    if norm[q.start - 1 : q.start] not in ("由", "从"):
        return False
    after = norm[q.end : min(s1, q.end + 12)]
    return any(word in after for word in ("到", "至", "提高", "提升", "增加", "增长", "下降"))


def _excerpt(body: str, s0: int, s1: int, q: Quantity) -> str:
    text = body[s0:s1].strip()
    if len(text) <= EXCERPT:
        return text
    half = (EXCERPT - (q.end - q.start)) // 2
    a = max(s0, q.start - half)
    b = min(s1, q.end + half)
    return ("…" if a > s0 else "") + body[a:b].strip() + ("…" if b < s1 else "")
