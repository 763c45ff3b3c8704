#!/bin/sh
# Every command: --help on stdout with exit 0 and a quiet stderr; every long
# option that --help names appears in the command's man page; the usage lines
# of --help and the man page's SYNOPSIS name the same options; mandoc -T lint
# finds nothing to say about any man page.
set -u
src=$ANKETA_SOURCE
fail=0
for c in "$src"/cmd/*.c; do
  name=$(basename "$c" .c)
  case $name in cli*) continue ;; esac
  bin="$ANKETA_BIN/$name"
  [ -x "$bin" ] || { echo "$name: not built"; fail=1; continue; }
  out=$("$bin" --help 2>/tmp/anketa-help-err.$$); st=$?
  [ $st = 0 ] || { echo "$name --help: exit $st"; fail=1; }
  [ -s /tmp/anketa-help-err.$$ ] && { echo "$name --help wrote to stderr"; fail=1; }
  rm -f /tmp/anketa-help-err.$$
  page="$src/man/$name.1"
  [ -f "$page" ] || { echo "$name: no man page man/$name.1"; fail=1; continue; }
  for opt in $(printf '%s\n' "$out" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
    # mdoc writes a long option as "Fl -name" or "Fl x , -name".
    grep -qE "(Fl|,) -${opt#--}( |$)" "$page" || { echo "$name: $opt missing from man/$name.1"; fail=1; }
  done
  # The usage lines of --help and the man page's SYNOPSIS name the same options.
  usage=$(printf '%s\n' "$out" | sed -n '1,/^$/p' | grep -oE '(^|[[ |])--?[a-zA-Z][a-z0-9-]*' |
          sed 's/^[[ |]*//' | sort -u)
  synopsis=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$page" | grep -oE 'Fl -?[a-zA-Z][a-z0-9-]*' |
             sed 's/^Fl /-/' | sort -u)
  for opt in $(printf '%s\n' "$usage" "$synopsis" | sort -u); do
    printf '%s\n' "$usage" | grep -qx -- "$opt" || { echo "$name: $opt in the SYNOPSIS of man/$name.1, not in --help's usage"; fail=1; }
    printf '%s\n' "$synopsis" | grep -qx -- "$opt" || { echo "$name: $opt in --help's usage, not in the SYNOPSIS of man/$name.1"; fail=1; }
  done
  "$bin" --version >/dev/null 2>&1 || { echo "$name --version failed"; fail=1; }
done
if command -v mandoc >/dev/null 2>&1; then
  for page in "$src"/man/*.[157]; do
    lint=$(mandoc -T lint -W warning "$page" 2>&1)
    [ -n "$lint" ] && { echo "$lint"; fail=1; }
  done
fi
[ $fail = 0 ] && echo "docs: all commands checked"
exit $fail
