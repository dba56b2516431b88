"""Text shaping shared by the report renderers: escaping and showing numbers.

Scraped titles and sentences are untrusted.  Each output has its own escaper:

* ``plain``: one line, no control characters (terminal text, JUnit, annotations);
* ``md``: GitHub-flavoured markdown text that cannot open a table cell, an HTML tag, an entity,
  a link, an autolink, a mention, emphasis, code or math (see ``md`` for how);
* ``mermaid_label``: a label inside a mermaid chart;
* ``xml_text``: characters XML 1.0 can hold;
* ``gh_data`` / ``gh_property``: GitHub workflow-command values (actions/toolkit rules).

Numbers are shown as written (the figure's surface) and normalised in one format: below 10⁶
with thousands separators (16,500), from 10⁶ up in powers of ten with every significant digit
kept (9.48×10¹⁰), signed changes with a true minus sign (−30%).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal

# -- one line, no control characters ---------------------------------------------------------

_LINE_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = (
    [chr(c) for c in range(0x20) if chr(c) not in _LINE_BREAKS]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0) if chr(c) != "\x85"]
    # bidi embeddings, overrides and isolates: they reorder what the reader sees
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
_PLAIN = str.maketrans({**dict.fromkeys(_LINE_BREAKS, " "), **dict.fromkeys(_CONTROLS, "\ufffd")})


def plain(text: str) -> str:
    """One line: line breaks and tabs become spaces, other control characters U+FFFD.

    >>> plain("汉阳区\\r\\n2018年\\x1b[31m")
    '汉阳区  2018年\\ufffd[31m'
    """
    return text.translate(_PLAIN)


# -- markdown --------------------------------------------------------------------------------

# Every character that opens or closes a markdown construct anywhere in a line.  `-`, `+`,
# `=`, `.` and `)` only matter at the start of a block (see ``block_safe``) and `:`/`.` only
# inside autolinks (handled below), so they stay unescaped and Chinese text stays readable.
_MD_SPECIAL = "\\`*_[]<>&|~#$"
_MD = {**_PLAIN, **{ord(c): "\\" + c for c in _MD_SPECIAL}}
_WWW = re.compile(r"(www)\.", re.IGNORECASE)
_MENTION = re.compile(r"@(?=[0-9A-Za-z])")
_BLOCK_START = re.compile(r"[-+=]|[0-9]{1,9}[.)]")


def md(text: str) -> str:
    r"""Scraped text as markdown that renders as the same characters and nothing else.

    Markdown punctuation is backslash-escaped (so `|` cannot split a table cell, `<` cannot
    open HTML, `[` cannot open a link, `&` cannot start an entity).  GitHub's autolinks are
    broken where they would start: ``www\.`` and ``\://`` (cmark-gfm matches them on the raw
    source, an escape stops it), and a word joiner (U+2060) after ``@`` stops e-mail autolinks
    and @mentions (those are matched on the rendered text, where escapes are gone).

    >>> md("a|b <script> [x](javascript:alert(1)) http://x.cn www.x.cn")
    'a\\|b \\<script\\> \\[x\\](javascript:alert(1)) http\\://x.cn www\\.x.cn'
    """
    out = text.translate(_MD)
    if "://" in out:
        out = out.replace("://", "\\://")
    if "ww." in out or "WW." in out or "wW." in out or "Ww." in out:
        out = _WWW.sub(r"\1\\.", out)
    if "@" in out:
        out = _MENTION.sub("@\u2060", out)
    return out


def block_safe(markdown: str) -> str:
    r"""Markdown that may start a line: no list marker, setext underline or indented code.

    >>> block_safe("  1. 项目")
    '1\\. 项目'
    """
    out = markdown.lstrip(" ")
    m = _BLOCK_START.match(out)
    if m:
        end = m.end()
        out = out[: end - 1] + "\\" + out[end - 1 :]
    return out


# -- mermaid, XML, GitHub workflow commands ---------------------------------------------------

_MERMAID_KEEP = frozenset(" -._%()/·+")


def mermaid_label(text: str, width: int = 40) -> str:
    """A label for a quoted mermaid string: letters, digits, spaces and ``-._%()/·+`` only.

    Quotes, brackets, ``#`` (mermaid's entity marker), ``;`` and backticks (which could close
    the fence) become spaces; the table next to the chart carries the exact text.

    >>> mermaid_label('汉阳区 "GDP" [亿元]#1;')
    '汉阳区 GDP 亿元 1'
    """
    kept = "".join(c if c.isalnum() or c in _MERMAID_KEEP else " " for c in plain(text))
    return " ".join(kept.split())[:width]


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: forbidden characters (most C0 controls, lone surrogates,
    U+FFFE/U+FFFF) become U+FFFD.  ElementTree escapes ``& < > "`` itself."""
    if text.isprintable():
        return text
    return "".join(c if _xml_ok(c) else "\ufffd" for c in text)


def _xml_ok(c: str) -> bool:
    o = ord(c)
    if o < 0x20:
        return c in "\t\n\r"
    return not (0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF))


def gh_data(text: str) -> str:
    """A workflow-command message: ``%``, CR and LF percent-encoded (actions/toolkit)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """A workflow-command property value: as ``gh_data``, and ``:`` and ``,`` too."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


# -- quoting a sentence with its figure marked ------------------------------------------------


def quote(
    sentence: str,
    surface: str,
    *,
    escape: Callable[[str], str] = plain,
    mark: Callable[[str], str] = lambda s: f"⟦{s}⟧",
    width: int = 60,
) -> tuple[str, bool]:
    """The sentence around ``surface`` with every occurrence of it marked; and whether cut.

    At most ``width`` characters are kept each side of the first occurrence ("…" marks a
    cut).  A sentence that does not hold the surface is shown before it; an empty one gives
    the marked surface alone.

    >>> quote("预计全年实现地区生产总值948亿元,增长7%", "948亿元")
    ('预计全年实现地区生产总值⟦948亿元⟧,增长7%', False)
    """
    surface_shown = mark(escape(surface)) if surface else ""
    if not sentence:
        return surface_shown, False
    i = sentence.find(surface) if surface else -1
    if i < 0:
        cut = len(sentence) > 2 * width
        text = sentence[: 2 * width] + ("…" if cut else "")
        return escape(text) + (f" · {surface_shown}" if surface_shown else ""), cut
    lo = max(0, i - width)
    hi = min(len(sentence), i + len(surface) + width)
    window = sentence[lo:hi]
    parts = window.split(surface)
    # a cut through an occurrence at the window's edge leaves a fragment: that is fine, only
    # whole occurrences are marked
    body = surface_shown.join(escape(p) for p in parts)
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(sentence) else ""), (
        lo > 0 or hi < len(sentence)
    )


def shorten(text: str, width: int) -> str:
    """At most ``width`` characters, "…" marking a cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


# -- numbers ---------------------------------------------------------------------------------

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
MINUS = "−"


def number(value: float, digits: int | None = None) -> str:
    """A number as the reports show it; ``digits`` rounds to that many significant digits.

    >>> number(94800000000), number(16500), number(445.3), number(-0.00012)
    ('9.48×10¹⁰', '16,500', '445.3', '−1.2×10⁻⁴')
    """
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else MINUS + "∞"
    if value == 0:
        return "0"
    if digits is not None:
        value = float(f"{value:.{digits}g}")
    d = Decimal(repr(float(value))).normalize()
    sign, digit_tuple, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    digs = "".join(map(str, digit_tuple))
    power = len(digs) - 1 + exponent
    minus = MINUS if sign else ""
    if power >= 6 or power < -3:
        mantissa = digs[0] + ("." + digs[1:] if len(digs) > 1 else "")
        return f"{minus}{mantissa}×10{str(power).translate(_SUPERSCRIPT)}"
    return minus + format(abs(d), ",f")


BOUND_SIGN = {"eq": "", "gt": ">", "ge": "≥", "lt": "<", "le": "≤", "approx": "≈"}


def unit_suffix(unit: str) -> str:
    return "%" if unit == "percent" else f" {unit}" if unit else ""


def quantity(value: float, unit: str, bound: str = "eq", upper: float | None = None) -> str:
    """A normalised figure: bound sign, number (or range), unit; NaN for a value that is not
    a finite number.

    >>> quantity(1e11, "CNY", "gt"), quantity(7, "percent"), quantity(1e9, "CNY", upper=2e9)
    ('>1×10¹¹ CNY', '7%', '1×10⁹–2×10⁹ CNY')
    """

    def num(v: float) -> str:  # JSON holds no infinity: show it as the NaN it reads back as
        return number(v) if math.isfinite(v) else "NaN"

    shown = num(value) if upper is None else f"{num(value)}–{num(upper)}"
    return f"{BOUND_SIGN.get(bound, '')}{shown}{unit_suffix(unit)}"


def signed(value: float, unit: str = "", digits: int = 4) -> str:
    """A change with its sign: +3.6×10⁹ CNY, −2.5%."""
    if math.isnan(value) or value == 0:
        return number(value) + unit_suffix(unit)
    return ("+" if value > 0 else "") + number(value, digits) + unit_suffix(unit)


def percent(fraction: float, *, sign: bool = True) -> str:
    """A relative change given as a fraction, as a percentage: 0.038 → +3.8% (or 3.8%)."""
    if math.isnan(fraction) or math.isinf(fraction):
        return number(fraction)
    pct = fraction * 100
    if pct == 0:
        return "0%"
    mark = ("+" if pct > 0 else MINUS) if sign else ("" if pct > 0 else MINUS)
    a = abs(pct)
    if a >= 100:
        shown = f"{a:,.0f}"
    elif a >= 1:
        shown = f"{a:.1f}".removesuffix(".0")
    else:
        shown = number(float(f"{a:.2g}"))
    return f"{mark}{shown}%"


# -- chart scale ------------------------------------------------------------------------------

UNIT_WORDS = {
    "CNY": "元",
    "USD": "美元",
    "m2": "平方米",
    "mu": "亩",
    "km": "公里",
    "person": "人",
    "person_time": "人次",
    "household": "户",
    "item": "个",
    "percent": "%",
    "pp": "个百分点",
    "ratio": "倍",
    "m3_per_s": "立方米/秒",
}
"""How an axis names a unit, in Chinese (the unit codes are DESIGN.md's)."""


def chart_scale(unit: str, largest: float) -> tuple[float, str]:
    """Divisor and axis unit for a chart of values up to ``largest``: 亿元, 万人 …"""
    word = UNIT_WORDS.get(unit, unit)
    if unit in ("percent", "pp", "ratio"):
        return 1.0, word
    if largest >= 1e8:
        return 1e8, "亿" + word
    if largest >= 1e4:
        return 1e4, "万" + word
    return 1.0, word


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, "page") == "1 page"``, ``plural(2, "page") == "2 pages"``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"
