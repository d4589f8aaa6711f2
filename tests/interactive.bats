#!/usr/bin/env bats
# tests/interactive.bats: the interactive shell in a real pseudo-terminal,
# driven the way a user types (tests/helpers/ptyrun.py): line editing,
# history, completion, Ctrl-C, job control, prompts, login start-up.
# spsh only: prompts, messages and history files are spsh's own.

load helpers/common
load helpers/pty

@test "typed line is edited: move left and insert" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.send("echo abd" + KEYS["LEFT"] + "c\r")
sh.expect(r"\r\nabcd\r\n")
sh.expect(PROMPT)
sh.send("echo 1234" + KEYS["CTRL_A"] + KEYS["RIGHT"] * 5 + "x\r")
sh.expect(r"\r\nx1234\r\n")
sh.expect(PROMPT)
sh.send("exit\r")
assert sh.expect_exit() == 0
EOF
}

@test "Up recalls the previous command; multi-line commands are one entry" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.send("echo one$((1+1))\r"); sh.expect(r"one2\r\n"); sh.expect(PROMPT)
sh.send("for i in a b\r"); sh.expect("MORE> ")
sh.send("do echo x$i; done\r"); sh.expect(r"xb\r\n"); sh.expect(PROMPT)
sh.send(KEYS["UP"] + KEYS["UP"] + "\r"); sh.expect(r"one2\r\n"); sh.expect(PROMPT)
sh.send("history\r"); sh.expect(r"    2  for i in a b; do echo x\$i; done\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "a multi-line command typed at the prompt is one history entry, joined as bash does (cmdhist, lithist)" {
	ext_only
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("for i in 1 2\r"); sh.expect("MORE> ")
sh.send("do\r"); sh.expect("MORE> ")
sh.send("echo x$i\r"); sh.expect("MORE> ")
sh.send("done\r"); sh.expect(r"x2\r\n"); sh.expect(PROMPT)
sh.send("f() {\r"); sh.expect("MORE> ")
sh.send("echo in-f\r"); sh.expect("MORE> ")
sh.send("}\r"); sh.expect(PROMPT)
sh.send("shopt -s lithist\r"); sh.expect(PROMPT)
sh.send("if true\r"); sh.expect("MORE> ")
sh.send("then echo lit\r"); sh.expect("MORE> ")
sh.send("fi\r"); sh.expect(r"lit\r\n"); sh.expect(PROMPT)
sh.send("history\r")
sh.expect(r"    1  for i in 1 2; do echo x\$i; done\r\n    2  f\(\) \{ echo in-f; \}\r\n    3  shopt -s lithist\r\n    4  if true\r\nthen echo lit\r\nfi\r\n")
sh.expect(PROMPT)
sh.send(KEYS["UP"] * 5 + "\r"); sh.expect(r"x1\r\nx2\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "Tab completes a command name and a file name with special characters" {
	spsh_only
	mkdir -p bin
	printf '#!/bin/sh\necho ran-mycmd\n' >bin/spshtestcmd
	chmod +x bin/spshtestcmd
	echo contents >'my file$1.txt'
	pty <<'EOF'
sh = shell(env={"PATH": os.environ["PTY_CWD"] + "/bin:" + os.environ["PATH"]})
sh.expect(PROMPT)
sh.send("spshtestc\t")
sh.expect("spshtestcmd ")
sh.send("\r"); sh.expect(r"ran-mycmd\r\n"); sh.expect(PROMPT)
sh.send("cat my\t")
sh.expect(r"my\\ file\\\$1\.txt ")
sh.send("\r"); sh.expect(r"contents\r\n"); sh.expect(PROMPT)
sh.send("echo $PTY_HO\t")
sh.expect(r"\$PTY_HOME ")
sh.send("\r"); sh.expect(r"/home\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "cd completes directories only" {
	spsh_only
	mkdir -p dir_a
	touch dir_b
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.send("cd dir_\t")
sh.expect("dir_a/")
sh.send("\rpwd\r"); sh.expect(r"/dir_a\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "Ctrl-C discards the line, sets \$? to 130 and shows a fresh prompt" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.wait_edit()
sh.send("echo notrun"); sh.expect("notrun")
sh.send(KEYS["CTRL_C"]); sh.expect(PROMPT)
sh.wait_edit()
sh.send("if true; then\r"); sh.expect("MORE> ")
sh.wait_edit()
sh.send("echo notrun2"); sh.expect("notrun2")
sh.send(KEYS["CTRL_C"]); sh.expect(PROMPT)
sh.wait_edit()
sh.send("echo st=$?\r"); sh.expect(r"st=130\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
assert "\nnotrun" not in sh.output.replace("\r", ""), "a discarded line ran"
assert "syntax error" not in sh.output, "Ctrl-C at PS2 gave a syntax error"
EOF
}

@test "Ctrl-Z stops a job; jobs, bg, fg and Ctrl-C" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.stop("sleep 100")
assert "[1]+  Stopped                 sleep 100\r\n" in sh.output
sh.send("jobs\r"); sh.expect(r"\[1\]\+  Stopped                 sleep 100\r\n"); sh.expect(PROMPT)
sh.send("bg %sl\r"); sh.expect(r"\[1\]\+ sleep 100 &\r\n"); sh.expect(PROMPT)
sh.send("jobs %?eep\r"); sh.expect(r"\[1\]\+  Running                 sleep 100 &\r\n"); sh.expect(PROMPT)
sh.send("fg %1\r"); sh.expect(r"sleep 100\r\n"); sh.wait_fg("sleep")
sh.send(KEYS["CTRL_C"]); sh.expect(PROMPT)
sh.send("echo st=$?; jobs\r"); sh.expect(r"st=130\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
assert "Running" not in sh.output[sh.output.rindex("st=130"):]
EOF
}

@test "exit with stopped jobs warns once; a second exit, or exit after jobs, leaves (bash)" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.stop("sleep 100")
sh.send("exit\r"); sh.expect(r"\r\nThere are stopped jobs.\r\n"); sh.expect(PROMPT)
sh.send("echo st=$?\r"); sh.expect(r"st=1\r\n"); sh.expect(PROMPT)
sh.send("exit 3\r")
assert sh.expect_exit() == 3
assert sh.output.count("There are stopped jobs.") == 1, "warned twice"
sh = shell()
sh.expect(PROMPT)
sh.stop("sleep 100")
sh.send("jobs\r"); sh.expect(r"\[1\]\+  Stopped +sleep 100\r\n"); sh.expect(PROMPT)
sh.send("exit\r")
assert sh.expect_exit() == 0
assert "There are stopped jobs." not in sh.output, "warned after jobs"
EOF
}

@test "exit warns again when another job has stopped since the warning" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.stop("sleep 100")
sh.send("exit\r"); sh.expect("There are stopped jobs."); sh.expect(PROMPT)
sh.stop("sleep 101")
sh.send("exit\r"); sh.expect("There are stopped jobs."); sh.expect(PROMPT)
sh.send("exit\r")
assert sh.expect_exit() == 1, "exit without operand: the warning's status"
EOF
}

@test "background job: [1] PID, Done notice before a later prompt, at once with set -b" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.send("sleep 0.2 &\r"); m = sh.expect(r"\[1\] (\d+)\r\n"); sh.expect(PROMPT)
def ended(pid=int(m.group(1))):
    try:
        return open("/proc/%d/stat" % pid).read().split(") ")[1][0] == "Z"
    except OSError:
        return True
until(ended, "sleep 0.2 to end")
sh.send("\r"); sh.expect(r"\[1\]\+  Done                    sleep 0.2\r\n"); sh.expect(PROMPT)
sh.send("set -b; sleep 0.3 &\r"); sh.expect(r"\[1\] \d+\r\n"); sh.expect(PROMPT)
sh.expect(r"\[1\]\+  Done                    sleep 0.3\r\n")
sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "kill and wait take job specs" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.send("sleep 100 &\r"); sh.expect(PROMPT)
sh.send("sleep 101 &\r"); sh.expect(PROMPT)
sh.send("kill %-; wait %-; echo st=$?\r"); sh.expect(r"st=143\r\n"); sh.expect(PROMPT)
sh.send("kill %%; wait %%; echo st=$?\r"); sh.expect(r"st=143\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "PS1 escapes and expansions; \$? unchanged by the prompt" {
	spsh_only
	pty <<'EOF'
sh = shell(env={"PS1": r"[\u|\W|$((6*7))|$(echo sub)]\$ ", "HOME": os.environ["PTY_CWD"]})
import pwd
user = pwd.getpwuid(os.geteuid()).pw_name
mark = "#" if os.geteuid() == 0 else "$"
sh.expect(re.escape("[%s|~|42|sub]%s " % (user, mark)))
sh.send("false\r"); sh.expect(re.escape("|sub]"))
sh.send("echo st=$?\r"); sh.expect(r"st=1\r\n")
sh.send("mkdir -p 'd$(echo x)' && cd 'd$(echo x)'\r"); sh.expect(re.escape("[%s|d$(echo x)|42|sub]" % user))
sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "Ctrl-D exits; with ignoreeof it warns instead" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.send("set -o ignoreeof\r"); sh.expect(PROMPT)
sh.send(KEYS["CTRL_D"]); sh.expect('Use "exit" to leave the shell.'); sh.expect(PROMPT)
sh.send("set +o ignoreeof\r"); sh.expect(PROMPT)
sh.send(KEYS["CTRL_D"])
assert sh.expect_exit() == 0
EOF
}

@test "set -o vi switches the editing keys" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.send("set -o vi\r"); sh.expect(PROMPT)
sh.send("echo xbc"); sh.expect("xbc")
sh.send(KEYS["ESC"]); time.sleep(0.2)	# no state to wait for; either way is right
sh.send("0wra\r"); sh.expect(r"\r\nabc\r\n"); sh.expect(PROMPT)
sh.send("set -o emacs\r"); sh.expect(PROMPT)
sh.send("echo b" + KEYS["CTRL_A"] + KEYS["RIGHT"] * 5 + "a\r"); sh.expect(r"\r\nab\r\n")
sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "history survives a restart; fc -l and fc -s" {
	spsh_only
	pty <<'EOF'
sh = shell()
sh.expect(PROMPT)
sh.send("echo first\r"); sh.expect(PROMPT)
sh.send("echo second\r"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
sh = shell()
sh.expect(PROMPT)
sh.send(KEYS["UP"] + KEYS["UP"] + KEYS["UP"] + "\r"); sh.expect(r"\r\nfirst\r\n"); sh.expect(PROMPT)
sh.send("fc -l 1 3\r"); sh.expect(r"1\t echo first\r\n2\t echo second\r\n3\t exit\r\n"); sh.expect(PROMPT)
sh.send("fc -s second=again 2\r"); sh.expect(r"echo again\r\nagain\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF
	grep -qx 'echo again' "$PTY_HOME/.spsh_history"
	! grep -q 'fc -s' "$PTY_HOME/.spsh_history"
}

@test "two shells exiting together keep both histories; HISTSIZE trims the file" {
	spsh_only
	seq 1 20 | sed 's/^/old /' >"$PTY_HOME/.spsh_history"
	pty <<'EOF'
a = shell(env={"HISTSIZE": "100"})
b = shell(env={"HISTSIZE": "100"})
a.expect(PROMPT); b.expect(PROMPT)
for i in range(5):
    a.send("echo a%d\r" % i); a.expect(PROMPT)
    b.send("echo b%d\r" % i); b.expect(PROMPT)
a.send("exit\r"); b.send("exit\r")
a.expect_exit(); b.expect_exit()
EOF
	for i in 0 1 2 3 4; do
		[ "$(grep -cx "echo a$i" "$PTY_HOME/.spsh_history")" = 1 ]
		[ "$(grep -cx "echo b$i" "$PTY_HOME/.spsh_history")" = 1 ]
	done
	[ "$(wc -l <"$PTY_HOME/.spsh_history")" = 32 ]
	pty <<'EOF'
a = shell(env={"HISTSIZE": "10"})
a.expect(PROMPT)
a.send("echo last\r"); a.expect(PROMPT)
a.send("exit\r"); a.expect_exit()
EOF
	[ "$(wc -l <"$PTY_HOME/.spsh_history")" = 10 ]
	[ "$(tail -n 1 "$PTY_HOME/.spsh_history")" = exit ]
}

@test "login shell reads /etc/profile and ~/.profile; ENV for interactive shells" {
	spsh_only
	echo 'FROM_PROFILE=yes; echo profile-ran; PS1="PROMPT> "' >"$PTY_HOME/.profile"
	echo 'FROM_ENV=yes' >"$PTY_HOME/envfile"
	pty <<'EOF'
for how in (["-l"], None):
    if how:
        sh = shell(how, env={"ENV": os.environ["PTY_HOME"] + "/envfile"})
    else:
        sh = shell(env={"ENV": os.environ["PTY_HOME"] + "/envfile"}, arg0="-spsh")
    sh.expect("profile-ran"); sh.expect(PROMPT)
    sh.send("echo $FROM_PROFILE,$FROM_ENV\r"); sh.expect(r"yes,yes\r\n"); sh.expect(PROMPT)
    sh.send("exit\r"); sh.expect_exit()
EOF
}

@test "a login shell hangs up its jobs when it exits" {
	spsh_only
	echo 'PS1="PROMPT> "' >"$PTY_HOME/.profile"
	pty <<'EOF'
sh = shell(["-l"])
sh.expect(PROMPT)
sh.send("sleep 100 &\r"); m = sh.expect(r"\[1\] (\d+)\r\n"); sh.expect(PROMPT)
pid = int(m.group(1))
sh.send("exit\r"); sh.expect_exit()
def gone():
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False
try:
    until(gone, "the login shell's sleep to be hung up")
except Failure:
    os.kill(pid, 9)
    raise
EOF
}

@test "commands typed at the prompt are spawned with CLONE_VM, never forked" {
	spsh_only
	[ -z "${SPSH_FORCE_FORK:-}" ] || skip "SPSH_FORCE_FORK=1 forks on purpose (sanitizer run)"
	strace -f -o /dev/null true 2>/dev/null || skip "strace cannot trace here"
	pty <<'EOF'
import subprocess
log = os.environ["PTY_CWD"] + "/strace.log"
sh = shell()
sh.expect(PROMPT)
sh.send("echo $$\r"); pid = int(sh.expect(r"(\d+)\r\n").group(1)); sh.expect(PROMPT)
tr = subprocess.Popen(["strace", "-f", "-qq", "-o", log, "-e", "trace=clone,clone3,fork,vfork", "-p", str(pid)])
def traced():
    for l in open("/proc/%d/status" % pid):
        if l.startswith("TracerPid:"):
            return int(l.split()[1]) != 0
    return False
until(traced, "strace to attach")
sh.send("/bin/true\r"); sh.expect(PROMPT)
sh.send("sleep 0.1 &\r"); sh.expect(PROMPT)
# (a builtin as a pipeline stage is a forked subshell: exec.c fork_stage)
sh.send("/bin/true | cat\r"); sh.expect(PROMPT)
sh.send("wait\r"); sh.expect(PROMPT)
tr.terminate(); tr.wait()
calls = [l for l in open(log) if re.search(r"\b(clone3?|v?fork)\(", l)]
if len(calls) < 3:
    raise Failure("expected 3+ process creations, saw: %r" % calls)
bad = [l for l in calls if "CLONE_VM" not in l]
if bad:
    raise Failure("created without CLONE_VM: %r" % bad)
sh.send("exit\r"); sh.expect_exit()
EOF
}
