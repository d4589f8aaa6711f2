# tilde expansion
HOME=/the/home
echo ~ ~/a "~" \~ a~
v=~/x:~/y; echo "$v"
unset n; echo ${n:-~}
