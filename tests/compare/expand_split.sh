# field splitting (XCU 2.6.5): white space and other IFS characters
show() { printf '%s:' "$#"; printf '<%s>' "$@"; echo; }
for ifs in ' ' ':' ' :' ': ' ' 	
' 'x' 'ab' '' unset; do
	if [ "$ifs" = unset ]; then unset IFS; else IFS=$ifs; fi
	printf 'IFS=[%s]\n' "$ifs"
	for v in '' ' ' ':' '::' ' : ' ' : a' 'a : ' 'a :  : b' 'a: :b' \
	    'a  ::  b :' '  a  b  ' 'a:b:' ':a:b' 'a::b' 'xaxbx' 'a	b
c' 'a b:c:: d'; do
		show $v
	done
	x='1 2'; y='3:4'
	show $x$y "$x"$y $x"$y" ${x}:${y}
	show ""$x "" $x""
done
unset IFS
x='a  b'
for i in $x "$x" '' $x''; do echo "[$i]"; done
IFS=-; for i in a-b $(echo c-d) "$(echo e-f)" `echo g-h`; do echo "[$i]"; done
IFS=1; echo $((10 + 1)) "$((101))"; show $((101))
unset IFS
read -r a b <<E
  one   two  three  
E
show "$a" "$b"
IFS=: read -r a b c <<E
:x::y:
E
show "$a" "$b" "$c"
