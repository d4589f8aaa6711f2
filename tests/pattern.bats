#!/usr/bin/env bats
# tests/pattern.bats: pattern matching notation (XCU 2.14) as used by case
# (XCU 2.9.4.3), ${p#w} ${p##w} ${p%w} ${p%%w} (XCU 2.6.2) and pathname
# expansion (XCU 2.14.3). Tests without spsh_only must pass on any POSIX
# shell: every expected output was checked with SPSH=dash, and with
# bash --posix and yash (deviations noted at the test).

load helpers/common

setup() {
	export LC_ALL=C	# sorting of pathname expansion: byte order
}

# m PATTERN-AS-SHELL-TEXT STRING: prints y or n from a case statement.
case_tests() {
	local script= line
	while IFS='|' read -r pat str; do
		script="$script case '$str' in $pat) printf y;; *) printf n;; esac;"
	done
	sh_c "$script"
}

@test "case: * ? and literal characters" {
	case_tests <<'E'
abc|abc
abc|abd
*|
*|anything
?|a
?|ab
a*c|abbbc
a*c|abcb
*a*b*|xaxxbx
*a*b*|xbxxax
*.c|main.c
*|a/b
*|.hidden
E
	out_is 'ynyyynynyny'"yy"
}

@test "case: bracket expressions, ranges, negation" {
	case_tests <<'E'
[abc]|b
[abc]|d
[a-c]|b
[a-c]|d
[a-cx-z]|y
[!a-c]|d
[!a-c]|a
[]]|]
[]a]|a
[]a]|b
[!]]|]
[!]]|x
[-a]|-
[a-]|-
[a-]|b
[!-]|-
[*]|*
[*]|a
[?]|?
x[[]y|x[y
E
	out_is 'ynynyynyynnyyynnyny'"y"
}

@test "case: a [ without a closing ] is an ordinary character" {
	case_tests <<'E'
[ab|[ab
[ab|a
a[|a[
*[|x[
E
	out_is 'ynyy'
}

@test "case: the twelve character classes" {
	sh_c '
	for c in alpha digit alnum upper lower space blank punct xdigit cntrl print graph; do
		eval "case \$1 in [[:$c:]]) printf y;; *) printf n;; esac"
	done; echo' sh A
	out_is 'ynyynnnnynyy'
	sh_c 'for s in a 5 " " "!"; do case $s in [![:alpha:][:space:]]) printf y;; *) printf n;; esac; done'
	out_is 'nyny'
	sh_c 'case abc9 in [[:alpha:]]*[[:digit:]]) echo y;; esac'
	out_is 'y'
}

@test "case: quoted characters are literal (XCU 2.14.1)" {
	expect_sh 'case "*" in "*") echo y;; esac; case a in "*") echo n;; *) echo y;; esac' 'y
y'
	expect_sh 'case "a*" in a\*) echo y;; esac; case ab in a\*) echo n;; *) echo y;; esac' 'y
y'
	expect_sh "case '[a]' in '[a]') echo y;; esac; case a in '[a]') echo n;; *) echo y;; esac" 'y
y'
	expect_sh 'case "?" in \?) echo y;; esac; case a in [\?]) echo n;; *) echo y;; esac' 'y
y'
	expect_sh 'case "a\\b" in a\\b) echo y;; esac' 'y'
	expect_sh 'case ] in [\]]) echo y;; esac; case "\\" in [\]]) echo n;; *) echo y;; esac' 'y
y'
}

@test "case: patterns from expansions; quoted expansions are literal" {
	expect_sh 'p="a*"; case abc in $p) echo y;; esac; case abc in "$p") echo n;; *) echo y;; esac' 'y
y'
	expect_sh 'p="a*"; case "a*" in "$p") echo y;; esac' 'y'
	expect_sh 'p="[ab]"; case b in $p) echo y;; esac' 'y'
	expect_sh 'p=b; case abc in a"$p"*) echo y;; esac' 'y'
}

@test "\${p#w} \${p##w} \${p%w} \${p%%w} (XCU 2.6.2)" {
	expect_sh 'p=/usr/local/bin; echo ${p#*/} ${p##*/} ${p%/*} "[${p%%/*}]"' 'usr/local/bin bin /usr/local []'
	expect_sh 'p=/usr/local/bin; echo ${p#x*} ${p%x} ${p#"*"}' '/usr/local/bin /usr/local/bin /usr/local/bin'
	expect_sh 'p=abcabc; echo ${p#*b} ${p##*b} ${p%b*} ${p%%b*} ${p#?} ${p%??}' 'cabc c abca a bcabc abca'
	expect_sh 'p=abc; echo "[${p#*}]" "[${p##*}]" "[${p%*}]" "[${p%%*}]"' '[abc] [] [abc] []'
}

@test "\${p#w} family with bracket expressions holding ] and -" {
	expect_sh 'x="a]b-c]d"; echo ${x#*[]-]} ${x##*[]-]} ${x%[]-]*} ${x%%[]-]*}' 'b-c]d d a]b-c a'
	expect_sh 'x=abcd; echo ${x%[!a-c]} ${x%[!a-d]} ${x#[[:lower:]]}' 'abc abcd bcd'
}

@test "\${p#w} with quoted or escaped metacharacters" {
	expect_sh 'x="*ab"; echo "${x#"*"}" ${x#\*} "${x#*}" ${x##*a}' 'ab ab *ab b'
	expect_sh 'x="a*b*c"; echo "${x%\**}" "${x%%\**}"' 'a*b a'
	expect_sh 'x="[x]y"; w="[x]"; echo "${x#"$w"}" "${x#$w}"' 'y [x]y'
}

# Builds the test tree in $BATS_TEST_TMPDIR/t (bats keeps its own files in
# $BATS_TEST_TMPDIR itself).
make_tree() {
	mkdir -p "$BATS_TEST_TMPDIR/t" && cd "$BATS_TEST_TMPDIR/t" || return 1
	mkdir -p d1 d2/sub .hd
	touch a b 'with space' ./-dash .dot 'new
line' d1/x d1/y d1/.z d2/sub/z 'star*' 'q?'
}

# glob_c SCRIPT: sh_c SCRIPT in the test tree.
glob_c() {
	sh_c "cd t || exit 99; $1"
}

@test "pathname expansion: sorted, names with spaces, newlines, dashes" {
	make_tree
	glob_c 'printf "<%s>" *'
	out_is '<-dash><a><b><d1><d2><new
line><q?><star*><with space>'
	glob_c 'for f in w*; do echo "[$f]"; done'
	out_is '[with space]'
	glob_c 'printf "<%s>" ?'
	out_is '<a><b>'
}

@test "pathname expansion: a leading dot must be matched explicitly" {
	make_tree
	glob_c 'printf "<%s>" ?dot [.]* d1/*'
	out_is '<?dot><[.]*><d1/x><d1/y>'
	# dash and yash also give . and .. for .*: leave them out here
	glob_c 'for f in .* d1/.*; do case $f in .|..|*/.|*/..) ;; *) printf "<%s>" "$f";; esac; done'
	out_is '<.dot><.hd><d1/.z>'
}

@test "pathname expansion: / is matched only by /, trailing / gives directories" {
	make_tree
	glob_c 'printf "<%s>" */ d*/* */sub/z d[12]/[xz] ./d?/x'
	out_is '<d1/><d2/><d1/x><d1/y><d2/sub><d2/sub/z><d1/x><./d1/x>'
	glob_c 'printf "<%s>" a/* d[1/]x'
	out_is '<a/*><d[1/]x>'
}

@test "pathname expansion: absolute patterns" {
	make_tree
	glob_c 'printf "<%s>" /de[v]/nul? "$PWD"/d1/? | sed "s|$PWD|PWD|g"'
	out_is '</dev/null><PWD/d1/x><PWD/d1/y>'
}

@test "pathname expansion: no match leaves the word unchanged" {
	make_tree
	glob_c 'printf "<%s>" nomatch* "x[ab]" z?'
	out_is '<nomatch*><x[ab]><z?>'
}

@test "pathname expansion: quoted metacharacters are literal" {
	make_tree
	glob_c 'printf "<%s>" "*" \* "a"* st*"*" q"?" q\? "q"?'
	out_is '<*><*><a><star*><q?><q?><q?>'
	glob_c 'x="*"; printf "<%s>" "$x" "d1/$x"'
	out_is '<*><d1/*>'
}

@test "pathname expansion applies to the results of unquoted expansions" {
	make_tree
	glob_c 'x="d1/*"; printf "<%s>" $x'
	out_is '<d1/x><d1/y>'
	glob_c 'x="a* b*"; printf "<%s>" $x'
	out_is '<a><b>'
}

@test "set -f disables pathname expansion" {
	make_tree
	glob_c 'set -f; printf "<%s>" * d1/?; set +f; printf "<%s>" d1/?'
	out_is '<*><d1/?><d1/x><d1/y>'
}

@test "pathname expansion skips unreadable directories" {
	[ "$(id -u)" != 0 ] || skip "root can read any directory"
	make_tree
	mkdir locked && touch locked/f && chmod 0 locked
	glob_c 'printf "<%s>" locked/*'
	chmod 755 locked
	out_is '<locked/*>'
}

@test "pathname expansion does not give . and .. (spsh, bash 5.2)" {
	spsh_only
	make_tree
	glob_c 'printf "<%s>" .* d1/.*'
	out_is '<.dot><.hd><d1/.z>'
}

@test "[^...] negates like [!...] (bash, yash, ksh; dash takes ^ literally)" {
	spsh_only
	expect_sh 'case d in [^a-c]) echo y;; esac; case b in [^a-c]) echo n;; *) echo y;; esac' 'y
y'
}

# dash and mksh take minutes here (exponential backtracking); bash and yash
# answer at once.
@test "matching is not exponential in the number of stars" {
	spsh_only
	sh_c 's=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; s=$s$s$s$s$s$s$s$s
	case $s in *a*a*a*a*a*a*a*a*a*a*a*a*b) echo y;; *) echo n;; esac'
	out_is 'n'
}

# XCU 2.14.1: a pattern matches characters, and in a UTF-8 locale a
# character may be several bytes. yash and bash agree on these; dash
# matches bytes (`case μ in ?)` fails there), so they are spsh_only.
@test "UTF-8: ? matches one multi-byte character in case" {
	spsh_only
	expect_sh 'export LC_ALL=C.UTF-8; case μ in ?) echo one;; *) echo many;; esac' one
}

@test "UTF-8: \${v#?} and \${v%?} remove one character, not one byte" {
	spsh_only
	expect_sh 'export LC_ALL=C.UTF-8; v=μx; echo ${v#?} ${v%?}; w=xμ; echo ${w%?} ${w##?}' "$(printf 'x μ\nx μ')"
}

@test "UTF-8: bracket expressions hold multi-byte characters and classes" {
	spsh_only
	expect_sh 'export LC_ALL=C.UTF-8; case é in [é]) echo br;; esac; case é in [[:alpha:]]) echo cls;; esac; case aé in a[!x]) echo neg;; esac; case é in [a-z]) echo range;; *) echo out;; esac' "$(printf 'br\ncls\nneg\nout')"
}

@test "UTF-8: __?__ in pathname expansion matches a two-byte character" {
	spsh_only
	mkdir -p "$BATS_TEST_TMPDIR/u8"
	touch "$BATS_TEST_TMPDIR/u8/__μ__" "$BATS_TEST_TMPDIR/u8/__ab__"
	expect_sh 'export LC_ALL=C.UTF-8; cd u8 && echo __?__' '__μ__'
}

@test "C locale: ? matches one byte of a multi-byte character" {
	expect_sh 'export LC_ALL=C; v=μ; case $v in ??) echo two;; *) echo other;; esac' two
}
