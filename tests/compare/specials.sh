# special builtins: assignment persistence, eval, set, shift, unset, export
x=1 :; echo "x=$x"
eval 'y=2; echo "in eval $y"'; echo "y=$y"
set -- a b c d; shift 2; echo "$# $*"
unset y; echo "${y-unset}"
export z=exported; sh -c 'echo "$z"'
readonly r=ro; echo "$r"
trap 'echo exit-trap' EXIT
echo end
