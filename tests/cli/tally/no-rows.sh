# A header and no responses: the one group is there, with nothing answered.
printf 'id,q.overall,q.nps\n' | tally --questions q.overall,q.nps:0-10
