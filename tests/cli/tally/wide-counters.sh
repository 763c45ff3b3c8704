# A group's counters are 32-bit until an add would pass 4294967295 units
# (1/10000 of a response), then 64-bit: counts just below, at and past that
# edge stay exact, beside groups that never grow, in one pass, on two
# threads and through --partial + --merge.
awk 'BEGIN {
  print "authority,q.a,weight"
  for (i = 0; i < 10; i++) print "edge,5,42949.6729"   # 4294967290 units
  print "edge,5,0.0005"                                # 4294967295: the last that fits
  print "past,4,42949.6729"
  for (i = 0; i < 9; i++) print "past,4,42949.6729"
  print "past,4,0.0006"                                # 4294967296: widened
  for (i = 0; i < 3000; i++) print "small," 1 + i % 5 ",1"
  print "past,1,1"
}' >all.csv
tally -g authority all.csv >one.csv || exit 1
ANKETA_TALLY_SPLIT_MIN=1 tally -g authority all.csv >two.csv || exit 1
head -n 2000 all.csv >a.csv
{ head -n 1 all.csv; tail -n +2001 all.csv; } >b.csv
tally -g authority --partial a.csv >a.part && tally -g authority --partial b.csv >b.part &&
  tally --merge a.part b.part >merged.csv || exit 1
cmp one.csv two.csv && cmp one.csv merged.csv && cat one.csv
