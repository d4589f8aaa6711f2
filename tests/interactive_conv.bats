#!/usr/bin/env bats
# tests/interactive_conv.bats: more of the interactive conventions a bash
# user relies on (issue 8), in a real pseudo-terminal: job ids as commands,
# command_not_found_handle, editing the line in $VISUAL, completion inside
# quotes and after $HOME/, syntax errors at the prompt, +H, history time
# stamps, usage errors of builtins. Each test runs against spsh and bash
# (`tests/run /bin/bash tests/interactive_conv.bats`); expected outputs come
# from bash 5.2.

load helpers/common
load helpers/pty

@test "%1, %+, %name alone on a line mean fg; %1 & means bg" {
	ext_only
	pty <<'EOF2'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.stop("sleep 101")
def fg(line):
    sh.send(line + "\r"); sh.expect(r"\r\nsleep 101\r\n"); sh.wait_fg("sleep")
    sh.send(KEYS["CTRL_Z"]); sh.expect(r"\[1\]\+  Stopped +sleep 101\r\n"); sh.expect(PROMPT)
fg("%1")
fg("%+")
fg("%sl")
fg("%?101")
sh.send("%1 &\r"); sh.expect(r"\r\n\[1\]\+ sleep 101 &\r\n"); sh.expect(PROMPT)
sh.send("%1 &\r"); sh.expect(r": bg: job 1 already in background\r\n"); sh.expect(PROMPT)
sh.send("jobs\r"); sh.expect(r"\[1\]\+  Running +sleep 101 &\r\n"); sh.expect(PROMPT)
sh.send("%9\r"); sh.expect(r": fg: %9: no such job\r\n"); sh.expect(PROMPT)
sh.send("echo $?\r"); sh.expect(r"\r\n1\r\n"); sh.expect(PROMPT)
sh.send("kill %1\r"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "spsh -i +H starts with history expansion off; set +H in the rc file stays" {
	ext_only
	printf '%s\n' 'set +H' "PS1='PROMPT> '" >"$PTY_HOME/.spshrc"
	cp "$PTY_HOME/.spshrc" "$PTY_HOME/.bashrc"
	pty <<'EOF2'
sh = shell(["+H"], pre=["--norc"])
sh.expect(PROMPT)
sh.send("echo x; echo !!\r"); sh.expect(r"\r\nx\r\n!!\r\n"); sh.expect(PROMPT)
sh.send("case $- in *H*) echo on;; *) echo off;; esac\r"); sh.expect(r"\r\noff\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
# bash would read /etc/bash.bashrc before ~/.bashrc without --rcfile
sh = shell(pre=["--rcfile", os.environ["PTY_HOME"] + "/.bashrc"] if ARGS else [])
sh.expect(PROMPT)
sh.send("echo y; echo !!\r"); sh.expect(r"\r\ny\r\n!!\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "command_not_found_handle runs in a child in the foreground with the command and its arguments" {
	ext_only
	pty <<'EOF2'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("command_not_found_handle() { x=changed; read -r l; echo \"cnf[$#] $1 ($2) got $l\"; return 42; }\r")
sh.expect(PROMPT)
sh.send("x=orig; nosuchcmd a 'b c'\r"); sh.wait_fg("bash" if ARGS else "spsh")
sh.send("typed\r"); sh.expect(r"\r\ncnf\[3\] nosuchcmd \(a\) got typed\r\n"); sh.expect(PROMPT)
sh.send("echo $? $x\r"); sh.expect(r"\r\n42 orig\r\n"); sh.expect(PROMPT)
sh.send("./nosuchcmd; echo $?\r"); sh.expect(r"nosuchcmd: (No such file or directory|not found)\r\n127\r\n"); sh.expect(PROMPT)
sh.send("unset -f command_not_found_handle; nosuchcmd\r"); sh.expect(r"nosuchcmd: (command )?not found\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "command_not_found_handle in scripts, in posix mode, in pipelines, \$(...) and & (bash)" {
	ext_only
	cat >cnf.sh <<'EOF2'
command_not_found_handle() { echo "cnf: $# $* $([ "$BASHPID" != $$ ] && echo child)"; x=set; return 42; }
nosuch a "b c"; echo "st=$? x=$x"
out=$(nosuch q); echo "cs: $out st=$?"
nosuch | cat; echo "pipe st=$?"
nosuch >/dev/null; echo "redir st=$?"
nosuch & wait $!; echo "bg st=$?"
y=1 nosuch3; echo st=$?
EOF2
	expected='cnf: 3 nosuch a b c child
st=42 x=
cs: cnf: 2 nosuch q child st=42
cnf: 1 nosuch child
pipe st=0
redir st=42
cnf: 1 nosuch child
bg st=42
cnf: 1 nosuch3 child
st=42'
	run "$SPSH" cnf.sh
	[ "$output" = "$expected" ]
	run "$SPSH" --posix cnf.sh
	[ "$output" = "$expected" ]
}

@test "HISTTIMEFORMAT: time stamps are saved in HISTFILE as bash writes them (#SECONDS lines) and read back" {
	ext_only
	printf '#1700000000\necho old\n#1700000100\necho two\n' >"$PTY_HOME/hf"
	pty <<'EOF2'
home = os.environ["PTY_HOME"]
env = {"HISTFILE": home + "/hf", "HISTTIMEFORMAT": "%s "}
sh = shell(pre=["--norc"], env=env)
sh.expect(PROMPT)
sh.send("history\r"); sh.expect(r"\r\n    1  1700000000 echo old\r\n    2  1700000100 echo two\r\n    3  \d+ history\r\n")
sh.expect(PROMPT)
sh.send("echo new\r"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
text = open(home + "/hf").read()
assert re.match(r"#1700000000\necho old\n#1700000100\necho two\n#\d+\nhistory\n#\d+\necho new\n", text), text
stamp = re.search(r"#(\d+)\necho new\n", text).group(1)
sh = shell(pre=["--norc"], env=env)
sh.expect(PROMPT)
sh.send("history 3\r"); sh.expect(r"\r\n    4  %s echo new\r\n    5  \d+ exit\r\n" % stamp)
sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "a subshell at the prompt reads from the terminal: (read l) is not stopped by SIGTTOU" {
	ext_only
	pty <<'EOF2'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("(read -r l; echo \"got $l\")\r"); sh.wait_fg("bash" if ARGS else "spsh")
sh.send("typed\r"); sh.expect(r"\r\ngot typed\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "completion after \$HOME/, \${HOME}/ and ~/ reads that directory and keeps the variable; inside \"... a directory keeps the quote open" {
	ext_only
	mkdir -p "$PTY_HOME/dd" "$PTY_HOME/my dir"
	touch "$PTY_HOME/dd/file1" "$PTY_HOME/my dir/a file"
	pty <<'EOF2'
sh = shell(ARGS, cwd=os.environ["PTY_HOME"])
sh.expect(PROMPT)
def comp(typed, shown):
    sh.send(typed + "\t"); sh.expect(re.escape(shown))
    sh.send(KEYS["CTRL_C"]); sh.expect(PROMPT)
comp("ls '/us", "ls '/usr/")
comp('ls "/us', 'ls "/usr/')
comp("ls $HOME/d", "ls $HOME/dd/")
comp("ls $HOME/dd/f", "ls $HOME/dd/file1 ")
comp("ls ${HOME}/d", "ls ${HOME}/dd/")
comp("ls ~/d", "ls ~/dd/")
comp("ls $HOME/my", "ls $HOME/my\\ dir/")
comp("ls $HOME/my\\ dir/a", "ls $HOME/my\\ dir/a\\ file ")
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "Ctrl-X Ctrl-E and vi-mode v edit the line in \$VISUAL or \$EDITOR, show it, run it, keep both in history" {
	ext_only
	printf '#!/bin/sh\nsed -i "s/XX/YY/" "$1"\n' >ed.sh
	chmod +x ed.sh
	pty <<'EOF2'
ed = os.environ["PTY_CWD"] + "/ed.sh"
sh = shell(pre=["--norc"], env={"EDITOR": ed})
sh.expect(PROMPT)
sh.send("echo XX one\x18\x05"); sh.expect(r"echo XX one\r\necho YY one\r\nYY one\r\n"); sh.expect(PROMPT)
sh.send("history 3\r"); sh.expect(r"    1  echo XX one\r\n    2  echo YY one\r\n    3  history 3\r\n"); sh.expect(PROMPT)
sh.send("unset EDITOR; VISUAL=%s; set -o vi\r" % ed); sh.expect(PROMPT)
sh.send("echo XX two" + KEYS["ESC"] + "v"); sh.expect(r"\r\necho YY two\r\nYY two\r\n"); sh.expect(PROMPT)
sh.send("echo back in insert mode\r"); sh.expect(r"\r\nback in insert mode\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}

@test "a syntax error at the prompt has no line number (bash); in a script it has one" {
	ext_only
	pty <<'EOF2'
sh = shell(ARGS)
sh.expect(PROMPT)
for c in ["echo a", "echo b"]:
    sh.send(c + "\r"); sh.expect(PROMPT)
sh.send("fi\r"); m = sh.expect(r"\r\n([^\r\n]*syntax error[^\r\n]*fi[^\r\n]*)\r\n"); sh.expect(PROMPT)
assert "line" not in m.group(1), m.group(1)
assert m.group(1).endswith(": syntax error near unexpected token `fi'"), m.group(1)
sh.send("if true\r"); sh.expect("MORE> ")
sh.send("then fi\r"); m = sh.expect(r"\r\n([^\r\n]*syntax error[^\r\n]*fi[^\r\n]*)\r\n"); sh.expect(PROMPT)
assert "line" not in m.group(1), m.group(1)
sh.send("exit\r"); sh.expect_exit()
EOF2
	printf 'echo a\n\nfi\n' >bad.sh
	run "$SPSH" bad.sh
	[ "$status" -eq 2 ]
	[[ $output == *"bad.sh: line 3: syntax error"* ]]
}

@test "unknown options of builtins: NAME: -z: invalid option, the usage, status 2 (bash)" {
	ext_only
	for b in printf type history alias bind builtin cd command compgen complete compopt \
	    declare disown enable eval fc getopts hash help jobs mapfile pwd read readonly \
	    shopt source suspend times trap ulimit umask unalias unset wait .; do
		run "$SPSH" -c "$b -z x"
		[ "$status" -eq 2 ] || { echo "$b: status $status: $output"; return 1; }
		[[ $output == *"$b: -z: invalid option"*"$b: usage: "* ]] || { echo "$b: $output"; return 1; }
	done
	pty <<'EOF2'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("printf -x; echo st=$?\r"); sh.expect(r": printf: -x: invalid option\r\n(\w+: )?printf: usage: printf \[-v var\] format \[arguments\]\r\nst=2\r\n"); sh.expect(PROMPT)
sh.send("exit\r"); sh.expect_exit()
EOF2
}
