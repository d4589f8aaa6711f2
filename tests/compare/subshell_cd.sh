# ( cd DIR && cmd ): the command runs in DIR with PWD and OLDPWD updated,
# a missing DIR fails and cmd does not run, and the shell's
# own directory does not change.
mkdir -p d/e
export PWD OLDPWD
top=$PWD
(cd d && /bin/sh -c '[ "$OLDPWD" = "$1" ] && echo "${PWD##*/} OLDPWD=top"' sh "$top")
(cd d/e/.. && /bin/pwd | sed 's|.*/||')
(cd nope 2>/dev/null && /bin/echo ran) || echo "cd failed (dash says 2, bash 1)"
(cd d && /bin/ls) | sort
(cd d && exec /bin/echo "in d") ; [ "$(/bin/pwd)" = "$top" ] && echo "still at top"
CDPATH=d; export CDPATH; (cd e && /bin/pwd | sed 's|.*/||') >/dev/null; echo "cdpath $?"
