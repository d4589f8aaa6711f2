# field splitting with assorted IFS values
show() { printf '%s:' "$#"; printf '[%s]' "$@"; echo; }
v=' a  b:c::d: '
show $v
IFS=:; show $v
IFS=' :'; show $v
IFS=; show $v
unset IFS; show $v
IFS=:; x='a:b'; set -- $x; show "$@"
