#!/usr/bin/env bash
# Cross-builds the Windows program on Linux with mingw-w64:
#   dist/zhengxie.exe      the window program (no console window)
#   dist/zhengxie-cli.exe  the same program built as a console program, for the command line
# A cold build compiles Fyne's C code for Windows and takes about 5–6 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH" # where setup.sh puts Go if it installs it
bash scripts/setup.sh
dpkg -s gcc-mingw-w64-x86-64 >/dev/null 2>&1 || {
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 >/dev/null
}
mkdir -p dist
export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
go build -trimpath -ldflags "-H=windowsgui -s -w" -o dist/zhengxie.exe .
go build -trimpath -ldflags "-s -w" -o dist/zhengxie-cli.exe .
ls -l dist/zhengxie.exe dist/zhengxie-cli.exe
echo "For the icon and version information in Explorer, package with the fyne tool:"
echo "  go run fyne.io/tools/cmd/fyne@latest package -os windows -release"
