# A name that cannot fit even at the minimum size is an error naming the row;
# no PDF is left behind.
echo 'code_id,level,authority,authority_name,direction,item,item_name,point,point_name,municipality,url,file' > m.csv
echo 'a.s.ok,item,a,Ведомство,services,ok,Короткое название,,,,https://example.ru/1,' >> m.csv
name=$(python3 -c 'print(" ".join(["Предоставление компенсации расходов на оплату жилого помещения"] * 12))')
echo "a.s.long,item,a,Ведомство,services,long,$name,,,,https://example.ru/2," >> m.csv
leaflet -q -t item -o out.pdf m.csv
status=$?
[ -e out.pdf ] && echo "out.pdf written"
ls
exit $status
