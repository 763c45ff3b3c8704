# A run killed half way (SIGKILL: no chance to clean up) leaves the previous
# -o output and seen file byte for byte. The input is a FIFO that has had
# 1 MB of records and is still open, so the run is surely in the middle of
# reading when it is killed (no big file to make, no timing guess).
C=$EXAMPLES/demo-campaign.yaml
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\nyf:2,2024-03-01 11:00,4\n' > first.csv
ingest -q -c "$C" -p canonical --seen seen -o out.csv first.csv 2>/dev/null || exit 1
cp out.csv out.keep; cp seen seen.keep
mkfifo pipe
ingest -q -c "$C" -p canonical --seen seen -o out.csv pipe 2>err &
ingest_pid=$!
sleep 30 > pipe &                        # holds the FIFO open: no end of file
holder_pid=$!
trap 'kill $holder_pid 2>/dev/null' EXIT
awk 'BEGIN { print "response_id,submitted_at,q.overall,comment"
             for (i = 10; i < 20000; i++) printf "yf:%d,2024-03-01 10:00,%d,padding padding padding\n", i, i % 5 + 1 }' > pipe
sleep 0.2
if kill -KILL $ingest_pid 2>/dev/null; then echo "killed while running"; else echo "ingest had already ended"; fi
wait $ingest_pid
echo "exit $?"
cmp out.csv out.keep && echo "output unchanged"
cmp seen seen.keep && echo "seen unchanged"
# Nothing else is there: the temporaries have no name (O_TMPFILE) until the commit.
others() {
  ls | grep -v -x -e first.csv -e out.csv -e out.keep -e seen -e seen.keep -e pipe -e err \
     -e next.csv | sed 's/[.][^.]*[.][0-9][0-9]*[.][a-z0-9]*$/.HOST.PID.RANDOM/'
}
echo "left: $(others)"
# And the next run over the same files works.
printf 'response_id,submitted_at,q.overall\nyf:2,2024-03-01 11:00,4\nyf:3,2024-03-01 12:00,3\n' > next.csv
ingest -q -c "$C" -p canonical --seen seen -o out.csv next.csv 2>&1 | grep '^ingest: read'

# Where the file system has no O_TMPFILE (forced by a test hook), the named
# temporaries a kill leaves are removed by the next run, once their process is gone.
cp out.csv out.keep
ANKETA_NO_TMPFILE=1 ingest -q -c "$C" -p canonical --seen seen -o out.csv pipe 2>err &
ingest_pid=$!
sleep 30 > pipe &
holder_pid=$!
awk 'BEGIN { print "response_id,submitted_at,q.overall"
             for (i = 10; i < 20000; i++) printf "yf:%d,2024-03-01 10:00,%d\n", i, i % 5 + 1 }' > pipe
sleep 0.2
kill -KILL $ingest_pid 2>/dev/null
wait $ingest_pid
cmp out.csv out.keep && echo "output unchanged"
echo "left after the kill: $(others | tr '\n' ' ')"
ANKETA_NO_TMPFILE=1 ingest -q -c "$C" -p canonical --seen seen -o out.csv next.csv 2>&1 | grep '^ingest: read'
echo "left after the next run: $(others)"
