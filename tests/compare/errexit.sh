# set -e behaviour
set -e
false || echo "or-handled"
if false; then :; else echo "if-handled"; fi
! true
false | true
f() { false; echo "in f (ignored)"; }
f && echo "f ok"
echo "before"
false
echo "not reached"
