#!/usr/bin/env bats
# XCU umask. Expected outputs checked against dash, bash --posix and yash.
load helpers/common

@test "umask prints the mask as four octal digits" {
	expect_sh 'umask 022; umask; umask 7; umask' '0022
0007'
}

@test "umask -S prints the allowed permissions" {
	expect_sh 'umask 022; umask -S; umask 0777; umask -S; umask 0; umask -S' 'u=rwx,g=rx,o=rx
u=,g=,o=
u=rwx,g=rwx,o=rwx'
}

@test "umask output can be fed back to umask" {
	expect_sh 'umask 027; m=$(umask); umask 0; umask "$m"; umask; s=$(umask -S); umask 0; umask "$s"; umask' '0027
0027'
}

@test "umask affects files created afterwards" {
	expect_sh 'umask 077; : >f; ls -l f | cut -c1-10' '-rw-------'
}

@test "umask symbolic: + and - act on the allowed permissions" {
	expect_sh 'umask 022; umask u+w,go-rwx; umask; umask 0777; umask g+x; umask; umask 0117; umask +x; umask' '0077
0767
0006'
}

@test "umask symbolic: = sets, a empty clears" {
	expect_sh 'umask 022; umask a=rx; umask; umask ug=rw,o=; umask; umask 022; umask =; umask' '0222
0117
0777'
}

@test "umask symbolic: X and s" {
	expect_sh 'umask 0117; umask o=X; umask; umask 0106; umask o=X; umask; umask u+s; umask' '0117
0106
0106'
}

@test "umask symbolic: several clauses" {
	expect_sh 'umask 0; umask u-rwx,a+r; umask' '0300'
}

@test "umask octal values above 0777 keep the low bits" {
	expect_sh 'umask 1234; umask' '0234'
}

@test "umask: an invalid mode is an error and keeps the mask" {
	sh_c 'umask 022; umask 8; echo "st=$?"; umask; umask u+q; echo "st=$?"; umask'
	case $output in *st=0*) false ;; esac
	case $output in *0022*0022) ;; *) false ;; esac
	err_nonempty
}

@test "umask: an invalid option is a usage error" {
	sh_c 'umask -x; echo "st=$?"'
	out_is 'st=2'
	err_nonempty
}

@test "umask in a subshell does not change the parent" {
	expect_sh 'umask 022; (umask 077); umask' '0022'
}

@test "umask permission copies take the bits from before the command (dash, yash, mksh)" {
	expect_sh 'umask 0767; umask u=rwx,g=u; umask' '0077'
	expect_sh 'umask 0124; umask a=,a=u; umask' '0111'
	expect_sh 'umask 022; umask g+w,o=g; umask' '0002'
}

@test "spsh: umask messages" {
	spsh_only
	sh_c 'umask 8; echo "st=$?"'
	err_is "${C1}"'umask: 8: invalid mode'
	out_is 'st=1'
	sh_c 'umask -x'
	err_is "${C1}"'umask: -x: invalid option
'"${C1}"'umask: usage: umask [-S] [mode]'
}
