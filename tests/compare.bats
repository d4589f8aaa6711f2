#!/usr/bin/env bats
# Runs each tests/compare/*.sh with the shell under test and with dash
# (tests/helpers/compare.sh) and compares stdout, stderr (shell-name and
# line-number prefixes normalised) and exit status. One test per script;
# the last test checks that every script here has its test.
load helpers/common

REF=${SPSH_COMPARE_REF:-/usr/bin/dash}

compare() {
	[ -x "$REF" ] || skip "reference shell $REF is not installed"
	# the scripts are POSIX: spsh runs them in posix mode, where it must
	# agree with dash (bash and dash take no such option here)
	case ${SPSH##*/} in
	spsh*) COMPARE_SHELL_OPTS=--posix ;;
	*) COMPARE_SHELL_OPTS= ;;
	esac
	COMPARE_SHELL_OPTS=$COMPARE_SHELL_OPTS run "$BATS_TEST_DIRNAME/helpers/compare.sh" "$SPSH" "$REF" "$BATS_TEST_DIRNAME/compare/$1"
	if [ "$status" != 0 ]; then
		printf '%s\n' "$output" >&2
		return 1
	fi
}

@test "compare: async" {
	compare async.sh
}

@test "compare: case" {
	compare case.sh
}

@test "compare: errexit" {
	compare errexit.sh
}

@test "compare: functions" {
	compare functions.sh
}

@test "compare: heredoc" {
	compare heredoc.sh
}

@test "compare: ifs" {
	compare ifs.sh
}

@test "compare: loops" {
	compare loops.sh
}

@test "compare: notfound" {
	compare notfound.sh
}

@test "compare: params" {
	compare params.sh
}

@test "compare: quoting" {
	compare quoting.sh
}

@test "compare: redir" {
	compare redir.sh
}

@test "compare: specials" {
	compare specials.sh
}

@test "compare: status" {
	compare status.sh
}

@test "compare: subst" {
	compare subst.sh
}

@test "compare: syntaxerr" {
	compare syntaxerr.sh
}

@test "compare: tilde" {
	compare tilde.sh
}

@test "compare: expand: "$@" and $* in every context" {
	compare expand_at_star.sh
}

@test "compare: expand: field splitting, IFS white space and not" {
	compare expand_split.sh
}

@test "compare: expand: parameter expansion forms and patterns" {
	compare expand_params.sh
}

@test "compare: expand: pathname expansion of odd names and brackets" {
	compare expand_glob.sh
}

@test "compare: expand: tilde forms" {
	compare expand_tilde.sh
}

@test "compare: expand: set -u and parameter-not-set errors end the subshell" {
	compare expand_errors.sh
}

@test "compare: expand: malformed expansions give one diagnostic" {
	compare expand_malformed.sh
}

@test "compare: expand: errors in one-command subshells (exec.c: fails until fixed)" {
	compare expand_subshell_errors.sh
}

@test "compare: a command substitution in a subshell's words runs once" {
	compare subst_once.sh
}

@test "compare: ( cd dir && cmd ) runs cmd in dir, PWD and OLDPWD follow" {
	compare subshell_cd.sh
}

@test "compare: every tests/compare/*.sh has a test in this file" {
	local f b missing=
	for f in "$BATS_TEST_DIRNAME"/compare/*.sh; do
		b=${f##*/}
		grep -q "^	compare $b\$" "$BATS_TEST_FILENAME" || missing="$missing $b"
	done
	[ -z "$missing" ] || { echo "no test for:$missing" >&2; return 1; }
}

@test "compare: the comparison detects a difference" {
	[ -x "$REF" ] || skip "reference shell $REF is not installed"
	printf 'echo one\n' >"$BATS_TEST_TMPDIR/a.sh"
	run "$BATS_TEST_DIRNAME/helpers/compare.sh" "$BATS_TEST_DIRNAME/../tests/helpers/fake-not-there" "$REF" "$BATS_TEST_TMPDIR/a.sh"
	[ "$status" = 1 ]
}
