# A Windows-1251 file read with --encoding utf-8: the records with Cyrillic
# are rejected as not UTF-8 (the field named), the ASCII one passes; read as
# --encoding cp1251 (or auto) all pass, the text right.
printf 'response_id,submitted_at,q.overall,comment\nyf:1,2024-03-01 10:00,5,Всё хорошо\nyf:2,2024-03-01 11:00,4,\nyf:3,2024-03-01 12:00,3,Долго\n' |
  iconv -f UTF-8 -t CP1251 > w.csv || exit 1
C=$EXAMPLES/demo-campaign.yaml
ingest -c "$C" -p canonical --encoding utf-8 --rejects rej.csv -o out.csv w.csv 2>err
echo "utf-8: exit $?"
grep '^ingest: read' err
cut -d, -f1-3 rej.csv
cut -d, -f1,11,18 out.csv
for enc in cp1251 auto; do
  ingest -c "$C" -p canonical --encoding $enc --rejects rej.csv -o out.csv w.csv 2>err
  echo "$enc: exit $?"
  grep '^ingest: read' err
  wc -l < rej.csv
  cut -d, -f1,11,18 out.csv
done
