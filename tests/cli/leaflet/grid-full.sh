# 14 services at one point fill a 12-code sheet and go on to a second; 10
# kinds of control make a 9-code sheet and a second.
{
  echo 'code_id,level,authority,authority_name,direction,item,item_name,point,point_name,municipality,url,file'
  for i in $(seq 1 14); do echo "a.s.$i.p,item,a,Ведомство,services,s$i,Услуга номер $i,p,Офис,Город,https://example.ru/s?i=$i,"; done
  for i in $(seq 1 10); do echo "a.c.$i,item,a,Ведомство,control,c$i,Вид контроля $i,,,,https://example.ru/c?i=$i,"; done
} > manifest.csv
leaflet -q -t grid -o grid.pdf manifest.csv || exit 1
python3 "$CASE_DIR/check-pdf.py" manifest.csv grid.pdf item 4
for p in 1 2 3 4; do pdftoppm -r 150 -png -f $p -l $p grid.pdf page; zbarimg -q --raw page-*$p.png 2>/dev/null | wc -l; done
