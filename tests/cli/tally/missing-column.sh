tally -g authority -q q.overall "$DATA/tally/small.csv"
