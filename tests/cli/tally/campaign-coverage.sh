# With the demo campaign: scales from it (q.result yes/no), min_group 5, and
# every point x item of the campaign, answered or not (responses 0).
tally -c "$DATA/tally/campaign.yaml" -g point,item --questions q.overall,q.result "$DATA/tally/demo-responses.csv"
