# The same small Yandex export (a quoted multi-line comment with "" quotes,
# commas and a ';' inside quotes, an empty answer, a row with no point) as
# UTF-8 with and without BOM and Windows-1251; with ',', ';' and tab; with
# LF and CRLF between records (Excel: a bare LF inside quotes). All give
# byte-identical output, that of the plain UTF-8 file. (CRLF inside the
# quotes too is crlf-comment.sh.)
cat > base.txt <<'CSV'
ID|Время создания|Насколько Вы в целом удовлетворены качеством взаимодействия?|"Получили ли Вы результат, за которым обращались?"|Ваши замечания и предложения|service|point|src
101|2024-03-05 08:48:10|4 - Хорошо|Да|"Замечания:
1) нет кулера, воды;
2) ""табло"" не работает."|sz-zhku|mfc-zeya|qr
102|2024-03-06 12:00:00|5 - Отлично|Нет||sz-zhku||site
103|2024-03-07 09:30:00|3 - Нормально||"Всё хорошо; спасибо"|sz-zhku|mfc-zeya|qr
CSV
run() { ingest -q -c "$EXAMPLES/demo-campaign.yaml" -p yandex-forms "$@"; }
tab=$(printf '\t')
sed 's/|/,/g' base.txt > plain.csv
run -o want.csv plain.csv || exit 1
n=0; bad=0
# Every encoding with every delimiter, line ends alternating (9 runs, not 18:
# each run costs a process or three).
for v in "utf8-bom , lf" "utf8-bom ; crlf" "utf8-bom tab lf" \
         "utf8 , crlf" "utf8 ; lf" "utf8 tab crlf" \
         "cp1251 , lf" "cp1251 ; crlf" "cp1251 tab crlf"; do
  set -- $v
  delim=$2; [ "$delim" = tab ] && delim=$tab
  # CRLF only between records: a line inside quotes keeps its bare LF.
  awk -v d="$delim" -v crlf="$([ "$3" = crlf ] && echo 1)" -v bom="$([ "$1" = utf8-bom ] && echo 1)" '
    NR == 1 && bom { printf "\357\273\277" }
    { gsub(/\|/, d); q += gsub(/"/, "&"); printf "%s%s\n", $0, (crlf && q % 2 == 0 ? "\r" : "") }' base.txt > step
  if [ "$1" = cp1251 ]; then iconv -f UTF-8 -t CP1251 step > in.csv || exit 1; else mv step in.csv; fi
  n=$((n + 1))
  if ! run -o got.csv in.csv 2>err; then
    echo "$v: failed: $(cat err)"; bad=1
  elif ! cmp -s want.csv got.csv; then
    echo "$v: output differs"; diff want.csv got.csv | cat -A | head -8; bad=1
  fi
done
echo "$n variants checked"
# The explicit --delimiter and --encoding give the same as auto.
sed 's/|/;/g' base.txt | iconv -f UTF-8 -t CP1251 > in.csv
run --delimiter ';' --encoding cp1251 -o got.csv in.csv && cmp want.csv got.csv && echo "explicit ';' cp1251: same"
sed "s/|/$tab/g" base.txt > in.csv
run --delimiter tab --encoding utf-8 -o got.csv in.csv && cmp want.csv got.csv && echo "explicit tab utf-8: same"
cat want.csv
exit $bad
