# The outputs of one run (-o, --rejects, --seen) are put in place together:
# when one cannot be written (a full device here), none of the others is
# replaced, and the message says that nothing was written.
C=$EXAMPLES/demo-campaign.yaml
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\nyf:2,never,4\n' > first.csv
printf 'response_id,submitted_at,q.overall\nyf:3,2024-03-01 10:00,5\nyf:4,never,4\n' > next.csv
ingest -q -c "$C" -p canonical --rejects rej.csv --seen seen -o out.csv first.csv 2>/dev/null
for f in out.csv rej.csv seen; do cp $f $f.keep; done
unchanged() {
  for f in out.csv rej.csv seen; do cmp -s $f $f.keep || echo "$f changed"; done
  echo "$1: $(ls | grep -c anketa-tmp) temporaries left"
}
ingest -q -c "$C" -p canonical --rejects /dev/full --seen seen -o out.csv next.csv 2>&1 |
  grep -v '^ingest: read'
unchanged "rejects full"
ingest -q -c "$C" -p canonical --rejects rej.csv --seen seen -o /dev/full next.csv 2>&1 |
  grep -v '^ingest: read'
unchanged "output full"
ingest -q -c "$C" -p canonical --rejects rej.csv --seen seen next.csv 2>&1 >/dev/full |
  grep -v '^ingest: read'
unchanged "stdout full"
# And a run that can write them all replaces all three.
ingest -q -c "$C" -p canonical --rejects rej.csv --seen seen -o out.csv next.csv 2>/dev/null
unchanged "written"
