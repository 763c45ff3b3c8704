# A failed run writes nothing to standard output: the PDF is held until the
# run succeeds (it leaked a partial PDF before).
echo 'code_id,level,authority,authority_name,direction,item,item_name,point,point_name,municipality,url,file' > m.csv
echo 'a.s.ok,item,a,Ведомство,services,ok,Короткое название,,,,https://example.ru/1,' >> m.csv
name=$(python3 -c 'print(" ".join(["Предоставление компенсации расходов на оплату жилого помещения"] * 12))')
echo "a.s.long,item,a,Ведомство,services,long,$name,,,,https://example.ru/2," >> m.csv
leaflet -q -t item m.csv > out.pdf 2>/dev/null
echo "exit $?, $(wc -c < out.pdf) bytes on standard output"
head -2 m.csv | leaflet -q -t item > good.pdf
echo "exit $?, $(head -c 4 good.pdf)"
