#!/bin/sh
# The whole brief follows its language, including the model's texts (finding
# messages), whatever the language of the session.
# Usage: check-brief-language.sh CLI LOCALEDIR EXAMPLE.json
set -u
cli=$1; localedir=$2; example=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3

safeguards_text () {
  "$py" - "$1" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Waarborgen"] if "Waarborgen" in wb.sheetnames else wb["Safeguards"]
print("\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None))
PY
}

echo "1..2"
status=0
if MP_LOCALEDIR="$localedir" LANGUAGE=en LC_ALL=C.UTF-8 "$cli" export-brief "$example" --lang nl -o "$tmp/nl.xlsx" >/dev/null &&
   safeguards_text "$tmp/nl.xlsx" | grep -q "wervingskosten"; then
  echo "ok 1 - a Dutch brief from an English session has Dutch findings"
else
  echo "not ok 1 - a Dutch brief from an English session has Dutch findings"; status=1
fi
if MP_LOCALEDIR="$localedir" LANGUAGE=nl LC_ALL=C.UTF-8 "$cli" export-brief "$example" --lang en -o "$tmp/en.xlsx" >/dev/null &&
   safeguards_text "$tmp/en.xlsx" | grep -q "recruitment fees" &&
   ! safeguards_text "$tmp/en.xlsx" | grep -q "wervingskosten"; then
  echo "ok 2 - an English brief from a Dutch session has English findings"
else
  echo "not ok 2 - an English brief from a Dutch session has English findings"; status=1
fi
exit $status
