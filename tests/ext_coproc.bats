#!/usr/bin/env bats
# coproc [NAME] command (bash): NAME[0] reads the coprocess's output,
# NAME[1] writes its input, NAME_PID is its pid. Expected outputs from
# bash 5.2 (tests/run /bin/bash tests/ext_coproc.bats); process creation
# is checked in ext_process.bats.
load helpers/common

@test "coproc cmd: COPROC[0] reads its output, COPROC[1] writes its input" {
	ext_only
	expect_sh 'coproc cat; echo hi >&${COPROC[1]}; read -r x <&${COPROC[0]}; echo "$x"; echo "${#COPROC[@]}"' 'hi
2'
}

@test "coproc: COPROC_PID is its pid and \$! too; wait \$COPROC_PID gives its status" {
	ext_only
	expect_sh 'coproc { read -r l; exit 3; }; [ "$!" = "$COPROC_PID" ] && echo same; p=$COPROC_PID; echo go >&${COPROC[1]}; wait $p; echo "st=$?"' 'same
st=3'
}

@test "coproc NAME { ...; }: NAME and NAME_PID" {
	ext_only
	expect_sh 'coproc FOO { echo one; read -r l; echo "got $l"; }; [ -n "$FOO_PID" ] && echo pid; read -r a <&${FOO[0]}; echo "$a"; echo two >&${FOO[1]}; read -r -u ${FOO[0]} b; echo "$b"' 'pid
one
got two'
}

@test "coproc NAME with a subshell, a loop and [[ ]]" {
	ext_only
	expect_sh 'coproc S (echo sub); read -r x <&${S[0]}; echo "$x"
coproc L while read -r l; do echo "<$l>"; done; echo a >&${L[1]}; read -r y <&${L[0]}; echo "$y"; kill $L_PID
coproc N [[ -z x ]]; p=$!; wait $p; echo "st=$?"' 'sub
<a>
st=1'
}

@test "coproc NAME cmd runs the command NAME cmd (a simple command takes no name)" {
	ext_only
	sh_c 'coproc FOO echo hi; wait; echo "${#COPROC[@]}${FOO-unset}"'
	out_is '0unset'
	err_nonempty
}

@test "the coproc's end is seen when NAME[1] is closed with {NAME[1]}>&-" {
	ext_only
	expect_sh 'coproc { cat; echo end; }; echo hi >&${COPROC[1]}; exec {COPROC[1]}>&-; cat <&${COPROC[0]}' 'hi
end'
}

@test "after wait reports the coproc, NAME and NAME_PID are unset" {
	ext_only
	expect_sh 'coproc C { :; }; wait $C_PID; echo "${C[@]}-${C_PID-unset}"' '-unset'
}

@test "the coproc fds reach no other command; a subshell has them closed" {
	ext_only
	sh_c 'coproc { sleep 5; }; f=${COPROC[0]}; ls /proc/self/fd | grep -cx "$f"; ( : <&$f ) 2>/dev/null || echo closed; kill $COPROC_PID'
	out_is '0
closed'
}

@test "coproc with redirections of its own" {
	ext_only
	expect_sh 'coproc { echo out; echo err >&2; } 2>/dev/null; read -r x <&${COPROC[0]}; echo "$x"
coproc V=1 sh -c '"'"'echo "V=$V"; exec sleep 5'"'"'; read -r y <&${COPROC[0]}; echo "$y"; kill $COPROC_PID' 'out
V=1'
}

@test "a second coproc while one runs: bash's warning, both work" {
	ext_only
	sh_c 'coproc A { cat; }; coproc B { cat; }; echo a >&${A[1]}; echo b >&${B[1]}; read -r x <&${A[0]}; read -r y <&${B[0]}; echo "$x$y"; kill $A_PID $B_PID'
	out_is 'ab'
	case $stderr in *'warning: execute_coproc: coproc ['*':A] still exists'*) ;; *) false ;; esac
}

@test "coproc is printed back by type as a coproc that runs again" {
	ext_only
	expect_sh 'f() { coproc X { cat; }; }; g=$(type f | sed 1d); unset -f f; eval "$g"; f; echo a >&${X[1]}; read -r y <&${X[0]}; echo "$y"; kill $X_PID' 'a'
}

@test "coproc NAME with a bad name: an error when it runs, status 1" {
	ext_only
	sh_c 'coproc a-b { :; }; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "coproc alone is a syntax error" {
	ext_only
	sh_c 'coproc'
	status_is 2
}

@test "posix mode: coproc is an ordinary word" {
	spsh_only
	expect_sh 'set -o posix
coproc() { echo "fn $*"; }; coproc a b' 'fn a b'
}

@test "spsh: coproc messages" {
	spsh_only
	sh_c 'coproc a-b { :; }; coproc A { sleep 1; }; coproc B { :; }; kill $A_PID'
	case $stderr in "${C1}\`a-b': not a valid identifier
${C1}warning: execute_coproc: coproc ["*":A] still exists") ;; *) _show_run; false ;; esac
}
