# Two threads give what one gives: the same output, rejects, messages and
# seen file, wherever the cut falls: on a record boundary, or inside a quoted
# field (stray quotes break the parity the cut is found by, and the first
# thread then reads on). Ids of the first half come again in the second, as
# duplicates and as conflicts. ANKETA_INGEST_SPLIT_MIN makes small files split.
awk 'BEGIN {
  print "response_id,submitted_at,source,q.overall,comment"
  split("хорошо|\"две\nстроки, \"\"кавычки\"\"\"|a\"b лишняя|\"x\"y после||+7 914 123-45-67", c, "|")
  for (i = 0; i < 1500; i++)
    printf "yf:%d,2024-03-01 10:%02d,yf,%d,%s\n", i, i % 60, i % 5 + 1, c[i % 6 + 1]
  for (i = 0; i < 1500; i += 7)
    printf "yf:%d,2024-03-01 10:%02d,yf,%d,%s\n", i, i % 60, i % 5 + 1, c[i % 6 + 1]
  for (i = 3; i < 1500; i += 11)
    printf "yf:%d,2024-03-01 10:%02d,yf,%d,другой ответ\n", i, i % 60, (i + 1) % 5 + 1
}' > utf8.csv
iconv -f utf-8 -t cp1251 utf8.csv > cp1251.csv
for f in utf8.csv cp1251.csv; do
  for at in 1 20000 40000 60000; do
    rm -f one.seen two.seen
    ingest -q -p canonical --tz +03:00 --threads 1 --seen one.seen --rejects one.rej -o one.out $f 2>one.err
    ANKETA_INGEST_SPLIT_MIN=$at ingest -q -p canonical --tz +03:00 --seen two.seen \
      --rejects two.rej -o two.out $f 2>two.err
    sed 's/one\.rej/two.rej/' one.err > one.msg
    if cmp -s one.out two.out && cmp -s one.rej two.rej && cmp -s one.msg two.err &&
       cmp -s one.seen two.seen; then echo "$f from $at bytes: same"; else echo "$f from $at bytes: DIFFERENT"; fi
  done
done
tail -n 1 one.err
