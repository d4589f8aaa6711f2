#!/usr/bin/env bats
# XCU 2.6.1 tilde prefixes: ~name is the home directory of user `name`,
# whatever source the system's user database takes it from. The static
# spsh reads /etc/passwd itself and asks `getent` (the system's NSS) for
# the rest (src/user.c); dash and bash call getpwnam. Both must agree.

load helpers/common

@test "~root is root's home directory from the user database" {
	home=$(getent passwd root | cut -d: -f6)
	[ -n "$home" ] || skip "no root entry"
	expect_sh 'echo ~root' "$home"
}

@test "~name of an unknown user stays as it is" {
	expect_sh 'echo ~no_such_user_x9/a' '~no_such_user_x9/a'
}

@test "~name of a user that only a non-files NSS source knows (systemd's nobody)" {
	[ "$(id -u)" = 0 ] || skip "needs root for a private mount namespace"
	command -v unshare >/dev/null || skip "no unshare"
	grep -q '^passwd:.*systemd' /etc/nsswitch.conf 2>/dev/null || skip "no nss-systemd for passwd"
	grep -v '^nobody:' /etc/passwd >"$BATS_TEST_TMPDIR/passwd"
	# what the system's NSS says once /etc/passwd lacks nobody
	want=$(unshare -m sh -c 'mount --bind "$1" /etc/passwd && getent passwd nobody' sh "$BATS_TEST_TMPDIR/passwd" | cut -d: -f6)
	[ -n "$want" ] || skip "nss-systemd does not synthesise nobody here"
	run unshare -m sh -c 'mount --bind "$1" /etc/passwd && exec "$2" -c "echo ~nobody"' sh "$BATS_TEST_TMPDIR/passwd" "$SPSH"
	[ "$status" -eq 0 ]
	[ "$output" = "$want" ]
}
