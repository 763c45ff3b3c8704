# A file of mixed encodings is never read by a lossy guess: one Windows-1251
# record early in a UTF-8 file (inside the first block) once made the whole
# file Windows-1251, every later UTF-8 comment mojibake, exit 0. The whole
# file decides: read as what most non-ASCII lines are, a warning names the
# lines in each, and each record in the other encoding is rejected with its
# reason; one thread and two give the same. The other way round too, and on
# standard input, where the first non-ASCII block decides.
. "$CASE_DIR/csv-tools.inc"
run() { ingest -p canonical --tz +03:00 "$@"; }
{
  echo 'response_id,submitted_at,source,q.overall,comment'
  echo 'yf:1,2024-03-01 10:00,yf,5,первый' | iconv -f utf-8 -t cp1251
  awk 'BEGIN { for (i = 2; i <= 400; i++) printf "yf:%d,2024-03-01 10:00,yf,4,отзыв номер %d\n", i, i }'
} > mostly-utf8.csv
run --threads 1 --rejects rej1.csv -o out1.csv mostly-utf8.csv 2>err1; echo "exit $?"
ANKETA_INGEST_SPLIT_MIN=1 run --rejects rej2.csv -o out2.csv mostly-utf8.csv 2>err2
cmp -s out1.csv out2.csv && cmp -s err1 "$(sed 's/rej2/rej1/' err2 > e2; echo e2)" &&
  echo "two threads: same" || echo "two threads: DIFFERENT"
cat err1
sed -n '2p;$p' out1.csv
reasons rej1.csv
# Mostly Windows-1251, one UTF-8 record late in the file.
{
  echo 'response_id,submitted_at,source,q.overall,comment'
  awk 'BEGIN { for (i = 1; i <= 300; i++) printf "yf:%d,2024-03-01 10:00,yf,4,отзыв %d\n", i, i }' |
    iconv -f utf-8 -t cp1251
  echo 'yf:301,2024-03-01 10:00,yf,3,отзыв в UTF-8'
} > mostly-cp1251.csv
run --rejects rej.csv -o out.csv mostly-cp1251.csv 2>err; echo "exit $?"
grep -v rejected: err
sed -n '2p;$p' out.csv
reasons rej.csv
# Standard input: Windows-1251 from its first non-ASCII block, and a UTF-8
# record after it a reject, not mojibake.
run -q --rejects rej.csv -o out.csv < mostly-cp1251.csv 2>/dev/null; echo "stdin: exit $?"
reasons rej.csv | tail -n 1
