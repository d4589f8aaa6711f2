#!/usr/bin/env bats
# XCU ulimit and the Linux resources. Expected outputs checked against
# dash and bash --posix; the -a format is bash's ("spsh:" test).
load helpers/common

@test "ulimit with no option shows the file size limit (-f)" {
	expect_sh 'ulimit -f 1000; ulimit; ulimit -f' '1000
1000'
}

@test "ulimit -f counts 512-byte blocks (spsh run as sh: posix mode)" {
	ln -s "$SPSH" "$BATS_TEST_TMPDIR/sh"
	SPSH=$BATS_TEST_TMPDIR/sh
	expect_sh 'trap "" XFSZ; ulimit -f 4; head -c 5000 /dev/zero >f 2>/dev/null; wc -c <f; ulimit -c 2; ulimit -c' '2048
2'
}

@test "ulimit -n shows and sets the open files limit" {
	expect_sh 'ulimit -n 64; ulimit -n; ulimit -Sn' '64
64'
}

@test "ulimit sets both limits by default" {
	expect_sh 'ulimit -t 100; ulimit -Ht; ulimit -St' '100
100'
}

@test "ulimit -S lowers only the soft limit" {
	expect_sh 'ulimit -t 100; ulimit -St 50; ulimit -St; ulimit -Ht' '50
100'
}

@test "ulimit -s and -v use kbytes" {
	hard_s=$(ulimit -Hs)
	expect_sh 'ulimit -s 4096; ulimit -s; [ "$(ulimit -v)" = unlimited ] || ulimit -v 1048576; echo ok' '4096
ok'
}

@test "ulimit unlimited" {
	expect_sh 'ulimit -c 0; ulimit -c; ulimit -c unlimited 2>/dev/null || ulimit -Sc $(ulimit -Hc); echo ok' '0
ok'
}

@test "ulimit -a lists limits" {
	sh_c 'ulimit -a'
	status_is 0
	case $output in *stack*8192* | *stack*) ;; *) false ;; esac
}

@test "ulimit: the limit is inherited by commands" {
	expect_sh 'ulimit -n 77; sh -c "ulimit -n"' '77'
}

@test "ulimit: raising the hard limit above the maximum fails" {
	[ "$(id -u)" = 0 ] && skip "root may raise hard limits"
	sh_c 'ulimit -Hn $(( $(ulimit -Hn) + 1 )); echo "st=$?"'
	case $output in st=0) false ;; esac
}

@test "ulimit: an invalid number is an error" {
	sh_c 'ulimit -n abc; echo "st=$?"'
	case $output in st=0) false ;; esac
	err_nonempty
}

@test "ulimit in a subshell does not change the parent" {
	expect_sh 'ulimit -n 100; (ulimit -n 50); ulimit -n' '100'
}

@test "spsh: ulimit -a uses bash's format" {
	spsh_only
	sh_c 'ulimit -a'
	out_is "$(bash -c 'ulimit -a')"
	sh_c 'ulimit -Ha'
	out_is "$(bash -c 'ulimit -Ha')"
}

@test "spsh: ulimit with several resources labels each line (bash)" {
	spsh_only
	sh_c 'ulimit -n 100; ulimit -t 5; ulimit -n -t'
	out_is 'open files                          (-n) 100
cpu time                   (seconds, -t) 5'
}

@test "spsh: ulimit messages" {
	spsh_only
	sh_c 'ulimit -n abc; echo "st=$?"'
	err_is "${C1}"'ulimit: abc: invalid number'
	out_is 'st=1'
	sh_c 'ulimit -z; echo "st=$?"'
	out_is 'st=2'
	sh_c 'ulimit -Sn $(( $(ulimit -Hn) + 1 )); echo "st=$?"'
	err_is "${C1}"'ulimit: open files: cannot modify limit: Invalid argument'
	out_is 'st=1'
}
