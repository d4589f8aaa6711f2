# expansion errors (XCU 2.6.2, 2.8.1): each ends the (sub)shell that has it
# with status 2 and one diagnostic; set -u. Each is in a subshell of more
# than one command (one-command subshells: expand_subshell_errors.sh).
(set -u; echo "$nope"; echo not reached); echo "status $?"
(set -u; x=$nope; echo not reached); echo "status $?"
(set -u; echo ${nope#x}; echo not reached); echo "status $?"
(set -u; echo ${#nope}; echo not reached); echo "status $?"
(set -u; f() { echo $nope; }; f; echo not reached); echo "status $?"
(set -u; for i in $nope; do :; done; echo not reached); echo "status $?"
(set -u; case $nope in *) ;; esac; echo not reached); echo "status $?"
(set -u; echo ${nope-ok} ${nope+alt} "$#" "$@" $*; echo reached); echo "status $?"
(set -u; unset x; echo ${x=z} $x; echo reached); echo "status $?"
(echo ${x?msg here}; echo not reached); echo "status $?"
(echo ${x?}; echo not reached); echo "status $?"
(x=; echo ${x:?}; echo not reached); echo "status $?"
(unset x; echo ${x:?}; echo not reached); echo "status $?"
(x=; echo ${x?}empty is set; echo reached); echo "status $?"
(: ${z:?}; echo not reached); echo "status $?"
x=$(echo ${y?inner}; echo not reached); echo "status $? [$x]"
(y=${z?zz}; echo not reached); echo "status $?"
(if : ${z?}; then echo t; fi; echo not reached); echo "status $?"
echo last
echo ${never_set?the end}
echo not reached
