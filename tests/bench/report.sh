#!/bin/sh
# report beside tally: the report of a campaign is made from the tally of all
# its responses, and its time should be small beside tally's.
#   usage: tests/bench/report.sh [ROWS] [WORKDIR]     (default 1000000, /tmp/bench-report)
# The responses come once, in one of two ways (DATA):
#   campaign (default): the real pipeline: tests/bench/gen_export.py makes a
#     Yandex Forms export of the demo campaign, ingest turns it into canonical
#     responses (WORKDIR/campaign_responses_ROWS.csv), so the tally has the
#     campaign's groups (34 items, the months of the period);
#   synthetic: tests/bench/gen_responses.py (WORKDIR/responses_ROWS.csv, the
#     same name tally.sh uses): 2000 made-up items over 12 months, about one
#     group per response at 1M rows: the worst case for report, whose input
#     is then as large as the responses (1M: 5.3M tally rows, 331 MB).
# Then it times
#   tally -c share/examples/demo-campaign.yaml -g authority,direction,item,month --totals
# and report -c CAMPAIGN -f FMT on that tally output for each of FORMATS
# (default "pdf html xlsx"). It prints wall seconds, peak RSS, output sizes
# and each report's time as a fraction of tally's (report / tally).
# RUNS (default 3) timed runs after one warm-up, the median reported.
# It installs nothing. Needs python3, /usr/bin/time, and TALLY and REPORT
# (default: build/cmd/tally and build/cmd/report of this tree).
set -u
here=$(cd "$(dirname "$0")" && pwd)
rows=${1:-1000000}
work=${2:-/tmp/bench-report}
TALLY=${TALLY:-$here/../../build/cmd/tally}
REPORT=${REPORT:-$here/../../build/cmd/report}
CAMPAIGN=${CAMPAIGN:-$here/../../share/examples/demo-campaign.yaml}
RUNS=${RUNS:-3}
FORMATS=${FORMATS:-pdf html xlsx}
KEYS=authority,direction,item,month
mkdir -p "$work" || exit 1
[ -x "$TALLY" ] || { echo "tally not built at $TALLY (set TALLY=)"; exit 1; }
[ -x "$REPORT" ] || { echo "report not built at $REPORT (set REPORT=)"; exit 1; }
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (apt-get install time)"; exit 1; }
DATA=${DATA:-campaign}
INGEST=${INGEST:-$here/../../build/cmd/ingest}
if [ "$DATA" = synthetic ]; then
  data=$work/responses_$rows.csv
  if [ ! -s "$data" ]; then
    echo "generating $rows responses into $data ..."
    python3 "$here/gen_responses.py" "$rows" "$data.tmp" && mv "$data.tmp" "$data" || exit 1
  fi
else
  [ -x "$INGEST" ] || { echo "ingest not built at $INGEST (set INGEST=, or DATA=synthetic)"; exit 1; }
  data=$work/campaign_responses_$rows.csv
  if [ ! -s "$data" ]; then
    export=$work/export_$rows.csv
    [ -s "$export" ] || { echo "generating a $rows-row export into $export ..."
      python3 "$here/gen_export.py" "$rows" "$export.tmp" && mv "$export.tmp" "$export"; } || exit 1
    "$INGEST" -q -c "$CAMPAIGN" -p yandex-forms -o "$data" "$export" || exit 1
  fi
fi

. "$here/measure.sh"
mb() { awk -v s="$1" 'BEGIN { if (s < 1e6) printf "%.1f kB", s / 1e3; else printf "%.1f MB", s / 1e6 }'; }

size=$(wc -c < "$data")
echo "data: $rows responses, $size bytes; $(nproc) cores; median of $RUNS"
echo
measure tally "$TALLY" -c "$CAMPAIGN" -g $KEYS --totals -o "$work/tally.csv" "$data" || exit 1
base=$wall
echo "tally -g $KEYS --totals; report -f FMT on its output"
printf '%-16s %8.2f s %7d MiB   %s, %d rows\n' "tally" "$wall" "$rss" \
  "$(mb "$(wc -c < "$work/tally.csv")")" "$(($(wc -l < "$work/tally.csv") - 1))"
if [ -s "$work/err" ]; then echo "    tally warned: $(head -1 "$work/err")"; fi
for f in $FORMATS; do
  out=$work/report.$f
  measure "report $f" "$REPORT" -c "$CAMPAIGN" -f "$f" -o "$out" "$work/tally.csv" || continue
  extra=
  [ "$f" = pdf ] && command -v pdfinfo >/dev/null &&
    extra=", $(pdfinfo "$out" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages"
  awk -v n="report -f $f" -v t="$wall" -v r="$rss" -v b="$base" -v o="$(mb "$(wc -c < "$out")")$extra" 'BEGIN {
    printf "%-16s %8.2f s %7d MiB   %s; report/tally %s\n", n, t, r, o, (b > 0 ? sprintf("%.3f", t / b) : "?") }'
  if [ -s "$work/err" ]; then echo "    report warned ($(wc -l < "$work/err") lines): $(head -1 "$work/err")"; fi
done
exit 0
