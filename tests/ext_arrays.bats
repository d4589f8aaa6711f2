#!/usr/bin/env bats
# Indexed arrays (bash 5.2 is the reference; tests/run /bin/bash): literals,
# subscripts, "${a[@]}" with the rules of "$@", slices, element-wise
# operators, unset of elements, sparse and huge indices, errors.
load helpers/common

@test "a=(x y \"z w\"): elements, \${#a[@]}, \$a is \${a[0]}" {
	ext_only
	expect_sh 'a=(x y "z w"); printf "[%s]" "${a[@]}" "${#a[@]}" "${a[2]}" "$a"' '[x][y][z w][3][z w][x]'
}

@test "a=([3]=x [7]=y) and mixed literals continue after the last index" {
	ext_only
	expect_sh 'a=([3]=x [7]=y z); echo "${!a[@]}" / "${a[@]}"' '3 7 8 / x y z'
}

@test "a compound assignment may span lines and hold comments" {
	ext_only
	sh_script 'a=(one # first
	  two
	  "three four")
echo "${#a[@]}:${a[2]}"'
	out_is '3:three four'
	status_is 0
}

@test "subscripts are arithmetic: a[i+1]=v, \${a[i*2]}, \$i inside" {
	ext_only
	expect_sh 'i=1; a[i+1]=two; a[$i]=one; echo "${a[i*2]} ${a[1]} ${#a[@]}"' 'two one 2'
}

@test "negative subscripts count from the end" {
	ext_only
	expect_sh 'a=(1 2 3 4); a[-1]=last; echo "${a[-1]} ${a[-4]} ${a[@]}"' 'last 1 1 2 3 last'
}

@test "a negative subscript before the start is an error" {
	ext_only
	sh_c 'a=(1 2); echo "${a[-3]}"; echo next'
	[ "$status" -ne 0 ] || [ "${lines[0]}" != "" ]
	[[ $stderr == *"bad array subscript"* ]]
}

@test "\"\${a[@]}\" gives one field per element, joined to the text around it" {
	ext_only
	expect_sh 'a=("a b" c); printf "<%s>" "x${a[@]}y"; echo; printf "<%s>" x"${a[@]}"' '<xa b><cy>
<xa b><c>'
}

@test "\"\${a[@]}\" of an empty array gives no field; \"\${a[*]}\" one empty field" {
	ext_only
	expect_sh 'a=(); set -- "${a[@]}"; echo $#; set -- "${a[*]}"; echo $#' '0
1'
}

@test "\"\${a[*]}\" joins with the first character of IFS" {
	ext_only
	expect_sh 'a=(x y z); IFS=:-; echo "${a[*]}"; IFS=; echo "${a[*]}"' 'x:y:z
xyz'
}

@test "unquoted \${a[@]} splits each element and globs" {
	ext_only
	expect_sh 'a=("p q" r); printf "<%s>" ${a[@]}; touch f1 f2; b=("f*"); echo; echo ${b[@]}' '<p><q><r>
f1 f2'
}

@test "for x in \"\${a[@]}\" walks the elements" {
	ext_only
	expect_sh 'a=(1 "2 3" 4); for x in "${a[@]}"; do printf "(%s)" "$x"; done' '(1)(2 3)(4)'
}

@test "\${#a[i]} is the length of one element" {
	ext_only
	expect_sh 'a=(abc de); echo ${#a[0]} ${#a[1]} ${#a[5]}' '3 2 0'
}

@test "\${!a[@]} lists the indices of a sparse array in order" {
	ext_only
	expect_sh 'a[10]=x; a[2]=y; a[5]=z; echo "${!a[@]}" "${a[@]}"' '2 5 10 y z x'
}

@test "a[i]+=v appends to an element, a+=(...) after the highest index" {
	ext_only
	expect_sh 'a=(x [5]=y); a[0]+=1; a+=(n m); declare -p a' 'declare -a a=([0]="x1" [5]="y" [6]="n" [7]="m")'
}

@test "x+=str appends to a scalar, and to element 0 of an array" {
	ext_only
	expect_sh 'x=ab; x+=cd; a=(p q); a+=r; echo $x "${a[@]}"' 'abcd pr q'
}

@test "a=(\"\${a[@]}\" x) sees the old elements" {
	ext_only
	expect_sh 'a=(1 2); a=(0 "${a[@]}" 3); echo "${a[@]}"' '0 1 2 3'
}

@test "\${a[@]:off:len} slices by index" {
	ext_only
	expect_sh 'a=(a b c d e); echo "${a[@]:1:2}" / "${a[@]:3}" / "${a[@]: -2}" / "${a[*]:0:1}"' 'b c / d e / d e / a'
}

@test "slices of a sparse array start at the first index >= off" {
	ext_only
	expect_sh 'a=([1]=a [5]=b [9]=c); echo "${a[@]:2}" / "${a[@]:5:1}"' 'b c / b'
}

@test "pattern removal applies to each element" {
	ext_only
	expect_sh 'a=(file.c main.c x.h); echo "${a[@]%.c}" / "${a[@]#*.}" / "${a[*]##f*}"' 'file main x.h / c c h /  main.c x.h'
}

@test "\${a[@]-w} and \${a[@]:+w} test whether the array has elements" {
	ext_only
	expect_sh 'e=(); a=(x); echo "${e[@]-none}" "${a[@]-none}" "${a[@]:+set}" "[${e[@]:+set}]"' 'none x set []'
}

@test "unset 'a[i]' removes one element, unset a the whole array" {
	ext_only
	expect_sh 'a=(1 2 3 4); unset "a[1]"; echo "${!a[@]}"; unset a; echo "${#a[@]}[${a[@]}]"' '0 2 3
0[]'
}

@test "a huge index makes a sparse array without allocating" {
	ext_only
	expect_sh 'a[4611686018427387904]=big; a[3]=small; echo "${!a[@]}" "${a[4611686018427387904]}" ${#a[@]}' '3 4611686018427387904 big 2'
}

@test "arrays are not exported" {
	ext_only
	expect_sh 'a=(1 2); export a; env | grep -c "^a=" || true' '0'
}

@test "an array element in arithmetic-free contexts: case, [ ], here-string of a value" {
	ext_only
	expect_sh 'a=(x yes); case ${a[1]} in yes) echo ok;; esac; [ "${a[0]}" = x ] && echo ok2' 'ok
ok2'
}

@test "a[ with no closing bracket is a syntax error" {
	ext_only
	sh_c 'a[1=x'
	[ "$status" -eq 2 ]
	err_nonempty
}

@test "\${a[@] unterminated is a syntax error" {
	ext_only
	sh_c 'echo ${a[@]'
	[ "$status" -ne 0 ]
	err_nonempty
}

@test "a list assignment to an element is an error" {
	ext_only
	sh_c 'a[1]=(x); echo after'
	[ "$status" -ne 0 ] || [[ $output != *after* ]] || [ -n "$stderr" ]
	err_nonempty
}

@test "assigning to an element of a read-only array fails" {
	ext_only
	sh_c 'readonly -a r=(1 2); r[0]=x; echo "not reached"'
	[ "$status" -ne 0 ]
	[[ $output != *"not reached"* ]]
	err_nonempty
}

@test "local arrays are scoped to their function" {
	ext_only
	expect_sh 'a=(g); f() { local -a a=(l1 l2); a+=(l3); echo "${a[@]}"; }; f; echo "${a[@]}"' 'l1 l2 l3
g'
}

@test "set lists arrays in the compound form" {
	ext_only
	expect_sh 'arr=(x "y z"); set | grep "^arr="' 'arr=([0]="x" [1]="y z")'
}

@test "\${a[@]@K} is one word of index \"value\" pairs, \${a[@]@k} separate words" {
	ext_only
	expect_sh 'a=(1 "2 3"); printf "<%s>" "${a[@]@K}"; echo; printf "<%s>" "${a[@]@k}"; echo; echo "${a[1]@K}"' '<0 "1" 1 "2 3">
<0><1><1><2 3>
'"'2 3'"
}

@test "blanks inside the subscript of an assignment word: a[i + 1]=v (bash)" {
	ext_only
	expect_sh 'i=1; a[i + 1]=x a[ 0 ]=y; a[ i * 3 ]+=z; echo "${!a[@]} / ${a[@]}"' '0 2 3 / y x z'
}

@test "a[5 + 3] alone is one command word; an unclosed a[5 + is a syntax error" {
	ext_only
	sh_c 'a[5 + 3] 2>/dev/null; echo "st=$?"; a[1 + 1]= echo "b[0 + 1]=w"'
	out_is 'st=127
b[0 + 1]=w'
	sh_c 'a[5 +'
	status_is 2
}

@test "[k]+=v inside a compound assignment appends to that element" {
	ext_only
	expect_sh 'h=3; a=([h]=1 [h]+=2 5); a+=([h]+=:x); declare -p a' 'declare -a a=([3]="12:x" [4]="5")'
}

@test "\${!a[i]}: the element's value names the variable (bash)" {
	ext_only
	expect_sh 'v1=hello v2=world; a=(v1 v2 "a[1]"); echo "${!a[0]} ${!a[1]} ${!a[1]:0:3} ${!a[2]}"' 'hello world wor v2'
}

@test "\${!a} of an array without element 0 is empty, not an error (bash)" {
	ext_only
	expect_sh 'declare -A m=([x]=1); c=([1]=2); echo "[${!m}] [${!c-d}]"' '[] [d]'
}

@test "a bad subscript in an assignment abandons the line, the script goes on with status 1 (bash)" {
	ext_only
	sh_script 'a=(1); a[-3]=x; echo same line
echo "next $? ${#a[@]}"
b[1+]=2
echo "then $?"'
	out_is 'next 1 1
then 1'
	status_is 0
}

@test "a[i]=v before a command is reported and left out; a=(...) before one is the text (w ...)" {
	ext_only
	sh_c 'f() { echo "f[${b[*]}][$B]"; }; b[0]=2 printenv b; echo "st=$?"; a=1 b[i+1]=3 c=3 printenv a b c; b[1]=3 f; x=X; B=(a "b  c" $x [1]=2) printenv B; B=(q) f; B=() printenv B; echo "[${b[*]}][$B]"'
	out_is 'st=1
1
3
f[][]
(a b  c X [1]=2)
f[][(q)]
()
[][]'
	[[ ${stderr_lines[0]} == *"\`b[0]': not a valid identifier" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[1]} == *"\`b[i+1]': not a valid identifier" ]] || { _show_run; return 1; }
	[ "${#stderr_lines[@]}" = 3 ] || { _show_run; return 1; }
}
