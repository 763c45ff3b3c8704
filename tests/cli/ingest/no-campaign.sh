# Without a campaign: ids, items and points pass through unchecked, the q.*
# columns are those of the first file, in its order, and any whole number is
# an answer (no scale to hold it to); a later file with a q.* column the
# first has not is an error naming file:line:column, and -o is not written.
# (A later file that lacks a column is fine: its answers there are empty.)
printf 'response_id,submitted_at,item,point,q.overall,q.nps,comment\n' > a.csv
printf 'yf:1,2024-03-01T10:00:00+09:00,any-item,any-point,5,10,a\n' >> a.csv
printf 'yf:2,2024-03-01T10:00:00+09:00,,,-3,100,\n' >> a.csv
printf 'yf:3,2024-03-01T10:00:00+09:00,,,4.5,1,\n' >> a.csv
printf 'yf:4,2024-03-01T10:00:00+09:00,,,,x,\n' >> a.csv
printf 'response_id,submitted_at,q.nps\nyf:5,2024-03-01T10:00:00+09:00,0\n' > fewer.csv
printf 'response_id,submitted_at,q.overall,q.nps,q.extra\nyf:6,2024-03-01T10:00:00+09:00,5,10,1\n' > extra.csv
ingest -p canonical --rejects rej.csv a.csv fewer.csv 2>err
echo "exit $?"
grep '^ingest: read' err
cut -d, -f1-3 rej.csv
echo "-- a later file with an extra q.* column"
ingest -p canonical -o out.csv a.csv extra.csv 2>err
echo "exit $?"
grep -v 'rejected:' err
test -e out.csv && echo "out.csv written" || echo "out.csv not written"
echo "-- an export whose questions are texts, read without a campaign: said, not silent"
cp "$EXAMPLES/exports/yandex-forms-2024-03.csv" yf.csv
ingest -p yandex-forms --tz +09:00 -o out.csv yf.csv 2>&1
echo "exit $?"
