# A run that accepts nothing and rejects records fails (exit 1) and says what
# it wrote: not the output, not the seen file; the rejects, when asked for.
# --max-rejects also takes a share of the records read.
C=$EXAMPLES/demo-campaign.yaml
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,9\nyf:2,2024-03-01 11:00,7\n' > bad.csv
echo "-- every record rejected, -o"
echo old > out.csv
ingest -c "$C" -p canonical --seen seen --rejects rej.csv -o out.csv bad.csv 2>err; echo "exit $?"
grep -v rejected: err; cat out.csv; test -e seen || echo "no seen file"; cut -d, -f1-3 rej.csv
echo "-- every record rejected, standard output"
ingest -c "$C" -p canonical bad.csv > out 2>err; echo "exit $?"; tail -1 err; cat out
echo "-- duplicates and rejects only: a re-run of a good file is no failure"
printf 'response_id,submitted_at,q.overall\nyf:3,2024-03-01 10:00,5\n' > good.csv
ingest -c "$C" -p canonical --seen seen2 good.csv > /dev/null 2>&1
ingest -c "$C" -p canonical --seen seen2 good.csv > /dev/null 2>err; echo "exit $?"; cat err
# 20 records, 2 rejected: 10%.
awk 'BEGIN { print "response_id,submitted_at,q.overall"
             for (i = 1; i <= 20; i++) printf "yf:%d,2024-03-01 10:00,%d\n", i, i <= 2 ? 9 : 5 }' > mix.csv
for m in 10% 9.5% 2 1 0%; do
  ingest -c "$C" -p canonical --max-rejects $m -o o.csv mix.csv 2>err; echo "--max-rejects $m: exit $?"; tail -1 err
done
for m in 5x -1 101% %; do
  ingest -c "$C" -p canonical --max-rejects $m mix.csv > /dev/null 2>err; echo "--max-rejects $m: exit $?"; head -1 err
done
