# A profile name that is not one of the shipped ones (and not a .yaml path)
# is a usage error like any other bad option value: exit 2 and the hint.
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\n' > a.csv
ingest -p nope a.csv
