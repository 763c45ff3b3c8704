# With tens of thousands of groups two threads make the output rows, a
# block of groups each in turn, written in order: the same bytes as one
# thread, with and without totals, and with the input split too.
awk 'BEGIN {
  print "authority,item,q.a,weight"
  for (i = 0; i < 60000; i++) printf "a%03d,i%05d,%d,%s\n", i % 7, (i * 7919) % 30011, 1 + i % 5, (i % 3 ? "1" : "0.5")
}' >all.csv
for totals in "" --totals; do
  tally --threads 1 -g authority,item --min-n 2 $totals all.csv >one.csv || exit 1
  ANKETA_TALLY_SPLIT_MIN=1 tally -g authority,item --min-n 2 $totals all.csv >two.csv || exit 1
  cmp one.csv two.csv && echo "same bytes${totals:+ with $totals}: $(($(wc -l <one.csv) - 1)) rows"
done
