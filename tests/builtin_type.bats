#!/usr/bin/env bats
# XCU type, command -v/-V/-p and hash: what a name runs (XCU 2.9.1.4 command
# search). Expected outputs checked against dash (and bash --posix, yash
# where they agree); "spsh:" tests hold our wording and our choices.
load helpers/common

# $T/bin/mycmd and $T/b2/mycmd are executables; $T/nx/mycmd is a plain file
# and $T/dirc/mycmd a directory, both to be passed over.
setup() {
	T=$(cd -P "$BATS_TEST_TMPDIR" && pwd)
	export T
	mkdir -p "$T/bin" "$T/b2" "$T/nx" "$T/dirc/mycmd"
	printf '#!/bin/sh\necho "mycmd in ${0%%/*}"\n' >"$T/bin/mycmd"
	cp "$T/bin/mycmd" "$T/b2/mycmd"
	chmod +x "$T/bin/mycmd" "$T/b2/mycmd"
	printf 'echo not executable\n' >"$T/nx/mycmd"
}

# ---- type ----

@test "type: a regular builtin" {
	expect_sh 'type cd' 'cd is a shell builtin'
}

@test "type: a special builtin" {
	expect_sh_posix 'type export' 'export is a special shell builtin'
}

@test "type: every reserved word is a shell keyword" {
	expect_sh 'for w in ! "{" "}" case do done elif else esac fi for if in then until while; do type "$w"; done' \
'! is a shell keyword
{ is a shell keyword
} is a shell keyword
case is a shell keyword
do is a shell keyword
done is a shell keyword
elif is a shell keyword
else is a shell keyword
esac is a shell keyword
fi is a shell keyword
for is a shell keyword
if is a shell keyword
in is a shell keyword
then is a shell keyword
until is a shell keyword
while is a shell keyword'
}

@test "type: an alias" {
	expect_sh_posix 'alias ll="ls -l"
type ll' 'll is an alias for ls -l'
}

@test "type: an external command found along PATH" {
	expect_sh 'PATH="$T/bin:$PATH"; type mycmd | sed "s|$T||"' 'mycmd is /bin/mycmd'
}

@test "type: a pathname is itself" {
	expect_sh 'type "$T/bin/mycmd" | sed "s|$T||g"' '/bin/mycmd is /bin/mycmd'
}

@test "type: several names" {
	expect_sh 'type cd if' 'cd is a shell builtin
if is a shell keyword'
}

@test "type: an unknown name fails" {
	sh_c 'type nope-not-a-command'
	status_nonzero
}

@test "type: a function is reported as a function" {
	sh_c 'f() { echo hi; }; type f'
	status_is 0
	case ${lines[0]} in
	"f is a function" | "f is a shell function") ;;
	*) false ;;
	esac
}

@test "type: an alias hides a builtin and a function" {
	expect_sh_posix 'cd() { :; }; alias cd=true
type cd' 'cd is an alias for true'
}

# ---- command -v ----

@test "command -v: an external command prints its absolute pathname" {
	expect_sh 'PATH="$T/bin:$PATH"; command -v mycmd | sed "s|$T||"' '/bin/mycmd'
}

@test "command -v: the first match along PATH wins" {
	expect_sh 'PATH="$T/b2:$T/bin:$PATH"; command -v mycmd | sed "s|$T||"' '/b2/mycmd'
}

@test "command -v: plain files and directories along PATH are passed over" {
	expect_sh 'PATH="$T/nx:$T/dirc:$T/bin:$PATH"; command -v mycmd | sed "s|$T||"' '/bin/mycmd'
}

@test "command -v: builtins, keywords and functions print their name" {
	expect_sh 'f() { :; }; command -v cd; command -v export; command -v if; command -v f' 'cd
export
if
f'
}

@test "command -v: an alias prints a re-readable alias command" {
	expect_sh "alias ll='ls -l'
command -v ll" "alias ll='ls -l'"
}

@test "command -v: an unknown name prints nothing and fails" {
	sh_c 'command -v nope-not-a-command'
	status_nonzero
	out_is ''
	err_empty
}

@test "command -v: a pathname is printed if executable" {
	expect_sh 'command -v "$T/bin/mycmd" | sed "s|$T||"' '/bin/mycmd'
}

@test "command -v: the found command is what runs" {
	expect_sh 'PATH="$T/b2:$T/bin:$PATH"; mycmd | sed "s|$T||"' 'mycmd in /b2'
}

@test "command -p -v searches the default PATH, not PATH" {
	sh_c 'PATH=/nonexistent; command -p -v ls'
	status_is 0
	case $output in
	/*/ls) ;;
	*) false ;;
	esac
	[ -x "$output" ]
}

@test "command -p -v does not find commands only in PATH" {
	sh_c 'PATH="$T/bin"; command -p -v mycmd'
	status_nonzero
	out_is ''
}

# ---- command -V ----

@test "command -V describes like type" {
	expect_sh_posix 'PATH="$T/bin:$PATH"; command -V mycmd | sed "s|$T||"; command -V if; command -V export' 'mycmd is /bin/mycmd
if is a shell keyword
export is a special shell builtin'
}

@test "command -V: an unknown name fails" {
	sh_c 'command -V nope-not-a-command'
	status_nonzero
}

# ---- hash ----

@test "hash name remembers it; hash lists it" {
	expect_sh 'PATH="$T/b2:$T/bin:$PATH"; hash -r; hash mycmd; hash | sed "s|$T||"' '/b2/mycmd'
}

@test "hash -r forgets everything" {
	expect_sh 'PATH="$T/bin:$PATH"; hash mycmd; hash -r; hash; echo "st=$?"' 'st=0'
}

@test "hash of an unknown utility fails with status 1" {
	sh_c 'hash nope-not-a-command; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "running a command found along PATH remembers it" {
	expect_sh 'PATH="$T/bin:$PATH"; hash -r; mycmd >/dev/null; hash | sed "s|$T||"' '/bin/mycmd'
}

@test "assigning PATH forgets remembered commands" {
	expect_sh 'PATH="$T/bin:$PATH"; hash mycmd; PATH="$T/b2:$PATH"; hash; command -v mycmd | sed "s|$T||"' '/b2/mycmd'
}

@test "a remembered command is searched again after PATH changes" {
	expect_sh 'PATH="$T/bin:$PATH"; mycmd | sed "s|$T||"; PATH="$T/b2:$PATH"; mycmd | sed "s|$T||"' 'mycmd in /bin
mycmd in /b2'
}

@test "hash of a builtin succeeds silently" {
	expect_sh 'hash cd; echo "st=$?"' 'st=0'
}

# ---- ours: wording and choices ----

@test "spsh: type of an unknown name: message on stderr, status 1 (as bash; dash prints on stdout, 127)" {
	spsh_only
	sh_c 'type nope'
	status_is 1
	out_is ''
	err_is "${C1}"'type: nope: not found'
}

@test "spsh: type prints a function's definition after its kind, like bash" {
	spsh_only
	sh_c 'f() { echo hi; }; type f'
	status_is 0
	out_is 'f is a function
f () 
{ 
    echo hi
}'
}

@test "spsh: command -V of an unknown name" {
	spsh_only
	sh_c 'command -V nope'
	status_is 1
	err_is "${C1}"'command: nope: not found'
}

@test "spsh: command -v takes several names (as bash and yash)" {
	spsh_only
	expect_sh_posix 'command -v cd nope if; echo "st=$?"' 'cd
if
st=1'
	# bash: success when any name is found
	expect_sh 'command -v cd nope if; echo "st=$?"' 'cd
if
st=0'
}

@test "spsh: command -v prints an absolute path for an empty PATH entry (XCU command)" {
	spsh_only
	expect_sh 'cd "$T/bin"; PATH=":/nonexistent"; x=$(command -v mycmd); echo "${x#"$T"}"' '/bin/mycmd'
}

@test "spsh: command -v with a relative PATH entry prints an absolute path" {
	spsh_only
	expect_sh 'cd "$T"; PATH="bin"; x=$(command -v mycmd); echo "${x#"$T"}"' '/bin/mycmd'
}

@test "spsh: a command found in a relative PATH entry is not remembered" {
	spsh_only
	expect_sh 'cd "$T"; PATH="bin:/usr/bin:/bin"; hash -r; mycmd >/dev/null; hash; echo .' '.'
}

@test "spsh: command -v without a name is a usage error (dash and bash return 0)" {
	spsh_only
	sh_c 'command -v'
	status_is 2
	err_is "${C1}"'command: usage: command [-p] [-v|-V] name [arg...]'
}

@test "spsh: hash lists several commands sorted by name" {
	spsh_only
	expect_sh 'PATH="$T/bin:$PATH"; hash -r; hash mycmd ls; hash | sed "s|$T||"' "$(command -v ls)
/bin/mycmd"
}

@test "spsh: hash of an unknown utility says so" {
	spsh_only
	sh_c 'hash nope'
	status_is 1
	err_is "${C1}"'hash: nope: not found'
}
