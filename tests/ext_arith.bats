#!/usr/bin/env bats
# bash extensions to arithmetic (src/arith.c) and the let builtin
# (builtins/let.c). Expected outputs are bash 5.2's (tests/run /bin/bash).
load helpers/common

@test "** is exponentiation, right to left" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo $((2**10)) $((2**3**2)) $((-2**2)) $((2*3**2)) $((2**0)) $((0**0)) $((7**1))' '1024 512 4 18 1 1 7' 0
}

@test "** wraps on overflow as in bash" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo $((2**62)) $((2**63)) $((2**64)) $((3**40))' '4611686018427387904 -9223372036854775808 0 -6289078614652622815' 0
}

@test "negative exponent is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'echo $((2**-1)); echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'exponent less than 0'* ]]
}

@test "base#digits constants" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo $((2#101)) $((8#17)) $((16#ff)) $((16#FF)) $((36#Zz)) $((36#zz))' '5 15 255 255 1295 1295' 0
}

@test "base#digits up to base 64" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo $((64#@_)) $((64#a)) $((64#A)) $((62#Z)) $((37#A))' '4031 10 36 61 36' 0
}

@test "10#08 is decimal" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=08; echo $((10#08)) $((10#$x + 1))' '8 9' 0
}

@test "invalid base is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'echo $((65#1)); echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'invalid arithmetic base'* ]]
}

@test "base 1 is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'echo $((1#1)); echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'invalid arithmetic base'* ]]
}

@test "digit too great for its base is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'echo $((2#102)); echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'value too great for base'* ]]
}

@test "hex and octal constants" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo $((0x1F)) $((0X10)) $((017)) $((0))' '31 16 15 0' 0
}

@test "pre and post increment and decrement" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'i=5; echo $((i++)) $i $((++i)) $((i--)) $((--i)) $i' '5 6 7 7 5 5' 0
}

@test "++ and -- on unset variables" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'unset u v; echo $((u++)) $u $((--v)) $v' '0 1 -1 -1' 0
}

@test "comma operator" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo $((1,2,3)) $((a=1, b=a+1, a+b)) $a $b' '3 3 1 2' 0
}

@test "variables holding expressions are evaluated recursively" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x='\''y+1'\'' y='\''z*2'\'' z=3; echo $((x)) $((x*2)) $((y))' '7 14 6' 0
}

@test "recursion without end is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'a=b b=a; echo $((a)); echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'recursion'* ]]
}

@test "division by zero is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'echo $((1/0)); echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'division'* ]]
}

@test "modulo zero is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'echo $((5%0)); echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'division'* ]]
}

@test "the minimum integer divided by -1 does not crash" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'm=$((-9223372036854775807-1)); echo $m $((m / -1)) $((m % -1)) $((m * -1))' '-9223372036854775808 -9223372036854775808 0 -9223372036854775808' 0
}

@test "division of a short-circuited operand is not an error" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo $((0 && 1/0)) $((1 || 1/0)) $((1 ? 2 : 1/0))' '0 1 2' 0
}

@test "assignment operators" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=5; echo $((x+=2)) $((x*=3)) $((x-=1)) $((x/=4)) $((x%=3)) $((x<<=4)) $((x>>=2)) $((x|=1)) $((x&=6)) $((x^=15))' '7 21 20 5 2 32 8 9 0 15' 0
}

@test "let evaluates each expression" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'let x=2 "y = x * 3" y++; echo $? $x $y' '0 2 7' 0
}

@test "let status: 1 when the last value is 0" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'let 0; echo $?; let 1 0; echo $?; let 0 1; echo $?; let x=0; echo $? $x' '1
1
0
1 0' 0
}

@test "let with a bad expression returns 1" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'let 1/0; echo $?; let "1 +"; echo $?' '1
1' 0
}

@test "let without operands returns 1" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'let; echo $?' '1' 0
}

# bash outside posix mode: an expansion error abandons the command line the
# shell read (its DISCARD) and the script goes on with $? 1
@test "a bad \$((...)) ends its line of a script, the next line runs" {
	ext_only
	sh_script 'echo $((1/0)); echo same line
echo next $?
f() { echo $((2/0)); echo in f; }
for i in 1 2; do f; echo in loop; done; echo same
echo after $?'
	out_is 'next 1
after 1'
	status_is 0
}

@test "the line is abandoned from -c and standard input too" {
	ext_only
	sh_c 'x=$((1+)); echo no
echo yes $?'
	out_is 'yes 1'
	sh_stdin 'a=(1 2); echo ${a[1/0]} no
echo yes $?'
	out_is 'yes 1'
}

@test "eval and . abandon only their own command after an expansion error" {
	ext_only
	printf 'echo $((1/0)); echo no\necho dot $?\n' > "$BATS_TEST_TMPDIR/dotted"
	sh_script 'eval "echo \$((1/0)); echo no
echo inner \$?"; echo outer $?
eval "echo \$((1/0))"; echo eval $?
. ./dotted; echo after $?'
	out_is 'inner 1
outer 0
eval 1
dot 1
after 0'
}

@test "a subshell or \$(...) with a bad \$((...)) exits with status 1" {
	ext_only
	sh_script '(echo $((1/0)); echo no); echo sub $?
x=$(echo $((1/0)); echo no); echo "cs [$x] $?"'
	out_is 'sub 1
cs [] 1'
}

@test "(( )), let and [[ -eq ]] with a bad expression fail without ending the line" {
	ext_only
	sh_script '(( 1/0 )); echo a $?; let 1/0; echo b $?; [[ 1 -eq 1/0 ]]; echo c $?'
	out_is 'a 1
b 1
c 1'
}

@test "set -u still exits a script from \$((...))" {
	ext_only
	sh_script 'set -u; echo $((nope + 1)); echo no
echo no'
	out_is ''
	[ "$status" -ne 0 ]
}

@test "\$[expr] is bash's old spelling of \$((expr))" {
	ext_only
	expect_sh 'a=(5 6 7); echo $[1 + 2] "$[3 * 4]" $[a[1]+a[2]] $[ $[1+1] ** 3 ] ${u:-$[9/3]}' '3 12 13 8 3'
	sh_c 'cat <<E
in a here-document: $[2*21]
E'
	out_is 'in a here-document: 42'
}

@test "\$[ is text in posix mode (dash; bash --posix still reads it)" {
	spsh_only
	run "$SPSH" --posix -c 'echo $[1 + 2]'
	[ "$output" = '$[1 + 2]' ]
}

@test "a bare 0x is 0 (bash); 0x with a bad digit is an error" {
	ext_only
	expect_sh 'echo $((0x)) $((0X + 1)) $((0x1f)); echo $((0xg)); echo no' '0 1 31' 1
}

@test "set -e does not exit on a bad \$((...)), which abandons the line (bash)" {
	ext_only
	sh_script 'set -e
echo $((1/0)); echo no
a=(1); echo ${a[1/0]}
echo "next $?"
s=abc; echo ${s:1/0}; echo no
echo "last $?"'
	out_is 'next 1
last 1'
	status_is 0
}

@test "an element before the start of an array in \$(( )) is reported and counts 0; the command goes on (bash)" {
	ext_only
	sh_c 'a=(1 2); echo $((a[-5])) "st=$?"; echo $((a[-5] + 3)); (( a[-5] )); echo "st=$?"'
	out_is '0 st=0
3
st=1'
	[[ ${stderr_lines[0]} == *"a: bad array subscript" ]] || { _show_run; return 1; }
}
