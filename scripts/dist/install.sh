#!/bin/sh
# Installs 政协履职 for the current user (no root needed): the program into
# ~/.local/bin, the menu entry and the icons into ~/.local/share.
#   ./install.sh              install (again: update)
#   ./install.sh --uninstall  remove the program and menu entry (the data stays)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin="$HOME/.local/bin"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin/zhengxie" "$apps/zhengxie.desktop"
  for s in 16 48 256; do rm -f "$icons/${s}x${s}/apps/zhengxie.png"; done
  echo "已卸载“政协履职”。数据文件夹（~/.local/share/zhengxie）保留未动。"
  exit 0
fi

mkdir -p "$bin" "$apps"
install -m 755 "$here/zhengxie" "$bin/zhengxie"
for s in 16 48 256; do
  mkdir -p "$icons/${s}x${s}/apps"
  install -m 644 "$here/icons/zhengxie-$s.png" "$icons/${s}x${s}/apps/zhengxie.png"
done
# The menu entry runs the program by its full path: ~/.local/bin may not be
# on PATH in a desktop session.
sed "s|^Exec=.*|Exec=$bin/zhengxie|" "$here/zhengxie.desktop" >"$apps/zhengxie.desktop"
chmod 644 "$apps/zhengxie.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$icons" >/dev/null 2>&1 || true
echo "已安装“政协履职”：开始菜单“办公”中可以找到，也可以在终端运行 $bin/zhengxie"
