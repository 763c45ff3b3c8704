# A full disk is reported once, with exit 1.
tally --questions q.a,q.r:0-1 "$DATA/tally/small.csv" > /dev/full
