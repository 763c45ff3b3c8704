# --anonymous: ids become the source prefix and 32 hex digits, the same for
# the same key (file or ANKETA_ANON_KEY) in every run, other for another key;
# e-mails and phones in comments are masked and counted in a second summary
# line; times are kept to the hour (--time-precision). Without a key it is a
# usage error (exit 2); a short key is refused.
C=$EXAMPLES/demo-campaign.yaml
printf 'first-secret-key-0123456789' > k1
printf 'second-secret-key-0123456789' > k2
printf 'response_id,submitted_at,q.overall,comment\n' > in.csv
printf 'yf:1,2024-03-01 10:00,5,"Звоните +7 914 123-45-67 или пишите ivan.petrov@mail.ru"\n' >> in.csv
printf 'yf:2,2024-03-01 11:00,4,тел. 8(4162)22-33-44\n' >> in.csv
printf 'yf:3,2024-03-01 12:00,3,Всё хорошо 01.03.2024 в 10:00\n' >> in.csv
anon() { ingest -c "$C" -p canonical --anonymous "$@" in.csv; }
anon --key-file k1 > a1.csv 2>err; echo "exit $?"; cat err
cut -d, -f18 a1.csv
# ids: yf: and 32 lower-case hex digits, all different
cut -d, -f1 a1.csv | sed 1d | grep -c -x 'yf:[0-9a-f]\{32\}'
cut -d, -f1 a1.csv | sed 1d | sort -u | wc -l
# no original id left
cut -d, -f1 a1.csv | grep -c -x -e yf:1 -e yf:2 -e yf:3
anon --key-file k1 > a2.csv 2>/dev/null
cmp a1.csv a2.csv && echo "same key: same output"
ANKETA_ANON_KEY=first-secret-key-0123456789 anon > a3.csv 2>/dev/null
cmp a1.csv a3.csv && echo "same key from the environment: same output"
anon --key-file k2 > b.csv 2>/dev/null
cut -d, -f1 a1.csv > ids.a; cut -d, -f1 b.csv > ids.b
sed 1d ids.a | grep -c -x -F -f - ids.b | sed 's/^/ids shared with another key: /'
echo "-- no key"
(unset ANKETA_ANON_KEY; anon > /dev/null 2>err; echo "exit $?"; cat err)
echo "-- a short key"
printf 'short' > k3
anon --key-file k3 > out.csv 2>err; echo "exit $?"; head -1 err
echo "-- --key-file without --anonymous"
ingest -c "$C" -p canonical --key-file k1 in.csv > /dev/null 2>err; echo "exit $?"; head -1 err
echo "-- submitted_at to the hour, or --time-precision"
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:27:41,5\n' > t.csv
for p in "" "--time-precision minute" "--time-precision hour" "--time-precision day"; do
  ingest -c "$C" -p canonical --anonymous --key-file k1 $p t.csv 2>/dev/null | sed 1d | cut -d, -f2 | sed "s/^/${p:-default}: /"
done
ingest -c "$C" -p canonical --time-precision day t.csv > /dev/null 2>err; echo "exit $?"; head -1 err
ingest -c "$C" -p canonical --anonymous --key-file k1 --time-precision week t.csv > /dev/null 2>err; echo "exit $?"; head -1 err
# The Yandex sample: 22 comments with a phone or an e-mail (README), none left.
cp "$EXAMPLES/exports/yandex-forms-2024-03.csv" .
ingest -q -c "$C" -p yandex-forms --anonymous --key-file k1 -o yf.csv yandex-forms-2024-03.csv 2>&1 | grep -v rejected:
echo "e-mails or mobile numbers left: $(grep -c -e '@' -e '+7 9' yf.csv)"
