"""Findings of ``hycheck.validate`` against the code before the speed-ups, on real corpora.

    python benchmarks/compare_validate.py --size 10k 100k [--jobs 1 2] [--reference d6c0fe4]

For each corpus (scrape ``a`` of ``benchmarks/out/corpus-<size>``) and for a mutated copy of it
(``--mutate`` of the figures changed so that ranges, units, kinds, bounds, periods, spans and
dates fail, and some articles re-dated; and that copy again with one title ``None``, which
sends every figure down the general path), the findings of ``validate`` (serial, and forked over
two processes when ``--jobs`` says so) and of ``validate_frame`` on ``figures_frame`` must equal
those of ``validation.py`` and ``schemas.py`` as they were at ``--reference`` (a git
revision, by default the one before the speed-ups, read with ``git show`` into a temporary
directory and loaded beside today's modules): the same codes, rules, severities, messages,
details, figures, articles, in the same order.  Exits 1 on the first difference, after
printing it.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from _common import SIZES, load_scrape

from hycheck.expectations import load_expectations
from hycheck.frames import figures_frame
from hycheck.model import Article, Figure, Finding, Kind
from hycheck.validation import _forked, validate, validate_frame

BEFORE_SPEED_UPS = "d6c0fe4"


def reference(rev: str) -> ModuleType:
    """``hycheck.validation`` (with its ``schemas``) as it was at ``rev``, as a module of its
    own: the oracle the current code is held to."""
    root = Path(__file__).resolve().parent.parent
    tmp = Path(tempfile.mkdtemp(prefix="hycheck-ref-"))
    for name in ("validation", "schemas"):
        show = ["git", "-C", str(root), "show", f"{rev}:hycheck/{name}.py"]
        text = subprocess.run(show, capture_output=True, text=True, check=True).stdout
        text = text.replace("from hycheck.schemas import", "from ref_schemas import")
        (tmp / f"ref_{name}.py").write_text(text, encoding="utf-8")
    sys.path.insert(0, str(tmp))
    return importlib.import_module("ref_validation")


UNITS = ["CNY", "person", "percent", "t", "kwh", "teu", "furlong", "mu", "item"]


def mutate_figure(f: Figure, rnd: random.Random) -> Figure:
    """One change that some rule should notice (or, now and then, that none should)."""
    what = rnd.randrange(12)
    change: dict[str, Any]
    if what == 0:
        change = {"value": f.value * rnd.choice([1e4, 1e6, -1.0, 1e-6])}
    elif what == 1:
        change = {"unit": rnd.choice(UNITS)}
    elif what == 2:
        change = {"kind": rnd.choice([*Kind, "guess"])}
    elif what == 3:
        year = rnd.choice([1990, 2009, 2016, 2024, 2031])
        change = {"period": rnd.choice([str(year), f"{year}H1", f"{year}M07", "20X1", "unknown"])}
    elif what == 4:
        change = {"bound": rnd.choice(["eq", "ge", "zz"])}
    elif what == 5:
        change = {"end": f.end + rnd.choice([-1, 1])}
    elif what == 6:
        change = {"upper": f.value - 1 if rnd.random() < 0.5 else None}
    elif what == 7:
        change = {"region": rnd.choice(["", "汉阳区", "武汉市", "湖北省", "中国", "某地"])}
    elif what == 8:
        change = {"metric": rnd.choice(["gdp", "new_jobs", "other", "no_such_metric"])}
    elif what == 9:
        change = {"value": rnd.choice([float("nan"), float("inf"), -5.0, 250.0, 1e13])}
    elif what == 10:
        change = {"growth_of": rnd.choice([None, "gdp", ""]), "unit": "percent"}
    else:
        change = {"metric_text": rnd.choice(["占比", "城镇化率", "增长", ""]), "unit": "percent"}
    return dataclasses.replace(f, **change)


def mutate(
    figs: list[Figure], arts: list[Article], share: float, seed: int = 7
) -> tuple[list[Figure], list[Article]]:
    rnd = random.Random(seed)
    out_f = [mutate_figure(f, rnd) if rnd.random() < share else f for f in figs]
    out_a = []
    for a in arts:
        if rnd.random() < share:
            shift = timedelta(days=rnd.choice([-4000, -400, 200, 900, 4000]))
            stated = (a.stated or date(2020, 1, 1)) + shift if rnd.random() < 0.8 else None
            a = dataclasses.replace(a, stated=stated)
        out_a.append(a)
    return out_f, out_a


def same(label: str, got: list[Finding], want: list[Finding]) -> bool:
    """Equal reprs, in order (repr, not ==: a nan value is never equal to itself)."""
    g_r, w_r = list(map(repr, got)), list(map(repr, want))
    if g_r == w_r:
        return True
    print(f"  DIFFERENT: {label}: {len(got)} findings, expected {len(want)}")
    for i, (g, w) in enumerate(zip(g_r, w_r, strict=False)):
        if g != w:
            print(f"    first difference at {i}:\n      got  {g}\n      want {w}")
            break
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", nargs="+", choices=sorted(SIZES), default=["10k", "100k"])
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--mutate", type=float, default=0.05)
    parser.add_argument("--reference", default=BEFORE_SPEED_UPS, metavar="REV")
    args = parser.parse_args()
    ref_validation = reference(args.reference)
    exp = load_expectations()
    ok = True
    for size in args.size:
        scrape = load_scrape(size)
        plain = (scrape.figures, scrape.articles)
        mutated = mutate(*plain, args.mutate)
        untyped = list(mutated[0])  # one title that is not text: the general path
        untyped[len(untyped) // 3] = dataclasses.replace(untyped[len(untyped) // 3], title=None)
        for label, (figs, arts) in (
            (f"corpus-{size}", plain),
            (f"corpus-{size} mutated", mutated),
            (f"corpus-{size} mutated, a title None", (untyped, mutated[1])),
        ):
            t = time.perf_counter()
            want = ref_validation.validate(figs, arts, exp)
            took = time.perf_counter() - t
            codes = Counter(str(f.code) for f in want)
            print(f"{label}: {len(figs):,} figures, {len(want):,} findings {dict(codes)}")
            print(f"  reference: {took:.2f} s")
            for jobs in args.jobs:
                t = time.perf_counter()
                got = validate(figs, arts, exp, jobs=jobs)
                took = time.perf_counter() - t
                ok &= same(f"validate jobs={jobs}", got, want)
                how = ""
                if jobs > 1:  # did the runs agree, or did one process validate again?
                    direct = _forked(figs, arts, exp, jobs)
                    how = " (one process: the runs could differ)" if direct is None else " (forked)"
                    ok &= direct is None or same(f"_forked jobs={jobs}", direct, want)
                print(f"  validate, jobs={jobs}: {took:.2f} s{how}")
            frame = figures_frame(figs)
            want = ref_validation.validate_frame(frame, arts, exp)
            ok &= same("validate_frame", validate_frame(frame, arts, exp), want)
    print("identical" if ok else "DIFFERENT")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
