# A workbook in the 1904 date system (<workbookPr date1904="1"/>, made by
# openpyxl in make-fixtures.py) counts its serials from 1904-01-01: its dates
# are read as written, not four years and a day early.
ingest -q -p canonical --tz +03:00 "$DATA/xlsx/date1904.xlsx" | cut -d, -f1,2,11
