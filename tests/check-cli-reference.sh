#!/bin/sh
# mobility-planner-cli partners, export-indicators and import-indicators, end to end.
# Usage: check-cli-reference.sh CLI SHIPPED_INDICATORS_CSV
set -u
cli=$1; shipped=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0; failed=0
check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}
echo "1..13"

"$cli" partners > "$tmp/partners.txt" 2>&1
check "partners lists the Netherlands as the reference country" \
  'grep -q "^NLD .*reference country" "$tmp/partners.txt"'
"$cli" partners --json > "$tmp/partners.json" 2>&1
check "partners --json lists 34 countries with index and risk" \
  '[ "$(grep -c "\"iso3\"" "$tmp/partners.json")" -eq 34 ] && grep -q "\"rank\" : 1," "$tmp/partners.json" && grep -q "\"class\" : \"high\"" "$tmp/partners.json"'

"$cli" new "$tmp/doc.mplan" > /dev/null 2>&1
"$cli" export-indicators "$tmp/doc.mplan" -o "$tmp/before.csv"
check "a new document exports exactly the shipped indicators.csv" 'cmp -s "$tmp/before.csv" "$shipped"'

"$cli" import-indicators "$tmp/doc.mplan" "$tmp/before.csv" > "$tmp/out.txt" 2>&1
check "importing the export changes nothing" 'grep -q "No changes" "$tmp/out.txt"'

printf 'iso3,indicator,value,year,source\nMAR,median_age,30,2024,x\nMAR,population,1\n' > "$tmp/short.csv"
"$cli" import-indicators "$tmp/doc.mplan" "$tmp/short.csv" > "$tmp/out.txt" 2>&1
status=$?
check "a short row is refused with exit 2 and its line number" \
  '[ $status -eq 2 ] && grep -q "line 3:" "$tmp/out.txt"'

printf 'iso3;indicator;value;year;source\nMAR;youth_unemployment;23,5;2025;ILO, 2025\n' > "$tmp/update.csv"
"$cli" import-indicators "$tmp/doc.mplan" "$tmp/update.csv" --dry-run > "$tmp/out.txt" 2>&1
status=$?
"$cli" export-indicators "$tmp/doc.mplan" -o "$tmp/after-dry.csv"
check "--dry-run prints old -> new with year and source" \
  '[ $status -eq 0 ] && grep -q "MAR youth_unemployment: 22.37 (2024) → 23.5 (2025); source: ILO, 2025" "$tmp/out.txt"'
check "--dry-run writes nothing" 'cmp -s "$tmp/after-dry.csv" "$shipped"'

"$cli" import-indicators "$tmp/doc.mplan" "$tmp/update.csv" > "$tmp/out.txt" 2>&1
status=$?
"$cli" export-indicators "$tmp/doc.mplan" > "$tmp/after.csv"
check "import applies the change" \
  '[ $status -eq 0 ] && grep -q "^MAR,youth_unemployment,23.5,2025,\"ILO, 2025\"$" "$tmp/after.csv"'
check "import changes only that row" \
  '[ "$(diff "$tmp/after.csv" "$shipped" | grep -c "^[<>]")" -eq 2 ]'

printf 'iso3,indicator,value,year,source\nMAR,median_age,31,2024,x\nXYZ,median_age,30,2024,x\n' > "$tmp/unknown.csv"
"$cli" import-indicators "$tmp/doc.mplan" "$tmp/unknown.csv" > "$tmp/out.txt" 2>&1
status=$?
"$cli" export-indicators "$tmp/doc.mplan" > "$tmp/after2.csv"
check "a file with an unknown country is refused whole" \
  '[ $status -eq 2 ] && grep -q "line 3:" "$tmp/out.txt" && cmp -s "$tmp/after.csv" "$tmp/after2.csv"'

head -c 52428800 /dev/urandom > "$tmp/garbage.csv"
"$cli" import-indicators "$tmp/doc.mplan" "$tmp/garbage.csv" > "$tmp/out.txt" 2>&1
status=$?
check "50 MB of garbage is refused with exit 2" '[ $status -eq 2 ] && grep -q "too large" "$tmp/out.txt"'

"$cli" import-indicators "$tmp/missing.mplan" "$tmp/update.csv" > /dev/null 2>&1
status=$?
check "a missing document is invalid input" '[ $status -eq 2 ]'

"$cli" import-indicators "$tmp/doc.mplan" > /dev/null 2>&1
status=$?
check "a missing argument is invalid input" '[ $status -eq 2 ]'

exit $failed
