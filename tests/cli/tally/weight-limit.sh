# Weights that add up to 10^12 responses (1000 rows of weight 10^9) are
# counted exactly; one pass and --partial + --merge give the same bytes, and
# the partial of the full amount is accepted by --merge.
awk 'BEGIN { print "authority,q.a,weight"; for (i = 0; i < 1000; i++) print "x," 1 + i % 5 ",1000000000" }' >all.csv
head -n 501 all.csv >a.csv
{ head -n 1 all.csv; tail -n 500 all.csv; } >b.csv
tally -g authority all.csv >one.csv || exit 1
tally -g authority --partial a.csv >a.part && tally -g authority --partial b.csv >b.part &&
  tally --merge a.part b.part >merged.csv || exit 1
tally -g authority --partial all.csv >all.part && tally --merge all.part >whole.csv || exit 1
cmp one.csv merged.csv && cmp one.csv whole.csv && cat one.csv
