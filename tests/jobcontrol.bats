#!/usr/bin/env bats
# tests/jobcontrol.bats: job control in scripts (XCU 2.11, set -m), issue
# 16.2. On a terminal (a real pseudo-terminal, tests/helpers/ptyrun.py) the
# tests pass under dash and bash; without one (setsid: no controlling
# terminal) dash and yash turn -m off, bash and spsh keep it: every job
# still gets a process group of its own, so those tests skip on dash and
# yash. Every run is under a timeout: a wait on a process group that was
# never made hangs.

load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
	export PTY_CWD="$BATS_TEST_TMPDIR"
}

pty() {
	timeout -k 2 120 python3 "$BATS_TEST_DIRNAME/helpers/ptyrun.py"
}

# skips on shells that turn -m off without a controlling terminal
monitor_without_tty() {
	case ${SPSH##*/} in
	dash | yash | ash | busybox) skip "${SPSH##*/} turns job control off without a terminal" ;;
	esac
}

# "$SPSH" script.sh with no controlling terminal, stdin /dev/null
no_tty() {
	_spsh_run timeout -k 2 "$SPSH_TIMEOUT" setsid -w "$SPSH" script.sh </dev/null
}

@test "set -m script on a terminal: fg continues a stopped job and returns its status" {
	cat >script.sh <<'EOF'
set -m
/bin/sh -c 'kill -s STOP $$; echo continued'
echo "stopped: $?"; fg >/dev/null; echo "fg: $?"
EOF
	pty <<'EOF2'
sh = spawn([os.environ["SPSH"], "script.sh"])
sh.expect(r"stopped: 147")
sh.expect(r"continued\r\n")
sh.expect(r"fg: 0\r\n")
assert sh.expect_exit() == 0, sh.status
EOF2
}

@test "set -m script on a terminal: kill %1 signals the job's process group, wait %1 gives 143" {
	# one line: a job reported between commands is forgotten by bash
	cat >script.sh <<'EOF'
set -m
sleep 30 &
kill %1; echo "kill: $?"; wait %1; echo "wait: $?"
EOF
	pty <<'EOF2'
sh = spawn([os.environ["SPSH"], "script.sh"])
sh.expect(r"kill: 0\r\n")
sh.expect(r"wait: 143\r\n")
assert sh.expect_exit() == 0, sh.status
EOF2
}

@test "set -m script on a terminal: the shell has a process group of its own, so kill -s HUP 0 spares its caller" {
	cat >script.sh <<'EOF'
set -m
kill -s HUP 0
echo not reached
EOF
	pty <<'EOF2'
sh = spawn(["/bin/sh", "-c", '"$SPSH" script.sh; echo "caller: $?"'])
sh.expect(r"caller: 129\r\n")
assert "not reached" not in sh.output
assert sh.expect_exit() == 0, sh.status
EOF2
}

@test "set -m script on a terminal: the terminal goes back to the caller at exit, set +m and exec" {
	printf '%s\n' 'set -m' 'sleep 0' 'exit 3' >exit.sh
	printf '%s\n' 'set -m' 'sleep 0' 'exec /bin/true' >exec.sh
	printf '%s\n' 'set -m' 'sleep 0' 'set +m' 'read x </dev/tty; echo "script read $x"' >plusm.sh
	# a caller left in the background would get EIO (orphaned group) or
	# stop at its read from the terminal
	pty <<'EOF2'
sh = spawn(["/bin/sh", "-c", 'for s in exit exec plusm; do "$SPSH" $s.sh; echo "$s: $?"; read x; echo "caller read $x"; done'])
sh.expect(r"exit: 3\r\n")
sh.send("a\r"); sh.expect(r"caller read a\r\n")
sh.expect(r"exec: 0\r\n")
sh.send("b\r"); sh.expect(r"caller read b\r\n")
sh.send("c\r"); sh.expect(r"script read c\r\n")
sh.expect(r"plusm: 0\r\n")
sh.send("d\r"); sh.expect(r"caller read d\r\n")
assert sh.expect_exit() == 0, sh.status
EOF2
}

@test "sh -i with stdin and stderr redirected on a terminal: job control through /dev/tty" {
	echo '. ./inner.sh' >cmds	# no history expansion of $!
	cat >inner.sh <<'EOF'
case $- in *m*) echo monitor on ;; *) echo monitor off ;; esac
sleep 30 &
pg=$(ps -o pgid= -p $!)
[ "$pg" -eq $! ] && echo own group
kill %1
EOF
	pty <<'EOF2'
sh = spawn(["/bin/sh", "-c", 'exec "$SPSH" -i <cmds 2>/dev/null'])
sh.expect(r"monitor on\r\n")
sh.expect(r"own group\r\n")
sh.expect_exit()
EOF2
}

@test "sh -i +m on a terminal: monitor mode stays off, jobs stay in the shell's group" {
	echo '. ./inner.sh' >cmds
	cat >inner.sh <<'EOF'
case $- in *m*) echo monitor on ;; *) echo monitor off ;; esac
sleep 30 &
[ "$(ps -o pgid= -p $!)" -eq "$(ps -o pgid= -p $$)" ] && echo same group
kill $!
EOF
	pty <<'EOF2'
sh = spawn(["/bin/sh", "-c", 'exec "$SPSH" -i +m <cmds 2>/dev/null'])
sh.expect(r"monitor off\r\n")
sh.expect(r"same group\r\n")
sh.expect_exit()
EOF2
}

@test "set -m without a terminal: each job has a process group of its own" {
	monitor_without_tty
	cat >script.sh <<'EOF'
set -m
sleep 30 &
[ "$(ps -o pgid= -p $!)" -eq $! ] && echo own group
sleep 30 | sleep 31 &
jobs -p %2 >leader
[ "$(ps -o pgid= -p $!)" -eq "$(cat leader)" ] && echo pipeline shares one
kill %1 %2; wait %1; echo "wait: $?"
EOF
	no_tty
	status_is 0
	out_is "own group
pipeline shares one
wait: 143"
}

@test "set -m without a terminal: fg continues a stopped job (issue 16.2 reproducer)" {
	monitor_without_tty
	cat >script.sh <<'EOF'
set -m
/bin/sh -c 'kill -s STOP $$; echo continued'
echo "stopped: $?"; fg >/dev/null; echo "fg: $?"
/bin/sh -c 'kill -s STOP $$; echo again'
bg >/dev/null; wait; echo "bg: $?"
EOF
	no_tty
	status_is 0
	out_is "stopped: 147
continued
fg: 0
again
bg: 0"
}

@test "sh -m script without a terminal: jobs in their own groups, kill %1 works" {
	monitor_without_tty
	cat >script.sh <<'EOF'
sleep 30 &
[ "$(ps -o pgid= -p $!)" -eq $! ] && echo own group
kill %1; echo "kill: $?"
EOF
	_spsh_run timeout -k 2 "$SPSH_TIMEOUT" setsid -w "$SPSH" -m script.sh </dev/null
	status_is 0
	out_is "own group
kill: 0"
}

@test "set -m in a subshell does not make process groups: the subshell's jobs are waited for" {
	cat >script.sh <<'EOF'
( set -m; /bin/sh -c 'exit 7' & wait $!; echo "bg: $?"; /bin/sh -c 'exit 5'; echo "fg: $?" )
EOF
	no_tty
	status_is 0
	out_is "bg: 7
fg: 5"
}

@test "set -m in sh -c: a background job's end is reported once on stderr (bash), wait \$pid keeps its status" {
	monitor_without_tty
	sh_c 'set -m; sleep 0.1 & sleep 0.5; echo after; (exit 3) & p=$!; sleep 0.5; echo mid; wait $p; echo "wait: $?"; sleep 0.1 & wait; echo end'
	out_is 'after
mid
wait: 3
end'
	[[ ${stderr_lines[0]} == '[1]+  Done                    sleep 0.1' ]] || { _show_run; return 1; }
	[[ ${stderr_lines[1]} == '[1]+  Exit 3                  '* ]] || { _show_run; return 1; }
	[[ ${stderr_lines[2]} == '[1]+  Done                    sleep 0.1' ]] || { _show_run; return 1; }
	[ "${#stderr_lines[@]}" = 3 ] || { _show_run; return 1; }
}

@test "set -m in a script file: no job reports (bash)" {
	monitor_without_tty
	printf '%s\n' 'set -m' 'sleep 0.1 &' 'sleep 0.4' 'echo after' >script.sh
	sh_script "$(cat script.sh)"
	out_is 'after'
	err_empty
}

@test "a script without set -m reports no job" {
	printf '%s\n' 'sleep 0.1 &' 'sleep 0.4' 'false & wait $!; echo "st=$?"' >script.sh
	no_tty
	out_is 'st=1'
	err_empty
}
