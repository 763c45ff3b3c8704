# The reply to an appeal (§4): the PDF block's link and code are clickable
# links to the manifest's URL; the e-mail version, HTML and text, is the
# seed's paragraph word for word followed by the active link.
C="$DATA/seed/campaign.yaml"
qrgen -c "$C" --no-files -l direction > all.csv || exit 1
head -1 all.csv > m.csv && grep '^[a-z]*\.appeals,' all.csv >> m.csv
leaflet -q -t reply -w code_id=mintrud.appeals -o reply.pdf m.csv || exit 1
pdfinfo -url reply.pdf
pdftotext -raw reply.pdf - | tr '\n' ' ' | grep -o 'Для оценки.*способом' 
leaflet -t reply -f html -o reply.html m.csv || exit 1
leaflet -q -t reply -o reply.txt m.csv || exit 1
python3 "$CASE_DIR/check-paste.py" reply m.csv reply.html reply.txt
# One reply: exactly the line to paste.
leaflet -q -t reply -f txt -w code_id=minstroy.appeals m.csv
