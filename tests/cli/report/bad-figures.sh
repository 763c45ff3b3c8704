# A tally file with figures no tally writes is refused, naming file, line and
# column, exit 1, nothing written: a mean outside its scale, a share outside
# 0-1, a count that is not a count, counts that do not add up, a figure its
# counts do not give, and absurd magnitudes (1e70 printed past a buffer).
H=g,question,responses,answered,mean,csat,csat_low,csat_high,n1,n2,n3,n4,n5,suppressed,mean_pct,nps
ok=a,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,
bad() {
  printf '%s\n%s\n%s\n' "$H" "$ok" "$2" > "$1.csv"
  report -f md -o out.md "$1.csv" 2>err.txt; echo "$1: status $? $(sed 's/^[^:]*: [^:]*\///' err.txt)"
}
bad mean-scale   b,q.overall,10,10,7,0.8,0.4902,0.9433,0,1,1,3,5,0,84,
bad share        b,q.overall,10,10,4.2,1.5,0.4902,0.9433,0,1,1,3,5,0,84,
bad low-order    b,q.overall,10,10,4.2,0.8,0.9,0.9433,0,1,1,3,5,0,84,
bad fraction     b,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3.00001,5,0,84,
bad negative     b,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,-1,3,5,0,84,
bad exponent     b,q.overall,1e1,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,
bad sum          b,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3,6,0,84,
bad answers      b,q.overall,9,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,
bad not-counts   b,q.overall,10,10,4.2,0.9,0.4902,0.9433,0,1,1,3,5,0,84,
bad huge-count   b,q.overall,10000000000000000000000000000000000000000000000000000000000000000000000,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,
bad huge-mean    b,q.overall,10,10,1e70,0.8,0.4902,0.9433,,,,,,0,84,
bad nan          b,q.overall,10,10,nan,0.8,0.4902,0.9433,,,,,,0,84,
bad huge-pct     b,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,1e70,
bad suppressed   b,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,yes,84,
bad empty-answers b,q.overall,10,0,4.2,0.8,0.4902,0.9433,0,0,0,0,0,0,84,
[ -e out.md ] && echo "an output was written"
# the 4-decimal figures of older tallies still read, recomputed from the counts
printf '%s\n%s\n' "$H" "$ok" > old.csv
report -f md old.csv | grep -F '| a |'
