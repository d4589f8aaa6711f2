#!/bin/sh
# tests/helpers/compare.sh SHELL REFERENCE SCRIPT
#
# Runs SCRIPT with SHELL and with REFERENCE (for example build/spsh and
# dash), each in a fresh empty directory with the same small environment,
# and compares stdout, stderr and the exit status. In stderr, a leading
# "NAME: " (the shell's name or path, or the script's name) and a following
# "line N: " or "N: " are removed from each line, so that
#   spsh: script.sh: line 3: foo: not found
#   script.sh: 3: foo: not found
# both read "foo: not found". A script with the line
#   # compare-stderr: count
# has only the number of stderr lines compared (for diagnostics whose
# wording differs between shells, like syntax errors).
# SHELL runs with the words of $COMPARE_SHELL_OPTS first (compare.bats
# sets --posix for spsh: these are POSIX scripts, and outside posix mode
# spsh follows bash where bash and dash differ).
# Prints a diff and exits 1 on any difference.
set -u
if [ $# -ne 3 ]; then
	echo "usage: $0 SHELL REFERENCE SCRIPT" >&2
	exit 2
fi
shell=$1 ref=$2 script=$3
case $script in /*) ;; *) script=$(pwd)/$script ;; esac

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

norm() {
	# $1: shell path. Strip "name: " prefixes (shell, basename, script.sh),
	# then "line N: " / "N: ".
	base=${1##*/}
	sed -e "s|^$1: ||" -e "s|^$base: ||" -e "s|^script\.sh: ||" \
		-e 's/^line [0-9][0-9]*: //' -e 's/^[0-9][0-9]*: //'
}

run1() {
	# $1: shell, $2: tag, then the shell's options
	mkdir "$tmp/$2"
	cp "$script" "$tmp/$2/script.sh"
	(
		cd "$tmp/$2" &&
		# The sanitizer run needs its switches: SPSH_FORCE_FORK (ASan
		# cannot follow a CLONE_VM child) and the sanitizer options.
		env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$tmp/$2" LC_ALL=C TERM=dumb \
			${SPSH_FORCE_FORK:+SPSH_FORCE_FORK=$SPSH_FORCE_FORK} \
			${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} \
			${UBSAN_OPTIONS:+UBSAN_OPTIONS=$UBSAN_OPTIONS} \
			timeout -k 2 20 "$1" ${3-} script.sh </dev/null >"$tmp/$2.out" 2>"$tmp/$2.err.raw"
		echo $? >"$tmp/$2.status"
	)
	norm "$1" <"$tmp/$2.err.raw" >"$tmp/$2.err"
}

run1 "$shell" a "${COMPARE_SHELL_OPTS:-}"
run1 "$ref" b
if grep -q '^# compare-stderr: count' "$script"; then
	for t in a b; do
		wc -l <"$tmp/$t.err" | tr -d ' ' >"$tmp/$t.err.n"
		mv "$tmp/$t.err.n" "$tmp/$t.err"
	done
fi

rc=0
for part in out err status; do
	if ! cmp -s "$tmp/a.$part" "$tmp/b.$part"; then
		echo "--- $part differs (-: $ref, +: $shell) for ${script##*/}"
		diff -u "$tmp/b.$part" "$tmp/a.$part" | tail -n +3
		rc=1
	fi
done
exit $rc
