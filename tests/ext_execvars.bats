#!/usr/bin/env bats
# bash's executor variables and scope rules: BASH_SUBSHELL, temporary
# assignments before builtins, break/continue errors, LINENO. Expected
# output from bash 5.2 (tests/run /bin/bash).
load helpers/common

@test "BASH_SUBSHELL counts ( ), \$( ), & and <( )" {
	ext_only
	sh_c 'echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL)); echo $(echo $BASH_SUBSHELL) $( (echo $BASH_SUBSHELL) ); echo $BASH_SUBSHELL & wait; { echo $BASH_SUBSHELL; } & wait; cat <(echo $BASH_SUBSHELL)'
	out_is "$(printf '0\n1\n2\n1 2\n1\n1\n1')"
}

@test "BASH_SUBSHELL in pipeline stages: a builtin's stage is not counted, a function's or a group's is" {
	ext_only
	sh_c 'f() { echo f $BASH_SUBSHELL; }; echo a $BASH_SUBSHELL | cat; true | echo b $BASH_SUBSHELL; f | cat; true | f; { echo c $BASH_SUBSHELL; } | cat; (echo d $BASH_SUBSHELL) | cat; for i in 1; do echo e $BASH_SUBSHELL; done | cat; x=$(f | cat); echo $x'
	out_is "$(printf 'a 0\nb 0\nf 1\nf 1\nc 1\nd 1\ne 1\nf 2')"
}

@test "BASH_SUBSHELL: a ( ) that is a pipeline stage or asynchronous is one subshell" {
	ext_only
	sh_c '(echo a $BASH_SUBSHELL) | (echo b $BASH_SUBSHELL; cat); ( (echo c $BASH_SUBSHELL) & wait ); echo d $( (echo $BASH_SUBSHELL) | cat)'
	out_is "$(printf 'b 1\na 1\nc 2\nd 2')"
}

@test "BASH_SUBSHELL can be assigned and unset" {
	ext_only
	sh_c 'BASH_SUBSHELL=5; echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL); unset BASH_SUBSHELL; echo "[$BASH_SUBSHELL]"; (echo "[$BASH_SUBSHELL]")'
	out_is "$(printf '5\n6\n[]\n[]')"
}

@test "x=4 export y and x=4 readonly r=1 leave x as it was (bash, not posix mode)" {
	ext_only
	sh_c 'x=1; x=4 export y; echo $x; x=4 readonly r=1; echo $x; x=4 declare q; echo $x; x=4 declare x; echo $x; x=4 export -n x; echo $x'
	out_is "$(printf '1\n1\n1\n1\n1')"
}

@test "x=4 export x, readonly x, declare -x x keep the value, exported" {
	ext_only
	sh_c 'a=1; a=2 export a; echo $a; b=1; b=3 readonly b c; declare -p b; unset c; d=5 declare -x d; echo $d; e=1; e=6 export -- e; env | grep "^e="; f=1; f=2 export f=7; echo $f'
	out_is "$(printf '2\ndeclare -rx b="3"\n5\ne=6\n7')"
}

@test "x=4 export y in posix mode: x persists (XCU 2.14)" {
	sh_c_posix 'x=1; x=4 export y; echo $x; x=5 readonly r=1; echo $x'
	out_is "$(printf '4\n5')"
}
