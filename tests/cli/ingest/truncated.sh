# A file cut short while it is read (ANKETA_INGEST_TEST_TRUNCATE cuts it once
# the first 1 MiB block is in, as a process still writing it might) is an
# error, not an output with a hole: exit 1 and nothing written, on one thread
# and on two (the cut past the second thread's start, or before it).
awk 'BEGIN { print "response_id,submitted_at,source,q.overall,comment"
  for (i = 1; i <= 40000; i++) printf "yf:%d,2024-03-01 10:00,yf,%d,отзыв номер %d и длиннее\n", i, i % 5 + 1, i }' > all.csv
ls -l all.csv | awk '{ print $5 " bytes" }'
for v in "1 2000000" "2 2500000" "2 1200000"; do
  set -- $v
  cp all.csv in.csv
  echo old > out.csv
  ANKETA_INGEST_SPLIT_MIN=1 ANKETA_INGEST_TEST_TRUNCATE=$2 \
    ingest -q -p canonical --tz +03:00 --threads $1 -o out.csv in.csv 2>err
  echo "threads $1, cut to $2: exit $?, out.csv: $(head -n 1 out.csv)"
  grep -v '^ingest: read' err
done
true
