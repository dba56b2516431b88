"""Whole-process wall time of ``hycheck check seeds/``, start-up included.

    python benchmarks/bench_check.py [--runs 10] [--hycheck PATH] [--imports] [--jobs N] [PATH...]

Runs the command ``--runs`` times in a fresh process each (from the repository root, output
thrown away) and prints every time, the best and the median.  By default the command is
``<this python> -m hycheck check seeds/`` with the checkout on PYTHONPATH; ``--hycheck PATH``
times an installed console script instead (``/path/to/venv/bin/hycheck``).  ``--imports``
also prints the modules that took longest to import (``python -X importtime``), cumulative.
``--jobs N`` is passed on to ``hycheck check``; ``PATH...`` replaces ``seeds/`` (a generated
scrape, to see what the cores give).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from _common import ROOT, header

GOAL_SECONDS = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--hycheck", metavar="PATH", help="an installed hycheck console script")
    parser.add_argument("--imports", action="store_true", help="show the slowest imports")
    parser.add_argument("--jobs", type=int, help="passed on to hycheck check")
    parser.add_argument("paths", nargs="*", default=["seeds/"])
    args = parser.parse_args()
    if args.jobs is not None:
        args.paths = [*args.paths, "--jobs", str(args.jobs)]
    header("whole-process wall time of hycheck check")
    env = dict(os.environ)
    if args.hycheck:
        command = [args.hycheck, "check", *args.paths]
    else:
        command = [sys.executable, "-m", "hycheck", "check", *args.paths]
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if not args.hycheck:
        # An installed package has its bytecode compiled; a checkout run with
        # PYTHONDONTWRITEBYTECODE=1 would compile every module again in every run.
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "hycheck")],
            env={k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"},
            check=True,
        )
        print("bytecode: hycheck/ compiled first (python -m compileall), as an install has it")
    print(f"input: {' '.join(command)} (cwd {ROOT})")
    times = []
    codes = set()
    for _ in range(args.runs):
        t = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - t)
        codes.add(done.returncode)
    best, median = min(times), statistics.median(times)
    print(f"  runs: {' '.join(f'{t:.2f}' for t in times)} s; exit codes {sorted(codes)}")
    verdict = ""
    if args.paths == ["seeds/"]:  # the goal is stated for the seed page
        goal = "meets" if best <= GOAL_SECONDS else "misses"
        verdict = (
            f" [best {goal} the goal of {GOAL_SECONDS:g} s; median "
            f"{'meets' if median <= GOAL_SECONDS else 'misses'} it]"
        )
    print(f"  best {best:.2f} s, median {median:.2f} s, worst {max(times):.2f} s{verdict}")
    if args.imports:
        python = command[0] if not args.hycheck else sys.executable
        done = subprocess.run(
            [python, "-X", "importtime", "-m", "hycheck", "check", *args.paths],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        rows = []
        for line in done.stderr.splitlines():
            parts = line.removeprefix("import time:").split("|")
            if len(parts) == 3 and parts[1].strip().isdigit():
                rows.append((int(parts[1]), parts[2].rstrip()))
        print("  slowest imports (cumulative µs):")
        for us, name in sorted(rows, reverse=True)[:15]:
            print(f"    {us:>9,} {name}")


if __name__ == "__main__":
    main()
