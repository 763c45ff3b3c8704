# anketa COMMAND runs the command beside it, never one found on PATH; help
# lists every command there is; wrong usage is exit 2.
mkdir elsewhere
printf '#!/bin/sh\necho "the wrong tally"\n' > elsewhere/tally
chmod +x elsewhere/tally
PATH=$PWD/elsewhere:$PATH anketa tally --version | head -n 1 | sed 's/[0-9][0-9.]*$/VERSION/'
# Through a link from another folder, still the commands of its own folder.
ln -s "$ANKETA_BIN/anketa" elsewhere/anketa
elsewhere/anketa ingest --help | head -n 1
elsewhere/anketa help tally | head -n 1
# Every command of cmd/ is listed by help and --help, the same way.
anketa help > help.txt; echo "help status $?"
anketa --help | cmp - help.txt && echo "--help is help"
for c in "$ANKETA_SOURCE"/cmd/*.c; do
  c=$(basename "$c" .c)
  case $c in cli*|anketa) continue ;; esac
  grep -q "^  $c " help.txt && echo "listed: $c"
done
anketa --version | head -n 1 | sed 's/[0-9][0-9.]*$/VERSION/'
anketa; echo "status $?"
anketa nope; echo "status $?"
anketa --nope; echo "status $?"
