#!/usr/bin/env bats
# XCU echo (XSI form, as dash has it): no options, escapes always on.
# Expected outputs checked against dash; "spsh:" tests hold our wording.
# That echo is spsh's when it runs as sh (posix mode, xpg_echo); invoked as
# spsh it is bash's (tests/ext_builtins.bats). So the shell under test runs
# here under the name sh, as /bin/sh scripts get it.
load helpers/common

setup() {
	ln -s "$SPSH" "$BATS_TEST_TMPDIR/sh"
	SPSH=$BATS_TEST_TMPDIR/sh
}

@test "echo joins operands with one space and ends with a newline" {
	expect_sh 'echo a  b "c  d"' 'a b c  d'
}

@test "echo with no operand writes an empty line" {
	sh_c 'echo | od -An -c | tr -d " "'
	out_is '\n'
}

@test "echo -n as first operand drops the newline (dash)" {
	expect_sh 'echo -n x; echo y' 'xy'
}

@test "echo treats -e, -nn and a second -n as operands (dash)" {
	expect_sh 'echo -e a; echo -nn b; echo -n -n c; echo; echo -- d' '-e a
-nn b
-n c
-- d'
}

@test "echo interprets \\n \\t and \\\\" {
	sh_c 'echo "a\nb\tc\\\\d"'
	out_is "$(printf 'a\nb\tc\\d')"
}

@test "echo \\c suppresses everything after it, newline included" {
	expect_sh 'echo "ab\cde" more; echo next' 'abnext'
}

@test "echo \\0nnn writes the octal byte" {
	expect_sh 'echo "\0101\0102\060x"' 'AB0x'
}

@test "echo \\0 with fewer digits" {
	sh_c 'echo "a\0b" | od -An -c | tr -s " "'
	out_is ' a \0 b \n'
}

@test "echo \\a \\b \\f \\r \\v produce control characters" {
	sh_c 'echo "\a\b\f\r\v" | od -An -to1 | tr -s " "'
	out_is ' 007 010 014 015 013 012'
}

@test "echo keeps an unknown escape and a trailing backslash" {
	expect_sh 'echo "\q" "x\\"' '\q x\'
}

@test "echo status is 0" {
	expect_sh 'echo x >/dev/null; echo $?' '0'
}

@test "echo to a closed stdout fails with status 1" {
	sh_c 'echo hi >&-; echo "st=$?" >&2'
	err_nonempty
	case $stderr in *st=1*) ;; *) false ;; esac
}

@test "spsh: echo write error message" {
	spsh_only
	sh_c 'echo hi >&-; echo "st=$?"'
	out_is 'st=1'
	err_is 'spsh: echo: write error: Bad file descriptor'
}

@test "spsh: echo to a full device reports ENOSPC" {
	spsh_only
	sh_c 'echo hi >/dev/full; echo "st=$?"'
	out_is 'st=1'
	err_is 'spsh: echo: write error: No space left on device'
}

@test "spsh: a failed echo does not poison the next one" {
	spsh_only
	sh_c 'echo a >&-; echo b'
	out_is 'b'
}

@test "echo turns \\e into ESC, as dash and yash do, but leaves \\E alone" {
	sh_c 'echo "a\eb\Ec" | od -An -c | tr -s " "'
	out_is ' a 033 b \ E c \n'
}
