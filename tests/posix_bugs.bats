#!/usr/bin/env bats
# POSIX correctness fixes (issues 14 and 16): each test is a reproducer
# where XCU and dash (with yash and mksh) agree. Expected outputs come from
# dash 0.5.12; where dash is the odd one out, yash and bash --posix.
load helpers/common

# ---- lexer and parser (XCU 2.3, 2.6.2, 2.7.4) ----

@test "a backslash-quote inside a double-quoted x-hash pattern is a quoted quote" {
	expect_sh 'x="'"'"'a"; echo "${x#\'"'"'}"' 'a'
}

# (Scripts with here-documents are built line by line: bats' preprocessor
# tracks here-documents in the test file.)
@test "here-doc after a command substitution that holds a here-doc of its own" {
	sh_script "$(printf '%s\n' 'cat <<\OUTER; printf "%s\n" "$(cat <<\INNER' \
		inner INNER ')"' outer OUTER 'echo end')"
	out_is 'outer
inner
end'
	status_is 0
}

@test "arithmetic-looking cat here-doc with one paren missing is a syntax error" {
	sh_script "$(printf '%s\n' 'echo $((cat <<EOF' hi EOF ')' 'echo next')"
	out_is ''
	status_is 2
}

# ---- aliases (XCU 2.3.1) ----

@test "the word after a blank-ending alias is alias-substituted, recursively" {
	expect_sh 'alias foo="echo " bar=baz baz=quux
foo bar' 'quux'
}

@test "blank-ending alias chain inside a for command" {
	expect_sh "alias f=' for ' w=' in ' in=' x '
f w in 1; do echo \$x; done" '1'
}

@test "blank-ending alias chain in a case subject; in stays reserved" {
	expect_sh "alias c='case ' x='foo ' in='in '
c x in foo) echo y;; esac" 'y'
}

@test "an empty alias after | keeps the pipeline open at the newline" {
	expect_sh 'alias a=
a echo foo | a
cat' 'foo'
}

@test "an IO_NUMBER is never alias-substituted" {
	expect_sh 'alias 3=:
3>/dev/null echo \>' '>'
}

@test "a blank-ending alias ending in a function name and () takes an aliased body" {
	expect_sh "alias fn='g() ' b='{ echo body; }'
fn b
g" 'body'
}

@test "an alias producing a whole case command" {
	expect_sh "alias ca='case a in a) echo y;; esac'
ca" 'y'
}

@test "an alias ending a case item with ;; esac" {
	expect_sh "alias es='echo y;; esac'
case a in a) es" 'y'
}

@test "a redirection target and a here-doc delimiter after a blank-ending alias are substituted" {
	sh_script "$(printf '%s\n' "alias r='echo > ' f=file h='cat << ' E=X" \
		'r f hi' 'cat file' 'h E' body E X 'echo after')"
	out_is 'hi
body
E
after'
}

@test "length of the special parameters: hash-question, hash-hash, hash-dollar" {
	expect_sh 'false; echo ${#?} ${##}; (exit 100); echo ${#?}; set -- a b; echo ${#?x}' '1 1
3
2'
}

# ---- traps (XCU 2.11, trap, exit, return) ----

@test "a trap waits for the foreground command to finish" {
	expect_sh 'trap "echo Trap" USR1; (kill -USR1 $$; sleep .2; echo child-done); echo after' 'child-done
Trap
after'
}

@test "exit without operand in a trap uses the status from before the trap" {
	sh_c 'trap "false; exit" USR1; (sleep .2; kill -USR1 $$) & (sleep 1; exit 42)'
	status_is 42
}

@test "return without operand ending a trap action uses the status from before it" {
	expect_sh 'f() { trap "false; return" USR1; (kill -USR1 $$; exit 7); echo notreached; }; f; echo $?' '7'
}

@test "trap conditions in lower case" {
	expect_sh_posix 'trap "echo int" int; trap "echo bye" exit; trap' "trap -- 'echo bye' EXIT
trap -- 'echo int' INT
bye"
}

@test "trap on KILL and STOP is accepted and has no effect" {
	expect_sh_posix 'trap "" KILL; echo $?; trap "echo x" STOP; echo $?; trap' "0
0
trap -- '' KILL
trap -- 'echo x' STOP"
}

@test "trap with a single condition operand resets it" {
	expect_sh 'trap "echo bye" EXIT; trap EXIT; echo $?; trap' '0'
}

# ---- builtins and expansions where the standard leaves room (dash) ----

@test "command -p searches the default PATH, not PATH" {
	mkdir -p "$BATS_TEST_TMPDIR/b"
	printf '#!/bin/sh\necho from-b\n' >"$BATS_TEST_TMPDIR/b/hello"
	chmod +x "$BATS_TEST_TMPDIR/b/hello"
	sh_c 'PATH=$PWD/b; command -p hello; echo "st=$?"; command -p ls /dev/null'
	out_is 'st=127
/dev/null'
}

@test "umask symbolic copy takes the bits the mask had" {
	expect_sh 'umask 0124; umask a=,a=u; umask' '0111'
}

@test "ulimit -a with a limit operand is an error" {
	sh_c 'ulimit -a 42 >/dev/null; echo "st=$?"'
	out_is 'st=2'
	err_nonempty
}

@test "printf %u reads a negative operand as strtoumax does" {
	expect_sh 'printf "%u %u\n" -18446744073709551615 -1' '1 18446744073709551615'
}

@test "set + and set + - leave the positional parameters" {
	expect_sh 'set -- a b; set +; echo "[$#:$*]"; set + -; echo "[$#:$*]"; set + x; echo "[$#:$*]"' '[2:a b]
[2:a b]
[1:x]'
}

@test "getopts restarts after set -- and OPTIND=1, and rejects a bad name" {
	expect_sh_posix 'set -- -ab; getopts ab o; echo $o; set -- -cd; OPTIND=1; getopts cd o; echo $o; getopts a 1x -a; echo "st=$?"' 'a
c
st=2'
}

@test "NUL bytes in command substitution output are dropped, not truncating" {
	sh_c 'x=$(printf "a\0b"); y=$(/usr/bin/printf "c\0d"); echo "$x$y"'
	out_is 'abcd'
}

@test "dollar-hyphen in posix mode: no h unless set -h was given, no c (dash)" {
	expect_sh_posix 'case $- in *h*) echo h;; *) echo no-h;; esac' 'no-h'
	expect_sh_posix 'echo "[$-]"' '[]'
}

@test "set -u: an unset variable in arithmetic is an error" {
	# bash and yash; dash takes it as 0
	[ "${SPSH##*/}" = dash ] && skip "dash takes an unset variable as 0"
	sh_c 'set -u; echo $((undef+1)); echo after'
	out_is ''
	status_nonzero
	err_nonempty
}

@test "posix mode: a variable that is not a number in arithmetic is an error" {
	# dash and yash; bash (and spsh outside posix mode) evaluate foo as a name
	sh_c 'command set -o posix 2>/dev/null; s=foo; echo $((s+5)); echo after'
	out_is ''
	status_nonzero
	err_nonempty
}

@test "a dot script and eval see the status from before them" {
	printf 'echo "in dot: $?"\n' >"$BATS_TEST_TMPDIR/f"
	expect_sh '(exit 5); . ./f; false; eval "echo \$?"; false; eval ""; echo $?' 'in dot: 5
1
0'
}

# ---- hangs and lost processes (each under the sh_c timeout) ----

@test "a forked pipeline stage does not keep the read end of its own output pipe" {
	expect_sh '(yes) | head -1; echo "st=$?"; f() { yes; :; }; f | head -1; (cat </dev/zero) | true; echo done' 'y
st=0
y
done'
}

@test "a forked stage after an in-shell echo does not keep the echo's pipe open" {
	expect_sh 'echo x | cat | (cat)' 'x'
}

@test "exited background children are reaped while only builtins run" {
	expect_sh 'sleep 0.3 & p=$!; while kill -0 $p 2>/dev/null; do :; done; echo done' 'done'
}

@test "a pending trap runs in a loop of continue" {
	expect_sh 'trap "echo got; exit" USR1; (sleep 0.3; kill -USR1 $$) & while continue; do :; done' 'got'
}

@test "a pending trap runs after a for loop that ran continue" {
	expect_sh 'trap "echo got; exit" USR1; (sleep 0.3; kill -USR1 $$) & for i in 1; do continue; done; while :; do :; done' 'got'
}

# ---- errexit and errors (XCU 2.8.1) ----

@test "set -e: a redirection error on a compound command exits" {
	sh_c 'set -e; { :; } </nonexistent; echo reached'
	out_is ''
	status_nonzero
	sh_c 'set -e; while false; do :; done <missing; echo reached'
	out_is ''
	status_nonzero
}

@test "set -e: a redirection error on a compound command in a condition does not exit" {
	expect_sh 'set -e; if { :; } </nonexistent; then :; fi 2>/dev/null; echo reached' 'reached'
}

@test "set -e holds inside command substitution" {
	sh_c_posix 'set -e; x=$(false; echo no); echo "x=$x"'
	out_is ''
	status_is 1
	expect_sh_posix 'set -e; echo $(echo one; false; echo two)' 'one'
}

@test "read-only variable errors exit the shell with status 2" {
	for c in 'readonly x; x=1' 'readonly x; eval x=1' 'unset %' 'readonly a=a; a=b no_such_cmd' \
	    'readonly a=a; a=b command :' 'readonly a=a; a=b /bin/true' 'readonly x; for x in 1; do :; done'; do
		sh_c_posix "$c; echo after"
		out_is '' || return 1
		status_is 2 || return 1
	done
}

# ---- expansion and assignments (XCU 2.6, 2.9.1) ----

@test "unset of a prefix assignment inside the function leaves it unset until the call returns (posix mode)" {
	sh_c_posix 'f() { unset x; echo "1[${x-unset}]"; }; x=g; x=t f; echo "2[$x]"'
	out_is '1[unset]
2[g]'
}

@test "prefix assignments are expanded left to right, each seeing the one before" {
	expect_sh_posix 'x=5 y=$((x+2)) :; echo $x $y; a=1 b=$a sh -c "echo \$b"; echo "[$a]"; x=1; x=2 y=$x env | grep ^y=; echo $x' '5 7
1
[]
y=2
1'
}

@test "command keeps a declaration utility: command readonly c=\$x does not split" {
	expect_sh 'x="a b"; command readonly c=$x; echo $c; command -p export d=$x; echo $d' 'a b
a b'
}

# ---- control flow ----

@test "break in a function does not act on the caller's loop" {
	expect_sh 'f() { break; }; for i in 1 2; do echo $i; f; done' '1
2'
}

@test "break N in a subshell ends at most the subshell's own loops" {
	# bash and yash; dash and ksh93 leave the subshell
	[ "${SPSH##*/}" = dash ] && skip "dash ends the subshell"
	expect_sh 'for x in a b; do (for y in c; do break 2; done; echo $x); done' 'a
b'
}

# ---- smaller semantics (issue 16) ----

@test "a command substitution in a later pipeline stage reads that stage's stdin" {
	expect_sh 'echo from-pipe | echo "$(cat)"' 'from-pipe'
}

@test "a function named like a regular builtin is called before the builtin" {
	expect_sh 'command() { echo myfunc; }; command ls /dev/null; pwd() { echo mypwd; }; pwd' 'myfunc
mypwd'
}

@test "an in-shell stage whose reader left ends silently" {
	sh_c 'echo foo | </dev/null cat; big=$(head -c 100000 /dev/zero | tr "\0" a); echo "$big" | head -c1; echo " st=$?"'
	out_is 'a st=0'
	err_empty
}

@test "pipefail: an in-shell stage killed by EPIPE has status 141" {
	[ "${SPSH##*/}" = dash ] && skip "no pipefail in dash 0.5.12"
	sh_c 'set -o pipefail; big=$(head -c 100000 /dev/zero | tr "\0" a); echo "$big" | head -c1; echo " st=$?"'
	out_is 'a st=141'
	err_empty
}

# ---- issue 14, second pass ----

@test "a command's redirections are expanded before its assignments (XCU 2.9.1 steps 3, 4)" {
	expect_sh 'unset x; EFF=${x=assign} env 2>${x=redir} | grep EFF; unset x; EFF=${x=a} /usr/bin/env 2>${x=r} >/dev/null; echo $x; unset x; f() { echo "$EFF"; }; EFF=${x=a} f 2>${x=r}; unset x; EFF=${x=a} : 2>${x=r}; echo $x' 'EFF=redir
r
r
r'
}

@test "redirections before assignments in forced-fork mode and in a pipeline stage" {
	SPSH_FORCE_FORK=1 expect_sh 'unset x; EFF=${x=a} env 2>${x=r} | grep EFF; unset x; EFF=${x=a} printenv EFF 2>${x=r} | cat' 'EFF=r
r'
}

@test "with IFS empty, \"\${*:-word}\" of empty parameters is word" {
	expect_sh 'set -- "" ""; a="${*:-m}"; IFS=; b="${*:-m}"; c=${*:-m}; set -- "" x; d="${*:-m}"; echo "[$a][$b][$c][$d]"' '[ ][m][m][x]'
}

@test "sh -i -c: an expansion error ends the command string, non-zero" {
	sh_c 'x=$("$0" -i -c "set -u; echo \$undef; echo after" </dev/null 2>/dev/null); echo "[$x] $(($? != 0))"' "$SPSH"
	out_is '[] 1'
}

# dash lists no jobs in a subshell; bash, yash and mksh list the parent's
# in a pipeline stage and in $(...)
@test "jobs in a pipeline stage and in a command substitution lists the parent's jobs" {
	spsh_only
	for ff in 0 1; do
		SPSH_FORCE_FORK=$ff expect_sh 'sleep 1 & jobs | cat; x=$(jobs -p); [ "$x" = $! ] && echo same; true | jobs -p | wc -l; kill $!' '[1]+  Running                 sleep 1 &
same
1' || return 1
	done
}

@test "posix mode: the default PS1 is \$ (# for root)" {
	spsh_only
	ln -s "$SPSH" "$BATS_TEST_TMPDIR/sh"
	want='$ '
	[ "$(id -u)" = 0 ] && want='# '
	run sh -c 'echo "echo \"[\$PS1]\"" | env -u PS1 HOME="$1" "$1/sh" -i 2>/dev/null' _ "$BATS_TEST_TMPDIR"
	[ "$output" = "[$want]" ]
	run sh -c 'echo "echo \"[\$PS1]\"" | env -u PS1 HOME="$1" "$2" --posix -i 2>/dev/null' _ "$BATS_TEST_TMPDIR" "$SPSH"
	[ "$output" = "[$want]" ]
	run sh -c 'echo "echo \"[\$PS1]\"" | env -u PS1 HOME="$1" "$2" -i 2>/dev/null' _ "$BATS_TEST_TMPDIR" "$SPSH"
	[ "$output" != "[$want]" ]
}

@test "no history-file error on exit when HOME cannot hold it" {
	spsh_only
	run sh -c 'echo "echo hi" | env -u HISTFILE HOME=/proc/nonexistent "$1" -i 2>&1 >/dev/null' _ "$SPSH"
	[[ "$output" != *history* ]]
	run sh -c 'echo "echo hi" | env HISTFILE=/proc/nonexistent/h HOME=/proc/nonexistent "$1" -i 2>&1 >/dev/null' _ "$SPSH"
	[[ "$output" == *history*/proc/nonexistent/h* ]]
}

# yash and bash split on a multibyte IFS character as a whole; dash works
# on bytes, so these are spsh_only
@test "UTF-8: field splitting on a multibyte IFS character" {
	spsh_only
	expect_sh 'export LC_ALL=C.UTF-8; IFS=ç; s=açbçc; set -- $s; echo "$# $1 $2 $3"; IFS=μ; s="xμyμ"; set -- $s; echo $#; IFS=μé; s=aébμc; set -- $s; echo "$# $3"' '3 a b c
2
3 c'
}

@test "UTF-8: \"\$*\" joins with the whole first IFS character" {
	spsh_only
	expect_sh 'export LC_ALL=C.UTF-8; IFS=çx; set -- a b; echo "$*"; x="$*"; echo "$x"' 'açb
açb'
}

@test "UTF-8: read splits on a multibyte IFS character" {
	spsh_only
	expect_sh 'export LC_ALL=C.UTF-8; printf "aμbμμc\n" | { IFS=μ read -r x y z; echo "$x|$y|$z"; }' 'a|b|μc'
}

@test "C locale: IFS splits on each byte of a multibyte character" {
	expect_sh 'export LC_ALL=C; IFS=ç; s=açb; set -- $s; echo $#' 3
}

@test "posix mode: LINENO assigned keeps the value (XCU 2.5.3 lets it lose its meaning; dash, yash)" {
	expect_sh_posix 'LINENO=5; echo $LINENO
echo $LINENO' '5
5'
}
