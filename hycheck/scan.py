"""Stage 2b, first half: find every stated quantity in a text (value, unit, bound, span).

``scan(norm)`` walks the normalised text once, left to right, with one compiled pattern that
finds number candidates (Arabic digits, runs of Chinese numerals, idioms such as 翻番), and then
reads what stands around each candidate with bounded look-ups: magnitude words and the unit
after it (longest match first, from ``hycheck.lexicon``), bound cues on both sides.  Every step
looks at a fixed number of characters, so the cost is linear in the text, whatever it holds.

What a quantity *means* (metric, period, kind, region) is ``hycheck.context``'s job.

>>> [(q.start, q.end, q.value, q.unit, q.bound) for q in scan("预计实现地区生产总值948亿元,增长7%")]
[(10, 15, 94800000000.0, 'CNY', 'eq'), (18, 20, 7.0, 'percent', 'eq')]
>>> [(q.value, q.unit, q.bound) for q in scan("新增注册资本金5000万以上企业51户")]
[(50000000.0, 'CNY', 'ge'), (51.0, 'household', 'eq')]
>>> scan("2017年12月26日在第十五届人民代表大会上,PM2.5浓度下降,12号线开通")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from hycheck import lexicon as lx
from hycheck.numbers import MAX_CN_LENGTH, parse_cn_int
from hycheck.tables import Cell, Tables


class Quantity(NamedTuple):
    """A stated quantity before interpretation: span, value, unit, bound.  (Immutable; a
    named tuple because one is built for every figure, four times as fast as a frozen
    dataclass.)"""

    start: int  # surface start (bound cue included)
    end: int  # surface end
    num_start: int  # where the number itself starts
    value: float
    unit: str
    bound: str
    upper: float | None = None
    implied_unit: bool = False  # the unit came from the context (5000万以上 after 注册资本金)
    idiom: bool = False  # written as words (两位数增长, 翻番)
    two_to_one: bool = False  # written a:1 (城乡收入比2.05:1): a level, not a multiple of a base
    cell: Cell | None = None  # a table's cell, whose column or table gave the unit


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


_CN_DIGITS = "零〇一二两三四五六七八九十"
# units and the words that look like them, one table, matched longest first: (unit,
# multiplier) for a unit, None for a lookalike, _NOT_FIGURE for a duration or an ordinal
_NOT_FIGURE = ("", 0)
_UNIT_TABLE: dict[str, tuple[str, int] | None] = dict.fromkeys(lx.UNIT_LOOKALIKES)
_UNIT_TABLE.update(dict.fromkeys(lx.NOT_FIGURE_WORDS, _NOT_FIGURE))
_UNIT_TABLE.update(lx.UNITS)
_UNIT_LENGTHS_BY_FIRST: dict[str, tuple[int, ...]] = {
    first: tuple(sorted({len(w) for w in _UNIT_TABLE if w[0] == first}, reverse=True))
    for first in {w[0] for w in _UNIT_TABLE}
}
_CALENDAR_CHARS = "".join(
    sorted(
        first
        for first in _UNIT_LENGTHS_BY_FIRST
        if all(_UNIT_TABLE[w] is _NOT_FIGURE for w in _UNIT_TABLE if w[0] == first)
        and first in _UNIT_TABLE
        and first != "天"  # 优良天数达到320天 (lexicon.DAY_COUNT_NOUNS): days may be counted
    )
)
"""年, 月, 号 …: every word of the table that starts with one of these says "not a figure"
(2017年, 12号线), so a number right before one is no candidate at all."""
_MAGNITUDE_CHARS = "百千万亿"
_SHARE_UNIT_CHARS = "成倍个"  # a small Chinese numeral counts only before 成, 倍, 个百分点
_CN_NUMERAL_CHARS = _CN_DIGITS + _MAGNITUDE_CHARS
_APPROX = "".join(lx.APPROX_INFIXES)  # 十余亿元, 二十多万人: a small numeral, then a magnitude
_IDIOMS = _longest_first(lx.IDIOMS)
_FIRST_CHARS = "".join(sorted(set("0123456789" + _CN_NUMERAL_CHARS + "".join(_IDIOMS))))
_GROUPED = r"\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"  # 1,200.5
_PLAIN = r"\d+(?:\.\d+)?"
_ARABIC_NUMBER = f"{_GROUPED}|{_PLAIN}"
NUMBER_GRAMMAR = (
    "(?P<idiom>" + "|".join(map(re.escape, _IDIOMS)) + ")"
    f"|(?P<ar>{_ARABIC_NUMBER})"
    "|(?P<pct>百分之)"
    # 三分之一, 十分之一: a fraction, as a percent
    f"|(?P<frac>(?<![{_CN_DIGITS}])[{_CN_DIGITS}]{{1,3}}分之)"
    # a run of Chinese numerals is a candidate only with a magnitude in it (两万, 五百亿),
    # before 成/倍/个 (五成) or before 余 (十余亿, 十余家): 一 alone is everywhere
    # (一年来, 进一步).  The look-behind starts a
    # match only where a run starts, and the possessive quantifiers never backtrack, so a
    # long run of numerals is read once: linear time.
    f"|(?P<cn>(?<![{_CN_DIGITS}])(?:[{_CN_DIGITS}]*+[{_MAGNITUDE_CHARS}][{_CN_NUMERAL_CHARS}]*+"
    f"|[{_CN_DIGITS}]++(?=[{_SHARE_UNIT_CHARS}{_APPROX}])))"
)
"""A number candidate, each kind in its own group (a match starts with one of _FIRST_CHARS)."""
_CANDIDATE_GRAMMAR = NUMBER_GRAMMAR.replace(
    f"(?P<ar>{_ARABIC_NUMBER})",
    # the look-ahead only after plain digits: a comma-grouped number stays a candidate, so
    # that a run of ,111,111… is read once (scan resumes after the whole of it)
    rf"(?P<ar>(?<!\d)(?:{_GROUPED}|(?>{_PLAIN})(?![{_CALENDAR_CHARS}])))",
)
_CANDIDATE = re.compile(
    # Every match starts by consuming one of _FIRST_CHARS, which lets the engine skip
    # everything that cannot start a number in its fast loop (a leading look-ahead would
    # make it try the pattern at each character); looking behind from there, the number is
    # matched ahead into the group of its kind.  scan() reads that group's span.
    #   A number right before a calendar word (2017年, 3月) is no candidate: read whole
    # from the start of its digits (atomic: never a shorter match that the word does not
    # follow), so the candidates are found in linear time still.
    f"[{_FIRST_CHARS}](?<=(?={_CANDIDATE_GRAMMAR}).)"
)
_ARABIC = re.compile(r"\d{1,20}(?:\.\d{1,20})?(?!\d)")
"""The upper end of a range (10-20亿元): as long as a number may be, no longer."""
_CN_RUN = re.compile(f"[{_CN_NUMERAL_CHARS}点]{{1,12}}")

_PREFIX_LENGTHS_BY_LAST: dict[str, tuple[int, ...]] = {
    last: tuple(sorted({len(w) for w in lx.BOUND_PREFIXES if w[-1] == last}, reverse=True))
    for last in {w[-1] for w in lx.BOUND_PREFIXES}
}
_SUFFIXES = tuple(_longest_first(lx.BOUND_SUFFIXES))
_SCALE_NOUNS = tuple(_longest_first(lx.SCALE_NOUNS))
_LEVEL_PREFIXES = tuple(lx.LEVEL_PREFIXES)
_VAGUE = tuple(lx.VAGUE_COUNTS)
_RANGE_DASHES = "-~至到"
_NUMERIC_NEIGHBOURS = frozenset("0123456789.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_OPENERS = frozenset("([【〔")
_CLOSERS = frozenset(")]】〕")
_LIST_MARKER_BEFORE = frozenset(" \n。;:!?")
MAX_ARABIC_DIGITS = 16
"""Longer digit runs are identifiers (phone, licence, ID numbers), not figures."""
MAX_SPACES = 2
"""Spaces or line breaks allowed between a number and its unit ("369 亿\\n元" in PDF text)."""


def scan(norm: str) -> list[Quantity]:
    """Every quantity stated in a normalised text, left to right.  Never raises."""
    out: list[Quantity] = []
    tables: Tables | None = None  # made on the first number that may stand in a table
    pos = 0
    search = _CANDIDATE.search
    while True:
        m = search(norm, pos)
        if m is None:
            return out
        kind = m.lastgroup or ""  # idiom, ar, pct or cn: the group that holds the number
        start, end = m.span(kind)
        q = _read(norm, kind, start, end)
        if q is None and kind == "ar":
            # 全县户籍总人口 | 832955 | under 年末数(人): the column's unit (| -0.2 |: signed)
            cell_start = start - 1 if norm[start - 1 : start] == "-" else start
            if norm[cell_start - 1 : cell_start] in _CELL_OPENERS:
                tables = tables or Tables(norm)
                q = _cell_quantity(norm, cell_start, end, tables)
        if q is None:
            pos = end
        else:
            out.append(q)
            pos = q.end


_CELL_OPENERS = frozenset(" \t|\n")  # \n: a table flattened one cell a line


def _cell_quantity(norm: str, start: int, end: int, tables: Tables) -> Quantity | None:
    """The number norm[start:end] alone in a table's cell, in its column's or table's unit."""
    cell = tables.cell_at(start, end)
    if cell is None:
        return None
    mantissa, exp = _arabic(norm[start:end])
    unit, scale = cell.unit
    value = mantissa * scale / 10**exp
    return Quantity(start, end, start, value, unit, "eq", None, True, cell=cell)


def _read(norm: str, kind: str, start: int, end: int) -> Quantity | None:
    """The quantity of the candidate number norm[start:end] of ``kind``, or None."""
    before = norm[start - 1] if start else ""
    if kind == "idiom":
        return _read_idiom(norm, norm[start:end], start, end)
    if before == "第":
        return None  # 第十五届, 第2名: an ordinal
    if before in lx.RANK_BEFORE and norm.startswith(lx.RANK_AFTER, _skip_spaces(norm, end)):
        return None  # 前100名企业, 前十位: a rank, not a count
    if kind == "ar":
        text = norm[start:end]
        if len(text) > MAX_ARABIC_DIGITS + 4 or (
            before in _NUMERIC_NEIGHBOURS
            and not norm.endswith(lx.LATIN_NAMES_BEFORE_FIGURES, 0, start)
        ):
            return None  # PM2.5, B2B, 1.1.1, a licence number (not GDP762亿元)
        after = norm[end : end + 1]
        if before in _OPENERS and after in _CLOSERS:
            return None  # [1], (3): a footnote or list marker
        if after == "." and (start == 0 or before in _LIST_MARKER_BEFORE):
            return None  # "1.国药控股…": a list marker
        mantissa, exp = _arabic(text)
        if norm.startswith(":1", end) and norm[end + 2 : end + 3] not in _NUMERIC_NEIGHBOURS:
            # 城乡收入比由2.05:1下降为2.02:1: a ratio of two amounts
            value = mantissa / 10**exp
            return Quantity(start, end + 2, start, value, "ratio", "eq", two_to_one=True)
        negative = before == "-" and (start < 2 or norm[start - 2] not in _NUMERIC_NEIGHBOURS)
        if negative:
            mantissa, start = -mantissa, start - 1
        return _read_tail(norm, kind, start, end, mantissa, exp, bare=False)
    if kind == "pct":
        return _read_percent_words(norm, start, end)
    if kind == "frac":
        return _read_fraction(norm, start, end)
    text = norm[start:end]
    # 十余亿元, 二十多万人; 十余家企业, 三十多个国家 (a counted unit, not 十余年)
    approx = norm[end : end + 1] in lx.APPROX_INFIXES and (
        norm[end + 1 : end + 2] in lx.MAGNITUDES or _counted(norm, end + 1)
    )
    if not approx and not any(ch in _MAGNITUDE_CHARS for ch in text):
        # a small Chinese numeral (三个代表, 五个方面, 十九大) counts only as a share or a
        # multiple (五成, 两倍, 三个百分点), or before 余 and a magnitude (十余亿元)
        if norm[end : end + 1] not in _SHARE_UNIT_CHARS:
            return None
        found = _unit_at(norm, end)
        if found is None or found[1] is None or found[1][0] not in ("percent", "ratio", "pp"):
            return None
        if found[1][0] == "percent" and norm[end] != "成":
            return None
    if len(text) > MAX_CN_LENGTH or norm.startswith(_VAGUE, start):
        return None  # 万一, 一揽子 …
    value = parse_cn_int(text)
    if value is None:
        return None
    # 百亿, 千亿, 亿: a magnitude alone; so is 十亿 after 数/几/上 (数十亿元), not 十万人
    tens = text.startswith("十") and norm[start - 1 : start] in lx.BARE_MAGNITUDE_PREFIXES
    bare = all(ch in _MAGNITUDE_CHARS for ch in (text[1:] if tens else text))
    if bare and (
        norm.endswith(_UNIT_LABEL, 0, spaced := _skip_spaces_back(norm, start))
        or norm[spaced - 1 : spaced].isdigit()
    ):
        return None  # 单位:亿元 over a table: its unit; 12 亿元: the unit of a number not read
    return _read_tail(norm, kind, start, end, value, 0, bare=bare)


def _arabic(text: str) -> tuple[int, int]:
    """``"1,200.5"`` → ``(12005, 1)``: mantissa and decimal places, exact."""
    whole, _, frac = text.replace(",", "").partition(".")
    return int(whole + frac), len(frac)


def _unit_at(norm: str, pos: int) -> tuple[str, tuple[str, int] | None] | None:
    """The longest unit or unit-like word at ``pos``: (surface, (unit, multiplier) or None)."""
    # only the lengths of the words that start with the character at pos are tried
    for length in _UNIT_LENGTHS_BY_FIRST.get(norm[pos : pos + 1], ()):
        word = norm[pos : pos + length]
        if word in _UNIT_TABLE and len(word) == length:
            return word, _UNIT_TABLE[word]
    return None


def _counted(norm: str, pos: int) -> bool:
    """Whether a unit of measure (not a lookalike, a duration or an ordinal) starts at pos."""
    found = _unit_at(norm, pos)
    return found is not None and found[1] is not None and found[1] is not _NOT_FIGURE


def counts_something(norm: str, pos: int) -> bool:
    """Whether a number ending at ``pos`` is followed by a magnitude, a unit or a word that
    looks like one (2000万, 2000家, 2017年): a quantity, not a name such as 2017中外…活动."""
    if norm[pos : pos + 1] in lx.APPROX_INFIXES:  # 2000多名, 2000余户
        pos += 1
    return norm[pos : pos + 1] in lx.MAGNITUDES or _unit_at(norm, pos) is not None


_SPACES = frozenset(" \n\t\r")
_UNIT_LABEL = "单位:"  # (normalised: a full-width colon reads as ":")


def _skip_spaces_back(norm: str, pos: int) -> int:
    i = pos
    while i > 0 and pos - i < MAX_SPACES and norm[i - 1] in _SPACES:
        i -= 1
    return i


def _skip_spaces(norm: str, pos: int) -> int:
    i = pos
    while i < len(norm) and i - pos < MAX_SPACES and norm[i] in _SPACES:
        i += 1
    return i


def _unit_after(norm: str, pos: int, arabic: bool) -> tuple[int, int, tuple[str, int] | None, bool]:
    """Magnitudes, an approximator and the unit after a number ending at ``pos``.

    Returns (end, magnitude multiplier, unit or None or ``_NOT_FIGURE``, approximate).
    """
    multiplier = 1
    approx = False
    for _ in range(5):  # number [余] magnitudes [余] unit: a few steps at most
        spaced = _skip_spaces(norm, pos) if norm[pos : pos + 1] in _SPACES else pos
        found = _unit_at(norm, spaced)
        if found is not None:
            word, unit = found
            if (
                word in _SPOKEN_FIRST  # (个 as a unit: only then the rare spoken 个亿)
                and norm.startswith(_SPOKEN_BILLIONS, spaced)
                and not _names_billions(norm, spaced)
            ):
                pos = spaced + 1  # 3.1个亿: the 亿, not 个 items
                continue
            if unit is not None:
                return spaced + len(word), multiplier, unit, approx
            return pos, multiplier, None, approx
        ch = norm[spaced : spaced + 1]
        if ch and ch in lx.MAGNITUDES and (arabic or approx):  # 40余亿元, 三千余万元
            multiplier *= lx.MAGNITUDES[ch]
            pos = spaced + 1
        elif ch and ch in lx.APPROX_INFIXES and not approx and spaced == pos:
            approx = True
            pos += 1
        else:
            break
    return pos, multiplier, None, approx


_SPOKEN_BILLIONS = lx.SPOKEN_BILLIONS
_SPOKEN_FIRST = frozenset(word[0] for word in _SPOKEN_BILLIONS)


def _names_billions(norm: str, at: int) -> bool:
    """个亿元 or 个亿级 at ``at``: items of a class (15个亿元项目, 3个亿级产业集群), no sum."""
    end = norm.find("亿", at, at + 3)
    return norm[end + 1 : end + 2] in lx.BILLION_CLASS_AFTER


def _list_unit(norm: str, pos: int) -> tuple[int, tuple[str, int]] | None:
    """The shared unit of a list: 1.2、1.3和5.6个百分点 gives 1.2 and 1.3 the unit of 5.6."""
    for _ in range(8):
        if norm[pos : pos + 1] not in _LIST_SEPARATORS:
            return None
        m = _ARABIC.match(norm, pos + 1)
        if m is None:
            return None
        end, multiplier, unit, _ = _unit_after(norm, m.end(), arabic=True)
        if unit is _NOT_FIGURE:
            return None
        if unit is not None:
            return multiplier, unit
        pos = end
    return None


_LIST_SEPARATORS = frozenset("、和与及")
_ITEM, _PP = lx.UNITS["个"], lx.UNITS["个百分点"]
_PP_LIST = re.compile(
    r"(?:[、和与及]\d{1,20}(?:\.\d{1,20})?个){0,8}[、和与及]\d{1,20}(?:\.\d{1,20})?个百分点"
)
"""The rest of a list whose items say 个 and whose last item says 个百分点."""


def _read_tail(
    norm: str, kind: str | None, start: int, end: int, mantissa: int, exp: int, *, bare: bool
) -> Quantity | None:
    """Range, magnitudes, approximators, unit and bound cues after the number [start, end)."""
    arabic = kind == "ar"
    upper: tuple[int, int] | None = None
    if arabic and norm[end : end + 1] in _RANGE_DASHES:  # 10-20亿元, 3至5个
        upper, end = _range_end(norm, end, mantissa, exp)
    pos, multiplier, unit, approx = _unit_after(norm, end, arabic)
    if unit is _NOT_FIGURE:
        if not (norm[pos - 1 : pos] == "天" and _counts_days(norm, start)):
            return None  # 2017年, 20个小时, 12号线: not a figure
        unit = _ITEM  # 空气质量优良天数达到320天: a count of days, no duration
    if unit == _ITEM and norm[pos - 1 : pos] == "个" and _PP_LIST.match(norm, pos):
        unit = _PP  # 分别拉动GDP增长0.7个、5.1个、6.5个百分点
    if arabic and unit is not None and upper is None and norm[pos : pos + 1] in _RANGE_DASHES:
        # 4.5%-5%: a range with the unit written twice
        upper, after = _range_end(norm, pos, mantissa, exp)
        if upper is not None and norm.startswith(norm[end:pos].strip(), after):
            pos = after + len(norm[end:pos].strip())
        else:
            upper = None
    bound = "approx" if approx else "eq"
    surface_start, prefix_bound = _bound_prefix(norm, start)
    if bare and not prefix_bound:
        surface_start, prefix_bound = _bare_prefix(norm, start)
    level = norm.endswith(_LEVEL_PREFIXES, 0, start)  # 跨越千万标箱: a threshold passed
    implied = False
    if unit is None:
        shared = _list_unit(norm, pos) if arabic and multiplier == 1 else None
        if shared is not None:
            multiplier, unit = shared
        else:
            found_implied = _implied_unit(norm, start, pos, kind, prefix_bound)
            if found_implied is None:
                return None
            unit = (found_implied[0], 1)
            if found_implied[1] and bound == "eq":
                bound = found_implied[1]
            implied = True
    elif (
        bare
        and not (prefix_bound or level or approx)  # (百余家, 千余人: about that many)
        and not _bare_figure(norm, start, end, pos, unit[0])
    ):
        return None
    elif bare and _alone_on_its_line(norm, start, pos):
        return None  # 亿元 alone on a line: a table's unit cell (| 地区生产总值 | 亿元 | 295.4 |)
    scale = multiplier * unit[1]
    value = mantissa * scale / 10**exp
    upper_value = upper[0] * scale / 10 ** upper[1] if upper is not None else None
    suffix_end = pos
    spaced = _skip_spaces(norm, pos) if norm[pos : pos + 1] in _SPACES else pos
    for word in _SUFFIXES if norm.startswith(_SUFFIXES, spaced) else ():
        if norm.startswith(word, spaced):
            suffix_bound = lx.BOUND_SUFFIXES[word]
            if bound == "eq" or suffix_bound != "approx":
                bound = suffix_bound
            suffix_end = spaced + len(word)
            break
    if prefix_bound:
        bound = prefix_bound
    elif bound == "eq" and (level or (bare and norm.startswith(_SCALE_NOUNS, suffix_end))):
        bound = "ge"  # 跨越两百亿元, 一批亿元项目: a level reached, projects of 亿元 and up
    elif bound == "eq":
        bound = _distant_bound(norm, start) or bound
    if upper_value is not None:
        bound = "ge"  # a range is [value, upper]
    if norm.endswith(lx.PROJECT_CAPACITY_BEFORE, 0, start) and _in_project_name(norm, pos):
        return None
    return Quantity(  # positional, in field order: keywords cost a quarter more
        surface_start if prefix_bound else start,  # start
        suffix_end,  # end
        start,  # num_start
        value,
        unit[0],  # unit
        bound,
        upper_value,  # upper
        implied,  # implied_unit
    )


_BARE_SUFFIXES = ("以上", "以下", "左右", "多")


def _sizes_projects(norm: str, start: int, pos: int) -> bool:
    """Whether a bound magnitude norm[start:pos] + 以上/以下 sorts projects by size: 项目
    right after it (5000万以上项目129个), or 的 after it in a sentence that counts projects
    (在库项目141个,其中5千万以上的67个; not 年产量5万以上的企业)."""
    suffix = next((w for w in _BARE_SUFFIXES if norm.startswith(w, pos)), "")
    after = pos + len(suffix)
    if norm.startswith(lx.PROJECT_NOUNS, after):
        return True
    return norm.startswith("的", after) and any(
        noun in norm[max(0, start - 24) : start] for noun in lx.PROJECT_NOUNS
    )


_CELL_EDGES = " \t\r|"


def _alone_on_its_line(norm: str, start: int, end: int) -> bool:
    """Whether norm[start:end] is all its line holds, but for bars and spaces."""
    before = norm[max(0, start - MAX_SPACES - 1) : start].rstrip(_CELL_EDGES)
    after = norm[end : end + MAX_SPACES + 1].lstrip(_CELL_EDGES)
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def _counts_days(norm: str, start: int) -> bool:
    """Whether the clause before ``start`` counts days (优良天数达到320天), or a clause that
    only says how they changed follows one that does (优良天数达272天,比上年增加29天); not a
    duration beside it (审批用时压缩至30天)."""
    clause = _clause_before(norm, start, 24)
    if any(word in clause for word in lx.DAY_COUNT_NOUNS):
        return True
    if len(clause) > _CHANGE_CLAUSE or not clause.endswith(lx.CHANGE_VERBS):
        return False
    begin = start - len(clause) - 1  # the clause before's end
    return any(word in _clause_before(norm, begin, 24) for word in lx.DAY_COUNT_NOUNS)


_CHANGE_CLAUSE = 6
"""The longest clause read as only the change of the clause before (比上年增加)."""


def _in_project_name(norm: str, pos: int) -> bool:
    """Whether 项目 follows ``pos`` inside the clause: 年产3500吨果蔬保鲜剂项目."""
    tail = norm[pos : pos + lx.PROJECT_NAME_MAX]
    cut = min((i for i in map(tail.find, lx.CLAUSE_ENDS) if i >= 0), default=len(tail))
    return any(noun in tail[:cut] for noun in lx.PROJECT_NOUNS)


def _bare_figure(norm: str, start: int, end: int, pos: int, unit: str) -> bool:
    """A magnitude alone with a unit is a figure only as money from 亿 up (亿元以上, 百亿元),
    or when bounded (万元以上): not in 万人健步行, 千人计划, 万元GDP能耗."""
    if norm.startswith(_BARE_SUFFIXES, pos):
        return True
    return unit in lx.MONEY_UNITS and norm[start:end] != "万"


def _range_end(norm: str, dash: int, mantissa: int, exp: int) -> tuple[tuple[int, int] | None, int]:
    """The upper end of a range written from ``dash`` on, if it is larger than the lower end."""
    m = _ARABIC.match(norm, dash + 1)
    if m is None:
        return None, dash
    u, ue = _arabic(m.group())
    if u * 10**exp <= mantissa * 10**ue:
        return None, dash
    return (u, ue), m.end()


def _bare_prefix(norm: str, start: int) -> tuple[int, str]:
    """上亿元, 上万人: a cue that bounds only a magnitude standing alone."""
    word = norm[start - 1 : start]
    bound = lx.BARE_MAGNITUDE_PREFIXES.get(word)
    if not bound or (start >= 2 and norm[start - 2] in lx.BOUND_PREFIX_BLOCKERS.get(word, "")):
        return start, ""  # 迈上千亿台阶: 上 belongs to 迈上
    return start - 1, bound


def _implied_unit(
    norm: str, start: int, pos: int, kind: str | None, prefix_bound: str
) -> tuple[str, str] | None:
    """The unit (and bound) of a number written without a unit, or ``None``: not a figure.

    破千亿 and 千亿台阶 are money levels (a bare 亿 magnitude before a scale noun marks a
    threshold: bound ``ge``); 5000万以上 after 注册资本金 takes its unit from the clause.
    """
    text = norm[start:pos]
    if "亿" not in text and "万" not in text:
        if kind == "ar" and _lost_percent(norm, start, pos):
            return "percent", ""  # 地区生产总值增长7.5左右;规模以上工业增加值增长10;
        return None  # a number with no magnitude and no unit is not a figure
    scale_noun = norm.startswith(_SCALE_NOUNS, pos)
    suffix = norm.startswith(("以上", "以下", "左右", "多"), pos)
    if "亿" in text and (scale_noun or prefix_bound or suffix):
        return "CNY", ("ge" if scale_noun and not suffix else "")
    if not (prefix_bound or suffix or scale_noun) and kind != "ar":
        return None
    window = _clause_before(norm, start, 16)
    if any(word in window for word in lx.MONEY_CONTEXT):
        return "CNY", ""
    if "亿" in text and kind == "ar":
        # 完成市下达任务100亿的100.2%, 提前完成区200亿招商引资任务: 亿 of a task is money
        around = window + norm[pos : pos + 8]
        if any(word in around for word in lx.BILLION_CONTEXT):
            return "CNY", ""
    # 游客突破200万, or the counted noun right after the number (1-9月逾千万游客游四川广安)
    if any(word in window for word in lx.VISITOR_CONTEXT) or norm.startswith(
        lx.VISITOR_CONTEXT, pos
    ):
        return "person_time", ""
    if any(word in window for word in lx.PEOPLE_CONTEXT):
        return "person", ""
    if suffix and _sizes_projects(norm, start, pos):
        return "CNY", ""  # 5000万以上项目129个, 项目141个,其中5千万以上的67个: project sizes
    return None


def _lost_percent(norm: str, start: int, pos: int) -> bool:
    """增长7.5左右; 增长10; : a growth rate whose percent sign the page lost (a rate ends its
    clause there; anything else after it is no rate)."""
    if not norm.endswith(lx.PERCENT_LOST_AFTER, 0, start):
        return False
    whole, _, decimals = norm[start:pos].partition(".")
    if len(whole) > 2 or len(decimals) > 2:
        return False  # 用户数量增长2000: a count, not a rate below 100
    end = pos + 2 if norm.startswith("左右", pos) else pos
    return end >= len(norm) or norm[end] in lx.CLAUSE_ENDS


def _clause_before(norm: str, start: int, width: int) -> str:
    window = norm[max(0, start - width) : start]
    cut = max(window.rfind(ch) for ch in lx.CLAUSE_ENDS)
    return window[cut + 1 :]


def _bound_prefix(norm: str, start: int) -> tuple[int, str]:
    """A bound cue touching the number on its left: (its start, bound) or (start, "")."""
    # only the lengths of the cues that end with the character before the number are tried
    for length in _PREFIX_LENGTHS_BY_LAST.get(norm[start - 1 : start], ()):
        if start < length:
            continue
        word = norm[start - length : start]
        bound = lx.BOUND_PREFIXES.get(word)
        if bound is None:
            continue
        if length == 1 and start >= 2 and norm[start - 2] in lx.BOUND_PREFIX_BLOCKERS.get(word, ""):
            continue  # 通过5年, 节约5%, 最近3年: the cue is part of another word
        return start - length, bound
    return start, ""


_DISTANT_CUE = re.compile("|".join(map(re.escape, lx.BOUND_DISTANT_PREFIXES)))


def _distant_bound(norm: str, start: int) -> str:
    """最高给予2000万元: a cue a few characters before, inside the same clause."""
    if _DISTANT_CUE.search(norm, max(0, start - lx.BOUND_DISTANT_WINDOW), start) is None:
        return ""  # the common case, answered without finding the clause
    window = _clause_before(norm, start, lx.BOUND_DISTANT_WINDOW)
    window = window[window.rfind("、") + 1 :]
    for word, bound in lx.BOUND_DISTANT_PREFIXES.items():
        at = window.find(word)
        if at < 0:
            continue
        at += start - len(window)  # in norm
        if not (norm.startswith("的", at + len(word)) or norm[at - 1 : at] in lx.PEAK_BEFORE):
            return bound  # (not 接待游客最多的一天达6035人次, 日最高: a peak, no bound)
    return ""


def _read_idiom(norm: str, word: str, start: int, end: int) -> Quantity | None:
    value, unit, bound = lx.IDIOMS[word]
    needs = lx.IDIOM_NEEDS_AFTER.get(word)
    if needs is not None:
        follow = next((w for w in _longest_first(needs) if norm.startswith(w, end)), None)
        if follow is None:
            return None
        end += len(follow)
    elif unit == "ratio" and norm.startswith(_SUFFIXES, end):
        # 翻了一番多, 翻一番以上: a bound after the count of doublings
        suffix = next(w for w in _SUFFIXES if norm.startswith(w, end))
        bound, end = lx.BOUND_SUFFIXES[suffix], end + len(suffix)
    return Quantity(start, end, start, float(value), unit, bound, idiom=True)


def _read_fraction(norm: str, start: int, end: int) -> Quantity | None:
    """三分之一, 超过三分之二, 四分之一以上 → percent (33.3…, 66.6…), with its bounds."""
    m = _CN_RUN.match(norm, end)
    denominator = parse_cn_int(norm[start : end - 2])
    numerator = parse_cn_int(m.group()) if m is not None else None
    if m is None or not denominator or not numerator or numerator >= denominator:
        return None
    if norm.startswith(lx.FRACTION_NOT_AFTER, m.end()):
        return None  # 四分之一个世纪: a time, not a share
    stop = m.end()
    surface_start, bound = _bound_prefix(norm, start)
    suffix = next((w for w in _SUFFIXES if norm.startswith(w, stop)), "")
    if suffix:
        bound, stop = bound or lx.BOUND_SUFFIXES[suffix], stop + len(suffix)
    value = numerator / denominator * 100
    return Quantity(surface_start, stop, start, value, "percent", bound or "eq")


def _read_percent_words(norm: str, start: int, end: int) -> Quantity | None:
    """百分之五, 百分之十二点五 → percent."""
    m = _CN_RUN.match(norm, end)
    if m is None:
        return None
    whole, _, frac = m.group().partition("点")
    value = parse_cn_int(whole)
    if value is None or any(ch not in lx.CN_DIGITS for ch in frac):
        return None
    number = float(value)
    if frac:
        number += int("".join(str(lx.CN_DIGITS[ch]) for ch in frac)) / 10 ** len(frac)
    surface_start, prefix_bound = _bound_prefix(norm, start)
    return Quantity(surface_start, m.end(), start, number, "percent", prefix_bound or "eq")
