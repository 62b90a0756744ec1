#!/usr/bin/env bash
# The whole test suite: what CI runs (.ci/run) and the README's second command.
#   ZX_SKIP_OFFICE=1   skip installing LibreOffice (smoke then skips the sheet check)
#   ZX_SKIP_RACE=1     skip the race-detector run
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH" # where setup.sh puts Go if it installs it

step() { echo; echo "== $1"; start=$SECONDS; }
done_() { echo "   ($((SECONDS - start)) s)"; }

step "setup"
if [ "${ZX_SKIP_OFFICE:-}" = 1 ]; then bash scripts/setup.sh; else bash scripts/setup.sh --office; fi
done_

step "go vet"
go vet ./...
done_

step "tests (no cgo, no display)"
CGO_ENABLED=0 go test ./data/... ./export/... ./app/...
done_

if [ "${ZX_SKIP_RACE:-}" != 1 ]; then
  step "race detector on the store and the CLI"
  go test -race ./data/... ./app/cli/...
  done_
fi

step "build the real binary (cgo)"
mkdir -p out
go build -o out/zhengxie .
done_

step "end-to-end smoke test"
bash scripts/smoke.sh out/zhengxie
done_

echo; echo "test.sh: all passed."
