#!/usr/bin/env bash
# End-to-end GUI test of the real window program, driven as a clerk drives it:
# mouse clicks and typing into the window under a virtual screen (Xvfb +
# xdotool), no test hooks. Each task asserts an outcome the clerk would rely
# on — a file written and read back, or a change in the database checked with
# the program's own command line (run against the same data file after the
# window wrote it), or a region of the screen that changed.
#   bash scripts/e2e-gui.sh out/zhengxie        (screenshots: out/e2e/)
# Prints each task's time and, as its last line, "N passed, M failed" (exit 1
# when any failed). A failed task leaves out/e2e/NN-TASK-FAILED.png.
#
# Needs Xvfb, xdotool, ImageMagick, xclip, unzip and pdftotext
# (bash scripts/setup.sh --gui-tools). Typing Chinese with `xdotool type` does
# not reach Fyne's entries, so Chinese text is pasted through the clipboard
# (xclip + Ctrl+V); everything else is typed.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-out/zhengxie}")
out=$(realpath -m out/e2e)
. scripts/gui-lib.sh

# ---------------------------------------------------------------------------
# Where things are on a 1280×800 window (fresh HOME, so Fyne's default size).
# To re-measure after a layout change: run this script, open the screenshot in
# out/e2e/ of the task before the one that failed (or of the failure), and read
# the pixel coordinates of the control's centre (any image viewer; or
# `convert shot.png -crop 1x1+X+Y txt:-` to check a pixel). Primary (red)
# buttons are not listed: they are found by colour in a region (redbox below),
# so they survive layout changes. Regions are "X Y W H".
# ---------------------------------------------------------------------------
# first-run dialog: its fields are reached with Tab (1: 委员会名称, 3: 当前届次,
# 8: the radio 试用示例数据), as its height changes with the messages under them
SETUP_TAB_NAME=1 SETUP_TAB_TERM=2 SETUP_TAB_DEMO=5 # Tabs from the previous stop
R_SETUP_START="300 480 680 300" # where 开始使用 is
R_SETUP_DIALOG="300 130 680 540"
R_TITLE="0 0 400 50"          # committee name, top left of the main window
# navigation (left)
P_NAV_MEMBERS="50 113"
P_NAV_PROPOSALS="50 151"
P_NAV_ASSESS="64 266"
P_NAV_REPORTS="50 304"
P_NAV_SETTINGS="50 342"
# 委员
P_MEM_SECTOR="290 197"        # 界别 filter select
P_MEM_IMPORT="485 119"        # 导入名册
P_MEM_EXPORT="585 119"        # 导出名册
R_MEM_ROWS="190 420 860 360"  # table rows 5 and below
R_MEM_COUNT="1080 145 200 28" # "共 N 人（本届名册 M 人）"
P_EXPORT_FULL="326 384"       # export dialog: radio 完整版
P_EXPORT_FULLID="326 427"     # export dialog: check 含完整身份证号和电话号码
R_EXPORT_GO="300 490 680 60"  # export dialog: 选择保存位置…
P_SKIP_BAD="885 662"          # import preview with problems: 只导入没有问题的行
# member form (Ctrl+N)
P_FORM_NAME="460 137"
P_FORM_SEX="460 194"
P_FORM_SECTOR="460 535"
P_FORM_ID="400 364"
R_FORM_IDERR="60 383 590 20"  # the line under 身份证号 where its error is shown
R_FORM_BUTTONS="0 640 1280 100"
# file dialogs (Fyne's, drawn inside the window)
P_FILE_FIRST="481 230"        # first file after (上一级) in the grid view
R_FILE_BUTTONS="0 640 1280 100"
# 提案
P_PROP_STATUS="470 210"       # 状态 filter select (the count line above wraps to two lines)
P_PROP_ROW1="420 284"
R_PROP_DETAIL="862 240 418 80" # lifecycle buttons of the selected proposal
P_TAB_ASSIGN="284 76"         # 交办 tab
P_ASSIGN_ALL="201 153"        # 全选
ASSIGN_ROW0=228 ASSIGN_DY=40 ASSIGN_CHECK_X=201
R_ASSIGN_GO="1000 130 280 45" # 交办所选
# 履职考核
P_ASSESS_ROW1="300 351"
R_ASSESS_EXPLAIN="910 330 365 460"
R_ASSESS_EXPORT="1000 95 280 45"
# 报表
P_REPORT_KIND="450 119"       # 文件 select
R_REPORT_SAVE="180 230 496 45"
P_JOB_CANCEL="639 437"        # 取消 in a job's progress dialog
P_JOB_EDGE="480 445"          # inside the progress and 已保存 dialogs, outside the narrower 已取消
# 设置 → 备份与恢复
P_SET_BACKUP_TAB="552 119"
P_BACKUP_USB="346 234"        # 备份到U盘…
P_BACKUP_PW1="650 352"
P_BACKUP_PW2="650 390"
R_BACKUP_OK="400 460 480 100"
# any screen: empty navigation space, white unless a dialog dims the window
P_DIM="90 700"
# ---------------------------------------------------------------------------

gui_begin e2e-gui 1280x800 xclip unzip pdftotext
clip=""
trap '[ -n "$clip" ] && kill "$clip" 2>/dev/null; gui_cleanup' EXIT
rm -rf "$out" && mkdir -p "$out"
docs="$HOME/Documents" # where Fyne's file dialogs start
mkdir -p "$docs"
zx() { "$bin" "$@" 2>&1; } # the program's own command line

# ---- driving the window ----------------------------------------------------
# Without a window manager the keyboard goes to the window under the pointer,
# so the pointer always stays inside the window.
click() { xdotool mousemove $1 click 1; }
key() { xdotool key "$@"; }
tabs() { for _ in $(seq "$1"); do key Tab; done; }
typ() { xdotool type --delay 25 "$1"; }
paste() { # Chinese text: through the clipboard
  [ -n "$clip" ] && kill "$clip" 2>/dev/null
  printf '%s' "$1" | xclip -quiet -selection clipboard -i >/dev/null 2>&1 &
  clip=$!
  sleep 0.3
  key ctrl+v
}
grab() { import -window root "$1"; }
# sig X Y W H: a checksum of a screen region, to see it change.
sig() { import -window root -crop "$3x$4+$1+$2" +repage rgb:- 2>/dev/null | md5sum | cut -c1-32; }
# dark X Y W H [SHOT]: per cent of dark (text) pixels in a region.
dark() {
  local s=${5:-$tmp/dark.png}
  [ -n "${5:-}" ] || grab "$s"
  convert "$s" -crop "$3x$4+$1+$2" +repage -colorspace gray -threshold 50% -format "%[fx:100*(1-mean)]" info:
}
# reddish X Y W H SHOT: pixels in a region that are red rather than grey (error text).
reddish() {
  convert "$5" -crop "$3x$4+$1+$2" +repage -fx "(r-g)>0.25 ? 1 : 0" -format "%[fx:round(mean*w*h)]" info:
}
# redbox SHOT X Y W H: centre "x y" of the largest filled dark-red blob in a
# region — a primary (HighImportance) button; empty when there is none.
redbox() {
  convert "$1" -crop "$4x$5+$2+$3" +repage -fuzz 8% -fill black +opaque "srgb(183,28,28)" \
    -fill white -opaque "srgb(183,28,28)" -define connected-components:verbose=true \
    -connected-components 8 null: 2>/dev/null |
    awk -v ox="$2" -v oy="$3" '$NF == "srgb(255,255,255)" || $NF == "white" {
        split($2, g, /[x+]/)
        # big enough, and filled (not the red ring of a focused entry)
        if ($4 > best && g[1] >= 20 && g[2] >= 16 && $4 >= 0.4 * g[1] * g[2]) { best = $4; split($3, c, ","); x = int(ox + c[1]); y = int(oy + c[2]) }
      } END { if (best) print x, y }'
}
# press_red "X Y W H" [TIMEOUT]: wait for a primary button in the region and click it.
press_red() {
  local p="" end=$((SECONDS + ${2:-15}))
  while [ $SECONDS -lt $end ]; do
    grab "$tmp/red.png"
    p=$(redbox "$tmp/red.png" $1)
    [ -n "$p" ] && { click "$p"; return 0; }
    sleep 0.3
  done
  why="no primary button in region $1"
  return 1
}
# until_ TIMEOUT CMD...: poll until CMD succeeds.
until_() {
  local end=$((SECONDS + $1))
  shift
  while [ $SECONDS -lt $end ]; do
    "$@" && return 0
    sleep 0.4
  done
  "$@"
}
# changed "X Y W H" SIG: the region no longer has checksum SIG.
changed() { [ "$(sig $1)" != "$2" ]; }
wait_change() { until_ "${3:-10}" changed "$1" "$2" || { why="nothing changed in region $1"; return 1; }; }
# choose "X Y" N: open a select and take its N-th entry with the keyboard.
choose() {
  local s
  s=$(sig 0 0 1280 800)
  click "$1"
  wait_change "0 0 1280 800" "$s" 5 || return 1
  sleep 0.3
  for _ in $(seq "$2"); do key Down; done
  key Return
  sleep 0.5
}
# dimmed: a dialog is open (Fyne dims the window behind it; the navigation's
# empty white space at P_DIM turns grey).
dimmed() { dim_at $P_DIM; }
dim_at() { # dim_at X Y: the pixel is grey (dimmed window), not white
  import -window root -crop "1x1+$1+$2" +repage "$tmp/px.png" 2>/dev/null
  [ "$(convert "$tmp/px.png" -format '%[fx:int(255*p{0,0}.g)]' info:)" -lt 230 ]
}
# dismiss: wait for the dialog that ends an action (after its progress dialog)
# and close it with its first button (Tab, space) — 确定 or 关闭.
dismiss() {
  until_ 20 dimmed || { why="no confirmation dialog"; return 1; }
  local end=$((SECONDS + 20))
  while [ $SECONDS -lt $end ]; do
    dimmed || return 0
    key Tab; sleep 0.2; key space; sleep 0.8
  done
  why="a dialog stays open"
  return 1
}
# save_as NAME: in Fyne's save dialog, replace the proposed name and confirm.
save_as() {
  until_ 10 has_red $R_FILE_BUTTONS || { why="no file dialog"; return 1; }
  sleep 0.3
  key ctrl+a
  typ "$1"
  key Return
}
redbox_now() { grab "$tmp/rn.png"; redbox "$tmp/rn.png" "$@"; }
has_red() { [ -n "$(redbox_now "$@")" ]; }
# dark_gt "X Y W H" P / dark_lt: the region has more / less than P % dark pixels (now).
dark_gt() { awk -v d="$(dark $1)" -v p="$2" 'BEGIN { exit !(d > p) }'; }
dark_lt() { awk -v d="$(dark $1)" -v p="$2" 'BEGIN { exit !(d < p) }'; }
fsize() { stat -c %s "$1" 2>/dev/null || echo 0; }
xlsx_ok() { [ "$(fsize "$1")" -gt 1000 ] && unzip -tq "$1" >/dev/null 2>&1; }
strings_of() { unzip -p "$1" xl/sharedStrings.xml 2>/dev/null; }
running() { [ -n "$app" ] && kill -0 "$app" 2>/dev/null; }

start_app() { # start_app LOG [ARGS...]
  local log=$1
  shift
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  "$bin" "$@" >"$log" 2>&1 &
  app=$!
  gui_wait_window "$app" 60 || { why="no window within 60 s"; return 1; }
  xdotool mousemove 640 400
}
quit_app() {
  xdotool mousemove 640 400 key ctrl+q
  gui_wait_exit "$app" 15
  [ "$code" = 0 ] || { why="the program did not exit with 0 after Ctrl+Q (exit: ${code:-still running})"; return 1; }
}

# ---- tasks -----------------------------------------------------------------
pass=0 fail=0 n=0 why=""
run() { # run NAME FUNCTION
  n=$((n + 1))
  local name=$1 t0 t1 shot
  shot=$(printf '%s/%02d-%s' "$out" "$n" "$1")
  why=""
  t0=$(date +%s.%N)
  if running || [ "$n" -le 2 ]; then "$2"; else why="the program is not running"; false; fi
  local rc=$?
  t1=$(date +%s.%N)
  local secs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1))
    printf '  ok    %-40s %6s s\n' "$name" "$secs"
    grab "$shot.png"
  else
    fail=$((fail + 1))
    printf '  FAIL  %-40s %6s s  %s\n' "$name" "$secs" "$why"
    grab "$shot-FAILED.png"
  fi
}

first_run() {
  start_app "$tmp/app1.log" || return 1
  until_ 30 dark_gt "$R_SETUP_DIALOG" 1 || { why="no first-run dialog"; return 1; }
  tabs $SETUP_TAB_NAME
  paste "政协测试县委员会"
  tabs $SETUP_TAB_TERM
  typ "11"
  press_red "$R_SETUP_START" || return 1
  local db="$XDG_DATA_HOME/zhengxie/zhengxie.db"
  until_ 20 eval '"$bin" --db "$db" export roster "$tmp/t1.xlsx" >/dev/null 2>&1' || { why="the data file has no 届 after 开始使用"; return 1; }
  strings_of "$tmp/t1.xlsx" | grep -q "政协测试县第十一届委员会委员名册" || { why="the roster title does not name 政协测试县 and 第十一届"; return 1; }
  until_ 10 dark_gt "$R_TITLE" 0.5 || { why="the window shows no committee name"; return 1; }
  grab "$out/01-first-run-window.png"
  quit_app
}

demo() {
  demodb="$tmp/demo/zhengxie.db"
  mkdir -p "$tmp/demo"
  start_app "$tmp/app2.log" --db "$demodb" || return 1
  until_ 30 dark_gt "$R_SETUP_DIALOG" 1 || { why="no first-run dialog"; return 1; }
  tabs $((SETUP_TAB_NAME + SETUP_TAB_TERM + SETUP_TAB_DEMO))
  key space
  sleep 0.3
  press_red "$R_SETUP_START" || return 1
  # the demo county is generated in the background; then the window shows its name
  until_ 120 dark_gt "$R_TITLE" 0.5 || { why="the window shows no committee after 120 s"; return 1; }
  local o
  o=$(zx --db "$demodb" export roster "$tmp/t2.xlsx")
  members=$(echo "$o" | grep -o '名册 [0-9]* 人' | grep -o '[0-9]*')
  [ "${members:-0}" -ge 100 ] || { why="roster export: $o"; return 1; }
  zx --db "$demodb" stats proposals | grep -q '共收到提案[1-9][0-9]*件' || { why="no proposals in the demo"; return 1; }
}

search_filter() {
  key ctrl+f
  until_ 10 dark_gt "$R_MEM_ROWS" 1 || { why="the 委员 list is not shown (Ctrl+F)"; return 1; }
  local count rows
  count=$(sig $R_MEM_COUNT)
  typ "feng"
  wait_change "$R_MEM_COUNT" "$count" || return 1
  count=$(sig $R_MEM_COUNT)
  choose "$P_MEM_SECTOR" 2 || return 1 # 全部, 中国共产党
  wait_change "$R_MEM_COUNT" "$count" || return 1
  # a handful of members remain: the rows from the fifth on are empty
  until_ 5 dark_lt "$R_MEM_ROWS" 0.05 || { why="more than four rows shown after search + filter"; return 1; }
}

export_roster() {
  local s
  s=$(sig 0 0 1280 800)
  click "$P_MEM_EXPORT"
  wait_change "0 0 1280 800" "$s" || return 1
  sleep 0.3
  click "$P_EXPORT_FULL"
  click "$P_EXPORT_FULLID"
  sleep 0.3
  press_red "$R_EXPORT_GO" || return 1
  save_as "e2e-roster.xlsx" || return 1
  local f="$docs/e2e-roster.xlsx"
  until_ 20 xlsx_ok "$f" || { why="$f was not written"; return 1; }
  dismiss || return 1
  # read it back with the program: only the filtered members, all known
  local o rows
  o=$(zx --db "$demodb" import roster "$f")
  rows=$(echo "$o" | grep -o '共 [0-9]* 行' | grep -o '[0-9]*')
  [ -n "$rows" ] && [ "$rows" -ge 1 ] && [ "$rows" -le 4 ] || { why="expected 1–4 rows (search feng, 界别 中国共产党): $o"; return 1; }
  echo "$o" | grep -q "未变化 $rows 人" || { why="not every exported row is a known, unchanged member: $o"; return 1; }
}

red_grew() { # the error line under 身份证号 has turned red
  grab "$tmp/after.png"
  [ "$(reddish $R_FORM_IDERR "$tmp/after.png")" -gt $(($1 + 30)) ]
}
roster_has() { # the full roster export of the data file contains TEXT
  zx --db "$demodb" export roster "$tmp/t5.xlsx" --full --full-id >/dev/null && strings_of "$tmp/t5.xlsx" | grep -q "$1"
}
roster_count_is() { [ "$(zx --db "$demodb" export roster "$tmp/t6.xlsx" --all | grep -o '名册 [0-9]* 人' | grep -o '[0-9]*')" = "$1" ]; }

idnum() { # GB 11643 check digit for 17 digits
  local b=$1 w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) c=(1 0 X 9 8 7 6 5 4 3 2) s=0 i
  for i in $(seq 0 16); do s=$((s + ${b:i:1} * ${w[i]})); done
  echo "$b${c[s % 11]}"
}

add_member() {
  local good bad s
  good=$(idnum 11010119800307123)
  bad="${good:0:17}$(((${good:17:1} + 1) % 10))" # wrong check digit (good ends in 9 here)
  s=$(sig 0 0 1280 800)
  key ctrl+n
  wait_change "0 0 1280 800" "$s" || return 1
  sleep 0.5
  click "$P_FORM_NAME"
  paste "测试委员"
  choose "$P_FORM_SEX" 1 || return 1    # 男
  choose "$P_FORM_SECTOR" 1 || return 1 # the first 界别
  click "$P_FORM_ID"
  typ "$bad"
  grab "$tmp/before.png"
  local before after
  before=$(reddish $R_FORM_IDERR "$tmp/before.png")
  press_red "$R_FORM_BUTTONS" || return 1
  until_ 10 red_grew "$before" || { why="no red error under 身份证号 after saving a wrong check digit"; return 1; }
  cp "$tmp/after.png" "$out/$(printf %02d $n)-add-member-error.png"
  zx --db "$demodb" export roster "$tmp/t5.xlsx" --full --full-id >/dev/null
  strings_of "$tmp/t5.xlsx" | grep -q "$bad" && { why="the member was saved with the wrong 身份证号"; return 1; }
  click "$P_FORM_ID"
  key ctrl+a
  typ "$good"
  press_red "$R_FORM_BUTTONS" || return 1
  until_ 15 roster_has "$good" || { why="no member with 身份证号 $good in the data file"; return 1; }
  strings_of "$tmp/t5.xlsx" | grep -q "测试委员" || { why="the new member's name is not 测试委员"; return 1; }
}

import_roster() {
  # the sheet: the previous term's roster (full, importable), as the office would keep it
  local f="$docs/0-import.xlsx" o added total
  zx --db "$demodb" export roster "$f" --term 10 --full --full-id >/dev/null
  xlsx_ok "$f" || { why="could not make the sheet to import"; return 1; }
  o=$(zx --db "$demodb" import roster "$f" --term 11)
  added=$(echo "$o" | grep -o '新增 [0-9]* 人' | head -1 | grep -o '[0-9]*')
  total=$(zx --db "$demodb" export roster "$tmp/t6.xlsx" --all | grep -o '名册 [0-9]* 人' | grep -o '[0-9]*')
  [ -n "$added" ] && [ -n "$total" ] || { why="CLI preview: $o"; return 1; }
  local s
  s=$(sig 0 0 1280 800)
  click "$P_NAV_MEMBERS"
  sleep 0.5
  click "$P_MEM_IMPORT"
  wait_change "0 0 1280 800" "$s" || return 1
  sleep 1
  click "$P_FILE_FIRST" # 0-import.xlsx sorts first
  sleep 0.3
  s=$(sig 0 0 1280 800)
  press_red "$R_FILE_BUTTONS" || return 1 # 打开
  wait_change "0 0 1280 800" "$s" || return 1
  # the sheet is read in the background, then the preview shows 确认导入
  sleep 1
  until_ 30 has_red $R_FILE_BUTTONS || { why="no import preview with 确认导入"; return 1; }
  sleep 0.5
  grab "$out/$(printf %02d $n)-import-preview.png"
  press_red "$R_FILE_BUTTONS" || return 1
  local want=$((total + added))
  until_ 30 roster_count_is "$want" || { why="the 第十一届 roster does not have $total + $added members"; return 1; }
  dismiss || return 1
}

# A sheet with good and bad rows (app/cli/testdata/partial): 只导入没有问题的行
# takes the 5 good rows in and saves the 3 bad ones, with 行号 and 问题, to
# the file named in the save dialog.
import_skip_bad() {
  local f="$docs/0-0-partial.xlsx" left="$docs/0-0-partial-left.xlsx" before s
  cp "$(dirname "$0")/../app/cli/testdata/partial/名册（部分有误）.xlsx" "$f" || { why="no testdata sheet"; return 1; }
  before=$(zx --db "$demodb" export roster "$tmp/t7.xlsx" --all | grep -o '名册 [0-9]* 人' | grep -o '[0-9]*')
  click "$P_NAV_MEMBERS"
  sleep 0.5
  s=$(sig 0 0 1280 800)
  click "$P_MEM_IMPORT"
  wait_change "0 0 1280 800" "$s" || return 1
  sleep 1
  click "$P_FILE_FIRST" # 0-0-partial.xlsx sorts first
  sleep 0.3
  s=$(sig 0 0 1280 800)
  press_red "$R_FILE_BUTTONS" || return 1 # 打开
  wait_change "0 0 1280 800" "$s" || return 1
  sleep 2 # read and planned in the background; 确认导入 stays grey
  grab "$out/$(printf %02d $n)-skip-bad-preview.png"
  click "$P_SKIP_BAD"
  save_as "0-0-partial-left.xlsx" || return 1
  until_ 30 roster_count_is $((before + 5)) || { why="the roster does not have $before + 5 members"; return 1; }
  until_ 10 xlsx_ok "$left" || { why="$left was not written"; return 1; }
  strings_of "$left" | grep -q "行号" && strings_of "$left" | grep -q "月份 13" || { why="$left lacks 行号 or a reason"; return 1; }
  dismiss || return 1
  rm -f "$f"
}

stat_num() { zx --db "$demodb" stats proposals | grep -o "$1[0-9]*件" | grep -o '[0-9]*'; }
stat_is() { [ "$(stat_num "$1")" = "$2" ]; }

file_proposal() {
  local before s
  before=$(stat_num 经审查立案)
  click "$P_NAV_PROPOSALS"
  sleep 1
  choose "$P_PROP_STATUS" 3 || return 1 # 全部, 已提交, 审查中
  sleep 1
  s=$(sig $R_PROP_DETAIL)
  click "$P_PROP_ROW1"
  wait_change "$R_PROP_DETAIL" "$s" || return 1
  press_red "$R_PROP_DETAIL" || return 1 # 立案, the likely next step
  sleep 0.5
  press_red "0 0 1280 800" || return 1   # 确定 in the 立案 dialog
  until_ 15 stat_is 经审查立案 $((before + 1)) || { why="立案 count stayed at $before"; return 1; }
}

assign_proposal() {
  local before rows=0 i y c
  before=$(stat_num 已交办)
  click "$P_TAB_ASSIGN"
  sleep 1.5
  grab "$tmp/assign.png"
  for i in $(seq 0 12); do # rows with a ticked box
    y=$((ASSIGN_ROW0 + ASSIGN_DY * i - 6))
    c=$(convert "$tmp/assign.png" -format "%[fx:(p{$ASSIGN_CHECK_X,$y}.r - p{$ASSIGN_CHECK_X,$y}.g) > 0.4]" info:)
    [ "$c" = 1 ] && rows=$((i + 1))
  done
  [ $rows -ge 1 ] || { why="no proposal waiting for 交办"; return 1; }
  click "$P_ASSIGN_ALL" # untick all, then tick the last row: the proposal just filed
  sleep 0.3
  click "$ASSIGN_CHECK_X $((ASSIGN_ROW0 + ASSIGN_DY * (rows - 1)))"
  sleep 0.5
  press_red "$R_ASSIGN_GO" || return 1
  sleep 0.5
  press_red "0 0 1280 800" || return 1 # 是
  until_ 15 stat_is 已交办 $((before + 1)) || { why="交办 count stayed at $before"; return 1; }
}

assessment() {
  local s d year
  click "$P_NAV_ASSESS"
  s=$(sig $R_ASSESS_EXPLAIN)
  sleep 1
  until_ 30 dark_gt "190 330 700 400" 1 || { why="no assessment table"; return 1; }
  click "$P_ASSESS_ROW1"
  wait_change "$R_ASSESS_EXPLAIN" "$s" || return 1
  sleep 0.5
  d=$(dark $R_ASSESS_EXPLAIN)
  awk -v d="$d" 'BEGIN { exit !(d > 2) }' || { why="the explanation pane is nearly empty ($d % dark)"; return 1; }
  press_red "$R_ASSESS_EXPORT" || return 1
  save_as "e2e-assess.xlsx" || return 1
  until_ 20 xlsx_ok "$docs/e2e-assess.xlsx" || { why="the results sheet was not written"; return 1; }
  dismiss || return 1
  # the window's results are the command line's, cell for cell
  year=$(date +%Y)
  zx --db "$demodb" assess --year "$year" --out "$tmp/assess.xlsx" >/dev/null
  [ "$(unzip -p "$docs/e2e-assess.xlsx" xl/worksheets/sheet1.xml | md5sum)" = "$(unzip -p "$tmp/assess.xlsx" xl/worksheets/sheet1.xml | md5sum)" ] &&
    [ "$(strings_of "$docs/e2e-assess.xlsx" | md5sum)" = "$(strings_of "$tmp/assess.xlsx" | md5sum)" ] ||
    { why="the saved results differ from 'zhengxie assess --year $year'"; return 1; }
}

pdf_report() {
  local f="$docs/e2e-report.pdf" s num session
  click "$P_NAV_REPORTS"
  sleep 1
  choose "$P_REPORT_KIND" 1 || return 1 # 提案工作情况报告
  sleep 1
  press_red "$R_REPORT_SAVE" || return 1
  save_as "e2e-report.pdf" || return 1
  until_ 30 eval 'pdftotext "$f" "$tmp/gui.txt" 2>/dev/null && [ -s "$tmp/gui.txt" ]' || { why="no readable PDF at $f"; return 1; }
  dismiss || return 1 # 关闭 (the first button; the second opens the file)
  # the same report from the command line, for the session the screen chose
  num=$(grep -o '届[一二三四五六七八九十]*次会议' "$tmp/gui.txt" | head -1 | sed 's/届//; s/次会议//')
  session=$(echo "一 二 三 四 五 六 七 八 九 十" | tr ' ' '\n' | grep -nx "$num" | cut -d: -f1)
  [ -n "$session" ] || { why="the PDF names no session"; return 1; }
  zx --db "$demodb" report proposals --session "$session" --out "$tmp/cli.pdf" >/dev/null
  pdftotext "$tmp/cli.pdf" "$tmp/cli.txt"
  cmp -s "$tmp/gui.txt" "$tmp/cli.txt" || { why="the PDF's text differs from 'zhengxie report proposals --session $session'"; return 1; }
}

# The whole roster's 委员履职档案 (300 members, seconds of work): 取消 midway
# leaves no file, not even a partial one, and the window says 已取消.
archive_cancel() {
  local f="$docs/e2e-archive.pdf"
  choose "$P_REPORT_KIND" 3 || return 1 # 委员履职档案, 全体委员 (one file)
  sleep 2
  press_red "$R_REPORT_SAVE" || return 1
  save_as "e2e-archive.pdf" || return 1
  sleep 0.3
  click "$P_JOB_CANCEL"
  # the progress dialog gives way to the narrower 已取消 (已保存 would be wider)
  until_ 30 eval 'dimmed && dim_at $P_JOB_EDGE' || { why="no 已取消 dialog after 取消"; return 1; }
  grab "$out/$(printf %02d $n)-archive-cancelled.png"
  [ ! -e "$f" ] || { why="a cancelled archive left $f ($(fsize "$f") bytes)"; return 1; }
  ! ls -A "$docs" | grep -q '^\.zhengxie-.*\.tmp$' || { why="a cancelled archive left a temporary file in $docs"; return 1; }
  dismiss || return 1
}

backup_folder() {
  local s f o
  click "$P_NAV_SETTINGS"
  sleep 1
  click "$P_SET_BACKUP_TAB"
  sleep 1
  s=$(sig 0 0 1280 800)
  click "$P_BACKUP_USB"
  wait_change "0 0 1280 800" "$s" || return 1
  sleep 1
  press_red "$R_FILE_BUTTONS" || return 1 # 打开: the folder shown (Documents)
  sleep 1
  click "$P_BACKUP_PW1"
  typ "e2e-Pass-2026"
  click "$P_BACKUP_PW2"
  typ "e2e-Pass-2026"
  press_red "$R_BACKUP_OK" || return 1
  until_ 60 eval 'ls "$docs"/*.age >/dev/null 2>&1' || { why="no encrypted backup in $docs"; return 1; }
  f=$(ls "$docs"/*.age | head -1)
  printf 'e2e-Pass-2026' >"$tmp/pw"
  sleep 1
  o=$(zx --db "$tmp/scratch.db" restore "$f" --passphrase-file "$tmp/pw")
  echo "$o" | grep -q '委员会：政协清河县委员会' && echo "$o" | grep -q '提案 [1-9][0-9]* 件' ||
    { why="the backup does not open with its password: $o"; return 1; }
  dismiss || return 1 # 备份完成
}

quit_demo() {
  quit_app || return 1
  ls "$tmp/demo/backups/"*auto* >/dev/null 2>&1 || { why="no automatic backup on exit in $tmp/demo/backups"; return 1; }
  if grep -Eiq "panic|fatal error|segmentation" "$tmp/app1.log" "$tmp/app2.log"; then
    why="errors in the program's output: $(grep -Ehi 'panic|fatal error' "$tmp/app1.log" "$tmp/app2.log" | head -2)"
    return 1
  fi
  # Fyne's thread checks (the build does not opt out of them): a widget
  # touched off the UI thread, not through fyne.Do
  if grep -q "Error in Fyne call thread" "$tmp/app1.log" "$tmp/app2.log"; then
    why="a widget was touched off the UI thread: $(grep -h -A2 'Error in Fyne call thread' "$tmp/app1.log" "$tmp/app2.log" | grep 'From:' | head -2)"
    return 1
  fi
}

echo "e2e-gui: the window under Xvfb, driven by xdotool (screenshots: $out)"
t_all=$SECONDS
run first-run-setup first_run
run demo-county demo
run pinyin-search-and-filter search_filter
run export-roster-dialog export_roster
run add-member-bad-id-then-fix add_member
run import-roster-with-preview import_roster
run import-only-the-good-rows import_skip_bad
run proposal-li-an file_proposal
run proposal-jiao-ban assign_proposal
run assessment-explanation-export assessment
run pdf-report-dialog pdf_report
run archive-batch-cancel archive_cancel
run backup-to-folder backup_folder
run quit-with-exit-backup quit_demo
echo "e2e-gui: $((SECONDS - t_all)) s in all"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
