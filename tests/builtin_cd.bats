#!/usr/bin/env bats
# XCU cd and pwd. Expected outputs checked against dash (and bash --posix,
# yash) and the standard's cd steps 1-10; "spsh:" tests hold our wording and
# the places where we follow POSIX against dash.
load helpers/common

# Every script starts in a physical copy of the test directory, $T, with
#   d/a/b      directories
#   link -> d/a   a symbolic link
setup() {
	mkdir -p "$BATS_TEST_TMPDIR/d/a/b" "$BATS_TEST_TMPDIR/other/x"
	ln -s d/a "$BATS_TEST_TMPDIR/link"
	T=$(cd -P "$BATS_TEST_TMPDIR" && pwd)
	export T
	export HOME="$T/d"
}

@test "cd to an absolute directory sets PWD and OLDPWD" {
	expect_sh 'cd "$T" && cd "$T/d/a" && echo "${PWD#"$T"} ${OLDPWD#"$T"}"' '/d/a '
}

@test "cd to a relative directory" {
	expect_sh 'cd "$T"; cd d; cd a; echo "${PWD#"$T"}"; pwd -P | sed "s|^$T||"' '/d/a
/d/a'
}

@test "cd with no operand goes to HOME" {
	expect_sh 'cd; echo "${PWD#"$T"}"' '/d'
}

@test "cd - goes to OLDPWD and prints the new directory" {
	expect_sh 'cd "$T/d"; cd "$T/other"; cd - >"$T/out"; sed "s|^$T||" "$T/out"; cd - >"$T/out"; echo "${PWD#"$T"}"' '/d
/other'
}

@test "cd - prints the new directory on stdout, once" {
	sh_c 'cd "$T/d"; cd "$T/other"; cd - >"$T/out"; sed "s|^$T||" "$T/out"; cd - >/dev/null; pwd | sed "s|^$T||"'
	out_is '/d
/other'
	err_empty
}

@test "cd to a missing directory fails and keeps PWD" {
	sh_c 'cd "$T"; cd nope || echo "failed ${PWD#"$T"}."'
	out_is 'failed .'
	err_nonempty
}

@test "cd to a file that is not a directory fails" {
	sh_c 'cd "$T"; : >file; cd file || echo failed'
	out_is 'failed'
	err_nonempty
}

@test "cd -L (the default) keeps the symbolic link in PWD" {
	expect_sh 'cd "$T"; cd link; echo "${PWD#"$T"}"; cd -L b; echo "${PWD#"$T"}"' '/link
/link/b'
}

@test "cd .. from a symbolic link is logical: back to the link's parent" {
	expect_sh 'cd "$T"; cd link; cd ..; echo "${PWD#"$T"}."' '.'
}

@test "cd -P resolves symbolic links" {
	expect_sh 'cd "$T"; cd -P link; echo "${PWD#"$T"}"; cd -P ..; echo "${PWD#"$T"}"' '/d/a
/d'
}

@test "the last of -L and -P wins" {
	expect_sh 'cd "$T"; cd -P -L link; echo "${PWD#"$T"}"; cd "$T"; cd -L -P link; echo "${PWD#"$T"}"' '/link
/d/a'
}

@test "cd canonicalises dot and dot-dot components and extra slashes" {
	expect_sh 'cd "$T"; cd "d//a/./b/../../a/"; echo "${PWD#"$T"}"' '/d/a'
}

@test "cd .. and cd . from a directory" {
	expect_sh 'cd "$T/d/a/b"; cd ..; echo "${PWD#"$T"}"; cd .; echo "${PWD#"$T"}"; cd ../..; echo "${PWD#"$T"}."' '/d/a
/d/a
.'
}

@test "cd / and cd /.. stay at the root" {
	expect_sh 'cd /; echo "$PWD"; cd /..; echo "$PWD"' '/
/'
}

@test "cd -- takes the next word as the operand" {
	expect_sh 'cd "$T"; cd -- d; echo "${PWD#"$T"}"' '/d'
}

@test "CDPATH: a directory found through a non-empty entry is printed" {
	expect_sh 'cd /; CDPATH="$T/nope:$T/d"; cd a | sed "s|^$T||"; cd a >/dev/null; echo "${PWD#"$T"}"' '/d/a
/d/a'
}

@test "CDPATH: an empty entry means the current directory and prints nothing" {
	sh_c 'cd "$T"; CDPATH=":$T/other"; cd d; echo "${PWD#"$T"}"'
	out_is '/d'
}

@test "CDPATH: entries are tried in order" {
	mkdir -p "$BATS_TEST_TMPDIR/other/a"
	expect_sh 'cd /; CDPATH="$T/other:$T/d"; cd a >/dev/null; echo "${PWD#"$T"}"' '/other/a'
}

@test "CDPATH is not used for operands starting with . or .. or /" {
	sh_c 'cd "$T/other"; CDPATH="$T/d"; cd ./a || echo failed; cd ../a || echo failed; echo "${PWD#"$T"}"'
	out_is 'failed
failed
/other'
}

@test "CDPATH is used when the operand is not in the current directory only" {
	expect_sh 'cd "$T/d"; CDPATH="$T/d/a"; cd b | sed "s|^$T||"' '/d/a/b'
}

@test "cd updates an exported PWD in the environment of commands" {
	expect_sh 'export PWD; cd "$T/d"; env | grep "^PWD=" | sed "s|^PWD=$T||"' '/d'
}

@test "OLDPWD is the previous logical directory" {
	expect_sh 'cd "$T/link"; cd /; echo "${OLDPWD#"$T"}"' '/link'
}

@test "pwd prints the logical directory, pwd -P the physical one" {
	expect_sh 'cd "$T/link"; pwd | sed "s|^$T||"; pwd -P | sed "s|^$T||"; pwd -L | sed "s|^$T||"' '/link
/d/a
/link'
}

@test "pwd -L after PWD was set to a wrong directory prints the real one" {
	expect_sh 'cd "$T/d"; PWD=/; pwd | sed "s|^$T||"' '/d'
}

@test "pwd -L ignores a PWD with dot-dot components" {
	expect_sh 'cd "$T/d/a"; PWD=$T/d/a/b/..; pwd | sed "s|^$T||"' '/d/a'
}

@test "pwd in a subshell after cd there" {
	expect_sh 'cd "$T"; (cd d; pwd | sed "s|^$T||"); pwd | sed "s|^$T||"; echo .' '/d

.'
}

# ---- ours: wording, and where we follow POSIX against dash ----

@test "spsh: cd to a missing directory says why" {
	spsh_only
	sh_c 'cd /nope'
	status_is 1
	err_is "${C1}"'cd: /nope: No such file or directory'
}

@test "spsh: dot-dot after a missing component is an error (XCU cd step 8; dash goes to /)" {
	spsh_only
	sh_c 'cd /nope/..; echo "st=$? $PWD"' 
	out_is "st=1 $T"
	err_is "${C1}"'cd: /nope/..: No such file or directory'
}

@test "spsh: dot-dot after a file is an error (XCU cd step 8)" {
	spsh_only
	sh_c 'cd "$T"; : >f; cd f/..; echo "st=$?"'
	out_is 'st=1'
	err_is "${C1}"'cd: f/..: Not a directory'
}

@test "spsh: cd with HOME unset or empty is an error (as bash and yash)" {
	spsh_only
	sh_c 'unset HOME; cd; echo "st=$?"; HOME=; cd; echo "st=$?"'
	out_is 'st=1
st=1'
	err_is "${C1}"'cd: HOME not set
'"${C1}"'cd: HOME not set'
}

@test "spsh: cd - with OLDPWD unset is an error" {
	spsh_only
	sh_c 'unset OLDPWD; cd -; echo "st=$?"'
	out_is 'st=1'
	err_is "${C1}"'cd: OLDPWD not set'
}

@test "spsh: cd with two operands is an error, status 1 (as bash)" {
	spsh_only
	sh_c 'cd / /tmp; echo "st=$? $PWD"'
	out_is "st=1 $T"
	err_is "${C1}"'cd: too many arguments'
}

@test "spsh: cd with a bad option is a usage error that names it (as bash)" {
	spsh_only
	sh_c 'cd -x /; echo "st=$?"'
	out_is 'st=2'
	err_is "${C1}"'cd: -x: invalid option
'"${C1}"'cd: usage: cd [-L|-P [-e]] [dir]'
	sh_c 'cd -PLx /; echo "st=$?"'
	out_is 'st=2'
	err_is "${C1}"'cd: -x: invalid option
'"${C1}"'cd: usage: cd [-L|-P [-e]] [dir]'
}

@test "cd and pwd: grouped options, the last of -L/-P wins, -- ends options" {
	mkdir -p "$BATS_TEST_TMPDIR/real" && ln -sfn real "$BATS_TEST_TMPDIR/link"
	expect_sh "cd -LP '$BATS_TEST_TMPDIR/link' && pwd" "$(cd -P "$BATS_TEST_TMPDIR/real" && pwd)"
	expect_sh "cd -PL '$BATS_TEST_TMPDIR/link' && pwd -PL" "$BATS_TEST_TMPDIR/link"
	expect_sh "cd -- '$BATS_TEST_TMPDIR/link' && pwd -LP" "$(cd -P "$BATS_TEST_TMPDIR/real" && pwd)"
}

@test "spsh: pwd and hash name a bad option and show the usage" {
	spsh_only
	sh_c 'pwd -Lq'
	err_is "${C1}"'pwd: -q: invalid option
'"${C1}"'pwd: usage: pwd [-L|-P]'
	sh_c 'hash -rx; echo "st=$?"'
	out_is 'st=2'
	err_is "${C1}"'hash: -x: invalid option
'"${C1}"'hash: usage: hash [-r] [utility...]'
}

@test "spsh: cd '' is an error (POSIX.1-2024; dash and bash stay put)" {
	spsh_only
	sh_c "cd ''; echo \"st=\$?\""
	out_is 'st=1'
	err_nonempty
}

@test "spsh: PWD from the environment is kept when it names the directory through a link" {
	spsh_only
	cd "$T/link"
	PWD="$T/link" run --separate-stderr "$SPSH" -c 'echo "$PWD"'
	out_is "$T/link"
}

@test "spsh: a PWD with dot-dot components from the environment is replaced (dash keeps it)" {
	spsh_only
	cd "$T/d"
	PWD="$T/d/a/.." run --separate-stderr "$SPSH" -c 'echo "$PWD"'
	out_is "$T/d"
}

@test "spsh: a PWD naming another directory is replaced at start-up" {
	spsh_only
	cd "$T/d"
	PWD=/ run --separate-stderr "$SPSH" -c 'echo "$PWD"'
	out_is "$T/d"
}

@test "pwd ignores operands (dash, bash)" {
	cd "$BATS_TEST_TMPDIR"
	sh_c 'pwd / x; echo "st=$?"'
	out_is "$(pwd)
st=0"
}

@test "pwd in a removed directory still prints the logical path (dash, bash)" {
	mkdir -p "$BATS_TEST_TMPDIR/gone"
	sh_c 'cd gone && rmdir ../gone && { pwd; echo "st=$?"; }'
	out_is "$BATS_TEST_TMPDIR/gone
st=0"
}
