#!/usr/bin/env bats
# The lexer and parser (XCU 2.3, 2.10): tree shapes through --dump-ast
# (spsh only), syntax errors and parse-only behaviour. The expected trees
# are written by hand from ast.h and the standard, not copied from spsh.

load helpers/common

# dump 'SCRIPT' 'EXPECTED DUMP'
dump() {
	spsh_only
	run --separate-stderr "$SPSH" --dump-ast -c "$1"
	if [ "$status" -ne 0 ] || [ "$output" != "$2" ]; then
		printf 'script: %s\nstatus: %s\nstderr: %s\n--- got:\n%s\n--- want:\n%s\n' \
			"$1" "$status" "$stderr" "$output" "$2"
		return 1
	fi
}

# syntax_error 'SCRIPT' 'MESSAGE AFTER "syntax error: "' [LINE]: the message
# is spsh's posix-mode wording (outside it bash's: ext_errors.bats)
syntax_error() {
	run --separate-stderr "$SPSH" ${posix:+--posix} -c "$1"
	[ "$status" -eq 2 ] || { echo "status $status, stderr: $stderr"; return 1; }
	[ "$SPSH_IS_SPSH" = 1 ] || return 0
	run --separate-stderr "$SPSH" --posix -c "$1"
	want="spsh: line ${3:-1}: syntax error: $2"
	[ "$stderr" = "$want" ] || { printf 'got:  %s\nwant: %s\n' "$stderr" "$want"; return 1; }
}

# The same in posix mode (spsh and bash get --posix; dash is always POSIX).
syntax_error_posix() {
	local posix=
	[ "$SPSH_IS_SPSH" = 1 ] || [ "$SPSH_IS_BASH" = 1 ] && posix=1
	syntax_error "$@"
}

@test "simple command with assignments, words and redirections" {
	dump 'a=1 b= cmd x 2>&1 >f' \
'simple @1
  assign a
    lit "1"
  assign b
  word
    lit "cmd"
  word
    lit "x"
  redir 2 >&
    lit "1"
  redir -1 >
    lit "f"'
}

@test "assignment words only in command prefix (XCU 2.10.2 rule 7)" {
	dump 'echo a=b' \
'simple @1
  word
    lit "echo"
  word
    lit "a=b"'
	dump '"a"=b' \
'simple @1
  word
    dq
      qlit "a"
    lit "=b"'
}

@test "pipeline, and_or, lists with & (left-associative and_or)" {
	dump '! a | b && c || d & e' \
'list @1
  or @1
    and @1
      pipeline ! @1
        simple @1
          word
            lit "a"
        simple @1
          word
            lit "b"
      simple @1
        word
          lit "c"
    simple @1
      word
        lit "d"
  &
  simple @1
    word
      lit "e"'
}

@test "a single command followed by ; is not a list" {
	dump 'a;' \
'simple @1
  word
    lit "a"'
}

@test "if / elif / else nest as AST_IF in else_part" {
	dump 'if a; then b; elif c; then d; else e; fi' \
'if @1
  cond
    simple @1
      word
        lit "a"
  then
    simple @1
      word
        lit "b"
  else
    if @1
      cond
        simple @1
          word
            lit "c"
      then
        simple @1
          word
            lit "d"
      else
        simple @1
          word
            lit "e"'
}

@test "while, until, brace group and subshell with redirections" {
	dump 'while a; do { b; } >f; done <g' \
'while @1
  cond
    simple @1
      word
        lit "a"
  body
    group @1
      simple @1
        word
          lit "b"
      redir -1 >
        lit "f"
  redir -1 <
    lit "g"'
	dump 'until (a); do :; done' \
'until @1
  cond
    subshell @1
      simple @1
        word
          lit "a"
  body
    simple @1
      word
        lit ":"'
}

@test "reserved words only in command position: while t; do echo done; done" {
	dump 'while t; do echo done; done' \
'while @1
  cond
    simple @1
      word
        lit "t"
  body
    simple @1
      word
        lit "echo"
      word
        lit "done"'
}

@test "for loops: with in, empty in, without in (XCU 2.10.2 rules 5, 6)" {
	dump 'for in in in do; do :; done' \
'for in in @1
  word
    lit "in"
  word
    lit "do"
  body
    simple @1
      word
        lit ":"'
	dump 'for x in; do :; done' \
'for x in @1
  body
    simple @1
      word
        lit ":"'
	dump 'for x
do :; done' \
'for x @1
  body
    simple @2
      word
        lit ":"'
}

@test "case: patterns, optional (, esac at pattern position, empty item" {
	dump 'case $x in (a|b) c;; (esac) ;; *) esac' \
'case @1
  subject
    param x plain
  item
    pattern
      lit "a"
    pattern
      lit "b"
    body
      simple @1
        word
          lit "c"
  item
    pattern
      lit "esac"
  item
    pattern
      lit "*"'
	dump 'case x in esac' \
'case @1
  subject
    lit "x"'
}

@test "function definitions: name() and name ( ) with body redirections" {
	dump 'f() { a; } >o' \
'funcdef f @1
  group @1
    simple @1
      word
        lit "a"
    redir -1 >
      lit "o"'
	dump 'g ( )
( b )' \
'funcdef g @1
  subshell @2
    simple @2
      word
        lit "b"'
}

@test "quoting: single, double, backslash, empty strings" {
	dump "echo 'a b'\\ c\"d\$x\\\$\"'' \"\"" \
'simple @1
  word
    lit "echo"
  word
    qlit "a b"
    qlit " "
    lit "c"
    dq
      qlit "d"
      param x plain
      qlit "$"
    qlit ""
  word
    dq'
}

@test "line continuation is removed inside words and operators" {
	dump 'ec\
ho a&\
&b' \
'and @1
  simple @1
    word
      lit "echo"
    word
      lit "a"
  simple @3
    word
      lit "b"'
}

@test "parameters: specials, one-digit positionals, \${10}, \${#}, lengths" {
	dump 'echo $12 ${10} $# ${#} ${#x} $@ $$ $-x $' \
'simple @1
  word
    lit "echo"
  word
    param 1 plain
    lit "2"
  word
    param 10 plain
  word
    param # plain
  word
    param # plain
  word
    param x length
  word
    param @ plain
  word
    param $ plain
  word
    param - plain
    lit "x"
  word
    lit "$"'
}

@test "parameter operators with quoted arguments" {
	dump '"${x#"$y"}" ${x:-"a b"} ${x%%*.c}' \
'simple @1
  word
    dq
      param x rm-sprefix
        arg
          dq
            param y plain
  word
    param x default colon
      arg
        dq
          qlit "a b"
  word
    param x rm-lsuffix
      arg
        lit "*.c"'
}

@test "command substitution with a case pattern inside" {
	dump 'echo $(case x in a) echo b;; esac)' \
'simple @1
  word
    lit "echo"
  word
    cmdsub
      case @1
        subject
          lit "x"
        item
          pattern
            lit "a"
          body
            simple @1
              word
                lit "echo"
              word
                lit "b"'
}

@test "backquotes: backslash handling (XCU 2.6.3) and nesting" {
	dump 'echo `echo \`echo a\` \$x`' \
'simple @1
  word
    lit "echo"
  word
    backquote
      simple @1
        word
          lit "echo"
        word
          backquote
            simple @1
              word
                lit "echo"
              word
                lit "a"
        word
          param x plain'
}

@test "arithmetic expansion, and \$(( that is a command substitution" {
	dump 'echo $((1+(2*$x)))' \
'simple @1
  word
    lit "echo"
  word
    arith
      lit "1+(2*"
      param x plain
      lit ")"'
	dump 'echo $((a);(b))' \
'simple @1
  word
    lit "echo"
  word
    cmdsub
      list @1
        subshell @1
          simple @1
            word
              lit "a"
        subshell @1
          simple @1
            word
              lit "b"'
}

@test "dollar-single-quotes (POSIX.1-2024)" {
	dump "echo \$'a\\tb\\x41\\101\\cA\\'\\\\'" \
'simple @1
  word
    lit "echo"
  word
    qlit "a\tbAA\x01'"'"'\\"'
}

@test "here-documents: expansion, quoted delimiter, <<-, two on a line" {
	dump 'cat <<A <<-"B"; x
a $y \$ \z
A
		t $y
	B' \
'list @1
  simple @1
    word
      lit "cat"
    redir -1 << delim="A"
      qlit "a "
      param y plain
      qlit " "
      qlit "$"
      qlit " \\z\n"
    redir -1 <<- delim="B" quoted
      qlit "t $y\n"
  simple @1
    word
      lit "x"'
}

@test "here-document inside \$( ) and at end of input" {
	dump 'x=$(cat <<E
in
E
)' \
'simple @1
  assign x
    cmdsub
      simple @1
        word
          lit "cat"
        redir -1 << delim="E"
          qlit "in\n"'
	dump 'cat <<E
unterminated' \
'simple @1
  word
    lit "cat"
  redir -1 << delim="E"
    qlit "unterminated"'
}

@test "comments and IO_NUMBER" {
	dump 'echo a#b 2>x 2 #c' \
'simple @1
  word
    lit "echo"
  word
    lit "a#b"
  word
    lit "2"
  redir 2 >
    lit "x"'
}

@test "line numbers of commands" {
	dump 'a

b' \
'simple @1
  word
    lit "a"
simple @3
  word
    lit "b"'
}

@test "aliases: substitution, trailing blank, no recursion" {
	spsh_only
	sh_c 'alias e="echo x " y=why r=r2 r2=r
e y r
r2 2>/dev/null || echo no'
	out_is 'x why r
no'
}

# XCU sh, INPUT FILES: a shell reading commands from standard input reads
# no further than the end of each command (bash and yash do; dash does not).
@test "a command runs before its next line is read (stdin script)" {
	sh_stdin 'read x
hello
echo "got:$x"'
	out_is 'got:hello'
}

@test "syntax errors: messages and status 2" {
	syntax_error 'fi' "unexpected 'fi'"
	syntax_error 'echo )' "unexpected ')'"
	syntax_error 'if true; then' 'unexpected end of file'
	syntax_error 'a &&
& b' "unexpected '&'" 2
	syntax_error 'echo "abc' 'unterminated quoted string'
	syntax_error "echo 'abc" 'unterminated quoted string'
	syntax_error 'echo ${x' "missing '}'"
	# rule 5: the for variable must be a NAME (dash: syntax error; bash: runtime
	# error, which outside posix mode spsh follows: ext_syntax.bats)
	syntax_error_posix 'for 1 in a; do :; done' 'bad for loop variable'
	syntax_error '{ echo a }' 'unexpected end of file'
	syntax_error 'case x in a) b;; c d) ;; esac' "unexpected 'd'"
	# XCU 2.10.2 rule 4: esac right after ;; ends the case (dash, bash, yash, mksh agree)
	syntax_error 'case x in a) ;; esac) ;; esac' "unexpected ')'"
}

@test "after a syntax error the rest of the line is skipped" {
	run --separate-stderr "$SPSH" -s <<'SCRIPT'
echo a; fi; echo b
echo c
SCRIPT
	# non-interactive: the shell exits with status 2 at the error (XCU 2.8.1)
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
}

@test "deep nesting is an error, not a crash" {
	spsh_only
	run "$SPSH" -n -c "$(printf '%01200d' 0 | tr 0 '(')"
	[ "$status" -eq 2 ]
	run "$SPSH" -n -c "echo $(printf '%01200d' 0 | sed 's/0/$(/g')"
	[ "$status" -eq 2 ]
}

@test "-n parses a large script quickly" {
	for i in $(seq 1 3000); do
		printf 'if test "$x" = %d; then\n  echo "v ${y:-$i}" | cat\nfi\n' "$i"
	done >"$BATS_TEST_TMPDIR/big.sh"
	run timeout 5 "$SPSH" -n "$BATS_TEST_TMPDIR/big.sh"
	[ "$status" -eq 0 ]
}

@test "a backslash-brace in double quotes inside a double-quoted brace expansion is an escape" {
	sh_c 'x=1; echo "${x+"\}"}" "${x+"${x+"\}"}"}" "${u-"a\}b"}"'
	out_is '} } a}b'
}

@test "here-doc end delimiter split by backslash-newline (unquoted body)" {
	spsh_only	# as bash; dash does not join the delimiter line, yash rejects it
	sh_c 'x=1; cat <<EOF
$x
EO\
F
echo after; cat <<"Q"
raw\
Q
cat <<E\
OF
$x
EOF'
	out_is '1
after
raw\
1'
}

@test "newlines in alias text do not move later line numbers" {
	spsh_only	# as bash --posix; dash counts the alias text's lines
	sh_script 'alias a="echo one
echo two"
a; echo "x $LINENO"
echo "y $LINENO"
a; ('
	status_is 2
	out_is 'one
two
x 3
y 4
one'
	[ "$SPSH_IS_SPSH" = 1 ] || return 0
	err_is "script.sh: line 6: syntax error: unexpected end of file"
}

@test "unterminated quotes and expansions report the line they began on (bash)" {
	syntax_error "$(printf "echo 'a\n\nb")" 'unterminated quoted string' 1
	syntax_error "$(printf ': ok\necho "a\n\nb')" 'unterminated quoted string' 2
	syntax_error "$(printf ': ok\n: ${x\n\nb')" "missing '}'" 2
	syntax_error "$(printf 'echo $((1+\n\nb')" "missing '))'" 1
	syntax_error "$(printf '\necho \140abc\n\nb')" 'unterminated backquote' 2
	syntax_error_posix "$(printf 'for 1 in a; do :; done\n:')" 'bad for loop variable' 1
}

@test "syntax errors: line and token of each kind (lines as bash)" {
	syntax_error 'echo a
)' "unexpected ')'" 2
	syntax_error 'echo a
if true; then
echo b
fi fi' "unexpected 'fi'" 4
	syntax_error 'echo a
for x in a b; do
echo
' 'unexpected end of file' 4
	syntax_error 'case x in
a) ;;
;;' "unexpected ';;'" 3
	syntax_error 'echo a |

&& b' "unexpected '&&'" 3
	syntax_error 'echo <
' "unexpected 'newline'" 1
	syntax_error 'echo $(
)
)' "unexpected ')'" 3
	syntax_error 'echo a
if true; then :; else; fi' "unexpected ';'" 2
}

@test "an interactive shell goes on after a syntax error" {
	[ "${SPSH##*/}" != dash ] || skip "dash -i stops at a syntax error when stdin is not a terminal"
	printf 'echo a\necho )\necho b; if\nfi\necho "c\n\nd"\necho e\n' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr "$SPSH" -i <"$BATS_TEST_TMPDIR/in"
	[ "$output" = 'a
c

d
e' ] || { echo "got: $output / $stderr"; return 1; }
	[ "$SPSH_IS_SPSH" = 1 ] || return 0
	# bash's words at the prompt (ext_errors.bats, interactive_conv.bats)
	[[ "$stderr" == *"spsh: syntax error near unexpected token \`)'"*"spsh: syntax error near unexpected token \`fi'"* ]] || { echo "$stderr"; return 1; }
}
