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
# dangvu migrate: the file to a new server database and back to a new file; the round trip keeps
# every row of every table (the two audit entries of the moves aside).
psql -q -X "$server/postgres" -c "CREATE DATABASE ${db}_moved" >/dev/null
trap 'psql -q -X "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; psql -q -X "$server/postgres" -c "DROP DATABASE IF EXISTS ${db}_moved WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
check() {
  if eval "$2"; then echo "ok - $1"; else echo "not ok - $1"; failures=$((failures + 1)); fi
}
check "migrate a file to an empty server database, every table verified" \
  '"$bin" migrate --from "$file" --to "$server/${db}_moved" >"$work/out1" && grep -q "mọi bảng khớp" "$work/out1"'
check "migrate it back to a new file" \
  '"$bin" migrate --from "$server/${db}_moved" --to "$work/back.db" >"$work/out2" && grep -q "mọi bảng khớp" "$work/out2"'
# Rows of tables without an id come back in key order, not insertion order: compared as sets.
sqlite3 "$file" .dump | grep -v db.migrate | sort >"$work/before.sql"
sqlite3 "$work/back.db" .dump | grep -v db.migrate | sort >"$work/after.sql"
check "the round trip file → server → file keeps every row" 'cmp -s "$work/before.sql" "$work/after.sql"'
check "the moved server database answers as the file does" \
  '[[ "$("$bin" stats --db "$file" --org TU --at 2026-06-30)" == "$("$bin" stats --db "$server/${db}_moved" --org TU --at 2026-06-30)" ]]'
before=$(pg_dump --data-only "$server/${db}_moved" | grep -v -E "setval|^.(un)?restrict " | md5sum)
check "a migrate into a database that has data is refused" \
  '! "$bin" migrate --from "$file" --to "$server/${db}_moved" >"$work/out3" 2>&1 && grep -q "«to»\|đã có dữ liệu" "$work/out3"'
after=$(pg_dump --data-only "$server/${db}_moved" | grep -v -E "setval|^.(un)?restrict " | md5sum)
check "and changes nothing there" '[[ "$before" == "$after" ]]'
check "a migrate onto an existing file is refused" \
  '! "$bin" migrate --from "$server/${db}_moved" --to "$work/back.db" >/dev/null 2>&1'
check "a new id on the server comes after the copied ones" \
  '"$bin" org add --db "$server/${db}_moved" --code MOI --name "Chi bộ Mới" --kind grassroots_branch --parent TU --date 2026-11-01 >/dev/null'

if ((failures > 0)); then
  echo "$failures difference(s) between the engines"
  exit 1
fi
