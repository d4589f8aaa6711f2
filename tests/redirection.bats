#!/usr/bin/env bats
# XCU 2.7 Redirection. Expected outputs checked against dash and the standard.
load helpers/common

@test "> creates and truncates" {
	expect_sh 'echo long line >f; echo s >f; cat f' 's'
}

@test ">> appends" {
	expect_sh 'echo a >>f; echo b >>f; cat f' 'a
b'
}

@test "< reads from a file" {
	expect_sh 'echo data >f; tr a-z A-Z <f' 'DATA'
}

@test "< on a missing file fails with status 1..125 and a message, command not run" {
	sh_c 'cat <nosuch; echo $?; echo ran <nosuch; echo after'
	is_1_125 "${lines[0]}"
	[ "${lines[1]}" = after ] && [ "${#lines[@]}" = 2 ]
	err_nonempty
}

@test "<> opens for reading and writing without truncating" {
	expect_sh 'echo hello >f; echo J 1<>f; cat f' 'J
llo'
}

@test "<> creates the file if missing" {
	expect_sh ': <>new; test -f new && echo yes' 'yes'
}

@test "<> defaults to fd 0" {
	expect_sh 'echo abc >f; read x <>f; echo $x' 'abc'
}

@test "n> with explicit fd numbers" {
	expect_sh 'echo err 2>f >&2; echo out 1>g; cat f g' 'err
out'
}

@test "fd 3..9 can be opened and used" {
	expect_sh 'exec 3>f; echo three >&3; exec 3>&-; exec 9<f; read l <&9; echo $l' 'three'
}

@test ">& duplicates an output fd" {
	sh_c 'echo to-err 1>&2'
	out_is ''
	err_is 'to-err'
}

@test "<& duplicates an input fd" {
	expect_sh 'echo line >f; exec 4<f; cat <&4' 'line'
}

@test ">&- closes an fd" {
	sh_c 'echo x >&-; echo $?'
	# echo writing to a closed stdout fails: status non-zero, "1" then shown
	# on the restored stdout of the next command.
	[ "$output" != "0" ]
	[ -n "$output" ]
}

@test "<&- closes stdin" {
	expect_sh 'cat <&- 2>/dev/null; echo $?' '1'
}

@test "redirections are applied left to right: 2>&1 >f vs >f 2>&1" {
	sh_c '{ echo o; echo e >&2; } 2>&1 >f; echo ---; cat f'
	out_is 'e
---
o'
	sh_c '{ echo o; echo e >&2; } >g 2>&1; cat g'
	out_is 'o
e'
}

@test "swap stdout and stderr through fd 3" {
	sh_c '{ echo o; echo e >&2; } 3>&1 1>&2 2>&3 3>&-'
	out_is 'e'
	err_is 'o'
}

@test "dup of a closed fd is an error" {
	sh_c 'echo x >&7; echo $?'
	is_1_125 "$output"
	err_nonempty
}

@test "redirection word undergoes expansion but not splitting" {
	expect_sh_posix 'n="my file"; echo hi >$n; cat "my file"' 'hi'
}

@test "redirection word: tilde and parameter expansion" {
	expect_sh 'HOME=$PWD; echo t >~/tf; cat tf' 't'
}

@test "redirection word that expands to several fields is an error or uses it unsplit" {
	# XCU 2.7: field splitting is not performed on the redirection word in a
	# non-interactive shell? dash does not split it; bash --posix does not either.
	expect_sh_posix 'v="a b"; echo x >$v; cat "a b"' 'x'
}

@test "redirection with pathname expansion of a single match" {
	# Non-interactive shells may but need not glob the word; dash does not.
	: >"$BATS_TEST_TMPDIR/only.txt"
	sh_c 'echo x >o*.txt 2>/dev/null; cat only.txt o\*.txt 2>/dev/null'
	out_is 'x'
}

@test "redirections on compound commands" {
	expect_sh 'if true; then echo a; fi >f; while read l; do echo "<$l>"; done <f; case x in x) echo c;; esac >>f; cat f' '<a>
a
c'
}

@test "redirection on a builtin is undone afterwards" {
	expect_sh 'echo one >f; echo two; cat f' 'two
one'
}

@test "redirection failure on a builtin: status 1..125, no exit" {
	sh_c 'echo x >/nonexistent/dir/f; echo $?'
	is_1_125 "$output"
	err_nonempty
}

@test "redirection failure on a compound command: not run, status 1..125" {
	sh_c '{ echo inside; } </nonexistent; echo $?'
	is_1_125 "$output"
}

@test "exec with only redirections changes the shell's fds" {
	expect_sh 'exec 5>&1; exec >f; echo into-file; exec >&5 5>&-; echo back; cat f' 'back
into-file'
}

@test "exec 3< and reading it in a loop" {
	printf '1\n2\n3\n' >"$BATS_TEST_TMPDIR/n"
	expect_sh 'exec 3<n; read a <&3; read b <&3; echo $a$b; exec 3<&-' '12'
}

@test "redirection number must be adjacent: 2 >f is an argument" {
	expect_sh 'echo 2 >f; cat f' '2'
}

@test "quoted fd number is an argument" {
	expect_sh 'echo "2">f; cat f' '2'
}

# ---- noclobber ----

@test "noclobber: > fails on an existing file" {
	sh_c 'echo a >f; set -C; echo b >f; echo $?; cat f'
	is_1_125 "${lines[0]}"
	[ "${lines[1]}" = a ]
	err_nonempty
}

@test "noclobber: >| overrides" {
	expect_sh 'echo a >f; set -C; echo b >|f; cat f' 'b'
}

@test "noclobber: >> still appends and > creates new files" {
	expect_sh 'set -C; echo a >new; echo b >>new; cat new' 'a
b'
}

@test "noclobber: > /dev/null is allowed (not a regular file)" {
	expect_sh 'set -C; echo x >/dev/null; echo $?' '0'
}

@test ">| without noclobber behaves like >" {
	expect_sh 'echo a >f; echo b >|f; cat f' 'b'
}

# ---- 2.7.4 here-documents ----

@test "here-doc: basic" {
	expect_sh 'cat <<EOF
line 1
line 2
EOF' 'line 1
line 2'
}

@test "here-doc: parameter, command and arithmetic expansion in the body" {
	expect_sh 'x=val; cat <<EOF
$x ${x} $(echo cs) `echo bq` $((2*3))
EOF' 'val val cs bq 6'
}

@test "here-doc: backslash rules in an unquoted body" {
	# XCU 2.7.4: backslash behaves as inside double quotes, except that a
	# double quote is not special; backslash-newline is removed.
	expect_sh 'x=v; cat <<EOF
\$x \\ \` \" \a "q" '"'s'"'
a\
b
EOF' '$x \ ` \" \a "q" '"'s'"'
ab'
}

@test "here-doc: quoted delimiter means no expansion at all" {
	expect_sh 'x=v; cat <<"EOF"
$x `no` \$ \\ $(no)
a\
EOF' '$x `no` \$ \\ $(no)
a\'
}

@test "here-doc: any quoting in the delimiter counts: 'E'OF, \\EOF" {
	expect_sh 'x=v; cat <<'"'E'"'OF
$x
EOF
cat <<\EOF
$x
EOF' '$x
$x'
}

@test "here-doc: <<- strips leading tabs from body and delimiter" {
	sh_c "$(printf 'cat <<-EOF\n\tone\n\t\ttwo\n  three\n\tEOF\necho after')"
	out_is "$(printf 'one\ntwo\n  three\nafter')"
}

@test "here-doc: two here-docs on one line" {
	expect_sh 'cat <<A; cat <<B
first
A
second
B' 'first
second'
}

@test "here-doc: two here-docs on one command, last wins for fd 0, fd 3 for other" {
	expect_sh 'cat <<A 3<<B - /dev/fd/3
to0
A
to3
B' 'to0
to3'
}

@test "here-doc: in a pipeline and with more commands on the line" {
	expect_sh 'cat <<EOF | tr a-z A-Z; echo next
abc
EOF' 'ABC
next'
}

@test "here-doc: inside \$( )" {
	expect_sh 'x=$(cat <<EOF
inner $((1+1))
EOF
); echo "[$x]"' '[inner 2]'
}

@test "here-doc: inside a function body is read at definition, expanded at call" {
	expect_sh 'f() { cat <<EOF
v=$v
EOF
}; v=1; f; v=2; f' 'v=1
v=2'
}

@test "here-doc: inside a loop, expanded each iteration" {
	expect_sh 'for i in 1 2; do cat <<EOF
i=$i
EOF
done' 'i=1
i=2'
}

@test "here-doc: delimiter must be alone on the line" {
	expect_sh 'cat <<EOF
EOF not yet
 EOF
EOFX
EOF' 'EOF not yet
 EOF
EOFX'
}

@test "here-doc: empty body" {
	expect_sh 'cat <<EOF
EOF
echo done' 'done'
}

@test "here-doc: large body (more than a pipe buffer)" {
	sh_c 'n=0; { echo "cat <<EOF"; while [ $n -lt 3000 ]; do echo "line $n of a long here document body"; n=$((n+1)); done; echo EOF; } >gen.sh; . ./gen.sh | wc -l'
	[ "$(echo $output)" = 3000 ]
}

@test "here-doc: to a given fd" {
	expect_sh 'cat 0<<EOF
zero
EOF
read x 5<<EOF <&5
five
EOF
echo $x' 'zero
five'
}

@test "here-doc: on a compound command" {
	expect_sh 'while read l; do echo "<$l>"; done <<EOF
a
b
EOF' '<a>
<b>'
}

@test "here-doc: body with a quoted delimiter keeps \$ and backslashes" {
	expect_sh 'cat <<'"'END'"'
price: $5 \n \
END' 'price: $5 \n \'
}

@test "here-doc: unquoted body with \${ } containing double quotes" {
	# XCU 2.7.4: a double quote is special inside ${ } in a here-document,
	# so quote removal applies (dash, bash --posix and yash agree).
	expect_sh 'unset u; cat <<EOF
${u:-"dq"} "plain"
EOF' 'dq "plain"'
}

@test "here-doc: after a && continuation line" {
	expect_sh 'cat <<EOF &&
body
EOF
echo next' 'body
next'
}

@test ">& word that is not a fd number is an error in posix mode, and no file is made" {
	sh_c_posix 'echo hi >&f'
	[ "$status" -ne 0 ] || { _show_run; return 1; }
	err_nonempty
	[ ! -e f ]
}
