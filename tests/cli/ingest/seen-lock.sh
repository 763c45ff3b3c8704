# Two runs on one seen file at once: the second waits for the first's lock
# on seen.lock (and says so), so each id is accepted once in total; with
# --no-wait it fails at once, naming the file. Run A reads a FIFO, so it
# holds the lock for as long as the case wants, no timing guess.
C=$EXAMPLES/demo-campaign.yaml
awk 'BEGIN { print "response_id,submitted_at,q.overall"
             for (i = 1; i <= 1000; i++) printf "yf:%d,2024-03-01 10:00,%d\n", i, i % 5 + 1 }' > a.csv
awk 'BEGIN { print "response_id,submitted_at,q.overall"
             for (i = 501; i <= 1500; i++) printf "yf:%d,2024-03-01 10:00,%d\n", i, i % 5 + 1 }' > b.csv
# Waits (up to 10 s) until the command in $1 succeeds.
until_true() { n=0; while ! eval "$1"; do n=$((n + 1)); [ $n -gt 200 ] && return 1; sleep 0.05; done; }
mkfifo pipe
ingest -c "$C" -p canonical --seen seen -o out-a.csv pipe 2>err-a &
a=$!
until_true '! flock -n seen.lock true' || echo "run A never took the lock"
ingest -c "$C" -p canonical --seen seen -o out-b.csv b.csv 2>err-b &
b=$!
until_true 'grep -q waiting err-b' || echo "run B did not wait"
cat err-b
echo "-- --no-wait while A runs"
ingest -c "$C" -p canonical --seen seen --no-wait -o out-c.csv b.csv 2>err-c; echo "exit $?"
cat err-c
test -e out-c.csv || echo "no output"
cat a.csv > pipe
wait $a; echo "A: exit $?"; grep -v waiting err-a   # the probe above may have held the lock an instant
wait $b; echo "B: exit $?"; sed 1d err-b
echo "rows: $(sed 1d out-a.csv | wc -l) + $(sed 1d out-b.csv | wc -l)"
echo "distinct ids: $(sed 1d out-a.csv > all; sed 1d out-b.csv >> all; cut -d, -f1 all | sort -u | wc -l)"
echo "--no-wait without --seen"
ingest -c "$C" -p canonical --no-wait a.csv > /dev/null 2>err; echo "exit $?"; head -1 err
