tally -q q.a:5-1 "$DATA/tally/small.csv"
