#!/usr/bin/env bash
# Renders the first page of each document the demo's office signs into docs/examples/*.png
# (what a reader of the README sees): the 2026-H1 reports of the province, of the committee of
# Party agencies, of DB001 and of cluster 1, and DB001's invitation and minutes; the news item
# as text. Usage: docs/examples/render.sh [path/to/dangvu] (default: the release build).
set -euo pipefail
here="$(dirname "$0")"
bin="$(realpath "${1:-$here/../../build/release/src/app/dangvu}")"
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DANGVU_TODAY=2026-12-05
(umask 077 && "$bin" demo --db "$work/demo.db" --seed 1 >/dev/null 2>&1)
for org in TU DBCQD DB001 CQD-CUM1; do
  "$bin" report --db "$work/demo.db" --org "$org" --period 2026-H1 -o "$work/bao-cao-$org.docx" >/dev/null
done
id=$("$bin" conference list --db "$work/demo.db" --org DB001 | sed -n 's/^  #\([0-9]*\) .*DB001.*/\1/p' | head -1)
"$bin" conference invitation --db "$work/demo.db" --id "$id" -o "$work/giay-moi-DB001.docx" >/dev/null
"$bin" conference minutes --db "$work/demo.db" --id "$id" -o "$work/bien-ban-DB001.docx" >/dev/null
"$bin" conference news --db "$work/demo.db" --id "$id" -o tin-bai-DB001.txt --force >/dev/null
(cd "$work" && soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
  --convert-to pdf ./*.docx >/dev/null 2>&1)
for pdf in "$work"/*.pdf; do
  name="$(basename "$pdf" .pdf)"
  pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$pdf" "$name"
done
ls -1 ./*.png tin-bai-DB001.txt
