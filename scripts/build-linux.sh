#!/usr/bin/env bash
# Release build for Linux (amd64 here; on an arm64 machine, arm64): a
# stripped binary with the icon and .desktop file, packed into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH" # where setup.sh puts Go if it installs it
bash scripts/setup.sh
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
arch=$(go env GOARCH)
name="zhengxie-$version-linux-$arch"
rm -rf "dist/$name" && mkdir -p "dist/$name"
go build -trimpath -ldflags "-s -w" -o "dist/$name/zhengxie" .
cp assets/icon.png "dist/$name/zhengxie.png"
cp assets/zhengxie.desktop README.md "dist/$name/"
tar -C dist -cJf "dist/$name.tar.xz" "$name"
ls -l "dist/$name.tar.xz"
