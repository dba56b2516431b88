"""A small gazetteer of Chinese place names: country, provinces, cities, districts.

The names are data (``hycheck._places``); this module only indexes them::

    >>> lookup("汉阳").name
    '汉阳区'
    >>> [p.name for p in ancestors("汉阳区")]
    ['武汉市', '湖北省', '中国']
    >>> [(s, e, p.name) for s, e, p in find_places("湖北省武汉市汉阳区通过招商引资")]
    [(0, 3, '湖北省'), (3, 6, '武汉市'), (6, 9, '汉阳区')]

``find_places`` reads left to right and takes the longest name or short form that starts at
each position, so 武汉市 wins over 武汉 and 东西湖区 over 东西湖.  It does a handful of dict
look-ups per character: linear in the text, whatever the text.  A district written right after
a city or province it does not belong to (南昌市西湖区, while the gazetteer only knows
Hangzhou's 西湖区) is left out rather than put in the wrong city.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hycheck import _places

__all__ = [
    "LEVELS",
    "Place",
    "ancestors",
    "find_places",
    "level_of",
    "lookup",
    "names_a_place",
    "places",
    "short_name",
]

LEVELS: tuple[str, ...] = ("country", "province", "city", "district")
"""The levels of a place, from the widest to the narrowest."""


@dataclass(frozen=True, slots=True)
class Place:
    """One place: its full name, level, the full name of its parent and its safe short forms."""

    name: str
    level: str  # "country" | "province" | "city" | "district"
    parent: str | None
    aliases: tuple[str, ...] = ()

    @property
    def depth(self) -> int:
        """0 for the country … 3 for a district: larger is more specific."""
        return LEVELS.index(self.level)


def _build() -> dict[str, Place]:
    country, country_aliases = _places.COUNTRY
    found = [Place(country, "country", None, country_aliases)]
    for province, (aliases, cities) in _places.PROVINCES.items():
        found.append(Place(province, "province", country, aliases))
        found.extend(Place(city, "city", province, short) for city, short in cities.items())
    for city, districts in _places.DISTRICTS.items():
        found.extend(Place(name, "district", city, short) for name, short in districts.items())
    by_name: dict[str, Place] = {}
    for place in found:
        if place.name in by_name:
            raise ValueError(f"gazetteer: {place.name} is listed twice")
        by_name[place.name] = place
    for place in found:
        if place.parent is not None and place.parent not in by_name:
            raise ValueError(f"gazetteer: {place.name} has an unknown parent {place.parent}")
    return by_name


def _index(by_name: dict[str, Place]) -> dict[str, Place]:
    index = dict(by_name)
    for place in by_name.values():
        for alias in place.aliases:
            if alias in index:
                other = index[alias].name
                raise ValueError(f"gazetteer: {alias} names both {other} and {place.name}")
            index[alias] = place
    return index


_BY_NAME = _build()
_INDEX = _index(_BY_NAME)


def lookup(name: str) -> Place | None:
    """The place with this full name or safe short form, or None.

    >>> lookup("武汉").name, lookup("武汉市").level, lookup("全市")
    ('武汉市', 'city', None)
    """
    return _INDEX.get(name)


def ancestors(name: str) -> list[Place]:
    """The places that contain this one, narrowest first; [] for an unknown name."""
    place = _INDEX.get(name)
    out: list[Place] = []
    while place is not None and place.parent is not None:
        place = _BY_NAME[place.parent]
        out.append(place)
    return out


def places() -> Iterator[Place]:
    """Every place of the gazetteer, country first, then province by province."""
    return iter(_BY_NAME.values())


def _trie_branches(words: list[str]) -> dict[str, str]:
    """The trie of ``words`` as one pattern per first character, each matching the longest
    of the words that start with it: the engine follows one branch a character instead of
    trying every name."""
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return {ch: re.escape(ch) + build(child) for ch, child in sorted(root.items()) if ch}


_GROUP = 40
"""First characters per group of branches (the fastest size measured, 300 branches)."""


def _grouped(branches: dict[str, str]) -> str:
    """The branches as one alternation, in groups behind a class of their first characters:
    the engine tries alternatives one by one, so a group that cannot match is passed over
    with one test instead of forty (3.9 -> 1.6 µs a clause)."""
    firsts = list(branches)
    groups = [firsts[i : i + _GROUP] for i in range(0, len(firsts), _GROUP)]
    return "|".join(
        "(?=[" + re.escape("".join(group)) + "])(?:" + "|".join(branches[ch] for ch in group) + ")"
        for group in groups
    )


_BRANCHES = _trie_branches(sorted(_INDEX))
_NAME_AT = re.compile(
    # A match starts by consuming the first character of a name, so that the engine skips
    # every other character in its fast loop; looking behind from there, the longest name
    # is matched ahead into the group "name".  Found names may overlap: find_places drops
    # those that start inside the one before.
    f"[{re.escape(''.join(_BRANCHES))}](?<=(?=(?P<name>{_grouped(_BRANCHES)})).)"
)


def names_a_place(text: str, start: int, stop: int) -> bool:
    """Whether a name or short form of the gazetteer stands inside text[start:stop]: a test
    that lists nothing, for the many clauses that name no place."""
    return _NAME_AT.search(text, start, stop) is not None


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """Every place named in ``text`` as (start, end, place), left to right, longest match."""
    out: list[tuple[int, int, Place]] = []
    last = 0
    for m in _NAME_AT.finditer(text):
        start, end = m.span("name")
        if start < last:
            continue  # inside the name before, where reading left to right never starts
        last = end
        hit = _INDEX[text[start:end]]
        if not _misplaced(hit, start, out):
            out.append((start, end, hit))
    return out


def _misplaced(place: Place, start: int, before: list[tuple[int, int, Place]]) -> bool:
    """A district written right after a city or province that does not contain it."""
    if place.level != "district" or not before:
        return False
    _, prev_end, prev = before[-1]
    if prev_end != start or prev.level not in ("city", "province"):
        return False
    return prev.name not in {p.name for p in ancestors(place.name)}


# The level of a place the gazetteer does not list, by the end of its name, longest first.
_LEVEL_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("特别行政区", "province"),
    ("自治区", "province"),
    ("自治州", "city"),
    ("地区", "city"),
    ("省", "province"),
    ("市", "city"),
    ("州", "city"),
    ("盟", "city"),
    ("区", "district"),
    ("县", "district"),
    ("旗", "district"),
)
_COUNTRY_WORDS = frozenset({"中国", "全国", "我国", "中华人民共和国"})


UNNAMED_PART = "/"
"""Joins a region and the word a text uses for an unnamed part of it: 铜陵市/全区 is some
district of 铜陵市 (a city portal's news that says 全区), at the district level."""


def unnamed_part(region: str, word: str) -> str:
    """``region`` + ``word``: a part of the region the text does not name.

    >>> unnamed_part("铜陵市", "全区"), level_of("铜陵市/全区")
    ('铜陵市/全区', 'district')
    """
    return f"{region}{UNNAMED_PART}{word}"


def is_identified(region: str) -> bool:
    """Whether ``region`` names one place: figures of two articles with the same unnamed part
    (铜陵市/全区) may be of two districts, so they are not compared."""
    return bool(region) and UNNAMED_PART not in region


def level_of(name: str) -> str:
    """ "district", "city", "province", "country", or "" when the level is unknown: the
    gazetteer's when it lists the place, else by the ending of the name.

    >>> level_of("汉阳区"), level_of("武汉市"), level_of("广西壮族自治区"), level_of("碧江区")
    ('district', 'city', 'province', 'district')
    >>> level_of("全国"), level_of("")
    ('country', '')
    """
    name = (name or "").strip()
    if not name:
        return ""
    place = _INDEX.get(name)
    if place is not None:
        return place.level
    if name in _COUNTRY_WORDS:
        return "country"
    for suffix, level in _LEVEL_SUFFIXES:
        if name.endswith(suffix):
            return level
    return ""


def short_name(name: str) -> str:
    """The short form a text uses for a place (汉阳区 → 汉阳): its alias when the gazetteer
    lists one, else the name without its level suffix (碧江区 → 碧江)."""
    place = _INDEX.get(name)
    if place is not None and place.aliases:
        return place.aliases[0]
    for suffix, _ in _LEVEL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name
