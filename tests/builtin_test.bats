#!/usr/bin/env bats
# XCU test and [. Expected statuses checked against dash (and bash --posix,
# yash); extensions (==, -nt with a missing file, < >) against bash.
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkdir -p dir
	: >empty
	echo data >file
	chmod 644 file
	ln -sf file link
	mkfifo fifo 2>/dev/null || true
}

# t 'EXPR...' STATUS: runs `test EXPR; echo $?` and `[ EXPR ]; echo $?`
t() {
	sh_c "test $1; echo \$?; [ $1 ]; echo \$?"
	out_is "$2
$2"
}

@test "test with no arguments is false" {
	expect_sh 'test; echo $?; [ ]; echo $?' '1
1'
}

@test "one argument: true if not empty" {
	t 'x' 0
	t '""' 1
	t '-n' 0
	t '!' 0
	t '\(' 0
	t '\)' 0
}

@test "two arguments: ! negates, unary primaries" {
	t '! ""' 0
	t '! x' 1
	t '-n ""' 1
	t '-n x' 0
	t '-z ""' 0
	t '-z x' 1
}

@test "three arguments: binary primaries before !" {
	t 'x = x' 0
	t 'x = y' 1
	t 'x != y' 0
	t '! = x' 1
	t '! x = y' 0
	t '! -z x' 0
	t '\( x \)' 0
	t '\( "" \)' 1
	t '= = =' 0
}

@test "four arguments: ! and parentheses" {
	t '! x = x' 1
	t '! x -a ""' 0
	t '\( -n x \)' 0
	t '\( ! x \)' 1
}

@test "integer comparisons" {
	t '1 -eq 1' 0
	t '1 -ne 1' 1
	t '2 -gt 1' 0
	t '2 -ge 3' 1
	t '-1 -lt 0' 0
	t '-1 -le -1' 0
	t '+1 -eq 1' 0
	t '" 1 " -eq 1' 0
}

@test "a bad integer is an error with status 2" {
	sh_c 'test abc -eq 1; echo $?; [ 1 -lt 1x ]; echo $?'
	out_is '2
2'
	err_nonempty
}

@test "an out of range integer is an error" {
	sh_c 'test 99999999999999999999 -gt 1; echo $?'
	out_is '2'
}

@test "-a binds tighter than -o" {
	t '1 -eq 1 -o 1 -eq 2 -a 1 -eq 3' 0
	t '3 -gt 2 -a 1 -gt 2 -o 5 -eq 5' 0
	t '"" -o ""' 1
	t 'x -a ""' 1
	t '-n x -a -z "" -a x' 0
}

@test "parentheses group" {
	t '\( a = b \) -o x' 0
	t '\( -n x \) -a \( x != y \)' 0
	t '! \( a = a -o b = c \)' 1
}

@test "file type primaries" {
	t '-d dir' 0
	t '-d file' 1
	t '-f file' 0
	t '-f dir' 1
	t '-e nonexistent' 1
	t '-e file' 0
	t '-c /dev/null' 0
	t '-b /dev/null' 1
	t '-p fifo' 0
	t '-p file' 1
	t '-S file' 1
}

@test "symbolic links: -h and -L, -f follows the link" {
	t '-h link' 0
	t '-L link' 0
	t '-h file' 1
	t '-f link' 0
}

@test "-s: size greater than zero" {
	t '-s file' 0
	t '-s empty' 1
	t '-s nonexistent' 1
}

@test "-r -w -x" {
	t '-r file' 0
	t '-x dir' 0
	t '-x nonexistent' 1
	t '-w /' "$( [ -w / ]; echo $? )"
}

@test "-u -g on a plain file" {
	t '-u file' 1
	t '-g file' 1
}

@test "-t: file descriptor is a terminal" {
	sh_c 'test -t 0 </dev/null; echo $?'
	out_is '1'
}

@test "[ requires a closing ]" {
	sh_c '[ 1 = 1; echo $?'
	out_is '2'
	err_nonempty
}

@test "syntax errors give status 2" {
	sh_c 'test a b c d e; echo $?; test -q x; echo $?; test \( x; echo $?'
	out_is '2
2
2'
}

@test "test -ot and -nt between existing files, -ef" {
	touch -d '2000-01-01' old
	sh_c 'test old -ot file; echo $?; test file -nt old; echo $?; test file -ef link; echo $?; test file -ef empty; echo $?'
	out_is '0
0
0
1'
}

@test "extension: == < > and -nt with a missing file (bash, POSIX.1-2024)" {
	spsh_only
	t 'a == a' 0
	t 'a \< b' 0
	t 'b \> a' 0
	t 'b \< a' 1
	t 'file -nt nonexistent' 0
	t 'file -ot nonexistent' 1
}

@test "spsh: four arguments ! ! -z x follow XCU (dash says 0, bash 1)" {
	spsh_only
	t '! ! -z x' 1
}

@test "spsh: test messages" {
	spsh_only
	sh_c 'test abc -eq 1'
	err_is "${C1}"'test: abc: integer expression expected'
	sh_c '[ x'
	err_is "${C1}"'[: missing ]'
	sh_c 'test x -foo y'
	err_is "${C1}"'test: -foo: binary operator expected'
	sh_c 'test -q x'
	err_is "${C1}"'test: -q: unary operator expected'
	sh_c 'test \( x = x'
	err_is "${C1}"'test: closing paren expected'
}
