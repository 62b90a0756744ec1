#!/usr/bin/env bash
# Runs every fuzz target of data/, export/ and app/ for a bounded time each:
#   bash scripts/fuzz.sh            10 s per target
#   ZX_FUZZTIME=5s bash scripts/fuzz.sh
# Targets are found by grepping for "func Fuzz" in the test files, so a new
# one is picked up without editing this script. A crash fails the run; Go
# writes the failing input under the package's testdata/fuzz/ (commit it as
# a regression case once the reader is fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH"
export CGO_ENABLED=0
fuzztime="${ZX_FUZZTIME:-10s}"

targets=$(grep -rHo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*' data export app |
  sed -E 's#^(.*)/[^/]+_test\.go:func (Fuzz[A-Za-z0-9_]*)$#\1 \2#' | sort -u)
n=$(wc -l <<<"$targets")
echo "fuzz: $n targets × $fuzztime each"
start=$SECONDS
failed=()
while read -r dir name; do
  t0=$SECONDS
  if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "./$dir/" >/tmp/fuzz-$$.log 2>&1; then
    printf '  ok    %-28s ./%s (%d s)\n' "$name" "$dir" $((SECONDS - t0))
  else
    printf '  FAIL  %-28s ./%s\n' "$name" "$dir"
    sed 's/^/        /' /tmp/fuzz-$$.log | tail -30
    failed+=("$name")
  fi
done <<<"$targets"
rm -f /tmp/fuzz-$$.log
echo "fuzz: $n targets, $((SECONDS - start)) s in all, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
