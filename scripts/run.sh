#!/usr/bin/env bash
# Builds zhengxie and opens it.
#
#   bash scripts/run.sh                 open on the default database in your data folder
#   bash scripts/run.sh --demo          first fill an empty database with the demo county (政协清河县委员会)
#   bash scripts/run.sh --db FILE       use another database file
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/go/bin:/usr/local/go/bin:$PATH" # where setup.sh puts Go if it installs it

demo=false
db=()
while [ $# -gt 0 ]; do
  case "$1" in
    --demo) demo=true ;;
    --db) db=(--db "$2"); shift ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

bash scripts/setup.sh
echo "run.sh: building (the first build compiles Fyne's C code and takes a few minutes)…"
go build -o zhengxie .
if $demo; then
  # demo refuses a database that already has data; that is fine here.
  ./zhengxie "${db[@]}" demo || echo "run.sh: keeping the existing data."
fi
exec ./zhengxie "${db[@]}"
