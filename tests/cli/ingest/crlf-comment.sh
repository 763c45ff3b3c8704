# A file saved with CRLF everywhere (a text editor, LibreOffice) has CRLF
# inside its quoted multi-line comments too. The canonical output must not
# depend on it: the same as from the LF file, byte for byte, and the same
# response in both files is a duplicate, not a conflict.
printf 'response_id,submitted_at,q.overall,comment\nyf:1,2024-03-01 10:00,5,"line one\nline two"\n' > lf.csv
sed 's/$/\r/' lf.csv > crlf.csv
C=$EXAMPLES/demo-campaign.yaml
ingest -q -c "$C" -p canonical -o lf.out lf.csv
ingest -q -c "$C" -p canonical -o crlf.out crlf.csv
cmp -s lf.out crlf.out && echo "same output" || { echo "outputs differ:"; diff lf.out crlf.out | od -c | grep -c '\\r' | sed 's/$/ lines with CR/'; }
ingest -c "$C" -p canonical -o both.out lf.csv crlf.csv 2>&1 | grep '^ingest: read'
