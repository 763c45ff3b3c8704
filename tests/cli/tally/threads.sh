# Two threads (forced on a small file) give the same bytes as one, and a bad
# value in the second half is named with its true line.
python3 "$ANKETA_SOURCE/tests/bench/gen_responses.py" 2000 all.csv --seed=5
C=$DATA/tally/campaign.yaml
tally --threads 1 -c "$C" -g authority,direction,week all.csv > one.csv
ANKETA_TALLY_SPLIT_MIN=1 tally -c "$C" -g authority,direction,week all.csv > two.csv
cmp one.csv two.csv && echo same
n=$(grep -n '^[a-z]*:101900,' all.csv | cut -d: -f1)
sed "${n}s/^\([^,]*,\)[^,]*/\1yesterday/" all.csv > bad.csv
ANKETA_TALLY_SPLIT_MIN=1 tally -c "$C" -g month bad.csv 2>&1 | sed "s/:$n:2:/:LINE:2:/"
