# File names from names: two that differ only in case (Latin or Cyrillic)
# would be one file on a case-insensitive file system and are refused,
# naming both; bidi overrides (U+202E) and other format or control
# characters become '_'. In a campaign, code ids that differ only in case
# are refused the same way, and the campaign id follows the id rule.
printf 'name,url\n' >in.csv
printf 'Report,https://example.ru/1\n' >>in.csv
printf 'report,https://example.ru/2\n' >>in.csv
printf 'Отчёт,https://example.ru/3\n' >>in.csv
printf 'ОТЧЁТ,https://example.ru/4\n' >>in.csv
printf 'inv\342\200\256gnp.exe,https://example.ru/5\n' >>in.csv
printf 'zero\342\200\213width,https://example.ru/6\n' >>in.csv
qrgen -f txt -o out <in.csv >manifest.csv; echo "exit $?"
ls out | LC_ALL=C sort
cat >c.yaml <<'YAML'
campaign: {id: x, name: y}
directions: [{id: d, kind: service, name: n}]
authorities:
  - {id: Min, name: A, feedback_url: "https://a.ru/", surveys: {d: {url: "https://f.ru/"}}}
  - {id: min, name: B, feedback_url: "https://b.ru/", surveys: {d: {url: "https://f.ru/"}}}
questions: [{id: q, text: t, scale: 1-5}]
YAML
qrgen -c c.yaml --no-files; echo "exit $?"
sed -e 's/id: min,/id: other,/' -e 's/{id: x,/{id: "x\/..\/y",/' c.yaml >d.yaml
qrgen -c d.yaml --no-files; echo "exit $?"
