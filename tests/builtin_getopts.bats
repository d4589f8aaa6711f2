#!/usr/bin/env bats
# XCU getopts. Expected outputs checked against dash and bash --posix;
# message wording (bash's) in the "spsh:" tests.
load helpers/common

# Prints "o=OPT arg=OPTARG ind=OPTIND" for every option of "$@", then the end.
LOOP='while getopts "ab:c" o; do echo "o=$o arg=${OPTARG-} ind=$OPTIND"; done; echo "end o=$o ind=$OPTIND"'

@test "getopts: simple options" {
	sh_c "$LOOP" sh -a -c
	out_is 'o=a arg= ind=2
o=c arg= ind=3
end o=? ind=3'
}

@test "getopts: option-argument in the next argument" {
	sh_c "$LOOP"' ; shift $((OPTIND - 1)); echo "rest=$*"' sh -b val x y
	out_is 'o=b arg=val ind=3
end o=? ind=3
rest=x y'
}

@test "getopts: option-argument attached" {
	sh_c "$LOOP" sh -bval -a
	out_is 'o=b arg=val ind=2
o=a arg= ind=3
end o=? ind=3'
}

@test "getopts: grouped options" {
	sh_c 'while getopts "ab:c" o; do echo "o=$o arg=${OPTARG-}"; done; echo "ind=$OPTIND"' sh -ca -cbX -b Y z
	out_is 'o=c arg=
o=a arg=
o=c arg=
o=b arg=X
o=b arg=Y
ind=5'
}

@test "getopts: -- ends the options and is skipped" {
	sh_c "$LOOP" sh -a -- -c
	out_is 'o=a arg= ind=2
end o=? ind=3'
}

@test "getopts: the first operand ends the options" {
	sh_c "$LOOP" sh -a x -c
	out_is 'o=a arg= ind=2
end o=? ind=2'
}

@test "getopts: a lone - is an operand" {
	sh_c "$LOOP" sh - -a
	out_is 'end o=? ind=1'
}

@test "getopts: no arguments at all" {
	sh_c "$LOOP" sh
	out_is 'end o=? ind=1'
}

@test "getopts: invalid option gives ? and a message" {
	sh_c 'getopts ab o -x; echo "st=$? o=$o arg=${OPTARG-unset}"'
	out_is 'st=0 o=? arg=unset'
	err_nonempty
}

@test "getopts: missing option-argument gives ? and a message" {
	sh_c 'getopts ab: o -b; echo "st=$? o=$o arg=${OPTARG-unset}"'
	out_is 'st=0 o=? arg=unset'
	err_nonempty
}

@test "getopts: silent mode reports invalid options in OPTARG" {
	sh_c 'getopts :ab o -x; echo "st=$? o=$o arg=$OPTARG"'
	out_is 'st=0 o=? arg=x'
	err_empty
}

@test "getopts: silent mode reports a missing argument with :" {
	sh_c 'getopts :ab: o -b; echo "st=$? o=$o arg=$OPTARG"'
	out_is 'st=0 o=: arg=b'
	err_empty
}

@test "getopts: explicit arguments instead of the positional parameters" {
	sh_c 'getopts ab o -b -a; echo "$o $OPTIND"; getopts ab o -b -a; echo "$o $OPTIND"' sh -x
	out_is 'b 2
a 3'
}

@test "getopts: OPTIND=1 restarts the scan" {
	sh_c 'getopts ab o; echo "$o"; OPTIND=1; getopts ab o; echo "$o $OPTIND"' sh -b -a
	out_is 'b
b 2'
}

@test "getopts: in a function with \"\$@\"" {
	sh_c 'f() { OPTIND=1; while getopts "xy:" o "$@"; do printf "%s%s " "$o" "${OPTARG-}"; done; echo; }; f -x -y1; f -xy2'
	out_is 'x y1 
x y2 '
}

@test "getopts: end of options returns 1" {
	expect_sh 'getopts a o x; echo "st=$? o=$o"' 'st=1 o=?'
}

@test "getopts: usage errors" {
	sh_c 'getopts; echo "st=$?"'
	out_is 'st=2'
	sh_c 'getopts a 1x; echo "st=$?"'
	case $output in st=0) false ;; esac
	err_nonempty
}

@test "spsh: getopts messages (bash wording)" {
	spsh_only
	sh_c 'getopts ab o -x' spsh
	err_is 'spsh: illegal option -- x'
	sh_c 'getopts ab: o -b' spsh
	err_is 'spsh: option requires an argument -- b'
	sh_c 'getopts a 1x'
	err_is "${C1}"'getopts: `1x'"'"': not a valid identifier'
}

@test "a bad name operand fails, after OPTARG and OPTIND moved past the option" {
	sh_c 'set -- -c foo -h; getopts hc: opt-; st=$?; [ "$st" -gt 0 ] && echo "fails OPTARG=$OPTARG OPTIND=$OPTIND"'
	out_is 'fails OPTARG=foo OPTIND=3'
}
