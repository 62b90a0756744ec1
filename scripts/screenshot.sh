#!/usr/bin/env bash
# Opens zhengxie in a virtual screen and takes a screenshot.
#   bash scripts/screenshot.sh [--demo] [--screen N] OUT.png
# --screen N clicks the N-th navigation entry (1 = 首页, 2 = 委员, … 8 = 设置).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH" # where setup.sh puts Go if it installs it
demo=false screen=0
while [ $# -gt 1 ]; do
  case "$1" in
    --demo) demo=true ;;
    --screen) screen=$2; shift ;;
    *) echo "screenshot.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
out=$(realpath -m "${1:?usage: screenshot.sh [--demo] [--screen N] OUT.png}")
bash scripts/setup.sh --gui-tools >/dev/null
[ -x out/zhengxie ] || { mkdir -p out; go build -o out/zhengxie .; }
tmp=$(mktemp -d)
export DISPLAY=:97 LIBGL_ALWAYS_SOFTWARE=1 XDG_CONFIG_HOME=$tmp/config
Xvfb $DISPLAY -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 1
if $demo; then out/zhengxie --db "$tmp/z.db" demo >/dev/null; fi
out/zhengxie --db "$tmp/z.db" >/dev/null 2>&1 &
app=$!
sleep 6
if [ "$screen" -gt 0 ]; then
  xdotool mousemove 60 $((34 + 38 * screen)) click 1
  sleep 2
fi
import -window root "$out"
echo "screenshot: $out"
