# --skip-invalid counts bad records, reports the first, counts the rest.
printf 'id,weight,q.overall\n1,1,5\n2,x,4\n3,1,six\n4,1,4\n' > bad.csv
tally --skip-invalid --min-n 1 bad.csv
