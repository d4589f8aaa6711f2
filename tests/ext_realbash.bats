#!/usr/bin/env bats
# bash features that real bash programs lean on (found running bats-core,
# Debian's bash scripts and bash's own test suite under spsh): exported
# functions (export -f, BASH_FUNC_name%%= in the environment), $(<file).
# Expected outputs come from bash 5.2 (tests/run /bin/bash tests/ext_realbash.bats).
load helpers/common

# bats exports a function of its own (bats_readlinkf) to every test
setup() {
	unset -f bats_readlinkf
}

# ---- export -f ----

@test "export -f: a child shell gets the function" {
	ext_only
	sh_c 'f() { echo "f got $1"; }; export -f f; "$SPSH" -c "f one"; f() { echo new; }; "$SPSH" -c f'
	out_is "$(printf 'f got one\nnew')"
	err_empty
}

@test "export -f: the environment holds BASH_FUNC_name%%=() {...} (bash's encoding)" {
	ext_only
	sh_c 'g() { echo hi; }; export -f g; env | grep -c "^BASH_FUNC_g%%=() {"; env | grep -c "^g="'
	out_is "$(printf '1\n0')"
}

@test "functions are imported from BASH_FUNC_name%% entries, and exported again" {
	ext_only
	_spsh_run env 'BASH_FUNC_g%%=() { echo "g:$1"; }' "$SPSH" -c 'g x; declare -F; "$SPSH" -c "g y"'
	out_is "$(printf 'g:x\ndeclare -fx g\ng:y')"
	err_empty
}

@test "an entry whose first command is not that definition is not imported; nothing after it runs" {
	ext_only
	_spsh_run env 'BASH_FUNC_g%%=() { echo g; }; echo pwned' "$SPSH" -c 'type g >/dev/null 2>&1; echo $?'
	out_is 1
	err_nonempty
	_spsh_run env 'BASH_FUNC_g%%=() { echo g; }
echo pwned' "$SPSH" -c 'g'
	out_is g
	_spsh_run env 'BASH_FUNC_g%%=() { echo g; }' 'BASH_FUNC_h%%=() { echo h; }' \
		'BASH_FUNC_x%%=() { echo x; }' "$SPSH" -c 'h() { echo new; }; x; h'
	out_is "$(printf 'x\nnew')"
	_spsh_run env 'BASH_FUNC_g%%=(){ echo g; }' 'BASH_FUNC_h%%=() ( echo h )' "$SPSH" -c 'declare -F; echo end'
	out_is end
}

@test "export -fn and unset -f take the function out of the environment" {
	ext_only
	sh_c 'f() { :; }; g() { :; }; export -f f g; export -fn f; env | grep -c BASH_FUNC_; unset -f g; env | grep -c BASH_FUNC_'
	out_is "$(printf '1\n0')"
}

@test "export -f NAME that is no function: an error, status 1" {
	ext_only
	sh_c 'export -f nosuch; echo "st=$?"'
	out_is st=1
	err_nonempty
}

@test "export -f and declare -fx list the exported functions; declare -F marks them -fx" {
	ext_only
	sh_c 'f() { :; }; g() { :; }; export -f g; export -f | grep -c "^g ()"; export -f | tail -n 1
declare -F; declare -Fx; declare -fx f; declare -F; declare -f +x g; declare -F'
	out_is "$(printf '1\ndeclare -fx g\ndeclare -f f\ndeclare -fx g\ndeclare -fx g\ndeclare -fx f\ndeclare -fx g\ndeclare -fx f\ndeclare -f g')"
}

@test "export -n NAME keeps the variable but not in the environment" {
	ext_only
	sh_c 'x=1; export x; export -n x; env | grep -c "^x="; echo "$x"; export -n y=2; echo "$y"; env | grep -c "^y="'
	out_is "$(printf '0\n1\n2\n0')"
}

@test "spsh as sh does not import functions from the environment (dash neither)" {
	spsh_only
	_spsh_run env 'BASH_FUNC_ls%%=() { echo fake; }' "$SPSH" --posix -c 'ls -d /'
	out_is /
}

# ---- $(<file) ----

@test "\$(<file) is the contents of file, trailing newlines removed" {
	ext_only
	printf 'l1\nl2\n\n\n' >"$BATS_TEST_TMPDIR/f"
	sh_c 'x=$(<f); echo "[$x] $?"; n=f; y=$( <  "$n" ); echo "[$y]"; z=`<f`; echo "[$z]"'
	out_is "$(printf '[l1\nl2] 0\n[l1\nl2]\n[l1\nl2]')"
}

@test "\$(<missing): the error message and status 1; other redirection-only bodies give nothing" {
	ext_only
	printf 'data\n' >"$BATS_TEST_TMPDIR/f"
	sh_c 'x=$(<nosuch); echo "st=$? [$x]"; y=$(<f >/dev/null); echo "[$y]"; exec 3<f; z=$(<&3); echo "[$z]"'
	out_is "$(printf 'st=1 []\n[]\n[]')"
	[[ $stderr == *"nosuch: No such file or directory"* ]]
}

# ---- what bats-core's failure report needs ----

@test "\${#@} and \${#*} are the number of positional parameters" {
	ext_only
	sh_c 'set -- a b c; echo ${#@} ${#*} "${#@}"; f() { echo ${#@}; }; f 1 2; set --; echo ${#@}'
	out_is "$(printf '3 3 3\n2\n0')"
}

@test "the DEBUG trap runs before the commands of ERR and RETURN trap actions" {
	ext_only
	sh_c 'set -T; f() { :; }; trap "echo dbg \$BASH_COMMAND" DEBUG; trap "echo r1; echo r2" RETURN; f
trap - RETURN; trap "echo e1; echo e2" ERR; false; trap - DEBUG'
	out_is "$(printf 'dbg trap "echo r1; echo r2" RETURN\ndbg f\ndbg f\ndbg :\ndbg :\nr1\ndbg :\nr2\ndbg trap - RETURN\ndbg trap "echo e1; echo e2" ERR\ndbg false\ndbg false\ne1\ndbg false\ne2\ndbg trap - DEBUG')"
}

@test "[[ ]]: a newline inside an extglob pattern's parentheses is part of the pattern" {
	ext_only
	sh_c 'x=b; [[ $x == @(a|
b) ]] && echo one; [[ $x == @(a|b|
c) ]] && echo two; y="
b"; [[ $y == @(a|
b) ]] && echo "three $LINENO"'
	out_is "$(printf 'two\nthree 5')"
}

@test "printf: \\\" \\' and \\? in the format are the characters (bash), not in %b's argument" {
	ext_only
	sh_c 'printf "[\\\"] [\\'"'"'] [\\?] [\\q]\n"; printf "%b\n" "[\\\"] [\\?]"'
	out_is "$(printf '%s\n' '["] ['"'"'] [?] [\q]' '[\"] [\?]')"
}

@test "a script file that is a directory or a binary (NUL in its first line) is refused with status 126 (bash)" {
	ext_only
	cd "$BATS_TEST_TMPDIR"
	mkdir dir
	_spsh_run "$SPSH" dir
	status_is 126
	[[ $stderr == *'dir: Is a directory' ]]
	printf '\177ELF\0\0\nrest\n' >prog
	_spsh_run "$SPSH" prog
	status_is 126
	[[ $stderr == *'prog: cannot execute binary file' ]]
	printf 'echo ok\n\0' >late
	_spsh_run "$SPSH" late
	status_is 0
	out_is ok
}

@test ". of a directory: error, status 1; source of a binary (over 256 NUL bytes): status 126; the script goes on (bash)" {
	ext_only
	cd "$BATS_TEST_TMPDIR"
	mkdir dir
	{ printf 'echo few\n\0\0\n'; for i in $(seq 300); do printf 'x\0'; done; } >prog
	printf 'echo few\0\n' >few
	sh_c '. ./dir; echo "s=$?"; source ./prog; echo "s=$?"; . ./few'
	out_is "$(printf 's=1\ns=126\nfew')"
	[[ ${stderr_lines[0]} == *'.: ./dir: is a directory' ]]
	[[ ${stderr_lines[1]} == *'source: ./prog: cannot execute binary file' ]]
}
