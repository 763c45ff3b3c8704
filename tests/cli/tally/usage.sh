tally --partial --merge "$DATA/tally/small.csv"
