#!/usr/bin/env bats
# XCU set: options by letter and by -o name, the -o/+o listings, $-,
# positional parameters, errors. Checked against dash 0.5.12 and bash
# --posix; dash lacks pipefail and -h, which those tests skip.
load helpers/common

@test "set -a: assigned variables are exported until set +a" {
	expect_sh 'set -a; x=1; sh -c "echo \$x"; set +a; y=2; sh -c "echo [\$y]"' '1
[]'
}

@test "set -o allexport is set -a" {
	expect_sh 'set -o allexport; x=1; sh -c "echo \$x"; case $- in *a*) echo a-in-flags;; esac' '1
a-in-flags'
}

@test "set -C / -o noclobber: > fails on an existing file, >| overrides" {
	sh_c 'set -C; echo a >f; echo b >f; echo "st=$?"; echo c >|f; cat f'
	[ "${lines[0]}" != st=0 ] && [ "${lines[1]}" = c ] || { _show_run; return 1; }
	err_nonempty
	expect_sh 'set -o noclobber; : >g; (: >g) 2>/dev/null || echo refused; set +C; echo x >g; cat g' 'refused
x'
}

@test "set -f / -o noglob: no pathname expansion" {
	expect_sh 'set -f; echo /*; set +f; echo /bi[n]; set -o noglob; echo /bi[n]' '/*
/bin
/bi[n]'
}

@test "set -u / -o nounset: unset parameter is an error that exits" {
	sh_c 'set -u; echo ${u-default}; echo "$@" $#; echo $u; echo no'
	out_is 'default
0'
	status_nonzero
	err_nonempty
	sh_c 'set -o nounset; echo $1; echo no'
	out_is ''
	status_nonzero
}

@test "set -n / -o noexec: commands are read but not run" {
	sh_script 'set -n
echo no'
	out_is ''
	status_is 0
}

@test "set -n still reports syntax errors" {
	sh_script 'set -n
if true; then'
	status_is 2
	err_nonempty
}

@test "set -v / -o verbose: input lines are written to stderr as read" {
	sh_script 'set -v
echo a
echo b'
	out_is 'a
b'
	err_is 'echo a
echo b'
}

@test "set -x / -o xtrace: commands traced to stderr with PS4" {
	sh_c 'set -x; echo a >/dev/null; set +x; echo b'
	out_is 'b'
	err_is '+ echo a
+ set +x'
}

@test "set -x: a simple command's assignments are traced, from \$(...) too" {
	[ "$SPSH_IS_SPSH" = 1 ] && skip "exec.c traces x=(null) first (reported)"
	sh_c 'set -x; x=$(echo 1)'
	# dash: '+ echo 1', '+ x=1'; bash the same
	err_is '+ echo 1
+ x=1'
}

@test "set -x: PS4 is parameter-expanded (XCU 2.5.3)" {
	[ "$SPSH_IS_SPSH" = 1 ] && skip "exec.c does not expand PS4 (reported)"
	sh_c 'v=V; PS4="[\$v] "; set -x; : hi'
	err_is '[V] : hi'
}

@test "set -e / -o errexit and \$-" {
	expect_sh 'set -o errexit; case $- in *e*) echo on;; esac; false; echo no' 'on' 1
}

@test "set -b / -o notify appears in \$- as b" {
	expect_sh 'set -b; case $- in *b*) echo b;; esac; set +o notify; case $- in *b*) echo still;; esac; echo end' 'b
end'
}

@test "set -o pipefail: a pipeline fails if any stage fails (XCU 2024)" {
	[ "$SPSH_IS_SPSH" = 1 ] || skip "dash 0.5.12 has no pipefail"
	expect_sh 'set -o pipefail; false | true; echo $?; (exit 3) | true | true; echo $?; set +o pipefail; false | true; echo $?' '1
3
0'
}

@test "set -o ignoreeof, nolog, vi, emacs are accepted" {
	expect_sh 'set -o ignoreeof -o nolog && set -o | grep -E "^(ignoreeof|nolog) " | tr -s " \t" " "' 'ignoreeof on
nolog on'
}

@test "set -o vi and emacs exclude each other" {
	# dash leaves vi on after set -o emacs
	spsh_only
	expect_sh 'set -o vi; set -o emacs; set -o | grep -E "^(vi|emacs) " | tr -s " \t" " "' 'emacs on
vi off'
}

@test "several options in one word and in several; + turns off" {
	expect_sh 'set -eu -o noglob +e; case $- in *e*) echo e;; esac; case $- in *u*) echo u;; esac; case $- in *f*) echo f;; esac' 'u
f'
}

@test "set -o lists every option with on/off" {
	sh_c 'set -u; set -o'
	for o in allexport errexit ignoreeof monitor noclobber noexec noglob nolog notify nounset verbose vi xtrace; do
		[[ $output == *"$o"* ]] || { echo "missing $o" >&2; _show_run; return 1; }
	done
	[[ $(printf '%s\n' "$output" | grep '^nounset' | tr -s ' \t' ' ') == "nounset on" ]] || { _show_run; return 1; }
}

@test "set +o output restores the options when run" {
	expect_sh 'set -u; set +o >saved; set +u -e -C -f -a; . ./saved; echo "${-}" | tr -d hsBc' 'u'
}

@test "set +o output is one set command per option" {
	sh_c 'set -e; set +o'
	[[ $output == *"set -o errexit"* ]] || { _show_run; return 1; }
	[[ $output == *"set +o noglob"* ]] || { _show_run; return 1; }
	[ -z "$(printf '%s\n' "$output" | grep -v '^set [-+]o [a-z-]*$')" ] || { _show_run; return 1; }
}

@test "set -- replaces the positional parameters; set -- alone clears them" {
	expect_sh 'set -- a "b c" -x; echo $#; echo "$2"; echo "$3"; set --; echo $#' '3
b c
-x
0'
}

@test "set with operands after options sets both" {
	expect_sh 'set -f a b; echo $# $1 $2; case $- in *f*) echo f;; esac' '2 a b
f'
}

@test "set - : turns off -x and -v, the next words are positional parameters" {
	sh_c 'set -x; set - a b; echo $# $1; case $- in *x*) echo x;; esac'
	out_is '2 a'
	sh_c 'set -- 1 2 3; set -; echo $#'
	out_is '3'
}

@test "set without operands lists variables so that they can be re-read" {
	expect_sh "v='a b'\\''c'; set >saved; unset v; . ./saved 2>/dev/null; echo \"\$v\"" "a b'c"
}

@test "set with an invalid option: status 2, a script exits" {
	sh_c_posix 'set -Z; echo no'
	out_is ''
	status_is 2
	err_nonempty
	sh_c_posix 'set -o nosuchoption; echo no'
	out_is ''
	status_is 2
}

@test "set error messages name set and show the usage" {
	spsh_only
	sh_c 'set -Z'
	err_is "${C1}"'set: -Z: invalid option
'"${C1}"'set: usage: set [-+abCefhmnuvx] [-+o option] [--] [arg...]'
	sh_c 'set +o bogus'
	err_is "${C1}"'set: bogus: invalid option name
'"${C1}"'set: usage: set [-+abCefhmnuvx] [-+o option] [--] [arg...]'
}

@test "command set with an invalid option does not exit" {
	sh_c 'command set -Z 2>/dev/null; echo "st=$?"'
	out_is 'st=2'
}

@test "\$- lists the options that are on" {
	expect_sh 'set -a -C -f -u; for c in a C f u e x; do case $- in *$c*) printf %s "$c";; esac; done; echo' 'aCfu'
}

# ---- set -e cases beyond tests/errexit.bats (checked against dash) ----

@test "set -e inside \$(...) ends only the substitution" {
	expect_sh 'x=$(set -e; false; echo in); echo "x=[$x] $?"' 'x=[] 1'
}

@test "set -e: a failing command inside { } ends the shell even if more follows" {
	expect_sh 'set -e; { false; true; }; echo no' '' 1
}

@test "set -e: return with a non-zero status from a function exits" {
	expect_sh 'set -e; f() { return 3; }; f; echo no' '' 3
}

@test "set -e: ! on a subshell and || after a failing subshell do not exit" {
	expect_sh 'set -e; ! (false); echo a; (exit 2) || echo or; echo b' 'a
or
b'
}

@test "set -e: an and-or list whose last part is a failing { } exits" {
	expect_sh 'set -e; { false; } && echo x; echo y; true && { false; }; echo no' 'y' 1
}

@test "set -e: a failing function in \$(...) of an assignment exits" {
	expect_sh_posix 'set -e; f() { false; echo f-cont; }; x=$(f); echo "[$x]"' '' 1
}
