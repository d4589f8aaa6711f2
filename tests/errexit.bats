#!/usr/bin/env bats
# set -e (XCU 2.15 set, -e): when a command fails the shell exits, except
# in the contexts the standard lists. Checked against dash and the standard.
load helpers/common

@test "set -e: a failing simple command exits with its status" {
	sh_c 'set -e; echo a; (exit 3); echo no'
	out_is 'a'
	status_is 3
}

@test "set -e: failing external command exits" {
	sh_c 'set -e; ls /nonexistent/x 2>/dev/null; echo no'
	out_is ''
	status_nonzero
}

@test "set -e: not in the condition of if, elif, while, until" {
	expect_sh 'set -e; if false; then :; elif false; then :; fi; while false; do :; done; until true; do :; done; echo ok' 'ok'
}

@test "set -e: not for commands before the last in && and ||" {
	expect_sh 'set -e; false && true; false || true; true && false || true; echo ok' 'ok'
}

@test "set -e: the last command of an and-or list does exit" {
	sh_c 'set -e; true && false; echo no'
	out_is ''
	status_is 1
	sh_c 'set -e; false || false; echo no'
	out_is ''
	status_is 1
}

@test "set -e: not for a pipeline starting with !" {
	expect_sh 'set -e; ! true; ! false; echo ok' 'ok'
}

@test "set -e: only the last command of a pipeline counts" {
	expect_sh 'set -e; false | true; echo ok' 'ok'
	sh_c 'set -e; true | false; echo no'
	out_is ''
	status_is 1
}

@test "set -e: a failing command inside { } exits" {
	sh_c 'set -e; { false; echo no; }; echo no2'
	out_is ''
	status_is 1
}

@test "set -e: a subshell that fails makes the shell exit" {
	sh_c 'set -e; (false; echo no); echo no2'
	out_is ''
	status_is 1
}

@test "set -e: subshell inherits -e" {
	sh_c 'set -e; (false; echo no) || echo handled'
	# In an ignored context the subshell still has -e set? XCU: -e is
	# ignored in the whole compound command of an || list, so "no" prints.
	out_is 'no'
}

@test "set -e: ignored inside a function called in an if condition" {
	expect_sh 'set -e; f() { false; echo in-f; }; if f; then echo t; fi' 'in-f
t'
}

@test "set -e: ignored inside a function called with ||" {
	expect_sh 'set -e; f() { false; echo in-f; return 1; }; f || echo failed' 'in-f
failed'
}

@test "set -e: a function failing normally exits" {
	sh_c 'set -e; f() { false; echo no; }; f; echo no2'
	out_is ''
	status_is 1
}

@test "set -e: assignment with a failing command substitution exits" {
	sh_c 'set -e; x=$(false); echo no'
	out_is ''
	status_is 1
}

@test "set -e: failing command substitution in an argument does not exit" {
	expect_sh 'set -e; echo "[$(false)]" ok' '[] ok'
}

@test "set -e: eval of a failing command exits" {
	sh_c 'set -e; eval false; echo no'
	out_is ''
	status_is 1
}

@test "set -e: a failing loop body exits" {
	sh_c 'set -e; for i in 1 2; do echo $i; false; done; echo no'
	out_is '1'
	status_is 1
}

@test "set -e: case and if bodies exit on failure" {
	sh_c 'set -e; if true; then false; echo no; fi'
	out_is ''
	status_is 1
	sh_c 'set -e; case x in x) false; echo no;; esac'
	out_is ''
	status_is 1
}

@test "set -e: the EXIT trap runs when -e exits" {
	sh_c 'set -e; trap "echo trap" EXIT; false; echo no'
	out_is 'trap'
	status_is 1
}

@test "set -e: set +e turns it off" {
	expect_sh 'set -e; set +e; false; echo ok' 'ok'
}

@test "set -e: \$- contains e" {
	expect_sh 'set -e; case $- in *e*) echo has-e;; esac' 'has-e'
}

@test "set -e: sh -e on the command line" {
	run --separate-stderr timeout 10 "$SPSH" -e -c 'false; echo no'
	out_is ''
	status_is 1
}

@test "set -e: a failing while condition ends the loop, not the shell" {
	expect_sh 'set -e; i=0; while [ $i -lt 2 ]; do i=$((i+1)); done; echo $i' '2'
}

@test "set -e: a failed redirection on a builtin exits" {
	sh_c 'set -e; echo x >/nonexistent/dir/f; echo no'
	out_is ''
	status_nonzero
}

@test "set -e: command not found exits" {
	sh_c 'set -e; nosuch_cmd_q 2>/dev/null; echo no'
	out_is ''
	status_is 127
}

@test "set -e: failing command in a sourced file exits" {
	printf 'false\necho no\n' >"$BATS_TEST_TMPDIR/f.sh"
	sh_c 'set -e; . ./f.sh; echo no2'
	out_is ''
	status_is 1
}

@test "set -e: background job failure does not exit" {
	expect_sh 'set -e; false & wait $! || true; echo ok' 'ok'
}
