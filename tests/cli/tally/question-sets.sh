# Files with different questions are one tally: a question added in April is
# not answered by March's responses (said once for March's file), whichever
# file comes first; --partial + --merge and two threads give the same bytes.
printf 'submitted_at,authority,q.overall,q.time\n2024-03-05T10:00:00+07:00,a,5,4\n2024-03-06T10:00:00+07:00,a,4,\n2024-03-07T10:00:00+07:00,b,2,3\n' > march.csv
printf '\357\273\277submitted_at,authority,q.new,q.overall\r\n2024-04-01T10:00:00+07:00,a,5,3\r\n2024-04-02T10:00:00+07:00,b,,"4"\r\n2024-04-03T10:00:00+07:00,b,1,5\r\n' > april.csv
echo "== march, april"
tally -g authority --min-n 0 march.csv april.csv 2>&1 | tee one.csv
echo "== april, march"
tally -g month --min-n 0 april.csv march.csv 2>&1
echo "== --questions q.overall,q.new"
tally --min-n 0 --questions q.overall,q.new march.csv april.csv 2>&1
echo "== --partial and --merge"
tally -g authority --partial march.csv > m.part 2>/dev/null
tally -g authority --partial april.csv > a.part 2>/dev/null
tally --merge --min-n 0 m.part a.part > merged.csv
grep -v '^tally:' one.csv | cmp - merged.csv && echo same
cat m.part a.part | tally --merge --min-n 0 | cmp - merged.csv && echo same from one stream
ANKETA_TALLY_SPLIT_MIN=1 tally -g authority --min-n 0 -q march.csv april.csv | cmp - merged.csv &&
  echo same on two threads
echo "== a scale that differs between partials"
tally -g authority --questions q.overall:0-10 --partial march.csv > m10.part
tally --merge m10.part a.part 2>&1
echo "exit $?"
