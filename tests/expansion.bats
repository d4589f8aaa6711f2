#!/usr/bin/env bats
# XCU 2.6 Word expansions. Expected outputs checked against dash (and
# bash --posix / yash where noted) and the standard.
load helpers/common

# ---- 2.6.2 parameter expansion: every ${} form ----

@test "\${p} and \$p" {
	expect_sh 'p=v; echo $p ${p} ${p}x $px.' 'v v vx .'
}

@test "\${p:-w} and \${p-w}: unset vs null" {
	expect_sh 'unset u; n=; s=set; echo "${u:-d1} ${u-d2} [${n:-d3}] [${n-d4}] ${s:-d5} ${s-d6}"' 'd1 d2 [d3] [] set set'
}

@test "\${p:=w} and \${p=w} assign" {
	expect_sh 'unset u; n=; echo "${u:=a1}" "$u"; echo "[${n=a2}]" "[$n]"; echo "${n:=a3}" "$n"' 'a1 a1
[] []
a3 a3'
}

@test "\${p:?w} and \${p?w}: error exits a non-interactive shell" {
	# XCU 2.8.1/2.8.2: exit with a status in 1..125 (dash 2, yash 2; bash
	# 127 for a -c string outside posix mode: ext_errors.bats)
	sh_c_posix 'n=; echo "[${n?ok}]"; echo "${n:?is empty}"; echo not reached'
	out_is '[]'
	status_1_125
	[[ $stderr == *"is empty"* ]]
	sh_c_posix 'unset u; : ${u?}; echo not reached'
	out_is ''
	status_1_125
	err_nonempty
}

@test "\${p:+w} and \${p+w}" {
	expect_sh 'unset u; n=; s=x; echo "[${u:+a}] [${u+b}] [${n:+c}] [${n+d}] [${s:+e}] [${s+f}]"' '[] [] [] [d] [e] [f]'
}

@test "\${#p}: length" {
	expect_sh 'p=hello; e=; echo ${#p} ${#e}; set -- a b c; echo ${#}' '5 0
3'
}

@test "\${p%w} \${p%%w}: suffix removal" {
	expect_sh 'p=file.tar.gz; echo ${p%.*} ${p%%.*} ${p%x} ${p%%*}.' 'file.tar file file.tar.gz .'
}

@test "\${p#w} \${p##w}: prefix removal" {
	expect_sh 'p=/usr/local/bin; echo ${p#*/} ${p##*/} ${p#x} "[${p##*}]"' 'usr/local/bin bin /usr/local/bin []'
}

@test "pattern removal: quoted pattern characters are literal" {
	expect_sh 'p="a*b*c"; echo "${p#"a*"}" ${p%\*c} "${p#a?}"' 'b*c a*b b*c'
}

@test "pattern removal: pattern from a variable" {
	expect_sh 'p=abcabc; q="b*"; echo ${p%$q} "${p%"$q"}"' 'abca abcabc'
}

@test "\${p:-w}: word is expanded only when used" {
	expect_sh 's=set; unset u; echo ${s:-$(echo no >&2; echo no)}; echo ${u:-$((1+1))}' 'set
2'
	err_empty
}

@test "\${p:-w}: word with spaces is split when unquoted" {
	expect_sh 'unset u; set -- ${u:-a b  c}; echo $#; set -- "${u:-a b  c}"; echo $#' '3
1'
}

@test "\${p:-w}: tilde in word is expanded" {
	expect_sh 'HOME=/hh; unset u; echo ${u:-~}' '/hh'
}

@test "\${x-\"\$@\"} keeps the fields of \$@" {
	# dash, bash --posix and yash: three fields a, b c, "" -> shown as [a][b c][]
	expect_sh 'unset x; set -- a "b c" ""; for i in ${x-"$@"}; do printf "[%s]" "$i"; done; echo' '[a][b c][]'
}

@test "nested \${ } in the word" {
	expect_sh 'unset a b; c=deep; echo ${a:-${b:-$c}}' 'deep'
}

@test "special parameters: \$# \$? \$\$ \$! \$- \$0" {
	sh_c 'echo $#; false; echo $?; test "$$" -gt 0 && echo pid; sleep 0 & test "$!" -gt 0 && echo bg; case $- in *f*) echo f;; esac' zero a b
	out_is '2
1
pid
bg'
	sh_c 'echo $0' myzero
	out_is 'myzero'
}

@test "\$\$ in a subshell is the parent shell's pid" {
	expect_sh 'a=$$; b=$(echo $$); (c=$$; [ $a = $c ] && echo same1); [ $a = $b ] && echo same2' 'same1
same2'
}

@test "positional parameters beyond 9 need braces" {
	expect_sh 'set -- 1 2 3 4 5 6 7 8 9 ten eleven; echo ${10} $10 ${11}' 'ten 10 eleven'
}

@test "set -u: unset variable is an error, \$@ and \${u-} are not" {
	sh_c_posix 'set -u; echo "[$@]" "${u-}"; echo $u; echo not reached'
	out_is '[] '
	status_1_125
	err_nonempty
}

# ---- $@ and $* ----

@test "\"\$@\" with no positional parameters gives no field" {
	expect_sh 'set --; set -- "$@"; echo $#; set -- x"$@"y; echo $# "$1"' '0
1 xy'
}

@test "\"\$@\" keeps each parameter as a field, with adjacent text" {
	expect_sh 'set -- "a b" "" c; for i in pre"$@"post; do printf "[%s]" "$i"; done; echo' '[prea b][][cpost]'
}

@test "unquoted \$@ and \$* are split and empty parameters disappear" {
	expect_sh 'set -- "a b" "" c; for i in $@; do printf "[%s]" "$i"; done; echo; for i in $*; do printf "[%s]" "$i"; done; echo' '[a][b][c]
[a][b][c]'
}

@test "\"\$*\" joins with the first character of IFS" {
	expect_sh 'set -- a "b c" d; IFS=:; echo "$*"; IFS=-+; echo "$*"' 'a:b c:d
a-b c-d'
}

@test "\"\$*\" with IFS empty joins with nothing" {
	expect_sh 'set -- a b c; IFS=; echo "$*"' 'abc'
}

@test "\"\$*\" with IFS unset joins with a space" {
	expect_sh 'set -- a b c; unset IFS; echo "$*"' 'a b c'
}

@test "\$* unquoted with IFS empty: each parameter one field" {
	# XCU 2.5.2: $* unquoted expands to the positional parameters as fields;
	# with IFS null they are not split further. dash, bash --posix, yash agree.
	expect_sh 'set -- "a b" c; IFS=; for i in $*; do printf "[%s]" "$i"; done; echo' '[a b][c]'
}

@test "\$@ in an assignment and in \${#@}-free contexts" {
	# In an assignment (no field splitting) "$@" and $* join with spaces
	# (unspecified for $@; dash and bash join with space), $* with IFS[0].
	expect_sh 'set -- a b; IFS=:; x=$*; echo "$x"' 'a:b'
}

@test "\$* in a here-document joins with IFS[0]" {
	# ($@ there is unspecified: dash and yash give a:b, bash a b; bash
	# --posix also joins $* with a space here, against XCU 2.5.2)
	expect_sh 'set -- a b; IFS=:; cat <<EOF
$* "$*"
EOF' 'a:b "a:b"'
}

@test "\"\$@\" in case word and redirection target" {
	expect_sh 'set -- one; case "$@" in one) echo m;; esac; echo x >"$@"; cat one' 'm
x'
}

@test "\$# after shift and set" {
	expect_sh 'set -- a b c; shift; echo $# $1; shift 2; echo $#' '2 b
0'
}

# ---- 2.6.5 field splitting ----

@test "IFS default: leading/trailing whitespace dropped, runs collapse" {
	expect_sh 'v="  a   b  "; set -- $v; echo $# "$1" "$2"' '2 a b'
}

@test "IFS=: with empty fields" {
	# Each non-whitespace IFS char delimits a field: a::b gives a "" b; a
	# trailing : does not make an empty final field.
	expect_sh 'IFS=:; v="a::b:"; set -- $v; echo $#; for i in "$@"; do printf "[%s]" "$i"; done; echo' '3
[a][][b]'
}

@test "IFS=: leading delimiter makes an empty first field" {
	expect_sh 'IFS=:; v=":a"; set -- $v; echo $#; printf "[%s]" "$@"; echo' '2
[][a]'
}

@test "IFS mixing whitespace and non-whitespace" {
	# " : " around a non-whitespace delimiter counts as one delimiter.
	expect_sh 'IFS=" :"; v=" a : b :: c "; set -- $v; echo $#; printf "[%s]" "$@"; echo' '4
[a][b][][c]'
}

@test "IFS empty: no splitting" {
	expect_sh 'IFS=; v="a b:c"; set -- $v; echo $#' '1'
}

@test "IFS unset: splitting as default" {
	expect_sh 'unset IFS; v=" a	b
c "; set -- $v; echo $#' '3'
}

@test "empty unquoted expansion produces no field, quoted one does" {
	expect_sh 'e=; set -- $e; echo $#; set -- "$e"; echo $#; set -- $e $e x; echo $#' '0
1
1'
}

@test "splitting applies only to expansion results, not literal text" {
	expect_sh 'IFS=o; v=foo; echo $v boo' 'f  boo'
}

@test "splitting of command substitution and arithmetic results" {
	expect_sh 'set -- $(echo "a  b"); echo $#; IFS=1; set -- $((515)); echo $# "$1" "$2"' '2
2 5 5'
}

@test "IFS changed within the same command does not split its own line" {
	expect_sh 'v="a:b"; IFS=: set -- $v; echo $#' '1'
}

# ---- 2.6.3 command substitution ----

@test "command substitution: \$( ) and backquotes, trailing newlines removed" {
	expect_sh 'x=$(printf "a\n\n\n"); y=`printf "b\n"`; echo "[$x][$y]"' '[a][b]'
}

@test "command substitution: inner newlines kept" {
	expect_sh 'x=$(printf "a\n\nb\n"); echo "$x"' 'a

b'
}

@test "command substitution: nested \$( )" {
	expect_sh 'echo $(echo $(echo $(echo deep)))' 'deep'
}

@test "command substitution: case with ) patterns inside \$( )" {
	expect_sh 'x=$(case a in a) echo one;; b) echo two;; esac); echo $x' 'one'
	expect_sh 'x=$(case b in (a) echo one;; (b) echo two;; esac); echo $x' 'two'
}

@test "command substitution: nested with case and quotes" {
	expect_sh 'echo "$(case "$(echo x)" in x) echo "got )";; esac)"' 'got )'
}

@test "command substitution: backquotes with escaped backquotes nest" {
	expect_sh 'echo `echo \`echo inner\``' 'inner'
}

@test "command substitution: backslash in backquotes" {
	# Inside backquotes, backslash keeps its meaning only before $ ` \
	# (\$ becomes $, expanded by the inner shell; \\ becomes \)
	expect_sh 'HOME=/h; echo `echo \$HOME`; printf "%s\n" `printf "%s" "a\\\\b"`; echo `echo \\\\$HOME`' '/h
a\b
\/h'
}

@test "command substitution: comments and parentheses inside \$( )" {
	expect_sh 'x=$(echo a # comment with )
echo b); echo $x' 'a b'
}

@test "command substitution: status of the last one in an assignment" {
	expect_sh 'x=$(exit 5); echo $?' '5'
}

@test "command substitution: runs in a subshell environment" {
	expect_sh 'v=1; x=$(v=2; echo $v); echo $v $x' '1 2'
}

@test "command substitution: exit inside does not exit the shell" {
	expect_sh 'x=$(exit 3; echo no); echo "[$x] $?"' '[] 3'
}

@test "command substitution: large output" {
	expect_sh 'x=$(seq 1 20000); echo ${#x}' '108893'
}

@test "command substitution: quoted result is not split or globbed" {
	: >"$BATS_TEST_TMPDIR/zz1"
	expect_sh 'set -- "$(echo "a  b *")"; echo $#; echo "$1"; set -- $(echo "z*"); echo $1' '1
a  b *
zz1'
}

@test "command substitution: here-doc inside \$( ) in double quotes" {
	expect_sh 'echo "$(cat <<EOF
h $((3+4))
EOF
)"' 'h 7'
}

# ---- 2.6.1 tilde ----

@test "tilde: ~ and ~/ use HOME" {
	expect_sh 'HOME=/my/home; echo ~ ~/x x~ "~"' '/my/home /my/home/x x~ ~'
}

@test "tilde: ~user uses the password database" {
	expect_sh 'echo ~root' "$(getent passwd root | cut -d: -f6)"
}

@test "tilde: in assignments after = and after :" {
	expect_sh 'HOME=/h; a=~/x; b=x:~/y:~; echo $a $b' '/h/x x:/h/y:/h'
}

@test "tilde: in an assignment, after a ':' that follows an expansion" {
	expect_sh 'HOME=/h; P=/bin; P=$P:~/bin; q=${P}x:~:"$HOME":~; echo $P $q' '/bin:/h/bin /bin:/h/binx:/h:/h:/h'
}

@test "tilde: result is not split" {
	expect_sh 'HOME="/a b"; set -- ~; echo $#' '1'
}

@test "tilde: not after = in an argument that only looks like an assignment" {
	expect_sh_posix 'HOME=/h; echo x=~ y=a:~/b if=~/f' 'x=~ y=a:~/b if=~/f'
}

@test "tilde: quoted part stops it" {
	expect_sh 'HOME=/h; echo ~"/x" ~/"x" \~' '~/x /h/x ~'
}

# ---- 2.6.6 pathname expansion, 2.6.7 quote removal ----

@test "pathname expansion: sorted matches; no match leaves the pattern" {
	touch "$BATS_TEST_TMPDIR/b1" "$BATS_TEST_TMPDIR/a1" "$BATS_TEST_TMPDIR/.h1"
	expect_sh 'echo *1; echo nomatch*; echo .*1' 'a1 b1
nomatch*
.h1'
}

@test "pathname expansion: set -f disables it" {
	touch "$BATS_TEST_TMPDIR/a1"
	expect_sh 'set -f; echo a*; set +f; echo a*' 'a*
a1'
}

@test "pathname expansion: applies to expansion results" {
	touch "$BATS_TEST_TMPDIR/a1"
	expect_sh 'p="a*"; echo $p "$p"' 'a1 a*'
}

@test "quote removal: quotes from expansions are not removed" {
	expect_sh "v='\"q\"'; echo \$v" '"q"'
}

# ---- arithmetic (just the interaction with expansion) ----

@test "arithmetic expansion: variables and nested expansion" {
	expect_sh 'x=3; y=4; echo $((x*y)) $(($x+$y)) $(( $(echo 2) * 5 ))' '12 7 10'
}

@test "expansion order: parameter result is not expanded again" {
	expect_sh 'a="\$b"; b=no; echo $a; c="\$(echo no)"; echo $c' '$b
$(echo no)'
}

# x="$x..." is appended in place (simple.c append_in_place): the same
# value as an assignment of the whole expansion
@test "x=\"\$x...\" and x=\$x...: the old value and the rest, also when the rest reads x or changes it" {
	expect_sh 'x=a; x="$x$x"; echo "1 $x"
x=a; x=$x:~; [ "$x" = "a:$HOME" ] && echo 2
x=a; y=b; x="$x-$y.${y}"; echo "3 $x"
x=a; x="$x"; x=$x; echo "4 $x"
x=a; x="$x$(echo c)"; echo "5 $x"
x=a; x="$x$((x=5))"; echo "6 $x"
x=a; set -- p q; x="$x$1$#"; echo "7 $x"
x=a; export x; x="$x.b"; sh -c '"'"'echo "8 $x"'"'"'
x=1; i=0; while [ $i -lt 100 ]; do x="$x$i"; i=$((i+1)); done; echo "9 ${#x}"
x=a; x=$x"b c"'"'"'d'"'"'; echo "10 $x"
x=abc; y=${x#a}; x="$x$y${x}"; echo "11 $x"
x=a; readonly x; (x="$x.b") 2>/dev/null || echo "12 $x"' '1 aa
2
3 a-b.b
4 a
5 ac
6 a5
7 ap2
8 a.b
9 191
10 ab cd
11 abcbcabc
12 a'
}
