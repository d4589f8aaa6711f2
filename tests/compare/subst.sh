# command substitution forms
echo "$(echo "nested $(echo "deep $(echo deepest)")")"
echo `echo outer \`echo inner\``
a=$(printf 'x\n\n\n'); echo "[$a]"
b=$(printf 'l1\n\nl2'); echo "[$b]"
echo $(echo '  spaced   out  ')
echo "$(echo '  spaced   out  ')"
c=$(case a in a) echo ca;; esac); echo "$c"
d=$( (echo sub) ); echo "$d"
