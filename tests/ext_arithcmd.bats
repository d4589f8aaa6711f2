#!/usr/bin/env bats
# (( expression )) and for (( init; cond; step )) (bash 5.2 as the
# reference), on the arithmetic evaluator of $(( )).

load helpers/common

@test "(( )): status 0 when the value is not zero, 1 when it is" {
	ext_only
	expect_sh '(( 0 )); echo $?; (( 5 )); echo $?; (( -1 )); echo $?; (( 2 - 2 )); echo $?' "$(printf '1\n0\n0\n1')"
}

@test "(( )): assignments change the shell's variables" {
	ext_only
	expect_sh '(( x = 2 + 3 )); echo $x; ((x=1)); echo $x; i=0; (( i += 4 )); echo $i' "$(printf '5\n1\n4')"
}

@test "(( )): i++ yields the old value (status 1 from 0)" {
	ext_only
	expect_sh 'i=0; (( i++ )); echo $? $i; (( i++ )); echo $? $i' "$(printf '1 1\n0 2')"
}

@test "(( )): variables by name and by \$, in conditions" {
	ext_only
	expect_sh 'x=5; (( x > 3 )) && echo big; (( $x < 3 )) || echo small-no; if (( x == 5 )); then echo five; fi' "$(printf 'big\nsmall-no\nfive')"
}

@test "(( )): an empty expression is false" {
	ext_only
	expect_sh '(( )); echo $?' 1
}

@test "(( )): division by zero is status 1 with a message, the shell goes on" {
	ext_only
	sh_c '(( 1/0 )); echo st=$?'
	out_is st=1
	err_nonempty
}

@test "(( )): ( ( is two subshells when the text does not end in ))" {
	ext_only
	expect_sh '( (echo sub) ); ((echo a); (echo b))' "$(printf 'sub\na\nb')"
}

@test "(( )): ! negates, and set -e exits on a false (( ))" {
	ext_only
	expect_sh '! (( 0 )); echo $?; set -e; (( 0 )) || echo ok; (( 0 )); echo not-here' "$(printf '0\nok')" 1
}

@test "(( )): in a function, a pipeline and after &&" {
	ext_only
	expect_sh 'f() { (( $1 > 2 )); }; f 3 && echo y; f 1 || echo n; (( 1 )) | cat; echo $?; true && (( 0 )) || echo z' "$(printf 'y\nn\n0\nz')"
}

@test "(( )): inside \$(( )) parentheses are still arithmetic" {
	ext_only
	expect_sh 'echo $(( 1 + (( 2 )) ))' 3
}

@test "for (( )): counts" {
	ext_only
	expect_sh 'for ((i=0; i<3; i++)); do echo $i; done' "$(printf '0\n1\n2')"
}

@test "for (( )): the body on other lines, and ; before do" {
	ext_only
	expect_sh "$(printf 'for ((i=0;i<2;i++))\ndo echo $i\ndone\nfor ((j=2; j>0; j--)); do echo $j; done')" "$(printf '0\n1\n2\n1')"
}

@test "for (( )): empty parts; an empty condition is true" {
	ext_only
	expect_sh 'for (( ; ; )); do echo once; break; done; i=0; for ((; i<2;)); do echo $i; ((i++)); done' "$(printf 'once\n0\n1')"
}

@test "for (( )): break and continue" {
	ext_only
	expect_sh 'for ((i=0;i<5;i++)); do [ $i = 1 ] && continue; [ $i = 3 ] && break; echo $i; done' "$(printf '0\n2')"
}

@test "for (( )): parts are expanded again on every iteration" {
	ext_only
	expect_sh 'n=3; for ((i=0; i<$n; i++)); do n=2; echo $i; done; echo $i' "$(printf '0\n1\n2')"
}

@test "for (( )): the loop's status is its last body's; 0 when it never ran" {
	ext_only
	expect_sh 'for ((i=0; i<1; i++)); do false; done; echo $?; for ((i=0; i<0; i++)); do false; done; echo $?' "$(printf '1\n0')"
}

@test "for (( )): as a pipeline stage" {
	ext_only
	expect_sh 'for ((i=0; i<2; i++)); do echo $i; done | cat' "$(printf '0\n1')"
}

@test "for (( )): a missing ; is a syntax error" {
	ext_only
	sh_c 'for ((i=0)); do echo x; done'
	[ "$status" -ne 0 ]
	err_nonempty
	out_is ''
}

@test "for (( )): the body may be a brace group" {
	ext_only
	expect_sh 'for ((i=0;i<2;i++)) { echo $i; }; for ((j=0;j<1;j++)); { echo b; }' "$(printf '0\n1\nb')"
}

@test "set -x: (( )) and the parts of for (( )) are traced as bash does" {
	ext_only
	sh_c 'set -x; (( 1 + 2 )); for ((i=0; i<1; i++)); do :; done'
	err_is "$(printf '%s\n' '+ ((  1 + 2  ))' '+ (( i=0 ))' '+ (( i<1 ))' '+ :' '+ (( i++ ))' '+ (( i<1 ))')"
}

@test "set -u: an unset variable in (( )), let, for (( )) and [[ -eq ]] exits the shell" {
	ext_only
	for c in '(( y++ )) || echo or' 'let y++' 'for ((i=y; i<1; i++)); do :; done' '[[ y -eq 0 ]]' 'f() { (( y )); echo in; }; f'; do
		sh_c "set -u; $c; echo after"
		[ -z "$output" ] || { echo "$c: $output"; return 1; }
		[ "$status" -ne 0 ]
	done
	expect_sh 'set -u; x=1; (( x++ )); let x++; [[ x -eq 3 ]] && echo ok' 'ok'
}

@test "(( )) as the body of f() on the same line is arithmetic, not nested subshells" {
	ext_only
	sh_c 'f() (( x = 2 )); f && echo "x=$x"; g() ((0)); g; echo "g $?"; h() ( (echo sub) ); h; declare -f f'
	out_is "$(printf 'x=2\ng 1\nsub\nf () \n{ \n    (( x = 2 ))\n}')"
}
