# A stray quote is malformed CSV, never skipped.
printf 'id,q.overall\n1,5\n2,4"x\n' > bad.csv
tally --skip-invalid bad.csv
