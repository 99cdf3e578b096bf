#!/usr/bin/env bash
# Load on the JSON API: the release server over the demo database on loopback, wrk with 64
# keep-alive connections, authenticated as the province's inspection committee (scope: the
# whole province). Rows: the unauthenticated 401 (the server's floor), member search by folded
# prefix, the tree, and province statistics. Usage: bench/api_load.sh [SECONDS] [SCALE]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
scale="${2:-small}"
scripts/setup >/dev/null
scripts/build release >/dev/null
bin=build/release/src/app/dangvu
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" demo --db "$work/demo.db" --scale "$scale" --accounts > "$work/accounts.txt" 2>/dev/null
port=18090
"$bin" serve --db "$work/demo.db" --listen 127.0.0.1:$port --threads 16 --log-level warn &
server=$!
sleep 1
pw=$(awk '$1=="kiemtra"{print $2}' "$work/accounts.txt")
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"kiemtra\",\"password\":\"$pw\"}" "http://127.0.0.1:$port/api/v1/session" |
  grep -i '^set-cookie' | sed 's/.*dangvu_session=\([^;]*\);.*/\1/')
base="http://127.0.0.1:$port"
printf '%-44s %10s %9s %9s %9s\n' "request ($scale demo, 64 conn, ${seconds}s)" "req/s" "p50" "p99" "non-2xx"
run() {
  local name="$1" url="$2" auth="$3"
  local args=(-t2 -c64 -d"${seconds}s" --latency)
  [[ "$auth" == yes ]] && args+=(-H "Cookie: dangvu_session=$cookie")
  local out
  out=$(wrk "${args[@]}" "$url")
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/{print $5}' <<<"$out")
  printf '%-44s %10s %9s %9s %9s\n' "$name" "$rps" "$p50" "$p99" "${bad:-0}"
}
run "GET /api/v1/tree without a session (401)" "$base/api/v1/tree" no
run "GET /api/v1/members?q=nguyen%20van&limit=20" "$base/api/v1/members?q=nguyen%20van&limit=20" yes
run "GET /api/v1/members?q=chinh&limit=20" "$base/api/v1/members?q=chinh&limit=20" yes
run "GET /api/v1/orgs/TU/stats" "$base/api/v1/orgs/TU/stats" yes
run "GET /api/v1/tree (whole province)" "$base/api/v1/tree" yes
echo "server RSS: $(ps -o rss= -p $server | awk '{printf "%.1f MiB", $1/1024}')"
