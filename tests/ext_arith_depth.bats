#!/usr/bin/env bats
# Arithmetic on variables whose values are expressions, recursively (bash
# 5.2 is the reference; tests/run /bin/bash): how deep it may go and what
# happens at the limit.
load helpers/common

@test "a variable may recurse a hundred levels deep in arithmetic (bash allows 1024)" {
	ext_only
	expect_sh 'loop="i<=100&&(s+=i,i++,loop)" s=0 i=0; echo $((a=loop,s))' 5050
}

@test "with a small stack, deep arithmetic recursion is an error, not a crash" {
	spsh_only	# bash 5.2 itself dies of SIGSEGV here
	sh_c 'ulimit -s 256 && exec "$SPSH" -c "loop=\"i<=5000&&(s+=i,i++,loop)\" s=0 i=0; echo \$((a=loop,s))"'
	[ "$status" -ne 0 ] && [ "$status" -lt 128 ]
	[[ $stderr == *'recursion'* ]]
}
