#!/usr/bin/env bats
# Programmable completion builtins (issue 13): complete, compgen, compopt,
# checked through compgen's output and `complete -p`. Every test calls
# ext_only; expected outputs come from bash 5.2
# (tests/run /bin/bash tests/ext_complete.bats).
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
	mkdir -p adir bdir .hdir
	touch a.c b.c ab.h
}

@test "compgen -W: words that start with the word, in list order" {
	ext_only
	expect_sh 'compgen -W "beta alpha alps gamma" al' "$(printf 'alpha\nalps')"
}

@test "compgen -W: an empty word gives every word; no match is status 1" {
	ext_only
	expect_sh 'compgen -W "b a" ""; compgen -W "b a" z; echo "st=$?"' "$(printf 'b\na\nst=1')"
}

@test "compgen -W: the words are expanded (parameters, quotes) after IFS splitting" {
	ext_only
	expect_sh 'x=alpha; compgen -W "\$x \"al fa\" al\\ x" al' "$(printf 'alpha\nal fa\nal x')"
}

@test "compgen -W: a custom IFS splits the list" {
	ext_only
	expect_sh 'IFS=:; compgen -W "a:b c" ""' "$(printf 'a\nb c')"
}

@test "compgen -X removes the matches of a pattern; ! keeps them instead" {
	ext_only
	expect_sh 'compgen -W "aa ab ac" -X "*b" a; echo -; compgen -W "aa ab ac" -X "!*b" a' \
		"$(printf 'aa\nac\n-\nab')"
}

@test "compgen -X: & stands for the word being completed" {
	ext_only
	expect_sh 'compgen -W "aa ab ac" -X "&c" a' "$(printf 'aa\nab')"
}

@test "compgen -P and -S wrap every match" {
	ext_only
	expect_sh 'compgen -P "<" -S ">" -W "aa ab" a' "$(printf '<aa>\n<ab>')"
}

@test "compgen -d lists directories only (hidden ones too); -f lists files and directories" {
	ext_only
	sh_c 'compgen -d | sort; echo -; compgen -f a | sort'
	out_is "$(printf '.hdir\nadir\nbdir\n-\na.c\nab.h\nadir')"
}

@test "compgen -G expands a glob and does not filter by the word" {
	ext_only
	sh_c 'compgen -G "*.c" zzz | sort'
	out_is "$(printf 'a.c\nb.c')"
}

@test "compgen -o plusdirs adds directories; -o dirnames only when nothing matched" {
	ext_only
	expect_sh 'compgen -o plusdirs -W "aq" a; echo -; compgen -o dirnames -W "x" a; echo -; compgen -o dirnames -W "ax" a' \
		"$(printf 'aq\nadir\n-\nadir\n-\nax')"
}

@test "compgen -A: variables, arrays-free export, functions, aliases" {
	ext_only
	expect_sh 'zzv1=1; zzv2=2; export zzv2; zzf() { :; }; alias zza=ls; compgen -v zzv; compgen -e zzv; compgen -A function zz; compgen -a zz' \
		"$(printf 'zzv1\nzzv2\nzzv2\nzzf\nzza')"
}

@test "compgen -k lists the reserved words in bash's order" {
	ext_only
	sh_c 'compgen -k | tr "\n" " "'
	out_is 'if then else elif fi case esac for select while until do done in function time { } ! [[ ]] coproc '
}

@test "compgen -A signal lists EXIT first and DEBUG, ERR, RETURN last (bash)" {
	ext_only
	sh_c 'compgen -A signal | head -n 2; compgen -A signal | tail -n 3; compgen -A signal E; compgen -A signal R'
	out_is "$(printf '%s\n' EXIT SIGHUP DEBUG ERR RETURN EXIT ERR RETURN)"
}

@test "compgen -A signal, setopt, shopt, builtin, user" {
	ext_only
	expect_sh 'compgen -A signal SIGUSR; compgen -A setopt nou; compgen -A shopt extgl; compgen -b compg; compgen -u roo' \
		"$(printf 'SIGUSR1\nSIGUSR2\nnounset\nextglob\ncompgen\nroot')"
}

@test "compgen -c finds commands on PATH and builtins" {
	ext_only
	sh_c 'mkdir bin; printf "#!/bin/sh\n" >bin/zzcmd; chmod +x bin/zzcmd; PATH=$PWD/bin:$PATH; compgen -c zzc; compgen -c compge'
	out_is "$(printf 'zzcmd\ncompgen')"
}

@test "compgen -F runs a function with command, word and previous word" {
	ext_only
	sh_c 'f() { echo "$#:$1:$2:$3:$COMP_CWORD:[$COMP_LINE]:$COMP_POINT" >&2; COMPREPLY=one; }; compgen -F f wo 2>&1 | grep -v warning'
	out_is "$(printf '3:compgen:wo::-1:[]:0\none')"
}

@test "compgen -C runs a command and takes its lines" {
	ext_only
	sh_c 'compgen -C "printf \"%s\n\" x y" pre 2>/dev/null'
	out_is "$(printf 'x\ny\ncompgen\npre')"
}

@test "compgen: an unknown action or -o option is status 2" {
	ext_only
	sh_c 'compgen -A nosuch x; echo $?; compgen -o bogus x; echo $?'
	out_is "$(printf '2\n2')"
	err_nonempty
}

@test "complete -p prints a compspec in bash's option order and quoting" {
	ext_only
	sh_c "complete -o nospace -o filenames -abcdefgjksuv -A arrayvar -A binding -A disabled -A enabled -A function -A helptopic -A hostname -A running -A setopt -A shopt -A signal -A stopped -G '*.c' -W \"it's\" -P pre -S suf -X '!*x' -F fn -C 'cmd x' foo; complete -p foo"
	out_is "complete -o filenames -o nospace -a -b -c -d -e -f -g -j -k -s -u -v -A arrayvar -A binding -A disabled -A enabled -A function -A helptopic -A hostname -A running -A setopt -A shopt -A signal -A stopped -G '*.c' -W 'it'\\''s' -P 'pre' -S 'suf' -X '!*x' -C 'cmd x' -F fn foo"
}

@test "complete -p quotes a command name that is empty or holds shell characters (bash)" {
	ext_only
	expect_sh "complete -F f '' 'a b' 'x*'; complete -p ''; complete -p 'a b'; complete -p 'x*'" \
		"complete -F f ''
complete -F f 'a b'
complete -F f 'x*'"
}

@test "complete -o: every option name, printed in bash's order" {
	ext_only
	expect_sh 'complete -o plusdirs -o nosort -o noquote -o dirnames -o default -o bashdefault -o filenames -o nospace -W x f; complete -p f' \
		"complete -o bashdefault -o default -o dirnames -o filenames -o noquote -o nosort -o nospace -o plusdirs -W 'x' f"
}

@test "complete -D, -E and -I print with their flag instead of a name" {
	ext_only
	expect_sh 'complete -D -F d; complete -E -W e; complete -I -W i; complete -p -D; complete -p -E; complete -p -I' \
		"$(printf "complete -F d -D\ncomplete -W 'e' -E\ncomplete -W 'i' -I")"
}

@test "complete -r removes one compspec; -p of a missing one is status 1" {
	ext_only
	sh_c 'complete -W x foo bar; complete -r foo; complete -p bar; complete -p foo; echo "st=$?"'
	out_is "$(printf "complete -W 'x' bar\nst=1")"
	err_nonempty
}

@test "complete -r without names removes every compspec" {
	ext_only
	expect_sh 'complete -W x foo bar; complete -r; complete -p; echo "[$(complete -p)]"' '[]'
}

@test "complete -F without its argument is a usage error (status 2)" {
	ext_only
	sh_c 'complete -F; echo $?'
	out_is 2
	err_nonempty
}

@test "compopt changes a stored compspec's options; without -o it lists them" {
	ext_only
	expect_sh 'complete -W x foo; compopt -o nospace foo; complete -p foo; compopt +o nospace -o filenames foo; complete -p foo; compopt foo' \
		"$(printf "complete -o nospace -W 'x' foo\ncomplete -o filenames -W 'x' foo\ncompopt +o bashdefault +o default +o dirnames -o filenames +o noquote +o nosort +o nospace +o plusdirs foo")"
}

@test "compopt outside a completion function, or for an unknown name, is status 1" {
	ext_only
	sh_c 'compopt -o nospace; echo $?; compopt -o nospace nosuch; echo $?'
	out_is "$(printf '1\n1')"
	err_nonempty
}

@test "compopt in a function run by compgen -F has no completion to change" {
	ext_only
	sh_c 'f() { compopt -o nospace; echo "st=$?"; COMPREPLY=x; }; complete -F f foo; compgen -F f w 2>/dev/null; complete -p foo'
	out_is "$(printf "st=1\nx\ncomplete -F f foo")"
}

@test "for (( )) then for NAME in on the same line (bash_completion's __reassemble_comp_words_by_ref)" {
	ext_only
	expect_sh 'for ((i = 0; i < 1; i++)); do :; done; for i in a b; do echo $i; done' "$(printf 'a\nb')"
}

@test "compgen -W keeps blanks that are not in IFS inside a word, and backslash-quoted delimiters (bash)" {
	ext_only
	sh_c 'IFS=":%"; compgen -W "spam:eggs%ham cheese\:colon"; compgen -W "\$(echo \"a:b%c d\")"'
	out_is 'spam
eggs
ham cheese:colon
a
b
c d'
}

@test "compgen -W with an expansion error gives no words and status 1 (bash)" {
	ext_only
	sh_script 'compgen -W "a \$((1/0)) b"
echo st=$?'
	out_is 'st=1'
}

@test "compgen lists the actions in bash's order: functions, variables, then files and directories" {
	ext_only
	cd "$BATS_TEST_TMPDIR"
	mkdir eX_dir
	: >eX_file
	sh_c 'eX_fn() { :; }; eX_var=1; compgen -A directory -A file -A variable -A function eX'
	out_is 'eX_fn
eX_var
eX_dir
eX_file
eX_dir'
}
