#!/usr/bin/env bash
# End-to-end test of the built binary's command line, as office IT staff
# would use it: demo, export, re-import into a fresh database, check; and the
# exported sheets opened by LibreOffice when it is installed.
#   bash scripts/smoke.sh out/zhengxie
set -uo pipefail
bin=$(realpath "${1:?usage: smoke.sh BINARY}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
pass=0 fail=0
ok() { echo "  ok    $1"; pass=$((pass + 1)); }
bad() { echo "  FAIL  $1"; fail=$((fail + 1)); }
expect() { # expect CODE DESCRIPTION -- command...
  local want=$1 what=$2; shift 3
  "$@" >out.txt 2>err.txt; local got=$?
  if [ "$got" = "$want" ]; then ok "$what"; else bad "$what (exit $got, want $want)"; cat out.txt err.txt | head -5; fi
}

expect 0 "help" -- "$bin" help
grep -q "用法" out.txt && ok "help is in Chinese" || bad "help is in Chinese"
expect 2 "unknown command is a usage error" -- "$bin" --db a.db frobnicate
expect 0 "demo fills an empty database" -- "$bin" --db a.db demo
expect 1 "demo refuses a database with data" -- "$bin" --db a.db demo
expect 0 "export the full roster" -- "$bin" --db a.db export roster a.xlsx --full --full-id
expect 0 "export the printable roster" -- "$bin" --db a.db export roster print.xlsx
expect 0 "export the composition" -- "$bin" --db a.db export composition comp.xlsx
expect 0 "write the import template" -- "$bin" template t.xlsx

expect 1 "import into a database without a term says how to start" -- "$bin" --db b.db import roster a.xlsx
grep -q "还没有届次" err.txt && ok "…in Chinese" || bad "…in Chinese"
expect 0 "init sets up the committee" -- "$bin" --db b.db init --name 政协清河县委员会 --term 11 --start 2021
expect 0 "import preview" -- "$bin" --db b.db import roster a.xlsx
grep -q "未写入数据" out.txt && ok "preview says nothing was written" || bad "preview says nothing was written"
expect 0 "export after preview" -- "$bin" --db b.db export roster empty.xlsx
grep -q " 0 人" out.txt && ok "preview wrote nothing" || bad "preview wrote nothing"
expect 0 "import with --yes" -- "$bin" --db b.db import roster a.xlsx --yes
expect 0 "export the re-imported roster" -- "$bin" --db b.db export roster b.xlsx --full --full-id
expect 0 "check after import" -- "$bin" --db b.db check
grep -q "检查通过" out.txt && ok "check passes" || bad "check passes"

# The structure from the command line alone: a new 届, its sessions, the 履职 lists.
expect 0 "term add" -- "$bin" --db b.db term add --number 12 --start 2026
expect 0 "term list" -- "$bin" --db b.db term list
grep -q "第十二届（2026—2031）" out.txt && ok "…shows the new term" || bad "…shows the new term"
expect 0 "session add" -- "$bin" --db b.db session add --number 1 --date 2021-12-20 --end 2021-12-23
expect 0 "session list" -- "$bin" --db b.db session list
grep -q "第十一届第一次会议" out.txt && ok "…shows the new session" || bad "…shows the new session"
expect 1 "import proposals into a missing session" -- "$bin" --db b.db import proposals a.xlsx --session 3
grep -q "本届已有的会次：1（第一次会议）" err.txt && ok "…lists the sessions there are" || bad "…lists the sessions there are"
expect 0 "catalog add a record type" -- "$bin" --db b.db catalog add 其他履职类型 结对帮扶
expect 0 "catalog list" -- "$bin" --db b.db catalog list 其他履职类型
grep -q "结对帮扶" out.txt && ok "…shows the added record type" || bad "…shows the added record type"

printf 'not a spreadsheet' > broken.xlsx
expect 1 "a broken file is refused" -- "$bin" --db b.db import roster broken.xlsx --yes
grep -q "Excel" err.txt && ok "…with a Chinese reason" || bad "…with a Chinese reason"

# Portable mode: a "portable" file beside the program keeps the data in <program folder>/data.
mkdir -p stick && cp "$bin" stick/zhengxie && : >stick/portable
expect 0 "version" -- stick/zhengxie version
grep -q "stick/data/zhengxie.db" out.txt && ok "portable: the data file is beside the program" || bad "portable: data file $(cat out.txt)"
expect 0 "portable: init" -- stick/zhengxie init --name 政协清河县委员会 --term 11 --start 2021
[ -f stick/data/zhengxie.db ] && ok "portable: the database was created in stick/data" || bad "portable: no stick/data/zhengxie.db"

if command -v soffice >/dev/null; then
  for f in a b print comp t; do
    soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 "$f.xlsx" >/dev/null 2>&1
  done
  if [ -s a.csv ] && grep -q "姓名" a.csv; then ok "LibreOffice opens the exported roster"; else bad "LibreOffice opens the exported roster"; fi
  for f in print comp t; do
    if [ -s "$f.csv" ]; then ok "LibreOffice opens $f.xlsx"; else bad "LibreOffice opens $f.xlsx"; fi
  done
  # Same people, field by field; only the 制表日期 line may differ.
  if diff <(grep -v 制表日期 a.csv) <(grep -v 制表日期 b.csv) >diff.txt; then
    ok "round trip: demo → export → import → export gives the same roster"
  else
    bad "round trip differs"; head -5 diff.txt
  fi
else
  echo "  skip  LibreOffice checks (soffice not installed; run scripts/setup.sh --office)"
fi

echo "smoke: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
