# A layout whose modules would be under 0.4 mm is refused, naming the row.
sed 's/{ type: qr, x: 36, y: 61, size: 76 }/{ type: qr, x: 36, y: 61, size: 20 }/' \
  "$ANKETA_SOURCE/share/templates/leaflet/item.yaml" > small.yaml
echo 'code_id,level,authority,authority_name,direction,item,item_name,point,point_name,municipality,url,file' > m.csv
echo "a.s.1,item,a,Ведомство,services,s1,Услуга,,,,https://example.ru/?x=$(python3 -c 'print("y" * 300)'),"  >> m.csv
leaflet -q -t ./small.yaml -o out.pdf m.csv
