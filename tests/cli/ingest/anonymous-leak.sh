# --anonymous leaks nothing: every kind of identifier is planted in accepted
# and rejected records (ids, identifying columns, comments, a score and a
# date that a reject's reason quotes, a record with a field too many), and
# every byte anketa writes is searched for each: the output, the rejects,
# the seen file, standard error, and $TMPDIR during the run. The file is
# read by two threads (ANKETA_INGEST_SPLIT_MIN), so the second thread's
# lines and rejects wait in an unnamed file in $TMPDIR; the output is a
# FIFO nobody reads yet, so the run stops with that file open and it is
# copied through /proc (no timing guess).
C=$EXAMPLES/demo-campaign.yaml
export ANKETA_ANON_KEY=anonymity-key-of-the-leak-case
mkdir tmp; export TMPDIR=$PWD/tmp
awk 'BEGIN {
  print "ID,Время создания,Насколько Вы в целом удовлетворены качеством взаимодействия?,ФИО,Телефон,E-mail,IP,Ваши замечания и предложения"
  c[0] = "звоните +7 (913) 555-12-34 или ivanova.m@mail.ru"
  c[1] = "мой телефон 8 913 5551235, СНИЛС 112-233-445 95"
  c[2] = "8-913-555-12-36, ИНН 500100732259, паспорт 45 06 987654"
  c[3] = "+79135551237, карта 4276 3800 1234 5679"
  for (i = 1; i <= 20000; i++) {
    id = sprintf("id-QZ%05d", i)
    person = "Пётр Сидоренко,+7 913 555 12 38,sidorenko.petr@example.ru,203.0.113.77"
    if (i % 1000 == 1) {          # rejects of each kind, in both halves
      printf "%s,2024-03-01 10:27:41,9,%s,\"%s\"\n", id "a", person, c[0]
      printf "%s,2024-03-01 10:27:41,+7 913 555-12-39,%s,\"%s\"\n", id "b", person, c[1]
      printf "%s,date.mail@mail.ru,5,%s,\"%s\"\n", id "c", person, c[2]
      printf "%s,2024-03-01 10:27:41,5,%s,\"%s\",extra.field@mail.ru\n", id "d", person, c[3]
      printf "%s,2024-03-01 10:27:41,4,%s,\"%s\"\n", id, person, c[3]   # a conflict below
    }
    printf "%s,2024-03-01 10:27:41,5,%s,\"%s\"\n", id, person, c[i % 4]
  }
}' > in.csv
planted='id-QZ
Сидоренко
sidorenko
ivanova.m
date.mail
extra.field
555-12-34
913 5551235
555-12-36
+79135551237
555 12 38
555-12-39
112-233-445
500100732259
06 987654
3800 1234
203.0.113.77
10:27:41'
echo "$planted" > planted
grep -c -F -f planted in.csv | sed 's/^/input lines with an identifier: /'
mkfifo out.fifo
ANKETA_INGEST_SPLIT_MIN=1 ingest -c "$C" -p yandex-forms --anonymous --seen seen \
    --rejects rej.csv -o out.fifo in.csv 2>err &
pid=$!
exec 3<out.fifo
# Its own unnamed files in $TMPDIR ("#inode"), regular ones only: under
# valgrind the process also holds valgrind's files and FIFOs there.
held() {
  for fd in $(ls -l /proc/$pid/fd 2>/dev/null | grep "$TMPDIR/#" | sed 's/.* \([0-9]*\) -> .*/\1/'); do
    [ -f /proc/$pid/fd/$fd ] && [ -s /proc/$pid/fd/$fd ] && echo "$fd"
  done
}
# Until the second thread is done (one task left, its file written) and the
# run waits on the full FIFO; the file exists, empty, before the thread starts.
n=0
while [ "$(ls /proc/$pid/task | wc -l)" != 1 ] || [ -z "$(held)" ]; do
  n=$((n + 1)); [ $n -gt 6000 ] && { echo "the run never stopped with its temporary file open"; break; }
  sleep 0.05
done
for fd in $(held); do
  cat /proc/$pid/fd/$fd > "snapshot.$fd"
done
cat snapshot.* | wc -c | awk '{ print ($1 > 100000 ? "temporary file copied" : "temporary file small: " $1) }'
cat <&3 > out.csv
exec 3<&-
wait $pid; echo "exit $?"
cat err | grep -v ' rejected: '
grep -c ' rejected: ' err | sed 's/^/reject lines on stderr: /'
sed 1d rej.csv | wc -l | sed 's/^/rejects: /'
echo "left in TMPDIR: $(ls -A tmp | wc -l)"
echo "-- what anketa wrote that holds a planted identifier"
for f in out.csv rej.csv seen err snapshot.*; do
  grep -F -o -f planted "$f" | sort | uniq -c | sed "s/^/$f: /"
done
echo "--"
echo "times in the output not on the hour: $(sed 1d out.csv | cut -d, -f2 | grep -c -v 'T..:00:00+')"
echo "times in the rejects: $(grep -o '2024-03-01T[0-9:]*' rej.csv | sort | uniq -c | tr -s ' ')"
grep -F 'id-QZ00001c' in.csv > /dev/null && sed -n 2,5p rej.csv | cut -c1-300
