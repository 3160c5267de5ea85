#!/usr/bin/env bash
# CLI start-up from a cold process (issue 16): `estate-desk --version`, `search`, `record` and
# `print labels` on the demo estate, beside `python -c pass`, with hyperfine.
#
#   benchmarks/cli_startup.sh PYTHON [BEFORE_SRC]
#     PYTHON      a venv's python with the project installed (its estate-desk command is used)
#     BEFORE_SRC  the src/ folder of an older commit (git archive COMMIT | tar -x -C DIR): each
#                 command is then measured twice in the same hyperfine run, old and new, so both
#                 see the same machine load
# Bytecode is written (PYTHONDONTWRITEBYTECODE unset): the warm-up runs leave the .pyc files an
# installed copy has, so the figures are start-up, not compilation. RUNS=N (default 15).
set -euo pipefail
PY=$1
BEFORE=${2:-}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/estate-desk-startup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
unset PYTHONDONTWRITEBYTECODE
export ESTATE_DESK_HOME="$WORK/home" ESTATE_DESK_PASSWORD=demo-2024 LANG=C.UTF-8
ED="$(dirname "$PY")/estate-desk"
DB="sqlite:///$WORK/demo.sqlite3"
PYTHONPATH="$HERE/src" "$ED" demo --database "$DB" >/dev/null
BOX=$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select code from boxes order by code limit 1').fetchone()[0])" "$WORK/demo.sqlite3")
rows=(-n "python -c pass" "$PY -c pass"
  -n "floor: import estate_desk.store.models" "env PYTHONPATH=$HERE/src $PY -c 'import estate_desk.store.models'")
for cmd in "--version" "--database $DB search 张 --user clerk" "--database $DB record 1 --user clerk" \
  "--database $DB print labels --box $BOX -o $WORK/labels.pdf --user clerk"; do
  name="estate-desk $(echo "$cmd" | sed -E 's/--database [^ ]+ //; s/ --user clerk//; s/ -o [^ ]+//')"
  [ -n "$BEFORE" ] && rows+=(-n "before: $name" "env PYTHONPATH=$BEFORE $ED $cmd")
  rows+=(-n "$name" "env PYTHONPATH=$HERE/src $ED $cmd")
done
echo "load before: $(uptime)"
hyperfine -N -w 2 -r "${RUNS:-15}" --export-markdown "$WORK/figures.md" --export-json "${JSON:-$WORK/figures.json}" "${rows[@]}"
echo "load after: $(uptime)"
cat "$WORK/figures.md"
