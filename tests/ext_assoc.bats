#!/usr/bin/env bats
# Associative arrays (bash 5.2 is the reference; tests/run /bin/bash):
# literals, keys taken literally, +=, unset and -v of keys, arithmetic on
# elements, attributes, local, and a large table. Keys are listed in
# bash's hash order (the last tests); most tests sort anyway.
load helpers/common

@test "declare -A m=(...): count, keys with spaces" {
	ext_only
	expect_sh 'declare -A m=([one]=1 [two]=2 ["with space"]=3); echo "${#m[@]} ${m[one]} ${m[with space]}"' '3 1 3'
}

@test "unset 'm[k]', [[ -v m[k] ]] and test -v 'm[k]'" {
	ext_only
	expect_sh 'declare -A m=([one]=1 [two]=2); m[three]=3; unset "m[one]"; echo "${#m[@]}"; [[ -v m[two] ]] && echo has-two; [[ -v m[one] ]] || echo no-one; test -v "m[three]" && echo test-v' '2
has-two
no-one
test-v'
}

@test "a key from a variable, and += on an element" {
	ext_only
	expect_sh 'declare -A m; k="with space"; m[$k]=3; m[$k]+=x; echo "${m[$k]}"' '3x'
}

@test "\${!m[@]} lists the keys" {
	ext_only
	expect_sh 'declare -A n; n[a]=1; n[b]=2; for key in "${!n[@]}"; do echo "$key=${n[$key]}"; done | sort' 'a=1
b=2'
}

@test "(( c[\$w]++ )) counts words" {
	ext_only
	expect_sh 'declare -A c; for w in a b a c a b; do (( c[$w]++ )); done; for k in a b c; do echo "$k:${c[$k]}"; done' 'a:3
b:2
c:1'
}

@test "m=(...) replaces every element, m+=(...) adds" {
	ext_only
	expect_sh 'declare -A q=([x]=1); q=([y]=2); declare -p q; declare -A z=([k]=v); z+=([k2]=v2); echo "${#z[@]}"' 'declare -A q=([y]="2" )
2'
}

@test "an empty associative array: no elements, a missing key is empty" {
	ext_only
	expect_sh 'declare -A e; echo "${#e[@]}" "[${e[nokey]}]"' '0 []'
}

@test "keys * and @ are ordinary keys" {
	ext_only
	expect_sh 'declare -A u; u[*]=star; u[@]=at; printf "%s\n" "${u[@]}" | sort' 'at
star'
}

@test "declare -p quotes keys that need it" {
	ext_only
	expect_sh "declare -A sp=(['a b']='c d'); declare -p sp; declare -A s=([a]=1); declare -p s" 'declare -A sp=(["a b"]="c d" )
declare -A s=([a]="1" )'
}

@test "-u and -i apply to the elements" {
	ext_only
	expect_sh 'declare -A up; declare -u up; up[a]=hello; echo "${up[a]}"; declare -A ii; declare -i ii; ii[a]=1+2; echo "${ii[a]}"' 'HELLO
3'
}

@test "local -A is scoped to its function" {
	ext_only
	expect_sh 'f() { local -A loc=([in]=1); echo "${loc[in]}"; }; f; echo "[${loc[in]}]"' '1
[]'
}

@test "a thousand keys, then one removed" {
	ext_only
	expect_sh 'declare -A big; for ((i=0;i<1000;i++)); do big[k$i]=$i; done; echo "${#big[@]} ${big[k999]}"; unset "big[k5]"; echo "${#big[@]} [${big[k5]}]"' '1000 999
999 []'
}

@test "unset m removes the whole array" {
	ext_only
	sh_c 'declare -A m2; m2[a]=1; unset m2; declare -p m2; echo "st=$?"'
	out_is 'st=1'
}

@test "operators apply to every element" {
	ext_only
	expect_sh 'declare -A m4=([a]=x); echo "${m4[@]/x/y}" "${m4[a]^^}"' 'y X'
}

@test "declare -A on an indexed array is an error" {
	ext_only
	sh_c 'declare -a a; declare -A a; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "an empty key is a bad subscript" {
	ext_only
	sh_c 'declare -A z; z[]=1'
	status_nonzero
	err_nonempty
}

@test "\${m[@]@K} quotes keys that need it and ends with a space" {
	ext_only
	expect_sh 'declare -A m=(["a b"]="q\"\$"); printf "<%s>" "${m[@]@K}"; echo' '<"a b" "q\"\$" >'
}

@test "m[a b]=v: an unquoted key with blanks is one key (bash)" {
	ext_only
	expect_sh 'declare -A m; m[a b]=1; m[c  d]=2; m[a b]+=3; echo "${m[a b]}/${m["c  d"]}/${#m[@]}"' '13/2/2'
}

@test "\"\${m['k']}\": single quotes quote the key inside double quotes too" {
	ext_only
	expect_sh "declare -A m; m['a+1']=c; m[x]=1; echo \"\${m['a+1']}-\${m['x']}\"" 'c-1'
}

@test "m+=([k]=v) on an associative array declared without a value" {
	ext_only
	expect_sh 'declare -A m; m+=([x]=1); m+=([y]=2); echo "${m[x]}${m[y]} ${#m[@]}"' '12 2'
}

@test "m=([k]=v w): a word without a subscript after one with it is skipped with a message" {
	ext_only
	sh_c 'declare -A m; m=([j]=1 2 3); echo "st=$? ${!m[@]}=${m[j]}"'
	out_is 'st=0 j=1'
	err_nonempty
}

@test "unset, test -v and a nameref take m[\"k\"] and m[\$k] given as data (bash)" {
	ext_only
	expect_sh 'declare -A m=([K]=v [e]=); k=K; test -v "m[\$k]"; a=$?; test -v "m[\$k]x"; b=$?
unset -v "m[\"e\"]"; declare -n r="m[\$k]"; r=w; echo "$a$b ${!m[@]} ${m[K]}"; unset "m[\$(echo K)]"; echo "${#m[@]}"' '01 K w
0'
}

@test "arithmetic: a quoted key written in A['k'] loses its quotes (bash)" {
	ext_only
	expect_sh "declare -A A; A['x']=42; A['a b']=7
(( y = A['x'] + A['a b'] )); (( A['x']++ )); k=\"'x'\"
echo \$y \${A[x]} \$(( A['x'] )) \$(( A[\$k] ))" '49 43 43 0'
}

@test "\${!m[@]}, \${m[@]} and declare -p list the keys in bash's order" {
	ext_only
	expect_sh 'declare -A m; for k in a b c xx yy zz aa bb "x y" 1 10 -1 é; do m[$k]=v$k; done
echo "${!m[@]}"; unset "m[b]" "m[yy]"; m[b]=B; m[new]=n; echo "${!m[@]}"; echo "${m[@]}"
declare -A d=([one]=1 [two]=2 [three]=3); d+=([four]=4); declare -p d; e=(); f() { local -A l=([p]=1 [q]=2 [r]=3); echo "${!l[@]}"; }; f' '1 aa xx c b a zz -1 x y 10 bb yy é
1 aa xx c b a zz -1 new x y 10 bb é
v1 vaa vxx vc B va vzz v-1 n vx y v10 vbb vé
declare -A d=([four]="4" [two]="2" [three]="3" [one]="1" )
r q p'
}

@test "a large associative array: bash's order after its table grows (2048 keys and more)" {
	ext_only
	expect_sh 'declare -A m; for ((i = 0; i < 2100; i++)); do m[k$i]=$i; done
set -- "${!m[@]}"; echo "$# $1 $2 $3 ${2000} ${2100}"; unset "m[k7]"; m[k7]=x; set -- "${!m[@]}"; echo "$1 $2 ${2100}"' '2100 k1698 k1699 k1696 k739 k1048
k1698 k1699 k1048'
}

@test "m=() after the table grew keeps bash's grown table, and so its order" {
	ext_only
	expect_sh 'declare -A m; for k in $(seq 3000); do m[k$k]=1; done; m=([a]=1 [b]=2 [foo]=1 [hello]=1 [x1]=1 [x2]=1); echo "${!m[@]}"' 'hello x1 x2 b a foo'
}
