# A command substitution inside the words of a command that itself runs
# in a subshell ($(...), ( ), a pipeline stage) is expanded exactly once.
f() { echo "f:$1"; }
x=$(f $(echo run1 >>log; echo arg)); echo "$x"
(f $(echo run2 >>log; echo arg2))
f $(echo run3 >>log; echo arg3) | cat
y=$(echo a; printf '%s-' b c; echo; echo "$(echo inner >>log; echo in)")
echo "$y"
cat log
