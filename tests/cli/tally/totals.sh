# Totals per authority and overall; small groups hidden, and a sibling hidden
# with each where the total would reveal it (complementary suppression).
tally -c "$DATA/tally/campaign.yaml" -g authority,item --questions q.overall --totals "$DATA/tally/demo-responses.csv"
