#!/usr/bin/env bats
# The manual page man/spsh.1: clean under mandoc's and groff's checkers, and
# complete: every builtin of builtins/table.c and every option name of
# src/option.c is documented in the BUILTINS section (so adding one without
# documenting it fails here). No message of mandoc -Tlint is filtered.

setup() {
	top=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	page=$top/man/spsh.1
}

need() {	# COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 ||
	    skip "$1 is not installed (apt-get install $2)"
}

# The page rendered as plain text (mandoc's overstrike bold/underline removed).
render() {
	mandoc -Tascii -Owidth=80 "$page" | sed 's/.\x08//g'
}

# The lines of one section of the rendered page.
section() {	# NAME
	render | awk -v s="$1" '
		/^[A-Z]/ { on = ($0 == s); next }
		on { print }'
}

# First word of every entry tag of the BUILTINS section: tag lines are the
# ones indented by exactly 7 columns.
builtin_tags() {
	section BUILTINS | awk '/^       [^ ]/ { print $1 }' | sort -u
}

@test "man: the page exists" {
	[ -f "$page" ]
}

@test "man: mandoc -Tlint reports nothing" {
	need mandoc mandoc
	run mandoc -Tlint "$page"
	[ -z "$output" ] || { echo "$output"; false; }
	[ "$status" -eq 0 ]
}

@test "man: groff -man -ww -z reports nothing" {
	need groff groff-base
	run groff -man -ww -z "$page"
	[ -z "$output" ] || { echo "$output"; false; }
	[ "$status" -eq 0 ]
}

@test "man: the page has every required section" {
	need mandoc mandoc
	heads=$(render | grep '^[A-Z]')
	for s in NAME SYNOPSIS DESCRIPTION OPTIONS INVOCATION "SHELL GRAMMAR" \
	    EXPANSIONS REDIRECTION ALIASES "SHELL VARIABLES" \
	    "SPECIAL PARAMETERS" BUILTINS "JOB CONTROL" \
	    "LINE EDITING AND HISTORY" PROMPTS "PROCESS CREATION" ENVIRONMENT \
	    FILES "EXIT STATUS" DIAGNOSTICS "SEE ALSO" STANDARDS; do
		grep -qx "$s" <<<"$heads" || { echo "missing section: $s"; false; }
	done
}

@test "man: every builtin in builtins/table.c has an entry in BUILTINS" {
	need mandoc mandoc
	names=$(sed -n 's/^[[:space:]]*{ *"\([^"]*\)", *bi_.*/\1/p' "$top/builtins/table.c")
	[ "$(wc -l <<<"$names")" -ge 30 ] ||
	    { echo "could not parse builtins/table.c: <$names>"; false; }
	tags=$(builtin_tags)
	missing=""
	while IFS= read -r n; do
		grep -qxF -- "$n" <<<"$tags" || missing="$missing $n"
	done <<<"$names"
	[ -z "$missing" ] || { echo "builtins without an entry in spsh.1:$missing"; false; }
}

@test "man: every set -o option name in src/option.c is documented" {
	need mandoc mandoc
	[ -f "$top/src/option.c" ] || skip "src/option.c not written yet"
	names=$(sed -n 's/^[[:space:]]*O(\([a-z]*\),.*/\1/p' "$top/src/option.c")
	[ -n "$names" ] || skip "no O(name, letter) entries in src/option.c"
	text=$(section BUILTINS)
	missing=""
	for n in $names; do
		# the listing under `set`: the name starts an indented tag line
		grep -Eq "^ +$n( |\$)" <<<"$text" || missing="$missing $n"
	done
	[ -z "$missing" ] || { echo "set options without an entry in spsh.1:$missing"; false; }
}

@test "man: the options of the synopsis brief are documented" {
	need mandoc mandoc
	text=$(section OPTIONS)
	for o in -c -s -i -l -n -e -u -x -v -f -C -a -b -m "-o name" "+o name" \
	    --help --version --dump-ast --force-fork SPSH_FORCE_FORK=1; do
		grep -qF -- "$o" <<<"$text" || { echo "OPTIONS lacks $o"; false; }
	done
}
