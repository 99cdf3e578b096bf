#!/usr/bin/env bash
# Answer times of the JSON API for 8 clients, plain and while 64 idle and 64 trickling
# connections (one header byte every 2 s, reconnecting when the server cuts them) are held open
# on the same loopback server. Release build, small demo, the province's inspection committee.
# Usage: bench/availability.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
scripts/setup >/dev/null
scripts/build release >/dev/null
bin=build/release/src/app/dangvu
work=$(mktemp -d)
holder=
trap 'kill $server $holder 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" demo --db "$work/demo.db" --accounts > "$work/accounts.txt" 2>/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "$work/demo.db" --listen 127.0.0.1:$port --threads 16 --log-level warn \
  > /dev/null 2> "$work/err.log" &
server=$!
for _ in $(seq 100); do curl -s "http://127.0.0.1:$port/api/v1/session" >/dev/null && break; sleep 0.1; done
pw=$(awk '$1=="kiemtra"{print $2}' "$work/accounts.txt")
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"kiemtra\",\"password\":\"$pw\"}" "http://127.0.0.1:$port/api/v1/session" |
  grep -i '^set-cookie' | sed 's/.*dangvu_session=\([^;]*\);.*/\1/')
base="http://127.0.0.1:$port"

run() {
  local name="$1" url="$2"
  local out rps p50 p99 max bad errors
  out=$(wrk -t2 -c8 -d"${seconds}s" --latency -H "Cookie: dangvu_session=$cookie" "$url")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  max=$(awk '$1=="Latency"{print $4}' <<<"$out")
  bad=$(awk '/Non-2xx/{print $5}' <<<"$out")
  errors=$(awk '/Socket errors/{print $0}' <<<"$out")
  printf '%-34s %-26s %9s %9s %9s %9s %s\n' "$name" "$3" "$rps" "$p50" "$p99" "$max" "${bad:-0} ${errors}"
}

printf '%-34s %-26s %9s %9s %9s %9s %s\n' "request (8 clients, ${seconds}s)" "held connections" "req/s" "p50" "p99" "max" "non-2xx"
for url in "/api/v1/session" "/api/v1/members?q=chinh&limit=20" "/api/v1/tree"; do
  run "GET $url" "$base$url" "none"
done

python3 - "$port" > "$work/holder.log" 2>&1 <<'EOF' &
import socket, sys, time
port = int(sys.argv[1])
def connect():
    s = socket.create_connection(("127.0.0.1", port))
    return s
idle = [connect() for _ in range(64)]
slow = []
for _ in range(64):
    s = connect(); s.sendall(b"GET /api/v1/session HTTP/1.1\r\n"); slow.append(s)
print("holding 64 idle and 64 trickling", flush=True)
end = time.time() + 600
while time.time() < end:
    for i, s in enumerate(slow):
        try:
            s.sendall(b"a")
        except OSError:  # cut by the server's deadline: come back, as an attacker would
            s = connect(); s.sendall(b"GET /api/v1/session HTTP/1.1\r\nX-Slow: "); slow[i] = s
    for i, s in enumerate(idle):
        s.setblocking(False)
        try:
            if s.recv(1) == b"":
                idle[i] = connect()
        except BlockingIOError:
            pass
    time.sleep(2)
EOF
holder=$!
for _ in $(seq 50); do grep -q holding "$work/holder.log" 2>/dev/null && break; sleep 0.1; done
for url in "/api/v1/session" "/api/v1/members?q=chinh&limit=20" "/api/v1/tree"; do
  run "GET $url" "$base$url" "64 idle + 64 trickling"
done
echo "server RSS: $(ps -o rss= -p $server | awk '{printf "%.1f MiB", $1/1024}')"
