# Exports collected by general codes (issue 13, item 6): answers through a
# direction's code carry no item or point, so --set gives the columns a file
# lacks or leaves empty; an item name two authorities share is told apart by
# --set authority, or kept with the item blank and counted, never rejected.
cp "$DATA/seed/campaign.yaml" c.yaml; C=c.yaml
Q1='Насколько Вы в целом удовлетворены качеством взаимодействия?'
echo "-- a direction code's export: no item, no point"
printf 'ID,Время создания,%s\n' "$Q1" > dir.csv
printf '%s\n' '101,05.03.2025 10:00,5 - Отлично' '102,05.03.2025 11:00,4' >> dir.csv
ingest -c "$C" -p yandex-forms --set authority=mintrud --set direction=services \
  --set channel=site dir.csv 2>err | cut -d, -f1-11
grep -v "no column answers" err
echo "-- a file's own value wins; --set fills only the empty cells"
printf 'ID,Время создания,point,%s\n' "$Q1" > pt.csv
printf '%s\n' '201,05.03.2025 10:00,mfc-berdsk,5' '202,05.03.2025 10:00,,3' >> pt.csv
ingest -c "$C" -p yandex-forms --set point=office-lenina pt.csv 2>err | cut -d, -f1,5-9
grep -v "no column answers" err
echo "-- an item name both authorities have: blank and counted, not rejected"
printf 'ID,Время создания,item,%s\n' "$Q1" > shared.csv
printf '%s\n' '301,05.03.2025 10:00,Рассмотрение обращений граждан,5' >> shared.csv
printf '%s\n' '302,05.03.2025 10:00,Рассмотрение обращений граждан,2' >> shared.csv
ingest -c "$C" -p yandex-forms shared.csv 2>err | cut -d, -f1,5-8
grep -v "no column answers" err
echo "-- told apart by --set authority"
ingest -c "$C" -p yandex-forms --set authority=minstroy shared.csv 2>err | cut -d, -f1,5-8
grep -v "no column answers" err
echo "-- mistakes: an id not in the campaign (exit 1), a column --set cannot fill (exit 2)"
ingest -c "$C" -p yandex-forms --set authority=minzdrav shared.csv 2>&1; echo "exit $?"
ingest -c "$C" -p yandex-forms --set item=x shared.csv 2>&1; echo "exit $?"
ingest -c "$C" -p yandex-forms --set authority shared.csv 2>&1; echo "exit $?"
