#!/usr/bin/env bash
# Builds the release packages on Debian (what `make dist` runs):
#   dist/zhengxie-VER-windows-amd64.zip  zhengxie.exe (window, no console) + zhengxie-cli.exe (console),
#                                        both with icon and version details; 使用说明.txt; licences
#   dist/zhengxie-VER-linux-amd64.tar.xz the program, .desktop file, icons, install.sh (into ~/.local)
#   dist/zhengxie_VER_amd64.deb          the same for dpkg/apt (UOS and Kylin are Debian-based)
#   dist/SIZES.txt                       sizes of everything above
#
#   bash scripts/dist.sh [windows] [linux] [arm64]   (default: windows linux; arm64: see docs/distribution.md)
#
# Version and build number come from FyneApp.toml; they go into the program
# (-X zhengxie/assets.Version) and into the Windows file properties.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH" # where setup.sh puts Go if it installs it

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(windows linux)
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
build=$(sed -n 's/^Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
commit=$(git rev-parse --short HEAD 2>/dev/null || true)
ldflags="-s -w -X zhengxie/assets.Version=$version -X zhengxie/assets.Commit=$commit"
winres=github.com/tc-hib/go-winres@v0.3.3 # makes the .syso with icon, manifest and version details
work=$(mktemp -d)
trap 'rm -rf "$work" rsrc_windows_amd64.syso' EXIT
mkdir -p dist
licences() { # licences DIR — the licence texts of what the program ships
  mkdir -p "$1/LICENSES"
  cp assets/fonts/LICENSE-* "$1/LICENSES/"
  cat >"$1/LICENSES/README.txt" <<TXT
本程序内含的字体及其许可证见本文件夹（LICENSE-*.txt）。
程序使用的开源软件（Go、Fyne、excelize、fpdf、SQLite 等）及其许可证，列在程序右上角“关于”中。
TXT
}

windows() {
  local name="zhengxie-$version-windows-amd64" dir="$work/政协履职-$version"
  mkdir -p "$dir"
  export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
  local meta=(--arch amd64 --icon assets/icon.ico --product-name 政协履职 --file-description "政协履职 — 县级政协委员、提案与履职管理"
    --product-version "$version.$build" --file-version "$version.$build" --copyright "政协履职项目")
  GOOS= GOARCH= CGO_ENABLED=0 go run $winres simply "${meta[@]}" --manifest gui --original-filename zhengxie.exe
  go build -trimpath -ldflags "$ldflags -H=windowsgui" -o "$dir/zhengxie.exe" .
  GOOS= GOARCH= CGO_ENABLED=0 go run $winres simply "${meta[@]}" --manifest cli --original-filename zhengxie-cli.exe
  go build -trimpath -ldflags "$ldflags" -o "$dir/zhengxie-cli.exe" .
  rm -f rsrc_windows_amd64.syso
  unset CGO_ENABLED GOOS GOARCH CC
  # Notepad on older Windows reads a text file as GBK unless it starts with a BOM.
  { printf '\xef\xbb\xbf'; sed 's/$/\r/' scripts/dist/使用说明.txt; } >"$dir/使用说明.txt"
  licences "$dir"
  rm -f "dist/$name.zip"
  go run ./scripts/zipdir "dist/$name.zip" "$dir"
  if command -v file >/dev/null; then file "$dir/zhengxie.exe" "$dir/zhengxie-cli.exe"; fi
}

# linux ARCH CC — the tar.xz and the .deb for one architecture
linux() {
  local arch=$1 cc=$2 name="zhengxie-$version-linux-$1"
  local dir="$work/$name"
  mkdir -p "$dir/icons"
  # Same compile flags as scripts/test.sh's build (no -trimpath), so the release reuses its build cache and
  # only links anew: a cold cgo build of Fyne costs minutes.
  CGO_ENABLED=1 GOARCH=$arch CC=$cc go build -ldflags "$ldflags" -o "$dir/zhengxie" .
  cp assets/zhengxie.desktop scripts/dist/install.sh scripts/dist/使用说明.txt "$dir/"
  cp assets/icon.png "$dir/icons/zhengxie-256.png"
  cp assets/icon-48.png "$dir/icons/zhengxie-48.png"
  cp assets/icon-16.png "$dir/icons/zhengxie-16.png"
  licences "$dir"
  tar -C "$work" --owner=0 --group=0 --numeric-owner -cJf "dist/$name.tar.xz" "$name"
  deb "$arch" "$dir"
}

# deb ARCH DIR — a .deb from the unpacked Linux folder (dpkg-deb needs no extra packages)
deb() {
  local arch=$1 dir=$2 root="$work/deb-$1"
  mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/zhengxie"
  install -m 755 "$dir/zhengxie" "$root/usr/bin/zhengxie"
  install -m 644 assets/zhengxie.desktop "$root/usr/share/applications/zhengxie.desktop"
  for s in 16 48 256; do
    install -D -m 644 "$dir/icons/zhengxie-$s.png" "$root/usr/share/icons/hicolor/${s}x${s}/apps/zhengxie.png"
  done
  cp -r "$dir/LICENSES" "$root/usr/share/doc/zhengxie/"
  install -m 644 "$dir/使用说明.txt" "$root/usr/share/doc/zhengxie/"
  cat >"$root/DEBIAN/control" <<CTL
Package: zhengxie
Version: $version-$build
Architecture: $arch
Maintainer: 政协履职项目 <zhengxie@localhost>
Section: office
Priority: optional
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Depends: libc6, libgl1, libwayland-client0, libx11-6, libxcursor1, libxrandr2, libxinerama1, libxi6, libxkbcommon0
Description: 政协履职 — 县级政协委员、提案与履职管理（离线）
 An offline desktop program for county CPPCC committee offices: member
 roster, proposals, duty records and the annual assessment, with Excel and
 PDF output. All data stays in one SQLite file on the PC.
CTL
  dpkg-deb --root-owner-group -Zxz --build "$root" "dist/zhengxie_${version}-${build}_$arch.deb" >/dev/null
}

for t in "${targets[@]}"; do
  case "$t" in
    windows) bash scripts/setup.sh --windows >/dev/null; windows ;;
    linux) bash scripts/setup.sh >/dev/null; linux amd64 gcc ;;
    arm64) bash scripts/dist-arm64-setup.sh; linux arm64 aarch64-linux-gnu-gcc ;;
    *) echo "dist.sh: unknown target $t (windows, linux, arm64)" >&2; exit 2 ;;
  esac
done
(cd dist && ls -l --time-style=+ *.zip *.tar.xz *.deb 2>/dev/null | awk '{printf "%-48s %6.1f MB  (%d bytes)\n", $6, $5/1048576, $5}') | tee dist/SIZES.txt
