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

# ---- the shell's own fds live out of the script's way (17.2, 17.3, 17.7, 17.9) ----

@test "exec 3<file after a background job: the shell's status pipe is not fd 3" {
	printf 'line1\nline2\n' >"$BATS_TEST_TMPDIR/cfg"
	expect_sh 'exec 3>&-; sleep 0.5 & exec 3<cfg; /bin/true; read -r l <&3; echo "$l"; read -r l <&3; echo "$l"' 'line1
line2'
}

@test "closing fd 3 after a background job does not make a later command substitution hang" {
	expect_sh 'exec 3>&- 4>&-; sleep 0.5 & exec 3>log.txt; exec 3>&-; x=$(echo ok); echo "$x"; y=$(/bin/echo ok2); echo "$y"' 'ok
ok2'
}

@test "a command substitution's own pipe is not reachable as fd 3" {
	sh_c 'exec 3>&-; x=$(cat <&3); echo "[$x]"'
	out_is '[]'
	err_nonempty
}

@test "the pipe ends of a pipeline are not reachable as low fds" {
	sh_c 'exec 3>&- 4>&-; /bin/echo hi | cat <&4 | cat; echo "st=$?"'
	out_is 'st=0'
	err_nonempty
}

@test "a script redirecting onto the fd the shell reads it from goes on reading itself" {
	[ "${SPSH##*/}" = dash ] && skip "dash has no fds above 9"
	printf 'echo SHOULD-NOT-RUN\n' >"$BATS_TEST_TMPDIR/other"
	for n in 10 11 64; do
		{
			echo "exec $n<other"
			for i in $(seq 120); do echo "# padding padding padding padding padding padding padding padding"; done
			echo "echo end$n"
			echo "exec $n>/dev/null"
			for i in $(seq 120); do echo "# padding padding padding padding padding padding padding padding"; done
			echo "echo end2-$n"
		} >"$BATS_TEST_TMPDIR/big.sh"
		_spsh_run _spsh_exec big.sh
		out_is "end$n
end2-$n" || return 1
	done
}

@test "a redirection onto a saved fd number keeps the saved copy" {
	[ "${SPSH##*/}" = dash ] && skip "dash has no fds above 9"
	expect_sh '{ exec 10>/dev/null 11>/dev/null 12>/dev/null 64>/dev/null 65>/dev/null; echo inner; } >out; echo outer; cat out' 'outer
inner'
}

# ---- blocking opens can be interrupted (17.8) ----

@test "a command blocked opening a FIFO dies of SIGTERM, and so does the shell" {
	cd "$BATS_TEST_TMPDIR"
	mkfifo ff
	run timeout -k 3 -s TERM 1 "$SPSH" -c 'cat <ff; echo after'
	[ "$status" -eq 124 ] || { echo "status $status: $output"; return 1; }
	[ "$output" = "" ]
}

@test "the shell itself dies of SIGTERM while its child blocks opening a FIFO" {
	cd "$BATS_TEST_TMPDIR"
	mkfifo ff
	for ff in 0 1; do
		st=0
		env SPSH_FORCE_FORK=$ff timeout -k 3 5 "$SPSH" -c '(sleep 0.3; kill $$) & cat <ff; echo after' \
			>out 2>&1 </dev/null || st=$?
		# the orphaned cat still waits for a writer: an O_RDWR open
		# lets it through to EOF
		exec 8<>ff
		exec 8>&-
		[ "$st" -eq 143 ] || { echo "SPSH_FORCE_FORK=$ff: status $st: $(cat out)"; return 1; }
		[ ! -s out ]
	done
}

@test "a background command blocked opening a FIFO can be killed" {
	expect_sh 'mkfifo ff; cat <ff & sleep 0.2; kill $!; wait; echo waited' 'waited'
}
