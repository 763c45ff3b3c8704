# Wrong usage: one line naming the problem, a hint, exit 2.
qrgen --format gif < /dev/null
echo "status $?"
qrgen --margin -1 < /dev/null
echo "status $?"
qrgen --bogus < /dev/null
echo "status $?"
