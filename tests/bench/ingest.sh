#!/bin/sh
# ingest against what people do today with a Yandex Forms export saved from
# Excel (Windows-1251, ';', CRLF; tests/bench/gen_export.py), same file for all:
#   anketa  ingest -c share/examples/demo-campaign.yaml -p yandex-forms
#           --rejects REJ -o OUT EXPORT        (decode, map, check, canonical CSV)
#   mlr     iconv -f cp1251 -t utf-8 | mlr --icsv --ifs ';' --ocsv cat
#   duckdb  iconv to a UTF-8 file, then node + npm @duckdb/node-api:
#           COPY (SELECT * FROM read_csv(IN, delim=';', header=true)) TO OUT
#   libcsv  tests/bench/csv_parse.c: libcsv counting fields and rows, nothing
#           decoded or written (the bare-parse ceiling)
#   usage: tests/bench/ingest.sh [ROWS] [WORKDIR]    (default 1000000, /tmp/bench-ingest)
# It prints wall seconds, MB/s over the export's size (MB = 10^6 B), peak RSS
# and each peer's time as a multiple of ingest's (x2.0 = the peer takes twice
# as long). RUNS (default 3) timed runs after one warm-up, the median
# reported; PEERS (default "mlr duckdb libcsv") the peers to run. DuckDB is
# looked for in $DUCKDB_DIR (default WORKDIR/duck).
# A missing peer is installed (DuckDB with npm, Miller with apt-get as
# root), else named and skipped; a missing ingest is named and
# skipped (without ingest there are no ratios). Needs python3 to generate the
# data once (WORKDIR/export_ROWS.csv, reused), /usr/bin/time for RSS, cc and
# libcsv for the ceiling, and INGEST (default: build/cmd/ingest of this tree).
set -u
here=$(cd "$(dirname "$0")" && pwd)
rows=${1:-1000000}
work=${2:-/tmp/bench-ingest}
INGEST=${INGEST:-$here/../../build/cmd/ingest}
CAMPAIGN=${CAMPAIGN:-$here/../../share/examples/demo-campaign.yaml}
DUCKDB_DIR=${DUCKDB_DIR:-$work/duck}
RUNS=${RUNS:-3}
PEERS=${PEERS:-mlr duckdb libcsv}
mkdir -p "$work" || exit 1
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (apt-get install time)"; exit 1; }
data=$work/export_$rows.csv
if [ ! -s "$data" ]; then
  echo "generating a $rows-row export into $data ..."
  python3 "$here/gen_export.py" "$rows" "$data.tmp" && mv "$data.tmp" "$data" || exit 1
fi
. "$here/measure.sh"
have_ingest=0; have_mlr=0; have_duck=0; have_csv=0
wants() { case " $PEERS " in *" $1 "*) return 0 ;; esac; return 1; }
if [ -x "$INGEST" ]; then
  have_ingest=1
else
  echo "missing: ingest at $INGEST (not built; set INGEST=): anketa skipped, no ratios"
fi
if wants mlr; then
  if ! command -v iconv >/dev/null; then echo "missing: iconv (libc-bin)"
  elif need_apt mlr miller; then have_mlr=1
  else echo "missing: Miller (apt-get install miller)"; fi
fi
if ! wants duckdb; then :
elif command -v iconv >/dev/null && need_duckdb "$DUCKDB_DIR"; then
  cp "$here/ingest_duckdb.mjs" "$DUCKDB_DIR/" && have_duck=1
else
  echo "missing: DuckDB (mkdir -p $DUCKDB_DIR && cd $DUCKDB_DIR && npm init -y && npm install @duckdb/node-api)"
fi
if wants libcsv; then
  if cc -O2 -o "$work/csv_parse" "$here/csv_parse.c" -lcsv 2>"$work/cc.err"; then have_csv=1
  else echo "missing: libcsv or cc (apt-get install libcsv-dev): $(head -1 "$work/cc.err")"; fi
fi

size=$(wc -c < "$data")
base=
report() {
  awk -v n="$1" -v t="$2" -v r="$3" -v b="$base" -v s="$size" 'BEGIN {
    x = (b == "") ? "-" : (b > 0 ? sprintf("x%.1f", t / b) : "x?")
    printf "%-34s %8.2f s %8.1f MB/s %7d MiB   %s\n", n, t, (t > 0 ? s / t / 1e6 : 0), r, x }'
}

echo "data: $rows rows, $size bytes ($(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }') MB); $(nproc) cores; median of $RUNS"
echo
if [ $have_ingest = 1 ]; then
  if measure ingest "$INGEST" -c "$CAMPAIGN" -p yandex-forms --rejects "$work/rej.csv" \
       -o "$work/out.ingest.csv" "$data"; then
    base=$wall; report "anketa ingest" "$wall" "$rss"
    summary=$(grep '^ingest: read' "$work/err" | tail -1)
    echo "    ${summary:-(no 'ingest: read ...' line on stderr)}"
  fi
fi
if [ $have_mlr = 1 ]; then
  measure mlr sh -c "iconv -f cp1251 -t utf-8 '$data' | mlr --icsv --ifs ';' --ocsv cat > '$work/out.mlr.csv'" &&
    report "iconv | Miller cat" "$wall" "$rss"
fi
if [ $have_duck = 1 ]; then
  measure duckdb sh -c "iconv -f cp1251 -t utf-8 '$data' -o '$work/in.utf8.csv' &&
      cd '$DUCKDB_DIR' && node ingest_duckdb.mjs '$work/in.utf8.csv' '$work/out.duck.csv'" &&
    report "iconv + DuckDB COPY (node)" "$wall" "$rss"
  rm -f "$work/in.utf8.csv"
fi
if [ $have_csv = 1 ]; then
  measure libcsv "$work/csv_parse" "$data" ';' && {
    report "libcsv parse only (ceiling)" "$wall" "$rss"
    echo "    $(cat "$work/out")"
  }
fi
# Same records out: data rows written by each (the export has no line breaks
# inside fields, so lines are records).
echo
printf 'records: export %s' "$rows"
[ $have_ingest = 1 ] && [ -s "$work/out.ingest.csv" ] &&
  printf ', ingest %s' "$(($(wc -l < "$work/out.ingest.csv") - 1))"
[ $have_mlr = 1 ] && [ -s "$work/out.mlr.csv" ] && printf ', Miller %s' "$(($(wc -l < "$work/out.mlr.csv") - 1))"
[ $have_duck = 1 ] && [ -s "$work/out.duck.csv" ] && printf ', DuckDB %s' "$(($(wc -l < "$work/out.duck.csv") - 1))"
echo
