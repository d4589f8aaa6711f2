#!/usr/bin/env bats
# bash's redirection extensions (issue 12): <<< here-strings, &> &>> >&word,
# |&, {name}> named file descriptors. Every test calls ext_only; expected
# outputs come from bash 5.2 (tests/run /bin/bash tests/ext_redir.bats).
# In posix mode (the shell run as sh) &> is & then >, as POSIX reads it.
load helpers/common

@test "<<< word: the expanded word and a newline on standard input" {
	ext_only
	expect_sh 'x="a  b"; cat <<< "$x $((1+2))" | od -c | sed -n 1p | tr -s " "' '0000000 a b 3 \n'
}

@test "<<< unquoted word: no field splitting, no globbing" {
	ext_only
	expect_sh 'x="a  *"; cat <<< $x' 'a  *'
}

@test "<<< feeds read in the current shell" {
	ext_only
	expect_sh 'read a b <<< "1 2 3"; echo "$a|$b"' '1|2 3'
}

@test "<<< with a command substitution and a fd number" {
	ext_only
	expect_sh 'cat 0<<<"$(echo sub)"; read -u 3 v 3<<< fd3; echo $v' 'sub
fd3'
}

@test "<<< on a builtin is undone after it" {
	ext_only
	expect_sh 'read v <<< one; echo x | { read w; echo "$v $w"; }' 'one x'
}

@test "<<< with a long word (more than a pipe buffer)" {
	ext_only
	expect_sh 'x=$(printf "%070000d" 0); cat <<< "$x" | wc -c' '70001'
}

@test "&> file sends stdout and stderr to the file" {
	ext_only
	expect_sh '{ echo out; echo err >&2; } &> f; cat f' 'out
err'
}

@test "&> on an external command" {
	ext_only
	expect_sh 'ls /nonexistent-dir &> f; echo "st=$?"; grep -c nonexistent f' 'st=2
1'
}

@test "&>> appends both" {
	ext_only
	expect_sh 'echo a &> f; ls /nonexistent-dir &>> f; echo b &>> f; wc -l < f; head -1 f; tail -1 f' '3
a
b'
}

@test ">& file (no fd number, a file name) is &>" {
	ext_only
	expect_sh '{ echo out; echo err >&2; } >& f; cat f; echo x >& 2' 'out
err' 
}

@test ">& file with noclobber fails on an existing file" {
	ext_only
	sh_c 'echo a > f; set -C; echo b &> f; echo "st=$?"; cat f'
	out_is 'st=1
a'
	err_nonempty
}

@test "cmd |& cmd pipes stderr too" {
	ext_only
	expect_sh '{ echo out; echo err >&2; } |& tr a-z A-Z' 'OUT
ERR'
}

@test "|& comes after the stage's own redirections (2>/dev/null is undone)" {
	ext_only
	expect_sh 'ls /nonexistent-dir 2>/dev/null |& wc -l; ls /nonexistent-dir |& wc -l' '1
1'
}

@test "{name}>file picks a descriptor >= 10 and stores it in name" {
	ext_only
	expect_sh 'exec {fd}>f; [ "$fd" -ge 10 ] && echo big; echo hi >&$fd; cat f' 'big
hi'
}

@test "{name}>&- closes the descriptor named by the variable" {
	ext_only
	sh_c 'exec {fd}>f; exec {fd}>&-; echo x >&$fd; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "{name}<file and exec {fd}<>file" {
	ext_only
	expect_sh 'echo data > f; exec {r}<f; read -u $r v; echo $v; exec {rw}<>g; echo new >&$rw; cat g' 'data
new'
}

@test "{name}<<< here-string onto a new descriptor" {
	ext_only
	expect_sh 'exec {r}<<< "line"; read -u $r v; echo "$v"' 'line'
}

@test "{name}>file on a command keeps the fd open afterwards (bash)" {
	ext_only
	expect_sh 'echo x {a}>f; echo more >&$a; cat f' 'x
more'
}

@test "{name} two descriptors are distinct" {
	ext_only
	expect_sh 'exec {a}>f {b}>g; [ "$a" != "$b" ] && echo distinct' 'distinct'
}

@test "type shows &> and <<< in a function body" {
	ext_only
	sh_c 'f() { echo x; } &> /dev/null; f; echo y'
	out_is 'y'
}

@test "spsh: posix mode: &> is & then > (POSIX reading; bash keeps &>)" {
	spsh_only
	ln -s "$SPSH" "$BATS_TEST_TMPDIR/sh"
	SPSH=$BATS_TEST_TMPDIR/sh sh_c 'echo a &> f; wait; echo "[$(cat f)]"'
	out_is 'a
[]'
}

@test "spsh: posix mode: {name}>f is an operand {name} and a redirection" {
	spsh_only
	ln -s "$SPSH" "$BATS_TEST_TMPDIR/sh"
	SPSH=$BATS_TEST_TMPDIR/sh sh_c 'echo {a}>f; cat f'
	out_is '{a}'
}

# ---- /dev/tcp/HOST/PORT, /dev/udp/HOST/PORT (bash) ----

# listen KIND: a python3 server on 127.0.0.1 (tcp: sends "hello", records
# the line it gets in ./got; udp: records the datagram), for 10 seconds at
# most; sets $port.
listen() {
	command -v python3 >/dev/null || skip "python3 is not installed"
	rm -f "$BATS_TEST_TMPDIR/port" "$BATS_TEST_TMPDIR/got"
	timeout 10 python3 -c '
import socket, sys
udp = sys.argv[1] == "udp"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if udp else socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
if not udp:
    s.listen(1)
with open(sys.argv[2] + "/port.tmp", "w") as f:
    f.write(str(s.getsockname()[1]))
import os
os.rename(sys.argv[2] + "/port.tmp", sys.argv[2] + "/port")
if udp:
    data = s.recv(100)
else:
    c, _ = s.accept()
    c.sendall(b"hello\n")
    data = b""
    while not data.endswith(b"\n"):
        d = c.recv(100)
        if not d:
            break
        data += d
with open(sys.argv[2] + "/got", "w") as f:
    f.write(data.decode())
' "$1" "$BATS_TEST_TMPDIR" 3>&- &
	server=$!
	for _ in $(seq 100); do
		[ -e "$BATS_TEST_TMPDIR/port" ] && break
		sleep 0.05
	done
	port=$(cat "$BATS_TEST_TMPDIR/port")
}

@test "exec 3<>/dev/tcp/127.0.0.1/PORT: read and write a TCP connection" {
	ext_only
	listen tcp
	sh_c 'exec 3<>/dev/tcp/127.0.0.1/'"$port"'; read -r l <&3; echo "$l"; echo answer >&3; exec 3>&-'
	wait "$server"
	out_is 'hello'
	[ "$(cat "$BATS_TEST_TMPDIR/got")" = answer ]
}

@test "an external command's redirection to /dev/tcp (localhost)" {
	ext_only
	listen tcp
	sh_c 'printf "from cat\n" | cat > /dev/tcp/localhost/'"$port"
	wait "$server"
	status_is 0
	[ "$(cat "$BATS_TEST_TMPDIR/got")" = "from cat" ]
}

@test "head -1 < /dev/tcp/...: the socket as an external command's stdin" {
	ext_only
	listen tcp
	sh_c 'head -n 1 < /dev/tcp/127.0.0.1/'"$port"
	kill "$server" 2>/dev/null || true
	out_is 'hello'
}

@test "echo > /dev/udp/127.0.0.1/PORT sends a datagram" {
	ext_only
	listen udp
	sh_c 'echo datagram > /dev/udp/127.0.0.1/'"$port"'; echo "st=$?"'
	wait "$server"
	out_is 'st=0'
	[ "$(cat "$BATS_TEST_TMPDIR/got")" = datagram ]
}

@test "/dev/tcp: refused, unknown host, bad service: status 1 with messages" {
	ext_only
	sh_c 'cat 3<>/dev/tcp/127.0.0.1/1; echo "st=$?"; true < /dev/tcp/127.0.0.1/nosuchservice; echo "st=$?"; true > /dev/tcp/nonexistent.invalid/80; echo "st=$?"'
	out_is 'st=1
st=1
st=1'
	[ "${#stderr_lines[@]}" = 6 ]
}

@test "/dev/tcp/HOST without a port is an ordinary file name" {
	ext_only
	sh_c 'echo x > /dev/tcp/127.0.0.1; echo "st=$?"'
	out_is 'st=1'
	case $stderr in *'/dev/tcp/127.0.0.1: No such file or directory') ;; *) _show_run; false ;; esac
}

@test "spsh: /dev/tcp messages are bash's" {
	spsh_only
	sh_c 'true 3<>/dev/tcp/127.0.0.1/1; true < /dev/tcp/127.0.0.1/nosuchservice'
	err_is "$SPSH: connect: Connection refused
${C1}"'/dev/tcp/127.0.0.1/1: Connection refused
'"${C1}"'nosuchservice: Servname not supported for ai_socktype
'"${C1}"'/dev/tcp/127.0.0.1/nosuchservice: Invalid argument'
}

@test "spsh: posix mode: /dev/tcp/... is a file name" {
	spsh_only
	sh_c 'set -o posix
echo x > /dev/tcp/127.0.0.1/1; echo "st=$?"'
	out_is 'st=1'
	case $stderr in *'/dev/tcp/127.0.0.1/1: No such file or directory') ;; *) _show_run; false ;; esac
}

@test "N>&M- moves a descriptor: M is closed for the command (builtin and external)" {
	ext_only
	expect_sh 'exec 5>out; echo one 6>&5- >&6; cat out' 'one'
	expect_sh 'exec 5>out; { echo two >&6; echo x >&5 2>/dev/null || echo "5 closed"; } 6>&5-; cat out' '5 closed
two'
	expect_sh 'exec 7>out; exec 4>&7-; echo viafour >&4; echo x >&7 2>/dev/null || echo "7 gone"; cat out' '7 gone
viafour'
	expect_sh 'exec 7>out; sh -c "echo ext >&3; echo x >&7 2>/dev/null || echo seven-closed" 3>&7-; cat out' 'seven-closed
ext'
}

@test "N<&M- moves an input descriptor; M>&M- changes nothing" {
	ext_only
	expect_sh 'printf "l1\nl2\n" >in; exec 5<in; read a 3<&5- <&3; echo "$a"; : 3>&3-; echo ok' 'l1
ok'
	expect_sh 'printf "l1\n" >in; exec 6<in; sh -c "cat <&4; cat <&6 2>/dev/null || echo gone" 4<&6-' 'l1
gone'
}

@test "a redirection word is globbed: one match names the file" {
	ext_only
	expect_sh 'touch data-1; echo hi >data-*; cat data-1; ls data-*' 'hi
data-1'
	expect_sh 'echo hi >nomatch-*; cat "nomatch-*"' 'hi'
}

@test "a redirection word of several fields or none: ambiguous redirect, status 1" {
	ext_only
	expect_sh 'touch f-a f-b; echo hi >f-*; echo "glob $?"; v="a b"; cat <$v; echo "split $?"; e=; echo x >$e; echo "empty $?"; echo x >a-{1,2}; echo "brace $?"; ls' 'glob 1
split 1
empty 1
brace 1
f-a
f-b'
	sh_c 'v="two words"; echo x >$v'
	status_is 1
	[[ $stderr == *'$v: ambiguous redirect' ]] || { _show_run; return 1; }
}

@test "a redirection word in posix mode: neither split nor globbed" {
	ext_only
	expect_sh_posix 'touch f-a; v="a b"; echo x >$v; echo y >f-*; cat "a b" "f-*"' 'x
y'
}

@test "1>& file is &> too; >&N- with the default fd moves N (not a file named N-)" {
	ext_only
	expect_sh '{ echo out; echo err >&2; } 1>& g; cat g' 'out
err'
	expect_sh 'exec 5>f; echo hi >&5-; echo "st=$?"; echo more >&5; cat f; [ -e 5- ] || echo "no 5-"' 'st=0
hi
more
no 5-'
	expect_sh 'exec 5>f; /bin/echo ext >&5-; cat f; echo x 2>/dev/null >&2-; echo y' 'ext
y'
}

@test "N>& word and <& word with a word that is not a fd: ambiguous redirect, status 1" {
	ext_only
	sh_c 'echo x 3>&foo; echo "st=$?"; /bin/echo x 2>&foo; echo "st=$?"; cat <&foo; echo "st=$?"; ls'
	out_is 'st=1
st=1
st=1'
	[ "${#stderr_lines[@]}" = 3 ] || { _show_run; return 1; }
	[[ ${stderr_lines[0]} == *': foo: ambiguous redirect' ]] || { _show_run; return 1; }
	sh_c 'e=; echo x >&$e; echo "st=$?"'
	out_is 'st=1'
	[[ $stderr == *': $e: ambiguous redirect' ]] || { _show_run; return 1; }
	sh_c 'echo x >&12345678901; echo "st=$?"'
	out_is 'st=1'
	[[ $stderr == *': 12345678901: Bad file descriptor' ]] || { _show_run; return 1; }
}

@test ">&- and 2>&1- close; exec 3>&- of a closed fd is no error" {
	ext_only
	sh_c 'exec 3>&-; echo "a=$?"; exec 3>&-; echo "b=$?"; echo gone >&-; echo "c=$?"'
	out_is 'a=0
b=0
c=1'
	err_nonempty
	# 2>&1- makes stdout the error output and closes stdout: the write
	# error is reported on the old stdout
	sh_c 'echo moved 2>&1-; echo "d=$?"'
	[[ $output == *'echo: write error: Bad file descriptor'*'d=1' ]] || { _show_run; return 1; }
	err_empty
}
