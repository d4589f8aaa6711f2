#!/usr/bin/env bats
# XCU kill. Expected outputs checked against dash (and bash --posix, yash);
# our message wording and bash's extensions in the "spsh:" tests.
load helpers/common

@test "kill sends SIGTERM by default" {
	expect_sh 'sleep 10 & kill $!; wait $!; echo $?' '143'
}

@test "kill -s NAME, -NAME and -NUMBER" {
	expect_sh 'sleep 10 & kill -s KILL $!; wait $!; echo $?
sleep 10 & kill -HUP $!; wait $!; echo $?
sleep 10 & kill -9 $!; wait $!; echo $?
sleep 10 & kill -s USR1 $!; wait $!; echo $?' '137
129
137
138'
}


@test "kill -0 checks that a process exists" {
	expect_sh 'kill -0 $$; echo $?' '0'
}

@test "kill -- before the operands" {
	expect_sh 'sleep 10 & kill -s TERM -- $!; wait $!; echo $?' '143'
}

@test "kill a process group with a negative pid" {
	expect_sh 'pg=$(ps -o pgid= -p $$ | tr -d " "); kill -0 -$pg; echo $?' '0'
}

@test "kill a job by %n" {
	expect_sh 'sleep 10 & kill %1; wait; echo done' 'done'
}

@test "kill a nonexistent process: status 1" {
	sh_c 'kill 999999; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "kill with an unknown signal fails" {
	sh_c 'kill -s FOO $$; echo "st=$?"'
	case $output in st=0) false ;; esac
	err_nonempty
}

@test "kill with no operand is a usage error" {
	sh_c 'kill; echo "st=$?"'
	case $output in st=0) false ;; esac
	err_nonempty
}

@test "kill -l with a signal number gives its name" {
	expect_sh 'kill -l 9; kill -l 15' 'KILL
TERM'
}

@test "kill -l with an exit status above 128 gives the signal" {
	expect_sh 'sleep 10 & kill -s HUP $!; wait $!; kill -l $?' 'HUP'
}

@test "kill -l lists the signal names (posix mode)" {
	expect_sh_posix 'kill -l | tr " " "\n" | grep -cx -e HUP -e INT -e KILL -e TERM' 4
}

@test "kill -l with an invalid number fails" {
	sh_c 'kill -l 999; echo "st=$?"'
	case $output in *st=0) false ;; esac
	err_nonempty
}

@test "spsh: kill messages" {
	spsh_only
	sh_c 'kill 999999; echo "st=$?"'
	err_is "${C1}"'kill: 999999: No such process'
	sh_c 'kill -s FOO 1; echo "st=$?"'
	err_is "${C1}"'kill: FOO: invalid signal specification'
	out_is 'st=1'
	sh_c 'kill abc'
	err_is "${C1}"'kill: abc: arguments must be process or job IDs'
	sh_c 'kill -l 999'
	err_is "${C1}"'kill: 999: invalid signal specification'
}

@test "spsh: kill -l prints one name a line in posix mode, realtime as RTMIN+n (bash names)" {
	spsh_only
	sh_c_posix 'kill -l | head -3; kill -l 35 64; kill -l KILL'
	out_is 'HUP
INT
QUIT
RTMIN+1
RTMAX
9'
}

@test "spsh: kill -n NUM, the SIG prefix and lower-case names (bash)" {
	spsh_only
	expect_sh 'sleep 10 & kill -n 9 $!; wait $!; echo $?; sleep 10 & kill -s hup $!; wait $!; echo $?; sleep 10 & kill -s SIGKILL $!; wait $!; echo $?; kill -l 2 15' '137
129
137
INT
TERM'
}
