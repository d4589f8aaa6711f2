#!/usr/bin/env bats
# XCU 2.9 Shell Commands: simple commands, pipelines, lists, compound
# commands, functions. Expected outputs checked against dash (and the standard).
load helpers/common

# ---- 2.9.1 simple commands ----

@test "simple command: words and arguments" {
	expect_sh 'echo a   b "c  d"' 'a b c  d'
}

@test "simple command: assignment only sets variable in the shell" {
	expect_sh 'x=1 y=2; echo $x$y' '12'
}

@test "simple command: assignments are done left to right" {
	expect_sh 'x=1 y=$x; echo $y' '1'
}

@test "simple command: prefix assignment goes to the environment of an external command" {
	expect_sh 'x=outer; x=inner env | grep "^x="; echo $x' 'x=inner
outer'
}

@test "simple command: the last of two prefix assignments to one name is the only one exported" {
	expect_sh 'x=1 x=2 env | grep "^x="' 'x=2'
}

@test "simple command: prefix assignment on a regular builtin does not persist" {
	# XCU 2.9.1: for regular builtins and external utilities the assignment
	# affects only that command's execution environment.
	expect_sh 'x=old; x=new true; echo $x' 'old'
}

@test "simple command: status of assignment-only command is that of the last command substitution" {
	expect_sh 'x=$(false); echo $?; y=$(exit 3) z=1; echo $?; w=1; echo $?' '1
3
0'
}

@test "simple command: empty command after expansion with redirection creates the file" {
	expect_sh 'x=; $x >f; test -f f && echo made' 'made'
}

@test "simple command: redirection before command name" {
	expect_sh '>f echo hi; cat f' 'hi'
}

@test "simple command: command not found is 127 and the shell goes on" {
	sh_c 'nosuchcmd_xyz; echo $?'
	out_is '127'
	err_nonempty
}

@test "simple command: command search uses PATH" {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	printf '#!/bin/sh\necho mine "$@"\n' >"$BATS_TEST_TMPDIR/bin/mycmd"
	chmod +x "$BATS_TEST_TMPDIR/bin/mycmd"
	expect_sh 'PATH=$PWD/bin:$PATH; mycmd a b' 'mine a b'
}

@test "simple command: a name with a slash is not searched in PATH" {
	printf 'echo direct\n' >"$BATS_TEST_TMPDIR/prog"
	chmod +x "$BATS_TEST_TMPDIR/prog"
	# no #! line: the shell runs it as a shell script (ENOEXEC, XCU 2.9.1.4)
	expect_sh './prog' 'direct'
}

# ---- 2.9.2 pipelines ----

@test "pipeline: data flows left to right" {
	expect_sh 'echo abc | tr a-z A-Z | sed s/B/x/' 'AxC'
}

@test "pipeline: status is that of the last command" {
	expect_sh 'false | true; echo $?; true | false; echo $?; true | (exit 7); echo $?' '0
1
7'
}

@test "pipeline: ! negates the status" {
	expect_sh '! true; echo $?; ! false; echo $?; ! (exit 5); echo $?; ! true | false; echo $?' '1
0
0
0'
}

@test "pipeline: stdout of each stage only goes to the pipe; stderr does not" {
	sh_c 'echo out; echo err >&2' 
	out_is 'out'
	err_is 'err'
	sh_c '{ echo out; echo err >&2; } | tr a-z A-Z'
	out_is 'OUT'
	err_is 'err'
}

@test "pipeline: redirections of a stage apply after the pipe" {
	expect_sh 'echo a 2>&1 >/dev/null | cat; { echo b >&2; } 2>&1 | tr b B' 'B'
}

@test "pipeline: each stage runs in a subshell; variables do not leak" {
	expect_sh 'x=1; x=2 | true; echo $x; echo hi | read y; echo "[${y-unset}]"' '1
[unset]'
}

@test "pipeline: long pipeline of external commands" {
	expect_sh 'seq 1 100 | cat | cat | cat | cat | cat | cat | cat | tail -n 1' '100'
}

@test "pipeline: a stage may be a compound command or a function" {
	expect_sh 'f() { tr a b; }; echo aaa | f | { read x; echo "<$x>"; }' '<bbb>'
}

@test "pipeline: linebreak allowed after |" {
	expect_sh 'echo x |
	cat' 'x'
}

@test "pipeline: waits for all stages" {
	expect_sh '(sleep 0.2; echo late) | cat; echo after' 'late
after'
}

# ---- 2.9.3 lists ----

@test "and-or: && runs the right side only on success" {
	expect_sh 'true && echo a; false && echo b; echo $?' 'a
1'
}

@test "and-or: || runs the right side only on failure" {
	expect_sh 'false || echo a; true || echo b; echo $?' 'a
0'
}

@test "and-or: left associative with equal precedence" {
	expect_sh 'false && echo x || echo y; true || echo x && echo z' 'y
z'
}

@test "and-or: status of the list is that of the last command executed" {
	expect_sh 'false && true; echo $?; false || (exit 3); echo $?' '1
3'
}

@test "and-or: linebreak after && and ||" {
	expect_sh 'true &&
echo a ||
echo b' 'a'
}

@test "sequential list with ; and newlines" {
	expect_sh 'echo a; echo b
echo c' 'a
b
c'
}

@test "asynchronous list: & runs in background and \$! is set" {
	expect_sh 'echo bg >f & p=$!; wait $p; echo $?; cat f; test -n "$p" && echo pid' '0
bg
pid'
}

@test "asynchronous list: wait returns the status of the background job" {
	expect_sh '(exit 4) & wait $!; echo $?' '4'
}

@test "asynchronous list: status of & itself is 0" {
	expect_sh 'false & echo $?; wait' '0'
}

@test "asynchronous list: stdin of a background job is /dev/null without job control" {
	sh_stdin 'cat & wait
echo done'
	out_is 'done'
}

@test "asynchronous list: a && b & puts the whole and-or list in background" {
	expect_sh 'false && echo no & wait; true && echo yes & wait' 'yes'
}

# ---- 2.9.4 compound commands ----

@test "grouping: { } runs in the current shell" {
	expect_sh 'x=1; { x=2; }; echo $x' '2'
}

@test "grouping: ( ) runs in a subshell" {
	expect_sh 'x=1; (x=2; echo in $x); echo out $x' 'in 2
out 1'
}

@test "grouping: subshell cd does not affect parent" {
	expect_sh 'cd /; (cd /tmp; pwd); pwd' '/tmp
/'
}

@test "grouping: subshell exit does not exit the shell" {
	expect_sh '(exit 3); echo $?' '3'
}

@test "grouping: redirection applies to the whole group" {
	expect_sh '{ echo a; echo b; } >f; cat f; (echo c; echo d) | tr -d "\n"; echo' 'a
b
cd'
}

@test "grouping: nested subshells and ((" {
	expect_sh '( (echo inner) )' 'inner'
}

@test "for: loops over words" {
	expect_sh 'for i in a b c; do echo $i; done' 'a
b
c'
}

@test "for: without in loops over positional parameters" {
	expect_sh 'set -- x "y z"; for i do echo "[$i]"; done' '[x]
[y z]'
}

@test "for: with ; before do and no in" {
	expect_sh 'set -- 1 2; for i; do echo $i; done' '1
2'
}

@test "for: empty word list runs nothing and status 0" {
	expect_sh 'false; for i in; do echo x; done; echo $?' '0'
}

@test "for: words are expanded and split" {
	expect_sh 'v="a b"; for i in $v "c d" e*; do echo "[$i]"; done' '[a]
[b]
[c d]
[e*]'
}

@test "for: variable keeps last value after the loop" {
	expect_sh 'for i in 1 2 3; do :; done; echo $i' '3'
}

@test "for: reserved words allowed as the words" {
	expect_sh 'for i in do done in for; do echo $i; done' 'do
done
in
for'
}

@test "for: newline before in and before do" {
	expect_sh 'for i
in a b
do
echo $i
done' 'a
b'
}

@test "case: first matching pattern wins" {
	expect_sh 'case abc in a*) echo one;; *c) echo two;; esac' 'one'
}

@test "case: alternatives with |" {
	expect_sh 'case y in x|y|z) echo hit;; esac' 'hit'
}

@test "case: no match gives status 0" {
	expect_sh 'false; case x in y) echo no;; esac; echo $?' '0'
}

@test "case: status is that of the last command in the matched item" {
	expect_sh 'case x in x) (exit 3);; esac; echo $?' '3'
}

@test "case: optional leading parenthesis and last ;; optional" {
	expect_sh 'case a in (a) echo p
esac' 'p'
}

@test "case: quoted pattern characters match literally" {
	expect_sh 'case "*" in "*") echo star;; esac; case ab in "a"*) echo q;; esac; case x in "*") echo no;; *) echo yes;; esac' 'star
q
yes'
}

@test "case: pattern from variable is a pattern, quoted variable is literal" {
	expect_sh 'p="a*"; case abc in $p) echo u;; esac; case abc in "$p") echo no;; *) echo lit;; esac' 'u
lit'
}

@test "case: word is not split or globbed" {
	expect_sh 'v="a  b"; case $v in "a  b") echo same;; esac' 'same'
}

@test "case: empty case body and empty items" {
	expect_sh 'case x in esac; case x in x) ;; esac; echo ok' 'ok'
}

@test "case: reserved words as patterns" {
	# XCU 2.10.2 rule 4: only "esac" itself is special as the first pattern.
	expect_sh 'case in in in) echo i;; esac; case esac in x|esac) echo y;; esac; case do in do) echo d;; esac' 'i
y
d'
}

@test "case: ;& is not required; patterns with brackets and ?" {
	expect_sh 'case b2 in [abc]?) echo m;; esac; case x in [!x]) echo no;; *) echo neg;; esac' 'm
neg'
}

@test "case: newline layout" {
	expect_sh 'case x
in
x)
echo a
;;
esac' 'a'
}

@test "if: then branch and else branch" {
	expect_sh 'if true; then echo t; else echo f; fi; if false; then echo t; else echo f; fi' 't
f'
}

@test "if: elif chain" {
	expect_sh 'x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; elif true; then echo three; else echo other; fi' 'two'
}

@test "if: status 0 when no branch runs" {
	expect_sh 'if false; then echo x; fi; echo $?' '0'
}

@test "if: status of the executed branch" {
	expect_sh 'if true; then (exit 4); fi; echo $?; if false; then :; else (exit 5); fi; echo $?' '4
5'
}

@test "if: condition is a compound list" {
	expect_sh 'if false; true; then echo last; fi; if true; false; then echo no; else echo else; fi' 'last
else'
}

@test "while: loops while condition succeeds" {
	expect_sh 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done' '0
1
2'
}

@test "while: status 0 when body never runs" {
	expect_sh 'false; while false; do :; done; echo $?' '0'
}

@test "while: status of the last body command" {
	expect_sh 'i=0; while [ $i -lt 2 ]; do i=$((i+1)); (exit $i); done; echo $?' '2'
}

@test "until: loops until condition succeeds" {
	expect_sh 'i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done' '0
1'
}

@test "while: reading lines from a redirection on the loop" {
	printf 'l1\nl2\n' >"$BATS_TEST_TMPDIR/in"
	expect_sh 'while read l; do echo "<$l>"; done <in' '<l1>
<l2>'
}

@test "loop: redirected output of a whole loop" {
	expect_sh 'for i in 1 2; do echo $i; done >f; cat f' '1
2'
}

@test "break: leaves the innermost loop" {
	expect_sh 'for i in 1 2 3; do echo $i; break; done; echo end' '1
end'
}

@test "break 2: leaves two loops" {
	expect_sh 'for i in a b; do for j in 1 2; do echo $i$j; break 2; done; done; echo end' 'a1
end'
}

@test "break n larger than the nesting leaves all loops" {
	expect_sh 'for i in a b; do for j in 1 2; do echo $i$j; break 5; done; done; echo end' 'a1
end'
}

@test "continue: next iteration of the innermost loop" {
	expect_sh 'for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done' '1
3'
}

@test "continue 2: next iteration of the enclosing loop" {
	expect_sh 'for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; echo never; done' 'a1
b1'
}

@test "break inside while inside function body loop" {
	expect_sh 'i=0; while true; do i=$((i+1)); if [ $i = 3 ]; then break; fi; done; echo $i' '3'
}

@test "break in the condition of while" {
	expect_sh 'for i in 1 2; do while break; do echo no; done; echo after$i; done' 'after1
after2'
}

# ---- 2.9.5 functions ----

@test "function: definition and call" {
	expect_sh 'f() { echo "in f"; }; f' 'in f'
}

@test "function: has its own positional parameters, restored after" {
	expect_sh 'set -- a b; f() { echo "$# $1 $2"; }; f x y z; echo "$# $1 $2"' '3 x y
2 a b'
}

@test "function: \$0 is unchanged in a function" {
	sh_c 'f() { echo $0; }; f' myname
	out_is 'myname'
}

@test "function: variables are global" {
	expect_sh 'f() { x=set; }; f; echo $x' 'set'
}

@test "function: return status" {
	expect_sh 'f() { return 3; }; f; echo $?' '3'
}

@test "function: return without argument uses last status" {
	expect_sh 'f() { false; return; }; f; echo $?; g() { (exit 6); }; g; echo $?' '1
6'
}

@test "function: return stops the function" {
	expect_sh 'f() { echo a; return; echo b; }; f; echo c' 'a
c'
}

@test "function: return from inside a loop in a function" {
	expect_sh 'f() { for i in 1 2 3; do if [ $i = 2 ]; then return 9; fi; echo $i; done; }; f; echo $?' '1
9'
}

@test "function: body may be any compound command" {
	expect_sh 'f() ( x=sub; echo $x ); x=top; f; echo $x; g() if true; then echo if; fi; g; h() for i in 1; do echo for; done; h' 'sub
top
if
for'
}

@test "function: redirection on the definition applies at each call" {
	expect_sh 'f() { echo inside; } >out; f; echo again >>out; f; cat out' 'inside'
}

@test "function: recursion" {
	expect_sh 'f() { if [ $1 -gt 0 ]; then echo $1; f $(($1-1)); fi; }; f 3' '3
2
1'
}

@test "function: redefinition replaces it" {
	expect_sh 'f() { echo 1; }; f() { echo 2; }; f' '2'
}

@test "function: definition status is 0" {
	expect_sh 'false; f() { :; }; echo $?' '0'
}

@test "function: found before PATH utilities" {
	expect_sh 'ls() { echo mine; }; ls' 'mine'
}

@test "function: unset -f removes it" {
	expect_sh 'true() { echo fn; return 1; }; true; unset -f true; true; echo $?' 'fn
0'
}

@test "function: \$# and shift inside do not affect the caller" {
	expect_sh 'set -- 1 2 3; f() { shift; echo $#; }; f a b; echo $#' '1
3'
}

@test "function: name followed by newline before body" {
	expect_sh 'f()
{
echo nl
}
f' 'nl'
}

@test "function: assignment before a function call" {
	# XCU 2.9.5 / 2.9.1: variable assignments before a function call; dash
	# and bash --posix keep them only during the call? The standard says it is
	# unspecified whether they persist, so only the value inside is tested.
	expect_sh 'f() { echo "[$v]"; }; v=in f' '[in]'
}
