# Usage errors exit 2 with a message and the hint; a missing input or
# campaign file is exit 1 naming it, with nothing written; --help exit 0.
unset ANKETA_ANON_KEY
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\n' > a.csv
try() {
  echo "== ingest $*"
  ingest "$@" > out 2>err
  echo "exit $?"
  cat err
}
try a.csv
try -p canonical --tz 9 a.csv
try -p canonical --tz +3:00 a.csv
try -p canonical --tz +14:30 a.csv
try -p canonical --delimiter : a.csv
try -p canonical --encoding latin1 a.csv
try -p canonical --max-rejects x a.csv
try -p canonical --frobnicate a.csv
try -p canonical --anonymous a.csv
try -p canonical --tz +09:00 missing.csv
try -p canonical --tz +09:00 -o result.csv a.csv missing.csv
test -e result.csv && echo "result.csv written" || echo "result.csv not written"
try -c no-campaign.yaml -p canonical a.csv
echo "== ingest --help"
ingest --help > out 2>err; echo "exit $?"; head -1 out; wc -c < err
