#!/bin/sh
# Both binaries answer --version and --help.  Usage: check-version.sh GUI CLI VERSION
set -u
gui=$1; cli=$2; version=$3
n=0; failed=0
check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}
echo "1..4"
check "mobility-planner --version" '"$gui" --version 2>/dev/null | grep -qx "mobility-planner $version"'
check "mobility-planner --help" '"$gui" --help 2>/dev/null | grep -q -- "--version"'
check "mobility-planner-cli --version" '"$cli" --version | grep -qx "mobility-planner-cli $version"'
check "mobility-planner-cli --help" '"$cli" --help | grep -q "Usage"'
exit $failed
