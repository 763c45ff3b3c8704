# Weights past what a tally counts (10^12 responses) are an error, exit 1,
# never wrapped counts. The data, 1M rows of weight 10^9, wrapped
# int64 in one pass (exit 0) and its partial was refused by --merge; now one
# pass and --partial refuse it alike. One row past the bound is refused by one
# pass, two threads and a merge of two partials each within it.
awk 'BEGIN { print "authority,q.a,weight"; for (i = 0; i < 1000000; i++) print "x,5,1000000000" }' >big.csv
tally -g authority big.csv; echo "1M rows, one pass: $?"
tally -g authority --partial big.csv >big.part; echo "1M rows, partial: $?"
rm -f big.csv big.part
awk 'BEGIN { print "authority,q.a,weight"; for (i = 0; i < 1001; i++) print "x,5,1000000000" }' >all.csv
head -n 502 all.csv >a.csv
{ head -n 1 all.csv; tail -n 500 all.csv; } >b.csv
tally -g authority all.csv; echo "one pass: $?"
tally --threads 2 -g authority all.csv; echo "two threads: $?"
tally -g authority --partial a.csv >a.part && tally -g authority --partial b.csv >b.part &&
  tally --merge a.part b.part; echo "merge: $?"
