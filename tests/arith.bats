#!/usr/bin/env bats
# tests/arith.bats: arithmetic expansion $((...)), XCU 2.6.4.
# Tests without spsh_only must pass on any POSIX shell: every expected output
# was checked with SPSH=dash (and bash --posix, yash where noted). Tests marked
# spsh_only cover extensions (++, --, comma, recursive variables) checked
# against bash --posix, or spsh's own message wording.

load helpers/common

@test "precedence follows ISO C (XCU 2.6.4)" {
	expect_sh 'echo $((1+2*3)) $(((1+2)*3)) $((10-4-3)) $((100/10/5)) $((1<<2+1))' '7 9 3 2 8'
	expect_sh 'echo $((1<2==1)) $((3&1==1)) $((1|2^3)) $((6^3&1)) $((0||1&&0)) $((1||0&&0))' '1 1 1 7 0 1'
	expect_sh 'echo $((-2*-3)) $((!1+1)) $((~1*2)) $((2+3*4%5-6/2))' '6 1 -4 1'
}

@test "every binary operator" {
	expect_sh 'echo $((7*6)) $((7/2)) $((-7/2)) $((7%3)) $((-7%3)) $((1+2)) $((1-2))' '42 3 -3 1 -1 3 -1'
	expect_sh 'echo $((1<<4)) $((256>>4)) $((-16>>2))' '16 16 -4'
	expect_sh 'echo $((1<2)) $((2<1)) $((2<=2)) $((3>2)) $((2>=3)) $((2==2)) $((2!=2))' '1 0 1 1 0 1 0'
	expect_sh 'echo $((12&10)) $((12^10)) $((12|10))' '8 6 14'
	expect_sh 'echo $((1&&2)) $((1&&0)) $((0||0)) $((0||5))' '1 0 0 1'
}

@test "unary operators and parentheses" {
	expect_sh 'echo $((-5)) $((+5)) $((~0)) $((!0)) $((!7)) $((- -3)) $((((((1))))))' '-5 5 -1 1 0 3 1'
}

@test "conditional operator, nested right to left" {
	expect_sh 'echo $((1?10:20)) $((0?10:20)) $((1?2:0?3:4)) $((0?2:0?3:4)) $((0?1:2+3))' '10 20 2 4 5'
}

@test "decimal, octal and hexadecimal constants" {
	expect_sh 'echo $((010)) $((0x1f)) $((0XFF)) $((010+0x10)) $((0))' '8 31 255 24 0'
}

@test "whitespace and newlines inside the expression" {
	expect_sh 'echo $((  1 +
	2	*
3 ))' '7'
}

@test "variables by name and after parameter expansion" {
	expect_sh 'x=5; echo $((x+1)) $(($x+1)) $((x*x)) $((-x))' '6 6 25 -5'
	expect_sh 'unset u; e=; echo $((u+1)) $((e+1))' '1 1'
	# yash prints $((o)) as "010" (the value unchanged); $((o+1)) is 9 there too
	expect_sh 'n=-3 o=010; echo $((n*2)) $((o+1))' '-6 9'
}

@test "assignment operators store the result" {
	expect_sh 'x=5; echo $((x+=2)) $x' '7 7'
	expect_sh 'x=3; echo $((x-=1)) $((x*=6)) $((x/=4)) $((x%=2)) $x' '2 12 3 1 1'
	expect_sh 'x=1; echo $((x<<=4)) $((x>>=2)) $((x|=3)) $((x&=5)) $((x^=1)) $x' '16 4 7 5 4 4'
	expect_sh 'echo $((a=b=7)) $a $b' '7 7 7'
	expect_sh 'echo $(((c=4)+1)) $c' '5 4'
	expect_sh 'w="not a number"; echo $((w=2)) $w' '2 2'
}

@test "assignment in a \$((...)) persists in the shell" {
	expect_sh ': $((x=41)); : $((x+=1)); echo "$x"' '42'
}

@test "&& || ?: do not evaluate the other operand" {
	expect_sh 'x=1; echo $((0&&(x=5))) $x' '0 1'
	expect_sh 'x=1; echo $((1||(x=5))) $x' '1 1'
	expect_sh 'echo $((0&&1/0)) $((1||1%0)) $((1?1:1/0)) $((0?1/0:2))' '0 1 1 2'
	expect_sh 'x=1; echo $((1?2:(x=3))) $((0?(x=4):5)) $x' '2 5 1'
}

@test "signed long wraps around" {
	expect_sh 'echo $((9223372036854775807+1)) $((-9223372036854775807-2)) $((1<<63))' \
		'-9223372036854775808 9223372036854775807 -9223372036854775808'
}

@test "division by zero is an error and stops a non-interactive shell" {
	sh_c 'echo $((1/0)); echo after'
	status_nonzero
	err_nonempty
	[ -z "$output" ]
	sh_c 'x=0; echo $((5%x)); echo after'
	status_nonzero
	err_nonempty
	[ -z "$output" ]
}

@test "syntax errors give a message and a non-zero status" {
	local e
	# '08' is an invalid octal constant (ISO C); dash, bash, ksh reject it,
	# yash takes it as 8
	for e in '1 +' '(1 + 2' '1 + 2)' '1 2' '1 ? 2' '* 2' '08' '12abc' '1 = 2' 'x + 1 = 2'; do
		sh_c "echo \$(($e)); echo after"
		status_nonzero
		err_nonempty
		[ -z "$output" ]
	done
}

@test "assigning a read-only variable is an error" {
	sh_c 'readonly r=1; echo $((r=2)); echo after'
	status_nonzero
	err_nonempty
	[ -z "$output" ]
	expect_sh 'readonly r=1; echo $((r+1))' '2'
}

@test "arithmetic in other places: case, for, here-document" {
	expect_sh 'case $((2*3)) in 6) echo six;; esac' 'six'
	expect_sh 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); printf %s $i; done; echo' '123'
	expect_sh 'x=4; cat <<E
$((x*x))
E' '16'
	expect_sh 'echo "$((1+1))"' '2'
}

# ---- extensions and spsh's own wording ----

@test "++ and -- prefix and postfix (extension; bash, ksh)" {
	spsh_only
	expect_sh 'i=5; echo $((i++)) $i $((i--)) $i $((++i)) $((--i)) $i' '5 6 6 5 6 5 5'
	expect_sh 'echo $((j++ + ++j)) $j' '2 2'
	expect_sh 'echo $((1++2)) $((1--2)) $((--3))' '3 3 3'
}

@test "comma operator (extension; bash, ksh, mksh)" {
	spsh_only
	expect_sh 'echo $((a=1, b=a+1, a+b)) $a $b' '3 1 2'
}

@test "a variable holding an expression is evaluated (bash, ksh, mksh)" {
	spsh_only
	expect_sh 'x=4 y="x*2" z="y+1"; echo $((z)) $((y*10))' '9 80'
	expect_sh 'e=" 3 "; echo $((e+1))' '4'
}

@test "recursive variables give an error, not a crash" {
	spsh_only
	sh_c 'a=b b=a; echo $((a)); echo after'
	status_nonzero
	err_nonempty
	sh_c 's="s+1"; echo $((s))'
	status_nonzero
	err_nonempty
}

@test "LONG_MIN / -1 is LONG_MIN, as in bash (dash crashes)" {
	spsh_only
	expect_sh 'm=$((-9223372036854775807-1)); echo $((m/-1)) $((m%-1))' '-9223372036854775808 0'
}

@test "empty expression is 0 (bash, ksh, mksh)" {
	spsh_only
	expect_sh 'echo $(( )) $(( ))' '0 0'
}

@test "messages: spsh: arithmetic: ..." {
	spsh_only
	sh_c_posix 'echo $((1/0))'
	err_is 'spsh: arithmetic: division by zero'
	sh_c_posix 'echo $((1 +))'
	err_is "spsh: arithmetic: syntax error: '1 +'"
	# outside posix mode bash's words (ext_errors.bats)
}

@test "in posix mode an arithmetic error exits a script, not just its line" {
	# dash; spsh follows bash outside posix mode (ext_arith.bats)
	sh_script '(set -o posix) 2>/dev/null && set -o posix
echo before
echo $((1/0))
echo next'
	out_is 'before'
	status_is 2
	err_nonempty
}
