# compare-stderr: count
# Malformed and failing expansions: a clear diagnostic (one line), no crash
# or hang, the (sub)shell ends with status 2 (XCU 2.8.1). Wording differs
# between shells, so only the number of stderr lines is compared.
(echo ${1=x}; echo not reached); echo "status $?"
(echo $((1 / 0)); echo not reached); echo "status $?"
(echo $((1 +)); echo not reached); echo "status $?"
(echo $((2 * (3 + 1)); echo not reached); echo "status $?"
(echo ${x!}; echo not reached); echo "status $?"
(echo ${1a}; echo not reached); echo "status $?"
(eval 'echo ${'; echo not reached); echo "status $?"
(eval 'echo ${x'; echo not reached); echo "status $?"
(eval 'echo ${x:-${y}'; echo not reached); echo "status $?"
(eval 'echo $((1+'; echo not reached); echo "status $?"
(eval 'echo "${x'; echo not reached); echo "status $?"
(eval 'echo $(echo'; echo not reached); echo "status $?"
(eval 'echo `echo'; echo not reached); echo "status $?"
(eval 'echo "abc'; echo not reached); echo "status $?"
echo '${' "\${" '$((' $ "$" x$ "x$"
echo done
