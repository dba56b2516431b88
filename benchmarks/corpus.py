"""Generate a realistic corpus: two scrapes of one site at about 10k, 100k or 1M figures.

    python benchmarks/corpus.py --size 1m --jobs 2

The articles are the seed page's five (two district work reports, three investment news) and
the readable articles of ``tests/data/pages`` (statistical bulletins, news in CSV, JSON, HTML),
rewritten once per *cycle*: every template of a cycle is moved to one district of the gazetteer
(``hycheck.gazetteer``: its full name, short form, city and province replace the template's),
shifted back by 0, 5, 10 or 15 years (titles, stated dates in digits or in Chinese numerals,
periods, five-year plans 十三五 → 十二五 and listing dates move together) and its numbers scaled
by one factor for levels and another for percentages, drawn for that district and year, so
that each cycle reads like one district's section of a site and repeated mentions of a number
stay equal.  Once every (district, years) pair has been used, further cycles are reposts under
a title marked 之二, 之三 …, with 5 % of their numbers re-stated (revised).  A title that still
repeats gets a marker (see ``Titles``), so every article has its own identity;
``--repeat-titles`` keeps the repeats (written to ``corpus-<size>-repeats``).

Writes, under ``benchmarks/out/corpus-<size>/``:

* ``a/``: the scrape as listing dumps, 20 articles a page, the site's footer on each;
* ``b/``: a later scrape of the same site: 0.5 % of the articles gone, 0.5 % new ones, 0.2 %
  re-titled, 1 % with one number edited, 1 % with cosmetic changes only (full-width commas);
* ``a.pickle``, ``b.pickle``: the articles and figures hycheck reads from each (``--jobs``
  processes), for the other benchmark scripts;
* ``manifest.json``: what was made, and how long reading and extracting took.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from _common import OUT, SEED, SIZES, TEST_PAGES, corpus_dir, header

from hycheck.extract import extract
from hycheck.gazetteer import Place, lookup, places
from hycheck.model import Article
from hycheck.pages import _squash, load_pages, split_channel
from hycheck.parallel import extract_many

PER_PAGE = 20
FOOTER = "有想补充的信息?点我投稿\n\n- 联系我们\n- 企业入驻\n"
YEARS_BACK = (0, 5, 10, 15)  # whole five-year plans, so that 十三五 can move with the years
PLANS = ["十五", "十一五", "十二五", "十三五", "十四五", "十五五"]
_PLAN = re.compile("|".join(["“十五”", *(p for p in PLANS if len(p) == 3)]))
CN_DIGITS = "〇一二三四五六七八九"
_CN_YEAR = re.compile(f"[{CN_DIGITS}零]{{4}}(?=年)")
RESTATED = 0.05  # share of the numbers of a repost that are re-stated
SUFFIXES = ["之二", "之三", "之四", "之五", "之六", "之七", "之八", "之九", "之十"]

# B, per article: removed, re-titled, one number edited, cosmetic changes; and new articles
REMOVED, RETITLED, EDITED, COSMETIC, ADDED = 0.005, 0.002, 0.01, 0.01, 0.005


@dataclass(frozen=True)
class Template:
    article: Article
    figures: int


def templates() -> list[Template]:
    """The seed's articles and the readable test articles, each once, with its figure count."""
    found: list[Article] = list(load_pages(SEED))
    bodies = {a.body for a in found}
    for a in load_pages(TEST_PAGES):
        if "broken" in Path(a.page).parts or not a.title.strip() or not a.body.strip():
            continue
        if a.body not in bodies:
            bodies.add(a.body)
            found.append(a)
    return [Template(a, len(extract([a]))) for a in found]


# -- rewriting one article --------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_NOT_A_QUANTITY = set("月日号届次时点:：期批轮季+")  # dates, ordinals, 1+6 …
_RANGE_SIGNS = set("-—－~至")


@dataclass(frozen=True)
class Cycle:
    district: Place
    years: int  # added to every year (0 or less, a multiple of 5)
    level: float  # factor of numbers that are not percentages
    percent: float  # factor of percentages
    suffix: str  # added to titles when the district and year were used before
    restated: float  # share of numbers scaled once more (a repost's revisions)
    seed: int


class Rewriter:
    """Rewrites articles into one cycle's district, years and numbers."""

    def __init__(self, cycle: Cycle) -> None:
        self.cycle = cycle
        self.rng = random.Random(cycle.seed)
        self._maps: dict[str, tuple[re.Pattern[str] | None, dict[str, str]]] = {}

    def names(self, region: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """A pattern of the template region's names and what each becomes."""
        if region not in self._maps:
            self._maps[region] = _name_map(lookup(region), self.cycle.district)
        return self._maps[region]

    def text(self, text: str, region: str) -> str:
        pattern, mapping = self.names(region)
        if pattern is not None:
            text = pattern.sub(lambda m: mapping[m.group()], text)
        if self.cycle.years:
            text = _PLAN.sub(self._plan, text)
            text = _CN_YEAR.sub(self._cn_year, text)
        return _NUMBER.sub(lambda m: self._number(m, text), text)

    def _plan(self, m: re.Match[str]) -> str:
        name = m.group().strip("“”")
        moved = PLANS[max(PLANS.index(name) + self.cycle.years // 5, 0)]
        return m.group().replace(name, moved)

    def _cn_year(self, m: re.Match[str]) -> str:
        year = int("".join(str(CN_DIGITS.index(c)) for c in m.group().replace("零", "〇")))
        return "".join(CN_DIGITS[int(d)] for d in str(year + self.cycle.years))

    def _number(self, m: re.Match[str], text: str) -> str:
        digits = m.group()
        after = text[m.end() : m.end() + 1]
        before = text[m.start() - 1 : m.start()] if m.start() else ""
        whole = "." not in digits
        year = whole and len(digits) == 4 and 1900 <= int(digits) <= 2099
        if year and (after == "年" or after in _RANGE_SIGNS or before in _RANGE_SIGNS):
            return str(int(digits) + self.cycle.years)
        if after in _NOT_A_QUANTITY or before in ("第", "+") or not after:
            return digits
        percent = after in "%％" or text.startswith("个百分点", m.end())
        value = float(digits) * (self.cycle.percent if percent else self.cycle.level)
        if self.cycle.restated and self.rng.random() < self.cycle.restated:
            value *= self.rng.uniform(0.9, 1.1)
        if percent and float(digits) <= 100:
            value = min(value, 100.0)
        decimals = 0 if whole else len(digits) - digits.index(".") - 1
        if decimals == 0:
            return str(max(1, round(value)))
        return f"{value:.{decimals}f}"

    def article(self, template: Article) -> Article:
        title = self.text(template.title.replace("\n", " "), template.region)
        if self.cycle.suffix:
            title = f"{title}（{self.cycle.suffix}）"
        listed = template.listed or date(2025, 7, 1)
        body = self.text(template.body.replace("\n", " "), template.region)
        return replace(template, title=title, body=body, listed=_shift(listed, self.cycle.years))


def _name_map(region: Place | None, to: Place) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    if region is None:
        return None, {}
    mapping: dict[str, str] = {}
    pairs: list[tuple[Place | None, Place | None]] = []
    if region.level == "district":
        pairs.append((region, to))
        region = lookup(region.parent or "")
    to_city = lookup(to.parent or "")
    if region is not None and region.level == "city":
        pairs.append((region, to_city))
        region = lookup(region.parent or "")
        to_city = lookup(to_city.parent or "") if to_city else None
    if region is not None and region.level == "province":
        pairs.append((region, to_city))
    for old, new in pairs:
        if old is None or new is None or old.name == new.name:
            continue
        short = new.aliases[0] if new.aliases else new.name
        mapping[old.name] = new.name
        for alias in old.aliases:
            mapping[alias] = short
    if not mapping:
        return None, {}
    words = sorted(mapping, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), mapping


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# -- the two scrapes ---------------------------------------------------------------------------


def cycles(rng: random.Random) -> Iterator[Cycle]:
    """Cycles over every (district, years back) once in random order, then reposts (之二 …)."""
    districts = [p for p in places() if p.level == "district"]
    combos = [(d, -y) for d in districts for y in YEARS_BACK]
    rng.shuffle(combos)
    factors = {c: (rng.uniform(0.6, 1.6), rng.uniform(0.85, 1.15)) for c in combos}
    n = 0
    while True:
        district, years = combos[n % len(combos)]
        again = n // len(combos)
        suffix = "" if not again else (SUFFIXES[again - 1 : again] or [f"之{again + 1}"])[0]
        level, percent = factors[(district, years)]
        restated = RESTATED if again else 0.0
        yield Cycle(district, years, level, percent, suffix, restated, rng.randrange(2**32))
        n += 1


class Titles:
    """Headlines already used (as article identities see them: hycheck.pages' squashed form).

    Two templates share a title (an HTML page and its copy; two years' work reports of the
    district), a bulletin of a city comes back with each of its districts, and a title without
    a year comes back with each shift of the years: such a title gets a marker a site would
    use (（图）, （转载）…), so that every article has its own identity.  ``repeat=True`` keeps
    the repeats instead (``--repeat-titles``): identities then collide across pages, as on
    sites that repost under the same title, and the diff pairs them by body.
    """

    MARKERS = ("（图）", "（转载）", "（附视频）", "（摘要）", "（解读）", "（图文）")

    def __init__(self, *, repeat: bool = False) -> None:
        self.repeat = repeat
        self.used: set[str] = set()

    def unique(self, art: Article) -> Article:
        if self.repeat:
            return art
        title, n = art.title, 0
        while _squash(split_channel(title)[1]) in self.used:
            n += 1
            mark = self.MARKERS[n - 1] if n <= len(self.MARKERS) else f"（{n}）"
            title = art.title + mark
        self.used.add(_squash(split_channel(title)[1]))
        return art if title == art.title else replace(art, title=title)


def generate(
    target: int, seed: int, *, repeat_titles: bool = False
) -> tuple[list[Article], list[Article], int]:
    """Scrape A and scrape B as article lists, and the figures A is expected to hold."""
    rng = random.Random(seed)
    edits = random.Random(seed + 1)
    tmpl = templates()
    per_cycle = sum(t.figures for t in tmpl)
    wanted_cycles = max(1, round(target / per_cycle))
    extra_cycles = max(1, round(wanted_cycles * ADDED))
    made = cycles(rng)
    a: list[Article] = []
    b: list[Article] = []
    titles = Titles(repeat=repeat_titles)
    for k in range(wanted_cycles + extra_cycles):
        rewrite = Rewriter(next(made))
        for t in tmpl:
            art = titles.unique(rewrite.article(t.article))
            if k >= wanted_cycles:
                b.append(art)  # new in B
                continue
            a.append(art)
            r = edits.random()
            if r < REMOVED:
                continue
            if r < REMOVED + RETITLED:
                b.append(titles.unique(replace(art, title=art.title + "(全文)")))
            elif r < REMOVED + RETITLED + EDITED:
                b.append(replace(art, body=_edit_number(art.body, edits)))
            elif r < REMOVED + RETITLED + EDITED + COSMETIC:
                b.append(replace(art, body=art.body.replace(",", "，").replace(":", "：")))
            else:
                b.append(art)
    return a, b, wanted_cycles * per_cycle


def _edit_number(body: str, rng: random.Random) -> str:
    """One number of the body changed in its last digit (a real re-statement)."""
    found = [m for m in _NUMBER.finditer(body) if body[m.end() : m.end() + 1] in "亿万元个户人"]
    if not found:
        return body
    m = rng.choice(found)
    digits = m.group()
    last = str((int(digits[-1]) + 1) % 10)
    return body[: m.start()] + digits[:-1] + last + body[m.end() :]


def write(articles: list[Article], where: Path) -> int:
    where.mkdir(parents=True, exist_ok=True)
    for old in where.glob("*.txt"):
        old.unlink()
    pages = 0
    for i in range(0, len(articles), PER_PAGE):
        lines = []
        for art in articles[i : i + PER_PAGE]:
            listed = art.listed.isoformat() if art.listed else ""
            lines.append(f"-\n{art.title}\n{art.body}\n{listed}\n")
        (where / f"page-{i // PER_PAGE:05d}.txt").write_text(
            "".join(lines) + FOOTER, encoding="utf-8"
        )
        pages += 1
    return pages


def cache(where: Path, jobs: int) -> dict[str, float | int]:
    """Read and extract one scrape with hycheck; pickle what it found beside it."""
    t = time.perf_counter()
    pages = load_pages(where)
    read = time.perf_counter() - t
    t = time.perf_counter()
    figures = extract_many(pages, jobs=jobs)
    took = time.perf_counter() - t
    data = {"articles": list(pages), "problems": list(pages.problems), "figures": figures}
    with (where.parent / f"{where.name}.pickle").open("wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    chars = sum(len(a.body) for a in pages)
    print(
        f"{where.name}: {len(pages.files):,} pages, {len(pages):,} articles, {chars:,} characters, "
        f"{len(figures):,} figures, {len(pages.problems)} problems; read in {read:.1f} s, "
        f"extracted in {took:.1f} s with {jobs} job(s)"
    )
    return {
        "pages": len(pages.files),
        "articles": len(pages),
        "characters": chars,
        "figures": len(figures),
        "problems": len(pages.problems),
        "read_seconds": round(read, 2),
        "extract_seconds": round(took, 2),
        "jobs": jobs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size", choices=sorted(SIZES), default="10k", help="about this many figures"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=1, help="processes for the extraction")
    parser.add_argument("--no-cache", action="store_true", help="write the pages only")
    parser.add_argument(
        "--repeat-titles",
        action="store_true",
        help="keep titles that templates, cities and years repeat (identities then collide)",
    )
    args = parser.parse_args()
    header(f"corpus {args.size}: generating two scrapes")
    t = time.perf_counter()
    a, b, expected = generate(SIZES[args.size], args.seed, repeat_titles=args.repeat_titles)
    out = corpus_dir(args.size) if not args.repeat_titles else OUT / f"corpus-{args.size}-repeats"
    pages_a, pages_b = write(a, out / "a"), write(b, out / "b")
    print(
        f"wrote {len(a):,} articles in {pages_a:,} pages (a) and {len(b):,} in {pages_b:,} (b) "
        f"to {out.relative_to(OUT.parent.parent)} in {time.perf_counter() - t:.1f} s; "
        f"about {expected:,} figures expected in a"
    )
    manifest: dict[str, object] = {
        "size": args.size,
        "seed": args.seed,
        "repeat_titles": args.repeat_titles,
        "expected": expected,
    }
    if not args.no_cache:
        manifest["a"] = cache(out / "a", args.jobs)
        manifest["b"] = cache(out / "b", args.jobs)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
