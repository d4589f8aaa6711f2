#!/usr/bin/env bats
# tests/spawn.bats: builds and runs the C unit tests of lib/spawn
# (tests/spawn/spawn_test.c): the normal build in the clone(CLONE_VM) mode
# and in the forced-fork mode, and an ASan+UBSan build in the forced-fork
# mode (the sanitizers cannot follow a CLONE_VM child). The library does not
# depend on the shell under test, so these run against any $SPSH.

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
CFLAGS_SPAWN="-std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -I$ROOT/lib -pthread"

# build OUT EXTRA_FLAGS...: compiles the unit tests with the library.
build() {
	local out=$1
	shift
	# shellcheck disable=SC2086
	cc $CFLAGS_SPAWN "$@" -o "$out" \
		"$ROOT/tests/spawn/spawn_test.c" "$ROOT/lib/spawn/spawn.c"
}

# unit BINARY: runs it and checks its "N passed, 0 failed" summary.
unit() {
	run timeout 300 "$1"
	echo "$output"
	local summary
	summary=$(printf '%s\n' "$output" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
	echo "# spawn unit tests: ${summary:-no summary}" >&3
	[ "$status" -eq 0 ]
	[[ $summary =~ ^([0-9]+)\ passed,\ 0\ failed ]]
	[ "${BASH_REMATCH[1]}" -gt 0 ]
}

@test "spawn library unit tests (clone mode)" {
	build "$BATS_TEST_TMPDIR/spawn_test" -O2 -g
	SPSH_FORCE_FORK= TMPDIR=$BATS_TEST_TMPDIR unit "$BATS_TEST_TMPDIR/spawn_test"
}

@test "spawn library unit tests (SPSH_FORCE_FORK=1)" {
	build "$BATS_TEST_TMPDIR/spawn_test" -O2 -g
	SPSH_FORCE_FORK=1 TMPDIR=$BATS_TEST_TMPDIR unit "$BATS_TEST_TMPDIR/spawn_test"
}

@test "spawn library unit tests under ASan+UBSan (SPSH_FORCE_FORK=1)" {
	build "$BATS_TEST_TMPDIR/spawn_test_asan" -O1 -g \
		-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
	SPSH_FORCE_FORK=1 TMPDIR=$BATS_TEST_TMPDIR ASAN_OPTIONS=detect_leaks=1 \
		unit "$BATS_TEST_TMPDIR/spawn_test_asan"
}

@test "spawn library launches with CLONE_VM (CLONE_VFORK when synchronous), fork when forced" {
	command -v strace >/dev/null || skip "strace is not installed"
	build "$BATS_TEST_TMPDIR/spawn_test" -O2 -g
	cd "$BATS_TEST_TMPDIR"
	run env SPSH_FORCE_FORK= TMPDIR=$BATS_TEST_TMPDIR strace -f -qq -e trace=clone,clone3,fork,vfork \
		./spawn_test t_true
	echo "$output"
	[ "$status" -eq 0 ]
	[[ $output == *"flags=CLONE_VM|CLONE_VFORK|SIGCHLD"* ]]
	run env SPSH_FORCE_FORK= TMPDIR=$BATS_TEST_TMPDIR strace -f -qq -e trace=clone,clone3,fork,vfork \
		./spawn_test t_async_fifo
	echo "$output"
	[ "$status" -eq 0 ]
	[[ $output == *"flags=CLONE_VM|SIGCHLD)"* ]]
	run env SPSH_FORCE_FORK=1 TMPDIR=$BATS_TEST_TMPDIR strace -f -qq -e trace=clone,clone3,fork,vfork \
		./spawn_test t_true
	echo "$output"
	[ "$status" -eq 0 ]
	[[ $output != *"CLONE_VM|CLONE_VFORK|SIGCHLD"* ]]
	[[ $output == *"CLONE_CHILD_SETTID"* ]]
}
