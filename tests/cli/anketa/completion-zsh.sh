# The zsh completion, in an interactive zsh (through zpty): options, choices,
# template and profile names from the command's own data folder, and the
# commands after anketa.
unset ANKETA_DATADIR
# The commands themselves, not valgrind's wrappers: completion looks beside them.
PATH=$ANKETA_BIN:$PATH
export COMP="$ANKETA_BIN/../completion"
timeout 60 zsh -f <<'ZSH'
zmodload zsh/zpty
# Types $1 in a fresh interactive zsh with the completion loaded and says
# when the output matches $2 (else the timeout ends the test).
try() {
  local out
  zpty z env TERM=dumb zsh -f -i
  zpty -w z "PS1='> '; fpath=($COMP \$fpath); autoload -U compinit; compinit -u -D"
  zpty -w -n z "$1"
  zpty -r z out "*$2*" && print -r -- "${1%%$'\t'*}: completed"
  zpty -d z
}
try $'leaflet -t \t\t' 'authority*direction*grid*item*post*reply'
try $'ingest --enc\t' 'oding '
try $'ingest -p y\t' 'andex-forms '
try $'report -f \t\t' 'csv*html*md*pdf*xlsx'
try $'anketa ta\t' 'lly '
try $'anketa leaflet -t \t\t' 'authority*direction*grid*item*post*reply'
ZSH
echo "status $?"
