#!/usr/bin/env bash
# Party dues at a province's size (issue 21): the dues report of the demo's upper committee for a
# year (under 1 s) and the import of 100,000 portal payments (under 10 s), through a running
# server as the web app asks for them.
#   The report: GET /api/v1/orgs/TU/dues/report?period=2026 on a server just started, then again;
#   beside it, the plain SQL an ordinary application would run for the one figure SQL can give
#   (what was collected, payments minus cancellations, over the subtree by a recursive CTE) —
#   what each member owed needs the rule set and each member's history, which SQL does not hold.
#   The import: a CSV of 100,000 members' dues for next January (paid in advance today), each
#   matched by code, checked and recorded in one transaction; then the same file again (every row
#   already recorded: nothing written).
# On PostgreSQL the server is a throwaway one (scripts/pg-server) loaded from the same demo file.
# Usage: bench/dues.sh [RUNS] [SCALE] [ENGINES]   e.g. bench/dues.sh 5 province "sqlite postgresql"
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
next_year=$(($(date -u +%Y) + 1))

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# 100,000 members (or all) who are members today, each paying next January in advance.
rows=$(sqlite3 "$db" "SELECT COUNT(DISTINCT member_id) FROM member_period WHERE valid_to = '9999-12-31'
  AND status IN ('official', 'probationary')")
{
  echo "Số thẻ đảng viên,Tháng,Số tiền,Ngày nộp,Mã giao dịch"
  sqlite3 -csv "$db" "SELECT m.code, '$next_year-01', 1000000, '$(date -u +%d/%m/%Y)',
      'BENCH-' || m.id FROM member m JOIN member_period p ON p.member_id = m.id
      WHERE p.valid_to = '9999-12-31' AND p.status IN ('official', 'probationary')
      ORDER BY m.id LIMIT 100000"
} > "$work/portal.csv"
file_rows=$(($(wc -l < "$work/portal.csv") - 1))

plain_query="
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM org WHERE code = '$root'
      UNION SELECT v.org_id FROM org_version v JOIN sub ON v.parent_id = sub.id)
    SELECT SUM(CASE WHEN cancels IS NULL THEN amount ELSE -amount END), COUNT(DISTINCT member_id)
    FROM dues_payment WHERE org_id IN (SELECT id FROM sub)
      AND month >= '$period-01' AND month <= '$period-12';"
plain_sql() {
  if [[ "$engine" == sqlite ]]; then
    sqlite3 "$target" "$plain_query"
  else
    psql -qAt -F '|' "$target" -c "$plain_query"
  fi
}

through_server() {
  local port=18094 pw cookie token first
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
    -d "{\"current_password\":\"$pw\",\"new_password\":\"Bench-dues-2026\"}" \
    "http://127.0.0.1:$port/api/v1/session/password"
  report() {
    curl -s -o "$work/report.json" -w '%{http_code} %{time_total}\n' \
      -H "Cookie: dangvu_session=$cookie" \
      "http://127.0.0.1:$port/api/v1/orgs/$root/dues/report?period=$period"
  }
  first=$(report)
  local times=()
  for ((i = 0; i < runs; i++)); do times+=($(report | awk '{printf "%d", $2 * 1000}')); done
  echo "report through the server: first request $(awk '{printf "%d ms (HTTP %s)", $2 * 1000, $1}' <<<"$first"), then $(printf '%s\n' "${times[@]}" | median) ms (median of $runs)"
  echo "report: collected $(sed 's/.*"total":{[^}]*"collected":\([0-9]*\).*/\1/' "$work/report.json"), members $(sed 's/.*"total":{[^}]*"members":\([0-9]*\).*/\1/' "$work/report.json"); plain SQL (collected|payers): $(plain_sql)"
  import() {
    curl -s -o "$work/import.json" -w '%{http_code} %{time_total}\n' \
      -H "Cookie: dangvu_session=$cookie" -H "X-CSRF-Token: $token" \
      -H 'Content-Type: application/octet-stream' --data-binary "@$work/portal.csv" \
      "http://127.0.0.1:$port/api/v1/dues/import?file_name=portal.csv"
  }
  local once again
  once=$(import)
  echo "import of $file_rows payments: $(awk '{printf "%d ms (HTTP %s)", $2 * 1000, $1}' <<<"$once"); $(sed 's/.*"recorded":\([0-9]*\),"rejected":\([0-9]*\).*/recorded \1, rejected \2/' "$work/import.json")"
  again=$(import)
  echo "the same file again: $(awk '{printf "%d ms (HTTP %s)", $2 * 1000, $1}' <<<"$again"); $(sed 's/.*"unchanged":\([0-9]*\).*/unchanged \1/' "$work/import.json")"
  after=$(report)
  echo "report after the import (a write): $(awk '{printf "%d ms (HTTP %s)", $2 * 1000, $1}' <<<"$after")"
  kill $server
  wait $server 2>/dev/null || true
}

people=$(sqlite3 "$db" "SELECT COUNT(*) FROM member")
payments=$(sqlite3 "$db" "SELECT COUNT(*) FROM dues_payment")
echo "scale $scale: $people people ($rows members today), $payments dues payments; $root, $period"
for engine in $engines; do
  # Each engine from the demo as generated (the import writes).
  cp "$db" "$work/run.db"
  target="$work/run.db"
  if [[ "$engine" == postgresql ]]; then
    scripts/pg-server start "$work/pg" auto >/dev/null
    target="$(cat "$work/pg/url")"
    "$bin" migrate --from "$db" --to "$target" >/dev/null
  fi
  echo "== $engine"
  echo "plain SQL, collected only: $(for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); plain_sql >/dev/null; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); done | median) ms (median of $runs)"
  through_server
done
