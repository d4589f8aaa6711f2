#!/usr/bin/env bats
# bash's special variables (src/special.c): RANDOM, SRANDOM, SECONDS,
# EPOCHSECONDS, EPOCHREALTIME, BASHPID, UID, EUID, PPID, HOSTNAME, HOSTTYPE,
# OSTYPE, MACHTYPE, SHLVL. Checked against bash (tests/run /bin/bash).
load helpers/common

@test "RANDOM gives 15-bit numbers that change" {
	ext_only
	sh_c 'i=0; d=0; p=$RANDOM; while [ $i -lt 50 ]; do r=$RANDOM; [ $r -ge 0 ] && [ $r -le 32767 ] || echo bad $r; [ $r != $p ] && d=$((d+1)); p=$r; i=$((i+1)); done; [ $d -gt 40 ] && echo ok'
	out_is ok
}

@test "assigning RANDOM seeds it: the same seed gives the same numbers" {
	ext_only
	sh_c 'RANDOM=42; a="$RANDOM $RANDOM"; RANDOM=42; b="$RANDOM $RANDOM"; RANDOM=43; c="$RANDOM $RANDOM"; [ "$a" = "$b" ] && [ "$a" != "$c" ] && echo ok'
	out_is ok
}

@test "SRANDOM gives 32-bit numbers" {
	ext_only
	sh_c 'a=$SRANDOM b=$SRANDOM; [ "$a" != "$b" ] && [ "$a" -ge 0 ] && [ "$a" -le 4294967295 ] && echo ok'
	out_is ok
}

@test "SECONDS counts from start-up or from its assigned value" {
	ext_only
	sh_c 'echo $SECONDS; SECONDS=100; echo $SECONDS'
	out_is "$(printf '0\n100')"
}

@test "EPOCHSECONDS and EPOCHREALTIME are the time now" {
	ext_only
	now=$(date +%s)
	sh_c 'echo $EPOCHSECONDS; echo $EPOCHREALTIME'
	[ $(( ${lines[0]} - now )) -le 2 ]
	[[ ${lines[1]} =~ ^[0-9]+\.[0-9]{6}$ ]]
	[ "${lines[1]%.*}" -ge "${lines[0]}" ]
}

@test "BASHPID is \$\$ in the shell and differs in a forked subshell" {
	ext_only
	sh_c 'echo $BASHPID $$; (: ; echo $BASHPID; :) | cat'
	set -- ${lines[0]}
	[ "$1" = "$2" ]
	[ "${lines[1]}" != "$2" ]
}

@test "UID and EUID are the user ids; assignments do not change them" {
	ext_only
	sh_c 'echo $UID $EUID; (UID=12345; echo "$UID") 2>/dev/null | grep -x 12345 || echo unchanged'
	out_is "$(id -u) $(id -u)
unchanged"
}

@test "PPID is the parent's pid; assignments do not change it" {
	ext_only
	sh_c 'echo $PPID; (PPID=12345; echo "$PPID") 2>/dev/null | grep -x 12345 || echo unchanged'
	[ "${lines[1]}" = unchanged ]
	[ "${lines[0]}" -gt 0 ]
}

@test "HOSTNAME HOSTTYPE OSTYPE MACHTYPE" {
	ext_only
	sh_c 'echo $HOSTNAME; echo $HOSTTYPE; echo $OSTYPE; echo $MACHTYPE'
	out_is "$(hostname)
$(uname -m)
linux-gnu
$(uname -m)-pc-linux-gnu"
}

@test "SHLVL is one more than inherited, and exported" {
	ext_only
	run env SHLVL=3 "$SPSH" -c 'echo $SHLVL; env | grep "^SHLVL="'
	[ "$output" = "$(printf '4\nSHLVL=4')" ]
	run env SHLVL=junk "$SPSH" -c 'echo $SHLVL'
	[ "$output" = 1 ]
}

@test "spsh: SPSH_VERSION is set, BASH_VERSION is not" {
	spsh_only
	sh_c 'echo ${SPSH_VERSION:+set} ${BASH_VERSION-unset} ${BASH_VERSINFO-unset}'
	out_is 'set unset unset'
}

@test "declare -p FUNCNAME at the top level: declared, no elements (bash)" {
	ext_only
	expect_sh 'declare -p FUNCNAME; f() { declare -p FUNCNAME; }; f; echo "${#FUNCNAME[@]}"' 'declare -a FUNCNAME
declare -a FUNCNAME=([0]="f")
0'
}

@test "PATH and SHELL unset at start-up get a default, not exported (bash)" {
	ext_only
	run env -u PATH -u SHELL "$SPSH" -c 'case $PATH in *:/bin*|/bin*) echo path;; esac; test -n "$SHELL" && echo shell
/usr/bin/env | /bin/grep -c "^PATH=\|^SHELL="'
	[ "$output" = "$(printf 'path\nshell\n0')" ]
}

@test "SHELLOPTS lists the set -o options that are on and follows set" {
	ext_only
	expect_sh 'case :$SHELLOPTS: in *:xtrace:*) echo on;; *) echo off;; esac; set -o pipefail -o noglob; case :$SHELLOPTS: in *:noglob:*) case :$SHELLOPTS: in *:pipefail:*) echo both;; esac;; esac; set +o pipefail; case :$SHELLOPTS: in *:pipefail:*) echo still;; *) echo gone;; esac' 'off
both
gone'
}

@test "A+=x before a command appends to A for that command only (bash)" {
	ext_only
	expect_sh 'A=a; A+=b /usr/bin/env | /bin/grep "^A="; f() { echo "in $A"; }; A+=c f; echo "$A"' 'A=ab
in ac
a'
}

@test "\$_ after declare a=(1 2) is the name a (bash)" {
	ext_only
	expect_sh 'declare a=(1 2); echo "[$_]"; declare -g d+=(3); echo "[$_]"; echo x=\(y\); echo "[$_]"' '[a]
[d]
x=(y)
[x=(y)]'
}

@test "unset RANDOM and SECONDS take their special meaning away before they were ever read (bash)" {
	ext_only
	expect_sh 'unset RANDOM; echo "[$RANDOM]" "${RANDOM-unset}"; RANDOM=3; echo $RANDOM $RANDOM; unset SECONDS; echo "[$SECONDS]"; [[ -z $SRANDOM ]] || echo srandom' '[] unset
3 3
[]
srandom'
}

@test "LINENO: an assignment has no lasting effect, each command sets the line again; after unset it is ordinary (bash)" {
	ext_only
	sh_script 'echo "a $LINENO"
LINENO=5
echo "b $LINENO"; LINENO+=3; echo "c $LINENO"
f() {
	LINENO=50
	echo "f $LINENO"
}
f
unset LINENO
echo "d [$LINENO]"
LINENO=7
echo "e $LINENO"
echo "g $LINENO"'
	out_is 'a 1
b 3
c 3
f 6
d []
e 7
g 7'
}

@test "BASH_EXECUTION_STRING is the -c string, not exported; unset in a script (bash)" {
	ext_only
	sh_c 'echo "[$BASH_EXECUTION_STRING]"; env | grep -c BASH_EXECUTION_STRING' x
	out_is '[echo "[$BASH_EXECUTION_STRING]"; env | grep -c BASH_EXECUTION_STRING]
0'
	sh_script 'echo "[${BASH_EXECUTION_STRING-unset}]"'
	out_is '[unset]'
}

@test "declare -p shows the variables a hook makes, with bash's attributes; unset RANDOM is gone (bash)" {
	ext_only
	sh_c 'declare -p LINENO RANDOM SECONDS BASHPID EPOCHSECONDS UID SHELLOPTS | sed "s/=\"[0-9.]*\"/=N/"; unset RANDOM; declare -p RANDOM; echo "st=$?"'
	out_is 'declare -- LINENO=N
declare -i RANDOM=N
declare -i SECONDS=N
declare -i BASHPID=N
declare -- EPOCHSECONDS=N
declare -ir UID=N
declare -r SHELLOPTS="braceexpand:hashall:interactive-comments"
st=1'
}

@test "local RANDOM, SECONDS, LINENO, BASHPID: ordinary variables in the function, special again after it returns (bash)" {
	ext_only
	sh_c 'f() { local RANDOM=5 SECONDS=100; echo "in $RANDOM $SECONDS"; local LINENO; echo "l=$LINENO"; unset RANDOM; echo "${RANDOM-unset}"; }; f; echo "out ${RANDOM:+set} $SECONDS"; echo "line $LINENO"; g() { local BASHPID=3; echo $BASHPID; }; g; [ "$BASHPID" = $$ ] && echo pid'
	out_is 'in 5 100
l=
unset
out set 0
line 1
3
pid'
}
