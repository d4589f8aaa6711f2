#!/usr/bin/env bats
# mapfile / readarray (bash 5.2 is the reference; tests/run /bin/bash):
# -t -n -s -O -d -u -C -c, the default MAPFILE, a last line without its
# newline, NUL delimiters, and the errors.
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
	printf 'a\nb\nc\nd\n' >in.txt
}

@test "mapfile keeps the newlines, -t strips them" {
	ext_only
	expect_sh 'mapfile A < in.txt; declare -p A; mapfile -t A < in.txt; declare -p A' "declare -a A=([0]=\$'a\\n' [1]=\$'b\\n' [2]=\$'c\\n' [3]=\$'d\\n')
declare -a A=([0]=\"a\" [1]=\"b\" [2]=\"c\" [3]=\"d\")"
}

@test "mapfile -n count, -s skip" {
	ext_only
	expect_sh 'mapfile -t -n 2 A < in.txt; declare -p A; mapfile -t -s 1 -n 2 A < in.txt; declare -p A' 'declare -a A=([0]="a" [1]="b")
declare -a A=([0]="b" [1]="c")'
}

@test "mapfile -O origin keeps the elements before and after" {
	ext_only
	expect_sh 'A=(x y z w v); mapfile -t -O 2 A < <(printf "1\n2\n"); declare -p A' 'declare -a A=([0]="x" [1]="y" [2]="1" [3]="2" [4]="v")'
}

@test "mapfile -d delim; the last record keeps the newline of <<<" {
	ext_only
	expect_sh "mapfile -d , -t B <<< 'p,q,r'; declare -p B" "declare -a B=([0]=\"p\" [1]=\"q\" [2]=\$'r\\n')"
}

@test "mapfile -d '' splits on NUL bytes" {
	ext_only
	expect_sh "mapfile -d '' -t I < <(printf 'a\\0b\\0'); declare -p I" 'declare -a I=([0]="a" [1]="b")'
}

@test "mapfile of empty input gives an empty array" {
	ext_only
	expect_sh 'mapfile -t C < /dev/null; declare -p C' 'declare -a C=()'
}

@test "mapfile -u fd reads another descriptor" {
	ext_only
	expect_sh 'exec 3< in.txt; mapfile -t -u 3 D; declare -p D' 'declare -a D=([0]="a" [1]="b" [2]="c" [3]="d")'
}

@test "mapfile -C callback -c quantum: index and line before each quantum" {
	ext_only
	expect_sh 'cb() { echo "cb:$1:$2"; }; mapfile -t -C cb -c 2 E < in.txt; echo "${#E[@]}"' 'cb:1:b
cb:3:d
4'
}

@test "readarray is mapfile; a last line without a newline counts" {
	ext_only
	expect_sh 'readarray -t F < in.txt; echo "${#F[@]} ${F[3]}"; printf "x\ny" > noeol.txt; mapfile -t G < noeol.txt; declare -p G' '4 d
declare -a G=([0]="x" [1]="y")'
}

@test "mapfile in a pipeline stage fills the subshell's array only" {
	ext_only
	sh_c 'printf "x\ny" | mapfile -t G; declare -p G; echo "st=$?"'
	out_is 'st=1'
}

@test "mapfile without a name fills MAPFILE" {
	ext_only
	expect_sh 'mapfile < in.txt; echo "${#MAPFILE[@]}${MAPFILE[1]}"' '4b'
}

@test "mapfile errors: associative array, bad name, bad count, closed fd" {
	ext_only
	sh_c 'declare -A J; mapfile J < in.txt; echo "st=$?"; mapfile 1bad < in.txt; echo "st=$?"; mapfile -n -1 K < in.txt; echo "st=$?"; exec 9<&-; mapfile -u 9 L; echo "st=$?"'
	out_is 'st=1
st=1
st=1
st=1'
	err_nonempty
}
