#!/usr/bin/env bats
# tests/unit.bats: builds and runs the C unit tests of tests/unit/ (arith.c,
# pattern.c with stubbed var_* and diag_*). They do not need build/spsh and
# test the C code directly, so they run the same whatever SPSH is.
# When the compiler supports them, the tests run under ASan and UBSan so that
# overflow in arith.c or an out-of-bounds read in pattern.c fails them.

setup_file() {
	export UNIT_CC=${CC:-cc}
	UNIT_SAN=
	if printf 'int main(void){return 0;}\n' >"$BATS_FILE_TMPDIR/san.c" &&
		"$UNIT_CC" -fsanitize=address,undefined -fno-sanitize-recover \
			-o "$BATS_FILE_TMPDIR/san" "$BATS_FILE_TMPDIR/san.c" 2>/dev/null &&
		"$BATS_FILE_TMPDIR/san"; then
		UNIT_SAN="-fsanitize=address,undefined -fno-sanitize-recover"
	fi
	export UNIT_SAN
}

# unit_build NAME SOURCES...: compiles tests/unit/test_NAME.c with the stubs
# and SOURCES into $BATS_TMPDIR/unit_NAME.
unit_build() {
	local name=$1 root=$BATS_TEST_DIRNAME/..
	shift
	# shellcheck disable=SC2086
	run "$UNIT_CC" -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -g $UNIT_SAN \
		-I"$root/src" -I"$root/lib" -I"$root/tests/unit" \
		-o "$BATS_TMPDIR/unit_$name" \
		"$root/tests/unit/test_$name.c" "$root/tests/unit/stubs.c" "$@"
	if [ "$status" -ne 0 ]; then
		printf '%s\n' "$output" >&2
		return 1
	fi
}

unit_run() {
	run env TMPDIR="$BATS_TEST_TMPDIR" "$BATS_TMPDIR/unit_$1"
	printf '%s\n' "$output" >&2
	[ "$status" -eq 0 ]
}

@test "unit: arith_eval (XCU 2.6.4)" {
	unit_build arith "$BATS_TEST_DIRNAME/../src/arith.c"
	unit_run arith
}

@test "unit: pattern_match, prefix/suffix, has_magic (XCU 2.14.1-2)" {
	unit_build pattern "$BATS_TEST_DIRNAME/../src/pattern.c" "$BATS_TEST_DIRNAME/../lib/strbuf.c"
	unit_run pattern
}

@test "unit: pattern_glob (XCU 2.14.3)" {
	unit_build glob "$BATS_TEST_DIRNAME/../src/pattern.c" "$BATS_TEST_DIRNAME/../src/glob.c" "$BATS_TEST_DIRNAME/../lib/strbuf.c"
	LC_ALL=C unit_run glob
}

@test "unit: arena allocator (lib/arena.c, inline fast path)" {
	unit_build arena "$BATS_TEST_DIRNAME/../lib/arena.c"
	unit_run arena
}
