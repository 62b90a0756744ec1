#!/usr/bin/env bash
# The whole test suite: what CI runs (.ci/run) and the README's second command.
#   ZX_SKIP_OFFICE=1   skip installing LibreOffice (smoke then skips the sheet check)
#   ZX_SKIP_RACE=1     skip the race-detector run
#   ZX_SKIP_WINDOWS=1  skip the Windows compile check
#   ZX_WINDOWS_FULL=1  also cross-compile the whole Windows program with mingw-w64 (5+ minutes cold)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH" # where setup.sh puts Go if it installs it

step() { echo; echo "== $1"; start=$SECONDS; }
done_() { echo "   ($((SECONDS - start)) s)"; }

step "setup"
opts=(--gui-tools)
[ "${ZX_SKIP_OFFICE:-}" = 1 ] || opts+=(--office)
[ "${ZX_WINDOWS_FULL:-}" = 1 ] && opts+=(--windows)
bash scripts/setup.sh "${opts[@]}"
done_

step "go vet"
go vet ./...
done_

step "staticcheck (pinned in go.mod as a tool; no cgo, so the window's driver is not needed)"
CGO_ENABLED=0 go tool staticcheck ./data/... ./export/... ./app/... ./assets/... ./scripts/...
done_

step "tests (no cgo, no display)"
CGO_ENABLED=0 go test ./data/... ./export/... ./app/... ./assets/... ./scripts/...
done_
step "fuzz: every fuzz target for 4 s (scripts/fuzz.sh; about 3 min warm)"; ZX_FUZZTIME="${ZX_FUZZTIME:-4s}" bash scripts/fuzz.sh; done_

if [ "${ZX_SKIP_RACE:-}" != 1 ]; then
  step "race detector on the store and the CLI"
  # The demo generator (data/demo) is left out: single-threaded, and ten times slower under -race.
  # -short skips the tests that build the whole demo county and the crash test.
  go test -race -short -timeout 30m $(go list ./data/... | grep -v '/data/demo') ./app/cli/...
  done_
fi

step "build the real binary (cgo)"
mkdir -p out
go build -o out/zhengxie .
done_

step "end-to-end smoke test"
bash scripts/smoke.sh out/zhengxie
done_

step "desktop smoke test: the window under Xvfb on a fresh data folder (screenshot: out/smoke-gui.png)"
bash scripts/smoke-gui.sh out/zhengxie out/smoke-gui.png
done_

step "end-to-end GUI: twelve everyday tasks in the real window, driven by xdotool (scripts/e2e-gui.sh; screenshots: out/e2e/)"
bash scripts/e2e-gui.sh out/zhengxie
done_

step "crash handling in the real window: a panic leaves a log and a backup, the next start says so (scripts/crash-gui.sh)"
bash scripts/crash-gui.sh out/zhengxie out/crash-gui
done_

if [ "${ZX_SKIP_WINDOWS:-}" != 1 ]; then
  # Everything the program is made of except main.go (app, app/cli and all they import), and their tests,
  # compile and vet for Windows without cgo, as they never import Fyne's driver: this catches Windows-only
  # breakage in our code (a Unix-only syscall, say) cheaply. The full cgo cross-build of Fyne's C code costs
  # 5+ minutes cold, so it runs with ZX_WINDOWS_FULL=1 and in `make dist` (docs/distribution.md).
  step "Windows: the program's packages and their tests compile and vet for GOOS=windows"
  GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go vet ./data/... ./export/... ./app/... ./assets/...
  done_
  if [ "${ZX_WINDOWS_FULL:-}" = 1 ]; then
    step "Windows: the whole program cross-compiles (mingw-w64, output discarded)"
    CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc go build -o /dev/null .
    done_
  fi
fi

echo; echo "test.sh: all passed."
