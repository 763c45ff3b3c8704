# Markdown: the readiness table of 0/1 columns, shares by district, the
# suppressed district marked, never shown as zero.
report -f md --title "Готовность ПОС" --period "сентябрь 2021" "$DATA/report/readiness.csv"
