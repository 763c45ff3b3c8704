# Report labels follow the campaign's item kinds and points: processes at
# units are «Процесс» and «Подразделение»; a campaign of services, measures
# and kinds of control names all three.
C="$DATA/kinds/internal.yaml"
python3 - <<'PY'
import csv
w = csv.writer(open("responses.csv", "w", encoding="utf-8", newline=""))
w.writerow(["response_id", "submitted_at", "source", "channel", "authority", "direction", "item",
            "point", "municipality", "weight", "q.overall", "comment"])
n = 0
for item, point, scores in (("zakupki", "otdel-it", [2, 3, 3, 4, 5, 2, 3]),
                            ("kadry", "otdel-it", [5, 4, 5, 4, 5, 4]),
                            ("kadry", "otdel-kontrol", [4, 3, 5, 2, 4, 4])):
    for s in scores:
        n += 1
        w.writerow([f"p:{n}", "2024-06-03T10:00:00+03:00", "paper", "paper", "minsvyaz",
                    "processes", item, point, "г. Архангельск", 1, s, ""])
PY
tally -c "$C" -g item,point -o figures.csv responses.csv || exit 1
report -c "$C" -f md -o internal.md figures.csv || exit 1
grep -o -e 'Наименее высоко оцененные [^|]*' -e 'Процесс, вид контроля / Подразделение' internal.md | sort -u
report -c "$EXAMPLES/demo-campaign.yaml" -f md -o demo.md "$DATA/report/items.csv" || exit 1
grep -o -e 'Наименее высоко оцененные [^|]*' -e 'Услуга, мера поддержки, вид контроля / Точка взаимодействия' demo.md | sort -u
