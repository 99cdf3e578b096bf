#!/usr/bin/env bash
# End-to-end tests of the dangvu command on temporary databases: the happy path of the registry,
# the as-of views across a merge, and every kind of bad input the issue names — each must exit
# non-zero with a Vietnamese message naming the field, and leave the database exactly as it was
# (compared by a full SQL dump before and after).
set -uo pipefail
bin="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DANGVU_TODAY=2026-11-22
db="$work/t.db"
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "not ok - $1"; [[ -n "${2:-}" ]] && echo "$2" | sed 's/^/    /'; }
dump() { sqlite3 "$1" .dump | sha256sum; }

# expect_ok NAME CMD...: the command succeeds.
expect_ok() {
  local name="$1"; shift
  local out
  if out=$("$@" 2>&1); then ok "$name"; else fail "$name" "$out"; fi
}

# expect_refused NAME CODE FIELD_TEXT CMD...: exits with CODE, stderr names FIELD_TEXT, db unchanged.
expect_refused() {
  local name="$1" code="$2" field="$3"; shift 3
  local before after out rc
  before=$(dump "$db")
  out=$("$@" 2>&1); rc=$?
  after=$(dump "$db")
  if [[ $rc -ne $code ]]; then fail "$name: exit $rc, expected $code" "$out"; return; fi
  if ! grep -q "Lỗi: .*$field" <<<"$out"; then fail "$name: message does not name «$field»" "$out"; return; fi
  if [[ "$before" != "$after" ]]; then fail "$name: database changed" "$out"; return; fi
  ok "$name"
}

# expect_output NAME PATTERN CMD...: the command succeeds and prints PATTERN (grep -E).
expect_output() {
  local name="$1" pattern="$2"; shift 2
  local out
  if ! out=$("$@" 2>&1); then fail "$name: failed" "$out"; return; fi
  if grep -qE -- "$pattern" <<<"$out"; then ok "$name"; else fail "$name: no «$pattern»" "$out"; fi
}

D() { "$bin" "$@"; }

expect_ok "init creates a database" D init --db "$db"
expect_refused "init refuses an existing file" 5 "đã tồn tại" D init --db "$db"

# The tree.
expect_ok "add root committee" D org add --db "$db" --code TU --name "Đảng bộ tỉnh" --kind upper_committee --date 2000-01-01
expect_ok "add bloc committee" D org add --db "$db" --code DBK --name "Đảng bộ Khối" --kind upper_committee --parent TU --date 2000-01-01
expect_ok "add cluster" D org add --db "$db" --code CUM1 --name "Cụm thi đua số I" --kind cluster --parent DBK --date 2000-01-01
expect_ok "add committee A" D org add --db "$db" --code DBA --name "Đảng bộ Sở A" --kind grassroots_committee --parent CUM1 --date 2000-01-01
expect_ok "add committee B" D org add --db "$db" --code DBB --name "Đảng bộ Sở B" --kind grassroots_committee --parent CUM1 --date 2000-01-01
expect_ok "add sub-branch A1" D org add --db "$db" --code DBA.01 --name "Chi bộ Văn phòng" --kind sub_branch --parent DBA --date 2000-01-01
expect_ok "add sub-branch B1" D org add --db "$db" --code DBB.01 --name "Chi bộ Phòng Nghiệp vụ" --kind sub_branch --parent DBB --date 2000-01-01
expect_ok "add grassroots branch" D org add --db "$db" --code CB1 --name "Chi bộ Thanh tra tỉnh" --kind grassroots_branch --parent CUM1 --date 2000-01-01

# Bad input on orgs.
expect_refused "wrong date" 2 "date" D org add --db "$db" --code X1 --name "X" --kind cluster --parent DBK --date 2025-13-01
expect_refused "unknown code" 4 "org" D org rename --db "$db" --code NOPE --name "Y" --date 2025-01-01
expect_refused "duplicate code" 5 "code" D org add --db "$db" --code DBA --name "Trùng" --kind grassroots_committee --parent CUM1 --date 2001-01-01
expect_refused "kind not allowed under parent" 3 "parent" D org add --db "$db" --code SB9 --name "Chi bộ lạc chỗ" --kind sub_branch --parent CUM1 --date 2001-01-01
expect_refused "move under own descendant" 3 "parent" D org move --db "$db" --code DBK --parent CUM1 --date 2010-01-01
expect_refused "merge into itself" 3 "into" D org merge --db "$db" --from DBA,DBB --into DBA --date 2010-01-01
expect_refused "invalid code text" 2 "code" D org add --db "$db" --code "mã có dấu" --name "X" --kind cluster --parent DBK --date 2001-01-01
expect_refused "empty name" 2 "name" D org add --db "$db" --code X2 --name "   " --kind cluster --parent DBK --date 2001-01-01
expect_refused "unknown kind" 2 "kind" D org add --db "$db" --code X3 --name "X" --kind district --parent DBK --date 2001-01-01
expect_refused "dissolve with children" 3 "org" D org dissolve --db "$db" --code DBA --date 2010-01-01

# Members.
# An admission made on paper before dangvu knew the person (its file is the candidate section's).
expect_ok "add a member admitted on paper" D member add --db "$db" --code QC0001 --family "Đàm" --middle "Văn" --given "Chính" --birth-date 1990-05-10 --gender male --kind admission --org DBA.01 --date 2020-03-02 --ceremony-date 2020-03-16 --decision 12-QĐ/ĐU --card 011234567890
expect_refused "recognition before 12 months" 3 "date" D member event --db "$db" --member QC0001 --kind recognition --date 2021-03-15
expect_ok "recognition after 12 months" D member event --db "$db" --member QC0001 --kind recognition --date 2021-03-16
expect_refused "admission under 18" 3 "birth_date" D member add --db "$db" --code QC0002 --family "Nguyễn" --middle "Thị" --given "An" --birth-date 2010-01-01 --kind admission --org DBA.01 --date 2026-01-05
expect_refused "member into a committee" 3 "org" D member add --db "$db" --code QC0003 --family "Lê" --given "Bình" --birth-date 1980-01-01 --org DBA --date 2020-01-01
expect_refused "name with digits" 2 "given" D member add --db "$db" --code QC0004 --family "Lê" --given "B1nh" --birth-date 1980-01-01 --org DBA.01 --date 2020-01-01
expect_ok "add a member to remove" D member add --db "$db" --code 019999999999 --family "Trần" --middle "Văn" --given "Bình" --birth-date 1970-02-01 --kind admission --org DBB.01 --date 2001-05-05
expect_ok "add a third member" D member add --db "$db" --code 015555555555 --family "Nguyễn" --middle "Thị" --given "Ánh" --birth-date 1985-02-01 --kind admission --org CB1 --date 2010-05-05
expect_refused "unknown leaving ground" 2 "ground" D member event --db "$db" --member 019999999999 --kind removal --date 2021-04-01 --ground lazy
expect_refused "a ground on a transfer" 2 "ground" D member event --db "$db" --member 019999999999 --kind transfer --org DBA.01 --date 2021-04-01 --ground no_activity
expect_ok "remove the member" D member event --db "$db" --member 019999999999 --kind removal --date 2021-04-01 --reason "Bỏ sinh hoạt 3 tháng"
expect_refused "event after removal" 3 "kind" D member event --db "$db" --member 019999999999 --kind transfer --org DBA.01 --date 2024-06-01
expect_refused "future event" 3 "date" D member event --db "$db" --member 015555555555 --kind transfer --org DBA.01 --date 2027-01-01
expect_refused "unknown member" 4 "member" D member event --db "$db" --member NOBODY --kind death --date 2024-06-01
expect_refused "duplicate member code" 5 "code" D member add --db "$db" --code QC0001 --family "Lê" --given "Bình" --birth-date 1980-01-01 --org DBA.01 --date 2020-01-01
expect_refused "bad card number" 3 "card_number" D member event --db "$db" --member 019999999999 --kind readmission --org DBB.01 --date 2025-06-01 --card 12345
expect_refused "readmission within 36 months" 3 "date" D member event --db "$db" --member 019999999999 --kind readmission --org DBB.01 --date 2024-03-31
expect_ok "readmission after removal" D member event --db "$db" --member 019999999999 --kind readmission --org DBB.01 --date 2025-06-01
expect_ok "transfer permanently" D member event --db "$db" --member QC0001 --kind transfer --org DBB.01 --date 2023-01-02

# Reads and search.
expect_output "show member (status and org)" "Đảng viên chính thức, sinh hoạt tại Chi bộ Phòng Nghiệp vụ" D member show --db "$db" --member QC0001
expect_output "show member by card number" "Đàm Văn Chính" D member show --db "$db" --member 011234567890
expect_output "show member as of a past date" "Đảng viên dự bị" D member show --db "$db" --member QC0001 --at 2020-12-31
for q in "dam van chinh" "Đàm Văn Chính" "chinh" "DAM"; do
  expect_output "search «$q» finds Đàm Văn Chính" "QC0001.*Đàm Văn Chính" D member list --db "$db" --q "$q"
done
expect_output "search finds nobody for «xyz»" "^Danh sách.*: 0 người" D member list --db "$db" --q "xyz"
# Vietnamese order by given name: Ánh < Bình < Chính.
order=$(D member list --db "$db" | awk -F'\t' 'NR>1 {print $2}' | tr '\n' '|')
if [[ "$order" == "Nguyễn Thị Ánh|Trần Văn Bình|Đàm Văn Chính|" ]]; then ok "list in Vietnamese name order"; else fail "list in Vietnamese name order" "$order"; fi
expect_output "list as JSON" '"total": 3' D member list --db "$db" --json
expect_output "stats counts members" "Tổng số đảng viên: +3" D stats --db "$db" --org TU
expect_output "stats counts admissions this year" "Kết nạp từ đầu năm 2025: +1" D stats --db "$db" --org TU --at 2025-12-31

# Merge two committees into a new one, and the tree before and after.
expect_ok "merge A and B into a new committee" D org merge --db "$db" --from DBA,DBB --into DBAB --new-name "Đảng bộ Sở A-B" --date 2025-07-01
expect_output "tree before the merge shows A" "Đảng bộ Sở A \[DBA\]" D tree --db "$db" --org TU --at 2025-06-30
expect_output "tree after the merge shows A-B" "Đảng bộ Sở A-B \[DBAB\].*2 đảng viên" D tree --db "$db" --org TU --at 2025-07-01
before=$(D tree --db "$db" --org TU --at 2025-06-30 | sed -n 2p)
after=$(D tree --db "$db" --org TU --at 2025-07-01 | sed -n 2p)
if [[ "$before" == "$after" ]]; then ok "member totals reconcile across the merge"; else fail "member totals reconcile" "$before / $after"; fi
expect_refused "rename a merged org" 3 "org" D org rename --db "$db" --code DBA --name "Z" --date 2026-01-01
expect_ok "rename the bloc committee" D org rename --db "$db" --code DBK --name "Đảng bộ Khối các cơ quan tỉnh" --date 2026-02-01
expect_refused "change before a later change" 3 "date" D org rename --db "$db" --code DBK --name "Z" --date 2025-01-01
expect_output "tree shows the name of its date" "Đảng bộ Khối \[DBK\]" D tree --db "$db" --org TU --at 2026-01-31
expect_output "tree as JSON" '"code": "DBAB"' D tree --db "$db" --org TU --at 2025-07-01 --json
expect_refused "tree of an org that did not exist yet" 4 "org" D tree --db "$db" --org DBAB --at 2025-06-30
expect_ok "split the grassroots branch" D org split --db "$db" --code CB1 --into "CB1A:Chi bộ Thanh tra 1" --into "CB1B:Chi bộ Thanh tra 2" --members-to CB1B --date 2026-01-01
expect_output "split moved the member" "sinh hoạt tại Chi bộ Thanh tra 2" D member show --db "$db" --member 015555555555
expect_output "audit records writes" "org.merge" D audit --db "$db"

# Databases that must be refused and left alone.
cp "$db" "$work/newer.db"
sqlite3 "$work/newer.db" "INSERT INTO schema_version VALUES (99, 'future')"
db="$work/newer.db" expect_refused "schema newer than the program" 3 "phiên bản lược đồ" D stats --db "$work/newer.db" --org TU
echo "không phải cơ sở dữ liệu" > "$work/text.db"
h1=$(sha256sum < "$work/text.db")
out=$(D stats --db "$work/text.db" --org TU 2>&1); rc=$?
h2=$(sha256sum < "$work/text.db")
if [[ $rc -ne 0 && "$h1" == "$h2" ]] && grep -q "không phải là cơ sở dữ liệu dangvu" <<<"$out"; then ok "a text file is refused"; else fail "a text file is refused" "$out"; fi
expect_refused "missing database" 4 "Không tìm thấy" D stats --db "$work/none.db" --org TU
# Not writable: as root permissions do not bind, so run as nobody against a root-owned read-only copy.
cp "$db" "$work/ro.db"; chmod 0444 "$work/ro.db"; chmod 0755 "$work"
h1=$(dump "$work/ro.db")
if [[ $(id -u) -eq 0 ]]; then
  out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" org rename --db "$work/ro.db" --code TU --name "Đổi" --date 2026-01-01 2>&1); rc=$?
else
  out=$("$bin" org rename --db "$work/ro.db" --code TU --name "Đổi" --date 2026-01-01 2>&1); rc=$?
fi
h2=$(dump "$work/ro.db")
if [[ $rc -eq 7 && "$h1" == "$h2" ]] && grep -q "quyền" <<<"$out"; then ok "a read-only database is refused"; else fail "a read-only database is refused (rc=$rc)" "$out"; fi

# The rule set is data: an office raises the minimum age to 20 in a file.
echo '{"admission_min_age_years": 20}' > "$work/rules.json"
db="$work/t.db"
expect_refused "rules file changes the age rule" 3 "birth_date" D --rules "$work/rules.json" member add --db "$db" --code QC0009 --family "Phạm" --given "Dũng" --birth-date 2006-01-01 --kind admission --org DBA.01 --date 2025-08-01
expect_refused "rules file with an unknown key" 2 "Tệp quy tắc, khóa «min_age»" D --rules <(echo '{"min_age": 20}') stats --db "$db" --org TU

# The demo: the 2025 reorganization as the issue describes it.
demo="$work/demo.db"
expect_ok "demo generates" D demo --db "$demo" --seed 1
expect_output "demo before: bloc committee" "Đảng bộ Khối.*\[DBK\]" D tree --db "$demo" --org TU --at 2025-06-30
expect_output "demo after: two new committees" "\[DBCQD\]" D tree --db "$demo" --org TU --at 2025-07-01
expect_output "demo after: merged committee" "\[DBNNMT\]" D tree --db "$demo" --org TU --at 2025-07-01
# Totals on 30/6 and 1/7/2025 differ only by the members who joined or left on 1/7 itself.
total() { D stats --db "$demo" --org TU --at "$1" | grep "Tổng số đảng viên" | grep -o '[0-9.]*$' | tr -d '.'; }
m1=$(total 2025-06-30)
m2=$(total 2025-07-01)
joined=$(sqlite3 "$demo" "SELECT COUNT(*) FROM member_event WHERE effective_on = '2025-07-01' AND kind IN ('admission', 'readmission')")
left=$(sqlite3 "$demo" "SELECT COUNT(*) FROM member_event WHERE effective_on = '2025-07-01' AND kind IN ('removal', 'expulsion', 'resignation', 'death')")
if [[ -n "$m1" && $((m2 - m1)) -eq $((joined - left)) ]]; then ok "demo totals reconcile across 1/7/2025 ($m1 → $m2, +$joined −$left that day)"; else fail "demo totals reconcile" "$m1 / $m2 / +$joined / -$left"; fi
expect_output "demo has Đàm Văn Chính" "Đàm Văn Chính" D member list --db "$demo" --q "dam van chinh"
D demo --db "$work/demo2.db" --seed 1 >/dev/null 2>&1
if [[ "$(dump "$demo")" == "$(dump "$work/demo2.db")" ]]; then ok "demo is deterministic"; else fail "demo is deterministic"; fi
# The demo's past conference: DB001's first-quarter review with a task overdue since 30/6, which
# the next conference of DB001 starts from; the half-year 2026 report has the year's work.
expect_output "demo has an overdue task" "Nhiệm vụ quá hạn \(1\):" D conference overdue --db "$demo" --org TU
expect_output "demo: DB001's next conference starts from the first quarter's tasks" "hoàn thành 1, đang thực hiện 1, quá hạn 1, đã hủy 0" D conference prepare --db "$demo" --org DB001
expect_ok "demo: the half-year report of a grassroots committee" D report --db "$demo" --org DB023 --period 2026-H1 --format html -o "$work/db023-h1.html"
if grep -qE "Các chi bộ đã tổ chức [1-9][0-9]* buổi sinh hoạt định kỳ" "$work/db023-h1.html"; then ok "demo: the half-year report counts the branches' meetings"; else fail "demo: the half-year report counts the branches' meetings"; fi

# The two histories hold together in the demo: nobody sits in an org that has ended.
expect_output "demo passes dangvu check" "Không có sai lệch" D check --db "$demo"
# A registry written before the check: a member left in a merged branch is listed, exit 1.
broken="$work/broken.db"
D init --db "$broken" >/dev/null 2>&1
D org add --db "$broken" --code R --name "Đảng bộ" --kind upper_committee --date 2018-01-01 >/dev/null
D org add --db "$broken" --code G1 --name "Đảng bộ cơ sở" --kind grassroots_committee --parent R --date 2018-01-01 >/dev/null
D org add --db "$broken" --code S1 --name "Chi bộ 1" --kind sub_branch --parent G1 --date 2018-01-01 >/dev/null
D org add --db "$broken" --code S2 --name "Chi bộ 2" --kind sub_branch --parent G1 --date 2018-01-01 >/dev/null
D member add --db "$broken" --code M1 --family "Nguyễn" --middle "Văn" --given "An" --birth-date 1985-06-01 --kind admission --org S1 --date 2019-01-01 >/dev/null
D org merge --db "$broken" --from S1 --into S2 --date 2021-01-01 >/dev/null
# What an older version let through: the transfer the merge made, voided by hand in the file.
sqlite3 "$broken" "DELETE FROM member_event WHERE kind = 'transfer'"
out=$(D check --db "$broken" 2>&1); rc=$?
if [[ $rc -eq 1 ]] && grep -q "M1.*S1.*01/01/2021" <<<"$out"; then ok "check lists a member left in a merged branch"; else fail "check lists a member left in a merged branch (rc=$rc)" "$out"; fi

# A registry imported from a file, then merged, passes the check too.
imported="$work/imported.db"
D init --db "$imported" >/dev/null 2>&1
D org add --db "$imported" --code R --name "Đảng bộ" --kind upper_committee --date 2010-01-01 >/dev/null
D org add --db "$imported" --code G1 --name "Đảng bộ cơ sở" --kind grassroots_committee --parent R --date 2010-01-01 >/dev/null
for s in S1 S2; do D org add --db "$imported" --code $s --name "Chi bộ $s" --kind sub_branch --parent G1 --date 2010-01-01 >/dev/null; done
printf '%s\n' "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng,Ngày chính thức" \
  "Trần Thị Dung,02/03/1980,S1,05/06/2016,05/06/2017" "Lê Văn Em,04/05/1981,S1,05/06/2016," \
  "Phạm Văn Giang,06/07/1982,S2,05/06/2018,05/06/2019" > "$work/ds.csv"
expect_ok "import for the check" D import --db "$imported" "$work/ds.csv"
expect_ok "merge after the import" D org merge --db "$imported" --from S1 --into S2 --date 2025-01-01
expect_output "an imported and merged registry passes dangvu check" "Không có sai lệch" D check --db "$imported"

# A sheet as offices make it: the branch written by name (two committees have a "Chi bộ Văn
# phòng"), a total and the signatures below the data. Refused naming both branches, nothing
# written; with --under the committee, the member is imported and the rows below are skipped.
names="$work/names.db"
D init --db "$names" >/dev/null 2>&1
D org add --db "$names" --code R --name "Đảng bộ" --kind upper_committee --date 2010-01-01 >/dev/null
for g in G1 G2; do
  D org add --db "$names" --code $g --name "Đảng bộ cơ sở $g" --kind grassroots_committee --parent R --date 2010-01-01 >/dev/null
  D org add --db "$names" --code $g.01 --name "Chi bộ Văn phòng" --kind sub_branch --parent $g --date 2010-01-01 >/dev/null
done
printf '%s\n' "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng" "Trần Thị Dung,22/03/1980,Chi bộ Văn phòng,15/06/2016" \
  "Tổng cộng: 1 đồng chí,,," "Người lập biểu,,TM. CHI ỦY," > "$work/names.csv"
before=$(dump "$names")
out=$(D import --db "$names" "$work/names.csv" 2>&1); rc=$?
if [[ $rc -ne 0 ]] && grep -q "G1.01 (thuộc Đảng bộ cơ sở G1), G2.01 (thuộc Đảng bộ cơ sở G2)" <<<"$out" \
  && grep -q "Tên chi bộ chưa rõ: «Chi bộ Văn phòng» (2 tổ chức trùng tên, 1 dòng)" <<<"$out" \
  && [[ "$(dump "$names")" == "$before" ]]; then
  ok "import refuses a branch name two committees bear, naming both"
else
  fail "import refuses a branch name two committees bear, naming both (rc=$rc)" "$out"
fi
out=$(D import --db "$names" "$work/names.csv" --under ZZ 2>&1); rc=$?
if [[ $rc -ne 0 ]] && grep -q "Lỗi: Trường «under»: không có tổ chức mã «ZZ»" <<<"$out" \
  && [[ "$(dump "$names")" == "$before" ]]; then
  ok "import refuses an unknown --under"
else
  fail "import refuses an unknown --under (rc=$rc)" "$out"
fi
expect_output "import --under finds the branch by name and skips the rows below the data" \
  "mới 1, .*bỏ qua 2 dòng không phải đảng viên" D import --db "$names" "$work/names.csv" --under G2
org=$(sqlite3 "$names" "SELECT o.code FROM member m JOIN org o ON o.id = m.org_id")
if [[ "$org" == "G2.01" ]]; then ok "the member is in G2's branch"; else fail "the member is in G2's branch ($org)"; fi

# Files that hold members' data are the owner's alone.
perm=$(stat -c %a "$demo")
if [[ "$perm" == "600" ]]; then ok "the database file is created 0600"; else fail "the database file is created 0600 ($perm)"; fi
out=$(D serve --db "$demo" --listen 0.0.0.0:0 2>&1); rc=$?
if [[ $rc -eq 2 ]] && grep -q "Lỗi: Trường «listen»" <<<"$out"; then ok "serve refuses plain HTTP on the network"; else fail "serve refuses plain HTTP on the network (rc=$rc)" "$out"; fi

# Accounts from the command line.
db="$work/t.db"
expect_output "init printed a one-time admin password" "admin" D user list --db "$db"
expect_output "user add prints a one-time password" "Mật khẩu dùng một lần: [a-z0-9-]{14}" D user add --db "$db" --username lan --role viewer --org DBA --name "Nguyễn Thị Lan"
expect_refused "user add refuses a duplicate name" 5 "username" D user add --db "$db" --username lan --role viewer --org DBA
expect_refused "user add refuses an unknown role" 2 "role" D user add --db "$db" --username hoa --role boss --org DBA
expect_refused "user add needs an org for a scoped role" 2 "org" D user add --db "$db" --username hoa --role viewer
expect_refused "user add refuses an unknown org" 4 "org" D user add --db "$db" --username hoa --role viewer --org NOPE
expect_ok "user disable" D user disable --db "$db" --username lan
expect_output "user list shows the lock" "lan.*đã khóa" D user list --db "$db"
expect_output "audit shows account changes by user" "account.disable" D audit --db "$db" --user "cli:${USER:-unknown}"

# Plans, activities and indicators (issue 5): the work of a year, and its refusals.
expect_ok "register a document" D document add --db "$db" --number 15-NQ/TU --issued-on 2025-12-06 --title "Nghị quyết về nhiệm vụ năm 2026" --issuing-body "Ban Chấp hành Đảng bộ tỉnh"
expect_refused "document number without an issuer" 2 "number" D document add --db "$db" --number 15-NQ --issued-on 2025-12-06 --title "X" --issuing-body "Y"
expect_refused "document type unknown" 2 "number" D document add --db "$db" --number 15-ZZ/TU --issued-on 2025-12-06 --title "X" --issuing-body "Y"
expect_refused "the same document twice" 5 "number" D document add --db "$db" --number 15-NQ/TU --issued-on 2025-12-06 --title "X" --issuing-body "Y"
expect_output "document list" "15-NQ/TU.*Nghị quyết về nhiệm vụ năm 2026" D document list --db "$db"
expect_ok "set a target" D plan set --db "$db" --org DBAB --year 2026 --indicator inspected_orgs --target 2
expect_ok "change the target" D plan set --db "$db" --org DBAB --year 2026 --indicator inspected_orgs --target 4
expect_output "plan shows the target" "Tổ chức đảng được kiểm tra: 4 tổ chức" D plan show --db "$db" --org DBAB --year 2026
expect_output "a changed target is audited with its old value" '"before": ?2' D audit --db "$db" --json
expect_refused "a target on a stock" 2 "indicator" D plan set --db "$db" --org DBAB --year 2026 --indicator members --target 4
expect_refused "a negative target" 2 "target" D plan set --db "$db" --org DBAB --year 2026 --indicator inspected_orgs --target -1
expect_ok "record a meeting" D meeting --db "$db" --org DBB.01 --date 2026-05-06 --quality good
expect_refused "a meeting in the future" 3 "date" D meeting --db "$db" --org DBA.01 --date 2026-12-06 --quality good
expect_refused "a meeting of a committee" 3 "org" D meeting --db "$db" --org DBAB --date 2026-05-06 --quality good
expect_refused "a meeting with an unknown quality" 2 "quality" D meeting --db "$db" --org DBA.01 --date 2026-05-06 --quality great
expect_refused "an absent member of another branch" 2 "absent" D meeting --db "$db" --org DBA.01 --date 2026-05-06 --quality good --absent "QC0001:Ốm"
expect_ok "record an inspection" D oversight --db "$db" --org DBAB --kind inspection --date 2026-05-07 --subject-org DBB.01 --conclusion "Thực hiện tốt."
expect_ok "record a supervision of a member" D oversight --db "$db" --org DBAB --kind supervision --basis signs_of_violation --date 2026-05-08 --subject-member QC0001 --conclusion "Nhắc nhở."
expect_refused "an inspection of an org not below" 3 "subject_org" D oversight --db "$db" --org DBAB --kind inspection --date 2026-05-07 --subject-org CB1B --conclusion "X"
expect_refused "an inspection without a subject" 2 "subject" D oversight --db "$db" --org DBAB --kind inspection --date 2026-05-07 --conclusion "X"
expect_ok "record a study session" D study --db "$db" --org DBB.01 --date 2026-05-09 --document 15-NQ/TU --attendee QC0001
expect_refused "a study of an unregistered document" 4 "document" D study --db "$db" --org DBB.01 --date 2026-05-09 --document 16-NQ/TU
expect_output "activities list" "kiểm tra theo kế hoạch: DBB.01" D activities --db "$db" --org DBAB
expect_output "indicators: inspected against the plan" "Tổ chức đảng được kiểm tra: 1 tổ chức — lũy kế năm 1/4 \(đạt 25,0% kế hoạch năm\)" D indicators --db "$db" --org DBAB --period 2026-H1
expect_output "indicators: attendance" "Tỷ lệ đảng viên dự sinh hoạt chi bộ: 100,0%" D indicators --db "$db" --org DBAB --period 2026-05
expect_output "indicators: a branch without its monthly meeting is named with its đảng bộ" "Chi bộ Phòng Nghiệp vụ \(Đảng bộ [^)]*\) \[DBB.01\]: Chưa ghi nhận sinh hoạt chi bộ định kỳ" D indicators --db "$db" --org CUM1 --period 2026-Q2
expect_refused "indicators of a malformed period" 2 "period" D indicators --db "$db" --org DBAB --period 2026-Q5
# A meeting recorded twice by mistake is cancelled with its reason: refusals change nothing, the
# list keeps it marked, and the month's figures count the one meeting left.
twice=$(D meeting --db "$db" --org DBB.01 --date 2026-05-06 --quality good 2>&1 | sed -n 's/.*#\([0-9]*\).*/\1/p')
expect_refused "cancel without a reason" 2 "reason" D cancel meeting --db "$db" --id "$twice" --reason " "
expect_refused "cancel an unknown meeting" 4 "id" D cancel meeting --db "$db" --id 99999 --reason "Ghi nhầm"
expect_output "cancel a meeting recorded twice" "Đã hủy .*#$twice" D cancel meeting --db "$db" --id "$twice" --reason "Ghi hai lần"
expect_refused "cancel it again" 5 "id" D cancel meeting --db "$db" --id "$twice" --reason "Ghi hai lần"
expect_output "the list marks the cancelled meeting" "ĐÃ HỦY" D activities --db "$db" --org DBB.01
expect_output "indicators: the cancelled meeting counts no more" "Tỷ lệ đảng viên dự sinh hoạt chi bộ: 100,0%" D indicators --db "$db" --org DBAB --period 2026-05

expect_ok "report as Word" D report --db "$db" --org DBAB --period 2026-H1 -o "$work/r.docx"
if unzip -p "$work/r.docx" word/document.xml | grep -q "kiểm tra được 1/4 tổ chức (đạt 25,0% kế hoạch năm)"; then ok "the Word report says what the indicators say"; else fail "the Word report says what the indicators say"; fi
expect_refused "report never overwrites without --force" 5 "--force" D report --db "$db" --org DBAB --period 2026-H1 -o "$work/r.docx"
expect_ok "report overwritten with --force" D report --db "$db" --org DBAB --period 2026-H1 -o "$work/r.docx" --force
expect_ok "report as Excel" D report --db "$db" --org DBAB --period 2026-H1 --format xlsx -o "$work/r.xlsx"
expect_output "report as a web page" "DOCTYPE" bash -c "'$bin' report --db '$db' --org DBAB --period 2026-H1 --format html -o '$work/r.html' && cat '$work/r.html'"
expect_refused "report in an unknown format" 2 "format" D report --db "$db" --org DBAB --period 2026-H1 --format pdf -o "$work/r.pdf"
expect_ok "the report template" D report-template -o "$work/mau.docx"
expect_ok "report through the office's template" D report --db "$db" --org DBAB --period 2026-H1 --template "$work/mau.docx" -o "$work/r2.docx"
printf 'not a docx' > "$work/bad.docx"
expect_refused "report through a template that is not a .docx" 2 "template" D report --db "$db" --org DBAB --period 2026-H1 --template "$work/bad.docx" -o "$work/r3.docx"
if [[ ! -e "$work/r3.docx" ]]; then ok "a refused report writes no file"; else fail "a refused report writes no file"; fi

# Review conferences (issue 8): seed 000's half-year review with two sites, and seed 002's cluster
# briefing that elects the next leading and deputy organizations.
C() { D conference "$1" --db "$db" "${@:2}"; }
expect_output "conference create" "Đã tạo hội nghị #1 " C create --org DBAB --kind half_year_review --period 2026-H1 --date 2026-07-06 --time 08:00 --chair QC0001 --secretary-name "Trần Thị Thu" --agenda "Báo cáo sơ kết 6 tháng đầu năm" --agenda "Tham luận"
expect_refused "a half-year review of a quarter" 3 "period" C create --org DBAB --kind half_year_review --period 2026-Q2 --date 2026-07-06
expect_refused "a start time that is not HH:MM" 2 "start_time" C create --org DBAB --kind half_year_review --period 2026-H1 --date 2026-07-06 --time 8h
expect_ok "an in-person site" C site --conference 1 --name "Điểm cầu Hà Nội" --address "54 Hai Bà Trưng, Hà Nội" --host DBA.01
expect_ok "an online site" C site --conference 1 --mode online --name "Điểm cầu Nam Định" --link https://hop.example.vn/dbab --host DBB.01
expect_refused "an online site without a link" 3 "link" C site --conference 1 --mode online --name "Trực tuyến"
expect_output "invite the committee's members and a guest" "Đã mời thêm 3 đại biểu" C invite --conference 1 --org DBAB --guest "Nguyễn Đức Thắng|Phó Bí thư Thường trực|Đảng ủy Khối"
expect_ok "attendance: present" C attend --conference 1 --member QC0001 --site 1 --status present
expect_refused "an absence without a reason" 2 "reason" C attend --conference 1 --member 019999999999 --site 2 --status absent
expect_refused "attendance at an unknown site" 4 "site" C attend --conference 1 --member QC0001 --site 3 --status present
expect_ok "attendance: absent with a reason" C attend --conference 1 --member 019999999999 --site 2 --status absent --reason "Đi công tác"
expect_output "exactly half present is no quorum" "Số lượng dự: 1/2 đảng viên.*chưa đủ số lượng" C show --id 1
expect_ok "attach the period's report" C attach-report --conference 1
expect_ok "a contribution" C contribution --conference 1 --speaker-name "Lê Văn Hùng" --speaker-org "Chi bộ Văn phòng" --title "Nâng cao chất lượng sinh hoạt chi bộ" --file tham-luan.docx
expect_ok "the directing speech" C contribution --conference 1 --kind directing_speech --speaker-name "Nguyễn Đức Thắng" --speaker-title "Phó Bí thư Thường trực" --summary "Thực hiện hiệu quả mô hình Chi bộ 4 tốt."
expect_ok "the conclusion" C conclude --conference 1 --text "Tập trung thực hiện 03 nhiệm vụ trọng tâm 6 tháng cuối năm."
expect_ok "task 1" C task --conference 1 --owner DBAB --title "Tổ chức tổng kết năm 2026" --due 2026-12-31
expect_ok "task 2" C task --conference 1 --owner DBA.01 --title "Hoàn thành kiểm tra theo kế hoạch" --due 2026-09-30
expect_ok "task 3" C task --conference 1 --owner DBB.01 --title "Kết nạp đảng viên mới" --due 2026-10-31
expect_refused "a task owned outside the committee" 3 "owner" C task --conference 1 --owner CB1B --title "X" --due 2026-10-31
expect_ok "task 3 done" C task-status --task 3 --status done --date 2026-10-15
expect_refused "a task status in the future" 3 "date" C task-status --task 1 --status done --date 2026-12-01
expect_refused "a task done twice" 3 "status" C task-status --task 3 --status done --date 2026-10-16
expect_output "the conference shows the report, sites and tasks" "Báo cáo: Đảng bộ Sở A-B \[DBAB\], 6 tháng đầu năm 2026" C show --id 1
expect_output "per-site counts" "Điểm cầu Nam Định \(trực tuyến\).*vắng 1" C show --id 1
expect_output "overdue tasks of the cluster" "#2 \[DBA.01\] Hoàn thành kiểm tra theo kế hoạch — hạn 30/09/2026, quá hạn 53 ngày" C overdue --org CUM1
expect_output "nothing overdue on the due date" "Nhiệm vụ quá hạn \(0\)" C overdue --org CUM1 --at 2026-09-30
expect_output "prepare the next conference" "hoàn thành 1, đang thực hiện 1, quá hạn 1, đã hủy 0" C prepare --org DBAB
expect_output "conference as JSON" '"reached": false' C show --id 1 --json
expect_output "conference list" "#1 .*\[DBAB\] Hội nghị sơ kết" C list --org TU
expect_output "a cluster briefing" "Đã tạo hội nghị #2 " C create --org CUM1 --kind cluster_briefing --period 2026-Q2 --date 2026-07-10
expect_refused "a rotation to an org outside the cluster" 3 "leading" C decision --conference 2 --leading DBA.01 --deputy CB1A
expect_ok "the rotation" C decision --conference 2 --leading DBAB --deputy CB1A
expect_output "the rotation is shown" "Bầu Đảng bộ Sở A-B làm Cụm trưởng, Chi bộ Thanh tra 1 làm Cụm phó Cụm thi đua số I quý III năm 2026" C show --id 2
expect_output "the next briefing is led by the new leading org" "Cụm trưởng quý III năm 2026: Đảng bộ Sở A-B \\[DBAB\\]; cụm phó: Chi bộ Thanh tra 1" C prepare --org CUM1
expect_output "conference writes are audited" "conference.decision" D audit --db "$db"
# The documents: the minutes and the invitation as Word files (the format from the extension), the
# news item as HTML and text with the report's figures; a wrong extension is refused.
expect_output "the minutes" "Đã ghi biên bản «Hội nghị sơ kết" C minutes --id 1 -o "$work/bien-ban.docx"
if unzip -p "$work/bien-ban.docx" word/document.xml | grep -q "Điểm cầu Nam Định"; then ok "the minutes name the sites"; else fail "the minutes name the sites"; fi
expect_ok "the invitation" C invitation --id 1 -o "$work/giay-moi.docx"
expect_ok "the news item as HTML" C news --id 1 -o "$work/tin.html" --author "Ngọc Sơn"
expect_ok "the news item as text" C news --id 1 -o "$work/tin.txt"
report_members=$(D report --db "$db" --org DBAB --period 2026-H1 --format html -o "$work/bc.html" >/dev/null && grep -o "tổng số đảng viên là [0-9.]* đồng chí" "$work/bc.html" | head -1 | grep -o "[0-9.]*")
if [[ -n "$report_members" ]] && grep -q "có $report_members đảng viên" "$work/tin.txt" && grep -q "Tin: \[tên tác giả\]" "$work/tin.txt"; then ok "the news item says the report's figures"; else fail "the news item says the report's figures" "$report_members"; fi
# The checks on the figures are the office's working sheet, never in the signed report.
expect_output "the checks as a working sheet" "Kèm dự thảo Báo cáo" D report --db "$db" --org DBAB --period 2026-H1 --checks -o "$work/checks.docx"
if unzip -p "$work/r.docx" word/document.xml | grep -q "KIỂM TRA SỐ LIỆU\|hệ thống phát hiện"; then fail "the signed report holds no checks"; else ok "the signed report holds no checks"; fi
# Who issues and signs: recorded from a date on, shown as the documents print it.
expect_ok "the secretary is recorded" D org holder --db "$db" --org DBAB --date 2026-01-01 --position secretary --name "Nguyễn Văn Bí"
expect_output "the issuer and the signer" "BÍ THƯ Nguyễn Văn Bí" D org issuer --db "$db" --org DBAB --at 2026-06-30
expect_refused "a symbol that is not capital letters" 2 "symbol" D org set-issuer --db "$db" --org DBAB --date 2026-01-01 --symbol "du"
expect_refused "a news item as .docx" 2 "«o»" C news --id 1 -o "$work/tin.docx"
expect_refused "the minutes of an unknown conference" 4 "conference" C minutes --id 99 -o "$work/x.docx"

# Encrypted backups: a consistent copy, unreadable without the passphrase, restored only intact.
printf 'mot cum tu bi mat rat dai\n' > "$work/pass"
printf 'cum tu khac hoan toan\n' > "$work/wrong"
expect_ok "backup" D backup --db "$db" -o "$work/b.bak" --passphrase-file "$work/pass"
if grep -qa "Nguyễn" "$work/b.bak" || grep -qa "SQLite format" "$work/b.bak"; then fail "backup is encrypted"; else ok "backup is encrypted"; fi
expect_refused "backup refuses a short passphrase" 2 "ít nhất 12" D backup --db "$db" -o "$work/c.bak" --passphrase-file <(echo short)
expect_refused "backup never overwrites" 5 "đã tồn tại" D backup --db "$db" -o "$work/b.bak" --passphrase-file "$work/pass"
out=$(D restore --backup "$work/b.bak" --db "$work/r1.db" --passphrase-file "$work/wrong" 2>&1); rc=$?
if [[ $rc -eq 3 && ! -e "$work/r1.db" ]] && grep -q "không đúng" <<<"$out"; then ok "restore refuses a wrong passphrase and writes nothing"; else fail "restore with a wrong passphrase (rc=$rc)" "$out"; fi
head -c 3000 "$work/b.bak" > "$work/cut.bak"
out=$(D restore --backup "$work/cut.bak" --db "$work/r2.db" --passphrase-file "$work/pass" 2>&1); rc=$?
if [[ $rc -ne 0 && ! -e "$work/r2.db" ]]; then ok "restore refuses a truncated backup"; else fail "restore of a truncated backup (rc=$rc)" "$out"; fi
expect_ok "restore" D restore --backup "$work/b.bak" --db "$work/r.db" --passphrase-file "$work/pass"
records() { sqlite3 "$1" "SELECT * FROM org_version; SELECT * FROM member_event; SELECT username, role FROM account;" | sha256sum; }
if [[ "$(records "$db")" == "$(records "$work/r.db")" ]]; then ok "restore gives back every record"; else fail "restore gives back every record"; fi
expect_output "restore is audited" "backup.restore" D audit --db "$work/r.db"
expect_refused "restore never replaces without --replace" 5 "--replace" D restore --backup "$work/b.bak" --db "$db" --passphrase-file "$work/pass"

# The way in (a database of its own, so that the counts above stay as they are): a candidate is
# admitted only with the admission file complete on the branch's vote date.
main_db="$db"
db="$work/admission.db"
expect_ok "init a database for the admission file" D init --db "$db"
expect_ok "a committee" D org add --db "$db" --code DB --name "Đảng bộ Sở C" --kind upper_committee --date 2000-01-01
expect_ok "its branch" D org add --db "$db" --code DB.01 --name "Chi bộ Văn phòng" --kind grassroots_branch --parent DB --date 2000-01-01
expect_ok "a first sponsor" D member add --db "$db" --code GT01 --family "Hoàng" --middle "Văn" --given "Nam" --birth-date 1975-03-01 --kind admission --org DB.01 --date 2005-04-01
expect_ok "recognized" D member event --db "$db" --member GT01 --kind recognition --date 2006-04-03
expect_ok "a probationary member" D member add --db "$db" --code GT02 --family "Lý" --middle "Thị" --given "Hoa" --birth-date 1990-07-01 --kind admission --org DB.01 --date 2019-09-01
expect_ok "register a candidate" D member add --db "$db" --code QC0001 --family "Đàm" --middle "Văn" --given "Hùng" --birth-date 1995-05-10 --gender male --org DB.01 --date 2019-01-10
expect_output "the candidate's file lacks everything" "còn thiếu" D member dossier --db "$db" --member QC0001 --at 2020-02-20
expect_refused "admission without a vote date nor a file" 3 "biểu quyết" D member event --db "$db" --member QC0001 --kind admission --date 2020-03-02 --decision 12-QĐ/ĐU
expect_ok "the course certificate" D member dossier --db "$db" --member QC0001 --set party_course=25/GCN-TTCT --from 2019-03-15
expect_ok "the background check" D member dossier --db "$db" --member QC0001 --set background_check=yes --from 2019-11-20
expect_ok "two sponsors" D member dossier --db "$db" --member QC0001 --set sponsor=GT01 --set sponsor=GT02 --from 2018-06-01
expect_refused "a --set without a value" 2 "mục=giá trị" D member dossier --db "$db" --member QC0001 --set sponsor --from 2018-06-01
expect_refused "an unknown dossier field" 2 "không có trong hồ sơ" D member dossier --db "$db" --member QC0001 --set blood_type=O --from 2018-06-01
expect_refused "a dossier record dated in the future" 3 "chưa tới" D member dossier --db "$db" --member QC0001 --set background_check=yes --from 2027-01-01
expect_refused "a sponsor that is no member" 4 "NOBODY" D member dossier --db "$db" --member QC0001 --set sponsor=NOBODY --from 2018-06-01
expect_refused "a sponsor who is not an official member on the vote date" 3 "GT02.*chưa là đảng viên chính thức" D member event --db "$db" --member QC0001 --kind admission --date 2020-03-02 --vote-date 2020-02-20 --decision 12-QĐ/ĐU
expect_ok "a second official sponsor" D member add --db "$db" --code GT03 --family "Trần" --given "Minh" --birth-date 1970-01-01 --kind admission --org DB.01 --date 2000-01-10
expect_ok "recognized too" D member event --db "$db" --member GT03 --kind recognition --date 2001-01-10
expect_ok "the second official sponsor in the file" D member dossier --db "$db" --member QC0001 --set sponsor=GT03 --from 2019-06-01
expect_refused "a sponsor who worked with the candidate less than 12 months" 3 "chưa đủ 12 tháng" D member event --db "$db" --member QC0001 --kind admission --date 2020-03-02 --vote-date 2020-02-20 --decision 12-QĐ/ĐU
expect_output "the file is complete a year later" "đã đủ" D member dossier --db "$db" --member QC0001 --at 2021-01-05
expect_refused "a vote after the decision" 3 "sau ngày quyết định" D member event --db "$db" --member QC0001 --kind admission --date 2021-01-20 --vote-date 2021-01-25 --decision 3-QĐ/ĐU
expect_ok "admitted with the file complete" D member event --db "$db" --member QC0001 --kind admission --date 2021-01-20 --vote-date 2021-01-05 --decision 3-QĐ/ĐU
expect_output "the sponsors by name" "Đảng viên giới thiệu: Hoàng Văn Nam \(GT01\)" D member dossier --db "$db" --member QC0001
db="$main_db"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
