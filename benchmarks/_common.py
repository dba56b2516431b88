"""Shared by the benchmark scripts: the machine, timers, memory, and the cached corpus.

Nothing here is part of hycheck.  Every script prints what it measured (input, size, command)
next to each number, so that a pasted line means something on its own.
"""

from __future__ import annotations

import gc
import os
import pickle
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SEED = ROOT / "seeds" / "000_984d2c24117c5c48.txt"
TEST_PAGES = ROOT / "tests" / "data" / "pages"

if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def machine() -> str:
    """One line: cores, CPU model, RAM, load average, Python."""
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({model}), RAM {ram}, load {load}, "
        f"Python {platform.python_version()}"
    )


def header(what: str) -> None:
    print(f"# {what}")
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S %z')}; {machine()}")
    print(f"# command: {' '.join([Path(sys.executable).name, *sys.argv])}")


def rss_now() -> int:
    """Resident memory of this process now, in bytes (Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def rss_peak() -> int:
    """The largest resident memory this process has had, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    rss_before: int = 0
    rss_peak: int = 0
    traced_peak: int = 0
    result: Any = None

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def timed(fn: Callable[[], Any], repeat: int = 1, *, trace: bool = False) -> Timing:
    """Run ``fn`` ``repeat`` times (garbage collected in between); keep the last result.

    ``rss_peak`` is the process peak after the runs; it exceeds ``rss_before`` only when a run
    grew the process beyond every earlier moment.  ``trace`` measures Python allocations with
    tracemalloc in one more run (slower; not timed).
    """
    out = Timing()
    gc.collect()
    out.rss_before = rss_now()
    for _ in range(repeat):
        out.result = None
        gc.collect()
        t = time.perf_counter()
        out.result = fn()
        out.seconds.append(time.perf_counter() - t)
    out.rss_peak = rss_peak()
    if trace:
        import tracemalloc

        result, out.result = out.result, None
        gc.collect()
        tracemalloc.start()
        fn()
        out.traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        out.result = result
    return out


@contextmanager
def step(label: str) -> Iterator[None]:
    t = time.perf_counter()
    yield
    print(f"  {label}: {time.perf_counter() - t:.1f} s", file=sys.stderr)


# -- the corpus ------------------------------------------------------------------------------


def corpus_dir(size: str) -> Path:
    return OUT / f"corpus-{size}"


@dataclass
class Scrape:
    """One generated scrape: its directory, articles, problems and extracted figures."""

    path: Path
    articles: list[Any]
    figures: list[Any]
    problems: list[Any]

    @property
    def chars(self) -> int:
        return sum(len(a.body) for a in self.articles)


def load_scrape(size: str, side: str = "a") -> Scrape:
    """The cached articles and figures of a scrape made by ``benchmarks/corpus.py``."""
    cache = corpus_dir(size) / f"{side}.pickle"
    if not cache.exists():
        sys.exit(f"{cache} is missing: run `python benchmarks/corpus.py --size {size}` first")
    with cache.open("rb") as fh:
        gc.disable()  # a million objects: the collector would walk them again and again
        try:
            data = pickle.load(fh)
        finally:
            gc.enable()
    return Scrape(corpus_dir(size) / side, data["articles"], data["figures"], data["problems"])
