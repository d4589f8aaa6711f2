#!/usr/bin/env bats
# Every #!/bin/sh script installed on this machine must be accepted by
# `spsh -n` exactly when `dash -n` accepts it (XCU 2.10 grammar).

load helpers/common

@test "spsh -n agrees with dash -n on every installed #!/bin/sh script" {
	command -v dash >/dev/null || skip "dash not installed"
	list=$BATS_TEST_TMPDIR/scripts
	find /usr/bin /usr/sbin /usr/lib /usr/share /etc -xdev -type f -size -2M \
		-exec awk 'FNR == 1 { if ($0 ~ /^#! ?\/bin\/sh/) print FILENAME; nextfile }' {} + \
		2>/dev/null >"$list"
	n=$(wc -l <"$list")
	[ "$n" -gt 0 ] || skip "no #!/bin/sh scripts found"
	run --separate-stderr sh -c 'tr "\n" "\0" <"$1" | xargs -0 -n 40 -P 2 "$2" "$3"' \
		sh "$list" "$BATS_TEST_DIRNAME/helpers/syntax-compare.sh" "$SPSH"
	if [ -n "$output" ]; then
		echo "$n scripts checked; disagreements (1 = syntax error):"
		echo "$output"
		return 1
	fi
}

# Debian's /bin/sh scripts lean on dash where POSIX leaves room:
# fp-fix-timestamps ends the script with `return 1` outside any function.
@test "sh: return outside a function or . file ends the script like exit (dash, yash)" {
	sh_c_posix 'trap "echo trap \$?" EXIT; echo a; for i in 1; do return 3; done; echo no'
	out_is "$(printf 'a\ntrap 3')"
	status_is 3
	err_empty
	sh_c_posix '(return 4); echo "sub=$?"; x=$(echo out; return 5); echo "cs=$? $x"'
	out_is "$(printf 'sub=4\ncs=5 out')"
	err_empty
}
