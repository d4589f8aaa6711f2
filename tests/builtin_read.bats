#!/usr/bin/env bats
# XCU read. Expected outputs checked against dash, bash --posix, yash and
# mksh (they agree on all of these); extensions against bash.
load helpers/common

@test "read splits fields on IFS white space, last variable gets the rest" {
	expect_sh 'echo " a  b c " | { read x y; echo "[$x][$y]"; }' '[a][b c]'
}

@test "read sets missing fields to empty" {
	expect_sh 'echo "a" | { read x y z; echo "[$x][$y][$z]"; }' '[a][][]'
}

@test "read with one variable trims leading and trailing white space" {
	expect_sh 'echo "   a b   " | { read x; echo "[$x]"; }' '[a b]'
}

@test "read: non-white-space IFS delimiters" {
	expect_sh 'echo "a:b::c" | { IFS=: read x y z; echo "[$x][$y][$z]"; }' '[a][b][:c]'
}

@test "read: a trailing delimiter after the last field is dropped" {
	expect_sh 'IFS=:; echo "a:b:" | { read x y; echo "[$x][$y]"; }; echo "a:b::" | { read x y; echo "[$x][$y]"; }' '[a][b]
[a][b::]'
}

@test "read: mixed IFS white space and delimiters" {
	expect_sh 'IFS=" :"; echo "  a : b :  " | { read x y; echo "[$x][$y]"; }; echo "  a : b :  " | { read x; echo "[$x]"; }' '[a][b]
[a : b :]'
}

@test "read: IFS=', ' gives empty fields between commas" {
	expect_sh 'IFS=", "; echo "a, b,,c ,d" | { read a b c d e; echo "[$a][$b][$c][$d][$e]"; }' '[a][b][][c][d]'
}

@test "read: empty IFS does no splitting" {
	expect_sh 'echo " a b " | { IFS= read x y; echo "[$x][$y]"; }' '[ a b ][]'
}

@test "read: backslash removes the special meaning of the next character" {
	expect_sh 'printf "%s\n" "a\\ b c" | { read x y; echo "[$x][$y]"; }' '[a b][c]'
}

@test "read: backslash-newline continues the line" {
	expect_sh 'printf "%s\n" "a\\" "b c" | { read x y; echo "[$x][$y]"; }' '[ab][c]'
}

@test "read -r keeps backslashes" {
	expect_sh 'printf "%s\n" "a\\ b\\" "c" | { read -r x y; echo "[$x][$y]"; }' '[a\][b\]'
}

@test "read: an escaped IFS character is not a delimiter" {
	expect_sh 'printf "%s\n" "a\\:b:c" | { IFS=: read x y; echo "[$x][$y]"; }' '[a:b][c]'
}

@test "read at end of file without newline: status 1, variable still set" {
	expect_sh 'printf abc | { read x; echo "$? [$x]"; }' '1 [abc]'
}

@test "read at end of file: status 1, empty variable" {
	expect_sh 'x=old; read x </dev/null; echo "$? [$x]"' '1 []'
}

@test "read from a pipe consumes only one line" {
	expect_sh 'printf "l1\nl2\nl3\n" | { read a; read b; echo "[$a][$b]"; cat; }' '[l1][l2]
l3'
}

@test "read from a regular file leaves the offset after the line" {
	printf 'l1\nl2\nl3\n' >"$BATS_TEST_TMPDIR/f"
	expect_sh '{ read a; read b; echo "[$a][$b]"; cat; } <f' '[l1][l2]
l3'
}

@test "read in a loop over a file" {
	printf 'a 1\nb 2\nc 3\n' >"$BATS_TEST_TMPDIR/f"
	expect_sh 'while read k v; do echo "$v$k"; done <f' '1a
2b
3c'
}

@test "read: a bad variable name is an error" {
	sh_c 'read 1x </dev/null; echo $?'
	case $output in 0|1) false ;; esac
	err_nonempty
}

@test "read into a read-only variable fails" {
	# posix mode: dash's 2 (bash, and spsh outside it: 1, ext_errors.bats)
	sh_c_posix 'readonly ro=1; echo a | { read ro; echo $?; }'
	case $output in 0|1|'') false ;; esac
	err_nonempty
}

@test "read -p does not prompt when input is not a terminal" {
	sh_c 'echo a b | { read -p "P> " x y; echo "[$x][$y]"; }'
	out_is '[a][b]'
	err_empty
}

@test "extension: read -d uses another delimiter (bash)" {
	spsh_only
	expect_sh 'printf "a:b\n" | { read -d : x; echo "$? [$x]"; }' '0 [a]'
	expect_sh 'printf "a\nb\0c" | { read -d "" x; echo "$? [$x]"; }' '0 [a
b]'
}

@test "extension: read with no name sets REPLY to the whole line (bash)" {
	spsh_only
	expect_sh 'printf " a b \n" | { read; echo "[$REPLY]"; }' '[ a b ]'
}

@test "spsh: read messages" {
	spsh_only
	sh_c 'read 1x </dev/null'
	err_is "${C1}"'read: 1x: bad variable name'
	status_is 2
	sh_c 'read -q x </dev/null'
	status_is 2
	sh_c 'read x <&-'
	err_is "${C1}"'read: read error: Bad file descriptor'
	status_is 1
}


@test "spsh: read interrupted by a trapped signal runs the trap and returns > 128" {
	spsh_only
	mkfifo "$BATS_TEST_TMPDIR/ff"
	sh_c 'trap "echo trapped" USR1; exec 3<>ff; (sleep 1; kill -USR1 $$) & read x <&3; echo "st=$?"'
	case $output in trapped*st=1[3-9][0-9]) ;; *) _show_run; false ;; esac
}

@test "read from a directory fails with status 1 and leaves no partial line" {
	mkdir "$BATS_TEST_TMPDIR/d"
	sh_c 'read x <d; echo "st=$? [$x]"'
	out_is 'st=1 []'
}

# read keeps the block it read ahead of a regular file for the next read of
# the same fd; whatever else reads, writes or replaces the fd must find the
# offset just past the line read
@test "read from a file leaves the rest to commands, subshells and other fds" {
	seq 1 10 >"$BATS_TEST_TMPDIR/f"
	printf 'a\nb\n' >"$BATS_TEST_TMPDIR/g"
	sh_c '{ read a; head -n 1; read b; echo "$a $b"; } <f
{ read a; (read b; echo "sub $b"); read c; echo "$a $c"; } <f
{ read a; x=$(read b; echo "$b"); read c; echo "$a $x $c"; } <f
{ read a; "$0" -c "read b; echo inner \$b"; read c; echo "$a $c"; } <f
{ read a; read b <&0; exec 3<&0; read c <&3; exec 3<&-; read d; echo "$a $b $c $d"; } <f
exec 3<f; read a <&3; exec 3<&-; exec 3<g; read b <&3; exec 3<&-; echo "$a $b"
{ while read l; do [ "$l" = 3 ] && break; done; read c; echo "after $c"; } <f'
	out_is '2
1 3
sub 2
1 3
1 2 3
inner 2
1 3
1 2 3 4
1 a
after 4'
}

@test "read from a file it writes to: a truncation or a write through the same fd is seen" {
	printf '1\n2\n3\n' >"$BATS_TEST_TMPDIR/w"
	cp "$BATS_TEST_TMPDIR/w" "$BATS_TEST_TMPDIR/v"
	sh_c 'while read l; do echo "[$l]"; echo x >w; done <w
exec 3<>v; read a <&3; echo X >&3; exec 3<&-; cat v'
	out_is '[1]
1
X
3'
}
