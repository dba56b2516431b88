"""Chinese numerals → integers, and back.

Pure functions on *normalised* text (see ``hycheck.normalize``): 五百亿, 一千二百, 两万,
二〇二一.  Arabic digits and the magnitude words after them (1.65万) are read by
``hycheck.scan``, exactly, with integers.

>>> parse_cn_int("五百亿")
50000000000
>>> parse_cn_int("一千二百")
1200
>>> to_cn_numeral(120000)
'十二万'
"""

from __future__ import annotations

from hycheck.lexicon import CN_DIGITS, CN_LARGE_UNITS, CN_SMALL_UNITS

MAX_CN_LENGTH = 40
"""Longer runs of numeral characters are not numbers (and are not parsed: hostile input)."""


def parse_cn_int(text: str) -> int | None:
    """A Chinese numeral → its integer, or ``None`` when ``text`` is not one.

    Handles units (十百千万亿, nested: 两万亿, 一亿二千万), 零 placeholders (一千零五), the
    colloquial short forms 三千五 (3500) and 一万二 (12000), a bare magnitude (百亿 = 1e10,
    亿 = 1e8) and digit strings (二〇二一 = 2021).

    >>> [parse_cn_int(s) for s in ("十二", "二十", "一万二", "三千五", "一千零五", "二〇二一")]
    [12, 20, 12000, 3500, 1005, 2021]
    >>> parse_cn_int("亿")
    100000000
    >>> parse_cn_int("万万万万万万") is None
    True
    """
    if not text or len(text) > MAX_CN_LENGTH:
        return None
    if all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return CN_DIGITS[text]
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    return _parse_large(text, 0)


def _parse_large(text: str, level: int) -> int | None:
    """Split at the largest unit (亿, then 万); recursion depth is bounded by the unit count."""
    if level >= len(_LARGE):
        return _parse_small(text)
    unit_char, unit_value = _LARGE[level]
    i = text.rfind(unit_char)
    if i < 0:
        return _parse_large(text, level + 1)
    left, right = text[:i], text[i + 1 :]
    if unit_char in left:  # 万万: not a number
        return None
    head = 1 if not left else _parse_large(left, level + 1)
    if head is None:
        return None
    if len(right) == 1 and right in CN_DIGITS:  # 一万二 = 12000
        return head * unit_value + CN_DIGITS[right] * unit_value // 10
    tail = _parse_large(right, level + 1) if right else 0
    if tail is None or tail >= unit_value:
        return None
    return head * unit_value + tail


_LARGE = sorted(CN_LARGE_UNITS.items(), key=lambda kv: -kv[1])


def _parse_small(text: str) -> int | None:
    """Below 万: digits with 十百千 and 零."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None and CN_DIGITS[ch] != 0 and digit != 0:
                return None  # 二三: two digits in a row
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None  # 百千, 十十: units out of order
            total += (1 if digit is None or (digit == 0 and total == 0) else digit) * unit
            digit = None
            last_unit = unit
        else:
            return None
    if digit is not None:
        # 三千五 = 3500: a last digit right after a unit counts in the next lower unit
        if text[-2:-1] in CN_SMALL_UNITS and last_unit >= 100:
            return total + digit * last_unit // 10
        total += digit
    return total


_CN_DIGIT_CHARS = "零一二三四五六七八九"


def to_cn_numeral(n: int) -> str:
    """The canonical Chinese numeral of a non-negative integer below 10**16.

    >>> [to_cn_numeral(n) for n in (0, 10, 15, 105, 1200, 20000, 100000000, 1000010)]
    ['零', '十', '十五', '一百零五', '一千二百', '二万', '一亿', '一百万零一十']
    """
    if n < 0 or n >= 10**16:
        raise ValueError(f"{n} is out of range")
    if n == 0:
        return "零"
    groups = [(n // 10**8) % 10**8, (n // 10**4) % 10**4, n % 10**4]
    names = ["亿", "万", ""]
    out: list[str] = []
    need_zero = False
    for group, name in zip(groups, names, strict=True):
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out.append("零")
        out.append(_four_digits(group) + name)
        need_zero = False
    text = "".join(out)
    if text.startswith("一十"):
        text = text[1:]
    return text


def _four_digits(n: int) -> str:
    """1..9999 → 一千二百零五; n >= 1000 may be written with an inner 零."""
    if n >= 10**4:
        # a group above 万 (only from the 亿 group) holds its own 万
        return to_cn_numeral(n)
    out: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_CN_DIGIT_CHARS[d] + unit)
    return "".join(out)
