#!/usr/bin/env bats
# Process creation policy (DESIGN.md): every external command is started
# by a clone with CLONE_VM; only real subshells fork. Observed with
#   strace -f -e trace=clone,clone3,fork,vfork
# spsh only; skipped with a reason when strace cannot trace here.
load helpers/common
load helpers/strace

setup() {
	strace_setup
}

@test "/bin/true: one clone with CLONE_VM, no fork" {
	# not the last command: see the next test for that one
	trace '/bin/true; true'
	[ "$tracestatus" = 0 ]
	[ "$total" = 1 ]
	[ "$vm" = 1 ]
}

@test "the last command of spsh -c replaces the shell: no process at all" {
	trace '/bin/echo last >out6'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out6")" = last ]
	[ "$total" = 0 ]
}

@test "a | b | c of external commands: three CLONE_VM clones, no fork" {
	trace '/bin/echo hi | /bin/cat | /bin/cat >out2'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out2")" = hi ]
	[ "$total" = 3 ]
	[ "$novm" = 0 ]
}

@test "cmd > f &: a CLONE_VM clone, no fork" {
	trace '/bin/echo bg >f & wait'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/f")" = bg ]
	[ "$total" = 1 ]
	[ "$novm" = 0 ]
}

@test "x=\$(cmd): a CLONE_VM clone, no fork" {
	trace 'x=$(/bin/echo sub); test "$x" = sub'
	[ "$tracestatus" = 0 ]
	[ "$total" = 1 ]
	[ "$novm" = 0 ]
}

@test "( cd /tmp; pwd ) forks: one process creation without CLONE_VM" {
	trace '( cd /tmp; pwd )'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out")" = /tmp ]
	[ "$total" = 1 ]
	[ "$novm" = 1 ]
}

@test "builtins and functions create no process" {
	trace 'f() { echo "$1"; }; f a; : ; x=1; echo $x; test 1 = 1'
	[ "$tracestatus" = 0 ]
	[ "$total" = 0 ]
}

@test "echo/printf stage of a pipeline runs in the shell: echo x | cat is one CLONE_VM clone" {
	trace 'echo piped | /bin/cat >out3; true | /bin/cat'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out3")" = piped ]
	[ "$total" = 2 ]
	[ "$novm" = 0 ]
}

@test "\$(echo hi) and \$(printf ...) start no process" {
	trace 'x=$(echo hi); y=$(printf "%s" "$x"); [ "$y" = hi ] && /bin/echo ok >out4; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out4")" = ok ]
	[ "$total" = 1 ]
	[ "$vm" = 1 ]
}

@test "the last command of a forked subshell replaces it: \$(a; b) is one fork and one clone" {
	trace 'x=$(/bin/echo a; /bin/echo b); [ "$x" = "a
b" ] || exit 9'
	[ "$tracestatus" = 0 ]
	[ "$total" = 2 ]
	[ "$vm" = 1 ]
	[ "$novm" = 1 ]
}

@test "a subshell with an EXIT trap keeps running after its last command" {
	trace '(trap "/bin/echo trapped >out5" EXIT; /bin/true)'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out5")" = trapped ]
	[ "$novm" = 1 ]
	[ "$vm" = 2 ]
}

@test "\$(echo a; printf b) of builtins only starts no process" {
	trace 'y=$(echo a; printf "%s" b); [ "$y" = "a
b" ] || exit 9; true'
	[ "$tracestatus" = 0 ]
	[ "$total" = 0 ]
}

@test "( cd dir && cmd ) is one spawn plan with a chdir, no fork" {
	mkdir -p "$BATS_TEST_TMPDIR/d"
	trace '(cd d && /bin/pwd >../out7); true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out7")" = "$BATS_TEST_TMPDIR/d" ]
	[ "$total" = 1 ]
	[ "$novm" = 0 ]
}

@test "( list ) as the last command of a forked subshell does not fork again: (a; b) & is one fork" {
	trace '(/bin/true; /bin/echo bg >out8) & wait; x=$( (/bin/true; /bin/echo in) ); [ "$x" = in ] || exit 9; /bin/echo p | (/bin/true; /bin/cat >out10); true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out8")" = bg ]
	[ "$(cat "$BATS_TEST_TMPDIR/out10")" = p ]
	# each: one fork, one spawn for the first command, none for the last
	# (and a spawn for /bin/echo p)
	[ "$novm" = 3 ]
	[ "$vm" = 4 ]
}

@test "an inner ( list ) forks where the outer subshell still has an EXIT trap to run" {
	trace '(trap "/bin/echo outer >>out9" EXIT; (/bin/true; /bin/echo inner >>out9))'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out9")" = "$(printf 'inner\nouter')" ]
	[ "$novm" = 2 ]
}

@test "(exec -a n cmd) and \$(exec -c cmd) are spawn plans, no fork" {
	trace '(exec -a nm /bin/sh -c "test \$0 = nm" >out11); x=$(exec -c /usr/bin/env); [ -z "$x" ] || exit 9; true'
	[ "$tracestatus" = 0 ]
	[ "$novm" = 0 ]
	[ "$vm" = 2 ]
}
