#!/bin/sh
# tally against the tools people use today, on the same canonical responses:
# count, mean and share of 4-5 of q.overall grouped by 2 keys
# (authority,direction) and 4 keys (authority,direction,item,point).
#   usage: tests/bench/tally.sh [ROWS] [WORKDIR]      (default 1000000, /tmp/bench-tally)
# Peers: DuckDB (node + npm @duckdb/node-api in $DUCKDB_DIR, default
# WORKDIR/duck), Miller (mlr), sqlite3 (.import, then the query). It prints
# wall seconds, peak RSS and each peer's time as a multiple of tally's.
# RUNS (default 3) timed runs after one warm-up, the median reported; PEERS
# (default "duckdb mlr sqlite") the peers to run. Miller keeps every group in
# memory as maps (5 GB for 1M rows by 4 keys), so it is left out of 4-key
# runs above 2M rows.
# A missing peer is installed (DuckDB with npm; Miller and sqlite3 with
# apt-get, as root), else named and skipped. Needs python3 to
# generate the data (tests/bench/gen_responses.py), /usr/bin/time for RSS,
# and TALLY (default: build/cmd/tally of this tree).
set -u
here=$(cd "$(dirname "$0")" && pwd)
rows=${1:-1000000}
work=${2:-/tmp/bench-tally}
TALLY=${TALLY:-$here/../../build/cmd/tally}
DUCKDB_DIR=${DUCKDB_DIR:-$work/duck}
RUNS=${RUNS:-3}
PEERS=${PEERS:-duckdb mlr sqlite}
mkdir -p "$work" || exit 1
[ -x "$TALLY" ] || { echo "tally not built at $TALLY (set TALLY=)"; exit 1; }
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (apt-get install time)"; exit 1; }
data=$work/responses_$rows.csv
if [ ! -s "$data" ]; then
  echo "generating $rows responses into $data ..."
  python3 "$here/gen_responses.py" "$rows" "$data" || exit 1
fi
. "$here/measure.sh"
have_duck=0; have_mlr=0; have_sqlite=0
wants() { case " $PEERS " in *" $1 "*) return 0 ;; esac; return 1; }
if ! wants duckdb; then :
elif need_duckdb "$DUCKDB_DIR"; then
  cp "$here/tally_duckdb.mjs" "$DUCKDB_DIR/" && have_duck=1
else
  echo "missing: DuckDB (mkdir -p $DUCKDB_DIR && cd $DUCKDB_DIR && npm init -y && npm install @duckdb/node-api)"
fi
if wants mlr; then
  need_apt mlr miller && have_mlr=1 || echo "missing: Miller (apt-get install miller)"
fi
if wants sqlite; then
  need_apt sqlite3 sqlite3 && have_sqlite=1 || echo "missing: sqlite3 (apt-get install sqlite3)"
fi

report() {
  ratio=$(awk -v a="$2" -v b="$base" 'BEGIN { printf "%.1f", a / b }')
  printf '%-34s %8s s %8s MiB   x%s\n' "$1" "$2" "$3" "$ratio"
}

size=$(wc -c < "$data")
echo "data: $rows responses, $size bytes; $(nproc) cores"
for k in 2 4; do
  if [ $k = 2 ]; then keys=authority,direction; else keys=authority,direction,item,point; fi
  echo
  echo "== group by $keys"
  measure tally "$TALLY" -g $keys --questions q.overall -o "$work/out.tally.csv" "$data" || continue
  base=$wall; report "tally (2 threads)" "$wall" "$rss"
  measure tally1 "$TALLY" --threads 1 -g $keys --questions q.overall -o "$work/out.tally1.csv" "$data" &&
    report "tally --threads 1" "$wall" "$rss"
  if [ $have_duck = 1 ]; then
    measure duckdb sh -c "cd '$DUCKDB_DIR' && node tally_duckdb.mjs '$data' '$work/out.duck.csv' $keys" &&
      report "DuckDB (node, COPY TO)" "$wall" "$rss"
  fi
  if [ $have_mlr = 1 ] && { [ $k = 2 ] || [ "$rows" -le 2000000 ]; }; then
    measure mlr sh -c "mlr --icsv --ocsv filter 'is_not_empty(\${q.overall})' then put '\$hi = \${q.overall} >= 4 ? 1 : 0' then stats1 -a count,mean -f q.overall,hi -g $keys '$data' > '$work/out.mlr.csv'" &&
      report "Miller stats1" "$wall" "$rss"
  fi
  if [ $have_sqlite = 1 ]; then
    [ $k = 2 ] && { measure sqlite-import sh -c "rm -f '$work/r.db'; sqlite3 '$work/r.db' '.import --csv $data r'" &&
      report "sqlite3 .import (once)" "$wall" "$rss"; import=$wall; }
    [ -s "$work/r.db" ] && measure sqlite sqlite3 "$work/r.db" "SELECT $keys, count(*), avg(\"q.overall\"), avg(\"q.overall\" >= 4)
      FROM r WHERE \"q.overall\" <> '' GROUP BY $keys" &&
      report "sqlite3 query (after import)" "$wall" "$rss"
  fi
done
# Same groups found: tally's 2-key rows against DuckDB's.
if [ $have_duck = 1 ]; then
  echo
  echo "groups (4 keys): tally $(($(wc -l < "$work/out.tally.csv") - 1))," \
       "DuckDB $(($(wc -l < "$work/out.duck.csv") - 1)) (DuckDB counts rows, tally weights)"
fi
