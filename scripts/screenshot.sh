#!/usr/bin/env bash
# Opens zhengxie in a virtual screen and takes screenshots.
#   bash scripts/screenshot.sh [--demo] [--size WxH] [--screen N | --all] OUT.png
# --screen N clicks the N-th navigation entry (1 = 首页, 2 = 委员, … 8 = 设置).
# --all      takes one screenshot per navigation entry: OUT-1.png … OUT-8.png.
# --size     the virtual screen (default 1280x800); the window fills it, as on
#            an office PC of that resolution opened for the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH" # where setup.sh puts Go if it installs it
demo=false screen=0 all=false size=1280x800
while [ $# -gt 1 ]; do
  case "$1" in
    --demo) demo=true ;;
    --screen) screen=$2; shift ;;
    --all) all=true ;;
    --size) size=$2; shift ;;
    *) echo "screenshot.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
out=$(realpath -m "${1:?usage: screenshot.sh [--demo] [--size WxH] [--screen N | --all] OUT.png}")
bash scripts/setup.sh --gui-tools >/dev/null
[ -x out/zhengxie ] || { mkdir -p out; go build -o out/zhengxie .; }
. scripts/gui-lib.sh
gui_begin screenshot "$size"
# The window opens at the size it was closed at: start it at the screen's size.
w=${size%x*} h=${size#*x}
if $demo; then out/zhengxie --db "$tmp/z.db" demo >/dev/null; fi
out/zhengxie --db "$tmp/z.db" >"$tmp/app.log" 2>&1 &
app=$!
gui_wait_window "$app" || { echo "screenshot: no window"; cat "$tmp/app.log"; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" "$w" "$h" 2>/dev/null || true
sleep 4
shoot() { # N FILE: click the N-th navigation entry (0: none) and take the screen
  if [ "$1" -gt 0 ]; then
    xdotool mousemove 60 $((34 + 38 * $1)) click 1
    sleep 3
  fi
  import -window root "$2"
  echo "screenshot: $2"
}
if $all; then
  for n in 1 2 3 4 5 6 7 8; do shoot "$n" "${out%.png}-$n.png"; done
else
  shoot "$screen" "$out"
fi
