# One record of each kind of reject, plus one good record, one conflict and
# one duplicate of it. Every reject is in the rejects file with its physical
# line and reason, and read = accepted + rejected + duplicates.
{
  printf 'response_id,submitted_at,item,point,weight,q.overall,q.result,comment\n'
  printf 'yf:1,2024-03-01 10:00,sz-zhku,mfc-zeya,1,5,1,good\n'
  printf 'yf:2,2024-03-01 10:00,sz-zhku,mfc-zeya,1,5,1\n'              # 7 fields
  printf ',2024-03-01 10:00,sz-zhku,mfc-zeya,1,5,1,no id\n'
  printf 'yf:3,31.02.2024 10:00,sz-zhku,mfc-zeya,1,5,1,\n'
  printf 'yf:4,2024-03-01 10:00,sz-zhku,mfc-zeya,1,7,1,\n'             # off the 1-5 scale
  printf 'yf:5,2024-03-01 10:00,sz-zhku,mfc-zeya,1,"4,5",1,\n'
  printf 'yf:6,2024-03-01 10:00,sz-zhku,mfc-zeya,0,5,1,\n'
  printf 'yf:7,2024-03-01 10:00,sz-zhku,mfc-zeya,abc,5,1,\n'
  printf 'yf:8,2024-03-01 10:00,sz-zhku,mfc-zeya,1,5,1,nul\0here\n'
  printf 'yf:9,2024-03-01 10:00,sz-nope,mfc-zeya,1,5,1,\n'
  printf 'yf:10,2024-03-01 10:00,sz-zhku,mfc-nowhere,1,5,1,\n'
  printf 'yf:1,2024-03-01 10:00,sz-zhku,mfc-zeya,1,4,1,good\n'          # conflict
  printf 'yf:1,2024-03-01 10:00,sz-zhku,mfc-zeya,1,5,1,good\n'          # duplicate
  printf 'yf:11,2024-03-01 10:00,sz-zhku,mfc-zeya,1,5,1,"unclosed\nto the end\n'
} > bad.csv
ingest -c "$EXAMPLES/demo-campaign.yaml" -p canonical --rejects rej.csv -o out.csv bad.csv 2>err
echo "exit $?"
grep '^ingest: read' err
# The summary adds up, and agrees with the files written.
awk -v out="$(($(wc -l < out.csv) - 1))" '/^ingest: read/ {
  gsub(/,/, ""); n = $3; a = $5; r = $7; d = $9
  print (n == a + r + d ? "read = accepted + rejected + duplicates" : "NOT ACCOUNTED: " $0)
  print (a == out ? "accepted = records written" : "accepted " a " but written " out) }' err
. "$CASE_DIR/csv-tools.inc"
echo "rejects in file: $(records rej.csv)"
# file | line | reason of each reject (the record column left out).
reasons rej.csv
echo "-- written"
cut -d, -f1,11,18 out.csv
