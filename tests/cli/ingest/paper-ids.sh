# Paper forms (issue 13, item 7): each office numbers its forms from 1, so
# the paper profile scopes ids by the point: form 1 of two offices are two
# responses, and the same files read again with --seen are all duplicates.
# Labels belong to a scale: «Да» in a 1-5 question is a reject, not 1.
cp "$DATA/seed/campaign.yaml" c.yaml
leaflet -t form -f csv -c c.yaml -o lenina.csv || exit 1
cp lenina.csv berdsk.csv
printf '%s\n' '1,05.03.2025,office-lenina,tr-mnogodet,5,4,5,9,да,' \
  '2,05.03.2025,office-lenina,tr-kontrakt,отлично,,,,нет,' >> lenina.csv
# the office by its name, as printed on the form, or by its id
printf '%s\n' '1,06.03.2025,"МФЦ, г. Бердск, ул. Ленина, 89/8",st-rns,3,3,3,5,да,' \
  '2,06.03.2025,mfc-berdsk,st-rns,4,4,4,7,,' >> berdsk.csv
ingest -c c.yaml -p paper --seen seen.bin -o first.csv lenina.csv berdsk.csv 2>&1
cut -d, -f1,7,8 first.csv
echo "-- the same files again: all duplicates"
ingest -c c.yaml -p paper --seen seen.bin -o again.csv lenina.csv berdsk.csv 2>&1
echo "-- labels of another scale, and a form with no office"
cp lenina.csv bad.csv
printf '%s\n' '3,05.03.2025,office-lenina,tr-mnogodet,Да,,,,,' \
  '4,05.03.2025,office-lenina,tr-mnogodet,,,,нет,,' \
  '5,05.03.2025,office-lenina,tr-mnogodet,,,,,отлично,' \
  '6,05.03.2025,,tr-mnogodet,5,,,,,' >> bad.csv
ingest -c c.yaml -p paper --rejects rej.csv -o /dev/null bad.csv 2>&1
cut -d, -f2- rej.csv
