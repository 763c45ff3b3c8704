#!/bin/sh
# Runs one command-line case, zstd-style: tests/cli/<cmd>/<case>.sh runs in a
# fresh scratch folder with the built commands first on PATH; beside it,
#   <case>.sh.exit          expected exit status (default 0)
#   <case>.sh.stdout.exact  expected standard output, byte for byte
#   <case>.sh.stderr.glob   a shell glob that standard error must match
# ANKETA_REGEN=1 rewrites the expectation files that exist from this run.
# ANKETA_VALGRIND=1 runs every command under valgrind (tests/valgrind.supp).
set -u
case_file=$1
case_dir=$(cd "$(dirname "$case_file")" && pwd)
case_name=$(basename "$case_file")
scratch=$(mktemp -d "${TMPDIR:-/tmp}/anketa-cli.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

PATH="$ANKETA_BIN:$PATH"
if [ "${ANKETA_VALGRIND:-0}" = 1 ]; then
  # Each command runs under valgrind through a wrapper of the same name.
  mkdir "$scratch/.vg"
  for bin in "$ANKETA_BIN"/*; do
    [ -f "$bin" ] && [ -x "$bin" ] || continue
    printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=%s "%s" "$@"\n' \
      "$ANKETA_SOURCE/tests/valgrind.supp" "$bin" >"$scratch/.vg/$(basename "$bin")"
    chmod +x "$scratch/.vg/$(basename "$bin")"
  done
  PATH="$scratch/.vg:$PATH"
fi
export PATH CASE_DIR="$case_dir" DATA="$ANKETA_SOURCE/tests/data" EXAMPLES="$ANKETA_SOURCE/share/examples"
cd "$scratch" || exit 1
sh "$case_dir/$case_name" >"$scratch/.stdout" 2>"$scratch/.stderr" </dev/null
status=$?

fail=0
want_exit=0
[ -f "$case_dir/$case_name.exit" ] && want_exit=$(cat "$case_dir/$case_name.exit")
if [ "$status" != "$want_exit" ]; then
  echo "exit status $status, expected $want_exit"; fail=1
fi
if [ -f "$case_dir/$case_name.stdout.exact" ]; then
  if [ "${ANKETA_REGEN:-0}" = 1 ]; then cp "$scratch/.stdout" "$case_dir/$case_name.stdout.exact"
  elif ! cmp -s "$scratch/.stdout" "$case_dir/$case_name.stdout.exact"; then
    echo "stdout differs:"; diff "$case_dir/$case_name.stdout.exact" "$scratch/.stdout" | head -40; fail=1
  fi
fi
if [ -f "$case_dir/$case_name.stderr.glob" ]; then
  pattern=$(cat "$case_dir/$case_name.stderr.glob")
  actual=$(cat "$scratch/.stderr")
  # shellcheck disable=SC2254
  case "$actual" in
    $pattern) ;;
    *) echo "stderr does not match:"; echo "  expected glob: $pattern"; echo "  actual: $actual"; fail=1 ;;
  esac
fi
if [ $fail = 1 ]; then
  echo "--- stderr ---"; head -40 "$scratch/.stderr"
fi
exit $fail
