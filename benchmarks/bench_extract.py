"""Extraction speed on one core, side by side with ``jionlp.ner.extract_money``.

    python benchmarks/bench_extract.py [--chars 2000000] [--repeat 3]

The input is the seed page's five articles repeated until their bodies hold about ``--chars``
characters; when ``benchmarks/out/corpus-10k`` exists, its varied articles are measured too.
hycheck runs ``hycheck.extract`` over the articles (normalisation, scanning, reading every
figure in context); jionlp runs ``extract_money`` on each body (money amounts only), in the
same process, on the same text.  Each is warmed up once (loading expectation files, compiling
patterns) and the best of ``--repeat`` runs is reported.  jionlp is the optional ``bench``
extra (``pip install 'hycheck[bench]'``); without it the comparison is skipped and said so.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Callable, Sequence
from typing import Any

from _common import SEED, corpus_dir, header, load_scrape, timed

from hycheck.extract import extract
from hycheck.model import Article
from hycheck.pages import load_pages

GOAL_CHARS_PER_S = 2_000_000
GOAL_RATIO = 2.0


def repeated_seed(chars: int) -> list[Article]:
    base = list(load_pages(SEED))
    size = sum(len(a.body) for a in base)
    copies = max(1, round(chars / size))
    return [
        Article(a.page, k * len(base) + a.doc, a.title, a.body, stated=a.stated, listed=a.listed)
        for k in range(copies)
        for a in base
    ]


def jionlp_money() -> Callable[[str], list[Any]] | None:
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner when imported
            import jionlp
    except ImportError:
        return None
    fn: Callable[[str], list[Any]] = jionlp.ner.extract_money
    return fn


def measure(label: str, articles: Sequence[Article], repeat: int) -> None:
    chars = sum(len(a.body) for a in articles)
    print(f"input: {label}: {len(articles):,} articles, {chars:,} characters of body")
    extract(articles[:5])  # warm-up: expectation files, vocabulary, patterns
    ours = timed(lambda: extract(articles), repeat)
    rate = chars / ours.best
    goal = "meets" if rate >= GOAL_CHARS_PER_S else "misses"
    print(
        f"  hycheck.extract        {rate:>12,.0f} chars/s  best of {repeat}: {ours.best:.2f} s "
        f"(median {ours.median:.2f} s), {len(ours.result):,} figures of every kind  "
        f"[{goal} the goal of {GOAL_CHARS_PER_S:,}]"
    )
    money = jionlp_money()
    if money is None:
        hint = "pip install 'hycheck[bench]'"
        print(f"  jionlp.ner.extract_money  skipped: jionlp is not installed ({hint})")
        return
    bodies = [a.body for a in articles]
    money(bodies[0])  # warm-up
    theirs = timed(lambda: [money(b) for b in bodies], repeat)
    their_rate = chars / theirs.best
    found = sum(len(r) for r in theirs.result)
    ratio = rate / their_rate
    goal = "meets" if ratio >= GOAL_RATIO else "misses"
    print(
        f"  jionlp.ner.extract_money {their_rate:>10,.0f} chars/s  best of {repeat}: "
        f"{theirs.best:.2f} s (median {theirs.median:.2f} s), {found:,} money amounts"
    )
    print(f"  ratio hycheck / jionlp: {ratio:.2f}x  [{goal} the goal of {GOAL_RATIO:g}x]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    header("extraction speed, one core (this process)")
    arts = repeated_seed(args.chars)
    measure(f"seed page's 5 articles repeated {len(arts) // 5}x", arts, args.repeat)
    if (corpus_dir("10k") / "a.pickle").exists():
        scrape = load_scrape("10k")
        measure(
            "benchmarks/out/corpus-10k/a (varied districts, years, numbers)",
            scrape.articles,
            args.repeat,
        )


if __name__ == "__main__":
    main()
