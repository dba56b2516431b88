"""Matching two scrapes: articles by identity then by body, and a symmetric greedy pairing.

Used by ``hycheck.diff``.  ``match_articles`` pairs the articles of two scrapes: first by
``Article.identity`` (the normalised headline when a reader left it empty; several articles
under one identity are told apart by their bodies), then the rest by the similarity of their
normalised bodies, found through an index of sampled 8-character shingles, so the work grows
with the number of unmatched articles, not with its square.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hycheck.intervals import norm_text
from hycheck.model import Article

__all__ = ["fallback_identity", "match_articles", "pair_greedy"]

T = TypeVar("T")

RETITLE_SIMILARITY = 0.5  # body similarity above which two unmatched articles are one
_COMMON_SHINGLE = 50  # a shingle in more articles than this is boilerplate: not a candidate
_CHANNEL = re.compile(r"^\s*[【\[][^】\]]{0,40}[】\]]")


def fallback_identity(article: Article) -> str:
    """The normalised headline: NFKC, channel tag, whitespace and punctuation removed."""
    return norm_text(_CHANNEL.sub("", article.headline or article.title))


def _identity(article: Article) -> str:
    return article.identity or fallback_identity(article)


def match_articles(
    old: Sequence[Article], new: Sequence[Article]
) -> tuple[list[tuple[Article, Article]], list[Article], list[Article]]:
    """(matched pairs, removed, added): by identity first, then the rest by body similarity."""
    old_groups: dict[str, list[Article]] = defaultdict(list)
    new_groups: dict[str, list[Article]] = defaultdict(list)
    for a in old:
        old_groups[_identity(a)].append(a)
    for b in new:
        new_groups[_identity(b)].append(b)
    pairs: list[tuple[Article, Article]] = []
    rest_old: list[Article] = []
    rest_new: list[Article] = []
    _pair_groups(old_groups, new_groups, pairs, rest_old, rest_new)
    # A headline that two articles of one page share gets a body fingerprint in its identity
    # (hycheck.pages); one scrape later the two may sit on different pages and the suffix is
    # gone.  The same headline is still the same article: pair those before the body search.
    old_groups, new_groups = defaultdict(list), defaultdict(list)
    for a in rest_old:
        old_groups[_headline_identity(a)].append(a)
    for b in rest_new:
        new_groups[_headline_identity(b)].append(b)
    rest_old, rest_new = [], []
    _pair_groups(old_groups, new_groups, pairs, rest_old, rest_new)
    got = _pair_by_body(rest_old, rest_new)
    pairs += [(rest_old[i], rest_new[j]) for i, j in got]
    used_o, used_n = {i for i, _ in got}, {j for _, j in got}
    removed = [a for i, a in enumerate(rest_old) if i not in used_o]
    added = [b for j, b in enumerate(rest_new) if j not in used_n]
    return pairs, removed, added


def _pair_groups(
    old_groups: dict[str, list[Article]],
    new_groups: dict[str, list[Article]],
    pairs: list[tuple[Article, Article]],
    rest_old: list[Article],
    rest_new: list[Article],
) -> None:
    """Pair the articles of each key (one to one, else by body similarity); keep the rest."""
    for key in sorted(old_groups.keys() | new_groups.keys()):
        olds, news = old_groups.get(key, []), new_groups.get(key, [])
        if len(olds) == 1 and len(news) == 1:
            pairs.append((olds[0], news[0]))
            continue
        if not olds or not news:
            rest_old += olds
            rest_new += news
            continue
        bodies = _Bodies()  # each body normalised and shingled once for the group's pairs
        pairs += _pair_equal_bodies(olds, news, bodies)
        if not olds or not news:
            rest_old += olds
            rest_new += news
            continue
        got = pair_greedy(olds, news, bodies.similarity, bodies.key, threshold=0.0)
        pairs += [(olds[i], news[j]) for i, j in got]
        used_o, used_n = {i for i, _ in got}, {j for _, j in got}
        rest_old += [a for i, a in enumerate(olds) if i not in used_o]
        rest_new += [b for j, b in enumerate(news) if j not in used_n]


def _pair_equal_bodies(
    olds: list[Article], news: list[Article], bodies: _Bodies
) -> list[tuple[Article, Article]]:
    """Pairs of articles with equal bodies (similarity 1, the best there is): equal as scraped
    first, then equal once normalised, in key order on both sides; removes them from ``olds``
    and ``news``.  A group of reposts under one headline is mostly such pairs, and then their
    bodies are never normalised nor shingled."""
    out: list[tuple[Article, Article]] = []
    # within one class of equal bodies the normalised body in ``bodies.key`` is the same for
    # all, so the raw pass sorts without normalising anything
    for text, key in ((_raw_body, _place_key), (bodies.norm, bodies.key)):
        by_body: dict[str, tuple[list[Article], list[Article]]] = defaultdict(lambda: ([], []))
        for a in olds:
            by_body[text(a)][0].append(a)
        for b in news:
            by_body[text(b)][1].append(b)
        found: list[tuple[Article, Article]] = []
        for same_old, same_new in by_body.values():
            if same_old and same_new:
                same_old.sort(key=key)
                same_new.sort(key=key)
                found += zip(same_old, same_new, strict=False)
        paired = {id(x) for pair in found for x in pair}
        olds[:] = [a for a in olds if id(a) not in paired]
        news[:] = [b for b in news if id(b) not in paired]
        out += found
        if not olds or not news:
            break
    return out


def _raw_body(article: Article) -> str:
    return article.body


def _place_key(a: Article) -> tuple[str, str]:
    """``_article_key`` without the body, for articles whose bodies are equal."""
    return (_identity(a), a.page + f"#{a.doc}")


def _headline_identity(article: Article) -> str:
    """The identity without the body fingerprint or running number a page added to it."""
    return _identity(article).split(".", 1)[0] if article.identity else _identity(article)


def _article_key(a: Article) -> tuple[str, str, str]:
    return (_identity(a), norm_text(a.body)[:64], a.page + f"#{a.doc}")


class _Bodies:
    """``_article_key`` and the body similarity (1 for equal normalised bodies, else the
    Jaccard index of their shingles) of the articles of one group, each body normalised and
    shingled once however many pairs it is in (the group's articles outlive this, so their
    ids are keys)."""

    def __init__(self) -> None:
        self._norm: dict[int, str] = {}
        self._shingles: dict[int, frozenset[int]] = {}

    def norm(self, a: Article) -> str:
        found = self._norm.get(id(a))
        if found is None:
            found = self._norm[id(a)] = norm_text(a.body)
        return found

    def shingles(self, a: Article) -> frozenset[int]:
        found = self._shingles.get(id(a))
        if found is None:
            found = self._shingles[id(a)] = _text_shingles(self.norm(a))
        return found

    def key(self, a: Article) -> tuple[str, str, str]:
        return (_identity(a), self.norm(a)[:64], a.page + f"#{a.doc}")

    def similarity(self, a: Article, b: Article) -> float:
        if self.norm(a) == self.norm(b):
            return 1.0
        return _jaccard(self.shingles(a), self.shingles(b))


def _shingles(article: Article) -> frozenset[int]:
    """A sample of the 8-character shingles of the normalised body (about one in four)."""
    return _text_shingles(norm_text(article.body))


def _text_shingles(text: str) -> frozenset[int]:
    out = set()
    for i in range(len(text) - 7):
        h = zlib.crc32(text[i : i + 8].encode("utf-8"))
        if h & 3 == 0:
            out.add(h)
    return frozenset(out)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 0.0
    common = len(a & b)  # the union's size follows; building it would cost twice as much
    return common / (len(a) + len(b) - common)


def _pair_by_body(old: Sequence[Article], new: Sequence[Article]) -> list[tuple[int, int]]:
    """Pairs of unmatched articles with similar bodies, found through a shingle index."""
    if not old or not new:
        return []
    old_sh = [_shingles(a) for a in old]
    new_sh = [_shingles(b) for b in new]
    index: dict[int, list[int]] = defaultdict(list)
    for j, sh in enumerate(new_sh):
        for h in sh:
            index[h].append(j)
    scores: dict[tuple[int, int], float] = {}
    for i, sh in enumerate(old_sh):
        shared: Counter[int] = Counter()
        for h in sh:
            hits = index.get(h, ())
            if len(hits) <= _COMMON_SHINGLE:
                shared.update(hits)
        for j in shared:
            other = new_sh[j]
            small, large = sorted((len(sh), len(other)))
            if small < RETITLE_SIMILARITY * large:
                continue  # |a ∩ b| / |a ∪ b| <= small / large: it cannot reach the threshold
            score = _jaccard(sh, other)
            if score >= RETITLE_SIMILARITY:
                scores[(i, j)] = score
    return pair_greedy(
        old, new, lambda a, b: 0.0, _article_key, threshold=RETITLE_SIMILARITY, scores=scores
    )


def pair_greedy(
    left: Sequence[T],
    right: Sequence[T],
    score: Callable[[T, T], float],
    key: Callable[[T], Any],
    *,
    threshold: float,
    scores: dict[tuple[int, int], float] | None = None,
) -> list[tuple[int, int]]:
    """Best-first one-to-one pairs with ``score >= threshold``; the same pairs either way round.

    Ties are broken by ``key``, in a canonical orientation of the two sides, so that
    ``pair_greedy(b, a)`` returns the mirror of ``pair_greedy(a, b)``.
    """
    if scores is None:
        scores = {(i, j): score(x, y) for i, x in enumerate(left) for j, y in enumerate(right)}
    keys_l, keys_r = [key(x) for x in left], [key(y) for y in right]
    flip = sorted(keys_l) > sorted(keys_r)
    ranked = sorted(
        (-s, (keys_r[j], keys_l[i]) if flip else (keys_l[i], keys_r[j]), i, j)
        for (i, j), s in scores.items()
        if s >= threshold
    )
    used_l: set[int] = set()
    used_r: set[int] = set()
    out = []
    for _, _, i, j in ranked:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            out.append((i, j))
    return sorted(out)
