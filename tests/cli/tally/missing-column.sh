tally -g authority --questions q.overall "$DATA/tally/small.csv"
