#!/usr/bin/env bats
# XCU 2.2 Quoting. Expected outputs checked against dash and the standard.
load helpers/common

# ---- 2.2.1 escape character ----

@test "backslash quotes the next character" {
	expect_sh 'echo \$x \* \; \& \| \< \> \( \) \"' '$x * ; & | < > ( ) "'
	expect_sh "echo \\'" "'"
}

@test "backslash-newline is a line continuation" {
	expect_sh 'echo ab\
cd' 'abcd'
}

@test "backslash-newline inside a word in command position" {
	expect_sh 'ec\
ho joined' 'joined'
}

@test "backslash before an ordinary character removes the backslash" {
	expect_sh 'echo \a\b\c' 'abc'
}

@test "escaped backslash" {
	expect_sh 'printf "%s\n" \\\\' '\\'
}

@test "backslash quotes blanks: one field" {
	expect_sh 'set -- a\ b c; echo $#' '2'
}

@test "backslash quotes a reserved word" {
	expect_sh 'x=\if; echo $x' 'if'
}

@test "backslash quotes a comment character" {
	expect_sh 'echo \#not a comment' '#not a comment'
}

# ---- 2.2.2 single quotes ----

@test "single quotes preserve everything literally" {
	expect_sh "echo '\$x \`a\` \\ \"q\" *'" '$x `a` \ "q" *'
}

@test "single quotes preserve newlines" {
	expect_sh "echo 'a
b'" 'a
b'
}

@test "single quote cannot appear inside single quotes: concatenation" {
	expect_sh "echo 'it'\\''s'" "it's"
}

@test "empty single quotes make an empty field" {
	expect_sh "set -- '' ''; echo \$#" '2'
}

# ---- 2.2.3 double quotes ----

@test "double quotes: parameter expansion happens" {
	expect_sh 'x="a  b"; echo "[$x]" "[${x}]"' '[a  b] [a  b]'
}

@test "double quotes: no field splitting or pathname expansion" {
	: >"$BATS_TEST_TMPDIR/afile"
	expect_sh 'x="1  2"; set -- "$x" "a*"; echo $#; echo "$1" "$2"' '2
1  2 a*'
}

@test "double quotes: command substitution happens" {
	expect_sh 'echo "[$(printf "a  b")]" "[`echo c`]"' '[a  b] [c]'
}

@test "double quotes: arithmetic expansion happens" {
	expect_sh 'echo "$((1+2))"' '3'
}

@test "double quotes: backslash escapes only \$ \` \" \\ and newline" {
	expect_sh 'printf "%s\n" "\$ \` \" \\ \a \n"' '$ ` " \ \a \n'
}

@test "double quotes: backslash-newline is removed" {
	expect_sh 'echo "ab\
cd"' 'abcd'
}

@test "double quotes: single quote is literal" {
	expect_sh "echo \"it's\"" "it's"
}

@test "double quotes: empty quotes make an empty field" {
	expect_sh 'set -- "" a ""; echo $#' '3'
}

@test "double quotes: tilde is not expanded" {
	expect_sh 'HOME=/h; echo "~" "~/x"' '~ ~/x'
}

@test "double quotes: quoted and unquoted parts join in one word" {
	expect_sh 'x=1; echo a"b $x"c'"'d'" 'ab 1cd'
}

@test "double quotes: nested quotes inside \$( ) are independent" {
	expect_sh 'echo "$(echo "inner  quoted")"' 'inner  quoted'
}

@test "double quotes: inside \${ } the word is quoted context" {
	expect_sh 'unset u; echo "${u-"a  b"}"' 'a  b'
}

@test "double quotes: \$@ inside keeps fields" {
	expect_sh 'set -- "a b" c; for i in "$@"; do echo "[$i]"; done' '[a b]
[c]'
}

@test "quotes: reserved words are not recognised when quoted" {
	sh_c '"if" true; then echo x; fi'
	status_nonzero
}

@test "quotes: operators inside quotes are literal" {
	expect_sh 'echo "a;b" "c|d" "e&f" "g>h"' 'a;b c|d e&f g>h'
}

@test "quotes: quoted assignment-looking word in argument" {
	expect_sh 'echo "x=1" x"=2"' 'x=1 x=2'
}

@test "quotes: quoted name in command position is not an assignment" {
	sh_c '"x=1"'
	status_is 127
}

@test "quotes: quoted glob characters are literal" {
	: >"$BATS_TEST_TMPDIR/ab"
	expect_sh 'echo a* "a*" a"*" '"'a*'"' a\*' 'ab a* a* a* a*'
}

@test "quotes: quoted empty string next to expansion" {
	expect_sh 'e=; set -- $e""; echo $#; set -- $e; echo $#' '1
0'
}

@test "quotes: backslash inside single quotes inside double quotes" {
	expect_sh "echo \"'\\\$x'\"" "'\$x'"
}

@test "quotes: dollar-single-quote is a POSIX 2024 feature" {
	# XCU 2.2.4 (POSIX.1-2024) dollar-single-quotes: \n is a newline.
	# dash and yash (as packaged here) do not support it yet; bash --posix does.
	spsh_only
	expect_sh "printf '%s|' \$'a\\nb' \$'\\x41' \$'\\'' " 'a
b|A|'"'|"
}

@test "quotes: a lone dollar is literal" {
	expect_sh 'echo $ "$" a$ "a$"' '$ $ a$ a$'
}

@test "quotes: # starts a comment only at the start of a word" {
	expect_sh 'echo a#b #c' 'a#b'
}
