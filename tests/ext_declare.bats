#!/usr/bin/env bats
# declare/local scoping, namerefs and names given as data (bash 5.2 is the
# reference; tests/run /bin/bash): local starts unset, unset of a caller's
# local uncovers the outer variable (bash-completion's _upvars), namerefs
# to arrays and elements, ${!ref} of subscripts, printf -v / read into
# elements, ${a[i]=x}.
load helpers/common

@test "local x starts unset (bash), not with the outer value" {
	ext_only
	expect_sh 'x=1; f() { local x; echo "${x-unset}"; x=2; }; f; echo "$x"' 'unset
1'
}

@test "unset of a caller's local uncovers the variable it shadowed" {
	ext_only
	expect_sh 'x=global; g() { unset -v x; x=fromg; }
f() { local x=f; g; echo "in f: $x"; }; f; echo "after: $x"' 'in f: fromg
after: fromg'
}

@test "unset of the running function's local leaves it local and unset" {
	ext_only
	expect_sh 'y=g; h() { local y=1; unset y; echo "h: ${y-unset}"; y=2; }; h; echo "y=$y"' 'h: unset
y=g'
}

@test "an _upvars-style helper assigns to its caller's caller" {
	ext_only
	expect_sh 'up() { unset -v "$1" && eval $1=\"\$2\"; }
mid() { local r; up r value; echo "mid: ${r-unset}"; }
top() { local r=old; mid; echo "top: $r"; }; top' 'mid: value
top: value'
}

@test "an unset global is gone for declare -p" {
	ext_only
	sh_c 'x=1; unset x; declare -p x; echo "st=$?"'
	out_is 'st=1'
}

@test "\${!ref} where ref names an element or a whole array" {
	ext_only
	expect_sh 'a=(1 2 3); r="a[1+1]"; echo "${!r}"; r="a[-1]"; echo "${!r}"; r="a[@]"; echo "${!r/2/X}"; r="a[*]"; echo "${!r}"; unset x; r="x[0]"; echo "${!r-unset}"' '3
3
1 X 3
1 2 3
unset'
}

@test "\${!ref} of an associative element expands the key once, quotes removed" {
	ext_only
	expect_sh 'declare -A m=(["a b"]=v [z]=5); r="m[\"a b\"]"; echo "${!r}"; k=z; r="m[\$k]"; echo "${!r}"' 'v
5'
}

@test "\${!ref} with a bad name is an error" {
	ext_only
	sh_c 'r="a[1"; echo "${!r}"'
	status_nonzero
	err_nonempty
}

@test "printf -v and read assign to array elements" {
	ext_only
	expect_sh 'declare -A m; k=x; printf -v "m[\$k]" %s v; a=(); i=2; printf -v "a[i+1]" %s w; read "a[5]" <<< hi; read -r "m[\$k y]" <<< z; declare -p a; echo "${m[x]} ${m[x y]}"' 'declare -a a=([3]="w" [5]="hi")
v z'
}

@test "read spreads fields over plain names and elements" {
	ext_only
	expect_sh 'read x "a[9]" <<< "1 2 3"; echo "$x|${a[9]}"' '1|2 3'
}

@test "printf -v with an empty result sets the variable to empty" {
	ext_only
	expect_sh 'printf -v e ""; declare -p e' 'declare -- e=""'
}

@test "\${a[i]=x} and \${a[i]:=x} assign to element i" {
	ext_only
	expect_sh 'a=(x y z); : ${a[2]=q} ${a[5]=five}; declare -p a; unset a; : "${a[3]:=x}"; declare -p a; declare -A m; : "${m[k]:=v}" "${m[k]:=w}"; declare -p m' 'declare -a a=([0]="x" [1]="y" [2]="z" [5]="five")
declare -a a=([3]="x")
declare -A m=([k]="v" )'
}

@test "m=w on an empty associative array sets key 0" {
	ext_only
	expect_sh 'declare -A m; m=w; declare -p m; declare -A n; n+=z; declare -p n' 'declare -A m=([0]="w" )
declare -A n=([0]="z" )'
}

@test "a nameref to an array: elements, length, and \${!ref} is the name" {
	ext_only
	expect_sh 'declare -n r=arr; arr=(1 2); r[1]=X; declare -p arr; echo "${r[@]}" "${#r[@]}" "${!r}"' 'declare -a arr=([0]="1" [1]="X")
1 X 2 arr'
}

@test "a nameref to an element; its subscript is evaluated at each use" {
	ext_only
	expect_sh 'arr=(a b); declare -n e="arr[0]"; e=Y; echo "${arr[0]} $e"; i=1; declare -n f="arr[i]"; echo "$f"; i=0; echo "$f"' 'Y Y
b
Y'
}

@test "namerefs as function parameters: scalars, arrays, associative arrays" {
	ext_only
	expect_sh 'f() { local -n out=$1; out=done; }; f result; echo "$result"
g() { local -n arr_=$1; arr_+=(new); }; list=(old); g list; echo "${list[@]}"
h() { local -n m_=$1; m_[k]=v; }; declare -A mm; h mm; declare -p mm' 'done
old new
declare -A mm=([k]="v" )'
}

@test "a nameref loop warns and expands to nothing" {
	ext_only
	sh_c 'declare -n l1=l2; declare -n l2=l1; echo "${l1-x}"'
	out_is 'x'
	err_nonempty
}

@test "unset -n removes the nameref, plain unset its target" {
	ext_only
	expect_sh 'arr=(1); declare -n r=arr; unset -n r; declare -p arr; declare -p r 2>/dev/null || echo "no r"; declare -n q=arr; unset q; declare -p arr 2>/dev/null || echo "no arr"; declare -p q' 'declare -a arr=([0]="1")
no r
no arr
declare -n q="arr"'
}

@test "declare -n on a value that is no name is an error" {
	ext_only
	sh_c 'x=1; declare -n x; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "a nameref for-loop variable names each word in turn" {
	ext_only
	expect_sh 'declare -n dyn; for dyn in x1 x2; do dyn=val; done; echo "$x1 $x2"' 'val val'
}

@test "a negative subscript out of range: message, empty, not fatal" {
	ext_only
	sh_c 'a=(1 2); echo "[${a[-5]}]"; echo "st=$?"'
	out_is '[]
st=0'
	err_nonempty
}

@test "unset of an element out of range: message and status 1, not fatal" {
	ext_only
	sh_c 'a=(1); unset "a[-7]"; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "local and local -p list the running function's locals, sorted" {
	ext_only
	expect_sh 'x=g; f() { local b=2 a="x y" c; local -a d=(1); local; echo -; local -p; }; f' 'declare -- a="x y"
declare -- b="2"
declare -- c
declare -a d=([0]="1")
-
declare -- a="x y"
declare -- b="2"
declare -- c
declare -a d=([0]="1")'
}

@test "declare alone lists scalars quoted only where needed, as bash's set does" {
	ext_only
	sh_c "p='a b' q=1 r= s='a*' t=a~b u=\$'x\\ny' v=(1 'w z'); declare | grep -E '^[pqrstuv]='"
	out_is "p='a b'
q=1
r=
s='a*'
t=a~b
u=\$'x\\ny'
v=([0]=\"1\" [1]=\"w z\")"
}

@test "readonly a[1]=v and export a[1]=v: not a valid identifier, status 1, the script goes on" {
	ext_only
	sh_c 'readonly b[7]=8; echo "st=$? ${#b[@]}"; export a[1]=2; echo "st=$? ${#a[@]}"'
	out_is 'st=1 0
st=1 0'
	err_nonempty
}

@test "local v in a function called as v=x f starts with x; otherwise unset (bash)" {
	ext_only
	expect_sh 'v=global; f1() { local v; echo "${v-unset}"; }; f2() { f1; }; f3() { local v=mine; f1; }
f1; v=temp f1; v=temp f2; f3; echo "$v"' 'unset
temp
temp
unset
global'
}

@test "declare +a 'x=(2 3)': with +a the text stays a string (bash)" {
	ext_only
	expect_sh "declare +a 'x=(2 3)'; declare -a 'y=(4 5)'; echo \"\$x|\${y[1]}\"" '(2 3)|5'
}

@test "local -p NAME lists only a variable of this function (bash: not found, status 1)" {
	ext_only
	sh_script 'g=1
f() { local l=2; local -p l; local -p g; echo "st $?"; }
f'
	out_is 'declare -- l="2"
st 1'
	[[ $stderr == *"local: g: not found"* ]] || { _show_run; return 1; }
}

@test "assigning through a circular nameref: a warning, status 1, the line abandoned (bash)" {
	ext_only
	sh_script 'typeset -n r1=r2
typeset -n r2=r1
r1=z; echo same-line
echo "next $?"'
	out_is 'next 1'
	[[ $stderr == *"r1: circular name reference"* ]] || { _show_run; return 1; }
}

@test "unset of a v=x prefix inside the function shows the hidden value again, which later assignments then change (bash)" {
	ext_only
	sh_c 'f() { unset x; echo "1[$x]"; unset x; echo "2[$x]"; }; x=g; x=t f; echo "3[$x]"
h() { unset y; echo "h[${y-unset}]"; y=new; }; y=t h; echo "y[$y]"
g() { unset z; echo "g[$z]"; }; k() { local z=L; z=t g; echo "k[$z]"; }; z=G; k
w=g; w=t eval '\''unset w; echo "e[$w]"'\''; echo "w[$w]"'
	out_is '1[g]
2[]
3[]
h[unset]
y[new]
g[L]
k[L]
e[g]
w[g]'
}

@test "readonly -f and declare -fr make a function read-only: no new body, no unset, listed with declare -fr (bash)" {
	ext_only
	sh_c 'f() { echo one; }; g() { :; }; readonly -f f; echo "a $?"; f() { echo two; }; echo "b $?"; eval "f() { :; }"; echo "c $?"; f; unset -f f; echo "d $?"; unset f; echo "e $?"
readonly -f nosuch; echo "f $?"; declare -frx g; declare -F | grep -v bats; readonly -f | grep -c "^declare"; readonly -pf g >/dev/null; echo "g $?"'
	out_is 'a 0
b 1
c 1
one
d 1
e 1
f 1
declare -fr f
declare -frx g
2
g 0'
	[[ ${stderr_lines[0]} == *"f: readonly function" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[2]} == *"unset: f: cannot unset: readonly function" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[4]} == *"readonly: nosuch: not a function" ]] || { _show_run; return 1; }
}

@test "shopt -s localvar_inherit: a local starts with the value and attributes of the variable it hides (bash)" {
	ext_only
	sh_c 'shopt -s localvar_inherit; x=1; declare -i n=5; a=(1 2); export e=E; r=x; declare -n nr=r
f() { local x n a e nr y; echo "[$x][$n][${a[*]}][$e][${y-unset}]"; n=2+3; a[5]=z; declare -p n a e nr; printenv e; }; f; echo "[$x][${a[*]}]"
shopt -u localvar_inherit; g() { local x; echo "[${x-unset}]"; }; g'
	out_is '[1][5][1 2][E][unset]
declare -i n="5"
declare -a a=([0]="1" [1]="2" [5]="z")
declare -x e="E"
declare -- nr="r"
E
[1][1 2]
[unset]'
}

@test "a nameref that names nothing yet becomes the array assigned to it, with a warning; declare -a quietly (bash)" {
	ext_only
	sh_c 'declare -n r; r=(a b); declare -p r; declare -n u; read -a u <<< "p q"; declare -p u; declare -n s; declare -a s; declare -p s; x=X; declare -n t=x; t=(1 2); declare -p t x'
	out_is 'declare -a r=([0]="a" [1]="b")
declare -a u=([0]="p" [1]="q")
declare -a s
declare -n t="x"
declare -a x=([0]="1" [1]="2")'
	[[ ${stderr_lines[0]} == *"warning: r: removing nameref attribute" ]] || { _show_run; return 1; }
	[ "${#stderr_lines[@]}" = 2 ] || { _show_run; return 1; }
}

@test "declare -nx exports the nameref itself as NAME=target; export NAME exports the target (bash)" {
	ext_only
	sh_c 'x=foo; declare -n -x ref=x; printenv ref; printenv x || echo "no x"; y=1; declare -n r2=y; export r2; printenv r2 || echo "no r2"; printenv y; set -a; w=1; declare -n r4=w; printenv r4'
	out_is 'x
no x
no r2
1
w'
}

@test "ref[i]=v through a nameref to an element is not a valid identifier; the element keeps its value (bash)" {
	ext_only
	sh_c 'array=(X Y Z)
typeset -n ref="array[0]"
ref[0]=foo
echo "status=$?"
echo "${array[@]}"
ref=bar
echo "${array[@]}"'
	out_is 'status=1
X Y Z
bar Y Z'
	[[ $stderr == *"\`array[0]': not a valid identifier" ]] || { _show_run; return 1; }
}

@test "declare -ul: -u and -l together give neither, and clear the one a variable had (bash)" {
	ext_only
	sh_c 'declare -ul u=aB; declare -p u; declare -l v=Ab; declare -ul v; v=Cd; declare -p v; declare -il x=5; declare -p x'
	out_is 'declare -- u="aB"
declare -- v="Cd"
declare -il x="5"'
}
