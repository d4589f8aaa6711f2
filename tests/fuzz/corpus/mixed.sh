#!/bin/sh
# A small script using most of the grammar: the mutation corpus of fuzz.bats.
x=1 y='a b' IFS=' 	
'
f() { local v; v=${1:-none}; echo "f:$v:${#v}"; }
for i in 1 2 "$y"; do
	case $i in
	(1) echo one ;;
	2|3) echo "two${x+"\}"}" ;;
	*) f "$i" && echo "$(( i + 1 ))" 2>&1 ;;
	esac
done
while [ "$x" -lt 3 ]; do x=$((x+1)); done; until :; do :; done
if test -n "${y%% *}"; then echo `echo bq \`echo in\``; elif false; then :; else exit 3; fi
cat <<EOF >out; cat <<-'E\OF' | { read a; echo "$a"; }
body $x $(echo sub) \$ \
cont
EOF
	tab $x
	E\OF
{ echo group; ( echo sub; ) } >/dev/null 2>&1 || ! true
echo $'dq\tx' "${x:=2}" "${y#a}" ${y%b} "$@" "$*" $# $? $$ $! $- \
  ~ ~/x "a\"b" 'c'"d"e\ f
alias ll='echo l
echo l2'
ll; echo $LINENO
x=$(case $x in a) echo "(";; esac; cat <<E
$x
E
)
