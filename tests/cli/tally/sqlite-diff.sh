# Differential test: sqlite3 computes the same figures as tally from the same
# generated file (weights 0.5-2, empty answers, Cyrillic keys, comments with
# quotes and line breaks, a BOM and CRLF line ends). Counts must be equal;
# figures equal to 1e-9 (tally writes them unrounded; sqlite sums floats).
command -v sqlite3 >/dev/null || { echo "sqlite3 missing"; exit 1; }
python3 "$ANKETA_SOURCE/tests/bench/gen_responses.py" 4000 data.csv --small --bom --crlf --seed=3
tally -g municipality,direction --questions q.overall,q.result:0-1 --min-n 0 data.csv > tally.csv || exit 1
sqlite3 -list -separator , :memory: ".import --csv data.csv r" "
CREATE VIEW s AS SELECT municipality m, direction d, CAST(weight AS REAL) w,
  \"q.overall\" o, \"q.result\" y FROM r;
CREATE VIEW f AS
  SELECT m, d, 'q.overall' q, SUM(w) resp, SUM(CASE WHEN o <> '' THEN w ELSE 0 END) ans,
    SUM(CASE WHEN o <> '' THEN w * o END) sx, SUM(CASE WHEN o IN ('4', '5') THEN w ELSE 0 END) top,
    SUM(CASE WHEN o = '1' THEN w ELSE 0 END) ||';'|| SUM(CASE WHEN o = '2' THEN w ELSE 0 END) ||';'||
    SUM(CASE WHEN o = '3' THEN w ELSE 0 END) ||';'|| SUM(CASE WHEN o = '4' THEN w ELSE 0 END) ||';'||
    SUM(CASE WHEN o = '5' THEN w ELSE 0 END) dist, 5 hi FROM s GROUP BY m, d
  UNION ALL
  SELECT m, d, 'q.result', SUM(w), SUM(CASE WHEN y <> '' THEN w ELSE 0 END),
    SUM(CASE WHEN y <> '' THEN w * y END), SUM(CASE WHEN y = '1' THEN w ELSE 0 END),
    SUM(CASE WHEN y = '0' THEN w ELSE 0 END) ||';'|| SUM(CASE WHEN y = '1' THEN w ELSE 0 END), 1
  FROM s GROUP BY m, d;
SELECT m, d, q, resp, ans, sx / ans, top / ans,
  (top / ans + 3.841458820694124 / (2 * ans) - 1.959963984540054 * sqrt(top / ans * (1 - top / ans) / ans
    + 3.841458820694124 / (4 * ans * ans))) / (1 + 3.841458820694124 / ans),
  (top / ans + 3.841458820694124 / (2 * ans) + 1.959963984540054 * sqrt(top / ans * (1 - top / ans) / ans
    + 3.841458820694124 / (4 * ans * ans))) / (1 + 3.841458820694124 / ans),
  dist, sx / ans / hi * 100 FROM f ORDER BY m, d, q;" > sqlite.csv || exit 1
# Compare row by row: keys, counts exactly, figures within 1e-9.
awk -F, -v OFS=, '
  function near(a, b) { return (a - b < 1e-9 && b - a < 1e-9) }
  NR == FNR { if (FNR > 1) { k = $1 "," $2 "," $3; t[k] = $0; keys[++n] = k }; next }
  { k = $1 "," $2 "," $3; line = t[k]
    if (line == "") { print "sqlite row missing in tally: " k; bad = 1; next }
    split(line, a, ","); split($10, d, ";")
    if (!near(a[4], $4) || !near(a[5], $5)) { print "counts differ: " k; bad = 1 }
    if (!near(a[6], $6) || !near(a[7], $7) || !near(a[8], $8) || !near(a[9], $9) || !near(a[17], $11)) {
      print "figures differ: " k " tally " a[6] " " a[7] " " a[8] " " a[9] " " a[17] " sqlite " $6 " " $7 " " $8 " " $9 " " $11; bad = 1 }
    first = ($3 == "q.result") ? 10 : 11
    for (i = 1; i in d; i++) if (!near(a[first + i - 1], d[i])) { print "distribution differs: " k; bad = 1 }
    seen++ }
  END { if (seen != n) { print "row counts differ: tally " n ", sqlite " seen; bad = 1 }
        if (!bad) print "tally and sqlite3 agree on " seen " rows"; exit bad }' tally.csv sqlite.csv
