#!/bin/sh
# Fails when a source file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
# Usage: check-potfiles.sh SOURCE_ROOT
set -eu
root=${1:-.}
cd "$root"
status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^[[:space:]]*$' || true)
for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "POTFILES.in lists a missing file: $f"
    status=1
  fi
done
found=$(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\(|translatable="yes"' app ui models data \
          --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' 2>/dev/null | sort || true)
for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "missing from po/POTFILES.in: $f"
    status=1
  fi
done
if [ $status -eq 0 ]; then
  echo "1..1"
  echo "ok 1 - every file with translatable strings is in POTFILES.in"
else
  echo "1..1"
  echo "not ok 1 - POTFILES.in is incomplete"
fi
exit $status
