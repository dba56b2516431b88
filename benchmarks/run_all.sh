#!/bin/sh
# Every benchmark in turn, each one's output also saved in benchmarks/out/results/.
# Takes about 25 minutes on 2 cores, most of it generating and extracting the 1M corpus.
#   sh benchmarks/run_all.sh [PYTHON]
set -eu
cd "$(dirname "$0")/.."
PY=${1:-python}
OUT=benchmarks/out/results
mkdir -p "$OUT"
run() {
    name=$1
    shift
    echo "== $name: $*"
    "$PY" "$@" | tee "$OUT/$name.txt"
}
for size in 10k 100k 1m; do
    [ -f "benchmarks/out/corpus-$size/b.pickle" ] || run "corpus-$size" benchmarks/corpus.py --size "$size" --jobs 2
done
run check benchmarks/bench_check.py --runs 10 --imports
run extract benchmarks/bench_extract.py
run validate benchmarks/bench_validate.py --size 1m
run diff benchmarks/bench_diff.py --size 1m
run diff-synthetic benchmarks/bench_diff.py --synthetic
run conflicts benchmarks/bench_conflicts.py --size 1m
run conflicts-synthetic benchmarks/bench_conflicts.py --synthetic
run jobs1 benchmarks/bench_check.py --runs 3 --jobs 1 benchmarks/out/corpus-100k/a
run jobs2 benchmarks/bench_check.py --runs 3 --jobs 2 benchmarks/out/corpus-100k/a
run scale benchmarks/bench_scale.py
run parts benchmarks/bench_parts.py
