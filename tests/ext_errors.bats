#!/usr/bin/env bats
# Errors that a posix shell must end a script with (XCU 2.8.1) but that
# bash, outside posix mode, survives: a special builtin's error or its
# redirection's is the command's status and the script goes on. Every
# test calls ext_only; expected outputs come from bash 5.2
# (tests/run /bin/bash tests/ext_errors.bats); with --posix the shell
# exits as dash does (the posix side is in special_builtins.bats).
load helpers/common

@test "a redirection error on a special builtin is status 1 and the script goes on" {
	ext_only
	expect_sh ': >/nonexistent/dir/f; echo "still $?"; exec 9>/nonexistent/dir/f; echo "exec $?"' 'still 1
exec 1'
	sh_c_posix ': >/nonexistent/dir/f; echo no'
	out_is ''
	status_is 1
}

@test "shift, set and . errors outside posix mode: the status, not an exit" {
	ext_only
	expect_sh 'shift 3; echo "shift $?"; set -o nosuchoption 2>/dev/null; echo "set $?"; . ./nosuchfile; echo "dot $?"' 'shift 1
set 2
dot 1'
	sh_c_posix 'set -o nosuchoption; echo no'
	out_is ''
	status_is 2
}

@test "return outside a function: status 2, and the script goes on" {
	ext_only
	expect_sh 'return 7; echo "st=$?"; ( return 3 ); echo "sub=$?"' 'st=2
sub=2'
	# posix mode follows dash and yash there (exit 7; bash --posix: 2):
	# tests/realworld.bats
}

@test "return with a non-numeric operand returns from the function with 2" {
	ext_only
	expect_sh 'f() { echo in; return "x$1"; echo no; }; f 1; echo "st=$?"; g() { return ""; }; g; echo "g=$?"' 'in
st=2
g=2'
}

@test "break 0 and continue 0: an error that leaves every enclosing loop" {
	ext_only
	expect_sh 'for i in 1 2; do for j in a b; do echo $i$j; break 0; echo no; done; echo no; done; echo "st=$?"' '1a
st=1'
	expect_sh 'for i in 1 2; do echo $i; continue 0; echo no; done; echo "st=$?"' '1
st=1'
}

@test "a failed eval of a syntax error is status 2 for the next command" {
	ext_only
	expect_sh 'eval "if then"; echo "st=$?"; eval "echo ok"' 'st=2
ok'
}

@test "set -e is off inside \$(...) unless inherit_errexit is set" {
	ext_only
	expect_sh 'set -e; echo $(echo one; false; echo two); x=$(echo a; false; echo b); echo "$x"; f() { false; echo f-on; }; y=$(f); echo "$y"' 'one two
a
b
f-on'
	expect_sh 'set -e; shopt -s inherit_errexit; echo $(echo one; false; echo two); x=$(false); echo no' 'one' 1
	expect_sh_posix 'set -e; echo $(echo one; false; echo two)' 'one'
}

@test "wait with an operand that is neither a pid nor a job: status 1; an unknown pid: 127" {
	ext_only
	expect_sh 'wait nonsense; echo "st=$?"; wait 99999999; echo "st=$?"; wait %7; echo "st=$?"' 'st=1
st=127
st=127'
}

@test "\${x?} and set -u end a script with status 1 and bash's words (posix mode: 2)" {
	ext_only
	sh_script 'echo ${u?}; echo no'
	out_is ''
	status_is 1
	[[ $stderr == *"u: parameter not set"* ]] || { _show_run; return 1; }
	sh_script 'x=; echo ${x:?}; echo no'
	status_is 1
	[[ $stderr == *"x: parameter null or not set"* ]] || { _show_run; return 1; }
	sh_stdin 'set -u; echo $u; echo no'
	out_is ''
	status_is 1
	[[ $stderr == *"u: unbound variable"* ]] || { _show_run; return 1; }
	sh_stdin 'set -u; echo $((u + 1)); echo no'
	status_is 1
	[[ $stderr == *"u: unbound variable"* ]] || { _show_run; return 1; }
	expect_sh '(echo ${u?}) 2>/dev/null; echo "sub $?"; x=$(set -u; echo $u) 2>/dev/null; echo "cmdsub $?"' 'sub 1
cmdsub 1'
	# posix mode follows dash (2; bash --posix keeps 1 and 127)
	[ "$SPSH_IS_SPSH" = 1 ] || return 0
	sh_c_posix '(echo ${u?}) 2>/dev/null; echo "sub $?"; echo ${u?}; echo no'
	out_is 'sub 2'
	status_is 2
}

@test "an assignment to a read-only variable: status 1 and the rest of the line abandoned; the script goes on" {
	ext_only
	sh_script 'readonly x=1
x=2; echo same-line
echo "next $?"
x+=3; echo same
x=(1 2); echo same
(x=2; echo same); echo "sub $?"
f() { x=2; echo in-f; }
f
echo "f $?"
eval "x=2; echo same"; echo "eval $?"
echo "x=$x"'
	out_is 'next 1
sub 1
f 1
eval 1
x=1'
	status_is 0
	[[ $stderr == *"x: readonly variable"* ]] || { _show_run; return 1; }
	sh_script 'set -e; readonly x=1
x=2
echo no'
	out_is ''
	status_is 1
}

@test "a read-only name before a command is left out and the command runs; builtins fail with 1" {
	ext_only
	sh_script 'readonly x=1
x=2 echo "echo $?"
x=2 y=3 env | grep "^[xy]="; x=2 :; echo "colon $?"
g() { echo "g x=$x"; }; x=2 g
for x in a; do echo no; done; echo "for $?"
export x=2; echo "export $?"; readonly x=3; echo "readonly $?"; unset x; echo "unset $?"
read x <<<"r"; echo "read $?"; getopts a x -a; echo "getopts $?"; declare x=4; echo "declare $?"
echo "x=$x"'
	out_is 'echo 0
y=3
colon 0
g x=1
for 1
export 1
readonly 1
unset 1
read 1
getopts 2
declare 1
x=1'
}
