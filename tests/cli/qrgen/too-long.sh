# A URL too long for any QR code is an error naming the row; the others are made.
long=$(python3 -c 'print("https://example.ru/?x=" + "b" * 3000)')
printf 'name,url\nok,https://example.ru/\ntoo-long,%s\n' "$long" > in.csv
qrgen -o out in.csv > manifest.csv
status=$?
wc -l < manifest.csv
exit $status
