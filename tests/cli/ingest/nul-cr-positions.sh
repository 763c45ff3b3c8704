# A NUL byte or a CRLF anywhere in a long field, at each place of a word of
# eight bytes and in the tail after the last whole word, is found: each
# record with a NUL is rejected, and CRLF reads as LF.
C=$EXAMPLES/demo-campaign.yaml
awk 'BEGIN {
  print "response_id,submitted_at,q.overall,comment"
  for (i = 0; i < 20; i++) {
    s = ""
    for (k = 0; k < 20; k++) s = s (k == i ? "\001" : "x")
    printf "yf:%d,2024-03-01 10:00,5,%s\n", i, s
  }
}' | tr '\001' '\000' > nul.csv
ingest -c "$C" -p canonical -o nul.out --rejects nul.rej nul.csv 2>&1 | grep '^ingest: read'
for i in 0 7 8 15 16 19; do
  head -c "$i" /dev/zero | tr '\000' x > pre
  printf 'response_id,submitted_at,q.overall,comment\nyf:1,2024-03-01 10:00,5,"%sa\nb"\n' "$(cat pre)" > lf.csv
  sed 's/$/\r/' lf.csv > crlf.csv
  ingest -q -c "$C" -p canonical -o lf.out lf.csv && ingest -q -c "$C" -p canonical -o crlf.out crlf.csv &&
    cmp -s lf.out crlf.out && echo "CRLF after $i bytes: same output"
done
