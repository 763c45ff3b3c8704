# Yes/no questions: да/нет, yes/no, 1/0, +/- in any case are 1/0 (csat is the
# share of yes), empty is not answered, anything else is a bad value named
# with its line and column, or skipped and counted with --skip-invalid.
# --where on a yes/no question compares by meaning; so do да/нет/yes/no on
# any other column.
printf 'org,district,connected,ready\n1,А,да,Да\n2,А,ДА,нет\n3,А, Yes ,\n4,Б,+,-\n5,Б,0,\n6,Б,"нет",NO\n7,Б,1,1\n' > reg.csv
tally -g district --min-n 0 --questions connected:yes/no,ready:yes/no reg.csv
echo "== of the connected"
tally -g district --min-n 0 --questions ready:yes/no --where connected=yes reg.csv 2>&1
tally --min-n 0 --questions ready:yes/no,connected:yes/no --where connected=+ reg.csv 2>&1
echo "== a bad answer"
printf '8,Б,может быть,да\n' >> reg.csv
tally -g district --questions connected:yes/no,ready:yes/no reg.csv 2>&1
echo "exit $?"
tally -g district --min-n 0 --questions connected:yes/no --skip-invalid reg.csv 2>&1
tally --questions ready:yes/no,connected:yes/no --where connected=да reg.csv 2>&1
echo "exit $?"
tally --questions connected:yes/no --where connected=может reg.csv 2>&1
echo "exit $?"
