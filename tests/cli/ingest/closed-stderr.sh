# A closed standard error (2>&-) is not the next file opened: the messages
# of a run do not land in its output, its rejects or its seen file.
# valgrind itself cannot start with descriptor 2 closed: under
# ANKETA_VALGRIND this case runs the command alone.
ingest=ingest
[ "${ANKETA_VALGRIND:-0}" = 1 ] && ingest=$ANKETA_BIN/ingest
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\nyf:2,yesterday,4\n' > in.csv
$ingest -p canonical --tz +03:00 --rejects rej.csv --seen seen -o out.csv in.csv 2>&-
echo "exit $?"
cat out.csv
cat rej.csv
grep -c 'ingest:' out.csv rej.csv
# Closed standard output and input too: the run still ends well.
$ingest -p canonical --tz +03:00 -o out2.csv in.csv <&- >&- 2>&-
echo "exit $?"
cmp out.csv out2.csv && echo "same output"
# What descriptor 2 is while a run reads: /dev/null, not the first file opened.
mkfifo pipe
sleep 30 > pipe &                         # a writer that never writes: the run waits
holder=$!
$ingest -p canonical --tz +03:00 -o out3.csv pipe 2>&- &
pid=$!
for i in $(seq 100); do
  ls -l /proc/$pid/fd 2>/dev/null | grep -q 'pipe$' && break
  sleep 0.05
done
echo "descriptor 2: $(readlink /proc/$pid/fd/2)"
kill $pid $holder
