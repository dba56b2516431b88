"""Stage 2b, second half: what each stated quantity means.

``read_figures(article, comp, title, quantities, vocab)`` turns the quantities that
``hycheck.scan`` found in the article's canonical text into ``Figure`` records: what the number
measures (``hycheck.naming``), the period (``hycheck.timeline``), the kind of statement
(预计 → estimate, 力争/目标 → target, 累计 → cumulative), and the sentence to quote.  Offsets
are mapped back to the article body, so ``surface == body[start:end]``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from hycheck import lexicon as lx
from hycheck._words import HAN
from hycheck.cues import (
    GROWTH_UNITS,
    Cues,
    adds_up,
    cue_text,
    done_since,
    governing_estimate,
    is_stated_target,
    share_cue,
    statement_kind,
)
from hycheck.model import Article, Bound, Figure, Kind, new_figure
from hycheck.naming import (
    YEARS_OF,
    Regions,
    Vocabulary,
    cut,
    growth_subject,
    is_part,
    listed_items,
    metric_phrase,
    respectively,
    subtotal_start,
)
from hycheck.normalize import Compacted
from hycheck.numbers import parse_cn_int
from hycheck.periods import end_year, is_multiyear, is_part_of_year, month_period, shift
from hycheck.scan import Quantity
from hycheck.tables import Cell
from hycheck.timeline import Timeline, headings

EXCERPT = 160
"""Longest quoted sentence; longer sentences are cut around the figure with …."""
CLAUSE_WINDOW = 48
SENTENCE_WINDOW = 600
"""How far back from a number its clause (metric name) and sentence (cue words) are read:
bounded, so that a text with no punctuation costs linear time, not quadratic."""


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
    return _Reader(article, comp, title, quantities, vocab).figures()


class _Name(NamedTuple):
    """What the clause before a figure names (see ``_Reader._name``)."""

    named: tuple[int, int, str] | None  # the metric name found, relative to the clause
    metric: str
    text: str  # the phrase as written
    items: list[str]  # the items of a 分别 list before the figure
    after: int  # where its 分别 ends, or -1
    place: int  # the figure's place after 分别
    paired: bool  # 城乡…分别: two figures of one name
    prior_end: int  # the end of the figure before in the clause, or -1
    pair: int = 0  # in a from-to list after 分别: 1 a from value, 2 a to value


class _Sentence:
    """What the figures read so far said, for the figures after them in the sentence."""

    __slots__ = (
        "first_figure",
        "first_level_at",
        "first_level_at_before",
        "group",
        "levels",
        "previous_amount",
        "previous_change",
        "previous_level",
        "start",
    )

    def __init__(self, start: int, first_figure: int, before: _Sentence | None = None) -> None:
        self.start = start
        self.first_figure = first_figure
        # metric → offset of the first level of the sentence before, if it had levels: the
        # total that a sentence opening with 其中 lists the parts of
        self.first_level_at_before = (
            before.first_level_at if before is not None and before.levels else None
        )
        self.levels: list[tuple[int, Figure]] = []  # (offset, figure) of its levels
        self.first_level_at: dict[str, int] = {}  # metric → offset of its first level
        self.previous_level: Figure | None = None  # the last level
        # the last level that is an amount: not a share (完成年度任务的35.48%) or a task
        self.previous_amount: Figure | None = None
        self.group: list[Figure] = []  # the levels of the last 分别 list
        # (phrase, metric) of the level the last change is of: 生产总值比上年增加8亿元,增长7%
        self.previous_change: tuple[str, str] | None = None

    def add_level(
        self, q: Quantity, figure: Figure, amount: bool, listed: bool, first: bool
    ) -> None:
        """Figure ``q`` is a level: an amount (not a share or a task) or not, the ``first`` of
        a 分别 list or a later item (``listed``) or neither."""
        self.previous_level = figure
        if amount:
            self.previous_amount = figure
        self.levels.append((q.start, figure))
        self.first_level_at.setdefault(figure.metric, q.start)
        if listed:
            if first:
                self.group = []
            self.group.append(figure)

    def holds_part(self, metric: str, part_from: int) -> bool:
        """Whether a figure of ``metric`` after 其中 at ``part_from`` (>= 0) is a part of a
        total: no total stated before 其中, or one of the same metric."""
        if self.first_level_at_before is not None and part_from - self.start <= _OPENS_WITH:
            # 财政总收入178625万元。其中:地方一般预算收入123307万元: the sentence before's total
            # (another metric's, so this is a headline of its own)
            return metric in self.first_level_at_before
        return (
            not self.levels
            or self.levels[0][0] >= part_from
            or self.first_level_at.get(metric, part_from) < part_from
        )


_CUMULATIVE = Kind.CUMULATIVE
_OPENS_WITH = 2
"""How far into its sentence 其中 may stand to open it (after a space or a line break)."""


class _Reader:
    """Reads the quantities of one article in order, keeping what the sentence said so far."""

    def __init__(
        self,
        article: Article,
        comp: Compacted,
        title: str,
        quantities: Sequence[Quantity],
        vocab: Vocabulary,
    ) -> None:
        self.article = article
        self.comp = comp
        self.text = text = comp.text
        self.quantities = quantities
        self.vocab = vocab
        numbered = headings(text)
        self.sentences, self.clauses = _sentences_and_clauses(text, [a for a, _ in numbered])
        self.timeline = Timeline(
            text, title, article.stated, article.listed, self.sentences, numbered
        )
        self.cues = Cues(cue_text(text))
        self.regions = Regions(text, article.region)
        self._same_below = _same_below(text)
        self._respectively = "分别" in text  # most texts have no 分别 list to look for
        self._starts = [q.start for q in quantities]
        # most texts tell nothing of what projects will yield once they run (达产后)
        self._completions = any(cue in text for cue in lx.ON_COMPLETION_CUES)

    def figures(self) -> list[Figure]:
        text, body, comp = self.text, self.article.body, self.comp
        page, doc, title = self.article.page, self.article.doc, self.article.title
        out: list[Figure] = []
        sentence = _Sentence(-1, -1)
        in_clause: list[tuple[int, bool, int]] = []  # (start, growth, end) in this clause
        clause_at = -1
        excerpt_at = (-1, -1)
        sentence_span = (0, 0)
        shared: str | None = None
        sentences, clauses = self.sentences, self.clauses
        region_named = self.regions.named  # bound once, called once a figure
        rate: tuple[int, Figure] | None = None  # (its end, figure) when a rate came last
        article_region = self.regions.region
        for n, q in enumerate(self.quantities):
            i = bisect_right(sentences, q.start)
            s0 = sentences[i - 1]
            s1 = sentences[i] if i < len(sentences) else len(text)  # the next sentence's start
            clause_start = clauses[bisect_right(clauses, q.start) - 1]
            c0 = max(clause_start, q.start - CLAUSE_WINDOW)
            if s0 != sentence.start:
                sentence = _Sentence(s0, q.start, sentence)
            if clause_start != clause_at:  # the clause, not the reading window, which slides
                in_clause, clause_at = [], clause_start
            growth = _is_growth(text, q)
            name = self._name(q, s0, c0, clause_start, growth, in_clause, sentence)
            # 比上年减少862公顷, 同比增加1.3万人: an amount that says by how much a level changed
            # (not 减少5000吨碳排放: what was cut, whose noun follows)
            change = (
                None
                if growth or q.unit in GROWTH_UNITS or text[q.end : q.end + 1] not in _AFTER_CHANGE
                else _CHANGE.search(text, c0, q.start)
            )
            metric, metric_text, growth_of, source = self._subject(
                n, q, c0, clause_start, growth, change, name, sentence
            )
            if (
                metric == "other"
                and metric_text in _SIGNED_TOTAL_NAMES
                and q.unit in _MONEY_UNITS
                and change is None
                and self._signed_total(s0, q.start)
            ):
                # 新洲区一次签下7个项目,投资总额达146.5亿元: the total of what was signed
                metric = lx.SIGNED_METRIC
            if (
                rate is not None
                and not growth
                and metric == "other"
                and q.unit == rate[1].unit
                and text[clause_start : q.start] in lx.STRETCH_OPENERS
                and text[rate[0] : clause_start] in lx.CLAUSE_ENDS
                # (not 争取8%的预期目标未能完成, 争取70%以上用于民生)
                and text[q.end : q.end + 1] in _STRETCH_END
            ):
                # 地区生产总值增长10%,力争11.5%: the stretch target of the rate before
                before = rate[1]
                metric, metric_text, growth_of = before.metric, before.metric_text, before.growth_of
                growth = True
            # 年均增长10.5%: a yearly average over the years in view, and its text says so
            yearly = growth and self.cues.any("yearly", max(c0, q.start - 8), q.start)
            if yearly and growth_of:
                metric_text = f"{growth_of}{lx.YEARLY_CUES[0]}增长"
            value, upper, bound = _signed(
                q,
                _declines(text, q.start, q.unit)
                if growth and q.cell is None  # a cell's change is signed as written
                else change is not None and change.group(1) in lx.DECREASE_VERBS,
            )
            kind, period = self._when(q, s0, s1, c0, growth, yearly, name, n, sentence.first_figure)
            task = kind is Kind.TARGET and not growth and is_stated_target(self.cues.text, q)
            amount = sentence.previous_amount
            if task and metric == "other" and amount and amount.unit == q.unit:
                metric = amount.metric  # 到位资金71.15亿元,完成考核目标61亿元的117%
            start, end = comp.span(q.start, q.end)
            if (s0, s1) != excerpt_at:  # figures of one short sentence share its excerpt
                excerpt_at = (s0, s1)
                sentence_span = comp.span(s0, s1)
                shared = None
            if shared is None or sentence_span[1] - sentence_span[0] > EXCERPT:
                shared = _excerpt(body, *sentence_span, start, end)
            region = region_named(c0, q.start)
            if region is None:
                # 全乡生产总值2.92亿元,增长10%: a rate whose clause names no place is of the
                # place of its level
                region = source.region if source is not None else article_region
            # positional, in the order of Figure's fields (tests/test_extract_speedups.py
            # checks it): a call with 17 keywords costs a third more
            figure = new_figure(
                page,
                doc,
                title,
                start,
                end,
                body[start:end],  # surface
                value,
                q.unit,
                metric_text,
                metric,
                period,
                kind,
                bound,
                growth_of,
                region,
                upper,
                shared,  # sentence
            )
            out.append(figure)
            rate = (q.end, figure) if growth else None
            in_clause.append((q.start, growth, q.end))
            if not growth and change is None:  # a change is no level of the sentence
                # not a share (完成年度任务的35.48%) or a task
                amount_too = not (task or q.unit in _SHARE_UNITS)
                sentence.add_level(q, figure, amount_too, name.after >= 0, name.place == 0)
        return out

    def _name(
        self,
        q: Quantity,
        s0: int,
        c0: int,
        clause_start: int,
        growth: bool,
        in_clause: list[tuple[int, bool, int]],
        sentence: _Sentence,
    ) -> _Name:
        """What the clause before the figure names: the metric name (``named``, relative to
        ``c0``), its key and the phrase as written, and where the figure stands in a 分别 list
        (``items`` before 分别, ``after`` its end, the figure's ``place``)."""
        text, body, comp, find = self.text, self.article.body, self.comp, self.vocab.find
        left = text[c0 : q.start]
        named = first_named = find(left)
        metric = "other"
        if named is not None and not is_part(left, named, q, growth):
            metric = named[2]
        prior = in_clause[-1] if in_clause else (-1, False, -1)
        if (
            named is not None
            and c0 + named[1] <= prior[2]
            and (not growth or self._subject_after(q, prior[2]) is not None)
        ):
            # (a rate: when it names what grew, 规上工业产值增幅13%、工业技改投资增幅20%)
            named, metric = self._own_name(q, c0, prior, left, named, metric)
        metric_text = metric_phrase(body, comp, c0, q, prior[2], named, prior[0])
        if (
            named is None
            and not growth
            and not metric_text
            and clause_start > s0
            and q.unit not in _SHARE_UNITS  # 完成全年计划的32.5%: a share of no one's name
        ):
            # 本区生产总值跨越三百亿元台阶,预计2011年达到316亿元: the subject is the
            # previous clause's
            before = self.clauses[bisect_right(self.clauses, clause_start - 1) - 1]
            previous = text[max(before, s0) : clause_start]
            inherited = find(previous)
            # (not from 固定资产投资项目141个,其中5千万以上的67个: the name of no figure)
            if inherited is not None and not is_part(previous, inherited, q, growth):
                # 城乡…人均可支配收入分别增长12%和13%,分别达43366元和13835元: two of one name
                paired_before = _paired(text, max(before, s0) + inherited[0])
                metric = "other" if paired_before else inherited[2]
                metric_text = cut(body, comp, max(before, s0) + inherited[0],
                                  max(before, s0) + inherited[1])  # fmt: skip
            elif (
                (last := sentence.previous_amount) is not None
                and last.unit == q.unit
                and last.metric != "other"
                and sentence.levels[-1][1] is last
                and sentence.levels[-1][0] >= before  # in the clause right before
                and self._read_last(q, sentence.levels[-1][0])
            ):
                # 公共财政预算收入在2011年突破10亿元的基础上,2015年又突破20亿元大关,达21.5
                # 亿元: a value of no name of its own goes on with the amount before it
                metric, metric_text = last.metric, last.metric_text
        # 财政总收入、一般公共预算收入分别达到1073.6亿元和638.7亿元: the i-th figure after 分别
        # belongs to the i-th item before it
        # from the clause's start (a list may be longer than the reading window), bounded
        items, after, from_before = respectively(
            text, max(clause_start, q.start - SENTENCE_WINDOW), q.start
        )
        index = _place_after(in_clause, after, growth) if after >= 0 else 0
        # 城乡居民人均可支配收入分别达28336元和13632元 (分别增长4.8%、7.2%): the urban and the
        # rural figure, neither of them the headline
        paired = after >= 0 and not items and named is not None and _paired(text, c0 + named[0])
        pair = 2 if from_before and not growth else 0
        shape = (
            _from_to_shape(text, after)
            if after >= 0 and not growth and text[after : after + 1] in lx.FROM_WORDS
            else 0
        )
        if shape == _PAIRS:
            index //= 2  # 分别由120亿元增加到185亿元、由8.5亿元增加到12.3亿元: pair by pair
        elif shape == _LISTS:
            # 生产总值、财政收入分别由120亿元、8.5亿元增加到185亿元、12.3亿元: the i-th value
            # of each list is of the i-th item (城乡…: of two), the first list the year before
            pair = 2 if _CHANGE_TO.search(text, after, q.start) else 1
            # (the to values of 城乡…: named before the from values)
            paired = paired or (
                not items and first_named is not None and _paired(text, c0 + first_named[0])
            )
            count = len(items) or 2 * paired
            if pair == 2 and count <= index < 2 * count:
                index -= count
            if paired:  # the list's own phrase, up to its 分别
                phrase = sentence.group[0].metric_text if sentence.group else metric_text
                metric_text = phrase.partition("分别")[0] or phrase
        if (
            after < 0
            and not growth
            and self._respectively
            and (listed := self._from_list(q, c0, in_clause))
        ):
            items, index = listed  # 生产总值和财政收入由20亿元和3亿元分别增加到: the i-th's
        if items and index < len(items) and not growth:
            named = find(items[index])
            metric = named[2] if named is not None else "other"
            metric_text = items[index]
            if any(len(item) == 1 for item in items):
                metric = "other"  # 城、乡居民人均可支配收入分别为22694元、9527元
        part_from = (
            subtotal_start(text, max(s0, q.start - SENTENCE_WINDOW), q.start)
            if metric != "other"
            else -1
        )
        if part_from >= 0 and sentence.holds_part(metric, part_from):
            # 其中亿元以上项目签约额32亿元: a part of the headline total (but 财政收入38.74亿元,
            # 其中地方级收入26.5亿元 is a headline of its own inside another total)
            metric = "other"
        if paired:
            metric = "other"
        return _Name(named, metric, metric_text, items, after, index, paired, prior[2], pair)

    def _subject(
        self,
        n: int,
        q: Quantity,
        c0: int,
        clause_start: int,
        growth: bool,
        change: re.Match[str] | None,
        name: _Name,
        sentence: _Sentence,
    ) -> tuple[str, str, str | None, Figure | None]:
        """(metric, metric_text, growth_of, the level it is of) of figure ``n``: a table
        cell's row and column, a growth rate's or a change's level, else what its clause
        names."""
        metric, metric_text = name.metric, name.text
        if q.cell is not None:
            metric, metric_text = self._cell_name(q.cell, q)
            if q.cell.change:  # 生产总值 | 295.4 | 7.7 | under 比上年增长(%): its growth
                return metric, metric_text, cut(self.article.body, self.comp, *q.cell.label), None
        growth_of: str | None = None
        source: Figure | None = None
        if growth:
            metric, growth_of, source = self._grown(n, q, c0, clause_start, name, sentence)
            metric_text = f"{growth_of}增长" if growth_of else metric_text
        elif change is not None:
            # the change of a level is no level of the metric: its own key is other
            level_metric, growth_of, source = self._grown(n, q, c0, clause_start, name, sentence)
            if growth_of is None and name.text and not name.text.endswith(change.group(1)):
                growth_of = name.text  # 城镇人口分别减少4万人和5万人: the first item
            if growth_of:
                sentence.previous_change = (growth_of, level_metric)
            metric = "other"
            metric_text = f"{growth_of}{change.group(1)}" if growth_of else metric_text
        if q.unit == "pp" and not (growth_of or metric_text).endswith("率"):
            # 增速回落41.9个百分点, 高于全市2.9个百分点: a gap between two rates, not a
            # value of the metric (its phrase and growth_of still say whose rate); but
            # 城镇化率提高1.2个百分点 is the rate's own change
            metric = "other"
        return metric, metric_text, growth_of, source

    def _cell_name(self, cell: Cell, q: Quantity) -> tuple[str, str]:
        """The metric and the phrase of a table cell: its row's label and its column's name
        (全县户籍总人口 under 年末数 → 全县户籍总人口年末数); the label's metric for a level,
        and for a rate (城镇化率); a share column (比重(%)) is of no metric."""
        label = self.text[cell.label[0] : cell.label[1]]
        named = self.vocab.find(label)
        metric = named[2] if named is not None else "other"
        if q.unit in GROWTH_UNITS and not label.endswith("率") and not cell.change:
            metric = "other"
        body, comp = self.article.body, self.comp
        return metric, cut(body, comp, *cell.label) + cut(body, comp, *cell.header)

    def _subject_after(self, q: Quantity, prior_end: int) -> str | None:
        """What a rate says grew between the figure before it, when a list separator ends
        that, and itself (、工业技改投资增幅); not after 亿元以上, a part of the name."""
        start = prior_end
        while start < q.start and self.text[start] in _LIST_GAP:
            start += 1
        if start == prior_end:
            return None
        subject = growth_subject(self.article.body, self.comp, start, q, None)
        return subject if subject and HAN.search(subject) else None

    def _grown(
        self, n: int, q: Quantity, c0: int, clause_start: int, name: _Name, sentence: _Sentence
    ) -> tuple[str, str | None, Figure | None]:
        """The metric and ``growth_of`` of growth rate ``n``: its own subject (居民人均可支配收入
        增长9%), else the i-th level of a 分别 list, else the last level of the sentence; and
        that level, when the rate is of one."""
        items, after, index = name.items, name.after, name.place
        if (
            items
            and index + 1 + self._listed_after(n) == len(items)
            and not any(len(item) == 1 or _DIGITS.search(item) for item in items)
            and not _shares_a_head(items)
        ):
            # 规上工业增加值、固定资产投资分别增长8%、10%: the i-th rate is of the i-th item,
            # when there are as many rates as items (not 石油及制品类、汽车类零售额分别增长
            # 16.6%、7.8%: two names, three pieces; not 城、乡居民人均可支配收入: one name)
            named = self.vocab.find(items[index])
            return (named[2] if named is not None else "other"), items[index], None
        # 分别增长8%和8.5%: no subject of its own, unless a paired one
        own = name.paired or not (after >= 0 and not items)
        if not own:
            subject = None
        else:
            # 规上工业产值增幅13%以上、工业技改投资增幅20%以上: a subject of its own after the
            # figure before it, else the clause's (城乡居民人均可支配收入分别增长8%、9%)
            subject = None
            if name.prior_end > c0:
                subject = self._subject_after(q, name.prior_end)
            if subject is None:
                subject = growth_subject(self.article.body, self.comp, c0, q, name.named)
        last = sentence.previous_amount if q.unit == "percent" else sentence.previous_level
        last = last or sentence.previous_level  # 研发经费投入强度达到2.5%,增长12%
        group = sentence.group
        source = group[index] if after >= 0 and index < len(group) else last
        listed = None if items else self._list_source(n, sentence.levels, clause_start)
        metric = name.metric
        level = None
        if listed is not None:
            subject, metric, level = listed.metric_text, listed.metric, listed
        elif subject is None and source is not None:
            subject, metric, level = source.metric_text, source.metric, source
        elif subject is None and sentence.previous_change is not None:
            subject, metric = sentence.previous_change  # 比上年增加8亿元,增长7%: of 生产总值
        return ("other" if name.paired else metric), (subject or None), level

    def _when(
        self,
        q: Quantity,
        s0: int,
        s1: int,
        c0: int,
        growth: bool,
        yearly: bool,
        name: _Name,
        n: int,
        first_in_sentence: int,
    ) -> tuple[Kind, str]:
        """The kind of statement and the period of the figure (``yearly``: a yearly average
        growth rate, 年均增长)."""
        text, cues, timeline = self.text, self.cues, self.timeline
        after, index, pair = name.after, name.place, name.pair
        window = max(s0, q.start - SENTENCE_WINDOW)
        kind = statement_kind(cues, window, c0, q, timeline)
        estimate = governing_estimate(cues, window, q, first_in_sentence)
        if estimate is not None and not (kind is Kind.CUMULATIVE and estimate[0] < c0):
            kind_if_not, kind = kind, Kind.ESTIMATE
        else:
            kind_if_not, estimate = kind, None
        same_below = kind is Kind.ACTUAL and self._estimated_above(q.start)
        if same_below:
            kind = Kind.ESTIMATE
        # a task stated beside its outcome (21家(任务数18家)) is for the same period
        stated_target = kind is Kind.TARGET and is_stated_target(cues.text, q)
        period = timeline.period_at(q.start, s0, target=kind is Kind.TARGET and not stated_target)
        kind, period = self._in_section(q, s0, window, kind, period, same_below)
        if stated_target and is_part_of_year(period) and not _own_part(text, q.start):
            # 1-6月…完成年度目标任务589亿元的37.22%, 1到10月…完成州政府下达任务数132.63亿元
            # 的90.8%: a task is set for the year unless its own words name a part of it
            period = period[:4]
        # the span of years of the sentence (2016年至2018年), looked up only for the figures
        # it can be of: the items of a 分别 list, yearly averages
        if after >= 0 and not growth and (span := timeline.span_at(q.start, s0)):
            # 2016年至2018年,分别完成国内生产总值236.3亿元、314.5亿元、365亿元
            size = self._group_size(n, after, c0)
            first, last = int(span[:4]), int(span[5:])
            if size == last - first + 1 and index < size:
                period = str(first + index)
        if yearly:
            base = timeline.base_at(q.start, s0)  # 年均增长: over the years of the sentence
            section = timeline.section_at(q.start)  # or of the review it stands in
            review = section.span or section.period
            if span := timeline.span_at(q.start, s0):
                period = span
            elif base is not None and period.isdigit() and int(period) > base + 1:
                period = f"{base + 1}-{period}"
            elif is_multiyear(review) and period.isdigit() and end_year(review) == int(period):
                period = review  # 五年来…2021年,实现生产总值288.7亿元,年均增长5.1%
        elif growth and period.isdigit():
            # 比2006年增长85.7%: from the base year on, also past the reading window for the
            # later items of a list (较2015年分别增长26.8%、12%、0.6%和25.9%)
            clause = self.clauses[bisect_right(self.clauses, q.start) - 1]
            base = timeline.base_at(q.start, clause)
            if base is not None and int(period) > base + 1:
                period = f"{base + 1}-{period}"
            elif q.unit == "ratio" and (years := _years_before(text, q.start)) > 1:
                period = f"{int(period) - years + 1}-{period}"  # 五年翻一番: over those years
        base_period = "" if growth else timeline.base_value_period(q.start, s0)
        from_value = pair == 1 or (
            n > 0
            and text[self.quantities[n - 1].end : q.start] in _LIST_JOINS
            and self._in_from_list(n, s1)
        )
        if (
            _is_from_value(text, q, s1)
            or (from_value and not base_period and not _dated_from(text, q.start))
        ) and period.isdigit():
            period = shift(period, -1)  # 由90立方米/秒提升到236立方米/秒: 90 is the year before
        elif base_period:
            period = _as_of(period, base_period)  # 较2016年的1556万人次: the base year's
        elif not growth and len(period) == 9 and is_multiyear(period) and kind is not _CUMULATIVE:
            # 五年来,生产总值由156.3亿元增加到338亿元 (2012-2016): the year before the span,
            # and its last year up to the one reviewed; not a sum over it
            if from_value or (_opens_from(text, q.start) and _changes_after(text, q, s1)):
                period = str(int(period[:4]) - 1)
            elif pair == 2 or self._is_to_value(n):
                last = int(period[5:])
                period = str(min(last, timeline.review_year or last))
        if estimate is not None:
            year = estimate[1] or timeline.review_year
            ends = end_year(period)
            if ends is not None and year is not None and ends < year:
                kind = kind_if_not  # 从2006年的19.8亿元增至(预计)2011年的48.6亿元: a base value
            elif estimate[1] and not estimate[2] and ends != estimate[1]:
                kind = kind_if_not
        if (
            self._completions
            and kind is not Kind.TARGET
            and (cue := self._on_completion(window, q.start)) >= 0
        ):
            # 待7个新签项目达产后,预计年总产值将达300亿元,新增就业岗位3万个: what they will
            # yield, no time stated unless the cue's clause, or a short one before it, names
            # one (到2020年,项目全部建成后; not 今年招商洽谈会上…,预计…达产后)
            at = bisect_right(self.clauses, cue) - 1
            own, before = self.clauses[at], self.clauses[max(0, at - 1)]
            start = before if own - before <= _TIME_CLAUSE else own
            named = timeline.names_time(q.start, max(s0, start))
            return Kind.ESTIMATE, period if named else "unknown"
        if kind is Kind.CUMULATIVE and (
            is_part_of_year(period)
            or cues.any("to_date", s0, q.start)
            or timeline.names_part_of_year(q.start, s0)
        ):
            kind = Kind.ACTUAL  # 1-9月累计, 今年以来累计: the period's own total
            if _CUT_OFF_MONTH.fullmatch(period) and _to_date_of_month(text, s0, c0, q.start):
                # 截至3月底累计完成投资1.96亿元: the months from January to that one
                period = month_period(int(period[:4]), 1, int(period[5:]))
        elif kind is Kind.ACTUAL and is_multiyear(period) and adds_up(q, growth, cues, c0):
            kind = Kind.CUMULATIVE  # 五年来 … 新改扩建学校20所: summed over the plan period
        return kind, period

    def _estimated_above(self, pos: int) -> bool:
        """Whether a 预计(下同) of the section stands before ``pos`` (预计(下同)全区实现地区生产
        总值267亿元;…: 预计 for the rest of its section)."""
        if not self._same_below:
            return False  # the common case: no 预计(下同) in the text
        i = bisect_right(self._same_below, pos) - 1
        section_at = self.timeline.section_at
        return i >= 0 and section_at(self._same_below[i]) is section_at(pos)

    def _in_section(
        self, q: Quantity, s0: int, window: int, kind: Kind, period: str, same_below: bool
    ) -> tuple[Kind, str]:
        """Kind and period as the report's section reads them: 累计 over the span its heading
        names, a 预计(下同) that leaves earlier years final, the planned year's plans."""
        timeline = self.timeline
        if kind is Kind.CUMULATIVE:
            section = timeline.section_at(q.start)
            if section.span and period == section.period:
                period = section.span  # 一、2015年和“十二五”时期工作回顾 … 累计完成…900亿元
        if same_below and (ends := end_year(period)) and ends < (timeline.review_year or ends):
            kind = Kind.ACTUAL  # 预计(下同)…。2011年全区城镇居民人均可支配收入1.8万元: final
        if (
            timeline.is_report
            and kind is Kind.ACTUAL
            and period.isdigit()
            and int(period) == timeline.plan_year
            and self.text[s0 : s0 + 8].lstrip().startswith(period + "年")
            and self.cues.any("plan", window, q.start)
            and not done_since(self.cues, window, q)
        ):
            kind = Kind.TARGET  # 2013年,五莲县计划招引20个以上过亿项目: the year it plans
        return kind, period

    def _from_list(
        self, q: Quantity, c0: int, in_clause: list[tuple[int, bool, int]]
    ) -> tuple[list[str], int] | None:
        """(the items, the figure's place) of a value in a list of from values that 分别
        follows (生产总值和财政收入由20亿元和3亿元分别增加到29亿元和5亿元: 3亿元, the second)."""
        text = self.text
        if text.find("分别", q.end, q.end + _FROM_LIST_SPAN) < 0:
            return None  # the common case
        start, place = q.start, 0
        for k in range(len(in_clause) - 1, max(-1, len(in_clause) - _FROM_LIST_REACH), -1):
            if _opens_from(text, start):
                break
            p_start, p_growth, p_end = in_clause[k]
            if p_growth or text[p_end:start] not in _LIST_JOINS:
                return None
            start, place = p_start, place + 1
        if not _opens_from(text, start):
            return None
        opened = max(text.rfind(word, c0, start) for word in lx.FROM_WORDS)
        if opened < 0:
            return None  # (由 before the reading window: 由\n20亿元)
        items = listed_items(text, c0, opened)
        return (items, place) if items else None

    def _signed_total(self, s0: int, pos: int) -> bool:
        """Whether the sentence before ``pos`` signs a number of projects, all of them (共签约
        项目58个, 一次签下7个项目): not a part (其中, 亿元以上项目) or a mix with projects
        started (集中签约、开工项目共73个)."""
        text = self.text
        # within its statement (a ; starts another), a bounded reach back: linear time
        s0 = max(s0, pos - _SIGNED_REACH)
        s0 = max(s0, text.rfind(";", s0, pos) + 1)
        signed = max(text.rfind(cue, s0, pos) for cue in lx.SIGNING_CUES)
        if signed < 0:
            return False
        between = text[signed:pos]
        return (
            _PROJECT_COUNT.search(between) is not None
            and not any(word in between for word in lx.NOT_ALL_SIGNED)
            and subtotal_start(text, s0, pos) < 0
        )

    def _read_last(self, q: Quantity, at: int) -> bool:
        """Whether the quantity at ``at`` is the one read right before ``q`` (no share or
        rate between: 增长8%,民生支出占财政支出的80%,达到20亿元 is not of the amount)."""
        i = bisect_left(self._starts, q.start)
        return i > 0 and self._starts[i - 1] == at

    def _on_completion(self, window: int, pos: int) -> int:
        """Where a cue of what projects will yield once they run (达产后, 投产后) stands that
        governs the figure at ``pos``, or -1: within its statement (up to a ;), no sign that
        it is done (当年, 已, 累计: 项目投产后当年实现产值2亿元 reports an outcome)."""
        text, cues = self.text, self.cues
        start = max(window, text.rfind(";", window, pos))
        found = cues.last("on_completion", start, pos, 1)
        if not found:
            return -1
        tail = text[max(start, found[0][0] - _DONE_REACH) : pos]
        return -1 if any(word in tail for word in lx.DONE_MARKERS) else found[0][0]

    def _listed_after(self, n: int) -> int:
        """How many values the list of quantity ``n`` has after it (8%、10%和12%: 2 after
        the first); a bounded count."""
        text, quantities = self.text, self.quantities
        count = 0
        for k in range(n + 1, min(len(quantities), n + _LIST_REACH)):
            if text[quantities[k - 1].end : quantities[k].start] not in _LIST_JOINS:
                break
            count += 1
        return count

    def _in_from_list(self, n: int, s1: int) -> bool:
        """Whether quantity ``n`` is a later value of a list that 由 or 从 opens and a change
        follows (由20亿元和3亿元分别增加到: 3亿元); a few values back at most."""
        text, quantities = self.text, self.quantities
        q = quantities[n]
        if not _changes_after(text, q, s1):
            return False
        for k in range(n - 1, max(-1, n - _FROM_LIST_REACH), -1):
            if text[quantities[k].end : quantities[k + 1].start] not in _LIST_JOINS:
                return False
            if _opens_from(text, quantities[k].start):
                return True
        return False

    def _is_to_value(self, n: int) -> bool:
        """Whether quantity ``n`` is the second value of a from-to pair (由156.3亿元增加到338
        亿元, 由12.6亿元,增加到27.7亿元): a verb of change and 到 or 至 right before it, and
        the value right before opened by 由 or 从."""
        if n == 0:
            return False
        text, q, p = self.text, self.quantities[n], self.quantities[n - 1]
        if (
            n >= 2
            and text.find("(", self.quantities[n - 2].end, p.start) >= 0
            and text.find(")", p.end, q.start) >= 0
        ):
            p = self.quantities[n - 2]  # 由3亿元(占生产总值的6%)增加到12亿元: the one before
        before = YEARS_OF.sub("", text[max(p.end, q.start - _FROM_REACH) : q.start]).rstrip()
        before = before[before.rfind(")") + 1 :]
        return (
            before.endswith(lx.TO_WORDS)
            and not before.endswith(lx.LEVEL_TO_WORDS)  # 新增就业达到2万人: a level, no pair
            and q.start - p.end <= _FROM_TO_GAP + _ASIDE
            and _opens_from(text, p.start)
        )

    def _own_name(
        self,
        q: Quantity,
        c0: int,
        prior: tuple[int, bool, int],
        left: str,
        named: tuple[int, int, str],
        metric: str,
    ) -> tuple[tuple[int, int, str] | None, str]:
        """(name, metric) of a figure whose clause names a metric only before an earlier
        figure (``prior``: its start, whether a rate, its end): in 一般公共预算收入48.6亿元、
        税费收入144.8亿元 the name is the earlier figure's when words of their own stand
        between (税费收入 names no metric); a parenthesis on the earlier figure (到位资金36亿元
        (任务数34亿元)) keeps it, and so does a from-to pair (生产总值从2010年的671.1亿元增加到
        2015年的1107.8亿元: the same measure, two years)."""
        text = self.text
        prior_start, _, prior_end = prior
        if _from_to(text, c0 + named[1], prior_start, prior_end, q.start):
            if is_part(text[c0:prior_start], named, q, False):
                return named, "other"
            return named, named[2]
        b0, b1 = prior_end, q.start
        while b0 < b1 and text[b0] in _LIST_GAP:
            b0 += 1
        while b1 > b0 and text[b1 - 1] == " ":
            b1 -= 1
        if b1 - b0 < 2 or text[b0] == "(":
            return named, metric
        found = self.vocab.find(text[b0:b1])
        if found is None:
            return None, "other"
        own = (found[0] + b0 - c0, found[1] + b0 - c0, found[2])
        return own, "other" if is_part(left, own, q, False) else found[2]

    def _list_source(
        self, n: int, levels: list[tuple[int, Figure]], clause_start: int
    ) -> Figure | None:
        """The level a rate of a 分别 list is for: in 生产总值1097亿元、…税费收入144.8亿元,
        较2015年分别增长26.8%、12%、0.6%和25.9%, the i-th rate is of the i-th of the last
        levels before 分别, when there are as many of them as rates."""
        text, q = self.text, self.quantities[n]
        at = text.rfind("分别", clause_start, q.start)
        if at < 0:
            return None
        stop = _next_start(self.clauses, q.start, len(text))
        near = self.quantities[max(0, n - 12) : n + 12]
        rates = [p.start for p in near if at < p.start < stop and _is_growth(text, p)]
        before = [figure for start, figure in levels if start < at]
        if len(rates) < 2 or len(before) < len(rates) or q.start not in rates:
            return None
        amounts = [f for s, f in levels if s < at and not share_cue(text, s)]
        if len(amounts) >= len(rates):
            # 生产总值142亿元,完成年度计划的101.43%;社零53.4亿元,…分别是2002年的2.8倍、3.6倍:
            # the rates are of the amounts, not of the shares of a plan done between them
            before = amounts
        return before[len(before) - len(rates) + rates.index(q.start)]

    def _group_size(self, n: int, after: int, c0: int) -> int:
        """How many level figures follow 分别 in the clause of quantity ``n``."""
        text = self.text
        stop = _next_start(self.clauses, c0, len(text))
        return sum(
            1
            for q in self.quantities[max(0, n - 12) : n + 12]
            if after < q.start < stop and not _is_growth(text, q)
        )


def _sentences_and_clauses(text: str, heading_starts: list[int]) -> tuple[list[int], list[int]]:
    """The starts of the sentences and of the clauses of ``text``, numbered headings
    starting both: sorted, each start once."""
    clauses = _starts(text, lx.CLAUSE_ENDS)
    if _SENTENCE_ENDS_END_CLAUSES:
        # every sentence end also ends a clause: pick the sentence starts out of the clause
        # starts instead of splitting the whole text a second time
        sentences = [s for s in clauses if not s or text[s - 1] in _SENTENCE_END_CHARS]
    else:
        sentences = _starts(text, lx.SENTENCE_ENDS)
    if heading_starts:
        sentences = _merged(sentences, heading_starts)
        clauses = _merged(clauses, heading_starts)  # the other sentence starts are in already
    return sentences, clauses


def _merged(starts: list[int], more: list[int]) -> list[int]:
    """Two sorted lists of offsets as one, each offset once: the few of ``more`` that are new
    are found by bisection, and sorting two sorted runs merges them in linear time."""
    new = [x for x in more if not _holds(starts, x)]
    return sorted(starts + new) if new else starts


def _holds(starts: list[int], x: int) -> bool:
    i = bisect_left(starts, x)
    return i < len(starts) and starts[i] == x


_SENTENCE_END_CHARS = frozenset(lx.SENTENCE_ENDS)
_SENTENCE_ENDS_END_CLAUSES = _SENTENCE_END_CHARS.issubset(lx.CLAUSE_ENDS)


def _starts(text: str, ends: str) -> list[int]:
    """0 and every position right after one of ``ends``: the starts of sentences or clauses."""
    # per delimiter, each piece between two of it, plus the delimiter, moves the start on:
    # str.split on one character and the sums run in C, faster than a pattern of all of them
    # (which tests a class at every character); the runs are merged by one sort
    found: list[int] = []
    for ch in ends:
        if ch in text:
            found += accumulate(map((1).__add__, map(len, text.split(ch)[:-1])))
    found.sort()
    return [0, *found]


def _next_start(starts: list[int], pos: int, default: int) -> int:
    i = bisect_right(starts, pos)
    return starts[i] if i < len(starts) else default


_LIST_GAP = frozenset("、,和及与 ")
_SHARE_UNITS = frozenset({"percent", "permille"})
_MONEY_UNITS = frozenset({"CNY", "USD"})
_SIGNED_TOTAL_NAMES = frozenset(lx.SIGNED_TOTAL_NAMES)
_STRETCH_END = frozenset(("", "(", *lx.CLAUSE_ENDS))
_BOUNDS = {bound.value: bound for bound in Bound}
"""Bound by value: a dict look-up, where calling the enum costs half a microsecond."""


def _is_growth(text: str, q: Quantity) -> bool:
    if q.unit not in GROWTH_UNITS:
        return False
    if q.two_to_one:
        return False
    if q.idiom or q.unit in ("ratio", "pp"):
        return True
    if q.cell is not None:
        return q.cell.change  # a growth column (比上年增长(%)); not a share (比重(%))
    before = text[max(0, q.start - 6) : q.start].rstrip("了为达到\n")
    if before.endswith(lx.GROWTH_BEFORE):
        return True
    if text.startswith(lx.GROWTH_AFTER, q.end):
        return True
    # a later item of a list: 较2015年分别增长26.8%、12%、0.6%和25.9%
    return _GROWTH_LIST.search(text, max(0, q.start - 48), q.start) is not None


_GROWTH_LIST = re.compile(
    "(?:" + "|".join(map(re.escape, lx.GROWTH_BEFORE)) + ")[了为达到\n]?"
    r"(?:-?\d+(?:\.\d+)?(?:%|个百分点)[、和与及])+\Z"
)


def _as_of(period: str, base: str) -> str:
    """The period of a base value: the base, or the same part of the base's year
    (2017M01-2017M04 against 2016 → 2016M01-2016M04)."""
    if is_part_of_year(period) and base.isdigit():
        return period.replace(period[:4], base)
    return base


def _place_after(in_clause: list[tuple[int, bool, int]], after: int, growth: bool) -> int:
    """How many figures of the same sort (levels or rates) stand between ``after`` (the end
    of 分别) and the figure: counted back from the figure, so a long clause costs no more."""
    place = 0
    for start, g, _ in reversed(in_clause):
        if start <= after:
            break
        place += g == growth
    return place


def _paired(text: str, name_at: int) -> bool:
    return text.startswith(lx.PAIRED_PREFIXES, name_at) or text.endswith(
        lx.PAIRED_PREFIXES, 0, name_at
    )


def _own_part(text: str, start: int) -> bool:
    """一季度目标任务30亿元, 上半年任务: a task that names a part of the year itself."""
    return any(word in text[max(0, start - 10) : start] for word in lx.PART_OF_YEAR_WORDS)


def _declines(text: str, start: int, unit: str) -> bool:
    """下降5%, 下降0.8个百分点, 分别下降2.16和1.66个百分点: a fall, stored negative; and a gap
    below what is compared (落后于全市平均水平1.4个百分点)."""
    if unit not in ("percent", "pp"):
        return False
    window = max(0, start - 48)  # 分别回落2.3个百分点、0.4个百分点、2.7个百分点和0.9个百分点
    if _DECLINE.search(text, window, start) is not None:
        return True
    if unit != "pp":
        return False
    if (gap := _GAP_CHANGE.search(text, window, start)) is not None:
        # 亏损面缩小1.8个百分点: a fall; 降幅较上月扩大3.4个百分点, 降幅比1-5月收窄0.8个百分点,
        # 比一季度收窄2.3个百分点: of a fall, the other way round (the nearer subject decides)
        before = text[window : gap.start()]
        of_a_fall = _last_of(before, lx.FALL_SUBJECTS) > _last_of(before, lx.RISE_SUBJECTS)
        return (gap.group(1) in lx.NARROWING_VERBS) != of_a_fall
    return _BELOW.search(text, window, start) is not None


def _last_of(text: str, words: tuple[str, ...]) -> int:
    return max(text.rfind(word) for word in words)


_CHANGE = re.compile(
    "("
    + "|".join(map(re.escape, dict.fromkeys((*lx.CHANGE_VERBS, *lx.DECREASE_VERBS))))
    + r")了?(?:分别)?"
    r"(?:\d+(?:\.\d+)?[^\d,;:。、和与及]{0,4}[、和与及])*\Z"  # 分别减少4万人和
)
"""An amount right after a change verb (比上年减少862公顷, 分别减少4万人和5万人)."""
_AFTER_CHANGE = frozenset(lx.CLAUSE_ENDS + "、和与及(")
"""What may follow a change amount: the end of its clause or list (an empty string too)."""
_MIRRORED = {Bound.GT: Bound.LT, Bound.GE: Bound.LE, Bound.LT: Bound.GT, Bound.LE: Bound.GE}
"""The bound of a number stored negative: a fall of more than 3% is a change below -3%."""

_GAP_CHANGE = re.compile(
    "(" + "|".join(map(re.escape, (*lx.NARROWING_VERBS, *lx.WIDENING_VERBS))) + ")了?"
    r"(?:分别)?(?:\d+(?:\.\d+)?(?:个百分点|个)?[、和与及])*\Z"
)
"""A narrowing or widening right before a figure in points (亏损面缩小1.8个百分点, 分别缩小
1.2个、0.8个百分点)."""
_BELOW = re.compile("(?:" + "|".join(map(re.escape, lx.BELOW_CUES)) + r")[^\d%,;:。\n]{0,12}\Z")


_DECLINE = re.compile(
    "(?:" + "|".join(map(re.escape, lx.DECLINE_CUES)) + ")[了为\n]?"
    r"(?:\d+(?:\.\d+)?(?:%|个百分点|个)?[、和与及])*\Z"
)


_CUT_OFF_MONTH = re.compile(r"\d{4}M(?:0[2-9]|1[0-2])")


def _to_date_of_month(text: str, s0: int, c0: int, pos: int) -> bool:
    """Whether the sentence before ``pos`` counts up to a month's end (截至3月底, right before
    the month), and not a stock at that date (累计注册企业5000家)."""
    window = text[max(s0, pos - SENTENCE_WINDOW) : pos]
    if _CUT_OFF_MONTH_CUE.search(window) is None:
        return False
    clause = text[c0:pos]
    return "新增" in clause or not any(verb in clause for verb in lx.STOCK_VERBS)


_CUT_OFF_MONTH_CUE = re.compile(
    "(?:" + "|".join(lx.CUT_OFF_CUES) + r")到?(?:今年|(?:19|20)\d\d年)?\d{1,2}月"
)


def _from_to(text: str, name_end: int, from_start: int, from_end: int, to_start: int) -> bool:
    """Whether a name ending at ``name_end`` names the from-to pair of text[from_start:
    from_end] and the value at ``to_start``: 一般公共预算收入由40.6亿元增加到79亿元, 生产总值
    从2010年的671.1亿元增加到2015年的1107.8亿元 (not 生产总值由40.6亿元增加到79亿元、税收由5亿元
    增加到10亿元, whose 10亿元 is of 税收)."""
    if to_start - from_end > _FROM_TO_GAP or not 0 < from_start - name_end <= _FROM_TO_GAP:
        return False
    opening = text[name_end:from_start]
    if not any(word in opening for word in lx.FROM_WORDS):
        return False  # the common case, answered without a pattern
    if YEARS_OF.sub("", opening).strip() not in lx.FROM_WORDS:
        return False  # the name, 由 or 从, perhaps a year, then the first value
    between = YEARS_OF.sub("", text[from_end:to_start]).rstrip()
    return between.endswith(lx.TO_WORDS)


_FROM_TO_GAP = 16
_FROM_LIST_REACH = 8
"""How many values back a list of from values is followed to its 由: bounded, so linear."""
_LIST_JOINS = frozenset("、和与及")
_LIST_REACH = 32
_SIGNED_REACH = 240
_DONE_REACH = 6
_TIME_CLAUSE = 8
_PROJECT_COUNT = re.compile(r"项目(?:共|达)?\d+个|\d+个(?:[^\d,;。]{0,6})?项目")
_DIGITS = re.compile(r"\d")
_FROM_LIST_SPAN = 40
"""How far after a from value its list's 分别 may stand (a few more values)."""


def _is_from_value(text: str, q: Quantity, s1: int) -> bool:
    """由90立方米/秒提升到236立方米/秒: the first value of a from-to pair."""
    if text[q.start - 1 : q.start] not in lx.FROM_WORDS:
        return False
    return _changes_after(text, q, s1)


def _years_before(text: str, start: int) -> int:
    """How many years a multiple right after says it took (五年翻一番: 5), or 0."""
    m = _IN_YEARS.search(text, max(0, start - 10), start)
    if m is None or text.endswith(lx.NOT_A_SPAN_BEFORE, 0, m.start()):
        return 0  # (提前两年实现翻番: two years early; 连续三年翻番: each year)
    years = m.group(1)
    return int(years) if years.isdigit() else parse_cn_int(years) or 0


_IN_YEARS = re.compile(
    r"(?<![\d.])(\d{1,2}|[两二三四五六七八九十]{1,3})年(?:内|来|间|时间)?(?:实现)?\Z"
)


_CHANGE_TO = re.compile("|".join(map(re.escape, lx.CHANGE_TO_VERBS)))
_NEXT_PAIR = re.compile("[、和及与](?:" + "|".join(map(re.escape, lx.FROM_WORDS)) + ")")
_LISTS, _PAIRS = 1, 2
_FROM_TO_SPAN = 80
"""How far after 分别由 a from-to list's verb and its end are looked for: bounded, linear."""


def _shares_a_head(items: list[str]) -> bool:
    """Whether the items before 分别 qualify one name that the last completes (城镇、农村居民
    人均可支配收入, 轻工业、重工业增加值, 一季度、上半年和前三季度地区生产总值): every item
    but the last a qualifier of the lexicon or a time."""
    return all(item in lx.NAME_QUALIFIERS or _TIME_ITEM.fullmatch(item) for item in items[:-1])


_TIME_ITEM = re.compile(lx.TIME_ITEM)


def _from_to_shape(text: str, after: int) -> int:
    """What follows 分别由 at ``after``: _LISTS (由A、B增加到C、D), _PAIRS (由A增加到C、由B增加
    到D) or 0, no change to a value (分别由省级财政和县级财政承担60%和40%: by, not from)."""
    end = min(len(text), after + _FROM_TO_SPAN)
    stop = min((at for ch in "。;\n" if (at := text.find(ch, after, end)) >= 0), default=end)
    verb = _CHANGE_TO.search(text, after, stop)
    if verb is None:
        return 0
    # the next pair opens right after a list join (…增加到185亿元、由8.5亿元), within the
    # clause: not 城乡收入比由2.1缩小到2.0, another statement after a comma
    comma = text.find(",", verb.end(), stop)
    again = _NEXT_PAIR.search(text, verb.end(), comma if comma >= 0 else stop)
    return _PAIRS if again else _LISTS


def _dated_from(text: str, start: int) -> bool:
    """Whether a time stands between the value at ``start`` and the 由 or 从 of its list (由2015
    年末的52万人、48万人, 由一季度的6500元): the value is of that time, not the year before."""
    window = text[max(0, start - _FROM_DATE_REACH) : start]
    at = max(window.rfind(word) for word in lx.FROM_WORDS)
    if at < 0:
        return False
    between = window[at:]  # (从上年的20亿元, 由年初的: the year before, still)
    return _YEAR.search(between) is not None or any(w in between for w in lx.TIME_OF_VALUE_WORDS)


_YEAR = re.compile(r"(?:19|20)\d\d年")


_FROM_DATE_REACH = 24


def _changes_after(text: str, q: Quantity, s1: int) -> bool:
    """Whether a verb of change (到, 至, 提高, 增加 …) follows ``q`` within a few characters."""
    after = text[q.end : min(s1, q.end + 12)]
    return any(word in after for word in ("到", "至", "提高", "提升", "增加", "增长", "下降"))


def _opens_from(text: str, start: int) -> bool:
    """Whether 由 or 从 opens the value at ``start``, perhaps with the time it was of between
    (由156.3亿元, 由“十五”末的\n12.8亿元, 从2010年的671.1亿元)."""
    window = text[max(0, start - _FROM_REACH) : start]
    at = max(window.rfind(word) for word in lx.FROM_WORDS)
    if at < 0:
        return False
    between = _PLAN_END_OF.sub("", YEARS_OF.sub("", window[at + 1 :]))
    return not between.strip()


_FROM_REACH = 12
_ASIDE = 16
"""How long a parenthesis between the values of a pair may be (由3亿元(占生产总值的6%)增加到)."""
_PLAN_END_OF = re.compile(r"“[^”]{1,4}”(?:期末|末)?的?")


def _signed(q: Quantity, falls: bool) -> tuple[float, float | None, Bound]:
    """(value, upper, bound) of ``q``, stored negative when it ``falls``: 下降5% is -5,
    下降3-5% -5 to -3, 下降超过3% less than -3."""
    value, upper, bound = q.value, q.upper, _BOUNDS[q.bound]
    if not falls:
        return value, upper, bound
    if upper is None:
        return -value, None, _MIRRORED.get(bound, bound)
    return -upper, -value, bound


def _same_below(text: str) -> list[int]:
    """Where each 预计(下同) stands (a few in a text, if any)."""
    out = []
    at = text.find(lx.ESTIMATE_SAME_BELOW)
    while at >= 0:
        out.append(at)
        at = text.find(lx.ESTIMATE_SAME_BELOW, at + 1)
    return out


def _excerpt(body: str, a: int, b: int, start: int, end: int) -> str:
    """The sentence body[a:b] of the figure body[start:end], cut around it when long."""
    if b - a <= EXCERPT:
        return " ".join(body[a:b].split())
    half = (EXCERPT - (end - start)) // 2
    lo = max(a, start - half)
    hi = min(b, end + half)
    inner = " ".join(body[lo:hi].split())
    return ("…" if lo > a else "") + inner + ("…" if hi < b else "")
