# quoting
printf "%s\n" 'single $x `a` \'
printf "%s\n" "double \$ \` \" \\ \a"
echo back\ slash\$ \"
echo "it's" 'a "q"'
echo a\
b
printf '%s|' "" '' a"b"'c'\d; echo
