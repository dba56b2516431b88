"""What kind of statement a figure is: the cue words of Chinese government prose.

预计 makes an estimate, 力争/目标是/任务数 a target, 累计 a cumulative total; which cue governs a
figure depends on where it stands (see ``governing_estimate``).  ``Cues`` finds every cue of an
article once, so that each figure's question is a bisection.  The cue words are data in
``hycheck.lexicon``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from hycheck import lexicon as lx
from hycheck._words import longest_word_pattern
from hycheck.model import Kind
from hycheck.scan import Quantity
from hycheck.timeline import Timeline

GROWTH_UNITS = frozenset({"percent", "pp", "ratio"})


def statement_kind(cues: Cues, s0: int, c0: int, q: Quantity, timeline: Timeline) -> Kind:
    """力争/目标是 (and, outside a report's review, 计划/确保) → target; 累计 in the clause →
    cumulative; else actual (预计 is ``_estimate``'s).  ``cues`` is the text with quoted names
    and phrases such as 计划总投资 masked (see ``cue_text``)."""
    section = timeline.section_at(q.start)
    if section.target or (cues.any("target", s0, q.start) and _plans(cues, s0, q.start)):
        return Kind.TARGET
    if q.unit == "percent" and share_cue(cues.text, q.start) == lx.PLAN_DONE_CUE:
        return Kind.ACTUAL  # 已完成全年计划3.5亿元的94.3%: how much of the plan was done
    in_review = timeline.is_report and not section.target
    if not in_review and cues.any("weak_target", s0, q.start) and not done_since(cues, s0, q):
        return Kind.TARGET
    if is_stated_target(cues.text, q):
        return Kind.TARGET
    if cues.any("cumulative", c0, q.start):
        return Kind.CUMULATIVE
    return Kind.ACTUAL


def _plans(cues: Cues, s0: int, pos: int) -> bool:
    """Whether a target cue in [s0, pos) plans: not the 将 verb of a forecast (预计地区生产
    总值将达到1400亿元: an estimate, and the clauses after it no targets)."""
    text = cues.text
    for start, _ in cues.last("target", s0, pos, _PLANS_LOOKED_AT):
        if text[start] != "将":
            return True
        lo = max(s0, start - _FORECAST_REACH)
        clause = text[max(lo, *(text.rfind(ch, lo, start) for ch in lx.CLAUSE_ENDS)) : start]
        if not any(cue in clause for cue in lx.ESTIMATE_CUES):
            return True
    return False


_PLANS_LOOKED_AT = 4
"""The target cues nearest before a figure that are asked whether they plan: bounded."""
_FORECAST_REACH = 24
"""How far before its 将 a forecast's 预计 may stand (预计全年地区生产总值将达到)."""


def share_cue(text: str, start: int) -> str:
    """What makes the figure at ``start`` a share of a whole: 完成 (已完成全年计划3.5亿元的
    94.3%: how much of a plan was done, unless the plan is still ahead: 确保…完成全年任务的
    50%) or 占 (占全市的15.2%), standing in its clause before a 的 right before it; "" for
    none."""
    before = text[max(0, start - _SHARE_REACH) : start]
    if not before.endswith("的"):
        return ""
    clause = before[max(before.rfind(ch) for ch in lx.CLAUSE_ENDS) + 1 :]
    done = clause.rfind(lx.PLAN_DONE_CUE)
    if done >= 0 and not any(cue in clause[:done] for cue in _AHEAD_CUES):
        return lx.PLAN_DONE_CUE
    return lx.SHARE_OF_CUE if lx.SHARE_OF_CUE in clause else ""


_SHARE_REACH = 24
_AHEAD_CUES = (*lx.WEAK_TARGET_CUES, *lx.TARGET_CUES, "要求")


def done_since(cues: Cues, s0: int, q: Quantity) -> bool:
    """重点项目104个,计划投资93.68亿元,完成投资44.24亿元,占年度计划的47.2%: a clause that
    says what was done of the very thing planned (计划投资 … 完成投资), or says it was done
    (已完成, 实际完成), ends the reach of the plan before it; 计划实施项目100个,完成投资300亿元
    is all planned."""
    text = cues.text
    cue_end = cues.last("weak_target", s0, q.start, 1)[0][1]
    planned = text[cue_end : cue_end + 2]  # 计划投资 → 投资
    for m in _DONE_CLAUSE.finditer(text, cue_end, q.start):
        if m.group(1) != "完成" or text.startswith(planned, m.end()):
            return True
    return False


_DONE_CLAUSE = re.compile(
    "[,;。\n](" + "|".join(sorted(map(re.escape, lx.DONE_OPENERS), key=len, reverse=True)) + ")"
)


def is_stated_target(cues: str, q: Quantity) -> bool:
    """完成市下达任务100亿的100.2% (the 100亿), 21家(任务数18家) (the 18家), 提前完成区200亿
    招商引资任务: a figure named as the task or target."""
    lo = max(0, q.start - 8)
    before = cues[lo : q.start].rstrip("为是:")
    if before.endswith(lx.TARGET_BEFORE):
        # 超出目标10.15亿元, 高于目标1.5个百分点, 高于年初人代会12%的目标14.4个百分点: a gap
        # to the target, not the target
        return not (before.endswith("目标") and _gap_before(cues, lo + len(before) - 2))
    after = cues[q.end : q.end + 10]
    if "任务" not in after and "目标" not in after:
        return False  # the common case, answered without looking for the clause end
    # the clause ends at a stop or at the next number (12%的目标14.4个百分点)
    ends = (after.find(ch) for ch in lx.CLAUSE_ENDS + "(0123456789")
    cut = min((i for i in ends if i >= 0), default=-1)
    tail = after[:cut] if cut >= 0 else ""
    return bool(tail) and tail.endswith(lx.TARGET_CLAUSE_END)


def _gap_before(cues: str, at: int) -> bool:
    """Whether a gap cue opens the phrase that ends with 目标 at ``at``: right before it
    (超出目标10.15亿元), or a few words before a target already stated (高于年初人代会12%的
    目标14.4个百分点); not 低于全省目标15%的水平, where the number is the target."""
    if cues.endswith(lx.TARGET_GAP_CUES, 0, at):
        return True
    window = cues[max(0, at - _GAP_REACH) : at]
    phrase = window[max(window.rfind(ch) for ch in lx.CLAUSE_ENDS) + 1 :]
    cue = max((phrase.rfind(c) for c in lx.TARGET_GAP_CUES), default=-1)
    return cue >= 0 and any(ch.isdigit() for ch in phrase[cue:])


_GAP_REACH = 16


def governing_estimate(
    cues: Cues, s0: int, q: Quantity, first_figure: int
) -> tuple[int, int | None, bool] | None:
    """Whether a 预计 governs the figure: (where it stands, the year it names, whether it
    governs the whole sentence), or None.

    预计 before the first figure of a sentence governs the whole sentence (预计全年实现地区生产
    总值948亿元,增长7%;固定资产投资445.3亿元…); after one, only its own ; part, unless it names
    a year (预计2011年达到316亿元;…2011年的48.6亿元), which it governs throughout.
    """
    nearest = cues.last("estimate", s0, q.start, 1)
    if not nearest:
        return None
    (first, first_end), (at, last_end) = cues.first("estimate", s0, q.start), nearest[0]
    text = cues.text
    if first < first_figure:  # 预计全年…;…: it governs the whole sentence
        named = _YEAR_AFTER.match(text, first_end)
        return first, int(named.group(1)) if named else None, True
    named = _YEAR_AFTER.match(text, last_end)
    year = int(named.group(1)) if named else None
    own_part = ";" not in text[at : q.start]
    if own_part or year is not None:
        return at, year, own_part
    return None


def _alternatives(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(longest_word_pattern(words))


_NOT_TARGET = _alternatives(lx.NOT_TARGET_CUES)
_YEAR_AFTER = re.compile(r"[,:]?((?:19|20)\d{2})年")


def _longest_first(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


# each list of cue words, in the order its alternation tries them
_CUE_WORDS: dict[str, tuple[str, ...]] = {
    "estimate": _longest_first(lx.ESTIMATE_CUES),
    "target": _longest_first(lx.TARGET_CUES),
    "weak_target": _longest_first(lx.WEAK_TARGET_CUES),
    "cumulative": _longest_first(lx.CUMULATIVE_CUES),
    "to_date": _longest_first(lx.YEAR_TO_DATE_CUES),
    "level": _longest_first(lx.LEVEL_VERBS),
    "not_additive": _longest_first(lx.NOT_ADDITIVE_CUES),
    "yearly": _longest_first(lx.YEARLY_CUES),
    "plan": _longest_first(lx.PLAN_VERBS),
    "on_completion": _longest_first(lx.ON_COMPLETION_CUES),
}


def _can_overlap(a: str, b: str) -> bool:
    """Whether a match of ``a`` and one of ``b`` can share a character in some text."""
    if a in b or b in a:
        return True
    return any(a[-k:] == b[:k] or b[-k:] == a[:k] for k in range(1, min(len(a), len(b))))


def _passes(lists: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The cue lists grouped so that no word of a group's list can overlap a word of another
    list of the group.  One search for all the words of a group then finds exactly what a
    search per list finds (at a position only one list can match, and a match of one list
    never hides a match of another), in fewer passes over the text."""
    groups: list[list[str]] = []
    for key, words in lists.items():
        for group in groups:
            others = [w for other in group for w in lists[other]]
            if not any(_can_overlap(a, b) for a in words for b in others):
                group.append(key)
                break
        else:
            groups.append([key])
    return [tuple(group) for group in groups]


_PASSES = [
    (
        group,
        # the longest word at a place: what each list's own alternation (longest first)
        # finds, as only one list of a group can match at a place
        re.compile(longest_word_pattern(w for key in group for w in _CUE_WORDS[key])),
        {w: key for key in group for w in _CUE_WORDS[key]},
    )
    for group in _passes(_CUE_WORDS)
]
_PASS_OF = {key: one for one in _PASSES for key in one[0]}


class Cues:
    """Where each list of cue words matches in an article's cue text, found once, so that a
    figure's questions (is there a 预计 in my sentence before me?) are bisections."""

    def __init__(self, text: str) -> None:
        self.text = text
        # each list is searched for on its first question: some (至今, 达到, 年均) are asked
        # only about a few kinds of figures, and many articles never ask them
        self._found: dict[str, tuple[list[int], list[int]]] = {}

    def _spans(self, key: str) -> tuple[list[int], list[int]]:
        """Where the cue list ``key`` matches: (starts, ends)."""
        found = self._found.get(key)
        if found is None:
            group, pattern, key_of = _PASS_OF[key]
            for one in group:
                self._found[one] = ([], [])
            for m in pattern.finditer(self.text):
                starts, ends = self._found[key_of[m.group()]]
                starts.append(m.start())
                ends.append(m.end())
            found = self._found[key]
        return found

    def find(self, key: str, start: int, end: int) -> list[tuple[int, int]]:
        """The matches of a cue list inside [start, end), in order."""
        starts, ends = self._found.get(key) or self._spans(key)
        i = bisect_left(starts, start)
        out = []
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                out.append((starts[i], ends[i]))
            i += 1
        return out

    def first(self, key: str, start: int, end: int) -> tuple[int, int]:
        """The first match of a cue list inside [start, end), which holds one."""
        starts, ends = self._found.get(key) or self._spans(key)
        i = bisect_left(starts, start)
        while ends[i] > end:
            i += 1
        return starts[i], ends[i]

    def last(self, key: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
        """The ``limit`` matches of a cue list inside [start, end) nearest its end, nearest
        first: bounded work however many matches the range holds."""
        starts, ends = self._found.get(key) or self._spans(key)
        i = bisect_left(starts, end) - 1
        out: list[tuple[int, int]] = []
        while i >= 0 and starts[i] >= start and len(out) < limit:
            if ends[i] <= end:
                out.append((starts[i], ends[i]))
            i -= 1
        return out

    def any(self, key: str, start: int, end: int) -> bool:
        starts, ends = self._found.get(key) or self._spans(key)  # no call once found
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                return True
            i += 1
        return False


def cue_text(text: str) -> str:
    """The text cue words are looked for in, same length: quoted names blanked (“千人计划”
    is not a plan) and phrases that hold a cue but are none (计划总投资) masked.

    >>> cue_text("引进“千人计划”专家10名,计划总投资5亿元")
    '引进“□□□□”专家10名,□□□□□5亿元'
    """
    if any(opening in text for opening in lx.QUOTE_PAIRS):  # a fast search, most have none
        text = _QUOTED.sub(_blank_inside, text)
    return _NOT_TARGET.sub(_blank, text)


_QUOTED = re.compile(
    "|".join(
        # a name, not speech: no stop or comma inside (“全部投产后年产值约3亿元。” is said)
        f"{re.escape(a)}[^{re.escape(b)},。;!?]{{1,{lx.QUOTE_MAX}}}{re.escape(b)}"
        for a, b in lx.QUOTE_PAIRS.items()
    )
)


def _blank(m: re.Match[str]) -> str:
    return "□" * (m.end() - m.start())


def _blank_inside(m: re.Match[str]) -> str:
    quoted = m.group()
    return quoted[0] + "□" * (len(quoted) - 2) + quoted[-1]


def adds_up(q: Quantity, growth: bool, cues: Cues, c0: int) -> bool:
    """A count or an amount over a multi-year review adds up (进出口总额46.23亿美元 over 五年来);
    a level reached (跨越两百亿元台阶, 达到), a share, a multiple or a bound does not."""
    if growth or q.unit in GROWTH_UNITS or q.bound not in ("eq", "approx"):
        return False
    return not (cues.any("level", c0, q.start) or cues.any("not_additive", c0, q.start))
