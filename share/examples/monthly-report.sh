#!/bin/sh
# The monthly report from cron: the exports dropped into a folder since the
# last run are ingested (each through the profile its name maps to, with the
# seen file, so an overlapping download counts nothing twice), the month is
# tallied and reported against the month before.
#
# Usage: monthly-report.sh [-q] [-m YYYY-MM] -c CAMPAIGN DIR
#   DIR/inbox/       exports to take (moved to DIR/state/done/ once ingested)
#   DIR/profiles     one "GLOB PROFILE" a line, first match wins, e.g.
#                      *yandex*.csv  yandex-forms
#                      *.xlsx        yandex-forms
#                      paper-*.csv   paper
#   DIR/state/       responses.csv, seen.bin, rejects/, done/ (kept between runs)
#   DIR/reports/     YYYY-MM.tally.csv (kept for next month's --compare),
#                    YYYY-MM.pdf and YYYY-MM.md
# -m: the month (default: the previous calendar month); -q: nothing on
# success. On failure: one line naming what failed and its log, exit 1.
#
# crontab: 0 6 1 * *  /usr/share/anketa/examples/monthly-report.sh -q -c /srv/c.yaml /srv/survey
set -u
quiet=""; month=""; campaign=""
while getopts "qm:c:" opt; do
  case $opt in
    q) quiet=-q ;;
    m) month=$OPTARG ;;
    c) campaign=$OPTARG ;;
    *) echo "usage: monthly-report.sh [-q] [-m YYYY-MM] -c CAMPAIGN DIR" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -n "$campaign" ] ||
  { echo "usage: monthly-report.sh [-q] [-m YYYY-MM] -c CAMPAIGN DIR" >&2; exit 2; }
dir=$1
[ -n "$month" ] || month=$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m)
case $month in [0-9][0-9][0-9][0-9]-[0-1][0-9]) ;; *) echo "monthly-report: -m $month is not YYYY-MM" >&2; exit 2 ;; esac
prev=$(date -d "$month-01 -1 day" +%Y-%m)
state=$dir/state reports=$dir/reports log=$dir/state/last-run.log
mkdir -p "$dir/inbox" "$state/done" "$state/rejects" "$reports" || exit 1
: > "$log"

fail() { echo "monthly-report: $1 (see $log)" >&2; exit 1; }
say() { [ -n "$quiet" ] || echo "$@"; }

profile_of() {
  while read -r glob profile; do
    case $glob in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2254
    case $1 in $glob) echo "$profile"; return 0 ;; esac
  done < "$dir/profiles"
  return 1
}

[ -f "$dir/profiles" ] || fail "no $dir/profiles mapping export names to profiles"
for f in "$dir/inbox"/*; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  p=$(profile_of "$name") || fail "no profile in $dir/profiles for $name"
  ingest -q -c "$campaign" -p "$p" --seen "$state/seen.bin" --rejects "$state/rejects/$name.csv" \
      -o "$state/new.csv" "$f" >> "$log" 2>&1 || fail "ingest of $name failed"
  if [ -s "$state/responses.csv" ]; then
    sed 1d "$state/new.csv" >> "$state/responses.csv" || fail "cannot add to responses.csv"
  else
    mv "$state/new.csv" "$state/responses.csv" || fail "cannot write responses.csv"
  fi
  rm -f "$state/new.csv"
  mv "$f" "$state/done/" || fail "cannot move $name to state/done"
  say "ingested $name ($p)"
done
[ -s "$state/responses.csv" ] || fail "no responses yet: nothing in $dir/inbox"

tally $quiet -c "$campaign" --period "$month" -g authority --totals \
    -o "$reports/$month.tally.csv" "$state/responses.csv" >> "$log" 2>&1 ||
  fail "tally of $month failed"
compare=""
[ -f "$reports/$prev.tally.csv" ] && compare="--compare $reports/$prev.tally.csv"
for fmt in pdf md; do
  # shellcheck disable=SC2086
  report $quiet -c "$campaign" $compare -o "$reports/$month.$fmt" "$reports/$month.tally.csv" \
      >> "$log" 2>&1 || fail "report of $month ($fmt) failed"
done
say "report of $month: $reports/$month.pdf${compare:+ (against $prev)}"
