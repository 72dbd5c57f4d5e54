#!/bin/sh
# check-install.sh
#
# Copyright 2026 The Mobility Planner authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary destination (meson install --destdir)
# and runs what was installed from there, as a packager would find it: the
# CLI (--version, a demo document created and listed, its Dutch catalogue),
# the GUI window mapped under Xvfb with the installed schema and translation,
# the GUI started by D-Bus activation through the installed service file, the
# man pages rendered by man -l, the completion scripts, the desktop file, the
# MIME type with its Dutch comment and icon, and the metainfo.
#
# Usage: check-install.sh BUILD_ROOT VERSION PREFIX BINDIR DATADIR MANDIR LOCALEDIR
# (the directories as meson's options give them, relative ones under PREFIX).
# The GUI checks need DISPLAY (meson test under xvfb-run); they are skipped
# without one.
set -u
build=$1; version=$2; prefix=$3
under () { case $1 in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
bindir=$(under "$4"); datadir=$(under "$5"); mandir=$(under "$6"); localedir=$(under "$7")
app_id=org.mobilityplanner.MobilityPlanner

tmp=$(mktemp -d) || exit 1
gui_pid=
trap '[ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
       XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

dest=$tmp/dest
D_bin=$dest$bindir; D_data=$dest$datadir; D_man=$dest$mandir; D_locale=$dest$localedir
cli=$D_bin/mobility-planner-cli
gui=$D_bin/mobility-planner

n=0; failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; [ -f "$tmp/out" ] && sed 's/^/# /' "$tmp/out"; }
# check DESCRIPTION COMMAND...: runs COMMAND with its output in $tmp/out.
check () {
  what=$1; shift
  if "$@" >"$tmp/out" 2>&1; then ok "$what"; else not_ok "$what"; fi
}
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }
has () { command -v "$1" >/dev/null 2>&1; }

# ---- install ----
if ! meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tmp/out" 2>&1; then
  not_ok "meson install --destdir"
  echo "1..$n"
  exit 1
fi
ok "meson install --destdir"

# ---- the CLI ----
check "installed CLI --version" sh -c '"$1" --version | grep -qx "mobility-planner-cli $2"' sh "$cli" "$version"
check "installed CLI creates the demo document" "$cli" new --demo "$tmp/demo.mplan"
check "installed CLI lists it" sh -c '"$1" list "$2" | grep -q "GECCO-like circular agriculture"' sh "$cli" "$tmp/demo.mplan"
check "installed CLI speaks Dutch from the installed catalogue" \
  sh -c 'MP_LOCALEDIR="$1" LANGUAGE=nl LC_ALL=C.UTF-8 "$2" --help | grep -q "^Gebruik: mobility-planner-cli"' sh "$D_locale" "$cli"

# ---- the GUI, with the installed schema and Dutch catalogue ----
check "installed GUI --version" sh -c '"$1" --version | grep -qx "mobility-planner $2"' sh "$gui" "$version"
check "installed GUI speaks Dutch from the installed catalogue" \
  sh -c 'MP_LOCALEDIR="$1" LANGUAGE=nl LC_ALL=C.UTF-8 "$2" --help | grep -q "Plan en vergelijk"' sh "$D_locale" "$gui"
check "installed schema compiles" glib-compile-schemas --strict "$D_data/glib-2.0/schemas"

gui_env () {
  env GSETTINGS_SCHEMA_DIR="$D_data/glib-2.0/schemas" GSETTINGS_BACKEND=memory \
      MP_LOCALEDIR="$D_locale" LANGUAGE=nl LC_ALL=C.UTF-8 MP_REPORT_STARTUP=1 "$@"
}

if [ -n "${DISPLAY:-}" ]; then
  # The window prints "startup: first frame painted" once it is mapped and drawn.
  gui_env "$gui" "$tmp/demo.mplan" >"$tmp/gui.out" 2>&1 &
  gui_pid=$!
  i=0
  while [ $i -lt 600 ] && ! grep -q '^startup: first frame painted' "$tmp/gui.out" && kill -0 "$gui_pid" 2>/dev/null; do
    sleep 0.1
    i=$((i + 1))
  done
  cp "$tmp/gui.out" "$tmp/out"
  if grep -q '^startup: first frame painted' "$tmp/gui.out"; then
    ok "installed GUI maps its window on the demo document"
  else
    not_ok "installed GUI maps its window on the demo document"
  fi
  kill "$gui_pid" 2>/dev/null
  wait "$gui_pid" 2>/dev/null
  gui_pid=

  # D-Bus activation: the installed service file, its Exec pointed into the
  # destination, on a bus of its own; Activate makes the window.
  service=$D_data/dbus-1/services/$app_id.service
  check "D-Bus service file names the installed binary" \
    grep -qx "Exec=$bindir/mobility-planner --gapplication-service" "$service"
  mkdir -p "$tmp/bus/dbus-1/services"
  sed "s|^Exec=$bindir/|Exec=$D_bin/|" "$service" >"$tmp/bus/dbus-1/services/$app_id.service"
  path=/org/mobilityplanner/MobilityPlanner
  check "started by D-Bus activation, it opens a window" \
    gui_env XDG_DATA_DIRS="$tmp/bus:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
      timeout 60 dbus-run-session -- sh -c '
        gdbus call --session --timeout 50 --dest "$1" --object-path "$2" \
          --method org.freedesktop.Application.Activate "{}" &&
        gdbus call --session --dest "$1" --object-path "$2/window/1" --method org.gtk.Actions.List &&
        gdbus call --session --dest "$1" --object-path "$2" \
          --method org.gtk.Actions.Activate quit "[]" "{}"' sh "$app_id" "$path"
else
  skip "installed GUI maps its window (no DISPLAY)"
  skip "D-Bus activation (no DISPLAY)"
fi

# ---- man pages, completion ----
for page in mobility-planner mobility-planner-cli; do
  if has scdoc; then
    check "man -l renders $page(1)" \
      sh -c 'LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$1" 2>&1 | grep -q "^NAME"' sh "$D_man/man1/$page.1"
  else
    skip "man page $page(1) (no scdoc: not built)"
  fi
done
bash_completion=$(find "$dest" -path '*/bash-completion/completions/mobility-planner-cli')
if has bash; then
  check "bash sources the completion and completes a command" bash -c '
    set -e
    . "$1"
    complete -p mobility-planner-cli >/dev/null
    COMP_WORDS=(mobility-planner-cli export-b); COMP_CWORD=1
    _mobility_planner_cli
    [ "${COMPREPLY[*]}" = export-brief ]
    COMP_WORDS=(mobility-planner-cli export-brief --la); COMP_CWORD=2
    _mobility_planner_cli
    [ "${COMPREPLY[*]}" = --lang= ]' sh "${bash_completion:-/nonexistent}"
else
  skip "bash completion (no bash)"
fi
zsh_completion=$D_data/zsh/site-functions/_mobility-planner-cli
if has zsh; then
  check "zsh parses the completion" zsh -n "$zsh_completion"
else
  check "zsh completion installed" test -s "$zsh_completion"
fi

# ---- desktop file, MIME type, metainfo ----
desktop=$D_data/applications/$app_id.desktop
check "desktop file is D-Bus activatable" grep -qx "DBusActivatable=true" "$desktop"
if has desktop-file-validate; then
  check "installed desktop file validates" desktop-file-validate "$desktop"
fi
check "MIME type installed under the application ID" test -s "$D_data/mime/packages/$app_id.xml"
check "MIME type icon installed" \
  test -s "$D_data/icons/hicolor/scalable/mimetypes/$app_id-application-x-mobility-planner.svg"
if has update-mime-database; then
  check "MIME database: Dutch comment and own icon" sh -c '
    update-mime-database "$1" &&
    grep -q "<comment xml:lang=\"nl\">Mobility Planner-document</comment>" "$1/application/x-mobility-planner.xml" &&
    grep -q "^application/x-mobility-planner:$2-application-x-mobility-planner$" "$1/icons"' \
    sh "$D_data/mime" "$app_id"
fi
if has appstreamcli; then
  check "installed metainfo validates" \
    appstreamcli validate --pedantic --no-net "$D_data/metainfo/$app_id.metainfo.xml"
fi

echo "1..$n"
exit $failed
