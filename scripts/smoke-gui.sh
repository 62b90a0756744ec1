#!/usr/bin/env bash
# Desktop smoke test of the real window program, as a user would meet it on
# a new PC: a fresh, empty data folder (no --db), under a virtual screen.
# It waits for the window, takes a screenshot, checks the window is drawn
# (not blank), closes it with Ctrl+Q and checks the program exits cleanly
# and created its database in the data folder.
#   bash scripts/smoke-gui.sh out/zhengxie [SHOT.png]
set -uo pipefail
bin=$(realpath "${1:?usage: smoke-gui.sh BINARY [SHOT.png]}")
shot=$(realpath -m "${2:-out/smoke-gui.png}")
for t in Xvfb xdotool import convert; do
  command -v $t >/dev/null || { echo "smoke-gui: $t is missing (bash scripts/setup.sh --gui-tools)"; exit 1; }
done
tmp=$(mktemp -d)
app="" xvfb=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
pass=0 fail=0
ok() { echo "  ok    $1"; pass=$((pass + 1)); }
bad() { echo "  FAIL  $1"; fail=$((fail + 1)); }

# A display number nobody uses: Xvfb picks it and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$tmp/display")" LIBGL_ALWAYS_SOFTWARE=1
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME"

start=$SECONDS
"$bin" >"$tmp/app.log" 2>&1 &
app=$!
win=""
for _ in $(seq 120); do
  win=$(xdotool search --onlyvisible --name "政协履职" 2>/dev/null | head -1)
  [ -n "$win" ] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.5
done
if [ -n "$win" ]; then ok "the window appeared after $((SECONDS - start)) s"; else bad "no window within 60 s"; fi
sleep 3 # let the first-run dialog draw
mkdir -p "$(dirname "$shot")"
import -window root "$shot"
colours=$(convert "$shot" -format %k info:)
if [ "${colours:-0}" -ge 64 ]; then ok "the screen is drawn ($colours colours; $shot)"; else bad "the screen looks blank ($colours colours)"; fi
# Dark text on a light window: some pixels are dark, most are not (the first-run dialog: about 1 %).
dark=$(convert "$shot" -colorspace gray -threshold 50% -format "%[fx:100*(1-mean)]" info:)
if awk -v d="${dark:-0}" 'BEGIN { exit !(d >= 0.2 && d <= 60) }'; then
  ok "text on a background ($(printf '%.1f' "$dark") % dark pixels)"
else
  bad "dark pixels: $dark % (want 0.2–60 %)"
fi
if [ -f "$XDG_DATA_HOME/zhengxie/zhengxie.db" ]; then ok "the database was created in the data folder"; else bad "no database in $XDG_DATA_HOME/zhengxie"; fi

# Without a window manager the keyboard goes to the window under the pointer.
[ -n "$win" ] && xdotool mousemove --window "$win" 640 20 key ctrl+q
code=""
for _ in $(seq 40); do
  if ! kill -0 "$app" 2>/dev/null; then
    wait "$app"; code=$?; app=""
    break
  fi
  sleep 0.25
done
case "$code" in
  "") bad "the program did not exit within 10 s of Ctrl+Q" ;;
  0) ok "Ctrl+Q closed the window and the program exited with 0" ;;
  *) bad "the program exited with $code"; tail -5 "$tmp/app.log" ;;
esac
if grep -Eiq "panic|fatal error|segmentation" "$tmp/app.log"; then
  bad "errors in the program's output"; grep -Ei "panic|fatal error" "$tmp/app.log" | head -5
fi
echo "smoke-gui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
