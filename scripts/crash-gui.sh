#!/usr/bin/env bash
# The crash handling of the real window program under a virtual screen, on
# the demo county (app/crash.go, docs/data-safety.md "A program error"):
#  1. ZX_TEST_PANIC=ui, Ctrl+Shift+F12 panics in a real key callback: the
#     program exits with code 1, leaving logs/crash-*.log (value and stack)
#     and an automatic backup that opens;
#  2. the next start shows "上次程序意外退出" in a dialog (the window dims
#     behind it; Enter closes it), and only once (a third start shows none);
#  3. ZX_TEST_PANIC=job: a background job's panic is an error dialog and the
#     window goes on (Ctrl+Q then ends it with exit code 0).
# ZX_TEST_PANIC exists for this test only.
#   bash scripts/crash-gui.sh out/zhengxie [SHOT-DIR]
set -uo pipefail
bin=$(realpath "${1:?usage: crash-gui.sh BINARY [SHOT-DIR]}")
shots=$(realpath -m "${2:-out/crash-gui}")
. "$(dirname "$0")/gui-lib.sh"
gui_begin crash-gui 1280x800
mkdir -p "$HOME" "$shots"
db="$tmp/county/county.db"
mkdir -p "$(dirname "$db")"
"$bin" --db "$db" demo >"$tmp/demo.log" 2>&1 || { bad "zhengxie demo failed"; tail -3 "$tmp/demo.log"; }

# start [ENV=VALUE]: the window on the demo county; sets app and win.
start() {
  env "$@" "$bin" --db "$db" >>"$tmp/app.log" 2>&1 &
  app=$!
  gui_wait_window "$app"
  sleep 4 # let the screen and any dialog draw
}

# exited SECONDS: sets code to the exit code of app once it ended, "" if it
# still runs (not in a subshell: only this shell can wait for its child).
exited() { gui_wait_exit "$app" "$1"; }

# brightness SHOT: the mean grey level (0–100) of the window's free lower area,
# white on a plain screen, dimmed when a dialog is shown.
brightness() { convert "$1" -crop 800x120+400+660 -colorspace gray -format "%[fx:100*mean]" info:; }
dimmed() { awk -v b="$1" 'BEGIN { exit !(b < 90) }'; }

echo "crash-gui: 1. a panic in a UI callback"
start ZX_TEST_PANIC=ui
[ -n "$win" ] && ok "the window appeared" || bad "no window"
import -window root "$shots/1-before.png"
xdotool windowactivate --sync "$win" >/dev/null 2>&1 || xdotool windowfocus "$win"
xdotool key --window "$win" ctrl+shift+F12
exited 20
case "$code" in
  1) ok "Ctrl+Shift+F12 (ZX_TEST_PANIC=ui) ended the program with exit code 1" ;;
  "") bad "the program still runs 20 s after the panic"; kill "$app" ;;
  *) bad "exit code $code, want 1"; tail -5 "$tmp/app.log" ;;
esac
app=""
logs="$(dirname "$db")/logs"
log=$(ls "$logs"/crash-*.log 2>/dev/null | head -1)
if [ -n "$log" ] && grep -q "错误：ZX_TEST_PANIC" "$log" && grep -q "glfw" "$log"; then
  ok "crash log $(basename "$log") holds the panic and its stack through the GLFW callback"
else
  bad "no crash log with the panic in $logs"
fi
backup=$(sed -n 's/.*"backup":"\([^"]*\)".*/\1/p' "$logs/crash-pending.json" 2>/dev/null)
shown=$("$bin" --db "$db" restore "$backup" 2>&1) # without --yes: only shows what the backup holds
if [ -n "$backup" ] && [ -f "$backup" ] && grep -q "委员任职 600 条" <<<"$shown"; then
  ok "the exit backup $(basename "$backup") was taken and opens"
else
  bad "no sound exit backup (note: $(cat "$logs/crash-pending.json" 2>/dev/null))"
fi

echo "crash-gui: 2. the next start says so, once"
start
import -window root "$shots/2-next-start.png"
b=$(brightness "$shots/2-next-start.png")
if dimmed "$b" && [ ! -e "$logs/crash-pending.json" ]; then
  ok "the next start shows a dialog (window dimmed to $b %) and took the note ($shots/2-next-start.png)"
else
  bad "the next start: brightness $b %, note $(ls "$logs")"
fi
xdotool key --window "$win" Return 2>/dev/null # Fyne may have replaced the window id; the outcome is checked below
sleep 1
xdotool key --window "$win" ctrl+q 2>/dev/null # Fyne may have replaced the window id; the outcome is checked below
exited 15
[ "$code" = 0 ] && ok "Enter closed the dialog, Ctrl+Q the program (exit 0)" || bad "exit code '$code' after Ctrl+Q"
app=""
start
import -window root "$shots/2-third-start.png"
b=$(brightness "$shots/2-third-start.png")
if ! dimmed "$b"; then ok "the start after that shows no dialog ($b %)"; else bad "a dialog again ($b %)"; fi
xdotool key --window "$win" ctrl+q 2>/dev/null # Fyne may have replaced the window id; the outcome is checked below
exited 15
app=""

echo "crash-gui: 3. a panic in a background job"
start ZX_TEST_PANIC=job
import -window root "$shots/3-job.png"
b=$(brightness "$shots/3-job.png")
if dimmed "$b" && kill -0 "$app" 2>/dev/null; then
  ok "the job's panic is a dialog ($b %) and the window goes on ($shots/3-job.png)"
else
  bad "after the job's panic: brightness $b %, running: $(kill -0 "$app" 2>/dev/null && echo yes || echo no)"
fi
xdotool key --window "$win" Return 2>/dev/null # Fyne may have replaced the window id; the outcome is checked below
sleep 1
xdotool key --window "$win" ctrl+q 2>/dev/null # Fyne may have replaced the window id; the outcome is checked below
exited 15
[ "$code" = 0 ] && ok "then Ctrl+Q ends it with exit 0" || bad "exit code '$code' after Ctrl+Q"
app=""
n=$(ls "$logs"/crash-*.log 2>/dev/null | wc -l)
[ "$n" = 2 ] && ok "the job's panic has its own crash log" || bad "$n crash logs, want 2"

echo "crash-gui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
