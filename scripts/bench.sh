#!/usr/bin/env bash
# The project's benchmarks; figures are recorded in docs/BENCHMARKS.md.
#   bash scripts/bench.sh                the scale suite (scale 1 and 10): one table of medians
#   bash scripts/bench.sh --count 3      the same with 3 runs of each (default 5)
#   bash scripts/bench.sh Search         only the Go benchmarks matching a pattern, raw output
# The scale databases are built on first use (scale 10: about a minute of CPU) and kept in
# ${TMPDIR:-/tmp}/zhengxie-bench, keyed by scale, seed and schema version.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH"
export CGO_ENABLED=0
count=5
if [[ $# -gt 0 && $1 != --count ]]; then
	exec go test -run '^$' -bench "$1" -benchmem ./data/... ./export/...
fi
if [[ $# -gt 1 ]]; then
	count=$2
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "scale databases (built if missing) ..." >&2
ZHENGXIE_WARM=1 go test -count=1 -timeout 30m -run '^TestWarm$' ./data/demo/scaledb/ >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
go test -run '^$' -bench '^BenchmarkScale' -benchtime 1x -count "$count" -timeout 90m ./data/ ./export/... ./app/ | tee "$out" >&2
echo
go run ./scripts/benchtable <"$out"
echo
echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
