# functions: positional parameters, return, recursion, globals
fact() { if [ "$1" -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }
fact 6
set -- outer args
f() { echo "in f: $# $*"; shift; echo "after shift: $*"; return 3; }
f x y z; echo "status $? args $*"
g() { v=global; }; g; echo "$v"
h() { for i in 1 2 3; do [ $i = 2 ] && return $i; done; }; h; echo "h=$?"
