# A user-written profile (a .yaml path) with a misspelt key is refused with
# file:line:column of the key and the keys it may be; so is a misspelt
# top-level key and a YAML syntax error. Exit 1 each time, nothing written.
# The same profile spelt right reads the export.
printf 'id,date,q.a\n1,2024-03-01 10:00,отлично\n' > s.csv
printf '# the export of our office site\nsource: site\nfields:\n  response_id: [id]\n  submited_at: [date]\nlabels:\n  5: [отлично]\n' > typo.yaml
printf 'source: site\nfeilds:\n  response_id: [id]\n' > top.yaml
printf 'source: site\nfields:\n  response_id: [id\n  submitted_at: [date]\n' > syntax.yaml
for p in typo.yaml top.yaml syntax.yaml; do
  echo "== $p"
  ingest -p "$p" --tz +09:00 -o out.csv s.csv 2>err
  echo "exit $?"
  cat err
  test -e out.csv && echo "out.csv written"
done
echo "== fixed"
sed 's/submited_at/submitted_at/' typo.yaml > fixed.yaml
ingest -p ./fixed.yaml --tz +09:00 s.csv
