# A full disk on standard output: one message, exit 1.
report -f md "$DATA/report/injection.csv" > /dev/full
