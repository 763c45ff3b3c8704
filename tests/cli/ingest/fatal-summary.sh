# The summary always adds up, also when a run stops on an error: here a
# local time with neither a campaign nor --tz stops it at the second record.
# (Either that record is counted as read and as something else, or not read.)
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01T10:00:00+09:00,5\nyf:2,01.03.2024 10:00,5\nyf:3,2024-03-01T10:00:00+09:00,4\n' > tz.csv
ingest -p canonical -o out.csv tz.csv 2>err
echo "exit $?"
awk '/^ingest: read/ { gsub(/,/, ""); print ($3 == $5 + $7 + $9 ? "read = accepted + rejected + duplicates" : "does not add up: " $0) }' err
