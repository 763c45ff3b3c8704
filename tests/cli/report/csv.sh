# CSV: text that Excel would run as a formula (=, +, -, @) is kept as text;
# numbers stay full precision. --excel: BOM, ';' and decimal comma.
report -f csv "$DATA/report/injection.csv" > plain.csv || exit 1
grep -c "^Рейтинг: Орган власти,'=1+2,Удовлетворенность,0.8," plain.csv
grep -c "'@SUM(A1)" plain.csv
grep -c '^[^,]*,=' plain.csv
report -f csv --excel "$DATA/report/injection.csv" > excel.csv || exit 1
head -c 3 excel.csv | od -An -tx1 | tr -d ' '
grep -c "^Рейтинг: Орган власти;'=1+2;Удовлетворенность;0,8;" excel.csv
