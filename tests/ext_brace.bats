#!/usr/bin/env bats
# Brace expansion (src/brace.c), the first expansion step; off in posix
# mode and with set +B. Expected outputs are bash 5.2's.
load helpers/common

@test "alternatives with prefix and suffix" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' a{b,c}d x{1,2,3} {a,b}' '[abd][acd][x1][x2][x3][a][b]' 0
}

@test "nested alternatives" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' a{b,{c,d}e}f {a,{b,{c,d}}}' '[abf][acef][adef][a][b][c][d]' 0
}

@test "several brace expressions multiply, left to right" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {a,b}{1,2} {x,y}-{1,2}-{p,q}' '[a1][a2][b1][b2][x-1-p][x-1-q][x-2-p][x-2-q][y-1-p][y-1-q][y-2-p][y-2-q]' 0
}

@test "empty alternatives" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' f{,.bak} x{,} {a,}b' '[f][f.bak][x][x][ab][b]' 0
}

@test "words that brace expansion leaves empty are removed" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {,} x; echo "$#"' '[x]0' 0
}

@test "integer sequences up and down" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {1..5} {5..1} {-2..2} {0..-3} {7..7}' '[1][2][3][4][5][5][4][3][2][1][-2][-1][0][1][2][0][-1][-2][-3][7]' 0
}

@test "integer sequences with a step" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {1..10..3} {10..1..3} {1..10..-3} {1..3..0} {10..7..2}' '[1][4][7][10][10][7][4][1][1][4][7][10][1][2][3][10][8]' 0
}

@test "zero-padded sequences" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {01..10} {1..010..4} {-01..02} {08..11}' '[01][02][03][04][05][06][07][08][09][10][001][005][009][-01][000][001][002][08][09][10][11]' 0
}

@test "character sequences" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {a..e} {e..a} {a..e..2} {A..C} {z..w} {a..a}' '[a][b][c][d][e][e][d][c][b][a][a][c][e][A][B][C][z][y][x][w][a]' 0
}

@test "sequences combine with alternatives and text" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {1..2}{a..b} x{1..3}y {a,b}{1..2}' '[1a][1b][2a][2b][x1y][x2y][x3y][a1][a2][b1][b2]' 0
}

@test "a single item or no comma is literal" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {a} {} {a..1} {1..} {a..c..1x} {1..2..3..4}' '[{a}][{}][{a..1}][{1..}][{a..c..1x}][{1..2..3..4}]' 0
}

@test "unmatched braces are literal" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {a,b a{b {a,b}} {{a,b} }a,b{' '[{a,b][a{b][a}][b}][{a][{b][}a,b{]' 0
}

@test "a brace that is no expression is skipped, the next one expands" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' {a}{b,c} {x{a,b}}' '[{a}b][{a}c][{xa}][{xb}]' 0
}

@test "quoted braces and commas are literal" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'printf '\''[%s]'\'' "{a,b}" \{a,b} '\''{'\''a,b} {a,b\}c} {"a,b"} {a\,b}' '[{a,b}][{a,b}][{a,b}][a][b}c][{a,b}][{a,b}]' 0
}

@test "\${...} is not brace expansion, its word neither" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'HOME=/h; printf '\''[%s]'\'' ${HOME} ${HOME:+{a,b}} ${u-{a,b}}' '[/h][{a,b}][{a,b}]' 0
}

@test "parameters and substitutions inside braces" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'v=q; printf '\''[%s]'\'' {$v,w} {${v},"$v"} $(echo {1,2}) "$(echo {1,2})" {`echo a`,b}' '[q][w][q][q][1][2][1 2][a][b]' 0
}

@test "brace expansion happens before tilde expansion" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'HOME=/h; printf '\''[%s]'\'' ~{a,b} {~,x}' '[~a][~b][/h][x]' 0
}

@test "no brace expansion in assignments" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'x={a,b}; echo "$x"; y=a{1..2}; echo "$y"' '{a,b}
a{1..2}' 0
}

@test "brace expansion in for lists" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'for i in {1..3} {a,b}; do printf %s $i; done; echo' '123ab' 0
}

@test "assignment-looking arguments are expanded" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo {a,b}=c x={1,2}' 'a=c b=c x=1 x=2' 0
}

@test "blanks end the word, so no expansion" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'echo { a,b } {a, b}' '{ a,b } {a, b}' 0
}

@test "set +B turns brace expansion off, set -B on again" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'set +B; echo a{b,c}; set -B; echo a{b,c}; set +o braceexpand; echo {1..2}; set -o braceexpand; echo {1..2}' 'a{b,c}
ab ac
{1..2}
1 2' 0
}

@test "a brace expansion result is globbed" {
	ext_only
	export LC_ALL=C.UTF-8
	expect_sh 'touch a1 a2 b1; echo {a,b}*; echo {a,c}1' 'a1 a2 b1
a1 c1' 0
}
@test "spsh invoked as sh leaves a{b,c} alone" {
	spsh_only
	ln -s "$SPSH" "$BATS_TEST_TMPDIR/sh"
	run "$BATS_TEST_TMPDIR/sh" -c 'echo a{b,c} {1..3}; set -B; echo a{b,c}'
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a{b,c} {1..3}\nab ac')" ]
}

@test "spsh: set -o posix turns brace expansion off (bash keeps it)" {
	spsh_only
	expect_sh 'echo a{b,c}; set -o posix; echo a{b,c}; set +o posix; echo a{b,c}' "$(printf 'ab ac\na{b,c}\nab ac')"
}

@test "a plain \$name before brace text takes the name characters that follow it (bash expands the text first)" {
	ext_only
	expect_sh 'a=A b=B a_c=AC; echo {$a,b}_{c,d}; echo {$a$b,x}{y,$b}; echo {a,$b}_{c,$a}; echo {${a},b}_{c,d} {$a,b}"_c"; set -- p; echo {$1,x}2 {$@,z}w' 'AC b_c b_d
A ABB xy xB
a_c a_A A
A_c A_d b_c b_d A_c b_c
p2 x2 pw zw'
}

@test "spsh --posix leaves a{b,c} alone" {
	spsh_only
	run "$SPSH" --posix -c 'echo a{b,c} x{1..2}'
	[ "$status" -eq 0 ]
	[ "$output" = 'a{b,c} x{1..2}' ]
}
