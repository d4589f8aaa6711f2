#!/usr/bin/env bats
# bash's ERR, DEBUG and RETURN traps, the call stack (FUNCNAME, BASH_SOURCE,
# BASH_LINENO, caller), PIPESTATUS, $_ and BASHPID: src/xtrap.c,
# src/callstack.c, builtins/caller.c. Expected outputs are bash 5.2's
# (tests/run /bin/bash tests/ext_traps.bats).
load helpers/common

@test "ERR runs after a failed command with its status, LINENO and BASH_COMMAND" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "ERR $? at $LINENO: $BASH_COMMAND"' ERR
echo start
false
(exit 3)
echo end
EOF
)"
	out_is "$(cat <<'EOF'
start
ERR 1 at 3: false
ERR 3 at 4: ( exit 3 )
end
EOF
)"
	status_is 0
}

@test "ERR does not run where set -e would not exit: if, while, until, && || but the last, !" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "ERR $?"' ERR
if false; then :; fi
while false; do :; done
until true; do :; done
false || true
false && true
! false
true && false
echo end
EOF
)"
	out_is "$(cat <<'EOF'
ERR 1
end
EOF
)"
	status_is 0
}

@test "ERR is not inherited by functions without set -E (the call fails instead); with -E it is" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "ERR $? at $LINENO: $BASH_COMMAND"' ERR
f() { false; echo "in f"; return 3; }
f
echo "after $?"
set -E
f
echo end
EOF
)"
	out_is "$(cat <<'EOF'
in f
ERR 3 at 3: return 3
after 3
ERR 1 at 2: false
in f
ERR 3 at 6: return 3
end
EOF
)"
	status_is 0
}

@test "ERR in command substitutions and subshells only with set -E" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "ERR $BASH_COMMAND"' ERR
x=$(false; echo one)
echo "x=$x"
( false; echo two )
set -E
x=$(false; echo three)
echo "x=$x"
( false; echo four )
echo end
EOF
)"
	out_is "$(cat <<'EOF'
x=one
two
x=ERR false
three
ERR false
four
end
EOF
)"
	status_is 0
}

@test "ERR runs before set -e exits, with the status" {
	ext_only
	sh_script "$(cat <<'EOF'
set -e
trap 'echo "ERR $?"' ERR
echo a
(exit 4)
echo notreached
EOF
)"
	out_is "$(cat <<'EOF'
a
ERR 4
EOF
)"
	status_is 4
}

@test "ERR after a pipeline whose status is non-zero, not for its stages" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "ERR $? $BASH_COMMAND"' ERR
false | true
true | false
! true | true
echo end
EOF
)"
	out_is "$(cat <<'EOF'
ERR 1 false
end
EOF
)"
	status_is 0
}

@test "trap -p ERR prints the ERR trap; trap - ERR removes it" {
	ext_only
	sh_script "$(cat <<'EOF'
trap "echo e" ERR
trap -p ERR
trap - ERR
trap -p ERR
false
echo "st=$?"
EOF
)"
	out_is "$(cat <<'EOF'
trap -- 'echo e' ERR
st=1
EOF
)"
	status_is 0
}

@test "DEBUG runs before each simple command with BASH_COMMAND and LINENO" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "D $LINENO: $BASH_COMMAND"' DEBUG
x=1
echo "a $x" > /dev/null
trap - DEBUG
echo end
EOF
)"
	out_is "$(cat <<'EOF'
D 2: x=1
D 3: echo "a $x" > /dev/null
D 4: trap - DEBUG
end
EOF
)"
	status_is 0
}

@test "DEBUG before for, case, [[, (( and each part of for (( )), BASH_COMMAND their heads" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "D $BASH_COMMAND"' DEBUG
for i in 1 2; do :; done
case $i in 2) true ;; esac
[[ $i == 2 ]]
(( i++ ))
for ((j=0; j<1; j++)); do :; done
trap - DEBUG
EOF
)"
	out_is "$(cat <<'EOF'
D for i in 1 2
D :
D for i in 1 2
D :
D case $i in 
D true
D [[ $i == 2 ]]
D (( i++ ))
D ((j=0))
D ((j<1))
D :
D ((j++))
D ((j<1))
D trap - DEBUG
EOF
)"
	status_is 0
}

@test "DEBUG runs for each stage of a pipeline" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "D $BASH_COMMAND" >&2' DEBUG
echo a | cat
trap - DEBUG
EOF
)"
	out_is "$(cat <<'EOF'
a
EOF
)"
	err_is "$(cat <<'EOF'
D echo a
D cat
D trap - DEBUG
EOF
)"
	status_is 0
}

@test "DEBUG is not inherited by functions without set -T; with -T it runs as the function starts" {
	ext_only
	sh_script "$(cat <<'EOF'
f() { echo "in f"; }
trap 'echo "D $BASH_COMMAND"' DEBUG
f
set -T
f
trap - DEBUG
EOF
)"
	out_is "$(cat <<'EOF'
D f
in f
D set -T
D f
D f
D echo "in f"
in f
D trap - DEBUG
EOF
)"
	status_is 0
}

@test "DEBUG sees the status of the previous command and keeps it" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "D $?"' DEBUG
false
true
trap - DEBUG
EOF
)"
	out_is "$(cat <<'EOF'
D 0
D 1
D 0
EOF
)"
	status_is 0
}

@test "DEBUG in a subshell only with set -T" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "D $BASH_COMMAND"' DEBUG
( echo sub )
set -T
( echo sub2 )
trap - DEBUG
EOF
)"
	out_is "$(cat <<'EOF'
sub
D set -T
D echo sub2
sub2
D trap - DEBUG
EOF
)"
	status_is 0
}

@test "RETURN set in a function runs as it returns, stays set, runs after a . file" {
	ext_only
	sh_script "$(cat <<'EOF'
f() { trap 'echo "RET ${FUNCNAME[0]}"' RETURN; echo body; }
f
g() { echo g; }
g
trap -p RETURN
echo "echo sourced" > s.inc
. ./s.inc
echo end
EOF
)"
	out_is "$(cat <<'EOF'
body
RET f
g
trap -- 'echo "RET ${FUNCNAME[0]}"' RETURN
sourced
RET 
end
EOF
)"
	status_is 0
}

@test "RETURN is not inherited by functions without set -T" {
	ext_only
	sh_script "$(cat <<'EOF'
trap 'echo "RET ${FUNCNAME[0]}"' RETURN
g() { echo g; }
g
set -T
g
echo end
EOF
)"
	out_is "$(cat <<'EOF'
g
g
RET g
end
EOF
)"
	status_is 0
}

@test "RETURN sees the status of the function's last command (0 after return N)" {
	ext_only
	sh_script "$(cat <<'EOF'
f() { trap 'echo "r $?"' RETURN; false; }
f
echo "f=$?"
trap - RETURN
g() { trap 'echo "r $?"' RETURN; return 5; }
g
echo "g=$?"
EOF
)"
	out_is "$(cat <<'EOF'
r 1
f=1
r 0
g=5
EOF
)"
	status_is 0
}

@test "caller and caller N print the call stack, status 1 beyond it" {
	ext_only
	sh_script "$(cat <<'EOF'
f() { caller; caller 0; caller 1; echo "s=$?"; g; }
g() { caller 0; caller 1; caller 2; echo "s=$?"; }
f
caller
echo "top=$?"
caller 0
echo "top0=$?"
EOF
)"
	out_is "$(cat <<'EOF'
3 script.sh
3 main script.sh
s=1
1 f script.sh
3 main script.sh
s=1
0 NULL
top=0
top0=1
EOF
)"
	status_is 0
}

@test "FUNCNAME, BASH_SOURCE and BASH_LINENO across a script, a . file and functions" {
	ext_only
	sh_script "$(cat <<'EOF'
printf "%s\n" "echo \"in: \${FUNCNAME[*]}|\${BASH_SOURCE[*]}|\${BASH_LINENO[*]}\"" "caller 0" "h() { echo \"h: \${FUNCNAME[*]}|\${BASH_SOURCE[*]}|\${BASH_LINENO[*]}\"; }" > lib.inc
echo "top: ${#FUNCNAME[@]}|${BASH_SOURCE[*]}|${BASH_LINENO[*]}"
f() { . ./lib.inc; h; }
f
. ./lib.inc
h
EOF
)"
	out_is "$(cat <<'EOF'
top: 0|script.sh|0
in: source f main|./lib.inc script.sh script.sh|3 4 0
3 f script.sh
h: h f main|./lib.inc script.sh script.sh|3 4 0
in: |./lib.inc script.sh|5 0
5 main script.sh
h: h main|./lib.inc script.sh|6 0
EOF
)"
	status_is 0
}

@test "PIPESTATUS after pipelines, commands, [[, ((, groups and loops" {
	ext_only
	sh_script "$(cat <<'EOF'
true | false | (exit 3); echo "${PIPESTATUS[@]} ${#PIPESTATUS[@]}"
false; echo "${PIPESTATUS[@]}"
! true | false; echo "${PIPESTATUS[@]} $?"
x=$(exit 2); echo "${PIPESTATUS[@]}"
f() { return 7; }; f; echo "${PIPESTATUS[@]}"
f | true; echo "${PIPESTATUS[@]}"
[[ a == b ]]; echo "${PIPESTATUS[@]}"
(( 0 )); echo "${PIPESTATUS[@]}"
{ false; true; }; echo "${PIPESTATUS[@]}"
while false; do :; done; echo "${PIPESTATUS[@]}"
echo x | grep -q y; echo "${PIPESTATUS[1]}"
EOF
)"
	out_is "$(cat <<'EOF'
0 1 3 3
1
0 1 0
2
7
7 0
1
1
0
1
1
EOF
)"
	status_is 0
}

@test "a DEBUG trap does not change PIPESTATUS" {
	ext_only
	sh_script "$(cat <<'EOF'
trap "true" DEBUG
false | true
echo "${PIPESTATUS[@]}"
EOF
)"
	out_is "$(cat <<'EOF'
1 0
EOF
)"
	status_is 0
}

@test "$_ is the last argument of the previous command, the path in a command's environment" {
	ext_only
	sh_script "$(cat <<'EOF'
echo one two >/dev/null; echo "$_"
f() { echo "in:$_"; }; f a b; echo "out:$_"
x=5; echo "[$_]"
echo c d | cat >/dev/null; echo "$_"
/usr/bin/env | grep "^_="
(echo sub >/dev/null); echo "$_"
EOF
)"
	out_is "$(cat <<'EOF'
two
in:two
out:b
[]
[]
_=/usr/bin/env
[]
EOF
)"
	status_is 0
}

@test "BASHPID differs from $$ in $(...), ( ), and pipeline stages" {
	ext_only
	sh_script "$(cat <<'EOF'
a=$BASHPID
[ "$a" = "$$" ] && echo top
b=$(echo $BASHPID); [ "$a" != "$b" ] && echo cmdsub
c=$(printf %s "$BASHPID"); [ "$a" != "$c" ] && echo printf
(echo $BASHPID) >o; [ "$a" != "$(cat o)" ] && echo paren
echo $BASHPID | { read d; [ "$a" != "$d" ] && echo pipe; }
EOF
)"
	out_is "$(cat <<'EOF'
top
cmdsub
printf
paren
pipe
EOF
)"
	status_is 0
}

@test "trap -p lists EXIT, then ERR and RETURN, in bash's order" {
	ext_only
	sh_script "$(cat <<'EOF'
trap "echo x" EXIT
trap "echo r" RETURN
trap "echo e" ERR
trap -p
trap -p RETURN EXIT
trap - EXIT RETURN ERR
trap -p
EOF
)"
	out_is "$(cat <<'EOF'
trap -- 'echo x' EXIT
trap -- 'echo e' ERR
trap -- 'echo r' RETURN
trap -- 'echo r' RETURN
trap -- 'echo x' EXIT
EOF
)"
	status_is 0
}

@test "LINENO in a function, and in the ERR trap after the call" {
	ext_only
	sh_script "$(cat <<'EOF'
f() {
	echo "f $LINENO"
	false
}
trap 'echo "ERR $LINENO"' ERR
f
echo "after $LINENO"
EOF
)"
	out_is "$(cat <<'EOF'
f 2
ERR 6
after 7
EOF
)"
	status_is 0
}
@test "the stack of a -c string has no main frame; caller fails at its top level" {
	ext_only
	sh_c 'f() { echo "${FUNCNAME[*]}|${#BASH_SOURCE[@]}|${BASH_LINENO[*]}"; caller; caller 0; echo "s=$?"; }; f; echo "top: ${#FUNCNAME[@]} ${#BASH_SOURCE[@]}"; caller; echo "s=$?"'
	out_is "$(printf '%s\n' 'f|1|1' '1 NULL' 's=1' 'top: 0 0' 's=1')"
}

@test "trap and trap -p name signals SIGINT as bash (a signal without a name by its number)" {
	ext_only
	sh_c 'trap "echo hi" INT; trap "" usr1; trap x 35 32 RTMAX; trap "echo e" EXIT; trap; echo --; trap -p INT TERM; echo "st=$?"; (trap -p SIGUSR1); x=$(trap); echo "$x" | wc -l'
	out_is "trap -- 'echo e' EXIT
trap -- 'echo hi' SIGINT
trap -- '' SIGUSR1
trap -- 'x' 32
trap -- 'x' SIGRTMIN+1
trap -- 'x' SIGRTMAX
--
trap -- 'echo hi' SIGINT
st=0
trap -- '' SIGUSR1
6
e"
}

@test "trap -l lists the signals five to a line, as bash" {
	ext_only
	sh_c 'trap -l | sed -n "1p;\$p"'
	out_is "$(printf ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n63) SIGRTMAX-1\t64) SIGRTMAX\t')"
}

@test "DEBUG, ERR and RETURN names are accepted in any case; trap -p of an unknown one fails" {
	ext_only
	sh_c 'trap "echo e" err; false; trap -p ERR; trap -p NOSUCH 2>/dev/null; echo "s=$?"'
	out_is "$(printf '%s\n' e "trap -- 'echo e' ERR" e 's=1')"
}

@test "a function's DEBUG trap stays after it returns, the caller's comes back otherwise" {
	ext_only
	sh_c 'f() { trap "echo d" DEBUG; }; g() { trap - DEBUG; }; f; echo x; trap - DEBUG; trap "echo D" DEBUG; g; trap -p DEBUG; trap - DEBUG'
	out_is "$(printf '%s\n' d x d D D "trap -- 'echo D' DEBUG" D)"
}

@test "set -E: ERR runs once for a failure in (a; b) &, ( (a) ) and ( (a) ) &, where the ( ) runs in the same process" {
	ext_only
	sh_c 'set -E; trap "echo ERR" ERR
(true; false) & wait; echo 1
( (false) ); echo 2
( (false) ) & wait; echo 3
( true; (false) ); echo 4
true | (false); echo 5
x=$( (false) ); echo "6 $x"'
	out_is 'ERR
1
ERR
ERR
2
ERR
3
ERR
ERR
ERR
4
ERR
ERR
ERR
5
ERR
6 ERR
ERR'
}

@test "ERR under !: not for the inverted command, but for the commands inside it unless set -e is on" {
	ext_only
	sh_c 'trap "echo ERR" ERR; f() { false; true; }
! false; echo 1
! { false; true; }; echo 2
! f; echo 3
set -E
! f; echo 4
! (false); echo 5
! { false && true; }; echo 6
if ! { false; true; }; then :; fi; echo 7
set -e
! { false; echo x; }; echo 8
! f; echo 9'
	out_is '1
ERR
2
3
ERR
4
ERR
5
6
7
x
8
9'
}

@test "ERR with && || and if: only the last command of the list, and function bodies called there stay silent" {
	ext_only
	sh_c 'set -E; trap "echo ERR" ERR; f() { false; echo in-f; }
false && true; echo 1
true && false; echo 2
false || false; echo 3
if false; then :; fi; echo 4
f && true; echo 5
f; echo 6
x=$(f); echo "7 $x"
while f; do break; done; echo 8'
	out_is '1
ERR
2
ERR
3
4
in-f
5
ERR
in-f
6
7 ERR
in-f
in-f
8'
}
