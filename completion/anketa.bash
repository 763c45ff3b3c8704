
# The data folders of a command as typed (a name on PATH or a path):
# $ANKETA_DATADIR, then share/anketa beside the command, as the command
# itself looks (lib/paths.c).
_anketa_datadirs()
{
    [[ -n ${ANKETA_DATADIR-} ]] && printf '%s\n' "$ANKETA_DATADIR"
    local p=$1
    [[ $p == */* ]] || p=$(type -P -- "$p") || return 0
    p=$(readlink -f -- "$p") || return 0
    printf '%s\n' "${p%/*}/$_anketa_bin_to_data"
}

# The shipped names under templates/$2 (leaflet templates, ingest profiles)
# for command $1, then files when the word looks like a path.
_anketa_names()
{
    local dir f
    local -A names=()
    while IFS= read -r dir; do
        for f in "$dir/templates/$2"/*.yaml; do
            [[ -e $f ]] || continue
            f=${f##*/}
            names[${f%.yaml}]=1
        done
    done < <(_anketa_datadirs "$1")
    COMPREPLY=($(compgen -W "${!names[*]}" -- "$cur" | sort))
    [[ $cur == */* || $cur == .* ]] && COMPREPLY+=($(compgen -f -- "$cur"))
    return 0
}

_anketa_complete()
{
    local cur=${COMP_WORDS[COMP_CWORD]} typed=${COMP_WORDS[0]} first=1 prev=""
    local cmd=${typed##*/}
    COMPREPLY=()
    if [[ $cmd == anketa ]]; then
        # anketa COMMAND ARG...: the command's own completion after it.
        if ((COMP_CWORD == 1)); then
            COMPREPLY=($(compgen -W "$_anketa_commands help -h --help --version" -- "$cur"))
            return 0
        fi
        cmd=${COMP_WORDS[1]}
        if [[ $cmd == help ]]; then
            ((COMP_CWORD == 2)) && COMPREPLY=($(compgen -W "$_anketa_commands" -- "$cur"))
            return 0
        fi
        [[ -n ${_anketa_opts[$cmd]+set} ]] || return 0
        first=2
    fi
    ((COMP_CWORD > first)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    case ${_anketa_arg[$cmd $prev]-} in
    template) _anketa_names "$typed" leaflet; return 0 ;;
    profile) _anketa_names "$typed" ingest; return 0 ;;
    choice:*)
        local choices=${_anketa_arg[$cmd $prev]}
        COMPREPLY=($(compgen -W "${choices#choice:}" -- "$cur"))
        return 0 ;;
    dir) COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
    file) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    other) return 0 ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "${_anketa_opts[$cmd]}" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}

complete -o filenames -F _anketa_complete anketa $_anketa_commands
