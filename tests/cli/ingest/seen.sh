# --seen across runs: the second run counts the ids of the first as
# duplicates and an id of the first with other answers is a reject; a
# failing run (-o into a missing folder, --max-rejects exceeded) leaves the
# seen file and the old output byte for byte; a rejected id is not
# remembered, so its corrected record is accepted later.
C=$EXAMPLES/demo-campaign.yaml
run() { ingest -c "$C" -p canonical --seen seen "$@" 2>err; echo "exit $?"; grep -v 'rejected:' err; }
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\nyf:2,2024-03-01 11:00,4\n' > r1.csv
printf 'response_id,submitted_at,q.overall\nyf:2,2024-03-01 11:00,4\nyf:3,2024-03-02 11:00,3\nyf:1,2024-03-01 10:00,2\n' > r2.csv
printf 'response_id,submitted_at,q.overall\nyf:4,2024-03-03 11:00,3\nyf:5,2024-03-03 11:00,9\n' > r3.csv
printf 'response_id,submitted_at,q.overall\nyf:5,2024-03-03 11:00,2\nyf:4,2024-03-03 11:00,3\n' > r4.csv
echo "-- run 1"; run -o out1.csv r1.csv
echo "-- run 2 (yf:2 again, yf:1 changed)"; run --rejects rej.csv -o out2.csv r2.csv
cut -d, -f1,11 out2.csv; cut -d, -f1-3 rej.csv
cp seen seen.keep; cp out2.csv out2.keep
echo "-- run 3 into a missing folder"; run -o nodir/out.csv r3.csv
cmp seen seen.keep && echo "seen unchanged"
echo "-- run 3 with --max-rejects 0 over the old output"; run --max-rejects 0 -o out2.csv r3.csv
cmp seen seen.keep && echo "seen unchanged"
cmp out2.csv out2.keep && echo "output unchanged"
echo "-- run 3 with --max-rejects 1"; run --max-rejects 1 -o out3.csv r3.csv
cmp -s seen seen.keep || echo "seen changed"
cut -d, -f1,11 out3.csv
echo "-- run 4 (yf:5 corrected, yf:4 again)"; run -o out4.csv r4.csv
cut -d, -f1,11 out4.csv
echo "-- not a seen file"
printf 'garbage\n' > bad.seen
ingest -c "$C" -p canonical --seen bad.seen r1.csv > /dev/null 2>err; echo "exit $?"; head -1 err
# The two March Yandex downloads in two runs: 159 duplicates and 1 conflict,
# as in one run.
echo "-- Yandex March, two runs"
cp "$EXAMPLES"/exports/yandex-forms-2024-03*.csv .
ingest -q -c "$C" -p yandex-forms --seen yf.seen -o /dev/null yandex-forms-2024-03.csv 2>&1 | grep '^ingest: read'
ingest -q -c "$C" -p yandex-forms --seen yf.seen --rejects rej.csv -o /dev/null yandex-forms-2024-03-excel.csv 2>&1 | grep '^ingest: read'
cut -d, -f1-3 rej.csv
