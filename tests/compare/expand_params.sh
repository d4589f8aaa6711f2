# parameter expansion forms (XCU 2.6.2), nested words, quoting in patterns
show() { printf '%s:' "$#"; printf '<%s>' "$@"; echo; }
unset u; n=; s=value; sp='a  b'
show "${u-d}" "${u:-d}" "${n-d}" "${n:-d}" "${s-d}" "${u+a}" "${n+a}" "${n:+a}"
show ${u-a  b} "${u-a  b}" ${u-'a  b'} ${u-"a  b"} ${sp-x} ${sp:+"$sp"} ${sp:+$sp}
show ${u:-${n:-${s}}} "${u:-${n:-"in ner"}}" ${u-${n-${s}}}
show "${u-\}}" ${u-\}} "${u-a\"b}" "${u-'q'}" ${u-'q'} "${u-\$}" "${u-\a}" ${u-\a}
show "a${s+b"c"d}e" "${s:+"$(echo  a   b)"}" ${s:+$(echo  a   b)}
unset a; show ${a=a  b} "$a"; unset a; show "${a=a  b}" $a; unset a; : ${a:='x y'}; show $a
set -- 1 2 3 4 5 6 7 8 9 10 11
show $# ${#} "${#}" $10 ${10} ${11} "${11}" ${12-none}
x=abc; show ${#x} ${#x}a "${#x}" ${#u} ${#n} ${#sp}
x=/usr/lib/foo.so.1
show ${x##*/} ${x#*/} ${x%/*} ${x%%/*} ${x%%.*} ${x%.*} ${x#*.} ${x##*.}
x=abcabc y=b
show ${x#*"$y"} ${x##*"$y"} ${x%"$y"*} ${x%%"$y"*} ${x#*$y} "${x%$y*}"
x='a*b' y='*'
show ${x#*"$y"} ${x#"$y"} ${x#$y} "${x%"*"b}" ${x%\*b} "${x%'*'b}"
x='a]b-c'
show ${x#*[]]} ${x%[a-]*} ${x%%[-a]*} ${x#[!]]} ${x%[]-]*} ${x##*[!a-c]}
x='[a]'; show ${x#[} ${x%]} ${x#\[} "${x#'['}" ${x#[[]} ${x%[]]}
x=aXb; show ${x#a?} ${x#a\X} ${x#"a?"} ${x%[[:upper:]]b} ${x#*[[:lower:]]}
x='a\b'; show "${x#a\\}" ${x%\\b} "${x%"\\b"}" ${x#*\\}
x='***'; show ${x#\*} ${x%"*"} ${x##*} ${x%%\*\*}
x=foo; show ${x#} ${x%} ${x#''} ${x%""} ${x#f*} ${x#$u}
x=foo; y='f*'; show ${x#$y} ${x#"$y"} "${x#$y}" "${x#"$y"}"
x=.hidden; show ${x#.} ${x#?} ${x%n}
x=aaa; show ${x#a} ${x##a} ${x#a*} ${x##a*} ${x%a*} ${x%%a*}
x='a b  c'; show ${x#a } "${x#a }" ${x%% *}
x=1; show "${x+\a}" "${x+\}}" ${x+\}}
: ${newvar:=assigned}; show "$newvar"
: ${n:=now}; show "$n"
show "$(echo a; echo)" $(printf 'a\n\n\n')x "$(printf '\n\na\n\n')" "`echo \`echo hi\``"
show $((1 + $(echo 2))) $((010)) $((0x10)) $((-3 % 2)) $((x=5)) $((x*2)) $x
