#!/usr/bin/env bash
# Installs what building and testing zhengxie needs on Debian/Ubuntu, and
# nothing that is already there. Safe to run again.
#
#   bash scripts/setup.sh               Go check + the C packages Fyne's cgo build needs
#   bash scripts/setup.sh --gui-tools   + Xvfb, xdotool, ImageMagick, poppler (screenshots, PDF pages),
#                                         xclip and unzip (scripts/e2e-gui.sh pastes Chinese, reads sheets)
#   bash scripts/setup.sh --office      + LibreOffice Calc (checks that exported sheets open)
#   bash scripts/setup.sh --windows     + mingw-w64 (the Windows cross-build)
set -euo pipefail

packages=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev
  libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev)
for arg in "$@"; do
  case "$arg" in
    --gui-tools) packages+=(xvfb x11-apps xdotool imagemagick libgl1-mesa-dri poppler-utils xclip unzip) ;;
    --office) packages+=(libreoffice-calc) ;;
    --windows) packages+=(gcc-mingw-w64-x86-64) ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

# Go: use the one on PATH, else a previous install by this script, else
# download the official release (needs internet once; the program itself
# never does).
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH"
need="1.26"
go_ok() {
  command -v go >/dev/null || return 1
  local have
  have=$(go env GOVERSION | sed 's/^go//')
  [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -1)" = "$need" ]
}
if ! go_ok; then
  version="go1.26.8"
  arch=$(dpkg --print-architecture) # amd64 or arm64
  dest="$HOME/.local"
  [ "$(id -u)" -eq 0 ] && dest=/usr/local
  echo "setup.sh: Go $need or newer not found; installing $version into $dest/go"
  command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl ca-certificates >/dev/null; }
  mkdir -p "$dest"
  rm -rf "$dest/go"
  curl -fsSL "https://go.dev/dl/$version.linux-$arch.tar.gz" | tar -C "$dest" -xz
  go_ok || { echo "setup.sh: installing Go failed; install Go $need+ from https://go.dev/dl/ and run again." >&2; exit 1; }
fi
have=$(go env GOVERSION | sed 's/^go//')

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup.sh: all packages present (Go $have)."
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup.sh: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup.sh: done."
