#!/usr/bin/env bats
# bash extensions to parameter expansion (src/param.c, src/expand.c):
# substrings, pattern substitution, case modification, transformations,
# indirection. Expected outputs are bash 5.2's (tests/run /bin/bash).
load helpers/common

@test "\${x:off} and \${x:off:len}" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=abcdef; printf '\''[%s]'\'' "${x:2}" "${x:2:3}" "${x:0:1}" "${x:1:0}" "${x:6}" "${x:7}" "${x::2}"' '[cdef][cde][a][][][][ab]' 0
}

@test "\${x:off:len} with negative offset and length" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=abcdef; printf '\''[%s]'\'' "${x: -2}" "${x:(-3):2}" "${x: -6}" "${x: -7}" "${x:1:-1}" "${x: -3:-1}" "${x:2:-4}"' '[ef][de][abcdef][][bcde][de][]' 0
}

@test "\${x:off:len}: offsets are arithmetic" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=abcdef i=2; printf '\''[%s]'\'' "${x:i}" "${x:i+1:i}" "${x:$i:1}" "${x:i*2}" "${x:1?2:3}"' '[cdef][de][c][ef][cdef]' 0
}

@test "\${x:off:len} counts UTF-8 characters" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 's=héllo_wörld; printf '\''[%s]'\'' "${s:1:1}" "${s:1:4}" "${s: -5}" "${s:7:1}" "${s: -1}" "${#s}"' '[é][éllo][wörld][ö][d][11]' 0
}

@test "\${s:i:1} walks a string character by character" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 's=aé€😀b; r=; i=0; while [ $i -lt ${#s} ]; do r="$r<${s:i:1}>"; i=$((i+1)); done; echo "$r"' '<a><é><€><😀><b>' 0
}

@test "\${s:i:1} sees a new value of the same length" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 's=abcd; a=${s:2:1}; s=wxyz; b=${s:2:1}; s=éxyz; c=${s:1:1}; echo $a$b$c' 'cyx' 0
}

@test "\${x:off:len} on an unset or empty variable" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'unset u; e=; printf '\''[%s]'\'' "${u:1}" "${e:0:2}" "${u: -1}"' '[][][]' 0
}

@test "\${@:off:len} selects positional parameters" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'set -- a b c d; printf '\''[%s]'\'' "${@:2}" "|" "${@:2:2}" "|" "${@: -1}" "|" "${@: -2:1}" "|" "${@:5}" "|" "${@:1:0}"' '[b][c][d][|][b][c][|][d][|][c][|][|]' 0
}

@test "\${@:0} starts with \$0" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'set -- a b; printf '\''[%s]'\'' "${@:0:1}" "${@:0}"' 'zero'
	out_is '[zero][zero][a][b]'
	status_is 0
}

@test "\${*:off:len} joins with IFS" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'set -- a b c d; IFS=:; printf '\''[%s]'\'' "${*:2:2}" ${*:3}; IFS=; printf '\''[%s]'\'' "${*:1:2}"' '[b:c][c][d][ab]' 0
}

@test "\${x/p/r} replaces the first, longest match" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=aXbXc; printf '\''[%s]'\'' "${x/X/-}" "${x/X*/-}" "${x/?/-}" "${x/[bc]/-}" "${x/nope/-}" "${x/X}"' '[a-bXc][a-][-XbXc][aX-Xc][aXbXc][abXc]' 0
}

@test "\${x//p/r} replaces every match" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=aXbXcX; printf '\''[%s]'\'' "${x//X/-}" "${x//X}" "${x//[a-c]/_}" "${x//?/.}" "${x//X*/-}"' '[a-b-c-][abc][_X_X_X][......][a-]' 0
}

@test "\${x/#p/r} and \${x/%p/r} are anchored" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=abcabc; printf '\''[%s]'\'' "${x/#a/-}" "${x/#b/-}" "${x/%c/-}" "${x/%b/-}" "${x/#a*b/-}" "${x/%b*/-}" "${x/#/<}" "${x/%/>}"' '[-bcabc][abcabc][abcab-][abcabc][-c][a-][<abcabc][abcabc>]' 0
}

@test "\${x/p/r}: quoted pattern characters are literal" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x='\''a*b?c'\''; printf '\''[%s]'\'' "${x/\*/-}" "${x/"?"/-}" ${x//[*?]/.} "${x/'\''*'\''/+}"' '[a-b?c][a*b-c][a.b.c][a+b?c]' 0
}

@test "\${x/p/r}: pattern and replacement are expanded" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=hello p=l r=L; printf '\''[%s]'\'' "${x/$p/$r}" "${x//$p/[$r]}" "${x/"$p"*/$(echo X)}" "${x/h/~}"' '[heLlo][he[L][L]o][heX][/rootello]' 0
}

@test "\${x/p/r}: & is the match under patsub_replacement" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=abc r='\''&'\''; printf '\''[%s]'\'' "${x/b/[&]}" "${x/b/[\&]}" "${x/b/['\''&'\'']}" "${x/b/$r}" "${x/b/"$r"}" "${x//[ac]/&&}"' '[a[b]c][a[&]c][a[&]c][abc][a&c][aabcc]' 0
}

@test "shopt -u patsub_replacement makes & literal" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=abc; shopt -u patsub_replacement; printf '\''[%s]'\'' "${x/b/[&]}" ${x/b/&}' '[a[&]c][a&c]' 0
}

@test "\${x/p/r} in and out of double quotes" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x='\''a b c'\''; printf '\''[%s]'\''  ${x// /-} "${x/ /}" ${x/b/x y}; printf '\''[%s]'\''  "${x/b/\\}" ${x/b/\\}' '[a-b-c][ab c][a][x][y][c][a \ c][a][\][c]' 0
}

@test "\${x//p/r} on UTF-8 text" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 's=héllo_wörld; printf '\''[%s]'\'' "${s//ö/o}" "${s/é/e}" "${s//[lo]/_}" "${s/#hé/H}" "${s/%ld/D}"' '[héllo_world][hello_wörld][hé____wör_d][Hllo_wörld][héllo_wörD]' 0
}

@test "\${x/p/r} on an empty or unset variable" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'e=; unset u; printf '\''[%s]'\'' "${e/*/X}" "${e//*/X}" "${e/#/X}" "${e//x/X}" "${u/x/X}" "${u/#/X}"' '[X][X][X][][][]' 0
}

@test "\${@/p/r} and \${*/p/r} work on each parameter" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'set -- ab "c b" bb; printf '\''[%s]'\'' "${@/b/X}" "|" "${*//b/Y}" "|" ${@/#b/Z}' '[aX][c X][Xb][|][aY c Y YY][|][ab][c][b][Zb]' 0
}

@test "\${x^} \${x^^} \${x,} \${x,,}" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=hello Y=WORLD; printf '\''[%s]'\'' "${x^}" "${x^^}" "${Y,}" "${Y,,}" "${x,}" "${Y^^}"' '[Hello][HELLO][wORLD][world][hello][WORLD]' 0
}

@test "case modification with a pattern" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=hello; printf '\''[%s]'\'' "${x^^[lo]}" "${x^[h]}" "${x^[e]}" "${x^^?}" "${x^^l*}"' '[heLLO][Hello][hello][HELLO][heLLo]' 0
}

@test "case modification of UTF-8 text" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=éléphant Y=ÉTÉ; printf '\''[%s]'\'' "${x^}" "${x^^}" "${Y,,}" "${Y,}"' '[Éléphant][ÉLÉPHANT][été][éTÉ]' 0
}

@test "case modification of \$@" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'set -- ab cd; printf '\''[%s]'\'' "${@^}" "${*^^}" "${@,,}"' '[Ab][Cd][AB CD][ab][cd]' 0
}

@test "\${x@U} \${x@u} \${x@L}" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x='\''hello World'\''; printf '\''[%s]'\'' "${x@U}" "${x@u}" "${x@L}"' '[HELLO WORLD][Hello World][hello world]' 0
}

@test "\${x@Q} quotes for re-input" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'a='\''it'\''"'\''"'\''s'\''; b='\''a b'\''; c=; d=$'\''tab\there'\''; e='\''x\y'\''; printf '\''[%s]'\'' "${a@Q}" "${b@Q}" "${c@Q}" "${d@Q}" "${e@Q}" "${u@Q}"' '['\''it'\''\'\'''\''s'\'']['\''a b'\'']['\'''\''][$'\''tab\there'\'']['\''x\y'\''][]' 0
}

@test "\${x@Q} output reads back as the same value" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'd=$'\''a\'\''b\nc\\d \001'\''; eval "e=${d@Q}"; [ "$d" = "$e" ] && echo same' 'same' 0
}

@test "\${x@E} expands backslash escapes" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x='\''a\tb\x41\101\u00e9|\\|\q'\''; printf '\''[%s]'\'' "${x@E}"' '[a	bAAé|\|\q]' 0
}

@test "\${x@P} expands as a prompt" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x='\''<\u> $((1+2))'\''; USER=me; printf '\''[%s]'\'' "${x@P}"' '[<root> 3]' 0
}

@test "\${x@A} and \${x@a}" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x='\''a b'\''; export y=1; readonly z=2; printf '\''[%s]'\'' "${x@A}" "${y@A}" "${z@A}" "${x@a}" "${y@a}" "${z@a}"' '[x='\''a b'\''][declare -x y='\''1'\''][declare -r z='\''2'\''][][x][r]' 0
}

@test "\${x@K} quotes a scalar" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x='\''a b'\''; printf '\''[%s]'\'' "${x@K}"' '['\''a b'\'']' 0
}

@test "\${@@Q} quotes each parameter" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'set -- '\''a b'\'' c; printf '\''[%s]'\'' "${@@Q}" "|" "${*@Q}"' '['\''a b'\'']['\''c'\''][|]['\''a b'\'' '\''c'\'']' 0
}

@test "\${!x} indirection" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=y y=value n=3; set -- a b c; printf '\''[%s]'\'' "${!x}" "${!x:1:2}" "${!x^^}" "${!x/a/A}" "${!x@Q}"; p=n; printf '\''[%s]'\'' "${!p}"; q=2; printf '\''[%s]'\'' "${!q}" "${!#}"' '[value][al][VALUE][vAlue]['\''value'\''][3][b][c]' 0
}

@test "\${!x} with a default" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=nope; unset nope; printf '\''[%s]'\'' "${!x-dflt}" "${!x:-d2}"; nope=set; printf '\''[%s]'\'' "${!x:+alt}"' '[dflt][d2][alt]' 0
}

@test "\${!prefix*} and \${!prefix@} list variable names" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'pre_a=1 pre_b=2 prx=3; printf '\''[%s]'\'' "${!pre_*}" "|" "${!pre_@}" "|" ${!pr*}; IFS=,; printf '\''[%s]'\'' "${!pre_*}"' '[pre_a pre_b][|][pre_a][pre_b][|][pre_a][pre_b][prx][pre_a,pre_b]' 0
}

@test "\${!} is still \$!" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'true & wait; [ "${!}" = "$!" ] && echo same' 'same' 0
}

@test "unknown transformation is a bad substitution" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'x=a; echo ${x@Z}; echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'bad substitution'* ]]
}

@test "empty offset is a bad substitution" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'x=a; echo ${x:}; echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'bad substitution'* ]]
}

@test "negative length past the offset is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'x=abc; echo ${x:2:-2}; echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'substring expression < 0'* ]]
}

@test "\${!x} of an unset variable is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'unset x; echo ${!x}; echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'invalid indirect expansion'* ]]
}

@test "\${!x} of a value that is not a name is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'x='\''a b'\''; echo ${!x}; echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'invalid variable name'* ]]
}

@test "division by zero in an offset is an error" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'x=abc; echo ${x:1/0}; echo not reached'
	out_is ''
	[ "$status" -ne 0 ]
	[[ $stderr == *'division'* ]]
}

@test "operators nest inside other operators" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=abcdef; y=; printf '\''[%s]'\'' "${y:-${x:1:2}}" "${x/${x:0:1}/A}" "${x:${#x}-2}"' '[bc][Abcdef][ef]' 0
}

@test "a word after an operator may contain } in quotes" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x=abc; printf '\''[%s]'\'' "${x/b/"}"}" "${x/b/\}}"' '[a}c][a}c]' 0
}

@test "\${x~} and \${x~~} swap the case of the first or every character" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x="aBc DeF"; y=éÀx; printf '\''[%s]'\'' "${x~}" "${x~~}" "${x~~[a-c]}" "${x~[b]}" "${y~~}" "${u~~}"; a=(ab Cd); set -- xY Zw; echo " ${a[@]~} ${@~~}"' '[ABc DeF][AbC dEf][ABC DeF][aBc DeF][ÉàX][] Ab cd Xy zW' 0
}

@test "\$'\\u' and \$'\\U' give the character in a UTF-8 locale, stay escapes in C" {
	ext_only
	LC_ALL=C.UTF-8 expect_sh "printf '[%s]' \$'\\u00e9' \$'\\U0001F600x' \$'\\u41' \$'\\uZ'" '[é][😀x][A][\uZ]' 0
	LC_ALL=C expect_sh "printf '[%s]' \$'\\u00e9' \$'\\U0001F600'" '[\u00E9][\U0001F600]' 0
}

@test "\$'...' in the word of \"\${x%word}\" and \"\${x:-word}\" is decoded" {
	ext_only
	expect_sh "x=abc; printf '[%s]' \"\${x%\$'b'*}\" \"\${u:-\$'a\\tb'}\" \"\${x/\$'\\x62'/Q}\" \"\$'x'\"" "[a][a	b][aQc][\$'x']" 0
}

@test "\${@%w} and \${*#w} remove from each positional parameter" {
	ext_only
	expect_sh 'set -- 1a "2 a" 3a; printf "<%s>" ${@%a} "${@%a}" "${*%a}" "${@#?}"; set --; printf "<%s>" "${@%a}"' '<1><2><3><1><2 ><3><1 2  3><a>< a><a><>' 0
}

@test "\${a[@]@A} and \${@@A} give the words that recreate the whole array" {
	ext_only
	expect_sh 'a=(x "y z"); declare -A E; declare -ar r=(1); b=1; set -- "p q" r; printf "[%s]" "${a[@]@A}" "${E[@]@A}" "${r[*]@A}" "${b[@]@A}" "${@@A}" "${1@A}"; echo; IFS=-; printf "[%s]" "${*@A}"; set --; printf "[%s]" "${@@A}" "${nosuch[@]@A}"' "[declare][-a][a=([0]=\"x\" [1]=\"y z\")][declare][-A][E][declare -ar r=([0]=\"1\")][b='1'][set][--]['p q']['r'][]
[set -- 'p q'-'r'][]" 0
}

@test "\${x@a} of a declared variable without a value still gives its attributes" {
	ext_only
	expect_sh 'declare -A A=([x]=y); a=(); declare -i n; echo "${A@a} ${a@a} ${n@a} [${nosuch@a}]"' 'A a i []' 0
}

@test "tilde after = and : in an argument that looks like name=value (bash, not posix mode)" {
	ext_only
	HOME=/h expect_sh 'echo x=~ a+=~/q b=x:~:~ if=~/f c=~"" d="~" --e=~ 1f=~; for i in x=~; do echo $i; done; a=(y=~ ~); echo "${a[@]}"; echo > f=~ 2>/dev/null || echo nodir; set -o posix; echo x=~' "x=/h a+=/h/q b=x:/h:/h if=/h/f c=~ d=~ --e=~ 1f=~
x=/h
y=~ /h
nodir
x=~"
}

@test "\${!prefix@} lists arrays too, assigned ones even when empty" {
	ext_only
	expect_sh 'aa=(1); ab=(); declare -a ac; declare -A ad=([k]=v); ag=1; declare ah; echo ${!a@}; unset ab; echo "${!a*}"' "$(printf 'aa ab ad ag\naa ad ag')"
}

@test "\${ref@A} of a nameref names the variable it refers to" {
	ext_only
	expect_sh 'x=abc; declare -n nr=x; echo "${nr@A}"; declare -i n=3; declare -n r2=n; echo "${r2@A}"' "$(printf "x='abc'\ndeclare -i n='3'")"
}

@test "\${x@E}: \\c\\\\ is control-backslash; \${x@P} in a script drops \\[ \\]" {
	ext_only
	expect_sh 'e='\''\c\\cz'\''; printf %s "${e@E}" | od -An -tx1; p='\''<\[x\]>'\''; echo "${p@P}"' "$(printf ' 1c 63 7a\n<x>')"
}

@test "\${x@E}: \\u and \\U a locale cannot encode keep bash's spelling" {
	ext_only
	# bash 5.2 with LC_ALL=C: \U0001F600 \u00E9 A
	run env LC_ALL=C "$SPSH" -c 'x="\U0001F600 \u00e9 \u41"; echo "${x@E}"'
	[ "$status" -eq 0 ]
	[ "$output" = '\U0001F600 \u00E9 A' ]
}

@test "\$@ and \${a[@]} where no splitting follows are joined by spaces whatever IFS (bash)" {
	ext_only
	expect_sh 'IFS=:; set -- x "y z"; a=(p "q r"); s="$@"; t=$@; u="${a[@]}"; v=${@:2}; echo "$s|$t|$u|$v"
case "$@" in "x y z") echo case;; esac; [[ "$@" == "x y z" ]] && echo cond
cat <<END
$@|${a[*]}
END
s="${a[@]#p}"; t="${!a[@]}"; u="${@/x/X}"; echo "$s|$t|$u"' 'x y z|x y z|p q r|y z
case
cond
x y z|p:q r
:q r|0:1|X:y z'
}

@test "tilde after ':' in the word of \${u:-w} in an assignment value (bash, not posix mode)" {
	ext_only
	expect_sh 'HOME=/h; a=${u:-b:~}; d=${a:+y:~}; echo $a $d ${u:-b:~}' 'b:/h y:/h b:~'
}

@test "\${#x} counts each byte that starts no valid character as one, as bash (UTF-8)" {
	ext_only
	export LC_ALL=C.UTF-8
	sh_c 'printf "abc\303\251\344\270\255\360\237\230\230z" >u8; for n in 4 5 7 9 11 12 13; do s=$(head -c $n u8); t=$s$(printf "\377\230"); printf "%s %s|" ${#s} ${#t}; done'
	out_is '4 6|4 6|6 8|6 8|8 10|6 8|7 9|'
}
