# A weight is the whole field as a decimal number, exactly: spaces, commas,
# long runs of zeros and amounts past 10^9 are read whole, or refused with
# their reason.
zeros=00000000000000000000000000000000000000000000000000000000000000
{
  echo "authority,q.a,weight"
  echo "a,5,${zeros}1000"
  echo "b,4,1 2"
  echo "c,4,\"1,000\""
  echo "d,4,1000000000.5"
  echo "e,4,99999999999999999999x"
  echo "f,4,0.00001"
} >w.csv
tally --skip-invalid -g authority w.csv
for row in 3 4 5 6 7; do
  { head -n 1 w.csv; sed -n "${row}p" w.csv; } | tally -g authority >/dev/null; echo "exit $?"
done
