# "$@" and $* in every context (XCU 2.5.2, 2.6.2, 2.6.5)
show() { printf '%s:' "$#"; printf '<%s>' "$@"; echo; }
for args in 'a|b c|' '' '|' '||' 'x'; do
	IFS='|'; set -- $args; unset IFS
	echo "== $# params"
	show "$@"
	show $@
	show "$*"
	show $*
	show "x$@y"
	show x"$@"y
	show "$@$@"
	show "$@" "$@"
	show "${1+"$@"}"
	show ${1+"$@"}
	show "${1+$@}"
	show "${x-"$@"}"
	show ${x-"$@"}
	show ${x-$@}
	show "${x:-$*}"
	show ${1:+"$@"} z
	show "${#}" ${#} $#
	IFS=:
	show "$*" "${*}" $* "$@"
	x=$*; show "$x"
	x="$*"; show "$x"
	x=$@; show "$x"
	case $* in *) show "$*" ;; esac
	IFS=
	show "$*" $* "$@" $@
	x=$*; show "$x"
	x=$@; show "$x"
	unset IFS
	show "$*" $*
	unset x
done
set -- 'a  b' '*'
show "$@" $@ "$*"
set -f
show $@ $*
set +f
set --
show "$@" "$*" $@ $* "${@}" "${*}" "${*:-unset}"
