# tests/helpers/common.bash: shared set-up for every tests/*.bats file.
#
#   load helpers/common
#
# SPSH          the shell under test (absolute path); default build/spsh.
# SPSH_IS_SPSH  1 when its basename is "spsh", else 0.
# SPSH_IS_BASH  1 when its basename is "bash", else 0.
# spsh_only     skips the current test unless the shell under test is spsh
#               (use it for spsh's own message wording, process counts, ...).
# ext_only      skips the current test unless the shell under test is spsh or
#               bash: a bash extension, checked with `tests/run /bin/bash`.
#               Put it in every test of an extension suite (tests/ext_*.bats),
#               so `tests/run /usr/bin/dash` skips them and bash checks them.
#
# Helpers for running shell code (each runs in $BATS_TEST_TMPDIR, under a
# timeout, with stdout in $output and stderr in $stderr, status in $status):
#   sh_c SCRIPT [ARG...]        "$SPSH" -c SCRIPT ARG...
#   sh_script TEXT [ARG...]     writes TEXT to ./script.sh and runs "$SPSH" script.sh ARG...
#   sh_stdin TEXT [ARG...]      feeds TEXT on standard input to "$SPSH" -s ARG...
#   sh_c_posix SCRIPT [ARG...]  sh_c in posix mode: spsh and bash get --posix (outside
#                               it they go on after a special builtin's error, which
#                               XCU 2.8.1 makes fatal); dash and yash run as they are
# Checks (print both sides on failure and return 1):
#   out_is EXPECTED             stdout is exactly EXPECTED (trailing newlines trimmed, as $( ))
#   err_is EXPECTED             stderr is exactly EXPECTED
#   err_empty / err_nonempty
#   status_is N
#   expect_sh SCRIPT EXPECTED [STATUS]   sh_c + out_is + status_is (default 0)
#   expect_sh_posix SCRIPT EXPECTED [STATUS]   the same with sh_c_posix

bats_require_minimum_version 1.5.0

: "${SPSH:=$BATS_TEST_DIRNAME/../build/spsh}"
case $SPSH in
/*) ;;
*/*) SPSH=$(cd "$(dirname "$SPSH")" && pwd)/$(basename "$SPSH") ;;
*) SPSH=$(command -v "$SPSH" || echo "$SPSH") ;;
esac
export SPSH
case ${SPSH##*/} in
spsh) SPSH_IS_SPSH=1 ;;
*) SPSH_IS_SPSH=0 ;;
esac
export SPSH_IS_SPSH
case ${SPSH##*/} in
bash) SPSH_IS_BASH=1 ;;
*) SPSH_IS_BASH=0 ;;
esac
export SPSH_IS_BASH

# What a message of a one-line -c string starts with outside posix mode:
# bash's "$0: line 1: " ($0 is "$SPSH" here; spsh -c says "spsh: line 1: ").
C1="$SPSH: line 1: "

# Seconds one shell run may take before it is killed (a hang fails the test).
: "${SPSH_TIMEOUT:=20}"

spsh_only() {
	[ "$SPSH_IS_SPSH" = 1 ] || skip "spsh only"
}

ext_only() {
	[ "$SPSH_IS_SPSH" = 1 ] || [ "$SPSH_IS_BASH" = 1 ] || skip "bash extension"
}

_spsh_exec() {
	cd "$BATS_TEST_TMPDIR" || exit 99
	exec timeout -k 2 "$SPSH_TIMEOUT" "$SPSH" "$@"
}

# Like bats' `run --separate-stderr`, without its warning for status 127
# (which the tests here expect on purpose).
_spsh_run() {
	local errf="$BATS_TEST_TMPDIR/.spsh_stderr"
	status=0
	output=$("$@" 2>"$errf") || status=$?
	stderr=$(cat "$errf")
	rm -f "$errf"
	lines=() stderr_lines=()
	IFS=$'\n' read -d '' -r -a lines <<<"$output" || true
	IFS=$'\n' read -d '' -r -a stderr_lines <<<"$stderr" || true
}

sh_c() {
	local script=$1
	shift
	_spsh_run _spsh_exec -c "$script" "$@"
}

sh_c_posix() {
	local script=$1
	shift
	if [ "$SPSH_IS_SPSH" = 1 ] || [ "$SPSH_IS_BASH" = 1 ]; then
		_spsh_run _spsh_exec --posix -c "$script" "$@"
	else
		_spsh_run _spsh_exec -c "$script" "$@"
	fi
}

sh_script() {
	printf '%s\n' "$1" >"$BATS_TEST_TMPDIR/script.sh"
	shift
	_spsh_run _spsh_exec script.sh "$@"
}

_spsh_stdin() {
	local text=$1
	shift
	printf '%s\n' "$text" | _spsh_exec -s "$@"
}

sh_stdin() {
	_spsh_run _spsh_stdin "$@"
}

_show_run() {
	printf '%s\n' "--- status: $status" "--- stdout:" "$output" "--- stderr:" "${stderr-}" >&2
}

out_is() {
	if [ "$output" != "$1" ]; then
		printf '%s\n' "--- expected stdout:" "$1" >&2
		_show_run
		return 1
	fi
}

err_is() {
	if [ "${stderr-}" != "$1" ]; then
		printf '%s\n' "--- expected stderr:" "$1" >&2
		_show_run
		return 1
	fi
}

err_empty() {
	if [ -n "${stderr-}" ]; then
		printf '%s\n' "--- expected empty stderr" >&2
		_show_run
		return 1
	fi
}

err_nonempty() {
	if [ -z "${stderr-}" ]; then
		printf '%s\n' "--- expected a message on stderr" >&2
		_show_run
		return 1
	fi
}

status_is() {
	if [ "$status" != "$1" ]; then
		printf '%s\n' "--- expected status: $1" >&2
		_show_run
		return 1
	fi
}

status_nonzero() {
	if [ "$status" = 0 ]; then
		printf '%s\n' "--- expected a non-zero status" >&2
		_show_run
		return 1
	fi
}

expect_sh() {
	sh_c "$1"
	out_is "$2" || return 1
	status_is "${3:-0}"
}

expect_sh_posix() {
	sh_c_posix "$1"
	out_is "$2" || return 1
	status_is "${3:-0}"
}

# XCU 2.8.2: a command that fails during word expansion or redirection has
# a status between 1 and 125 (dash uses 2, bash 1).
status_1_125() {
	if ! [ "$status" -ge 1 ] 2>/dev/null || [ "$status" -gt 125 ]; then
		printf '%s\n' "--- expected a status in 1..125" >&2
		_show_run
		return 1
	fi
}

# Same check for a number printed by the script (for example `echo $?`).
is_1_125() {
	if ! [ "$1" -ge 1 ] 2>/dev/null || [ "$1" -gt 125 ]; then
		printf '%s\n' "--- expected a number in 1..125, got: $1" >&2
		_show_run
		return 1
	fi
}
