#!/usr/bin/env bash
# The member statistics of the demo's upper committee for a year (issue 20: under 1 s for the
# province), our way beside the plain-SQL way in the same run. Ours: `dangvu statistics` (A and D
# from the figures engine's stocks; the changes of members' periods in the year and last year;
# every member and every new member of both years analysed in one scan of the member profiles,
# added up over the tree in memory; the identities checked) — a whole process, opening the database and loading
# the org history included. Plain SQL: the same tables' main figures as an ordinary application
# would get them — a recursive CTE over the tree as of the date and a GROUP BY per analysis
# (status and gender, age bands, each dossier field's value) for the year's end, in the sqlite3
# shell (or psql). Both sides' totals are compared. On PostgreSQL the server is a throwaway one
# (scripts/pg-server) loaded from the same demo file by `dangvu migrate`.
# Usage: bench/statistics.sh [RUNS] [SCALE] [ENGINES]   e.g. bench/statistics.sh 5 province "sqlite postgresql"
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
scale="${2:-small}"
engines="${3:-sqlite}"
scripts/setup >/dev/null
scripts/build release >/dev/null
bin="$PWD/build/release/src/app/dangvu"
work=$(mktemp -d)
trap 'scripts/pg-server stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
db="$work/demo.db"
"$bin" demo --db "$db" --scale "$scale" >/dev/null 2>&1
root=TU
period=2026
last=2026-12-31
today=$(date -u +%F)
[[ "$today" < "$last" ]] && last=$today

time_ms() {
  local times=()
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

over60=$(date -d "$last -61 years" +%F)
target="$db"
ours() { "$bin" statistics --db "$target" --org "$root" --period "$period"; }

# The same SQL on both engines: text dates compare as dates.
plain_query="
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM org WHERE code = '$root'
      UNION SELECT v.org_id FROM org_version v JOIN sub ON v.parent_id = sub.id
      WHERE v.valid_from <= '$last' AND v.valid_to > '$last'),
    m AS (SELECT p.member_id, p.status, x.gender, x.birth_date FROM member_period p
          JOIN member x ON x.id = p.member_id
          WHERE p.org_id IN (SELECT id FROM sub) AND p.valid_from <= '$last' AND p.valid_to > '$last'
            AND p.status IN ('official', 'probationary'))
    SELECT 'total', COUNT(*) FROM m
    UNION ALL SELECT 'women', COUNT(*) FROM m WHERE gender = 'female'
    UNION ALL SELECT 'probationary', COUNT(*) FROM m WHERE status = 'probationary'
    UNION ALL SELECT 'over 60', COUNT(*) FROM m WHERE birth_date <= '$over60';
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM org WHERE code = '$root'
      UNION SELECT v.org_id FROM org_version v JOIN sub ON v.parent_id = sub.id
      WHERE v.valid_from <= '$last' AND v.valid_to > '$last')
    SELECT s.field, s.value, COUNT(*) FROM member_period p
      JOIN dossier_span s ON s.member_id = p.member_id AND s.valid_from <= '$last'
        AND s.valid_to > '$last'
      WHERE p.org_id IN (SELECT id FROM sub) AND p.valid_from <= '$last' AND p.valid_to > '$last'
        AND p.status IN ('official', 'probationary')
      GROUP BY s.field, s.value;"
engine=sqlite
plain_sql() {
  if [[ "$engine" == sqlite ]]; then
    sqlite3 "$db" "$plain_query"
  else
    psql -qAt -F '|' "$target" -c "$plain_query"
  fi
}

# The same tables as the web page asks for them: GET /api/v1/orgs/$root/statistics on a server
# just started (the figures engine reads the stocks), then again (the engine keeps them).
through_server() {
  local port=18093 pw cookie token first
  pw=$("$bin" user add --db "$target" --username "bench$engine" --role committee_office \
    --org "$root" 2>&1 | sed -n 's/.*một lần: \([^ ]*\).*/\1/p')
  "$bin" serve --db "$target" --listen 127.0.0.1:$port --log-level warn >/dev/null 2>&1 &
  local server=$!
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/labels" && break; sleep 0.1; done
  cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench$engine\",\"password\":\"$pw\"}" "http://127.0.0.1:$port/api/v1/session" |
    grep -i '^set-cookie' | sed 's/.*dangvu_session=\([^;]*\);.*/\1/')
  token=$(curl -s -H "Cookie: dangvu_session=$cookie" "http://127.0.0.1:$port/api/v1/session" |
    sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
  curl -s -o /dev/null -H "Cookie: dangvu_session=$cookie" -H "X-CSRF-Token: $token" \
    -H 'Content-Type: application/json' \
    -d "{\"current_password\":\"$pw\",\"new_password\":\"Bench-statistics-2026\"}" \
    "http://127.0.0.1:$port/api/v1/session/password"
  get() {
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: dangvu_session=$cookie" \
      "http://127.0.0.1:$port/api/v1/orgs/$root/statistics?period=$period"
  }
  first=$(get)
  local times=()
  for ((i = 0; i < runs; i++)); do times+=($(get | awk '{printf "%d", $2 * 1000}')); done
  kill $server
  wait $server 2>/dev/null || true
  echo "through the server: first request $(awk '{printf "%d ms (HTTP %s)", $2 * 1000, $1}' <<<"$first"), then $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms (median of $runs)"
}

people=$(sqlite3 "$db" "SELECT COUNT(*) FROM member")
orgs=$(sqlite3 "$db" "SELECT COUNT(*) FROM org")
records=$(sqlite3 "$db" "SELECT COUNT(*) FROM dossier_record")
echo "scale $scale: $orgs orgs, $people people, $records dossier records; $root, $period (to $last)"
for engine in $engines; do
  target="$db"
  if [[ "$engine" == postgresql ]]; then
    scripts/pg-server start "$work/pg" auto >/dev/null
    target="$(cat "$work/pg/url")"
    "$bin" migrate --from "$db" --to "$target" >/dev/null
  fi
  echo "== $engine"
  # Biểu 3's total (this year) beside the plain SQL's count of members on the day.
  # (Whole outputs first: a reader that stops early would end the writer by SIGPIPE.)
  ours > "$work/ours.txt"
  plain_sql > "$work/plain.txt"
  ours_total=$(sed -n '/^Biểu 3/,$p' "$work/ours.txt" | grep -m1 '^Tổng số:' | cut -d' ' -f3)
  echo "members analysed: ours $ours_total, plain SQL $(grep -m1 '^total|' "$work/plain.txt" | cut -d'|' -f2)"
  echo "ours (dangvu statistics, both years, every table): $(time_ms ours) ms (median of $runs)"
  echo "plain SQL (the year's end only, 5 figures + the dossier GROUP BY): $(time_ms plain_sql) ms (median of $runs)"
  through_server
done
