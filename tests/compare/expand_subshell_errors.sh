# compare-stderr: count
# An expansion error in a subshell of one simple command ends that subshell
# with status 2 and exactly one diagnostic, and the parent goes on
# (XCU 2.6.2 ${x?}, 2.8.1). The arithmetic message's wording differs
# between shells, so only the number of stderr lines is compared.
(echo ${x?msg}); echo "status $?"
(: ${x?}); echo "status $?"
x=; (echo ${x:?}); echo "status $?"
(echo $((1 / 0))); echo "status $?"
(set -u; (echo $nope); echo "inner $?"); echo "status $?"
y=$(echo $nope_either${z?in cmdsub}); echo "status $? [$y]"
(echo ${1=x}); echo "status $?"
echo done
