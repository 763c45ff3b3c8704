# Partials made with other group keys are refused, naming the partial's line.
tally -g city --questions q.a --partial "$DATA/tally/small.csv" > a.partial
tally --questions q.a --partial "$DATA/tally/small.csv" > b.partial
tally --merge a.partial b.partial
