#!/usr/bin/env bash
# End to end: the real `dangvu serve` binary as an office runs it. Log in over curl with the
# one-time password `dangvu init` printed, change it, work, and stop with SIGTERM; the log must
# never contain a password or a session token.
set -uo pipefail
bin="$1"
work=$(mktemp -d)
server=
small=
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; [[ -n "$small" ]] && umount "$small" 2>/dev/null; rm -rf "$work"' EXIT
export DANGVU_TODAY=2026-11-22
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "not ok - $1"; [[ -n "${2:-}" ]] && echo "$2" | sed 's/^/    /'; }
check() { if eval "$2"; then ok "$1"; else fail "$1" "${3:-}"; fi; }

db="$work/office.db"
init=$("$bin" init --db "$db" --admin quantri)
once=$(grep -o 'Mật khẩu dùng một lần: [a-z0-9-]*' <<<"$init" | awk '{print $NF}')
check "init prints a one-time password" '[[ ${#once} -eq 14 ]]' "$init"
"$bin" org add --db "$db" --code TU --name "Đảng bộ tỉnh" --kind upper_committee --date 2000-01-01 >/dev/null

# A free port: let the kernel choose one for a throwaway socket.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "$db" --listen "127.0.0.1:$port" --threads 2 > "$work/out.log" 2> "$work/err.log" &
server=$!
for _ in $(seq 50); do curl -s "http://127.0.0.1:$port/api/v1/session" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port/api/v1"
check "serve prints its address" 'grep -q "http://127.0.0.1:$port/" "$work/out.log"'

code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"username":"quantri","password":"sai-mat-khau-99"}' "$base/session")
check "a wrong password is 401" '[[ $code == 401 ]]'
login=$(curl -s -c "$work/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"quantri\",\"password\":\"$once\"}" "$base/session")
csrf=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$login")
token=$(awk '$6=="dangvu_session"{print $7}' "$work/cookies")
check "login with the one-time password" '[[ ${#token} -eq 43 ]]' "$login"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/cookies" "$base/tree")
check "nothing but the password change until it is changed (403)" '[[ $code == 403 ]]'
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/cookies" -H 'Content-Type: application/json' \
  -H "X-CSRF-Token: $csrf" -d "{\"current_password\":\"$once\",\"new_password\":\"Mat-khau-moi-2026\"}" \
  "$base/session/password")
check "the password change" '[[ $code == 204 ]]'
tree=$(curl -s -b "$work/cookies" "$base/tree")
check "then the tree" 'grep -q "Đảng bộ tỉnh" <<<"$tree"' "$tree"

# A path with CR, LF and ESC cannot forge a line of the log.
curl -s -o /dev/null "$base/nowhere%0d%0aFORGED%201%0a%1b%5b31m" || true

kill -TERM "$server"
wait "$server"
rc=$?
server=
check "SIGTERM stops the server cleanly" '[[ $rc -eq 0 ]]' "rc=$rc"
for secret in "$once" "Mat-khau-moi-2026" "sai-mat-khau-99" "$token" "$csrf"; do
  check "the log never contains a secret (${secret:0:4}…)" '! grep -qF -- "$secret" "$work/err.log" "$work/out.log"'
done
check "a path cannot forge a log line" '! grep -q "^FORGED" "$work/err.log" && ! grep -q $'"'"'\x1b'"'"' "$work/err.log" && grep -qF "nowhere\\x0d\\x0aFORGED" "$work/err.log"' "$(cat "$work/err.log")"
check "the log (stderr) records the refusals" 'grep -q "POST /api/v1/session 401" "$work/err.log"'
audit=$("$bin" audit --db "$db")
check "logins and the password change are audited" 'grep -q "session.login_failed" <<<"$audit" && grep -q "account.change_password" <<<"$audit"' "$audit"

# A full disk: a write (a login) answers 503 "hết chỗ lưu trữ" and reads go on. The database sits
# on a small tmpfs of its own, filled up once the server runs (root can mount; elsewhere skipped).
small="$work/small"
mkdir -p "$small"
if mount -t tmpfs -o size=4m tmpfs "$small" 2>/dev/null; then
  cp "$db" "$small/office.db"
  "$bin" serve --db "$small/office.db" --listen "127.0.0.1:$port" --threads 2 > /dev/null 2> "$work/full.log" &
  server=$!
  for _ in $(seq 50); do curl -s "$base/session" >/dev/null && break; sleep 0.1; done
  curl -s -c "$work/full-cookies" -H 'Content-Type: application/json' \
    -d '{"username":"quantri","password":"Mat-khau-moi-2026"}' "$base/session" > /dev/null
  dd if=/dev/zero of="$small/filler" bs=64k 2>/dev/null
  reply=$(curl -s -w ' %{http_code}' -H 'Content-Type: application/json' \
    -d '{"username":"quantri","password":"Mat-khau-moi-2026"}' "$base/session")
  check "a full disk answers 503 with a message" 'grep -q "hết chỗ lưu trữ" <<<"$reply" && [[ "${reply##* }" == 503 ]]' "$reply"
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/full-cookies" "$base/tree")
  check "reads go on while the disk is full" '[[ $code == 200 ]]' "$code"
  kill -TERM "$server"; wait "$server"; server=
  umount "$small" && small=
else
  echo "ok - # skip: no tmpfs can be mounted here for the full-disk check"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
