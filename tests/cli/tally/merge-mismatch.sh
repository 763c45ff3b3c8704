# Partials made with other group keys are refused, naming the partial's line.
tally -g city -q q.a --partial "$DATA/tally/small.csv" > a.partial
tally -q q.a --partial "$DATA/tally/small.csv" > b.partial
tally --merge a.partial b.partial
