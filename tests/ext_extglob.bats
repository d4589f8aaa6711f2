#!/usr/bin/env bats
# Patterns of bash (5.2 as the reference): extglob in case, [[ ]],
# ${p#w} and pathname expansion; globstar, nullglob, failglob, dotglob,
# nocaseglob, nocasematch, GLOBIGNORE.

load helpers/common

# The files are in ./w: the test directory itself holds the runner's files.
setup() {
	mkdir -p "$BATS_TEST_TMPDIR/w/d/e"
	cd "$BATS_TEST_TMPDIR/w"
	touch a.c b.h .hid A.TXT d/x.c d/e/y.c d/e/z.h
}

@test "extglob: @( ) in case, after shopt -s extglob on an earlier line" {
	ext_only
	expect_sh "$(printf 'shopt -s extglob\ncase foo.c in *.@(c|h)) echo src;; *) echo other;; esac')" src
}

@test "extglob: !( ) in case matches what the group does not" {
	ext_only
	expect_sh "$(printf 'shopt -s extglob\nfor f in x.h y.c; do case $f in !(*.c)) echo $f;; esac; done')" x.h
}

@test "extglob: *( ) +( ) ?( ) in [[ ]]" {
	ext_only
	expect_sh '[[ abab == *(ab) ]]; echo $?; [[ aba == *(ab) ]]; echo $?; [[ "" == +(a) ]]; echo $?; [[ aa == +(a) ]]; echo $?; [[ xb == ?(x)b ]]; echo $?; [[ xxb == ?(x)b ]]; echo $?' "$(printf '0\n1\n1\n0\n0\n1')"
}

@test "extglob: nested groups and brackets inside a group" {
	ext_only
	expect_sh '[[ abc == @(a@(b|x)c|z) ]]; echo $?; [[ axc == @(a@(b|x)c|z) ]]; echo $?; [[ ab == @(a[bc]) ]]; echo $?; [[ a] == @(a[]]) ]]; echo $?' "$(printf '0\n0\n0\n0')"
}

@test "extglob: a quoted group is literal" {
	ext_only
	expect_sh '[[ "@(a)" == "@(a)" ]]; echo $?; [[ a == "@(a)" ]]; echo $?' "$(printf '0\n1')"
}

@test "extglob: in \${p%w} and \${p##w}" {
	ext_only
	expect_sh "$(printf 'shopt -s extglob\nx=foo.tar.gz; echo ${x%%.@(gz|bz2)}; echo ${x##*(f|o)}; echo ${x#+(o|f)}')" "$(printf 'foo.tar\n.tar.gz\noo.tar.gz')"
}

@test "extglob: in pathname expansion" {
	ext_only
	expect_sh "$(printf 'shopt -s extglob\ncd w; echo !(*.c); echo @(a|b).*; echo +([a-b]).?; echo d/@(x|q).c')" "$(printf 'A.TXT b.h d\na.c b.h\na.c b.h\nd/x.c')"
}

@test "extglob: off, @( on the same line is a syntax error" {
	ext_only
	sh_c 'echo @(a|b)'
	status_is 2
	err_nonempty
}

@test "globstar: ** matches any depth of directories" {
	ext_only
	expect_sh 'cd w; shopt -s globstar; echo **/*.c; echo **; echo d/**/; echo **/' "$(printf 'a.c d/e/y.c d/x.c\nA.TXT a.c b.h d d/e d/e/y.c d/e/z.h d/x.c\nd/ d/e/\nd/ d/e/')"
}

@test "globstar: off, ** is *" {
	ext_only
	expect_sh 'cd w; echo **/*.c' d/x.c
}

@test "nullglob: a pattern without a match disappears" {
	ext_only
	expect_sh 'cd w; shopt -s nullglob; echo n* x; set -- q*; echo $#' "$(printf 'x\n0')"
}

@test "nullglob: a [ without its ] is no pattern and stays" {
	ext_only
	expect_sh 'cd w; shopt -s nullglob; [ 1 = 1 ] && echo y; echo [a x' "$(printf 'y\n[a x')"
}

@test "failglob: a pattern without a match is an error and the command does not run" {
	ext_only
	sh_c 'cd w; shopt -s failglob; echo n*; echo after $?'
	status_is 1
	out_is ''
	err_nonempty
}

@test "failglob: a script goes on with the next line; a subshell or set -e exits" {
	ext_only
	sh_script "$(printf '%s\n' 'shopt -s failglob' 'f() { echo n*; echo in-f; }' 'f; echo same-line' 'echo next $?' '(echo n*; echo in-sub); echo sub $?' 'x=$(echo n*; echo in-cs); echo "cs [$x] $?"' 'for i in 1 2; do echo n*; done' 'echo loop $?' 'set -e' 'echo n*' 'echo not-reached')"
	status_is 1
	out_is "$(printf 'next 1\nsub 1\ncs [] 1\nloop 1')"
}

@test "dotglob: * includes dot files but not . and .." {
	ext_only
	expect_sh 'cd w; shopt -s dotglob; echo *' '.hid A.TXT a.c b.h d'
}

@test "nocaseglob: pathname expansion ignores case" {
	ext_only
	expect_sh 'cd w; shopt -s nocaseglob; echo a*' 'A.TXT a.c'
}

@test "nocasematch: case and [[ == ]] ignore case" {
	ext_only
	expect_sh 'shopt -s nocasematch; case ABC in abc) echo case;; esac; [[ Ab == a[B] ]] && echo cond; shopt -u nocasematch; case ABC in abc) echo no;; esac' "$(printf 'case\ncond')"
}

@test "GLOBIGNORE: drops matches of its patterns and includes dot files" {
	ext_only
	expect_sh 'cd w; GLOBIGNORE="*.h"; echo *; GLOBIGNORE=.hid:A*; echo *' "$(printf '.hid A.TXT a.c d\na.c b.h d')"
}

@test "UTF-8: ? and brackets match characters in [[ ]]" {
	ext_only
	expect_sh 'export LC_ALL=C.UTF-8; [[ μ == ? ]]; echo $?; [[ é == [[:alpha:]] ]]; echo $?; [[ é == [é] ]]; echo $?; [[ aμb == a?b ]]; echo $?' "$(printf '0\n0\n0\n0')"
}

@test "extglob: in \${p/x/r}, \${p//x/r}, \${p/#x/r}, \${p/%x/r} and \${p^^x}" {
	ext_only
	expect_sh "$(printf 'shopt -s extglob\nx=foo.c; echo ${x/@(f|o)/X} ${x//+(o)/0} ${x/#@(f|g)/G} ${x/%%@(c|h)/H} ${x^^@(o)} ${x//!(o)/-}')" 'Xoo.c f0.c Goo.c foo.H fOO.c -'
}

@test "[[ ]] with extglob off: !( is negation on the left, a pattern right of == and !=" {
	ext_only
	expect_sh 'str=x; empty=; r=; [[ !($str) ]]; r=$r$?; [[ !($empty) ]]; r=$r$?; [[ !(-n $str) ]]; r=$r$?; [[ b == !(a) ]]; r=$r$?; [[ a == !(a) ]]; r=$r$?; [[ a != !(a) ]]; r=$r$?; [[ b = @(a|b) ]]; r=$r$?; echo $r' '1010100' 0
}

@test "GLOBIGNORE: a colon inside a bracket expression does not split the list" {
	ext_only
	expect_sh 'mkdir t; cd t; touch _t.py p.toml 2.log "a b.doc" .env; GLOBIGNORE="[[:alnum:]]*"; echo *.*; GLOBIGNORE="*[[:space:]]*:[[:digit:]]*"; echo *.*' "$(printf '.env _t.py\n.env _t.py p.toml')"
}

@test "globskipdots: on by default; off, .* matches . and .." {
	ext_only
	expect_sh 'mkdir t; cd t; touch .e; echo .*; shopt globskipdots; shopt -u globskipdots; echo .*; echo *; GLOBIGNORE=x; echo .*' "$(printf '.e\nglobskipdots   \ton\n. .. .e\n*\n.e')"
}

@test "globstar: **/**/ lists each file once" {
	ext_only
	expect_sh 'shopt -s globstar; mkdir -p t/c/d; cd t; touch l.md c/l.md c/d/l.md; echo **/**/*.md; echo c/**; echo **/**/' "$(printf 'c/d/l.md c/l.md l.md\nc/ c/d c/d/l.md c/l.md\nc/ c/d/')"
}
