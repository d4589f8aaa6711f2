#!/usr/bin/env bats
# tests/interactive_sigint.bats: Ctrl-C, Ctrl-Z and Ctrl-\ at an
# interactive shell in a real pseudo-terminal (issue 8): SIGINT abandons
# the whole command line (loops, lists, functions, `.` files, $(...),
# `read`) and brings a fresh prompt; an expansion error at the prompt
# abandons the line too (XCU 2.8.1); a script interrupted from its
# terminal dies of SIGINT ("wait and cooperative exit"). Expected results
# come from bash 5.2 and dash 0.5 run in the same harness; where they
# differ, the test is ext_only and follows bash (`tests/run /bin/bash` and
# `tests/run /usr/bin/dash` check the tests themselves).

load helpers/common
load helpers/pty

# Python for the tests below. run_key() types `line` at a fresh prompt,
# waits (wait_fg for a program name, "shell" for the shell itself busy,
# "proc:NAME" for a process in the terminal's session, "out:TEXT" for the
# shell busy after it wrote TEXT), types `key`,
# and waits for the next prompt: within 8 seconds, where the commands
# left alone would run for 10 or forever. It returns what the shell wrote
# in between, carriage returns removed. status() is $? at the prompt.
PRELUDE='
# dash has no line editor: the terminal looks the same whether it waits
# at its prompt or runs a command, so with dash (checking the tests) the
# waits for those states are short pauses instead.
EDITS = not os.environ["SPSH"].endswith("/dash")

def ready(sh):
    if EDITS:
        sh.wait_edit()
    else:
        time.sleep(0.3)

def busy(sh):
    sh.wait_run()
    if not EDITS:
        time.sleep(0.5)

def start():
    sh = shell(ARGS)
    sh.expect(PROMPT)
    return sh

def run_key(sh, line, wait, key="CTRL_C", timeout=8):
    ready(sh)
    begin = len(sh.output)
    sh.send(line + "\r")
    if wait.startswith("out:"):
        sh.expect(re.escape(wait[4:]))
        busy(sh)
    elif wait == "shell":
        busy(sh)
    elif wait.startswith("proc:"):
        sh.wait_proc(wait[5:])
    else:
        sh.wait_fg(wait)
    sh.send(KEYS.get(key, key))
    sh.expect(PROMPT, timeout=timeout)
    return sh.output[begin:].replace("\r", "")

def status(sh):
    ready(sh)
    sh.send("echo st=$?\r")
    m = sh.expect(r"st=(\d+)\r\n")
    sh.expect(PROMPT)
    return int(m.group(1))
'

pty_sigint() {
	{
		printf '%s\n' "$PRELUDE"
		cat
	} | pty
}

@test "Ctrl-C ends while :; do sleep 1; done; echo AFTER: no AFTER, a prompt, \$? 130" {
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "while :; do sleep 1; done; echo AFTER", "sleep")
assert "\nAFTER\n" not in out, out
assert status(sh) == 130
EOF
}

@test "Ctrl-C ends a loop of builtins only (the shell itself gets SIGINT)" {
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "while :; do :; done; echo AFTER", "shell")
assert "\nAFTER\n" not in out, out
assert status(sh) == 130
out = run_key(sh, "i=0; until [ $i -lt 0 ]; do i=$((i+1)); done; echo AFTER", "shell")
assert "\nAFTER\n" not in out, out
EOF
}

@test "Ctrl-C during sleep 10; echo next: next does not run" {
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "sleep 10; echo next", "sleep")
assert "\nnext\n" not in out, out
assert status(sh) == 130
out = run_key(sh, "sleep 10 && echo and || echo or; echo next", "sleep")
assert "\nnext\n" not in out and "\nor\n" not in out, out
EOF
}

@test "Ctrl-C during x=\$(sleep 5); echo after, and during a \$(...) of a list" {
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "x=$(sleep 5); echo after", "proc:sleep")
assert "\nafter\n" not in out, out
assert status(sh) == 130
out = run_key(sh, "echo $(sleep 5; echo in) out; echo after", "proc:sleep")
assert "out\n" not in out and "\nafter\n" not in out, out
EOF
}

@test "Ctrl-C at a select menu ends it and the line" {
	ext_only
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "select x in a b; do echo $x; done; echo AFTER", "out:#? ")
assert "#? " in out and "\nAFTER\n" not in out, out
assert status(sh) == 130
EOF
}

@test "Ctrl-C in a pipeline in a loop, and during wait: the line ends" {
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "while :; do sleep 10 | cat; done; echo AFTER", "sleep")
assert "\nAFTER\n" not in out, out
out = run_key(sh, "sleep 10 & wait; echo AFTER", "shell")
assert "\nAFTER\n" not in out, out
assert status(sh) == 130
sh.send("kill %1\r"); sh.expect(PROMPT)
EOF
}

@test "Ctrl-C during read x; echo after: read ends with 130, after does not run" {
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "read x; echo after", "shell")
assert "\nafter\n" not in out, out
assert status(sh) == 130
EOF
}

@test "Ctrl-C in a loop inside a function: the function, its caller's list and locals unwind" {
	pty_sigint <<'EOF'
sh = start()
sh.send("v=outer; f() { local v=inner; while :; do sleep 1; done; echo in-f; }\r"); sh.expect(PROMPT)
out = run_key(sh, "f; echo AFTER", "sleep")
assert "\nin-f\n" not in out and "\nAFTER\n" not in out, out
assert status(sh) == 130
sh.send("echo v=$v\r"); sh.expect(r"v=outer\r\n"); sh.expect(PROMPT)
EOF
}

@test "Ctrl-C in a loop of a . file: the file and the line are left" {
	printf '%s\n' 'while :; do sleep 1; done' 'echo DOTAFTER' >loop.sh
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, ". ./loop.sh; echo AFTER", "sleep")
assert "\nDOTAFTER\n" not in out and "\nAFTER\n" not in out, out
assert status(sh) == 130
# still at the top level: the next . file runs to its end
sh.send("echo 'echo dot-ok' >ok.sh; . ./ok.sh; echo next\r")
sh.expect(r"\r\ndot-ok\r\nnext\r\n"); sh.expect(PROMPT)
EOF
}

@test "Ctrl-C in a loop under a redirection and in eval: redirections are undone, no fd leaks" {
	pty_sigint <<'EOF'
sh = start()
# the shell lists its own fds (a glob, expanded before the redirection
# opens): an ls in a child raced with the shell closing its copy of the
# child's redirection and saw that fd now and then
sh.send("echo /proc/$$/fd/* >before\r"); sh.expect(PROMPT)
run_key(sh, "{ while :; do sleep 1; done; } 2>/dev/null 3>/dev/null", "sleep")
run_key(sh, "eval 'while :; do sleep 1; done; echo E'; echo AFTER", "sleep")
sh.send("echo visible >&2; echo /proc/$$/fd/* >after; cmp before after && echo same\r")
sh.expect(r"\r\nvisible\r\n"); sh.expect(r"same\r\n"); sh.expect(PROMPT)
EOF
}

@test "a trap on INT runs when the shell gets SIGINT, and the loop goes on" {
	pty_sigint <<'EOF'
sh = start()
sh.send("trap 'echo TRAPPED; n=$((n+1))' INT; n=0\r"); sh.expect(PROMPT)
ready(sh)
sh.send("while [ $n -lt 2 ]; do :; done; echo AFTER n=$n\r")
busy(sh)
sh.send(KEYS["CTRL_C"]); sh.expect(r"TRAPPED\r\n")
busy(sh)
sh.send(KEYS["CTRL_C"]); sh.expect(r"TRAPPED\r\n")
sh.expect(r"AFTER n=2\r\n"); sh.expect(PROMPT)
EOF
}

@test "with a trap on INT, a job killed by Ctrl-C does not end the line outside a loop" {
	pty_sigint <<'EOF'
sh = start()
sh.send("trap 'echo TRAPPED' INT\r"); sh.expect(PROMPT)
out = run_key(sh, "sleep 10; echo next", "sleep")
assert re.search(r"\n(\^C)?next\n", out), out
EOF
}

@test "with a trap on INT, a job killed by Ctrl-C in a loop leaves the loop (bash; dash runs the trap)" {
	ext_only
	pty_sigint <<'EOF'
sh = start()
sh.send("trap 'echo TRAPPED' INT\r"); sh.expect(PROMPT)
out = run_key(sh, "for i in 1 2 3; do sleep 10; echo i=$i; done; echo AFTER", "sleep")
assert "i=1" not in out and "\nAFTER\n" not in out, out
assert status(sh) == 130
EOF
}

@test "a program that catches SIGINT and exits 0 does not end the line" {
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "sh -c 'trap \"exit 0\" INT; sleep 10 & wait'; echo next", "proc:sleep")
assert re.search(r"\n(\^C)?next\n", out), out
EOF
}

@test "Ctrl-Z in a loop stops the job and leaves the loop, as break (bash)" {
	ext_only
	pty_sigint <<'EOF'
sh = start()
out = run_key(sh, "for i in 1 2; do for j in 1 2; do sleep 10; echo $i$j; done; echo i$i; done; echo next", "sleep", "CTRL_Z")
assert re.search(r"\[1\]\+  Stopped +sleep 10\n", out), out
assert "11" not in out and "i1" not in out and "\nnext\n" in out, out
# in a function, only the function's own loops are left
sh.send("f() { while :; do sleep 10; done; echo in-f; }\r"); sh.expect(PROMPT)
out = run_key(sh, "f; echo after-f", "sleep", "CTRL_Z")
assert "\nin-f\nafter-f\n" in out, out
sh.send("kill %1 %2\r"); sh.expect(PROMPT)
EOF
}

@test "Ctrl-\\ kills the job with Quit and the loop goes on (bash, dash)" {
	pty_sigint <<'EOF'
sh = start()
ready(sh)
sh.send("for i in 1 2; do sleep 10; echo i=$i; done; echo AFTER\r")
sh.wait_fg("sleep")
sh.send("\x1c")
sh.expect(r"Quit.*\r\ni=1\r\n")
sh.wait_fg("sleep")
sh.send(KEYS["CTRL_C"]); sh.expect(PROMPT, timeout=5)
assert "\r\nAFTER\r\n" not in sh.output
EOF
}

@test "an expansion error at the prompt abandons the rest of the line, the shell goes on" {
	pty_sigint <<'EOF'
sh = start()
for line in ['cd "${NOPE:?not set}"; echo would-run-in-$PWD',
             'echo $((1+)); echo same-line',
             'echo $((1/0)); echo same-line',
             'for i in 1 2; do echo ${u?}; done; echo same-line',
             'f() { echo ${u?}; echo same-line; }; f; echo same-line',
             'set -u; echo $nope; echo same-line']:
    ready(sh)
    begin = len(sh.output)
    sh.send(line + "\r"); sh.expect(PROMPT)
    out = sh.output[begin:].replace("\r", "")
    assert "\nsame-line\n" not in out and "would-run-in-/" not in out, out
assert status(sh) != 0
sh.send("set +u; echo alive\r"); sh.expect(r"\r\nalive\r\n"); sh.expect(PROMPT)
EOF
}

@test "an assignment to a read-only variable at the prompt abandons the line" {
	pty_sigint <<'EOF'
sh = start()
ready(sh)
sh.send("readonly r=1; r=2; echo same-line\r"); sh.expect(PROMPT)
assert "\r\nsame-line\r\n" not in sh.output
EOF
}

# Runs ./script.sh with $SPSH in a process group of its own (SIGINT at its
# default action, as a job in a terminal), waits until a file `ready`
# exists, then sends SIGINT to the group, as Ctrl-C would. $output gets
# the script's stdout and stderr, then a line "exit N" or "signal N".
intr_script() {
	printf '%s\n' "$1" >"$BATS_TEST_TMPDIR/script.sh"
	output=$(cd "$BATS_TEST_TMPDIR" && timeout -k 2 60 python3 - "$SPSH" <<'EOF'
import os, signal, subprocess, sys, time
def pre():
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.setpgid(0, 0)
p = subprocess.Popen([sys.argv[1], "script.sh"], preexec_fn=pre,
                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
deadline = time.time() + 20
while not os.path.exists("ready") and time.time() < deadline:
    time.sleep(0.02)
time.sleep(0.2)
os.killpg(p.pid, signal.SIGINT)
out, _ = p.communicate(timeout=20)
sys.stdout.write(out.decode())
rc = p.returncode
print("signal %d" % -rc if rc < 0 else "exit %d" % rc)
EOF
)
}

@test "a script interrupted in sleep 5; echo no dies of SIGINT (its parent sees WIFSIGNALED)" {
	intr_script ': >ready; sleep 5; echo no'
	[ "$output" = "signal 2" ] || { echo "$output"; false; }
}

@test "a script interrupted in a loop of builtins dies of SIGINT" {
	intr_script ': >ready; while :; do :; done; echo no'
	[ "$output" = "signal 2" ] || { echo "$output"; false; }
}

@test "a script interrupted in a function loop of sleep dies of SIGINT" {
	intr_script 'f() { while :; do sleep 1; done; }; : >ready; f; echo no'
	[ "$output" = "signal 2" ] || { echo "$output"; false; }
}

@test "a script with a trap on INT runs it and goes on" {
	intr_script 'trap "echo trapped" INT; : >ready; sleep 5; echo after'
	[ "$output" = "$(printf 'trapped\nafter\nexit 0')" ] || { echo "$output"; false; }
}

@test "a script whose foreground child catches SIGINT and exits 0 goes on (bash; dash dies)" {
	ext_only
	intr_script 'sh -c '\''trap "exit 0" INT; : >ready; sleep 5'\''; echo after $?'
	[ "$output" = "$(printf 'after 0\nexit 0')" ] || { echo "$output"; false; }
}

@test "a script dying of SIGINT runs its EXIT trap first (bash)" {
	ext_only
	intr_script 'trap "echo cleanup" EXIT; : >ready; sleep 5; echo no'
	[ "$output" = "$(printf 'cleanup\nsignal 2')" ] || { echo "$output"; false; }
}

@test "a script killed by SIGINT while it runs builtins runs its EXIT trap first (bash)" {
	ext_only
	intr_script 'trap "echo cleanup" EXIT; : >ready; while :; do :; done; echo no'
	[ "$output" = "$(printf 'cleanup\nsignal 2')" ] || { echo "$output"; false; }
}

@test "an EXIT trap reset, or set in a background subshell, leaves SIGINT as it was" {
	intr_script 'trap "echo cleanup" EXIT; trap - EXIT; : >ready; while :; do :; done; echo no'
	[ "$output" = "signal 2" ] || { echo "$output"; false; }
	# the background job ignores SIGINT (XCU 2.9.3.1), its trap changes nothing
	intr_script '(trap "echo bg-exit" EXIT; sleep 1; echo bg-done) & : >ready; wait; echo after'
	[ "$output" = "$(printf 'bg-done\nbg-exit\nsignal 2')" ] || { echo "$output"; false; }
}

@test "a foreground child killed by a SIGINT the script did not get is only a status of 130" {
	sh_script "python3 -c 'import os, signal; signal.signal(signal.SIGINT, signal.SIG_DFL); os.kill(os.getpid(), signal.SIGINT)'; echo st=\$?; echo after"
	out_is "$(printf 'st=130\nafter')"
}
