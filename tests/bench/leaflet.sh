#!/bin/sh
# leaflet against glabels-3-batch (what print shops use to merge a CSV into
# labels), on the same manifest, in one run. Prints pages per second, peak
# memory and bytes per page, and the ratios.
# usage: tests/bench/leaflet.sh [N...]   (default 1000 10000; needs glabels for
# the peer, which is run up to GLABELS_MAX rows, 1000 by default: at 10,000 it
# slows to a few pages a second and takes gigabytes)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
LEAFLET=$top/build/cmd/leaflet
GLABELS_MAX=${GLABELS_MAX:-1000}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
[ $# -gt 0 ] || set -- 1000 10000

manifest() {
  awk -v n="$1" 'BEGIN {
    OFS = ","
    print "code_id,level,authority,authority_name,direction,item,item_name,point,point_name,municipality,url,file"
    split("Выдача справки о составе семьи|Назначение ежемесячной выплаты на ребёнка|Оформление субсидии на оплату жилого помещения и коммунальных услуг|Выдача разрешения на строительство|Предоставление земельного участка многодетной семье", names, "|")
    for (i = 0; i < n; i++) {
      s = 1 + (i * 7919) % 2000; p = 1 + i % 500
      printf "a.services.svc-%04d.pt-%03d-%d,item,a,Министерство социальной защиты населения,services,svc-%04d,%s,pt-%03d,Точка обслуживания pt-%03d,г. Благовещенск,https://forms.yandex.ru/cloud/65c1ce9e693872420b78dfa7/?service=svc-%04d&point=pt-%03d&src=qr,\n", s, p, i, s, names[1 + s % 5], p, p, s, p
    }
  }'
}

# run NAME PAGES CMD...: prints name, pages/s, peak MiB, bytes/page of out.pdf
run() {
  name=$1; pages=$2; shift 2
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2>&1 || { echo "$name: failed"; return; }
  read -r secs kb < "$work/time"
  bytes=$(stat -c %s "$work/out.pdf")
  echo "$name $pages $secs $kb $bytes" | awk '{ printf "%-26s %7d pages %8.2f s %9.1f pages/s %7.0f MiB %8.0f B/page\n", $1, $2, $3, $2 / $3, $4 / 1024, $5 / $2 }'
  eval "rate_$name=$(echo "$pages $secs" | awk '{ printf "%.1f", $1 / $2 }')"
}

for n in "$@"; do
  manifest "$n" > "$work/manifest.csv"
  echo "== $n item leaflets"
  run leaflet "$n" "$LEAFLET" -q -t item -o "$work/out.pdf" "$work/manifest.csv"
  if command -v glabels-3-batch > /dev/null && [ "$n" -le "$GLABELS_MAX" ]; then
    sed "s|src=\"manifest.csv\"|src=\"$work/manifest.csv\"|" "$top/tests/bench/leaflet_4up_a4.glabels" > "$work/t.glabels"
    pages=$(( (n + 3) / 4 ))
    run glabels "$pages" glabels-3-batch -i "$work/manifest.csv" -o "$work/out.pdf" "$work/t.glabels"
    echo "$rate_leaflet $rate_glabels" | awk '{ printf "leaflet / glabels: x%.1f pages per second (glabels prints 4 labels a page)\n", $1 / $2 }'
  elif [ "$n" -gt "$GLABELS_MAX" ]; then
    echo "glabels: skipped above GLABELS_MAX=$GLABELS_MAX rows"
  else
    echo "glabels-3-batch not installed (apt-get install glabels): skipped"
  fi
done
