
# The shipped names under templates/KIND (leaflet templates, ingest profiles):
# from $ANKETA_DATADIR, then share/anketa beside the command, as the command
# itself looks (lib/paths.c); a path is completed as a file. Called by
# _arguments as `_anketa_names COMPADD-OPTIONS... KIND`.
_anketa_names() {
  local cmd=${words[1]} kind=${argv[-1]} dir
  local -a dirs names
  [[ -n $ANKETA_DATADIR ]] && dirs+=($ANKETA_DATADIR)
  [[ $cmd == */* ]] || cmd=${commands[$cmd]}
  [[ -n $cmd ]] && dirs+=(${cmd:A:h}/$_anketa_bin_to_data)
  for dir in $dirs; do
    names+=($dir/templates/$kind/*.yaml(N:t:r))
  done
  local ret=1
  names=(${(u)names})
  compadd "${(@)argv[1,-2]}" -a names && ret=0
  [[ $PREFIX == */* || $PREFIX == .* ]] && _files && ret=0
  return ret
}

_anketa() {
  local service_cmd=${words[1]:t}
  if [[ $service_cmd == anketa ]]; then
    if (( CURRENT == 2 )); then
      _alternative "commands:command:(${_anketa_commands_zsh} help)" \
        "options:option:(-h --help --version)"
      return
    fi
    if [[ ${words[2]} == help ]]; then
      (( CURRENT == 3 )) && _values command ${=_anketa_commands_zsh}
      return
    fi
    service_cmd=${words[2]}
    # The command's own completion, as if typed without anketa; the data
    # folder is still found from anketa's own folder.
    local front=${words[1]}
    shift words
    (( CURRENT-- ))
    [[ $front == */* ]] && words[1]=${front:h}/$service_cmd || words[1]=${commands[$front]:h}/$service_cmd
  fi
  local specs=_anketa_specs_$service_cmd
  (( ${(P)+specs} )) || return 1
  _arguments -s -S : "${(@P)specs}"
}

_anketa "$@"
