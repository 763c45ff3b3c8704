# One URL rule (anketa/url.h) for every code: http(s) only, a valid host and
# nothing else before the path, no NUL byte. A Cyrillic host is written in
# IDNA (punycode), the path and query percent-encoded, and the code decodes
# to exactly that.
printf 'name,url\n' >in.csv
printf 'idn,https://мфц-нсо.рф/оценка?q=ж\n' >>in.csv
printf 'js,javascript:alert(1)\n' >>in.csv
printf 'nohost,https:///x\n' >>in.csv
printf 'space,https://exa mple.ru/\n' >>in.csv
printf 'user,https://user@example.ru/\n' >>in.csv
printf 'nul,"https://example.ru/\0evil"\n' >>in.csv
qrgen -f txt -o out <in.csv; echo "exit $?"
ls out
# a campaign's URLs follow the same rule
sed 's#https://blagoveshchensk.ru/#https://мфц-нсо.рф/#' "$EXAMPLES/demo-campaign.yaml" >c.yaml
qrgen -c c.yaml --no-files -l authority | grep -o 'https://xn----wtbeeopo.xn--p1ai/[^,]*'
