#!/usr/bin/env bash
# Two `dangvu serve` processes on one PostgreSQL database, as behind a load balancer. Each keeps
# its figures in memory (figures/engine.h) and brings them forward by the change log the other's
# writes leave in the database: on its next request each sees a member the other admitted, an
# org the other created, a member the other moved — and every figure equals a fresh computation
# by the command line on the same database.
# Usage: run_two_servers.sh DANGVU_BINARY SERVER_URL_FILE
set -uo pipefail
bin="$1"
server=$(cat "$2")
work=$(mktemp -d)
db="two_servers_$$"
url="$server/$db"
one=
two=
trap '[[ -n "$one" ]] && kill "$one" 2>/dev/null; [[ -n "$two" ]] && kill "$two" 2>/dev/null; psql -q -X "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
export DANGVU_TODAY=2026-11-22
passed=0
failed=0
check() {
  if eval "$2"; then
    passed=$((passed + 1))
    echo "ok - $1"
  else
    failed=$((failed + 1))
    echo "not ok - $1"
    [[ -n "${3:-}" ]] && echo "$3" | sed 's/^/    /'
  fi
}

psql -q -X "$server/postgres" -c "CREATE DATABASE $db" >/dev/null
"$bin" demo --db "$url" --accounts > "$work/demo.txt" 2> "$work/demo.log"
password=$(awk '$1=="quantri"{print $2}' "$work/demo.txt")
check "the demo is on the server with an administrator" '[[ -n "$password" ]]' "$(tail -5 "$work/demo.log")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_one=$(free_port)
port_two=$(free_port)
"$bin" serve --db "$url" --listen "127.0.0.1:$port_one" --threads 2 > "$work/one.log" 2>&1 &
one=$!
"$bin" serve --db "$url" --listen "127.0.0.1:$port_two" --threads 2 > "$work/two.log" 2>&1 &
two=$!
# Each answers (401 without a session) once it listens: wait for the answer, not for a time.
for port in "$port_one" "$port_two"; do
  for _ in $(seq 300); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/tree") == 401 ]] && break
    sleep 0.1
  done
done

declare -A csrf
login() {
  local port="$1" body
  body=$(curl -s -c "$work/cookies.$port" -H 'Content-Type: application/json' \
    -d "{\"username\":\"quantri\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/session")
  csrf[$port]=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$body")
}
login "$port_one"
login "$port_two"
get() { curl -s -b "$work/cookies.$1" "http://127.0.0.1:$1/api/v1/$2"; }
post() {
  curl -s -o "$work/post.json" -w '%{http_code}' -b "$work/cookies.$1" -H 'Content-Type: application/json' \
    -H "X-CSRF-Token: ${csrf[$1]}" -d "$3" "http://127.0.0.1:$1/api/v1/$2"
}
# The members (official + probationary) of an org's subtree on a server, and by a fresh process.
members() { get "$1" "orgs/$2/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["members"]["members"])'; }
fresh() { "$bin" stats --db "$url" --org "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["members"]["members"])'; }
new_member() {
  printf '{"code":"%s","family":"Lê","middle":"Văn","given":"%s","birth_date":"1995-01-02","gender":"male","first":{"kind":"admission","date":"2026-11-02","org":"%s"}}' "$1" "$2" "$3"
}

# Both servers keep the province's figures (and the tree) from here on.
before=$(members "$port_one" TU)
check "both servers answer the same before any write" '[[ -n "$before" && $(members "$port_two" TU) == "$before" ]]'
get "$port_one" "tree?org=DB001" > /dev/null
get "$port_two" "tree?org=DB001" > /dev/null

code=$(post "$port_two" members "$(new_member TWO1 Hai DB001.01)")
check "the second server admits a member" '[[ $code == 201 ]]' "$(cat "$work/post.json")"
after=$(members "$port_one" TU)
check "the first server counts it on its next request" '[[ $after == $((before + 1)) ]]' "$before → $after"
check "…as a fresh computation does" '[[ $after == $(fresh TU) && $(members "$port_two" TU) == $after ]]'

code=$(post "$port_one" members "$(new_member ONE1 Một DB001.01)")
check "the first server admits a member" '[[ $code == 201 ]]' "$(cat "$work/post.json")"
check "the second server counts it on its next request" '[[ $(members "$port_two" TU) == $((before + 2)) ]]'

code=$(post "$port_two" orgs '{"code":"DB001.99","name":"Chi bộ Thử nghiệm","kind":"sub_branch","parent":"DB001","date":"2026-11-10"}')
check "the second server creates a branch" '[[ $code == 201 ]]' "$(cat "$work/post.json")"
tree=$(get "$port_one" "tree?org=DB001")
check "the first server's tree shows it on its next request" 'grep -q "DB001.99" <<<"$tree"' "$tree"

code=$(post "$port_one" members/TWO1/events '{"kind":"transfer","mode":"permanent","date":"2026-11-15","org":"DB001.99"}')
check "the first server moves the second's member into the new branch" '[[ $code == 201 ]]' "$(cat "$work/post.json")"
check "the second server counts the member in the new branch" '[[ $(members "$port_two" DB001.99) == 1 ]]'
check "…and the province's figure is unchanged on both, as a fresh computation" \
  '[[ $(members "$port_two" TU) == $((before + 2)) && $(members "$port_one" TU) == $(fresh TU) ]]'
check "the branch it left counts one fewer on both" \
  '[[ $(members "$port_one" DB001.01) == $(fresh DB001.01) && $(members "$port_two" DB001.01) == $(fresh DB001.01) ]]'

echo "$passed passed, $failed failed"
((failed == 0))
