#!/usr/bin/env bash
# Desktop smoke test of the real window program, as a user would meet it on
# a new PC: a fresh, empty data folder (no --db), under a virtual screen.
# It waits for the window, takes a screenshot, checks the window is drawn
# (not blank), closes it with Ctrl+Q and checks the program exits cleanly
# and created its database in the data folder. Then, on the demo county, it
# saves the roster through the real file dialog (委员 → 导出名册 →
# 选择保存位置… → type a name → Enter) and reads the workbook back (unzip;
# and LibreOffice when installed, unless ZX_SKIP_OFFICE=1).
#   bash scripts/smoke-gui.sh out/zhengxie [SHOT.png]
# The second screenshot goes next to SHOT as SHOT-save.png.
set -uo pipefail
bin=$(realpath "${1:?usage: smoke-gui.sh BINARY [SHOT.png]}")
shot=$(realpath -m "${2:-out/smoke-gui.png}")
. "$(dirname "$0")/gui-lib.sh"
gui_begin smoke-gui 1280x800

start=$SECONDS
"$bin" >"$tmp/app.log" 2>&1 &
app=$!
gui_wait_window "$app"
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
gui_wait_exit "$app" 10
case "$code" in
  "") bad "the program did not exit within 10 s of Ctrl+Q" ;;
  0) ok "Ctrl+Q closed the window and the program exited with 0" ;;
  *) bad "the program exited with $code"; tail -5 "$tmp/app.log" ;;
esac
gui_log_clean "$tmp/app.log" || bad "errors in the program's output"

# --- One real save through the file dialog, on the demo county ---------------
# The clicks are at fixed points of the 1280×800 window (a fresh HOME: the
# program's default size, placed at 0,0 without a window manager). Each step
# waits for a red (primary) button of the screen or dialog it expects, so a
# moved button fails here with a clear line instead of clicking at random.
red_at() { # red_at X Y: is the pixel at X,Y the theme's primary red?
  local px
  px=$(import -window root -crop 1x1+"$1"+"$2" +repage -format '%[fx:int(255*r)] %[fx:int(255*g)]' info: 2>/dev/null)
  awk -v p="$px" 'BEGIN { split(p, c, " "); exit !(c[1] >= 150 && c[2] <= 90) }'
}
wait_red() { # wait_red X Y SECONDS
  for _ in $(seq $(($3 * 4))); do red_at "$1" "$2" && return 0; sleep 0.25; done
  return 1
}
click() { xdotool mousemove --window "$win" "$1" "$2" click 1; }

export HOME="$tmp/home2" XDG_DATA_HOME="$tmp/data2" XDG_CONFIG_HOME="$tmp/config2"
mkdir -p "$HOME/Documents" # the dialog opens in Documents on a new PC
saved="$HOME/Documents/smoke-roster.xlsx"
save_shot="${shot%.png}-save.png"
if "$bin" demo --db "$tmp/demo.db" >"$tmp/demo.log" 2>&1; then
  ok "demo county written"
else
  bad "zhengxie demo failed"; tail -3 "$tmp/demo.log"
fi
"$bin" --db "$tmp/demo.db" >"$tmp/app2.log" 2>&1 &
app=$!
gui_wait_window "$app"
step="" # the first step that failed
if [ -z "$win" ]; then
  step="no window on the demo database"
else
  sleep 2
  click 50 113 # 委员 in the navigation
  if ! wait_red 190 105 10; then step="委员 screen (its red 新增委员 button at 190,105)"; fi
fi
if [ -z "$step" ]; then
  click 585 119 # 导出名册
  if ! wait_red 770 510 10; then step="导出委员名册 options (选择保存位置… at 770,510)"; fi
fi
if [ -z "$step" ]; then
  click 710 522 # 选择保存位置…
  if ! wait_red 1047 690 10; then step="file dialog (保存 at 1047,690)"; fi
fi
if [ -z "$step" ]; then
  ok "委员 → 导出名册 → 选择保存位置… opened the file dialog"
  # The file name field has the focus; the pointer stays over the window.
  xdotool key ctrl+a
  xdotool type --delay 20 "smoke-roster.xlsx"
  xdotool key Return
  for _ in $(seq 120); do
    unzip -l "$saved" 2>/dev/null | grep -q "xl/worksheets/sheet1.xml" && break
    sleep 0.25
  done
  sleep 3 # the 导出完成 message
  import -window root "$save_shot"
  if unzip -l "$saved" 2>/dev/null | grep -q "xl/worksheets/sheet1.xml"; then
    ok "saved through the dialog: $saved ($(stat -c %s "$saved") bytes, a workbook)"
  else
    bad "nothing saved at $saved (screenshot: $save_shot)"
  fi
  if [ "${ZX_SKIP_OFFICE:-0}" = 1 ] || ! command -v soffice >/dev/null; then
    echo "  skip  LibreOffice read-back (ZX_SKIP_OFFICE=1 or no soffice)"
  elif [ -f "$saved" ]; then
    timeout 120 soffice -env:UserInstallation="file://$tmp/lo" --headless \
      --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$tmp/csv" "$saved" >/dev/null 2>&1
    csv="$tmp/csv/smoke-roster.csv"
    rows=$(grep -c "中共\|民革\|民盟\|无党派" "$csv" 2>/dev/null)
    if [ "${rows:-0}" -ge 100 ]; then
      ok "LibreOffice reads the roster back ($rows member rows)"
    else
      bad "LibreOffice did not read the roster back (${rows:-0} member rows in $csv)"
    fi
  fi
else
  import -window root "$save_shot"
  bad "the save round trip stopped at: $step (screenshot: $save_shot)"
fi
[ -n "$win" ] && xdotool mousemove --window "$win" 640 20 key ctrl+q
gui_wait_exit "$app" 10
case "$code" in
  0) ok "after the save Ctrl+Q closed the window; exit 0" ;;
  "") bad "the program did not exit within 10 s of Ctrl+Q after the save" ;;
  *) bad "the program exited with $code after the save"; tail -5 "$tmp/app2.log" ;;
esac
gui_log_clean "$tmp/app2.log" || bad "errors in the program's output during the save"
echo "smoke-gui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
