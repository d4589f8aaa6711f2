# parameter expansion forms
unset u; n=; s=value
for w in "${u-d}" "${u:-d}" "${n-d}" "${n:-d}" "${s+alt}" "${n:+alt}" "${#s}" "${s%u*}" "${s#v*l}" "${s%%[aeiou]*}" "${s##*[aeiou]}"; do
	printf '[%s]' "$w"
done
echo
: "${newvar:=assigned}"; echo "$newvar"
set -- "a b" "" c
printf '<%s>' "$@"; echo
printf '<%s>' $@; echo
printf '<%s>' "$*"; echo
IFS=:; printf '<%s>' "$*"; echo; unset IFS
printf '<%s>' ${u-"$@"}; echo
