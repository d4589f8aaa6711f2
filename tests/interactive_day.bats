#!/usr/bin/env bats
# tests/interactive_day.bats: the interactive conventions a bash user relies
# on (issue 8), in a real pseudo-terminal (tests/helpers/ptyrun.py). Each
# test runs against spsh and bash (`tests/run /bin/bash
# tests/interactive_day.bats`); the shells start with --norc so that bash
# reads no /etc/bash.bashrc. Expected outputs come from bash 5.2.

load helpers/common
load helpers/pty

@test "SIGHUP: the history is saved, a background job is hung up, the shell dies of SIGHUP" {
	ext_only
	pty <<'EOF2'
import signal
home = os.environ["PTY_HOME"]
sh = shell(pre=["--norc"], env={"HISTFILE": home + "/hist"})
sh.expect(PROMPT)
sh.send("sleep 301 &\r"); sh.expect(PROMPT)
sh.send("echo pid=$!\r"); m = sh.expect(r"pid=(\d+)\r\n"); sh.expect(PROMPT)
pid = int(m.group(1))
sh.send("echo marker-for-history\r"); sh.expect(PROMPT)
sh.wait_edit()
os.kill(sh.pid, signal.SIGHUP)
assert sh.expect_exit() == -signal.SIGHUP, sh.status
def gone():
    try:
        os.kill(pid, 0)
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split()[2] == "Z"
    except OSError:
        return True
until(gone, "the background sleep to be hung up", timeout=10)
assert "echo marker-for-history\n" in open(home + "/hist").read()
EOF2
}

@test "disown -h keeps a job from the hangup; disown removes it from the table" {
	ext_only
	pty <<'EOF2'
import signal
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
sh.send("sleep 302 &\r"); sh.expect(PROMPT)
sh.send("echo pid=$!\r"); m = sh.expect(r"pid=(\d+)\r\n"); sh.expect(PROMPT)
pid = int(m.group(1))
sh.send("disown -h %1; jobs\r"); sh.expect(r"\[1\]\+  Running +sleep 302 &\r\n"); sh.expect(PROMPT)
sh.send("sleep 303 &\r"); sh.expect(PROMPT)
sh.send("echo pid=$!\r"); m = sh.expect(r"pid=(\d+)\r\n"); sh.expect(PROMPT)
pid2 = int(m.group(1))
sh.send("disown -r; jobs; echo none\r"); sh.expect(r"\r\nnone\r\n"); sh.expect(PROMPT)
assert "Running" not in sh.output[sh.output.rfind("disown -r"):]
sh.wait_edit()
os.kill(sh.pid, signal.SIGHUP)
sh.expect_exit()
os.kill(pid, 0)        # still there
os.kill(pid, signal.SIGKILL)
os.kill(pid2, signal.SIGKILL)  # disowned too: it would hold the test's output open
EOF2
}

@test "the history file set in ~/.profile is the one loaded by a login shell" {
	ext_only
	printf '%s\n' 'HISTFILE=$HOME/myhist' "PS1='PROMPT> '" >"$PTY_HOME/.profile"
	printf 'echo from-myhist\n' >"$PTY_HOME/myhist"
	pty <<'EOF2'
sh = shell(["-l"])
sh.expect(PROMPT)
sh.send("history\r"); sh.expect(r"    1  echo from-myhist\r\n"); sh.expect(PROMPT)
sh.send("echo new-entry\r"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
	grep -qx 'echo new-entry' "$PTY_HOME/myhist"
}

@test "--rcfile FILE is read by an interactive shell, --norc skips ~/.spshrc" {
	ext_only
	printf '%s\n' 'rcvar=from-rcfile' "PS1='PROMPT> '" >rc
	echo 'rcvar=from-home-rc' >"$PTY_HOME/.spshrc"
	cp "$PTY_HOME/.spshrc" "$PTY_HOME/.bashrc"
	pty <<'EOF2'
sh = shell(pre=["--rcfile", os.environ["PTY_CWD"] + "/rc"])
sh.expect(PROMPT)
sh.send("echo rc=$rcvar\r"); sh.expect(r"rc=from-rcfile\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
sh.send("echo rc=$rcvar.\r"); sh.expect(r"rc=\.\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "history expansion: !! !\$ !n !-n !str !?str? ^old^new and modifiers, shown and stored" {
	ext_only
	pty <<'EOF2'
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
def run(line, *outs):
    sh.send(line + "\r")
    for o in outs:
        sh.expect(re.escape(o))
    sh.expect(PROMPT)
run("echo hello world", "hello world\r\n")
run("!! again", "echo hello world again\r\n", "hello world again\r\n")
run("echo a/b/c.txt x", "a/b/c.txt x\r\n")
run("echo !$ !*", "echo x a/b/c.txt x\r\n", "x a/b/c.txt x\r\n")
run("echo !3:1:h !3:1:t !3:1:r !3:1:e", "echo a/b c.txt a/b/c .txt\r\n")
run("!-3", "echo a/b/c.txt x\r\n", "a/b/c.txt x\r\n")
run("!?again?", "echo hello world again\r\n")
run("^again^twice", "echo hello world twice\r\n", "hello world twice\r\n")
run("!echo:s/hello/bye/", "echo bye world twice\r\n")
run("echo aXbXc", "aXbXc\r\n")
run("!!:gs/X/Y/", "echo aYbYc\r\n", "aYbYc\r\n")
run("echo one one", "one one\r\n")
run("!!:s/one/two/:&", "echo two two\r\n", "two two\r\n")
run("echo !-1:p", "echo echo two two\r\n")
run("echo '!!' \"!-2\"", "!! echo two two\r\n")
run("!nosuchevent", "!nosuchevent: event not found\r\n")
run("set +H")
run("echo !!", "\r\n!!\r\n")
run("history 5", "echo echo two two\r\n")
sh.send("exit\r"); sh.expect_exit()
assert "echo !nosuchevent" not in sh.output
EOF2
}

@test "HISTCONTROL, HISTIGNORE, set +o history and history -c -d -s -w -r -p" {
	ext_only
	printf 'old one\nold two\n' >"$PTY_HOME/hf"
	pty <<'EOF2'
home = os.environ["PTY_HOME"]
sh = shell(pre=["--norc"], env={"HISTFILE": home + "/hf"})
sh.expect(PROMPT)
for c in ["echo a", "HISTCONTROL=ignoreboth", " echo hidden", "echo b", "echo b",
          "HISTIGNORE='ls*:echo ign*'", "echo ignore me", "ls /dev/null",
          "set +o history", "echo nothist", "set -o history", "history -d 2"]:
    sh.send(c + "\r"); sh.expect(PROMPT)
sh.send("history\r")
sh.expect(r"\r\n    1  old one\r\n    2  echo a\r\n    3  HISTCONTROL=ignoreboth\r\n"
          r"    4  echo b\r\n    5  HISTIGNORE='ls\*:echo ign\*'\r\n    6  set \+o history\r\n"
          r"    7  history -d 2\r\n    8  history\r\n")
sh.expect(PROMPT)
sh.send("history -s stored entry\r"); sh.expect(PROMPT)
sh.send("history -p '!!' 'x!-3'\r"); sh.expect(r"\r\nstored entry\r\nxhistory -d 2\r\n"); sh.expect(PROMPT)
sh.send("history -w %s/w\r" % home); sh.expect(PROMPT)
sh.send("history -c\r"); sh.expect(PROMPT)
sh.send("history\r"); sh.expect(r"\r\n    1  history\r\n"); sh.expect(PROMPT)
sh.send("history -r %s/w\r" % home); sh.expect(PROMPT)
sh.send("history 3\r")
sh.expect(r"\r\n   \d\d  stored entry\r\n   \d\d  history -w \S+\r\n   \d\d  history 3\r\n"); sh.expect(PROMPT)
sh.send("history -d 999\r"); sh.expect(r"history: 999: history position out of range\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
w = open(home + "/w").read()
assert w.startswith("old one\necho a\n") and "stored entry\n" in w, w
EOF2
}

@test "HISTTIMEFORMAT puts the time before each entry" {
	ext_only
	pty <<'EOF2'
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
sh.send("echo x\r"); sh.expect(PROMPT)
sh.send("HISTTIMEFORMAT='<%Y>'; history 2\r")
y = time.strftime("%Y")
sh.expect(r"    1  <%s>echo x\r\n    2  <%s>HISTTIMEFORMAT" % (y, y)); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "PROMPT_COMMAND runs before each prompt and keeps \$?; PS0 before each command" {
	ext_only
	pty <<'EOF2'
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
for c, o in [("PROMPT_COMMAND='echo pc=$?; false'", "pc=0\r\n"), ("true", "pc=0\r\n"),
             ("false", "pc=1\r\n"), ("echo st=$?", "st=1\r\npc=0\r\n"), ("PROMPT_COMMAND=", ""),
             ("PS0='[ps0 \\#]\\n'", ""), ("echo x", "[ps0 7]\r\nx\r\n"), ("PS0=", "[ps0 8]\r\n")]:
    sh.send(c + "\r")
    # bash writes PS0's newline as \r\r\n
    sh.expect(re.escape(c) + "\r\n" + re.escape(o).replace("\\\r", "\r*") + PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "PS1 escapes \\e \\a \\j \\# \\nnn \\\\ and a colour prompt with \\[ \\]" {
	ext_only
	pty <<'EOF2'
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
sh.send("sleep 100 &\r"); sh.expect(PROMPT)
sh.send("PS1='\\e[1m\\a\\j \\#:\\101\\044\\\\ \\D{%Y}> '\r")
sh.expect("\x1b\\[1m\x07" + r"1 3:A\$\\ %s> " % time.strftime("%Y"))
sh.send("PS1='\\[\\e[32m\\]P\\[\\e[0m\\]ROMPT> '\r"); sh.expect("\x1b\\[32mP\x1b\\[0mROMPT> ")
sh.send("kill %1\r"); sh.expect("ROMPT> ")
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "a terminal resized while a command runs: LINES, COLUMNS and line editing follow (checkwinsize)" {
	ext_only
	pty <<'EOF2'
import fcntl, struct
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
sh.send("sleep 1; echo slept\r")
sh.wait_fg("sleep")
fcntl.ioctl(sh.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 40, 0, 0))
sh.expect("slept"); sh.expect(PROMPT)
sh.send("echo " + "y" * 60); sh.expect("y" * 60)
start = len(sh.output)
sh.send(KEYS["CTRL_A"])
m = sh.expect(r"\x1b\[A")     # the line wrapped at 40 columns: up one line
assert m.start() == start, repr(sh.output[start:])
sh.send("\r"); sh.expect(PROMPT)
sh.send("echo $LINES $COLUMNS\r"); sh.expect(r"\r\n24 40\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "kill %1 on a stopped job: the signal is delivered (SIGCONT after it)" {
	ext_only
	pty <<'EOF2'
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
sh.stop("sleep 100")
def sleep_pid():
    for d in os.listdir("/proc"):
        try:
            st = open("/proc/%s/stat" % d).read()
        except OSError:
            continue
        if "(sleep)" in st and int(st.rsplit(")", 1)[1].split()[1]) == sh.pid:
            return d
pid = sleep_pid()
def gone():
    try:
        return open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
sh.send("kill %1\r"); sh.expect(PROMPT)
# the job dies on its own time (a loaded machine): ask when it has
until(gone, "the stopped sleep to die")
sh.send("jobs; echo done\r"); sh.expect(r"Terminated +sleep 100\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "a history entry ending in a backslash stays one entry after a restart" {
	ext_only
	pty <<'EOF2'
home = os.environ["PTY_HOME"]
for i in range(2):
    sh = shell(pre=["--norc"], env={"HISTFILE": home + "/hist"})
    sh.expect(PROMPT)
    if i == 0:
        sh.send("echo end\\\\\r"); sh.expect(r"end\\\r\n"); sh.expect(PROMPT)
        sh.send("echo next\r"); sh.expect(PROMPT)
    else:
        sh.send("history\r"); sh.expect(r"    1  echo end\\\\\r\n    2  echo next\r\n"); sh.expect(PROMPT)
    sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "suspend stops the shell until it is continued; logout only in a login shell" {
	ext_only
	pty <<'EOF2'
import signal
sh = shell(pre=["--norc"])
sh.expect(PROMPT)
sh.send("logout\r"); sh.expect(r"logout: not login shell: use `exit'\r\n"); sh.expect(PROMPT)
sh.send("suspend\r")
def stopped():
    with open("/proc/%d/stat" % sh.pid) as f:
        return f.read().split()[2] == "T"
until(stopped, "the shell to stop")
os.kill(sh.pid, signal.SIGCONT)
sh.send("echo back\r"); sh.expect(r"back\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
sh = shell(["-l"], pre=["--noprofile"])
sh.expect(PROMPT)
sh.send("suspend\r"); sh.expect(r"suspend: cannot suspend a login shell\r\n"); sh.expect(PROMPT)
sh.send("logout\r"); sh.expect_exit()
EOF2
}
