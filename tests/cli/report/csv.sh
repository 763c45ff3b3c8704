# CSV: text that Excel would run as a formula (=, +, -, @) is kept as text;
# numbers stay full precision. --excel: BOM, ';' and decimal comma.
report -f csv "$DATA/report/injection.csv" > plain.csv || exit 1
grep -c "^Рейтинг: Орган власти,'=1+2,Удовлетворенность,0.8," plain.csv
grep -c "'@SUM(A1)" plain.csv
grep -c '^[^,]*,=' plain.csv
report -f csv --excel "$DATA/report/injection.csv" > excel.csv || exit 1
head -c 3 excel.csv | od -An -tx1 | tr -d ' '
grep -c "^Рейтинг: Орган власти;'=1+2;Удовлетворенность;0,8;" excel.csv
# a long formula-like name is kept whole, not cut at 1 KiB
long=$(printf '=%02000d' 0)
printf 'g,question,responses,answered,mean,csat,csat_low,csat_high,n1,n2,n3,n4,n5,suppressed,mean_pct,nps\n%s,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,\n' "$long" > long.csv
report -f csv long.csv | grep -c "'$long,Удовлетворенность,0.8,"
