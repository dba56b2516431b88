"""Stage 2a: text → canonical text for matching, one character for one character.

Full-width digits, letters and punctuation become ASCII (９４８ → 948, ， → ,), traditional
characters become simplified (億 → 亿, 萬 → 万, 兩 → 两), financial numerals become plain ones
(壹贰 → 一二), and dashes and waves become ``-`` and ``~``.  In a text whose converter wrote
full stops for its decimal points (12。41億元, 20。9%, and no decimal point anywhere), those
stops become points: they change what a number is worth.  Because every character maps to
exactly one character, ``normalize(text)`` has the length of ``text`` and an offset into one
is the same offset into the other: the "map back to the original offsets" is the identity,
and a figure's ``surface`` is always cut from the original body.

>>> normalize("地區生產總值９４８億元，增長７％")
'地区生产总值948亿元,增长7%'
>>> len(normalize("１．６５萬人")) == len("１．６５萬人")
True
"""

from __future__ import annotations

import re
from bisect import bisect_right

from hycheck._t2s import SIMPLIFIED, TRADITIONAL


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # full-width ASCII block FF01..FF5E → 21..7E
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "  # ideographic space
    for src, dst in zip(TRADITIONAL, SIMPLIFIED, strict=True):
        table[ord(src)] = dst
    extra = {
        # financial (大写) numerals that are not also everyday words (伍 队伍, 陆 大陆,
        # 拾 收拾 and 參 參加 stay as they are)
        "壹": "一", "贰": "二", "貳": "二", "叁": "三", "肆": "四", "柒": "七", "捌": "八",
        "玖": "九", "佰": "百", "仟": "千",
        # dashes, waves, dots and percent signs
        "—": "-", "–": "-", "―": "-", "－": "-", "〜": "~", "～": "~", "﹪": "%", "％": "%",
        "・": ".", "﹐": ",", "﹔": ";", "﹕": ":", "﹖": "?", "﹗": "!", "︰": ":", "∶": ":",
        # the care-of sign some converters write for a percent sign (增长57.7℅)
        "℅": "%",
        # double prime quotes that converters write for “ ” (“十一五〞期末)
        "〝": "“", "〞": "”", "〟": "”",
        "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": " ",
    }  # fmt: skip
    for src, dst in extra.items():
        table[ord(src)] = dst
    # the result must stay one character for one character
    assert all(len(v) == 1 for v in table.values())
    return table


_TABLE = _build_table()


_MAPPED = frozenset(map(chr, _TABLE))
_MAY_NEED_MAPPING = re.compile(
    # the mapped characters of the Basic Multilingual Plane make one class the engine tests
    # in constant time (a bitmap per 256 characters: 300M chars/s); a class that also lists
    # the few mapped characters beyond it becomes a list of ranges tested one by one (3M
    # chars/s).  So any character beyond the plane counts as mapped: translate() decides.
    "["
    + re.escape("".join(sorted(ch for ch in _MAPPED if ord(ch) <= 0xFFFF)))
    + "\U00010000-\U0010ffff]"
)


def normalize(text: str) -> str:
    """The canonical form of ``text`` for matching; same length, same offsets."""
    if _MAY_NEED_MAPPING.search(text) is not None:  # else canonical: 10x a set test's speed
        text = text.translate(_TABLE)
    if _STOP_AS_POINT.search(text) is not None and _stops_are_points(text):
        text = _STOP_AS_POINT.sub(".", text)
    return text


_STOP_AS_POINT = re.compile(r"。(?<=\d。)(?=\d{1,2}(?:[%亿万元倍]|个百分点))")
"""A full stop between digits, before a unit (比2002年的12。41亿元, 年均增长20。9%); found from
the stop, which the engine's fast loop looks for."""
_POINT = re.compile(r"\.(?<=\d\.)(?=\d)")


def _stops_are_points(text: str) -> bool:
    """Whether a converter wrote full stops for the text's decimal points: two numbers or
    more written so, and no decimal point anywhere (not a sentence that ends with a number
    before one that opens with one: 全年新增就业岗位120。5万元以上的项目有12个)."""
    return _POINT.search(text) is None and len(_STOP_AS_POINT.findall(text, 0)) >= 2


_CJK = r"\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
_REMOVABLE = re.compile(
    # Every match starts by consuming one of [ \t(] and the look-behinds then check what
    # stands before it (with that character): a pattern that starts with a class lets the
    # engine skip every other character in its fast loop (3x a leading look-ahead's speed).
    r"[ \t(](?:"
    # spaces touching a Chinese character (369 亿元, 增长 7.6%, 超過 1,600) or before a percent sign
    rf"(?<=[{_CJK}][ \t])[ \t]*|(?<=[ \t])[ \t]*(?=[{_CJK}])|(?<=\d[ \t])[ \t]*(?=[%‰])"
    # pinyin that some converters put after each character: 地區(qū)生產(chǎn)總值
    rf"|(?<=[\u3400-\u9fff]\()[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\))"
)


WRAP_MIN = 24
"""A line break between two Chinese characters or digits after a line at least this long is a
soft wrap (text taken from PDF breaks lines anywhere, 社会消费品零售总额实\n现261.5亿元); after
a shorter line it ends an item of a list and stays."""
_WRAP = re.compile(
    # [ \t]*\n[ \t]* after a Chinese character or digit, written to start with a class (see
    # _REMOVABLE): the first space or the line break is consumed, then checked behind
    r"[ \t\n](?:(?<=[\u3400-\u9fff\d]\n)|(?<=[\u3400-\u9fff\d][ \t])[ \t]*\n)"
    r"[ \t]*(?=[\u3400-\u9fff\d])"
)


_SPLIT_DECIMAL = re.compile(r"\.(?<=\d\.)([ \t]+|\n(?=\d++[^\d.、]))(?=\d)")
"""A space after a decimal point (实现国内旅游收入59. 4亿元, from PDF or a converter), or a line
break that wraps a number (是2011年的1.\n37倍; not before a list marker, 2.\n3. 加快…), found
from the point, which the engine's fast loop looks for."""
_LIST_MARKER_AFTER = frozenset("\n。;:!?")
_SPLIT_BEFORE_POINT = re.compile(r"\d([ \t]+|\n)(?=\.\d)")
"""A space or a line break before a decimal point (是2011年的2 .7倍, 增长1\n.5%: a wrapped
number), which would leave the number's first digits read alone."""


def _split_decimal(norm: str, m: re.Match[str]) -> bool:
    """Whether the space after the point of match ``m`` is inside a number: not after a list
    marker at the start of a line or a sentence (1. 2019年…)."""
    i = m.start()
    while i > 0 and norm[i - 1].isdigit():
        i -= 1
    while i > 0 and norm[i - 1] in " \t":  # 实现国内旅游收入 59. 4 亿元 (PDF text)
        i -= 1
    return i > 0 and norm[i - 1] not in _LIST_MARKER_AFTER


def _removals(norm: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _REMOVABLE.finditer(norm)]
    if ". " in norm or ".\t" in norm or ".\n" in norm:
        spans.extend(m.span(1) for m in _SPLIT_DECIMAL.finditer(norm) if _split_decimal(norm, m))
        spans.sort()
    if " ." in norm or "\t." in norm or "\n." in norm:
        spans.extend(m.span(1) for m in _SPLIT_BEFORE_POINT.finditer(norm))
        spans.sort()
    if "\n" in norm:
        for m in _WRAP.finditer(norm):
            line_start = norm.rfind("\n", 0, m.start()) + 1
            if m.start() - line_start >= WRAP_MIN:
                spans.append(m.span())
        spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


class Compacted:
    """A normalised text with layout noise removed, and the map back to the original offsets.

    Spaces that touch a Chinese character and converter pinyin are removed, so that
    ``369 亿元`` reads as ``369亿元``; line breaks stay (they end clauses).  ``original(i)``
    is the offset in the uncompacted text of character ``i``.

    >>> c = Compacted(normalize("生产总值 369 亿元,增长 7.6%"))
    >>> c.text
    '生产总值369亿元,增长7.6%'
    >>> c.span(4, 9)  # "369亿元" is "369 亿元" in the original
    (5, 11)
    """

    __slots__ = ("_cuts", "_shifts", "text")

    def __init__(self, norm: str) -> None:
        cuts = [0]
        shifts = [0]
        pieces: list[str] = []
        last = 0
        removed = 0
        for a, b in _removals(norm):
            pieces.append(norm[last:a])
            removed += b - a
            cuts.append(b - removed)
            shifts.append(removed)
            last = b
        pieces.append(norm[last:])
        self.text = "".join(pieces) if len(cuts) > 1 else norm
        self._cuts = cuts
        self._shifts = shifts

    def original(self, i: int) -> int:
        """The offset in the original text of compact offset ``i``."""
        return i + self._shifts[bisect_right(self._cuts, i) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the compact span [start, end): inner noise included."""
        cuts, shifts = self._cuts, self._shifts
        if len(cuts) == 1:  # nothing was removed: the same offsets
            return (start, end) if end > start else (start, start)
        # self.original(start) and self.original(end - 1) + 1, inlined: a figure asks for
        # a few spans
        first = start + shifts[bisect_right(cuts, start) - 1]
        if end <= start:
            return first, first
        return first, end + shifts[bisect_right(cuts, end - 1) - 1]
