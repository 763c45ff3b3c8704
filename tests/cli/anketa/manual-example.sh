# The complete example of anketa(7) runs as printed, from codes to report.
sed -n '/^\.Sh EXAMPLES/,/^\.Sh/p' "$ANKETA_SOURCE/man/anketa.7" |
  sed -n '/^\.Bd -literal/,/^\.Ed/p' | sed '1d; $d; s/\\e$/\\/' > example.sh
# Under valgrind the commands on PATH are wrappers, away from share/.
[ "$(command -v qrgen)" = "$ANKETA_BIN/qrgen" ] || sed -i "1s|.*|ex=$EXAMPLES|" example.sh
sh -e example.sh 2>/dev/null; echo "example status $?"
for f in codes/minsoc.png items.pdf responses.csv by-authority.csv by-month.csv report.pdf; do
  [ -s "$f" ] && echo "$f written"
done
echo "$(($(wc -l < rejects.csv) - 1)) rejects"
