# bash completion for mobility-planner-cli
#
# Copyright 2026 The Mobility Planner authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Self-contained (no bash-completion helpers needed): commands, their options,
# and file names filtered by what each argument takes.  The lists follow the
# option tables of app/mp-cli*.c; the man-pages test checks them against
# mobility-planner-cli --help.

_mobility_planner_cli ()
{
  local cur prev cmd opts files i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=
  [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()

  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "partners import-indicators export-indicators evaluate
                             export-brief compare new import export-json list edit
                             --help --version" -- "$cur"))
    return 0
  fi

  cmd=${COMP_WORDS[1]}
  case $cmd in
    partners)          opts="--json"; files= ;;
    import-indicators) opts="-n --dry-run"; files="mplan csv" ;;
    export-indicators) opts="-o --output="; files="mplan" ;;
    evaluate)          opts="-p --package= -n --draws= -s --seed= --json"; files="mplan json" ;;
    export-brief|compare)
                       opts="-p --package= -o --output= -l --lang= -a --author= -d --date= --draws="
                       files="mplan json" ;;
    new)               opts="--demo"; files="mplan" ;;
    import)            opts=""; files="mplan json" ;;
    edit)              opts="-p --package= -s --scheme="; files="mplan" ;;
    export-json)       opts="-p --package= -o --output= --embed-reference"; files="mplan" ;;
    list)              opts="--json"; files="mplan" ;;
    *)                 return 0 ;;
  esac
  opts="$opts -h --help"

  # The value of an option given as "--lang=VALUE" or "-l VALUE".
  case $cur in
    --lang=*)
      COMPREPLY=($(compgen -W "en nl" -- "${cur#--lang=}"))
      return 0 ;;
    --output=*)
      COMPREPLY=($(compgen -f -- "${cur#--output=}"))
      return 0 ;;
    --*=*)
      return 0 ;;
  esac
  case $prev in
    -l|--lang)
      COMPREPLY=($(compgen -W "en nl" -- "$cur"))
      return 0 ;;
    -o|--output)
      COMPREPLY=($(compgen -f -- "$cur"))
      return 0 ;;
    -p|--package|-n|--draws|-s|--seed|-a|--author|-d|--date)
      # import-indicators' -n is --dry-run, which takes no value.
      [ "$cmd" != import-indicators ] && return 0 ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    # No space after "--option=": its value follows.
    if [ ${#COMPREPLY[@]} -eq 1 ] && [[ ${COMPREPLY[0]} == *= ]]; then
      compopt -o nospace 2>/dev/null || true
    fi
    return 0
  fi

  if [ -n "$files" ]; then
    compopt -o filenames 2>/dev/null || true
    COMPREPLY=($(compgen -d -- "$cur"))
    for i in $files; do
      COMPREPLY+=($(compgen -f -X "!*.$i" -- "$cur"))
    done
  fi
  return 0
}

complete -F _mobility_planner_cli mobility-planner-cli
