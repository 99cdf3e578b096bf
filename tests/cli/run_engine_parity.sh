#!/usr/bin/env bash
# The same demo generated into a SQLite file and into a PostgreSQL database gives the same answers:
# statistics as of dates before and after the reorganization, the tree, name searches in
# Vietnamese order, the half-year report and the audit log's size.
# Usage: run_engine_parity.sh DANGVU_BINARY SERVER_URL_FILE
set -euo pipefail
bin="$1"
server=$(cat "$2")
work=$(mktemp -d)
db="parity_$$"
trap 'psql -q -X "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
psql -q -X "$server/postgres" -c "CREATE DATABASE $db" >/dev/null
export DANGVU_TODAY=2026-11-22
file="$work/demo.db"
url="$server/$db"
"$bin" demo --db "$file" >/dev/null 2>&1
"$bin" demo --db "$url" >/dev/null 2>&1

failures=0
same() {
  local what="$1"
  shift
  local a b ok=1
  a=$("$bin" "$@" --db "$file" 2>&1) || ok=0
  b=$("$bin" "$@" --db "$url" 2>&1) || ok=0
  # Audit entries carry the wall-clock time of the run that wrote them: compared without it.
  a=$(grep -v '"at": ' <<<"$a")
  b=$(grep -v '"at": ' <<<"$b")
  if ((ok)) && [[ "$a" == "$b" && -n "$a" ]]; then
    echo "ok - $what"
  else
    echo "not ok - $what"
    diff <(echo "$a") <(echo "$b") | head -20
    failures=$((failures + 1))
  fi
}
same "stats of the province before the reorganization" stats --org TU --at 2025-06-30
same "stats of the province today" stats --org TU
same "stats of one grassroots committee" stats --org DBCQD --at 2026-06-30
same "the tree as of a date" tree --org TU --at 2025-06-30
same "a name search lists the same people in the same order" member list --q "nguyen van" --limit 50
same "a search without diacritics" member list --q "dam" --limit 50
"$bin" report --db "$file" --org DBCQD --period 2026-H1 --format html -o "$work/file.html" >/dev/null
"$bin" report --db "$url" --org DBCQD --period 2026-H1 --format html -o "$work/server.html" >/dev/null
if cmp -s "$work/file.html" "$work/server.html" && grep -q 'Đảng bộ' "$work/file.html"; then
  echo "ok - the half-year report"
else
  echo "not ok - the half-year report"
  diff "$work/file.html" "$work/server.html" | head -20
  failures=$((failures + 1))
fi
same "the audit log (as JSON, newest first)" audit --limit 20 --json
if ((failures > 0)); then
  echo "$failures difference(s) between the engines"
  exit 1
fi
