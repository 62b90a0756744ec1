#!/usr/bin/env bash
# What a Linux arm64 (Kylin/UOS on Phytium, Kunpeng) cross-build needs on a
# Debian amd64 machine: the aarch64 cross compiler and the arm64 -dev
# packages of the X11/GL/Wayland libraries Fyne's GLFW links against, via
# Debian multiarch. About 120 packages (~150 MB); see docs/distribution.md.
# apt runs with --no-remove: it stops rather than remove an amd64 package.
set -euo pipefail
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
packages=(gcc-aarch64-linux-gnu libc6-dev:arm64 libgl1-mesa-dev:arm64 libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64
  libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64 libwayland-dev:arm64 libxkbcommon-dev:arm64)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $sudo dpkg --add-architecture arm64
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-remove --no-install-recommends "${missing[@]}" >/dev/null
