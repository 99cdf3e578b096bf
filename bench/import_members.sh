#!/usr/bin/env bash
# Member import speed (issue 6: 100,000 rows from XLSX validated and committed in under 10 s, memory
# bounded). The data: an org list (1 province, 40 grassroots committees, 400 branches) and ROWS
# members with Vietnamese names, written as CSV by this script, imported once, then exported by
# dangvu itself as XLSX — the file measured is a real XLSX with shared strings and dates.
# Ours: `dangvu import` of that XLSX into a database holding only the orgs (one transaction, rows
# streamed, every row folded by the same rules as a typed entry). The plain way beside it: the
# same members typed one by one, `dangvu member add` per row (one process and one transaction
# each, as a script over the CLI or a form would do), timed over SAMPLE rows and given in rows/s.
# Usage: bench/import_members.sh [ROWS] [SAMPLE]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
sample="${2:-300}"
# DANGVU_BIN: measure that binary instead of building the release preset.
if [[ -z "${DANGVU_BIN:-}" ]]; then
  scripts/setup >/dev/null
  scripts/build release >/dev/null
fi
bin="${DANGVU_BIN:-$PWD/build/release/src/app/dangvu}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$rows" <<'PY'
import random, sys
work, rows = sys.argv[1], int(sys.argv[2])
rng = random.Random(2026)
families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Xuân", "Kim"]
givens = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh",
          "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm",
          "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến"]
with open(f"{work}/orgs.csv", "w", encoding="utf-8") as f:
    f.write("Mã tổ chức,Tên tổ chức,Loại,Trực thuộc,Ngày thành lập\n")
    f.write("TINH,Đảng bộ tỉnh,Đảng ủy cấp trên,,01/01/1950\n")
    for c in range(40):
        f.write(f"DB{c:02d},Đảng bộ cơ quan số {c + 1},Đảng bộ cơ sở,TINH,01/01/1950\n")
        for b in range(10):
            f.write(f"DB{c:02d}-{b},Chi bộ {b + 1} thuộc Đảng bộ số {c + 1},Chi bộ trực thuộc,"
                    f"DB{c:02d},01/01/1950\n")
with open(f"{work}/members.csv", "w", encoding="utf-8") as f:
    f.write("Họ và tên,Ngày sinh,Giới tính,Chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên\n")
    for i in range(rows):
        female = rng.random() < 0.4
        name = f"{rng.choice(families)} {'Thị' if female else rng.choice(middles)} {rng.choice(givens)}"
        year = rng.randint(1950, 1998)
        birth = (year, rng.randint(1, 12), rng.randint(13, 28))
        adm = (year + rng.randint(20, 27), rng.randint(1, 12), rng.randint(13, 28))
        rec = f"{adm[2]:02d}/{adm[1]:02d}/{adm[0] + 1}" if adm[0] < 2025 else ""
        org = f"DB{rng.randrange(40):02d}-{rng.randrange(10)}"
        f.write(f"{name},{birth[2]:02d}/{birth[1]:02d}/{birth[0]},{'Nữ' if female else 'Nam'},"
                f"{org},{adm[2]:02d}/{adm[1]:02d}/{adm[0]},{rec},{100000000000 + i}\n")
PY

"$bin" init --db "$work/orgs.db" >/dev/null 2>&1 || true
"$bin" import --db "$work/orgs.db" --kind orgs "$work/orgs.csv" >/dev/null
cp "$work/orgs.db" "$work/source.db"
"$bin" import --db "$work/source.db" "$work/members.csv" >/dev/null
"$bin" export --db "$work/source.db" --org TINH -o "$work/members.xlsx" >/dev/null
size=$(stat -c %s "$work/members.xlsx")

cp "$work/orgs.db" "$work/ours.db"
load=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -f "%e %M" -o "$work/time" "$bin" import --db "$work/ours.db" "$work/members.xlsx" \
  >"$work/ours.out"
read -r ours_s ours_kb <"$work/time"
imported=$(grep -o 'mới [0-9]*' "$work/ours.out" | grep -o '[0-9]*')

# The plain way: one `member add` per row, over the first SAMPLE rows of the same list.
cp "$work/orgs.db" "$work/plain.db"
python3 - "$work" "$sample" >"$work/adds.sh" <<'PY'
import csv, sys, shlex
work, sample = sys.argv[1], int(sys.argv[2])
with open(f"{work}/members.csv", encoding="utf-8") as f:
    reader = csv.reader(f)
    next(reader)
    for i, (name, birth, gender, org, adm, rec, card) in enumerate(reader):
        if i >= sample:
            break
        words = name.split()
        iso = lambda d: "-".join(reversed(d.split("/")))
        args = ["member", "add", "--db", f"{work}/plain.db", "--code", card,
                "--family", words[0], "--middle", " ".join(words[1:-1]), "--given", words[-1],
                "--birth-date", iso(birth), "--gender", "female" if gender == "Nữ" else "male",
                "--kind", "admission", "--date", iso(adm), "--org", org, "--card", card]
        print('"$bin" ' + " ".join(shlex.quote(a) for a in args) + " >/dev/null")
PY
t0=$(date +%s%N)
bin="$bin" bash "$work/adds.sh"
t1=$(date +%s%N)
plain_s=$(awk -v ns=$((t1 - t0)) 'BEGIN {printf "%.2f", ns / 1e9}')

printf '\nMember import: %d rows, XLSX %.1f MB (exported by dangvu)\n' "$imported" \
  "$(awk -v b="$size" 'BEGIN {print b / 1048576}')"
printf '%-44s %10s %12s %12s\n' "way" "rows" "seconds" "rows/s"
printf '%-44s %10d %12.2f %12.0f\n' "ours: dangvu import (one transaction)" "$imported" "$ours_s" \
  "$(awk -v n="$imported" -v s="$ours_s" 'BEGIN {print n / s}')"
printf '%-44s %10d %12.2f %12.0f\n' "plain: dangvu member add, one per row" "$sample" "$plain_s" \
  "$(awk -v n="$sample" -v s="$plain_s" 'BEGIN {print n / s}')"
printf 'ours: max RSS %d MB; machine load before the run: %s\n' "$((ours_kb / 1024))" "$load"
