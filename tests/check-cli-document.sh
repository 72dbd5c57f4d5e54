#!/bin/sh
# mobility-planner-cli new, import, export-json and list, end to end, and the
# exit statuses README promises for every command that reads a document: 0 on
# success, 2 on invalid input or a damaged file, 1 on other failures.
# Usage: check-cli-document.sh CLI EXAMPLES_DIR
set -u
cli=$1; examples=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0; failed=0
check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}
echo "1..16"

"$cli" new "$tmp/doc.mplan" > "$tmp/out.txt" 2>&1
status=$?
check "new creates an empty document" \
  '[ $status -eq 0 ] && grep -q "with 0 packages" "$tmp/out.txt" && [ -f "$tmp/doc.mplan" ]'

"$cli" new "$tmp/doc.mplan" > "$tmp/out.txt" 2>&1
status=$?
check "new refuses an existing file with exit 2" \
  '[ $status -eq 2 ] && grep -q "exists already" "$tmp/out.txt"'

"$cli" import "$tmp/doc.mplan" "$examples/gecco-morocco-agriculture.json" > "$tmp/out.txt" 2>&1 &&
"$cli" import "$tmp/doc.mplan" "$examples/regional-maghreb.json" >> "$tmp/out.txt" 2>&1
status=$?
check "import adds the packages of JSON files" \
  '[ $status -eq 0 ] && [ "$(grep -c "Imported 1 package" "$tmp/out.txt")" -eq 2 ]'

"$cli" list "$tmp/doc.mplan" > "$tmp/list.txt" 2>&1
check "list shows both packages in order with partners and scheme counts" \
  'grep -q "^ *1  MAR  *1  GECCO-like circular agriculture — Morocco$" "$tmp/list.txt" &&
   grep -q "^ *2  MAR,TUN,EGY  *3  Regional skills" "$tmp/list.txt"'

"$cli" list --json "$tmp/doc.mplan" > "$tmp/list.json" 2>&1
check "list --json names the format version and the packages" \
  'grep -q "\"format_version\" : 2" "$tmp/list.json" && [ "$(grep -c "\"id\"" "$tmp/list.json")" -eq 2 ]'

"$cli" export-json "$tmp/doc.mplan" --package "GECCO-like circular agriculture — Morocco" \
  -o "$tmp/gecco.json" > "$tmp/out.txt" 2>&1
status=$?
check "export-json --package -o writes one package" \
  '[ $status -eq 0 ] && [ "$(grep -c "\"kind\" : \"circular\"\|\"kind\": \"circular\"" "$tmp/gecco.json")" -ge 1 ] &&
   grep -q "mobility-planner-packages" "$tmp/gecco.json" && ! grep -q "Regional skills" "$tmp/gecco.json"'

"$cli" new "$tmp/copy.mplan" > /dev/null 2>&1
"$cli" import "$tmp/copy.mplan" "$tmp/gecco.json" > /dev/null 2>&1
"$cli" export-json "$tmp/copy.mplan" > "$tmp/gecco2.json" 2>&1
check "an exported package imports back to the same JSON" 'cmp -s "$tmp/gecco.json" "$tmp/gecco2.json"'

"$cli" export-json "$tmp/doc.mplan" --package "No such package" > "$tmp/out.txt" 2>&1
status=$?
check "export-json of an unknown package fails with exit 2" \
  '[ $status -eq 2 ] && grep -q "no package called" "$tmp/out.txt"'

printf '{"format": "mobility-planner-package", "version": 1, "name": "Bad", "partners": ["MAR"], "horizon": 500}' > "$tmp/bad.json"
"$cli" import "$tmp/doc.mplan" "$tmp/bad.json" > "$tmp/out.txt" 2>&1
status=$?
"$cli" list "$tmp/doc.mplan" > "$tmp/list2.txt" 2>&1
check "import of an invalid package fails with exit 2 and changes nothing" \
  '[ $status -eq 2 ] && grep -q "horizon" "$tmp/out.txt" && cmp -s "$tmp/list.txt" "$tmp/list2.txt"'

printf 'name,quota\nnot,a document\n' > "$tmp/fake.mplan"
"$cli" list "$tmp/fake.mplan" > "$tmp/out.txt" 2>&1
status=$?
check "list refuses a file that is not a document with exit 2" \
  '[ $status -eq 2 ] && grep -q "not a Mobility Planner document" "$tmp/out.txt"'

"$cli" new --demo "$tmp/demo.mplan" > "$tmp/out.txt" 2>&1
status=$?
check "new --demo creates a document with the demo packages" \
  '[ $status -eq 0 ] && grep -q "Created .* with [2-9][0-9]* packages" "$tmp/out.txt"'

"$cli" new > "$tmp/out.txt" 2>&1
status=$?
check "new without a document is invalid use (exit 2)" '[ $status -eq 2 ]'

# Every command that reads a document, with DOC standing for the document.
readers='list DOC
evaluate --draws 0 DOC
export-json DOC
export-brief DOC -o OUT/out.xlsx
compare DOC -o OUT/out.xlsx
export-indicators DOC
import DOC EXAMPLES/gecco-morocco-agriculture.json
import-indicators DOC OUT/indicators.csv
import OUT/doc.mplan DOC'
"$cli" export-indicators "$tmp/doc.mplan" -o "$tmp/indicators.csv"

# statuses FILE: the exit status of each reader on a fresh copy of FILE.
statuses () {
  file=$1
  echo "$readers" | while read -r line; do
    rm -f "$tmp/work.mplan" "$tmp/work.mplan-wal" "$tmp/work.mplan-shm"
    [ -e "$file" ] && cp "$file" "$tmp/work.mplan"
    # shellcheck disable=SC2046
    "$cli" $(echo "$line" | sed "s|DOC|$tmp/work.mplan|; s|OUT|$tmp|; s|EXAMPLES|$examples|") \
      > /dev/null 2> /dev/null < /dev/null
    printf '%s ' $?
  done
}

head -c 1000 "$tmp/doc.mplan" > "$tmp/truncated.mplan"
printf 'SQLite format 3\000' > "$tmp/header-only.mplan"
got=$(statuses "$tmp/truncated.mplan"; statuses "$tmp/header-only.mplan")
check "a damaged document is invalid input (exit 2) for every command that reads one" \
  '[ "$got" = "2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 " ] || { echo "# $got"; false; }'

got=$(statuses "$tmp/no-such-file.mplan")
check "a missing document is invalid input (exit 2) for every command that reads one" \
  '[ "$got" = "2 2 2 2 2 2 2 2 2 " ] || { echo "# $got"; false; }'

if [ -w /dev/full ]; then
  "$cli" list "$tmp/doc.mplan" > /dev/full 2> "$tmp/out.txt"
  status=$?
  check "output that cannot be written (a full disk) is a failure (exit 1)" \
    '[ $status -eq 1 ] && grep -q "cannot write the output" "$tmp/out.txt"'
else
  n=$((n + 1)); echo "ok $n # SKIP /dev/full is not available"
fi

"$cli" export-json "$tmp/doc.mplan" -o "$tmp/doc.mplan/out.json" > "$tmp/out.txt" 2>&1
status=$?
check "an output file that cannot be created is a failure (exit 1)" \
  '[ $status -eq 1 ] && grep -q "^mobility-planner-cli: " "$tmp/out.txt"'

exit $failed
