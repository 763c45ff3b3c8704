# Names go into the Markdown as text, never as markup: no raw <script> or
# <svg onload>, no link, no '|' that splits a cell, no CR or LF inside a row;
# each table row keeps its six cells.
F=4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,
{ echo "authority,question,responses,answered,mean,csat,csat_low,csat_high,n1,n2,n3,n4,n5,suppressed,mean_pct,nps"
  for name in '<script>alert(1)</script>' '<svg onload=alert(1)>' 'a|b' '[click](javascript:alert(1))' \
      'Tom & Jerry' '"line1
line2"' '"cr1'"$(printf '\r')"'cr2"' '*bold* _em_ `code`'; do
    printf '%s,q.overall,10,10,%s\n' "$name" "$F"
  done
} > hostile.csv
report -f md --title 'Отчет <b>' -o r.md hostile.csv || exit 1
grep -c '<' r.md
grep -c "$(printf '\r')" r.md
grep '^| [0-9]' r.md
# a row's cells: split on '|' not preceded by a backslash
awk '/^\| [0-9]/ { n = gsub(/(^|[^\\])\|/, "&"); print n - 1 " cells" }' r.md | sort | uniq -c
head -1 r.md
