#!/usr/bin/env bats
# Other bash syntax (bash 5.2 as the reference): function NAME, select,
# case fall-through ;& and ;;&, the time reserved word.

load helpers/common

@test "function name { }: defines a function" {
	ext_only
	expect_sh 'function f { echo F; }; f' F
}

@test "function name() { }: the parentheses are allowed" {
	ext_only
	expect_sh 'function g() { echo G; }; g; function k () ( echo sub ); k' "$(printf 'G\nsub')"
}

@test "function name: the body may start on the next line" {
	ext_only
	expect_sh "$(printf 'function h\n{ echo H; }\nh')" H
}

@test "function name: redirections after the body apply to each call" {
	ext_only
	expect_sh 'function r { echo R; } >/dev/null; r; echo x' x
}

@test "function: the arguments and return work as for name()" {
	ext_only
	expect_sh 'function f { echo "$#:$1"; return 3; }; f a b; echo $?' "$(printf '2:a\n3')"
}

@test "function names may hold - . @ and start with a digit (bash, not posix mode)" {
	ext_only
	expect_sh 'a-b() { echo 1; }; a.b() { echo 2; }; f@x() { echo 3; }; 2go() { echo 4; }; function x-y { echo 5; }; a-b; a.b; f@x; 2go; x-y' "$(printf '1\n2\n3\n4\n5')"
}

@test "a function named a/b is called before the path a/b is tried (bash)" {
	ext_only
	mkdir -p "$BATS_TEST_TMPDIR/a"
	printf '#!/bin/sh\necho file\n' >"$BATS_TEST_TMPDIR/a/b"
	chmod +x "$BATS_TEST_TMPDIR/a/b"
	expect_sh 'a/b; a/b() { echo func; }; a/b; command a/b' "$(printf 'file\nfunc\nfile')"
}

@test "in posix mode a function name must be a name: a-b() is an error" {
	ext_only
	sh_c 'set -o posix
a-b() { echo no; }
echo after'
	status_is 2
	out_is ''
}

@test "case ;&: runs the next body without testing its pattern" {
	ext_only
	expect_sh 'case ab in a*) echo 1;& b*) echo 2;& c) echo 3;; d) echo 4;; esac' "$(printf '1\n2\n3')"
}

@test "case ;;&: goes on testing the following patterns" {
	ext_only
	expect_sh 'case ab in a*) echo 1;;& b*) echo 2;;& *b) echo 3;; *) echo 4;; esac' "$(printf '1\n3')"
}

@test "case ;&: in the last item, and after a non-matching item" {
	ext_only
	expect_sh 'case x in x) echo 1;& esac; case x in y) echo 1;& x) echo 2;; esac' "$(printf '1\n2')"
}

@test "case: the status after ;& is the last body's" {
	ext_only
	expect_sh 'case a in a) true;& b) false;; esac; echo $?' 1
}

@test "time: TIMEFORMAT gives the report, on stderr" {
	ext_only
	sh_c 'TIMEFORMAT="t=%0R"; time true'
	out_is ''
	err_is 't=0'
}

@test "time: TIMEFORMAT %P is the CPU percentage with two decimals (bash)" {
	ext_only
	sh_c 'TIMEFORMAT="[%P]"; time sleep 0.01'
	[[ $stderr =~ ^\[[0-9]+\.[0-9][0-9]\]$ ]] || { _show_run; return 1; }
}

@test "time: a null TIMEFORMAT reports nothing; the status is the pipeline's" {
	ext_only
	sh_c 'TIMEFORMAT=; time false; echo $?'
	out_is 1
	err_empty
}

@test "time: %% is a percent sign" {
	ext_only
	sh_c 'TIMEFORMAT="%%x"; time true'
	err_is '%x'
}

@test "time -p: POSIX format, not affected by the command's redirections" {
	ext_only
	sh_c 'time -p true 2>/dev/null'
	[ "${#stderr_lines[@]}" -eq 3 ]
	[[ ${stderr_lines[0]} == "real "[0-9]*.[0-9][0-9] ]]
	[[ ${stderr_lines[1]} == "user "* ]]
	[[ ${stderr_lines[2]} == "sys "* ]]
}

@test "time: the default format has real, user and sys with minutes" {
	ext_only
	sh_c 'unset TIMEFORMAT; time true'
	[[ $stderr == $'\nreal\t0m0.'[0-9][0-9][0-9]$'s\nuser\t'*m*.*$'s\nsys\t'*m*.*s ]]
}

@test "time: a whole pipeline, ! and compound commands" {
	ext_only
	sh_c 'TIMEFORMAT=x; time echo a | cat; time ! false; echo $?; time { echo in; }'
	out_is "$(printf 'a\n0\nin')"
	err_is "$(printf 'x\nx\nx')"
}

@test "select: the menu and the prompt on stderr, the choice and REPLY" {
	ext_only
	sh_c 'printf "2\n" | { select v in a b c; do echo "v=$v r=$REPLY"; break; done; }'
	out_is 'v=b r=2'
	err_is "$(printf '1) a\n2) b\n3) c\n#? ')"
}

@test "select: PS3 is the prompt" {
	ext_only
	sh_c 'printf "1\n" | { PS3="pick: "; select v in a b; do echo $v; break; done; } 2>&1'
	out_is "$(printf '1) a\n2) b\npick: a')"
}

@test "select: without in, the positional parameters" {
	ext_only
	sh_c 'set -- p q; printf "2\n" | { select v; do echo $v; break; done; } 2>/dev/null'
	out_is q
}

@test "select: an empty line shows the menu again; a bad number gives an empty name" {
	ext_only
	sh_c 'printf "\nx\n9\n1\n" | { select v in a; do echo "[$v] $REPLY"; [ -n "$v" ] && break; done; } 2>&1'
	out_is "$(printf '1) a\n#? 1) a\n#? [] x\n#? [] 9\n#? [a] 1')"
}

@test "select: end of input leaves the loop with status 1" {
	ext_only
	sh_c 'printf "1\n2\n" | { select v in a b; do echo $v; done; echo st=$?; } 2>/dev/null'
	out_is "$(printf 'a\nb\n\nst=1')"
}

@test "select: a long list is laid out in columns as bash does" {
	ext_only
	sh_c 'printf "1\n" | { select v in a b c d e f g h i j k l; do break; done; } 2>&1'
	out_is "$(printf '1) a    3) c   5) e   7) g   9) i  11) k\n2) b    4) d   6) f   8) h  10) j  12) l\n#? ')"
}

@test "select: COLUMNS narrows the menu to one column" {
	ext_only
	sh_c 'printf "1\n" | { COLUMNS=20; select v in aaaa bbbbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk; do break; done; } 2>&1'
	out_is "$(printf ' 1) aaaa\n 2) bbbbbb\n 3) cccc\n 4) dddd\n 5) eeee\n 6) ffff\n 7) gggg\n 8) hhhh\n 9) iiii\n10) jjjj\n11) kkkk\n#? ')"
}

@test "posix mode: [[ and (( still work, as in bash --posix" {
	ext_only
	sh_c 'set -o posix; [[ a == a ]] && echo c; (( 1 )) && echo a; function f { echo f; }; f'
	out_is "$(printf 'c\na\nf')"
}

@test "reserved words only in command position: echo function select time" {
	ext_only
	expect_sh 'echo function select time [[ ]]' 'function select time [[ ]]'
}

@test "time: alone it times nothing, status 0" {
	ext_only
	sh_c 'TIMEFORMAT=x; false; time; echo $?'
	out_is 0
	err_is x
}

@test "\$'...': \\u and \\U give the character in a UTF-8 locale (bash)" {
	ext_only
	# checked with bash 5.2: é|A|😀|\uzz|aЛ (\u41b is U+041B) and an empty word for \u0
	run env LC_ALL=C.UTF-8 "$SPSH" -c "printf '%s|' \$'\\u00e9' \$'\\x41' \$'\\U0001F600' \$'\\uzz' \$'a\\u41b' \$'\\u0'"
	[ "$status" -eq 0 ]
	[ "$output" = "é|A|😀|\\uzz|aЛ||" ]
}

@test "a function name may hold - . / # outside posix mode (bash)" {
	ext_only
	expect_sh 'show-len() { echo "len $#"; }; a.b() { echo ab; }
function lib/util#f { echo "in $FUNCNAME"; }
show-len x y; a.b; lib/util#f; type lib/util#f | head -n 1' 'len 2
ab
in lib/util#f
lib/util#f is a function'
}

@test "posix mode still wants a name for a function" {
	ext_only
	sh_c 'set -o posix; (eval "a-b() { :; }"); echo "st=$?"'
	out_is 'st=2'
}

@test "\$\"...\" is a double-quoted string (bash, no message catalog)" {
	ext_only
	expect_sh 'x="1  2"; printf "[%s]" $"a  $x" $"q\"" pre$"  "post "${u:-$"d  e"}"; case b in $"b") echo " m";; esac' '[a  1  2][q"][pre  post][d  e] m'
	expect_sh 'printf "%s\n" "$"  "a$"; [[ "|" =~ $"|" ]] && echo re' '$
a$
re'
}

@test "for or select with a bad name fails when it runs, status 1 (bash, not posix mode)" {
	ext_only
	sh_script 'for i.j in a b; do echo no; done; echo "for $?"
select a-b in x; do echo no; done </dev/null; echo "select $?"'
	out_is 'for 1
select 1'
	[[ $stderr == *"\`i.j': not a valid identifier"* ]]
}

@test "a function name with quotes or an expansion fails when defined, status 1 (bash)" {
	ext_only
	sh_script '$x-f() { echo no; }; echo "a $?"
"q"f() { echo no; }; echo "b $?"
function $(echo g) { echo no; }; echo "c $?"
qf 2>/dev/null; echo "d $?"'
	out_is 'a 1
b 1
c 1
d 127'
	[[ $stderr == *"not a valid identifier"* ]]
}

@test "let and eval take name=(...) as one word: the list as text, then the rest of the word" {
	ext_only
	expect_sh 'let x=( 1 + 2 ) y=(1+2)*3 "z=(4)"; echo $x $y $z
let a[1]=(2+2); echo ${a[1]}
eval e=("a b" c); echo ${#e[@]} ${e[0]}
let w=(1
+ 1); echo $w' '3 9 4
4
3 a
2'
}
