# One more row of weight 10^9 than a tally counts: one pass, two threads and
# a merge of partials all refuse it (exit 1), never print wrapped counts.
awk 'BEGIN { print "authority,q.a,weight"; for (i = 0; i < 1001; i++) print "x,5,1000000000" }' >all.csv
head -n 502 all.csv >a.csv
{ head -n 1 all.csv; tail -n 500 all.csv; } >b.csv
tally -g authority all.csv; echo "one pass: $?"
tally --threads 2 -g authority all.csv; echo "two threads: $?"
tally -g authority --partial a.csv >a.part && tally -g authority --partial b.csv >b.part &&
  tally --merge a.part b.part; echo "merge: $?"
