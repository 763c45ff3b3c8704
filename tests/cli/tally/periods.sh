# Derived period keys from submitted_at: month and ISO week (2024-02-29 is in
# week 9, 2024-03-31 a Sunday still in week 13).
tally -g month,week --questions q.overall --min-n 1 "$DATA/tally/demo-responses.csv"
