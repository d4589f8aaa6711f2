#!/usr/bin/env bats
# tests/sigdisp.bats: signal dispositions of subshells and asynchronous
# lists (XCU 2.11, 2.12, 2.9.3.1), issue 16.3-6. An interactive shell
# ignores SIGINT, SIGQUIT and SIGTERM for itself only: its subshells and
# children get the defaults back. Signals ignored on entry stay ignored,
# for children too. Without job control an asynchronous list ignores
# SIGINT and SIGQUIT and reads /dev/null. Expected outputs are dash's.
#
# The interactive cases run `sh -i +m` on a pipe (no terminal needed);
# the commands are in a file read with `.`, so that `$!` is not taken for
# a history expansion.

load helpers/common

# sh_i SCRIPT [WRAPPER]: SCRIPT run by "$SPSH" -i +m, started by
# /bin/sh -c "WRAPPER; exec ..." (WRAPPER: e.g. trap '' INT).
sh_i() {
	printf '%s\n' "$1" >"$BATS_TEST_TMPDIR/inner.sh"
	_spsh_run _sh_i_exec "${2:-:}"
}

# _sh_i_lines WRAPPER: stdin, line by line, to "$SPSH" -i +m
_sh_i_lines() {
	cd "$BATS_TEST_TMPDIR" || exit 99
	timeout -k 2 "$SPSH_TIMEOUT" /bin/sh -c "$1; exec \"\$SPSH\" -i +m" 2>/dev/null
}

_sh_i_exec() {
	cd "$BATS_TEST_TMPDIR" || exit 99
	echo '. ./inner.sh' | timeout -k 2 "$SPSH_TIMEOUT" /bin/sh -c "$1; exec \"\$SPSH\" -i +m" 2>/dev/null
}

@test "sh -i +m: a command substitution that gets SIGINT dies of it (16.3)" {
	# Each line is a command line of its own: a subshell killed by
	# SIGINT abandons the line in bash and spsh (as Ctrl-C), dash goes
	# on. The signal comes while the subshell runs a builtin: while it
	# waits for the command that sent it (the issue's reproducer), a
	# subshell of an interactive shell dies of it too (dash; bash's
	# subshell goes on by its "wait and cooperative exit").
	_spsh_run _sh_i_lines : <<'EOF'
x=$(kill -s INT $(exec /bin/sh -c 'echo $PPID'); echo not printed)
echo "x=[$x]"
(kill -s INT $(exec /bin/sh -c 'echo $PPID'); echo not printed)
x=$(/bin/sh -c 'kill -s INT $PPID'; echo not printed)
echo "y=[$x]"
echo end
EOF
	out_is "x=[]
y=[]
end"
}

@test "sh -i +m: ( ) and { } & subshells die of SIGTERM, which the shell ignores only for itself" {
	sh_i '(/bin/sh -c "kill -s TERM \$PPID"; echo survived); echo "paren: $?"
{ /bin/sh -c "kill -s TERM \$PPID"; echo survived; } & wait $!; echo "async: $?"
/bin/sh -c "kill -s TERM \$\$; echo survived"; echo "child: $?"'
	out_is "paren: 143
async: 143
child: 143"
}

@test "sh -i +m: trap - TERM in a subshell leaves the default action" {
	sh_i '(trap - TERM; kill -s TERM $(exec /bin/sh -c "echo \$PPID"); echo survived); echo "st $?"
(trap "echo caught" TERM; trap - TERM; /bin/sh -c "kill -s TERM \$PPID"; echo survived); echo "st $?"'
	out_is "st 143
st 143"
}

@test "{ cmd; } & ignores SIGINT and SIGQUIT for cmd without job control, as cmd & does (16.4)" {
	local s='{ /bin/sh -c "kill -s INT \$\$; echo int ok"; } & wait $!
{ /bin/sh -c "kill -s QUIT \$\$; echo quit ok"; } & wait $!
{ /bin/sh -c "kill -s INT \$\$; echo two ok"; echo x; } & wait $!
/bin/sh -c "kill -s INT \$\$; echo plain ok" & wait $!'
	sh_c "$s"
	out_is "int ok
quit ok
two ok
x
plain ok"
	sh_i "$s"
	out_is "int ok
quit ok
two ok
x
plain ok"
}

@test "sh -i +m started with SIGINT ignored: children, subshells and stages keep ignoring it (16.5)" {
	sh_i '/bin/sh -c "kill -s INT \$\$; echo simple"
(/bin/sh -c "kill -s INT \$\$; echo paren")
(/bin/sh -c "kill -s INT \$\$; echo list"; :)
(exec /bin/sh -c "kill -s INT \$\$; echo exec")
echo "$(/bin/sh -c "kill -s INT \$\$; echo cmdsub")"
/bin/sh -c "kill -s INT \$\$; echo pipe" | cat
{ /bin/sh -c "kill -s INT \$\$; echo group"; } | cat' "trap '' INT"
	out_is "simple
paren
list
exec
cmdsub
pipe
group"
}

@test "sh -i +m started with SIGUSR1 ignored: after trap - USR1, a subshell's trap '' USR1 ignores it" {
	sh_i 'trap - USR1; (trap "" USR1; /bin/sh -c "kill -s USR1 \$\$; echo ignored"); echo "st $?"
(trap "" USR1; /bin/sh -c "kill -s USR1 \$PPID"; echo subshell lives); echo "st $?"' "trap '' USR1"
	out_is "ignored
st 0
subshell lives
st 0"
}

@test "a non-interactive shell: signals ignored on entry stay ignored for children, trap - cannot reset them" {
	cat >"$BATS_TEST_TMPDIR/script.sh" <<'EOF'
trap - INT
/bin/sh -c 'kill -s INT $$; echo child'
(/bin/sh -c 'kill -s INT $$; echo sub'; :)
EOF
	_spsh_run timeout -k 2 "$SPSH_TIMEOUT" /bin/sh -c "cd \"\$BATS_TEST_TMPDIR\" && trap '' INT && exec \"\$SPSH\" script.sh"
	out_is "child
sub"
}

@test "without job control, an asynchronous list's stdin is /dev/null before its redirections: <&0 reads nothing (16.6)" {
	echo data >"$BATS_TEST_TMPDIR/f"
	expect_sh 'exec <f; cat <&0 & wait; echo "[$(cat <&0 & wait)]"' "[]"
	expect_sh 'exec <f; { cat <&0; } & wait; echo end' "end"
	expect_sh 'exec <f; cat & wait; cat 0<&0 & wait; echo end' "end"
	expect_sh 'cat <f & wait' "data"
	expect_sh 'exec 3<f; cat <&3 & wait' "data"
}
