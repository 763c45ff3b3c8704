# The bash completion, loaded in bash: registered for every command, options
# in sync with each command's --help, template and profile names from the
# data folder of the command completed.
unset ANKETA_DATADIR
# The commands themselves, not valgrind's wrappers: completion looks beside them.
PATH=$ANKETA_BIN:$PATH
comp=$ANKETA_BIN/../completion/anketa.bash
for c in qrgen leaflet ingest tally report; do
  LC_ALL=C $c --help | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u > "help-$c"
done
mkdir -p mine/templates/leaflet
cp "$EXAMPLES/../templates/leaflet/item.yaml" mine/templates/leaflet/desk.yaml
COMP=$comp bash --norc --noprofile <<'BASH'
source "$COMP" || exit 1
t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _anketa_complete
      printf '%s:' "$*"; printf ' %s' "${COMPREPLY[@]}"; echo; }
for c in anketa qrgen leaflet ingest tally report; do complete -p $c; done
for c in qrgen leaflet ingest tally report; do
  COMP_WORDS=($c --); COMP_CWORD=1; _anketa_complete
  printf '%s\n' "${COMPREPLY[@]}" | sort | cmp -s - "help-$c" && echo "$c --: every option of --help"
done
t leaflet -t ''
t ingest --
t ingest -p y
t ingest --encoding ''
t qrgen -f ''
t report --format x
t anketa ''
t anketa ta
t anketa tally --me
t anketa leaflet --template g
t anketa help r
ANKETA_DATADIR=$PWD/mine t leaflet -t d
BASH
