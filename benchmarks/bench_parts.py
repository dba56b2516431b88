"""The parts of the stages whose cost per figure is not flat, at each corpus size.

    python benchmarks/bench_parts.py [--sizes 10k 100k 1m]

For scrape ``a`` (and ``b``) of each ``benchmarks/out/corpus-<size>``, in a fresh process per
size: the diff split into matching articles (``match_articles``) and diffing the figures of
the matched pairs; the cross-document checks split into ``cross_document_findings``,
``series_findings`` and ``arithmetic_findings`` (each with the collector paused, as the stages
run them); reading the pages with the garbage collector on and off.  Microseconds per
figure; the counts that explain them are printed beside.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import SIZES, corpus_dir, header, load_scrape


def one(size: str) -> dict[str, Any]:
    import deepdiff  # noqa: F401  imported by the first changed figure: not part of the time

    from hycheck._gc import paused
    from hycheck.arithmetic import arithmetic_findings
    from hycheck.conflicts import DocOrder, _dedupe, cross_document_findings
    from hycheck.diff import _Scrape, diff_figures
    from hycheck.intervals import coerce_rules
    from hycheck.match import _identity, match_articles
    from hycheck.pages import load_pages
    from hycheck.series import series_findings

    a, b = load_scrape(size, "a"), load_scrape(size, "b")
    n = len(a.figures)
    out: dict[str, Any] = {"figures": n}

    def clock(label: str, fn: Any) -> Any:
        t = time.perf_counter()
        with paused():  # as diff_scrapes and find_conflicts run their parts
            result = fn()
        out[label] = 1e6 * (time.perf_counter() - t) / n
        return result

    rules = coerce_rules(None)
    old, new = _Scrape(a.articles, a.figures), _Scrape(b.articles, b.figures)
    pairs, removed, added = clock(
        "diff: match articles", lambda: match_articles(a.articles, b.articles)
    )
    clock(
        "diff: figures of the pairs",
        lambda: [diff_figures(x, old.figures_of(x), y, new.figures_of(y), rules) for x, y in pairs],
    )
    keys = [_identity(x) for x in a.articles]
    out["articles under a repeated identity"] = 1 - len(set(keys)) / len(keys)
    out["articles left unpaired (a + b)"] = len(removed) + len(added)

    figs = _dedupe(a.figures)
    arts = sorted(a.articles, key=lambda x: (x.page, x.doc))
    order = DocOrder(arts)
    clock("conflicts: cross-document", lambda: cross_document_findings(figs, order, rules))
    clock("conflicts: series", lambda: series_findings(figs, arts, order, rules))
    clock("conflicts: arithmetic", lambda: arithmetic_findings(figs, arts, rules))
    regions: dict[str, int] = {}
    for x in a.articles:
        regions[x.region] = regions.get(x.region, 0) + 1
    out["articles per region"] = len(a.articles) / max(len(regions), 1)

    t = time.perf_counter()
    load_pages(a.path)
    out["read, collector on"] = 1e6 * (time.perf_counter() - t) / n
    clock("read, collector off", lambda: load_pages(a.path))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["10k", "100k", "1m"])
    parser.add_argument("--one", choices=sorted(SIZES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    header("parts of the stages that are not flat (µs per figure unless said)")
    results = {}
    for size in args.sizes:
        if not (corpus_dir(size) / "b.pickle").exists():
            print(f"  corpus-{size}: missing, skipped")
            continue
        command = [sys.executable, str(Path(__file__)), "--one", size]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results[size] = json.loads(done.stdout.strip().splitlines()[-1])
    sizes = list(results)
    print("| part | " + " | ".join(f"{results[s]['figures']:,} figures" for s in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for key in results[sizes[0]]:
        if key == "figures":
            continue
        cells = []
        for s in sizes:
            v = results[s][key]
            cells.append(f"{v:.0%}" if key.startswith("articles under") else f"{v:,.2f}")
        print(f"| {key} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
