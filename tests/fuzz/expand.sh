# The expansion harness for AFL++ (tests/fuzz/README): the fuzzer sets s
# to the first line of its test case and p to the rest; this runs them
# through the pattern, field-splitting, arithmetic and printf code. Data
# only: nothing here runs a command named by s or p.
case $s in $p) r=1 ;; *$p*) r=2 ;; esac
r=${s#$p} r=${s##$p} r=${s%$p} r=${s%%$p} r=${#s} r=${#p}
r=${s/$p/x} r=${s//$p/y} r=${s/#$p/} r=${s/%$p/z}
r=${s^^} r=${s,,} r=${s@Q} r=${s:-$p} r=${s:+"$p"} r=${u:=$s}
IFS=$p; set -- $s; r=$#; set -- $s$p"$s"; r="$*"
IFS=$s; set -- $p; r="$@"; unset IFS
set -- $p
# no digits or * in the format: a width of 2^28 takes seconds to print
printf "${s//[0-9*]/}" "$p" "$@" >/dev/null 2>&1
printf '%.3s|%-4d|%x|%5.2f|%c\n' "$p" "${#s}" "${#p}" "$@" >/dev/null 2>&1
printf '%b' "$s" >/dev/null
test "$@" 2>/dev/null
[[ $s == $p ]]
read -r a b c <<EOT
$s
EOT
r=$(( ${#s} % 7 ))
(r=$((s))) 2>/dev/null
