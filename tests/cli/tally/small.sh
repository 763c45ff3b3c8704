# Hand-checked: weights, an empty answer, a yes/no question, Cyrillic keys.
# Тында q.a: 5 (w 1) and 4 (w 0.5) -> mean 14/3 = 4.6667, csat 1;
# q.r: 1,0(0.5),1 -> 2/2.5 = 0.8.  Зея: one 1 of weight 2.
tally -g city --questions q.a,q.r:0-1 --min-n 1 "$DATA/tally/small.csv"
