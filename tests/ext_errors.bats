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

@test "\${x?} and set -u end sh -c with 127, but with 1 under set -e, even where set -e is ignored (bash)" {
	ext_only
	sh_c 'echo ${u?}; echo no'
	status_is 127
	sh_c 'set -eu; echo $u; echo no'
	status_is 1
	sh_c 'set -e; echo ${u?} || true; echo no'
	status_is 1
	out_is ''
	sh_c 'set -e; set +e; echo ${u?}; echo no'
	status_is 127
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

# ---- message prefixes and words (bash 5.2 outside posix mode) ----
# Outside posix mode a message starts as bash's: "$0: line N: " for -c
# and standard input ($0 is "$SPSH" here: ${C1} for line 1), "FILE: line
# N: " for a script or a `.` file, "environment: line N: " in a function
# defined by -c.

@test "command not found: bash's words and prefix in -c, a script, stdin, eval, . and a function" {
	ext_only
	sh_c 'nosuch; echo "st=$?"'
	out_is 'st=127'
	err_is "${C1}nosuch: command not found"
	sh_c 'eval nosuch; echo "st=$?"' zero
	err_is 'zero: line 1: nosuch: command not found'
	sh_script 'echo x
nosuch'
	status_is 127
	err_is 'script.sh: line 2: nosuch: command not found'
	sh_stdin ':
nosuch'
	err_is "$SPSH: line 2: nosuch: command not found"
	printf ':\nnosuch\n' >"$BATS_TEST_TMPDIR/lib.sh"
	sh_c '. ./lib.sh'
	err_is './lib.sh: line 2: nosuch: command not found'
	sh_c 'f() {
nosuch
}
f'
	err_is 'environment: line 2: nosuch: command not found'
	sh_c 'nosuch 2>/dev/null; (nosuch); x=$(nosuch); nosuch | cat'
	err_is "${C1}nosuch: command not found
${C1}nosuch: command not found
${C1}nosuch: command not found"
}

@test "a command with a slash: the file's errno, 127 or 126; a missing #! interpreter" {
	ext_only
	cd "$BATS_TEST_TMPDIR"
	mkdir dir bin
	printf 'echo hi\n' >noexec
	printf '#!/nonexistent/interp\necho hi\n' >bin/badint
	chmod +x bin/badint
	sh_c './nosuch; echo "st=$?"; ./noexec; echo "st=$?"; ./dir; echo "st=$?"; ./noexec/x; echo "st=$?"'
	out_is 'st=127
st=126
st=126
st=126'
	err_is "${C1}./nosuch: No such file or directory
${C1}./noexec: Permission denied
${C1}./dir: Is a directory
${C1}./noexec/x: Not a directory"
	sh_c './bin/badint; echo "st=$?"; x=$(bin/badint); echo "st=$?"; bin/badint | cat; bin/badint & wait $!; echo "st=$?"'
	out_is 'st=127
st=127
st=127'
	err_is "${C1}./bin/badint: cannot execute: required file not found
${C1}bin/badint: cannot execute: required file not found
${C1}bin/badint: cannot execute: required file not found
${C1}bin/badint: cannot execute: required file not found"
	# found in PATH: the path is named
	sh_c "PATH=$BATS_TEST_TMPDIR/bin:\$PATH; badint; echo \"st=\$?\""
	out_is 'st=127'
	err_is "${C1}$BATS_TEST_TMPDIR/bin/badint: cannot execute: required file not found"
	sh_c 'exec nosuch'
	status_is 127
	err_is "${C1}exec: nosuch: not found"
}

@test "posix mode keeps dash's 'not found' for every missing command" {
	ext_only
	[ "$SPSH_IS_SPSH" = 1 ] || skip "spsh's words (dash: 'dash: 1: nosuch: not found')"
	cd "$BATS_TEST_TMPDIR"
	sh_c_posix 'nosuch; echo "st=$?"; ./nosuch; echo "st=$?"; exec nosuch'
	out_is 'st=127
st=127'
	err_is 'spsh: nosuch: not found
spsh: ./nosuch: not found
spsh: exec: nosuch: not found'
}

@test "set -u names the parameter as bash does: a[i], \$1 and \${1}, !x" {
	ext_only
	sh_c 'set -u; a=(1); i=3; echo ${a[i]}'
	err_is "${C1}a[i]: unbound variable"
	sh_c 'set -u; echo ${a[$((1+2))]}'
	err_is "${C1}"'a[$((1+2))]: unbound variable'
	sh_c 'set -u; echo $1'
	err_is "${C1}"'$1: unbound variable'
	sh_c 'set -u; echo ${1}'
	err_is "${C1}1: unbound variable"
	sh_c 'set -u; x=u; echo ${!x}'
	err_is "${C1}!x: unbound variable"
	sh_c 'set -u; echo "$u"'
	err_is "${C1}u: unbound variable"
}

@test "set -u and \${x?} end a -c string with 127, a script or stdin with 1, a subshell with 1" {
	ext_only
	sh_c 'set -u; echo $u; echo no'
	out_is ''
	status_is 127
	sh_c 'trap "echo trap \$?" EXIT; f() { echo ${u:?}; }; f; echo no'
	out_is 'trap 127'
	status_is 127
	sh_c 'eval "echo \${u?}"; echo no'
	status_is 127
	sh_script 'set -u; echo $u; echo no'
	status_is 1
	sh_stdin 'echo ${u?}; echo no'
	status_is 1
	expect_sh '(set -u; echo $u) 2>/dev/null; echo "sub $?"' 'sub 1'
}

@test "arithmetic errors in bash's words, with the expression and the error token" {
	ext_only
	sh_c 'echo $((1+))'
	err_is "${C1}"'1+: syntax error: operand expected (error token is "+")'
	sh_c 'echo $((1/0)); echo $((4+1%0*2))'
	err_is "${C1}"'1/0: division by 0 (error token is "0")'
	sh_c 'echo $((08)); echo $((2#3)); echo $((65#1)); echo $((2#))'
	err_is "${C1}"'08: value too great for base (error token is "08")'
	sh_c 'echo $((2#3))'
	err_is "${C1}"'2#3: value too great for base (error token is "2#3")'
	sh_c 'echo $((65#1))'
	err_is "${C1}"'65#1: invalid arithmetic base (error token is "65#1")'
	sh_c 'echo $((1=2))'
	err_is "${C1}"'1=2: attempted assignment to non-variable (error token is "=2")'
	sh_c 'echo $((2**-1))'
	err_is "${C1}"'2**-1: exponent less than 0 (error token is "1")'
	sh_c 'echo $(( 1 ? 2 ))'
	err_is "${C1}"'1 ? 2 : `:'"'"' expected for conditional expression (error token is "2 ")'
	sh_c 'echo $((1 2)); echo $((1 @ 2))'
	err_is "${C1}"'1 2: syntax error in expression (error token is "2")'
	sh_c 'echo $((1 @ 2))'
	err_is "${C1}"'1 @ 2: syntax error: invalid arithmetic operator (error token is "@ 2")'
	sh_c 'x="1 +"; echo $((x))'
	err_is "${C1}"'1 +: syntax error: operand expected (error token is "+")'
}

@test "arithmetic errors: let, (( )) and [[ ]] are named; the status and what is abandoned" {
	ext_only
	sh_c '((1/0)); echo "st=$?"; let "1/0"; echo "st=$?"; [[ 1/0 -eq 1 ]]; echo "st=$?"
echo $((1/0)); echo same
echo "next $?"'
	out_is 'st=1
st=1
st=1
next 1'
	status_is 0
	err_is "${C1}"'((: 1/0: division by 0 (error token is "0")
'"${C1}"'let: 1/0: division by 0 (error token is "0")
'"${C1}"'[[: 1/0: division by 0 (error token is "0")
'"$SPSH"': line 2: 1/0: division by 0 (error token is "0")'
}

@test "break and continue outside a loop: bash's words, status 0; return outside a function: status 2" {
	ext_only
	sh_c 'break; echo "st=$?"; continue; echo "st=$?"; f() { break; echo "f $?"; }; for i in 1; do f; echo "loop $?"; done; return; echo "rst=$?"'
	out_is 'st=0
st=0
f 0
loop 0
rst=2'
	err_is "${C1}break: only meaningful in a \`for', \`while', or \`until' loop
${C1}continue: only meaningful in a \`for', \`while', or \`until' loop
environment: line 1: break: only meaningful in a \`for', \`while', or \`until' loop
${C1}return: can only \`return' from a function or sourced script"
	# posix mode: nothing said (dash, bash --posix)
	sh_c_posix 'break; continue; echo "st=$?"'
	out_is 'st=0'
	err_empty
}

@test "syntax errors in bash's words: the token and its line, the input named -c or eval" {
	ext_only
	sh_c 'echo a
if true; then fi; echo c'
	status_is 2
	out_is 'a'
	err_is "$SPSH: -c: line 2: syntax error near unexpected token \`fi'
$SPSH: -c: line 2: \`if true; then fi; echo c'"
	sh_script 'echo a

  }  '
	status_is 2
	err_is "script.sh: line 3: syntax error near unexpected token \`}'
script.sh: line 3: \`  }  '"
	sh_c 'eval "echo )"; echo "st=$?"' zero
	out_is 'st=2'
	err_is "zero: eval: line 1: syntax error near unexpected token \`)'
zero: eval: line 1: \`echo )'"
	printf 'echo ok\nfi\n' >"$BATS_TEST_TMPDIR/lib.sh"
	sh_c '. ./lib.sh; echo "st=$?"'
	out_is 'ok
st=2'
	err_is "./lib.sh: line 2: syntax error near unexpected token \`fi'
./lib.sh: line 2: \`fi'"
	sh_stdin ';;'
	status_is 2
	err_is "$SPSH: line 1: syntax error near unexpected token \`;;'
$SPSH: line 1: \`;;'"
}

@test "syntax errors at the end of the input: bash's words and line" {
	ext_only
	sh_c 'echo "abc'
	status_is 2
	err_is "$SPSH: -c: line 1: unexpected EOF while looking for matching \`\"'"
	sh_c "echo 'abc"
	err_is "$SPSH: -c: line 1: unexpected EOF while looking for matching \`''"
	sh_c 'echo `abc'
	err_is "$SPSH: -c: line 1: unexpected EOF while looking for matching \`\`'"
	sh_c 'echo ${x'
	err_is "$SPSH: -c: line 1: unexpected EOF while looking for matching \`}'"
	sh_c 'echo $(echo'
	err_is "$SPSH: -c: line 2: unexpected EOF while looking for matching \`)'"
	sh_c 'if true; then
echo x'
	status_is 2
	err_is "$SPSH: -c: line 3: syntax error: unexpected end of file"
	sh_script 'f() {'
	err_is "script.sh: line 2: syntax error: unexpected end of file"
	sh_c 'eval "case x in"; echo "st=$?"' zero
	out_is 'st=2'
	err_is "zero: eval: line 2: syntax error: unexpected end of file"
}

@test "a script that is a directory: 'd: d: Is a directory', status 126 (bash; dash runs nothing, 0)" {
	ext_only
	mkdir "$BATS_TEST_TMPDIR/d"
	_spsh_run _spsh_exec d
	status_is 126
	err_is 'd: d: Is a directory'
	_spsh_run _spsh_exec nosuch.sh
	status_is 127
	err_nonempty
}

@test "a file of PATH that is not executable is run all the same: 'DIR/NAME: Permission denied', 126 (bash)" {
	ext_only
	mkdir "$BATS_TEST_TMPDIR/bin"
	printf 'echo hi\n' >"$BATS_TEST_TMPDIR/bin/noexec"
	sh_c "PATH=$BATS_TEST_TMPDIR/bin:\$PATH"'; noexec; echo "st=$?"; x=$(noexec | cat); echo "st=$?"'
	out_is 'st=126
st=0'
	err_is "${C1}$BATS_TEST_TMPDIR/bin/noexec: Permission denied
${C1}$BATS_TEST_TMPDIR/bin/noexec: Permission denied"
}

@test "type, type -t, type -P and command -v/-V name a file of PATH that is not executable; type -a and hash do not (bash)" {
	ext_only
	mkdir "$BATS_TEST_TMPDIR/bin"
	printf 'echo hi\n' >"$BATS_TEST_TMPDIR/bin/noexec"
	sh_c "PATH=$BATS_TEST_TMPDIR/bin:\$PATH"'; type noexec; type -t noexec; type -P noexec; command -v noexec; command -V noexec; type -a noexec; echo "a=$?"; hash noexec; echo "h=$?"'
	out_is "noexec is $BATS_TEST_TMPDIR/bin/noexec
file
$BATS_TEST_TMPDIR/bin/noexec
$BATS_TEST_TMPDIR/bin/noexec
noexec is $BATS_TEST_TMPDIR/bin/noexec
a=1
h=1"
}

@test "a #! interpreter that cannot run: 'FILE: INTERP: bad interpreter: ERROR' without a line, 126" {
	ext_only
	cd "$BATS_TEST_TMPDIR"
	mkdir dir
	printf '#!%s/dir\necho hi\n' "$BATS_TEST_TMPDIR" >bad
	chmod +x bad
	sh_c './bad; echo "st=$?"; x=$(./bad); echo "st=$?"'
	out_is 'st=126
st=126'
	err_is "$SPSH: ./bad: $BATS_TEST_TMPDIR/dir: bad interpreter: Permission denied
$SPSH: ./bad: $BATS_TEST_TMPDIR/dir: bad interpreter: Permission denied"
	sh_c './bad'
	status_is 126
	err_is "$SPSH: ./bad: $BATS_TEST_TMPDIR/dir: bad interpreter: Permission denied"
}
