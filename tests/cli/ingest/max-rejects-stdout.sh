# --max-rejects exceeded: exit 1 and the output is not written, also when the
# output is standard output (a pipe into tally must not get a part of the
# data while ingest says "the output is not written").
printf 'response_id,submitted_at,q.overall\nyf:4,2024-03-03 11:00,3\nyf:5,2024-03-03 11:00,9\n' > r.csv
ingest -c "$EXAMPLES/demo-campaign.yaml" -p canonical --max-rejects 0 r.csv > out 2>err
echo "exit $?"
tail -1 err
echo "bytes on standard output: $(wc -c < out)"
