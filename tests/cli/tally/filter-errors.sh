# Wrong filters: usage errors (exit 2) say which option and why; a column no
# input has is an error naming the file and the column (exit 1); a record
# whose submitted_at is no date is a bad value when dates are filtered.
printf 'submitted_at,district,q.a\n2024-03-01T10:00:00+07:00,x,5\n01.03.2024,y,4\n' > r.csv
for args in "--period 2024-13" "--period 2024-03 --from 2024-03-01" "--from 2024-3-1" \
            "--from 2024-04-01 --to 2024-03-31" "--to 2024-02-30" "--where district" \
            "--where =x" "--merge --where district=x"; do
  echo "== $args"
  tally $args r.csv 2>&1
  echo "exit $?"
done
echo "== --where distrct=x"
tally --where distrct=x r.csv 2>&1
echo "exit $?"
echo "== --where week=2024-W09 with no submitted_at"
printf 'district,q.a\nx,5\n' > plain.csv
tally --where week=2024-W09 plain.csv 2>&1
echo "exit $?"
tally --from 2024-03-01 plain.csv 2>&1
echo "exit $?"
echo "== a bad date when dates are filtered, then skipped"
tally --to 2024-03-31 r.csv 2>&1
echo "exit $?"
tally --to 2024-03-31 --min-n 0 --skip-invalid r.csv 2>&1
echo "== not filtered, the bad date is no matter"
tally --min-n 0 --where district=x r.csv 2>&1
