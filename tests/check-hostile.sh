#!/bin/sh
# check-hostile.sh
#
# Copyright 2026 The Mobility Planner authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs mobility-planner-cli on every hostile input of tests/data/hostile/ (see
# its README.md) and on a few made here (too large to check in, or derived
# from a real document).  Every refusal must be a clear message on stderr that
# starts with "mobility-planner-cli: ", without "CRITICAL", "(null)" or a
# sanitizer report, with exit status 2 (invalid input or a damaged file, as
# README promises; not 1, and no crash), no output file and the target
# document unchanged.  The hostile but valid
# inputs (formula and SQL text in names and sources) must be accepted and
# kept as text, in the document, the JSON export and the brief.  Prints TAP.
#
# Usage: check-hostile.sh [CLI [SOURCE_ROOT]]   (default: $MP_CLI, $MP_SOURCE_ROOT)
set -u

cli=${1:-${MP_CLI:?set MP_CLI or pass the CLI}}
root=${2:-${MP_SOURCE_ROOT:?set MP_SOURCE_ROOT or pass the source root}}
hostile=$root/tests/data/hostile
python=/usr/bin/python3

# No input may make the CLI hang: each run gets 60 s (exit 124 when killed).
limit=
if command -v timeout >/dev/null 2>&1; then
  limit="timeout 60"
fi

# Control characters but tab and newline (C0, DEL) and C1 controls in UTF-8:
# a message must not carry terminal escapes from the input.
c0=$(printf '[\001-\010\013-\037\177]')
c1=$(printf '\302[\200-\237]')

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  echo "not ok $n - $1"
  shift
  for line in "$@"; do
    printf '%s\n' "$line" | sed 's/^/# /'
  done
  failed=1
}

# refused DESCRIPTION CLI-ARGUMENTS…: the CLI must refuse with a clear message.
refused () {
  what=$1
  shift
  rm -f "$tmp/out.xlsx"
  $limit "$cli" "$@" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
  status=$?
  first=$(head -n 1 "$tmp/stderr")
  if [ $status -eq 0 ]; then
    not_ok "$what: refused" "exit status 0" "$(head -c 400 "$tmp/stdout")"
  elif [ $status -ge 128 ]; then
    not_ok "$what: refused without a crash" "exit status $status" "$(head -c 2000 "$tmp/stderr")"
  elif [ $status -eq 124 ] && [ -n "$limit" ]; then
    not_ok "$what: refused without hanging" "killed after 60 s"
  elif [ $status -ne 2 ]; then
    not_ok "$what: refused as invalid input (exit 2)" "exit status $status" "$(head -c 600 "$tmp/stderr")"
  elif [ "${first#mobility-planner-cli: }" = "$first" ] || [ "$first" = "mobility-planner-cli: " ]; then
    not_ok "$what: a message starting with \"mobility-planner-cli: \"" "$(head -c 600 "$tmp/stderr")"
  elif grep -q -e CRITICAL -e '(null)' -e 'WARNING \*\*' -e 'ERROR \*\*' -e 'Sanitizer' \
         -e 'runtime error' "$tmp/stderr"; then
    not_ok "$what: a clear message" "$(head -c 2000 "$tmp/stderr")"
  elif LC_ALL=C grep -q -e "$c0" -e "$c1" "$tmp/stderr"; then
    not_ok "$what: no control characters from the input in the message" "$(head -c 600 "$tmp/stderr" | od -c | head -n 20)"
  elif [ -e "$tmp/out.xlsx" ]; then
    not_ok "$what: no workbook left behind" "$first"
  else
    ok "$what: exit $status, $first"
  fi
}

# accepted DESCRIPTION CLI-ARGUMENTS…: the CLI must succeed without warnings.
accepted () {
  what=$1
  shift
  $limit "$cli" "$@" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
  status=$?
  if [ $status -ne 0 ] || grep -q -e CRITICAL -e 'WARNING' -e 'Sanitizer' -e 'runtime error' "$tmp/stderr"; then
    not_ok "$what: accepted" "exit status $status" "$(head -c 2000 "$tmp/stderr")"
    return 1
  fi
  ok "$what: accepted"
}

# A document the hostile imports go into; it must not change.
"$cli" new "$tmp/doc.mplan" >/dev/null 2>&1 || { echo "Bail out! cannot create a document"; exit 1; }
"$cli" import "$tmp/doc.mplan" "$hostile/accepted/base.json" >/dev/null 2>&1 ||
  { echo "Bail out! cannot import accepted/base.json"; exit 1; }
snapshot () {
  "$cli" list --json "$tmp/doc.mplan" >"$1" 2>&1
  "$cli" export-indicators "$tmp/doc.mplan" >>"$1" 2>&1
}
snapshot "$tmp/doc.before"
unchanged () {
  snapshot "$tmp/doc.after"
  if cmp -s "$tmp/doc.before" "$tmp/doc.after"; then
    ok "$1: the document is unchanged"
  else
    not_ok "$1: the document is unchanged" "$(diff "$tmp/doc.before" "$tmp/doc.after" | head -n 10)"
  fi
}

# ---- Inputs too large to check in ----------------------------------------
mkdir -p "$tmp/json" "$tmp/csv" "$tmp/mplan"
head -c 100000 /dev/zero | tr '\0' '[' >"$tmp/json/deep-nesting-100k.json"
{ printf '{"name": "'; head -c 200000 /dev/zero | tr '\0' 'x'; printf '"}'; } >"$tmp/json/long-string.json"
truncate -s 70M "$tmp/json/over-64-mb.json"        # sparse: no disk space used
truncate -s 11M "$tmp/csv/over-10-mb.csv"
{ echo "iso3,indicator,value,year,source"; head -c 300000 /dev/zero | tr '\0' '9'; echo ",x,2025,y"; } \
  >"$tmp/csv/huge-digit-string.csv"

# Documents derived from a real one.
"$cli" new "$tmp/real.mplan" >/dev/null 2>&1
size=$(wc -c <"$tmp/real.mplan")
head -c $((size / 2)) "$tmp/real.mplan" >"$tmp/mplan/truncated-half.mplan"
head -c 16384 "$tmp/real.mplan" >"$tmp/mplan/truncated-16k.mplan"
head -c 1000 "$tmp/real.mplan" >"$tmp/mplan/truncated-1000-bytes.mplan"
cp "$tmp/real.mplan" "$tmp/mplan/garbled-page.mplan"
# Page 12 (of 4096 bytes) overwritten with text.
yes 'garbled page ' | head -c 4096 |
  dd of="$tmp/mplan/garbled-page.mplan" bs=4096 seek=11 conv=notrunc 2>/dev/null
# The b-tree header and cell pointers of the schema page (page 1, after the
# 100-byte file header) overwritten.
cp "$tmp/real.mplan" "$tmp/mplan/garbled-schema-page.mplan"
yes 'x' | head -c 300 |
  dd of="$tmp/mplan/garbled-schema-page.mplan" bs=1 seek=100 conv=notrunc 2>/dev/null
if command -v sqlite3 >/dev/null 2>&1; then
  cp "$tmp/real.mplan" "$tmp/mplan/trigger.mplan"
  sqlite3 "$tmp/mplan/trigger.mplan" \
    "CREATE TRIGGER evil AFTER INSERT ON package BEGIN DELETE FROM partner; END;" 2>/dev/null
  cp "$tmp/real.mplan" "$tmp/mplan/view.mplan"
  sqlite3 "$tmp/mplan/view.mplan" "CREATE VIEW evil AS SELECT * FROM partner;" 2>/dev/null
  cp "$tmp/real.mplan" "$tmp/mplan/extra-table.mplan"
  sqlite3 "$tmp/mplan/extra-table.mplan" "CREATE TABLE evil (x TEXT);" 2>/dev/null
  cp "$tmp/real.mplan" "$tmp/mplan/wrong-application-id.mplan"
  sqlite3 "$tmp/mplan/wrong-application-id.mplan" "PRAGMA application_id = 1;" 2>/dev/null
  cp "$tmp/real.mplan" "$tmp/mplan/stored-sql-text.mplan"
  sqlite3 "$tmp/mplan/stored-sql-text.mplan" \
    "UPDATE partner_indicator SET indicator = '''); DROP TABLE package;--' WHERE iso3 = 'MAR' AND indicator = 'population';"
fi
mkdir "$tmp/mplan/directory.mplan"
ln -s /dev/zero "$tmp/mplan/dev-zero.mplan"
ln -s "$tmp/no-such-file" "$tmp/mplan/dangling-link.mplan"
if command -v mkfifo >/dev/null 2>&1; then
  mkfifo "$tmp/mplan/fifo.mplan"
fi

# ---- Refused: JSON package files ------------------------------------------
for f in "$hostile"/json/*.json "$tmp"/json/*.json; do
  name=json/$(basename "$f")
  refused "evaluate $name" evaluate --draws 0 "$f"
  refused "export-brief $name" export-brief "$f" -o "$tmp/out.xlsx"
  refused "import $name" import "$tmp/doc.mplan" "$f"
done
refused "import /dev/zero" import "$tmp/doc.mplan" /dev/zero
unchanged "after every refused JSON import"

# ---- Refused: CSV indicator files -----------------------------------------
for f in "$hostile"/csv/*.csv "$tmp"/csv/*.csv; do
  refused "import-indicators csv/$(basename "$f")" import-indicators "$tmp/doc.mplan" "$f"
done
refused "import-indicators /dev/zero" import-indicators "$tmp/doc.mplan" /dev/zero
unchanged "after every refused CSV import"

# ---- Refused: damaged, foreign and tampered documents ----------------------
for f in "$hostile"/mplan/*.mplan "$tmp"/mplan/*.mplan; do
  name=mplan/$(basename "$f")
  # A copy: opening read-write may check the file out; keep the original.
  work=$f
  if [ -f "$f" ] && [ ! -L "$f" ]; then
    work=$tmp/work.mplan
    rm -f "$work" "$work-wal" "$work-shm"
    cp "$f" "$work"
  fi
  refused "list $name" list "$work"
  refused "evaluate $name" evaluate --draws 0 "$work"
  refused "export-json $name" export-json "$work"
  refused "export-brief $name" export-brief "$work" -o "$tmp/out.xlsx"
  refused "compare $name" compare "$work" -o "$tmp/out.xlsx"
  refused "export-indicators $name" export-indicators "$work"
  refused "import into $name" import "$work" "$hostile/accepted/base.json"
  refused "import-indicators into $name" import-indicators "$work" "$hostile/accepted/formula-sources.csv"
done

# ---- Accepted: hostile but valid text stays text ----------------------------
formulas=$hostile/accepted/formula-names.json
if accepted "evaluate accepted/formula-names.json" evaluate --draws 0 "$formulas"; then
  if grep -q -F '=HYPERLINK("http://evil.example/","Click here")' "$tmp/stdout" &&
     grep -q -F '@SUM(1)' "$tmp/stdout"; then
    ok "evaluate prints formula text in names literally"
  else
    not_ok "evaluate prints formula text in names literally" "$(head -n 5 "$tmp/stdout")"
  fi
fi
"$cli" new "$tmp/formulas.mplan" >/dev/null 2>&1
if accepted "import accepted/formula-names.json" import "$tmp/formulas.mplan" "$formulas"; then
  accepted "list after the import" list "$tmp/formulas.mplan"
  if grep -q -F '=HYPERLINK(' "$tmp/stdout"; then
    ok "list shows the formula name as text"
  else
    not_ok "list shows the formula name as text" "$(cat "$tmp/stdout")"
  fi
  "$cli" export-json "$tmp/formulas.mplan" -o "$tmp/formulas-back.json" 2>"$tmp/stderr"
  if [ -x "$python" ] && "$python" - "$formulas" "$tmp/formulas-back.json" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1]))
b = json.load(open(sys.argv[2]))
b = b["packages"][0] if "packages" in b else b
def texts(p):
    return [p["name"], p["description"]] + [s["name"] for s in p["schemes"]] + \
           [o["note"] for o in p["offers"]] + [x["note"] for x in p["asks"]]
sys.exit(0 if texts(a) == texts(b) else 1)
EOF
  then
    ok "export-json gives the formula and SQL texts back unchanged"
  else
    not_ok "export-json gives the formula and SQL texts back unchanged" "$(head -c 600 "$tmp/formulas-back.json")"
  fi
fi

if accepted "export-brief accepted/formula-names.json" \
     export-brief "$formulas" -o "$tmp/formulas.xlsx" --lang en --date 2026-01-15 --author '=cmd|calc'; then
  if [ -x "$python" ] && "$python" -c 'import openpyxl' 2>/dev/null; then
    if "$python" - "$tmp/formulas.xlsx" "$formulas" >"$tmp/check.txt" 2>&1 <<'EOF'
import json, re, sys, zipfile
import openpyxl

path, package = sys.argv[1], json.load(open(sys.argv[2]))
wanted = {package["name"], package["schemes"][0]["name"], package["schemes"][1]["name"]}
found = {}
wb = openpyxl.load_workbook(path)   # formulas as written, not cached values
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            v = cell.value
            if isinstance(v, str):
                for w in wanted:
                    if w in v:
                        found.setdefault(w, []).append((ws.title, cell.coordinate, cell.data_type, v))
problems = []
for w in wanted:
    if w not in found:
        problems.append("not found as text: %r" % w)
    for title, coord, dtype, v in found.get(w, []):
        if dtype != "s":
            problems.append("%s!%s holds %r as data type %r, not a string" % (title, coord, v, dtype))
# No formula of the workbook may contain the injected functions.
with zipfile.ZipFile(path) as z:
    for name in z.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            for f in re.findall(r"<f[^>]*>(.*?)</f>", z.read(name).decode("utf-8"), re.S):
                if re.search(r"HYPERLINK|SUM\(1\)|cmd\|", f):
                    problems.append("%s: injected formula %r" % (name, f))
print("\n".join(problems) if problems else "all %d texts are strings" % len(wanted))
sys.exit(1 if problems else 0)
EOF
    then
      ok "the brief stores formula text in names as strings, never as formulas"
    else
      not_ok "the brief stores formula text in names as strings, never as formulas" "$(cat "$tmp/check.txt")"
    fi
  else
    n=$((n + 1))
    echo "ok $n # SKIP python3-openpyxl is not installed"
  fi
fi

# Control characters in names: accepted, shown as \uXXXX, never raw.
controls=$hostile/accepted/control-characters.json
"$cli" new "$tmp/controls.mplan" >/dev/null 2>&1
for cmd in "evaluate --draws 0 $controls" "import $tmp/controls.mplan $controls" \
           "list $tmp/controls.mplan" "evaluate --draws 0 $tmp/controls.mplan"; do
  # shellcheck disable=SC2086
  if accepted "${cmd%% *} of names with control characters" $cmd; then
    if LC_ALL=C grep -q -e "$c0" -e "$c1" "$tmp/stdout" "$tmp/stderr"; then
      not_ok "${cmd%% *} shows no raw control characters" "$(od -c "$tmp/stdout" | head -n 10)"
    elif [ "${cmd%% *}" != import ] && ! grep -q -F '\u001B' "$tmp/stdout"; then
      not_ok "${cmd%% *} shows control characters as \\u001B" "$(head -n 5 "$tmp/stdout")"
    else
      ok "${cmd%% *} shows control characters as \\uXXXX, never raw"
    fi
  fi
done

"$cli" new "$tmp/sources.mplan" >/dev/null 2>&1
if accepted "import-indicators accepted/formula-sources.csv" \
     import-indicators "$tmp/sources.mplan" "$hostile/accepted/formula-sources.csv"; then
  "$cli" export-indicators "$tmp/sources.mplan" >"$tmp/sources.csv" 2>&1
  if grep -q -F 'MAR,population,38430771,2025,"=HYPERLINK(""http://evil.example/"",""Click"")"' "$tmp/sources.csv" &&
     grep -q -F "TUN,population,12200000,2025,\"'); DROP TABLE packages;--\"" "$tmp/sources.csv" &&
     grep -q -F 'EGY,median_age,24.5,2024,@SUM(1)' "$tmp/sources.csv"; then
    ok "formula and SQL text in sources are stored and exported as text"
  else
    not_ok "formula and SQL text in sources are stored and exported as text" \
      "$(grep -e '^MAR,population' -e '^TUN,population' -e '^EGY,median_age' "$tmp/sources.csv")"
  fi
  accepted "the document still lists after SQL text in a source" list "$tmp/sources.mplan"
fi

echo "1..$n"
exit $failed
