# The seen file carries a checksum: a byte changed inside it is an error
# naming the file (exit 1, nothing written), never a silently different set
# of ids; a file cut short likewise. A seen file of an older ingest (v1,
# without a checksum) is read with a warning and saved with one.
C=$EXAMPLES/demo-campaign.yaml
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\nyf:2,2024-03-01 11:00,4\n' > r1.csv
run() { ingest -c "$C" -p canonical --seen "$1" -o out.csv r1.csv 2>err; echo "exit $?"; cat err; }
ingest -c "$C" -p canonical --seen seen r1.csv > /dev/null 2>&1
size=$(wc -c < seen)
echo "-- one byte of an id changed"
cp seen bad; printf '\377' | dd of=bad bs=1 seek=26 conv=notrunc 2>/dev/null
run bad; test -f out.csv || echo "no output"
echo "-- cut short"
head -c $((size - 4)) seen > cut; run cut
echo "-- an older seen file without a checksum"
printf 'anketa-seen v1\n\0' > v1
tail -c +17 seen | head -c $((size - 16 - 8)) >> v1
run v1
cut -d, -f1 out.csv
run v1
ls seen* | sort
exit 0
