#!/usr/bin/env bats
# tests/interactive_complete.bats: programmable completion and key
# bindings typed at a real pseudo-terminal (tests/helpers/ptyrun.py):
# complete -W/-F, COMP_WORDS/COMP_CWORD for a line edited in the middle,
# compopt in a completion function, Ctrl-C in one, bind -x rewriting the
# line, and Debian's bash-completion loaded as a user's rc file would.

load helpers/common
load helpers/pty

@test "complete -W 'alpha beta' foo: foo al<Tab> gives alpha" {
	ext_only
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("complete -W 'alpha beta' foo\r")
sh.expect(PROMPT)
sh.send("foo al\t")
sh.expect("alpha")
sh.send(KEYS["CTRL_A"] + "echo \r")
sh.expect(r"\r\nfoo alpha\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "a -F function sees COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT for a line edited in the middle" {
	ext_only
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("f() { printf '\\n<%s|%s|%s|%s|%s|%s|%s>\\n' \"$COMP_CWORD\" \"$COMP_LINE\" \"$COMP_POINT\" \"$1\" \"$2\" \"$3\" \"$COMP_WORDS\" >/dev/tty; COMPREPLY=xyz; }; complete -F f bar\r")
sh.expect(PROMPT)
sh.send("bar aa bb cc" + KEYS["LEFT"] * 4 + "\t")
sh.expect(r"<2\|bar aa bb cc\|8\|bar\|b\|aa\|bar>")
sh.send(KEYS["CTRL_A"] + "echo \r")
sh.expect(r"\r\nbar aa xyzb cc\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "compopt -o nospace in a -F function: no space after the match" {
	ext_only
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("f() { compopt -o nospace; COMPREPLY=word; }; complete -F f bar\r")
sh.expect(PROMPT)
sh.send("bar w\tX" + KEYS["CTRL_A"] + "echo \r")
sh.expect(r"\r\nbar wordX\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "a fatal error in a completion function ends it; the shell and the line stay" {
	spsh_only	# bash throws the line away
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("f() { echo \"${nosuch?oops}\"; COMPREPLY=never; }; complete -F f bar\r")
sh.expect(PROMPT)
sh.send("bar w\t")
sh.expect("oops")
sh.send("x" + KEYS["CTRL_A"] + "echo \r")
sh.expect(r"\r\nbar wx\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "Ctrl-C in a looping completion function returns to the line being edited" {
	spsh_only
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("g() { echo; echo looping; while :; do :; done; }; complete -F g baz\r")
sh.expect(PROMPT)
sh.send("baz q\t")
sh.expect("looping")
sh.send(KEYS["CTRL_C"])
sh.send("w" + KEYS["CTRL_A"] + "echo \r")
sh.expect(r"\r\nbaz qw\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "bind -x runs a command that rewrites READLINE_LINE and READLINE_POINT" {
	ext_only
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send("bind -x '\"\\C-t\": READLINE_LINE=\"echo [$READLINE_LINE:$READLINE_POINT]\"; READLINE_POINT=5'\r")
sh.expect(PROMPT)
sh.send("abc" + KEYS["LEFT"] + "\x14" + "X\r")
sh.expect(r"\r\nX\[abc:2\]\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

# ---- Debian's bash-completion, sourced as ~/.spshrc would ----

# Skips unless bash-completion is installed and the shell has the language
# it needs beyond complete/compgen: arrays, ${!ref} of an element, printf
# -v into an element, and (for git's completion) < <(...).
need_bash_completion() {
	[ -r /usr/share/bash-completion/bash_completion ] ||
		skip "bash-completion is not installed"
	local probe='a=(1) && r="a[0]" && [ "${!r}" = 1 ] && printf -v "a[0]" %s 2 && [ "${a[0]}" = 2 ]'
	local what='a=(...), ${!ref} of an element, printf -v "a[i]"'
	if [ "${1-}" = procsub ]; then
		probe="$probe"' && [ "$(cat < <(echo x))" = x ]'
		what="$what, < <(...)"
	fi
	"$SPSH" -c "$probe" >/dev/null 2>&1 ||
		skip "the shell lacks what bash-completion uses: $what"
	run "$SPSH" -c '. /usr/share/bash-completion/bash_completion'
	[ "$status" -eq 0 ] && [ -z "$output" ]
}

@test "bash-completion: apt-get ins<Tab> gives install" {
	ext_only
	need_bash_completion
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send(". /usr/share/bash-completion/bash_completion\r")
sh.expect(PROMPT)
sh.send("apt-get ins\t")
sh.expect("install")
sh.send(KEYS["CTRL_A"] + "echo \r")
sh.expect(r"\r\napt-get install\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "bash-completion: kill -<Tab><Tab> lists signal names" {
	ext_only
	need_bash_completion
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send(". /usr/share/bash-completion/bash_completion\r")
sh.expect(PROMPT)
sh.send("kill -\t\t")
sh.expect("-HUP ")
sh.expect(PROMPT)	# the line, redrawn under the list
assert "-USR1 " in sh.output and "-TERM " in sh.output, "no signal list"
sh.send(KEYS["CTRL_C"])
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "bash-completion: cd <Tab> lists directories only" {
	ext_only
	need_bash_completion
	mkdir -p dir_one dir_two
	touch file_one
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send(". /usr/share/bash-completion/bash_completion\r")
sh.expect(PROMPT)
sh.send("cd \t\t")
sh.expect("dir_one/")
sh.expect("dir_two/")
sh.expect(PROMPT)	# the line, redrawn under the list
sh.send(KEYS["CTRL_C"])
sh.expect(PROMPT)
sh.send("echo MARK\r")
sh.expect(r"\r\nMARK\r\n")
assert "file_one" not in sh.output, "cd offered a file"
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "bash-completion: git chec<Tab> gives checkout in a repository" {
	ext_only
	need_bash_completion procsub
	command -v git >/dev/null || skip "git is not installed"
	git init -q repo
	export PTY_CWD="$BATS_TEST_TMPDIR/repo"
	pty <<'EOF'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send(". /usr/share/bash-completion/bash_completion\r")
sh.expect(PROMPT)
sh.send("git chec\t")
sh.expect("checkout")
sh.send(KEYS["CTRL_A"] + "echo \r")
sh.expect(r"\r\ngit checkout\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF
}

@test "bash-completion: make <Tab><Tab> lists the Makefile's targets" {
	ext_only
	need_bash_completion
	printf 'all:\n\ttrue\nclean:\n\ttrue\ninstall: all\n' >Makefile
	pty <<'EOF2'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send(". /usr/share/bash-completion/bash_completion\r")
sh.expect(PROMPT)
sh.send("make \t\t")
sh.expect(r"all +clean +install")
sh.expect(PROMPT)	# the line, redrawn under the list
sh.send(KEYS["CTRL_C"])
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF2
}

@test "bash-completion: ls --hum<Tab> completes a long option (_longopt)" {
	ext_only
	need_bash_completion
	pty <<'EOF2'
sh = shell(ARGS)
sh.expect(PROMPT)
sh.send(". /usr/share/bash-completion/bash_completion\r")
sh.expect(PROMPT)
sh.send("ls --hum\t")
sh.expect("an-readable")
sh.send(KEYS["CTRL_A"] + "echo \r")
sh.expect(r"\r\nls --human-readable\r\n")
sh.expect(PROMPT)
sh.send("exit 0\r")
assert sh.expect_exit() == 0
EOF2
}
