#!/usr/bin/env bats
# File descriptor bookkeeping of the shell itself (issue 17): redirections
# undone exactly, the shell's own fds out of the way of the script. Every
# test runs under a timeout (sh_c); run the file both normally and with
# SPSH_FORCE_FORK=1. Expected results checked against dash.
load helpers/common

# fd_state N: a command list printing "open" or "closed" for fd N in the shell
fd_state() {
	printf 'if { true >&%s; } 2>/dev/null; then echo open; else echo closed; fi' "$1"
}

@test "undoing a redirection of a builtin closes an fd that was closed before" {
	expect_sh "exec 3>&-; : 3>/dev/null; $(fd_state 3)" 'closed'
}

@test "undoing a redirection of compound commands closes an fd that was closed before" {
	expect_sh "exec 3>&-; { :; } 3>/dev/null; $(fd_state 3)
if true; then :; fi 3>/dev/null; $(fd_state 3)
for i in 1; do :; done 3>/dev/null; $(fd_state 3)
while false; do :; done 3>/dev/null; $(fd_state 3)
case a in a) :;; esac 3>/dev/null; $(fd_state 3)
f() { :; }; f 3>/dev/null; $(fd_state 3)" 'closed
closed
closed
closed
closed
closed'
}

@test "a builtin writing to a closed stdout fails; the file of an earlier redirection keeps its data" {
	sh_c 'exec 1>&-; echo a >f; echo JUNK; cat f >&2'
	err_nonempty
	[[ $stderr == a* ]] || [[ $stderr == *$'\na' ]] || { _show_run; return 1; }
	[ "$(cat "$BATS_TEST_TMPDIR/f")" = a ] || { _show_run; return 1; }
}

@test "a script started with stdout closed: echo >f does not capture later output" {
	cd "$BATS_TEST_TMPDIR"
	timeout 10 "$SPSH" -c 'echo a >wf; echo b; echo c' >&- 2>/dev/null || :
	[ "$(cat wf)" = a ]
}

@test "a FIFO opened by a builtin redirection is closed after it (the reader sees EOF)" {
	expect_sh 'exec 3>&-; mkfifo pp; cat pp & echo hi 3>pp >&3; wait; echo end' 'hi
end'
}
