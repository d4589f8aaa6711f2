#!/usr/bin/env bats
# bash's interactive shell outside a terminal (sh -i with commands on
# standard input): the prompt's second pass, `exit` and EOF saying "exit",
# and the history variables. Terminal behaviour is in tests/interactive*.bats.

load helpers/common

# Files the tests write (rc, hist) go to the test's own directory.
setup() { cd "$BATS_TEST_TMPDIR" || return 1; }

# The shell under test, interactive, reading `text` on stdin, with no rc
# file and a HOME of its own; stdout in $output, stderr in $stderr.
sh_i() {
	mkdir -p "$BATS_TEST_TMPDIR/home"
	_spsh_run env HOME="$BATS_TEST_TMPDIR/home" \
		bash -c 'cd "$BATS_TEST_TMPDIR" && export PS1="P> " &&
			printf "%s" "$1" | timeout -k 2 20 "$SPSH" --norc -i' _ "$1"
}

@test "\${x@P}: \\\\ is one backslash that quotes what follows in the second pass" {
	ext_only
	expect_sh 'p='\''\\$'\''; echo "${p@P}"; p='\''\\\\$'\''; echo "${p@P}"; p='\''[\\$HOME]'\''; echo "${p@P}"' \
		"$(printf '%s\n' '$' '\$' '[$HOME]')"
}

@test "\${x@P}: a backslash at the end stays; an octal escape is expanded again" {
	ext_only
	expect_sh 'p='\''\'\''; echo "[${p@P}]"; p='\''x\\'\''; echo "[${p@P}]"; HOME=/h; p='\''\044HOME'\''; echo "[${p@P}]"' \
		"$(printf '%s\n' '[\]' '[x\]' '[/h]')"
}

@test "exit read at the prompt says exit on stderr; in a subshell or \$(...) it does not" {
	ext_only
	sh_i $'(exit 3); echo $(exit 4)x\nexit 5\necho not here\n'
	status_is 5
	out_is x
	[ "$(printf '%s\n' "$stderr" | grep -cx 'exit')" = 1 ]
}

@test "EOF at the prompt says exit; the end of sh -i -c, of sh -i FILE and an rc file's exit do not" {
	ext_only
	sh_i $'echo a\n'
	status_is 0
	out_is a
	[[ $stderr == *'P> exit' ]]
	_spsh_run "$SPSH" --norc -i -c 'echo c'
	out_is c
	[ "$(printf '%s\n' "$stderr" | grep -cx 'exit')" = 0 ]
	echo 'echo f' >script
	_spsh_run "$SPSH" --norc -i script
	out_is f
	[ "$(printf '%s\n' "$stderr" | grep -cx 'exit')" = 0 ]
	echo 'exit 6' >rc
	_spsh_run "$SPSH" --rcfile rc -i -c 'echo no'
	status_is 6
	! printf '%s\n' "$stderr" | grep -qx 'exit'
}

@test "exit run by sh -i -c says exit; exit in sh -i FILE does not (bash)" {
	ext_only
	_spsh_run "$SPSH" --norc -i -c 'exit 3'
	status_is 3
	[ "$(printf '%s\n' "$stderr" | grep -cx 'exit')" = 1 ]
	echo 'exit 4' >script
	_spsh_run "$SPSH" --norc -i script
	status_is 4
	[ "$(printf '%s\n' "$stderr" | grep -cx 'exit')" = 0 ]
}

@test "an interactive shell sets HISTFILE, HISTSIZE=500 and HISTFILESIZE when they are unset" {
	ext_only
	sh_i $'echo "${HISTFILE:+set} $HISTSIZE $HISTFILESIZE"\n'
	out_is 'set 500 500'
	sh_i $'HISTSIZE=7; echo "$HISTSIZE $HISTFILESIZE"\n'
	out_is '7 500'
}

@test "HISTSIZE=-1 keeps every command; HISTFILESIZE trims the file" {
	ext_only
	seq -f 'echo %g' 600 >hist
	_spsh_run env HISTFILE=hist HISTSIZE=-1 HISTFILESIZE=-1 bash -c 'printf "history | wc -l\n" | "$SPSH" --norc -i'
	out_is 601
	[ "$(wc -l <hist)" -eq 601 ]
	_spsh_run env HISTFILE=hist HISTSIZE=4 HISTFILESIZE=6 bash -c 'printf "history | wc -l\n" | "$SPSH" --norc -i'
	out_is 4
	[ "$(wc -l <hist)" -eq 6 ]
	[ "$(tail -n 1 hist)" = 'history | wc -l' ]
}

@test "with HISTFILE unset at the prompt the history is not saved at exit" {
	ext_only
	: >hist
	_spsh_run env HISTFILE=hist bash -c 'printf "unset HISTFILE\necho x\n" | "$SPSH" --norc -i'
	out_is x
	[ ! -s hist ]
}

@test "cmdhist: a command over several lines is one entry, joined with ; or a space, a newline in quotes and here-documents (bash)" {
	ext_only
	sh_i $'HISTFILE=\nfor i in 1\ndo\necho $i\ndone\ncase x in\nx) echo c;;\nesac\necho a \\\nb\ncat <<E\nhd\nE\necho "q\nr" |\ncat\nf() {\n# note\necho f\n}\nx=(1\n2)\nhistory\n'
	out_is '1
c
a b
hd
q
r
    1  HISTFILE=
    2  for i in 1; do echo $i; done
    3  case x in x) echo c;; esac
    4  echo a b
    5  cat <<E
hd
E

    6  echo "q
r" | cat
    7  f() {
echo f; }
    8  x=(1 2)
    9  history'
}

@test "shopt -u cmdhist: each line of a command is an entry; lithist keeps the newlines (bash)" {
	ext_only
	sh_i $'HISTFILE=\nshopt -u cmdhist\nif true\nthen :\nfi\nshopt -s cmdhist lithist\nwhile false\ndo :\ndone\nhistory\n'
	out_is '    1  HISTFILE=
    2  shopt -u cmdhist
    3  if true
    4  then :
    5  fi
    6  shopt -s cmdhist lithist
    7  while false
do :
done
    8  history'
}

@test "shopt -s autocd: at the prompt a directory name that is not a command is cd -- NAME, shown on stderr; a script does not (bash)" {
	ext_only
	mkdir -p d/sub
	sh_i $'shopt -s autocd\nd/sub\npwd\n..\npwd\nnosuchdir\necho "st=$?"\n'
	out_is "$BATS_TEST_TMPDIR/d/sub
$BATS_TEST_TMPDIR/d
st=127"
	[[ $stderr == *'cd -- d/sub'* ]]
	[[ $stderr == *'cd -- ..'* ]]
	printf 'shopt -s autocd\nd\necho "st=$?"\n' >script
	_spsh_run "$SPSH" script
	out_is 'st=127'
}
