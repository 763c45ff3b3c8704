# Ad-hoc CSV: Cyrillic, &, #, + and a 1 KB link all survive into the code;
# other columns are kept, files are named from the name column, made safe.
long=$(python3 -c 'print("https://example.ru/form?x=" + "a" * 1000)')
cat > in.csv <<CSV
name,url,note
Приёмная № 1,https://forms.yandex.ru/u/abc/?service=Выдача справки&point=pt 1,кириллица
a&b/../x,https://example.ru/?q=a&b=c+d#frag,амперсанд
plus,https://example.ru/a+b?x=1%2B2,плюс
long,$long,длинная
CSV
qrgen -o out < in.csv > manifest.csv || exit 1
python3 "$CASE_DIR/decode-check.py" manifest.csv
head -1 manifest.csv
cut -d, -f3- manifest.csv | grep -o '^[^,]*,[^,]*,out/[^,]*$' | sed 's/^[^,]*,//'
