#!/usr/bin/env bash
# National scale, on each engine: the demo generated once (people/s and events/s), then our
# roll-ups beside the plain-SQL way (bench/rollup_bench.cpp: stats of the whole tree, of a
# province and of a grassroots committee, cold and warm, and the province's half-year report,
# with a check that both ways agree on every figure), member search by folded name prefix under
# 64 concurrent clients (wrk, p50/p99), and the server's memory with the data loaded.
#
#   bench/nation.sh [SCALE] [ENGINES] [SECONDS] [RUNS]
#   bench/nation.sh nation "sqlite postgresql" 15 3      # the issue's case (about an hour)
#   bench/nation.sh province sqlite 10 5                 # a quick look
#   DANGVU_BENCH_PG_FROM_FILE=1 bench/nation.sh nation "sqlite postgresql"
#       loads the server from the SQLite file by `dangvu migrate` instead of generating again
#   DANGVU_BENCH_KEEP_PG=1 ...
#       leaves the PostgreSQL server running with its data, and a later run with the same setting
#       uses it again instead of loading it (the national load takes about an hour)
#
# Keeps the SQLite data in $DANGVU_BENCH_DIR (default /tmp/dangvu-bench-SCALE) and reuses it on the
# next run (delete the folder to generate again). PostgreSQL runs as a throwaway server from
# scripts/pg-server, loaded again on every run unless kept.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-province}"
engines="${2:-sqlite postgresql}"
seconds="${3:-10}"
runs="${4:-3}"
dir="${DANGVU_BENCH_DIR:-/tmp/dangvu-bench-$scale}"
if [[ -z "${DANGVU_BENCH_NO_BUILD:-}" ]]; then
  scripts/setup >/dev/null
  scripts/build release >/dev/null
fi
bin=build/release/src/app/dangvu
rollup=build/release/bench/dangvu_bench_rollup
mkdir -p "$dir"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
  if [[ -f "$dir/pg/url" && -z "${DANGVU_BENCH_KEEP_PG:-}" ]]; then
    scripts/pg-server stop "$dir/pg" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "# bench/nation.sh $scale ($(date -u +%F), $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB)"
for engine in $engines; do
  reused=""
  echo
  echo "## $engine"
  if [[ "$engine" == sqlite ]]; then
    db="$dir/demo.db"
  elif [[ -n "${DANGVU_BENCH_KEEP_PG:-}" && -f "$dir/$engine.generated" && -f "$dir/pg/url" ]] &&
    psql -q "$(cat "$dir/pg/url")" -c 'SELECT 1' >/dev/null 2>&1; then
    db="$(cat "$dir/pg/url")"
    reused=1
    echo "(the server kept from an earlier run, with its data)"
  else
    # A fresh server each run (its data goes with it); memory for sorts and index builds as a
    # national deployment would give it.
    scripts/pg-server start "$dir/pg" auto >/dev/null
    rm -f "$dir/$engine.generated"
    db="$(cat "$dir/pg/url")"
    psql -q "$db" -c "ALTER SYSTEM SET work_mem = '64MB'" -c "ALTER SYSTEM SET maintenance_work_mem = '1GB'" \
      -c "ALTER SYSTEM SET effective_cache_size = '16GB'" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  if [[ "$engine" == postgresql && -z "$reused" && -f "$dir/sqlite.generated" && -n "${DANGVU_BENCH_PG_FROM_FILE:-}" ]]; then
    # The server loaded from the SQLite file already generated: `dangvu migrate` (COPY, then
    # every table's rows and checksum read again on both sides), timed as import throughput.
    start=$(date +%s.%N)
    "$bin" migrate --from "$dir/demo.db" --to "$db" > "$dir/migrate.txt"
    end=$(date +%s.%N)
    rows=$(awk 'NF >= 3 && $2 ~ /^[0-9.]+$/ {gsub(/\./, "", $2); n += $2} END {print n}' "$dir/migrate.txt")
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", b-a}')
    echo "import: dangvu migrate file → server (COPY + verification): $rows rows in ${secs} s = $((rows / (secs > 0 ? secs : 1))) rows/s"
    cp "$dir/sqlite.demo.txt" "$dir/$engine.demo.txt"
    cp "$dir/sqlite.generated" "$dir/$engine.generated"
    cp "$dir/sqlite.rss" "$dir/$engine.rss"
  fi
  if [[ ! -f "$dir/$engine.generated" ]]; then
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$dir/$engine.rss" \
      "$bin" demo --db "$db" --scale "$scale" --accounts > "$dir/$engine.demo.txt" 2> "$dir/$engine.demo.log"
    end=$(date +%s.%N)
    echo "$start $end" > "$dir/$engine.generated"
  fi
  read -r start end < "$dir/$engine.generated"
  line=$(grep -m1 'Đã tạo dữ liệu mẫu' "$dir/$engine.demo.txt")
  people=$(sed -E 's/.*, ([0-9.]+) người.*/\1/; s/\.//g' <<<"$line")
  events=$(sed -E 's/.*, ([0-9.]+) sự kiện.*/\1/; s/\.//g' <<<"$line")
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", b-a}')
  echo "generation: $line"
  echo "generation: ${secs} s, $((people / (secs > 0 ? secs : 1))) people/s, $((events / (secs > 0 ? secs : 1))) events/s, max RSS $(awk '{printf "%.0f MiB", $1/1024}' "$dir/$engine.rss")"
  echo
  "$rollup" --db "$db" --runs "$runs" | tee "$dir/rollup.txt"
  echo

  # Search and memory: the release server on loopback, the national inspection account.
  port=$((18100 + RANDOM % 500))
  started=$(date +%s.%N)
  "$bin" serve --db "$db" --listen 127.0.0.1:$port --threads 16 --log-level warn &
  server=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/tree" && break; sleep 0.2; done
  login() {
    local pw
    pw=$(awk -v u="$1" '$1==u{print $2}' "$dir/$engine.demo.txt")
    curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
      -d "{\"username\":\"$1\",\"password\":\"$pw\"}" "http://127.0.0.1:$port/api/v1/session" |
      grep -i '^set-cookie' | sed 's/.*dangvu_session=\([^;]*\);.*/\1/'
  }
  cookie=$(login quantri)
  base="http://127.0.0.1:$port"
  # Cold start: the whole tree's stats asked first thing (the figures engine reads the org
  # history and every org's stocks), timed from the process's start; then the server's memory.
  root=$(sed -nE 's/.*the whole tree \(([^)]*)\).*/\1/p' "$dir/rollup.txt")
  /usr/bin/time -f "%e" curl -s -o /dev/null -H "Cookie: dangvu_session=$cookie" "$base/api/v1/orgs/$root/stats?at=2026-06-30" 2> "$dir/stats.time"
  answered=$(date +%s.%N)
  echo "cold start: first whole-tree stats answered $(awk -v a="$started" -v b="$answered" 'BEGIN{printf "%.1f", b-a}') s after the server was started (the call itself $(tail -1 "$dir/stats.time") s); server RSS then: $(ps -o rss= -p "$server" | awk '{printf "%.0f MiB", $1/1024}')"
  echo
  # As the national administrator (no scope), then as the accounts of a province (kiemtra: the
  # province's inspection commission) and of a bloc committee in it (vanphong): their scope is
  # an org's subtree, which the search keeps in memory while it walks the name keys.
  printf '| account: request (64 connections, %ss) | req/s | p50 | p99 | non-2xx |\n|---|---:|---:|---:|---:|\n' "$seconds"
  for user in quantri kiemtra vanphong; do
    user_cookie=$(login "$user")
    for q in "members?q=nguyen%20van%20an&limit=20" "members?q=chinh&limit=20" "members?q=dam%20van%20chinh&limit=20"; do
      out=$(wrk -t2 -c64 -d"${seconds}s" --latency -H "Cookie: dangvu_session=$user_cookie" "$base/api/v1/$q")
      printf '| %s: GET /api/v1/%s | %s | %s | %s | %s |\n' "$user" "$q" \
        "$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(awk '$1=="50%"{print $2}' <<<"$out")" \
        "$(awk '$1=="99%"{print $2}' <<<"$out")" "$(awk '/Non-2xx/{print $5}' <<<"$out" | grep . || echo 0)"
    done
  done
  echo
  echo "server RSS after the searches: $(ps -o rss= -p "$server" | awk '{printf "%.0f MiB", $1/1024}')"

  # Mixed load: a writer admitting members at a steady rate (about 20 a second, each a committed
  # transaction through the API) while 64 readers ask for the stats of random orgs; then every
  # sampled org's figures from the live server against a fresh computation (a new process).
  if [[ "$engine" == sqlite ]]; then
    sqlite3 "$db" "SELECT code FROM org ORDER BY random() LIMIT 400" > "$dir/orgs.txt"
    sqlite3 "$db" "SELECT o.code FROM org o JOIN org_version v ON v.org_id = o.id WHERE v.valid_to = '9999-12-31' AND v.kind IN ('grassroots_branch', 'sub_branch') ORDER BY random() LIMIT 200" > "$dir/branches.txt"
  else
    psql -X -A -t -q "$db" -c "SELECT code FROM org ORDER BY random() LIMIT 400" > "$dir/orgs.txt"
    psql -X -A -t -q "$db" -c "SELECT o.code FROM org o JOIN org_version v ON v.org_id = o.id WHERE v.valid_to = '9999-12-31' AND v.kind IN ('grassroots_branch', 'sub_branch') ORDER BY random() LIMIT 200" > "$dir/branches.txt"
  fi
  {
    echo "local paths = {"
    sed 's#.*#"/api/v1/orgs/&/stats",#' "$dir/orgs.txt"
    echo "}"
    echo 'request = function() return wrk.format("GET", paths[math.random(#paths)]) end'
  } > "$dir/stats.lua"
  csrf=$(curl -s -H "Cookie: dangvu_session=$cookie" "$base/api/v1/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  mapfile -t branches < "$dir/branches.txt"
  (
    n=0
    end=$((SECONDS + seconds))
    while ((SECONDS < end)); do
      n=$((n + 1))
      branch=${branches[$((RANDOM % ${#branches[@]}))]}
      curl -s -o /dev/null -H "Cookie: dangvu_session=$cookie" -H "X-CSRF-Token: $csrf" \
        -H 'Content-Type: application/json' "$base/api/v1/members" \
        -d "{\"code\":\"MX$$-$n\",\"family\":\"Thử\",\"middle\":\"Văn\",\"given\":\"Tải\",\"birth_date\":\"1990-01-01\",\"gender\":\"male\",\"first\":{\"kind\":\"admission\",\"date\":\"2026-06-15\",\"org\":\"$branch\"}}"
      sleep 0.05
    done
    echo "$n" > "$dir/writes.txt"
  ) &
  writer=$!
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency -s "$dir/stats.lua" -H "Cookie: dangvu_session=$cookie" "$base")
  wait "$writer"
  agree=yes
  for code in $(head -20 "$dir/orgs.txt"); do
    live=$(curl -s -H "Cookie: dangvu_session=$cookie" "$base/api/v1/orgs/$code/stats?at=2026-06-30")
    fresh=$("$bin" stats --db "$db" --org "$code" --at 2026-06-30 --json 2>/dev/null || true)
    if [[ "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("members"), d.get("probation_overdue"), d.get("admitted_this_year"))' <<<"$live" 2>/dev/null)" != \
          "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("members"), d.get("probation_overdue"), d.get("admitted_this_year"))' <<<"$fresh" 2>/dev/null)" ]]; then
      agree=NO
      echo "disagree on $code: live $live / fresh $fresh"
    fi
  done
  echo
  printf '| mixed load (%ss): stats of random orgs, 64 readers, a writer | writes | reads/s | p50 | p99 | agree with a fresh computation |\n|---|---:|---:|---:|---:|---|\n' "$seconds"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$engine" "$(cat "$dir/writes.txt")" \
    "$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(awk '$1=="50%"{print $2}' <<<"$out")" \
    "$(awk '$1=="99%"{print $2}' <<<"$out")" "$agree"
  [[ "$agree" == yes ]] || exit 1
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
done
