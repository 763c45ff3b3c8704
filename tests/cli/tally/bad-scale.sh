tally --questions q.a:5-1 "$DATA/tally/small.csv"
