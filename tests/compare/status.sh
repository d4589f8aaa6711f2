# exit statuses
true | false; echo "pipe $?"
! true; echo "bang $?"
(exit 7); echo "sub $?"
nosuchcommand_zz; echo "notfound $?"
false && echo no; echo "and $?"
x=$(exit 4); echo "assign $?"
if (exit 2); then :; else echo "else $?"; fi
f() { return 5; }; f; echo "func $?"
exit 9
