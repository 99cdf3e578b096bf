#!/usr/bin/env bash
# The half-year report of the demo's upper committee (issue 5: under 1 s), our way beside the
# plain-SQL way in the same run. Ours: `dangvu report` (24 indicators rolled up in memory over the
# tree as of 30/6, the checks, the document rendered) and `dangvu indicators`. Plain SQL: what an
# ordinary web application would write for the report's per-organization table — for the root and
# each organization below it, a recursive CTE over the tree as of the date and four figures
# (members, organizations inspected, regular meetings, the inspection target) in the sqlite3 shell.
# Both sides' figures are compared. Usage: bench/report_speed.sh [RUNS] [SCALE]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
scale="${2:-small}"
scripts/setup >/dev/null
scripts/build release >/dev/null
bin="$PWD/build/release/src/app/dangvu"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/demo.db"
"$bin" demo --db "$db" --scale "$scale" >/dev/null 2>&1
root=TU
period=2026-H1
first=2026-01-01
last=2026-06-30

# median of N runs of a command, in milliseconds
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

plain_sql() {
  local orgs
  orgs=$(sqlite3 "$db" "SELECT v.org_id FROM org_version v JOIN org o ON o.id = v.org_id
    WHERE v.valid_from <= '$last' AND v.valid_to > '$last'
      AND (o.code = '$root' OR v.parent_id = (SELECT id FROM org WHERE code = '$root'))")
  for id in $orgs; do
    sqlite3 "$db" "
      WITH RECURSIVE sub(id) AS (
        SELECT $id
        UNION SELECT v.org_id FROM org_version v JOIN sub ON v.parent_id = sub.id
        WHERE v.valid_from <= '$last' AND v.valid_to > '$last')
      SELECT (SELECT code FROM org WHERE id = $id),
        (SELECT COUNT(*) FROM member_period p WHERE p.org_id IN sub AND p.valid_from <= '$last'
           AND p.valid_to > '$last' AND p.status IN ('official', 'probationary')),
        (SELECT COUNT(*) FROM oversight o WHERE o.org_id IN sub AND o.kind = 'inspection'
           AND o.subject_org_id IS NOT NULL AND o.held_on BETWEEN '$first' AND '$last'),
        (SELECT COUNT(*) FROM meeting m WHERE m.org_id IN sub AND m.kind = 'regular'
           AND m.held_on BETWEEN '$first' AND '$last'),
        (SELECT COALESCE(SUM(target), 0) FROM plan_target t WHERE t.org_id IN sub AND t.year = 2026
           AND t.indicator = 'inspected_orgs');"
  done
}

orgs=$(sqlite3 "$db" "SELECT COUNT(*) FROM org")
members=$(sqlite3 "$db" "SELECT COUNT(*) FROM member")
echo "$scale demo: $orgs orgs, $members people; report of $root for $period; median of $runs runs"
ours_docx=$(time_ms "$bin" report --db "$db" --org $root --period $period --format docx -o "$work/r.docx" --force)
ours_xlsx=$(time_ms "$bin" report --db "$db" --org $root --period $period --format xlsx -o "$work/r.xlsx" --force)
ours_ind=$(time_ms "$bin" indicators --db "$db" --org $root --period $period --json)
plain=$(time_ms plain_sql)
printf '%-62s %8s\n' "what (whole process, including start-up and opening the file)" "ms"
printf '%-62s %8s\n' "ours: report, 24 indicators + checks + DOCX" "$ours_docx"
printf '%-62s %8s\n' "ours: report, XLSX" "$ours_xlsx"
printf '%-62s %8s\n' "ours: indicators and checks, JSON" "$ours_ind"
printf '%-62s %8s\n' "plain SQL: 4 figures per row by recursive CTE (sqlite3 shell)" "$plain"

# The same figures both ways, for the root's row.
"$bin" indicators --db "$db" --org $root --period $period --json > "$work/ind.json"
plain_sql > "$work/plain.txt"
python3 - "$work/ind.json" "$work/plain.txt" "$root" <<'PY'
import json, sys
ind = {r["id"]: r for r in json.load(open(sys.argv[1]))["indicators"]}
row = [l for l in open(sys.argv[2]).read().split() if l.startswith(sys.argv[3] + "|")][0]
plain = [float(x) for x in row.split("|")[1:]]
ours = [ind["members"]["value"], ind["inspected_orgs"]["value"], ind["meetings_regular"]["value"],
        ind["inspected_orgs"]["target"] or 0]
print("root row, ours:      members %d, orgs inspected %d, regular meetings %d, target %d" % tuple(ours))
print("root row, plain SQL: members %d, orgs inspected %d, regular meetings %d, target %d" % tuple(plain))
print("the two ways agree" if [float(x) for x in ours] == plain else "THE TWO WAYS DISAGREE")
PY
