#!/usr/bin/env bats
# The shape of the source tree (issue 9): fork() only in the subshell module
# and lib/spawn, clone() only in lib/spawn, no source file over 1,000 lines,
# every source file named in the README's source tour. These check the
# repository, not the shell under test.

load helpers/common

top=$BATS_TEST_DIRNAME/..

# Code lines only: comments (/* ... */ and // ...) and string literals are
# dropped first, so a comment that says fork() does not count.
code_of() {
	sed -e 's://.*$::' "$1" | perl -0pe 's:/\*.*?\*/::gs; s:"(\\.|[^"\\])*"::g'
}

@test "layout: fork() is called only in src/subshell.c and lib/spawn/" {
	bad=""
	for f in "$top"/src/*.c "$top"/src/*.h "$top"/builtins/*.c "$top"/builtins/*.h; do
		code_of "$f" | grep -Eq '(^|[^_a-z0-9.>])v?fork[[:space:]]*\(' || continue
		case $f in */src/subshell.c) ;; *) bad="$bad ${f#$top/}" ;; esac
	done
	[ -z "$bad" ] || { echo "fork( outside src/subshell.c and lib/spawn:$bad"; false; }
}

@test "layout: clone() is called only in lib/spawn/" {
	bad=""
	for f in "$top"/src/*.[ch] "$top"/builtins/*.[ch] "$top"/lib/*.[ch]; do
		code_of "$f" | grep -Eq '(^|[^_a-z0-9.>])clone3?[[:space:]]*\(' && bad="$bad ${f#$top/}"
	done
	[ -z "$bad" ] || { echo "clone( outside lib/spawn:$bad"; false; }
}

@test "layout: no source file under src/ or builtins/ has more than 1,000 lines" {
	bad=""
	for f in "$top"/src/*.[ch] "$top"/builtins/*.[ch]; do
		n=$(wc -l <"$f")
		[ "$n" -le 1000 ] || bad="$bad ${f#$top/}($n)"
	done
	[ -z "$bad" ] || { echo "files over 1,000 lines:$bad"; false; }
}

@test "layout: the README's source tour names every C source file" {
	tour=$(sed -n '/^## Source tour/,/^## /p' "$top/README.md")
	[ -n "$tour" ] || { echo "no '## Source tour' section in README.md"; false; }
	missing=""
	for f in "$top"/src/*.c "$top"/builtins/*.c "$top"/lib/*.c "$top"/lib/*/*.c; do
		[ -e "$f" ] || continue
		rel=${f#$top/}
		grep -qF -- "\`$rel\`" <<<"$tour" || missing="$missing $rel"
	done
	[ -z "$missing" ] || { echo "not in the README source tour:$missing"; false; }
}

@test "layout: the builtin table links hard (no weak symbols in src/ or builtins/)" {
	! grep -rn '__attribute__((weak))' "$top"/src "$top"/builtins
}

# The lower layers call nothing above them: lib/ only lib/, and var.c,
# pattern.c, arith.c only the diagnostics, the locale, each other's lower
# neighbours and lib/. Read from the objects of the build (nm), so a call
# hidden behind a macro counts too.
@test "layout: lib, var, pattern and arith call nothing above them" {
	obj=$top/build/obj
	[ -d "$obj/src" ] || skip "no build/obj (run make first)"
	command -v nm >/dev/null || skip "nm not installed"
	defs=$(for o in "$obj"/src/*.o "$obj"/builtins/*.o "$obj"/lib/*.o "$obj"/lib/*/*.o "$obj"/gen/*.o; do
		[ -e "$o" ] || continue
		m=${o#$obj/}; m=${m%.o}
		nm "$o" | awk -v m="$m" 'NF == 3 && $2 ~ /^[TDBR]$/ { print $3, m }'
	done)
	check() {	# module allowed-regex
		nm "$obj/$1.o" | awk '$1 == "U" { print $2 }' | while read -r sym; do
			owner=$(awk -v s="$sym" '$1 == s { print $2; exit }' <<<"$defs")
			[ -n "$owner" ] || continue	# libc
			[[ $owner == "$1" || $owner =~ $2 ]] || echo "$1 calls $sym ($owner)"
		done
	}
	bad=$(
		for m in "$obj"/lib/*.o "$obj"/lib/*/*.o; do
			m=${m#$obj/}; check "${m%.o}" '^lib/'
		done
		check src/var '^(lib/|src/diag$|src/array$)'
		check src/array '^lib/'
		check src/pattern '^(lib/|src/diag$|src/locale$)'
		check src/arith '^(lib/|src/diag$|src/var$)'
	)
	[ -z "$bad" ] || { echo "$bad"; false; }
}
