#!/usr/bin/env bats
# Process substitution <(list) and >(list) (issue 12). Every test calls
# ext_only; expected outputs come from bash 5.2
# (tests/run /bin/bash tests/ext_procsub.bats).
load helpers/common

setup() {
	printf 'b\na\nc\n' > "$BATS_TEST_TMPDIR/a"
	printf 'c\nb\na\nd\n' > "$BATS_TEST_TMPDIR/b"
}

@test "diff <(sort a) <(sort b)" {
	ext_only
	sh_c 'diff <(sort a) <(sort b); echo "st=$?"'
	out_is '3a4
> d
st=1'
}

@test "<(list) is a /dev/fd name" {
	ext_only
	sh_c 'echo <(true) | grep -c "^/dev/fd/[0-9][0-9]*$"'
	out_is '1'
}

@test "<(list) with a compound list" {
	ext_only
	expect_sh 'cat <(echo one; echo two) <(for i in 3 4; do echo $i; done)' 'one
two
3
4'
}

@test "done < <(cmd) feeds a loop in the current shell" {
	ext_only
	expect_sh 'n=0; while read l; do n=$((n+l)); done < <(printf "1\n2\n3\n"); echo $n' '6'
}

@test "spsh: >(list) takes the output written to its name (waited for; bash does not)" {
	spsh_only
	expect_sh 'echo hello | tee >(tr a-z A-Z > up) > /dev/null; cat up' 'HELLO'
}

@test "spsh: >(list) is finished when the command is: its output is there (bash does not wait)" {
	spsh_only
	expect_sh 'printf "3\n1\n2\n" > >(sort > sorted); cat sorted' '1
2
3'
}

@test "a function reads its <(...) argument" {
	ext_only
	expect_sh 'f() { cat "$1"; }; f <(echo in-function)' 'in-function'
}

@test "\$? is the command's, not the substitution's" {
	ext_only
	expect_sh 'cat <(exit 3) > /dev/null; echo $?' '0'
}

@test "\$! is set to the substitution's process" {
	ext_only
	expect_sh 'x=$!; cat <(echo a) > /dev/null; [ "$!" != "$x" ] && [ -n "$!" ] && echo set' 'set'
}

@test "a <(...) fd is not inherited by the next command" {
	ext_only
	expect_sh 'ls /proc/self/fd > before; cat <(echo a) > /dev/null; ls /proc/self/fd > after; diff before after && echo same' 'same'
}

@test "the substitution's body is printed back by type" {
	ext_only
	sh_c 'g() { diff <(echo a) >(cat); }; type g'
	case $output in *'diff <(echo a) >(cat)'*) ;; *) false ;; esac
}

@test "<(...) and >(...) inside a word" {
	ext_only
	expect_sh 'x=<(true); case $x in /dev/fd/*) echo ok ;; esac' 'ok'
}

@test "spsh: posix mode: <(...) is a syntax error, as in dash" {
	spsh_only
	ln -s "$SPSH" "$BATS_TEST_TMPDIR/sh"
	SPSH=$BATS_TEST_TMPDIR/sh sh_c 'cat <(echo a)'
	status_nonzero
	err_nonempty
}

@test "in a pipeline, >(list) writes to the stage's stdout, <(list) reads its stdin" {
	ext_only
	echo hi > "$BATS_TEST_TMPDIR/x"
	expect_sh 'echo hi | tee >(cat) | wc -l; tee >(cat) < x | wc -l; echo hi | cat <(cat) | wc -l; echo >(cat) | wc -l' '2
2
1
1'
}

@test "a later stage with <(...) and >(...) around an external command" {
	ext_only
	expect_sh 'printf "b\na\n" | sort | diff - <(printf "a\nb\n") && echo same; echo ab | tee >(tr a-z A-Z) >/dev/null | cat; f() { cat "$1"; }; echo fn | f <(cat) | cat' 'same
AB
fn'
}

@test "cmd >(list) & does not wait for the list" {
	ext_only
	sh_c 'start=$SECONDS; sleep 3 > >(cat) & echo started; [ $((SECONDS - start)) -lt 2 ] && echo quick; kill $! 2>/dev/null; true'
	out_is 'started
quick'
}

@test "wait \$! after a command with <(...) gives the substitution's status" {
	ext_only
	expect_sh 'cat <(echo a; exit 3); wait $!; echo "st=$?"' 'a
st=3'
}

@test "<(list) and >(list) are words inside [[ ]]; < and > alone stay operators" {
	ext_only
	expect_sh '[[ -e <(true) ]] && echo e; [[ -r <(echo) && -w >(cat) ]] && echo rw
[[ <(true) == /dev/fd/* ]] && echo fd; [[ b>a && a<b ]] && echo cmp
[[ $(cat <(echo x)) =~ ^x$ ]] && echo re' 'e
rw
fd
cmp
re'
}
