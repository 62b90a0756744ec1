#!/usr/bin/env bash
# The project's benchmarks; figures are recorded in docs/benchmarks.md.
#   bash scripts/bench.sh            all benchmarks
#   bash scripts/bench.sh Search     only those matching a pattern
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH"
CGO_ENABLED=0 go test -run '^$' -bench "${1:-.}" -benchmem ./data/... ./export/...
