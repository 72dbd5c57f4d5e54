#!/bin/sh
# check-metainfo.sh
#
# Copyright 2026 The Mobility Planner authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# appstreamcli validate --pedantic, failing on any error, warning, info or
# pedantic hint but two that Debian 12's AppStream (0.16) gives and AppStream
# 1.0, which stores use, does not:
#   cid-contains-uppercase-letter  the application ID, used everywhere since
#                                  the first release (1.0 accepts it);
#   unknown-tag developer          <developer id="…">, which 1.0 requires in
#                                  place of the deprecated <developer_name>.
#
# Usage: check-metainfo.sh METAINFO_FILE
set -u
out=$(appstreamcli validate --pedantic --no-net "$1" 2>&1)
status=$?
echo "$out" | sed 's/^/# /'
echo "1..2"
if [ $status -eq 0 ]; then echo "ok 1 - validates"; else echo "not ok 1 - does not validate"; fi
other=$(echo "$out" | grep -E '^[EWIP]: ' |
        grep -v -e ' cid-contains-uppercase-letter' -e ' unknown-tag developer$')
if [ -z "$other" ]; then
  echo "ok 2 - no issue but the two known to AppStream 0.16 only"
else
  echo "not ok 2 - issues: $other"
  status=1
fi
exit $status
