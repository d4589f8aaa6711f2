# pathname expansion (XCU 2.6.6, 2.14): odd file names, brackets, quoting
show() { printf '%s:' "$#"; printf '<%s>' "$@"; echo; }
touch -- 'a b' "$(printf 'n\nl')" -x a1 a2 'b]' 'b-' '[x' .hid 'c*' 'd?' 'e\f'
mkdir -p dir/sub
touch dir/f1 dir/.f2 dir/sub/g
show *
show a* a? a[12] a[!1] a[[:digit:]] a[1-2] a[2-1]
show *' '* *"$(printf '\n')"* -* ?x
show b[]] b[]-] b[-] b[!]] b\] 'b]'*
show [[]x \[x '['* [x
show c\* c'*' "c*" c[*] d\? d? e\\* 'e\'*
show .h* ?hid dir/* */* */s*/* dir*/ */ ./a*
show nomatch* no[ 'a[' [a "a"* a"*"
x='a*'; show $x "$x"
x='b[]]'; show $x
x='*'; set -f; show $x *; set +f
x='dir/'; show ${x}* "$x"*
x='a b'; show $x*
IFS=1; x='a*'; show $x; unset IFS
x='[a]'; case a in $x) echo m1;; esac; case a in "$x") echo m2;; *) echo nm2;; esac
x='\*'; case '*' in $x) echo m3;; esac; case a in $x) echo m4;; *) echo nm4;; esac
case 'b]' in b[]]) echo m5;; esac; case b- in b[a-]) echo m6;; esac
case x in [!]a]) echo m7;; esac; case ']' in [!]a]) echo m8;; *) echo nm8;; esac
for f in *; do printf '[%s]' "$f"; done; echo
