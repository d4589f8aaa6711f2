#!/usr/bin/env bats
# Parser and expander fuzzing (tests/fuzz/): a fixed-seed batch of random
# and mutated shell text through -n, --dump-ast -c and (a safe subset) -c.
# A sanitizer report, a signal death, a hang (> 5 s) or a syntax error that
# is not "spsh: line N: syntax error: ..." or bash's "NAME: -c: line N: syntax error
# ..." fails, with the input shown.
# Longer runs: tests/fuzz/run.py build/asan/spsh --count 5000 --seed N.

load helpers/common

fuzz() {
	spsh_only
	command -v python3 >/dev/null || skip "no python3"
	run python3 "$BATS_TEST_DIRNAME/fuzz/run.py" "$SPSH" --jobs 2 "$@" \
		--corpus "$BATS_TEST_DIRNAME"/fuzz/corpus/*.sh \
		"$BATS_TEST_DIRNAME"/fixtures/autoconf/configure \
		"$BATS_TEST_DIRNAME"/compare/*.sh
	echo "$output" | tail -40
	[ "$status" -eq 0 ]
}

@test "fuzz: 200 inputs, seed 1" {
	fuzz --seed 1 --count 200
}

@test "fuzz: 200 inputs, seed 2" {
	fuzz --seed 2 --count 200
}

@test "fuzz: the driver reports a failing shell" {
	spsh_only
	command -v python3 >/dev/null || skip "no python3"
	# a "shell" that dies by a signal on every input must fail the run
	printf '#!/bin/sh\nkill -SEGV $$\n' >"$BATS_TEST_TMPDIR/spsh"
	chmod +x "$BATS_TEST_TMPDIR/spsh"
	run python3 "$BATS_TEST_DIRNAME/fuzz/run.py" "$BATS_TEST_TMPDIR/spsh" --count 3
	[ "$status" -eq 1 ]
	[[ "$output" == *"FAIL seed 1 case 0"*"status -11"* ]]
}

# The AFL++ corpora (tests/fuzz/README), rerun on every build: no input
# kills the shell by a signal, and -n ends with 0 or 2. The input comes on
# standard input: as a script operand, one with a NUL in its first line is
# a binary, refused with 126 before parsing (bash).
@test "fuzz: the AFL++ parse corpus under -n" {
	spsh_only
	local f st bad=
	for f in "$BATS_TEST_DIRNAME"/fuzz/afl/parse/*; do
		st=0
		timeout 10 "$SPSH" -n <"$f" >/dev/null 2>&1 || st=$?
		[ "$st" = 0 ] || [ "$st" = 2 ] || bad="$bad ${f##*/}:$st"
	done
	[ -z "$bad" ] || { echo "failed:$bad"; false; }
}

@test "fuzz: the AFL++ expansion corpus through expand.sh, clone and forced-fork mode" {
	spsh_only
	local f st bad= ff
	cd "$BATS_TEST_TMPDIR"
	for ff in 0 1; do
		for f in "$BATS_TEST_DIRNAME"/fuzz/afl/expand/*; do
			st=0
			SPSH_FORCE_FORK=$ff LC_ALL=C.UTF-8 PATH=/nonexistent timeout 10 "$SPSH" -c \
				'IFS= read -r s <"$1"; p=$(while IFS= read -r l; do printf "%s\n" "$l"; done <"$1"); p=${p#"$s"}; . "$2"' \
				sh "$f" "$BATS_TEST_DIRNAME/fuzz/expand.sh" >/dev/null 2>&1 </dev/null || st=$?
			[ "$st" -lt 128 ] || bad="$bad ${f##*/}:$st"
		done
	done
	[ -z "$bad" ] || { echo "failed:$bad"; false; }
}
