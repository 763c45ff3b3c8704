# Temporaries stay in $TMPDIR or the output's folder and none outlives its
# run: libxlsxwriter's go in a folder of the run in $TMPDIR, which a later
# run removes if a kill left it (its process is gone); one of a process that
# still runs is left alone.
mkdir tmp
export TMPDIR=$PWD/tmp
dead=$(sh -c 'echo $$')
host=$(uname -n | tr ./ -- | cut -c1-32)   # the machine's name is part of the name
mkdir "tmp/report-xlsx.anketa-tmp.$host.$dead.abcdefgh" "tmp/report-xlsx.anketa-tmp.$host.$$.abcdefgh"
touch "tmp/report-xlsx.anketa-tmp.$host.$dead.abcdefgh/tmp.AbCdEf"
report -o r.xlsx "$DATA/report/injection.csv" || exit 1
report -f xlsx "$DATA/report/injection.csv" > s.xlsx || exit 1
report -f pdf "$DATA/report/injection.csv" | head -c 4; echo
cmp r.xlsx s.xlsx && echo "same workbook to a file and to stdout"
ls | sed 's/[.][0-9][0-9]*[.]/.PID./'
ls tmp | sed "s/[.]$host[.]$$[.]/.HOST.LIVE./"
