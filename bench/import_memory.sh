#!/usr/bin/env bash
# The server's memory through imports over HTTP: a member list CSV of about 32 MiB sent as a
# dry run four times at once (imports take turns: the others are told to come back), then once
# more alone. Prints the server's RSS before, at its peak and after. Release build, small demo.
# Usage: bench/import_memory.sh [valid|bad]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup >/dev/null
scripts/build release >/dev/null
bin=build/release/src/app/dangvu
work=$(mktemp -d)
trap 'kill $server $sampler 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" demo --db "$work/demo.db" --accounts > "$work/accounts.txt" 2>/dev/null
# valid: every row a new member (names from syllables); bad: every row refused (a digit in the
# name) with two warnings (dates that read both ways), the file a careless export makes.
kind="${1:-valid}"
python3 - "$work/big.csv" "$kind" <<'EOF'
import sys
syll = ["An", "Bình", "Chi", "Dung", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga",
        "Oanh", "Phúc", "Quang", "Sơn", "Thảo", "Uyên", "Vinh", "Xuân", "Yến", "Đức"]
def name(i):
    parts = []
    for _ in range(4):
        parts.append(syll[i % 20]); i //= 20
    return " ".join(parts)
bad = sys.argv[2] == "bad"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\n")
    i = 0
    while f.tell() < 32 * 1024 * 1024 - 200:
        if bad:
            f.write(f"Nguyễn Văn Thử {i},01/02/1980,DB001.01,03/04/2010\n")
        else:
            f.write(f"Nguyễn {name(i)},15/12/1980,DB001.01,20/12/2010\n")
        i += 1
EOF
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "$work/demo.db" --listen 127.0.0.1:$port --threads 16 --log-level warn \
  > /dev/null 2> "$work/err.log" &
server=$!
for _ in $(seq 100); do curl -s "http://127.0.0.1:$port/api/v1/session" >/dev/null && break; sleep 0.1; done
pw=$(awk '$1=="quantri"{print $2}' "$work/accounts.txt")
login=$(curl -s -c "$work/c" -H 'Content-Type: application/json' \
  -d "{\"username\":\"quantri\",\"password\":\"$pw\"}" "http://127.0.0.1:$port/api/v1/session")
csrf=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$login")
rss() { ps -o rss= -p $server | awk '{printf "%.0f", $1/1024}'; }
peak=0
(while true; do ps -o rss= -p $server >> "$work/rss"; sleep 0.05; done) &
sampler=$!
echo "file ($kind rows): $(du -m "$work/big.csv" | cut -f1) MiB, $(($(wc -l < "$work/big.csv") - 1)) rows; server RSS before: $(rss) MiB"
send() {
  curl -s -o /dev/null -w '%{http_code}\n' -b "$work/c" -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/octet-stream' --data-binary @"$work/big.csv" \
    "http://127.0.0.1:$port/api/v1/import/members?file_name=big.csv&dry_run=true"
}
codes=$( (send & send & send & send & wait) | sort | uniq -c | tr '\n' ' ')
echo "four at once: $codes"
echo "after them: $(rss) MiB"
echo "one alone: $(send); after it: $(rss) MiB"
kill $sampler
peak=$(sort -n "$work/rss" | tail -1 | awk '{printf "%.0f", $1/1024}')
echo "peak: $peak MiB"
