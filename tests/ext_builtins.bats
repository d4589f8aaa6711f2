#!/usr/bin/env bats
# bash's builtins and builtin options (issue 12). Every test calls ext_only;
# expected outputs come from bash 5.2 (tests/run /bin/bash tests/ext_builtins.bats).
load helpers/common

od_c() {
	od -An -c | tr -s ' ' | sed 's/^ //; s/ $//'
}

# ---- echo ----

@test "echo -e interprets escapes, bash's set (\\e \\x \\u)" {
	ext_only
	sh_c 'echo -e "a\tb\x41\u00e9\e" | od -An -tx1'
	out_is ' 61 09 62 41 c3 a9 1b 0a'
}

@test "echo without -e leaves backslashes alone (bash, not posix mode)" {
	ext_only
	expect_sh 'echo "a\tb\n"' 'a\tb\n'
}

@test "echo -E turns escapes off again; the last of -e/-E wins" {
	ext_only
	expect_sh 'echo -eE "a\tb"; echo -Ee "c\td"' "$(printf 'a\\tb\nc\td')"
}

@test "echo option words are made of n, e and E only; others are operands" {
	ext_only
	expect_sh 'echo -neX; echo -n -e "x\n" -n; echo -' "$(printf -- '-neX\nx\n -n-')"
}

@test "echo -n and -e grouped" {
	ext_only
	expect_sh 'echo -ne "a\tb"; echo .' "$(printf 'a\tb.')"
}

@test "echo -e \\c stops all output, the newline too" {
	ext_only
	expect_sh 'echo -e "ab\cd" e; echo next' 'abnext'
}

@test "echo -e \\0nnn is octal, \\x with no digit stays" {
	ext_only
	expect_sh 'echo -e "\0101\x\0"' 'A\x'
}

@test "shopt -s xpg_echo turns escapes on by default, -E still works" {
	ext_only
	expect_sh 'shopt -s xpg_echo; echo "a\tb"; echo -E "c\td"' "$(printf 'a\tb\nc\\td')"
}

@test "echo to a full device: status 1, write error" {
	ext_only
	sh_c 'echo -e hi >/dev/full; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

# ---- printf ----

@test "printf -v assigns the output instead of writing it" {
	ext_only
	expect_sh 'printf -v x "%s-" a b; echo "[$x]"' '[a-b-]'
}

@test "printf -v with a bad name is an error" {
	ext_only
	sh_c 'printf -v 1x %s a; echo "st=$?"'
	out_is 'st=2'
	err_nonempty
}

@test "printf %q quotes for re-reading" {
	ext_only
	sh_c 'printf "%q\n" "a b" "x'\''y" "" "a\$b" "~x" "x~" "#x" "x#" "a=b" "é"'
	out_is "a\\ b
x\\'y
''
a\\\$b
\\~x
x~
\\#x
x#
a=b
é"
}

@test "printf %q uses \$'...' for control characters" {
	ext_only
	sh_c 'printf "%q\n" "$(printf "a\tb")" "$(printf "x\001")" "$(printf "\033")"'
	out_is "\$'a\\tb'
\$'x\\001'
\$'\\E'"
}

@test "printf %q output reads back as the same word" {
	ext_only
	expect_sh 's=$(printf "%q" "a b'\''c\$d*"); eval "set -- $s"; echo "$# [$1]"' "1 [a b'c\$d*]"
}

@test "printf %b expands escapes of its operand, \\0nnn and \\nnn" {
	ext_only
	expect_sh 'printf "%b|\n" "a\101\0101\x41\u00e9"' 'aAAAé|'
}

@test "printf %b \\c stops all output" {
	ext_only
	expect_sh 'printf "%b%s\n" "x\cy" z; echo .' 'x.'
}

@test "printf \\u and \\U escapes in the format" {
	ext_only
	expect_sh 'printf "\u263a \U0001F600 \u41\n"' '☺ 😀 A'
}

@test "printf %(fmt)T formats an epoch time" {
	ext_only
	expect_sh 'TZ=UTC0 printf "%(%F %T)T|%(%Y)T\n" 86400 0' '1970-01-02 00:00:00|1970'
}

@test "printf %(fmt)T with -1 is now" {
	ext_only
	expect_sh 'a=$(printf "%(%Y)T" -1); [ "$a" = "$(date +%Y)" ] && echo same' 'same'
}

@test "printf: an integer out of range is clamped with a warning, status 0 (bash)" {
	ext_only
	sh_c 'printf "%d %u\n" 99999999999999999999 -99999999999999999999; echo "st=$?"'
	out_is '9223372036854775807 18446744073709551615
st=0'
	[[ ${stderr_lines[0]} == *"printf: warning: 99999999999999999999: Numerical result out of range" ]] || { _show_run; return 1; }
	[ "${#stderr_lines[@]}" = 2 ] || { _show_run; return 1; }
}

@test "printf 'c gives the character's code" {
	ext_only
	expect_sh 'printf "%d %x %d\n" "'\''A" "'\''a" "\"0"' '65 61 48'
}

@test "printf reuses its format for extra operands" {
	ext_only
	expect_sh 'printf "%s=%s\n" a 1 b 2 c' 'a=1
b=2
c='
}

@test "printf: a bad number is reported, output goes on, status 1" {
	ext_only
	sh_c 'printf "%d|%d\n" abc 7; echo "st=$?"'
	out_is '0|7
st=1'
	err_nonempty
}

@test "printf: an invalid option shows the usage, status 2" {
	ext_only
	sh_c 'printf -x; echo "st=$?"'
	out_is 'st=2'
	case $stderr in *'-x: invalid option'*'usage: printf [-v var] format [arguments]'*) ;; *) false ;; esac
}

@test "printf to a full device: status 1" {
	ext_only
	sh_c 'printf x >/dev/full; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "printf %5q pads the quoted word" {
	ext_only
	expect_sh 'printf "%5q|%-4b|\n" a x' '    a|x   |'
}

@test "printf %(fmt)T uses the exported TZ; an unexported or unset TZ does not count" {
	ext_only
	sh_c 'export TZ=Asia/Tokyo; printf "%(%F %H)T\n" 1557978599
export TZ=US/Eastern; printf "%(%F %H)T\n" 1557978599
unset TZ; TZ=Asia/Tokyo; printf "%(%F %H)T\n" 1557978599
TZ=Asia/Tokyo printf "%(%F %H)T\n" 1557978599' 
	out_is "$(TZ=UTC0 printf '2019-05-16 12\n2019-05-15 23\n%s\n2019-05-16 12' "$(env -u TZ date -d @1557978599 '+%F %H')")"
}

@test "\$'\\u...' and \$'\\U...' give the character in UTF-8, bash's spelling in the C locale" {
	ext_only
	LC_ALL=C.UTF-8 sh_c "echo \$'\\u03bc|\\U0001F600|\\u0041|\\u' | od -An -tx1"
	out_is ' ce bc 7c f0 9f 98 80 7c 41 7c 5c 75 0a'
	LC_ALL=C sh_c "echo \$'\\u03bc' \$'\\U0001F600'"
	out_is '\u03BC \U0001F600'
}

# ---- export -n, unset ----

@test "export -n takes the export attribute away, assigns a value, ignores unset names" {
	ext_only
	expect_sh 'export A=1 B=2; export -n A B=3 nosuch; echo "$A $B"; printenv A B; echo "st=$?"' "$(printf '1 3\nst=1')"
}

@test "unset without -f removes a function when no variable has the name (bash)" {
	ext_only
	sh_c 'f() { echo fn; }; unset f; f; echo "st=$?"; g() { echo g; }; g=1; unset g; g; h() { echo h; }; unset -v h; h'
	out_is "$(printf 'st=127\ng\nh')"
}

@test "unset of a word that is no name: quiet without -v (a function name), status 1 with -v (bash)" {
	ext_only
	sh_c 'unset %; echo "a $?"; unset "a b" x-1; echo "b $?"; unset -n %; echo "c $?"; f-1() { echo fn; }; unset f-1; f-1 2>/dev/null; echo "d $?"; unset -v % x; echo "e $?"; echo end'
	out_is "$(printf 'a 0\nb 0\nc 0\nd 127\ne 1\nend')"
	[[ $stderr == *"unset: \`%': not a valid identifier" ]] || { _show_run; return 1; }
}

@test "export and readonly of a word that is no name: not a valid identifier, status 1, the script goes on (bash)" {
	ext_only
	sh_c 'export FOO-BAR=foo; echo "a $?"; readonly 1a=2; echo "b $?"; export x=1 b-c d=1; echo "c $? $d"; export -n z-1 x; echo "d $?"; printenv x; echo end'
	out_is "$(printf 'a 1\nb 1\nc 1 1\nd 1\nend')"
	[[ ${stderr_lines[0]} == *"export: \`FOO-BAR=foo': not a valid identifier" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[1]} == *"readonly: \`1a=2': not a valid identifier" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[3]} == *"export: \`z-1': not a valid identifier" ]] || { _show_run; return 1; }
}

@test "alias lists each alias as the command that defines it, alias name=value (bash)" {
	ext_only
	expect_sh "alias b=c a='echo \"x y\"' q=\"it's\"; alias; alias a; alias -p | head -1" "alias a='echo \"x y\"'
alias b='c'
alias q='it'\\''s'
alias a='echo \"x y\"'
alias a='echo \"x y\"'"
}

@test "kill -l and kill -L without operands print the table of trap -l (bash)" {
	ext_only
	sh_c 'kill -l | head -2; kill -L | sed -n 3p; [ "$(kill -l)" = "$(trap -l)" ] && echo same'
	out_is "$(printf ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\nsame')"
}

@test "set lists a value with control characters as \$'...', one line per variable (bash)" {
	ext_only
	sh_c 'x=$(printf "a\tb\001c"); set | grep "^x="; x=$(printf "1\n2"); set >saved; unset x; . ./saved; printf "%s|" "$x"'
	out_is "x=\$'a\\tb\\001c'
1
2|"
}

@test "ulimit -f and -c count 1024-byte blocks outside posix mode (bash)" {
	ext_only
	expect_sh 'trap "" XFSZ; ulimit -f 4; head -c 5000 /dev/zero >f 2>/dev/null; wc -c <f; ulimit -f; ulimit -c 0; ulimit -c' '4096
4
0'
}

@test "umask -p shows the mask as a command that sets it again, -pS symbolically" {
	ext_only
	expect_sh 'umask 0124; umask -p; umask -pS; saved=$(umask -p); umask 0; eval "$saved"; umask' 'umask 0124
umask -S u=rw,g=rx,o=wx
0124'
}

@test "set writes a plain value without quotes, quotes the rest (bash)" {
	ext_only
	sh_c 'a=spam b=a=b c="x.y/z-1,2:3@4+5" e="~x" g="" h="a#b" i="#a" k="x]" n="it'"'"'s"; set | grep "^[abcegh-n]="'
	out_is "a=spam
b=a=b
c=x.y/z-1,2:3@4+5
e='~x'
g=
h=a#b
i='#a'
k='x]'
n='it'\\''s'"
}

@test "history: a bad count or more than one operand is status 1 (bash)" {
	ext_only
	sh_stdin 'history f; echo "a=$?"
history 1 2
echo "b=$?"; history -5; echo "c=$?"'
	out_is "$(printf 'a=1\nb=1\nc=2')"
	case $stderr in *'history: f: numeric argument required'*'history: too many arguments'*) ;; *) false ;; esac
}

@test "shopt -s lastpipe runs the last stage of a pipeline in the shell" {
	ext_only
	sh_c 'shopt -s lastpipe; seq 3 | mapfile -t m; echo "${#m[@]}"; echo hi | read x; echo "x=$x"; printf "1\n2\n" | while read l; do last=$l; done; echo "last=$last"; true | false; echo "st=$? ${PIPESTATUS[*]}"; read -r line <<<"stdin back"; echo "$line"; shopt -u lastpipe; echo y | read w; echo "w=$w"'
	out_is "$(printf '3\nx=hi\nlast=2\nst=1 0 1\nstdin back\nw=')"
}

@test "with lastpipe, exit in the last stage ends the shell" {
	ext_only
	sh_c 'shopt -s lastpipe; echo x | { read y; exit 7; }; echo no'
	status_is 7
	out_is ''
}

@test "test -a FILE and test -o OPTION as the only primary (bash, not posix mode)" {
	ext_only
	sh_c '[ -a / ]; echo $?; [ -a /nonexistent ]; echo $?; test -o nounset; echo $?; set -u; test -o nounset; echo $?; test -o no_such_opt; echo $?; [ x -a "" ]; echo $?'
	out_is "$(printf '0\n1\n1\n0\n1\n1')"
}

# ---- getopts ----

@test "getopts: an OPTIND past the arguments becomes one past the last (bash)" {
	ext_only
	expect_sh 'set -- -a -b x; while getopts ab o; do :; done; echo $OPTIND; set --; getopts ab o; echo "$? $OPTIND"; set -- -q; OPTIND=7; getopts q o; echo "$? $OPTIND $o"' "$(printf '3\n1 1\n1 2 ?')"
}

@test "getopts: a bad name operand is status 1 after OPTARG and OPTIND moved on (bash)" {
	ext_only
	sh_c 'set -- -c foo -h; getopts hc: opt-; echo "st=$? opt=$opt OPTARG=$OPTARG OPTIND=$OPTIND"'
	out_is 'st=1 opt= OPTARG=foo OPTIND=3'
	case $stderr in *"getopts: \`opt-': not a valid identifier") ;; *) false ;; esac
}

# ---- read ----

@test "read -n N stops after N characters (multibyte ones count once)" {
	ext_only
	expect_sh 'echo héllo | { read -n 3 a; echo "$a"; }' 'hél'
}

@test "read -n stops at the delimiter before N characters" {
	ext_only
	expect_sh 'printf "ab\ncd\n" | { read -n 5 a; read b; echo "$a|$b"; }' 'ab|cd'
}

@test "read -N N reads exactly N characters, newlines included, unsplit" {
	ext_only
	expect_sh 'printf "a\nb c d\n" | { read -N 5 x y; echo "[$x][$y]"; }' '[a
b c][]'
}

@test "read -n leaves the rest of a file for the next reader" {
	ext_only
	expect_sh 'printf abcdef > f; { read -n 2 a; read -n 2 b; cat; } < f; echo; echo $a $b' 'ef
ab cd'
}

@test "read -d: another delimiter" {
	ext_only
	expect_sh 'printf "x y:z" | { read -d : a b; echo "$a|$b"; }' 'x|y'
}

@test "read -t: a timeout gives 128+SIGALRM and keeps what was read" {
	ext_only
	# the writer holds the fifo open without a newline: read times out
	# with what it got (opening the fifo waits for the writer)
	expect_sh 'mkfifo p; { printf ab; sleep 4; } > p & read -t 1.5 a < p; echo "$? [$a]"; kill $! 2>/dev/null' '142 [ab]'
}

@test "read -t 0 polls: 0 when input is there" {
	ext_only
	expect_sh 'read -t 0 < /dev/null; echo $?; echo x > f; read -t 0 < f; echo $?' '0
0'
}

@test "read -t with a bad timeout is an error, status 1" {
	ext_only
	sh_c 'read -t -1 a; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "read -n with a bad count is an error, status 1" {
	ext_only
	sh_c 'read -n x a < /dev/null; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "read -u fd reads another descriptor" {
	ext_only
	expect_sh 'echo fd3 > f; read -u 3 a 3< f; echo "$a"' 'fd3'
}

@test "read -u with a closed descriptor is an error" {
	ext_only
	sh_c 'read -u 7 a; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "read -s and -p are accepted off a terminal (no prompt shown)" {
	ext_only
	sh_c 'echo secret | { read -s -p "pw: " pw; echo "[$pw]"; }'
	out_is '[secret]'
	err_empty
}

@test "read -e -i: accepted, the line is read" {
	ext_only
	expect_sh 'echo line | { read -e -i def a; echo "$a"; }' 'line'
}

@test "read: an unknown option shows bash's usage, status 2" {
	ext_only
	sh_c 'read -z; echo "st=$?"'
	out_is 'st=2'
	case $stderr in *'-z: invalid option'*) ;; *) false ;; esac
}

@test "read -n 0 reads nothing and empties the variable" {
	ext_only
	expect_sh 'a=x; echo y | { read -n 0 a; echo "$? [$a]"; }' '0 []'
}

# ---- type, source, builtin, help ----

@test "type -t prints one word per name; nothing and status 1 when unknown" {
	ext_only
	sh_c 'f() { :; }; type -t if f echo export ls no-such-cmd; echo "st=$?"'
	out_is 'keyword
function
builtin
builtin
file
st=1'
}

@test "type -p prints the file only for a file; -P searches PATH for anything" {
	ext_only
	sh_c 'PATH=/usr/bin:/bin; type -p ls echo; echo "st=$?"; type -P echo'
	out_is '/usr/bin/ls
st=0
/usr/bin/echo'
}

@test "type -a lists every interpretation and every file along PATH" {
	ext_only
	sh_c 'PATH=/usr/bin:/bin; type -a echo; type -at echo; type -ap ls'
	out_is 'echo is a shell builtin
echo is /usr/bin/echo
echo is /bin/echo
builtin
file
file
/usr/bin/ls
/bin/ls'
}

@test "type -f passes over functions" {
	ext_only
	sh_c 'f() { :; }; echo() { :; }; type -f f; printf "st=%s\n" $?; type -ft echo'
	out_is 'st=1
builtin'
}

@test "type: an invalid option shows the usage, status 2" {
	ext_only
	sh_c 'type -x ls; echo "st=$?"'
	out_is 'st=2'
	case $stderr in *'-x: invalid option'*'type [-afptP] name [name ...]'*) ;; *) false ;; esac
}

@test "source runs a file with arguments as positional parameters" {
	ext_only
	printf 'echo "in $# $1"\nx=set\n' > "$BATS_TEST_TMPDIR/lib.sh"
	expect_sh 'set -- a b c; source ./lib.sh one; echo "$# $1 $x"' 'in 1 one
3 a set'
}

@test "source finds a file in the current directory after PATH" {
	ext_only
	printf 'echo found\n' > "$BATS_TEST_TMPDIR/lib.sh"
	expect_sh 'PATH=/nonexistent; source lib.sh' 'found'
}

@test "source of a missing file is an error, the shell goes on" {
	ext_only
	sh_c 'source ./no-such-file; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "builtin runs the builtin, not the function of the same name" {
	ext_only
	expect_sh 'echo() { builtin echo "fn: $*"; }; echo hi; builtin echo plain' 'fn: hi
plain'
}

@test "builtin with a name that is no builtin: status 1" {
	ext_only
	sh_c 'builtin ls; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "help NAME answers for a builtin, status 1 for no match" {
	ext_only
	sh_c 'help read >/dev/null; echo "st=$?"; help no-such-topic >/dev/null; echo "st=$?"'
	out_is 'st=0
st=1'
}

@test "read -a fills an indexed array; \$name is its element 0" {
	ext_only
	# element syntax (${a[1]}) is the expansion helper's; this checks
	# what plain $a shows: the first field, leading blanks skipped
	expect_sh 'echo "  a b  c " | { read -a arr; echo "[$arr]"; }; echo "::x" | { IFS=: read -a arr; echo "[$arr]"; }' '[a]
[]'
}

@test "type -ap prints only files, but a function or builtin counts as found" {
	ext_only
	sh_c 'f() { :; }; type -ap f; echo "f=$?"; type -ap cd; echo "cd=$?"; type -aP cd; echo "P=$?"; type -ap no_such_cmd; echo "none=$?"'
	out_is "$(printf 'f=0\ncd=0\nP=1\nnone=1')"
}

@test "builtin and command chain: builtin command NAME, command builtin NAME, from variables too" {
	ext_only
	sh_c 'builtin command echo hi; b=builtin c=command; $b $c export bc=1; echo "bc=$bc"; $c $b readonly cb=2; echo "cb=$cb"; echo() { printf "func\n"; }; builtin command echo direct; command builtin echo direct2; z=Z builtin :; printf "z=%s\\n" "${z-unset}"'
	out_is "$(printf 'hi\nbc=1\ncb=2\ndirect\ndirect2\nz=unset')"
}

# ---- pushd, popd, dirs ----

@test "pushd and popd change directory and print the stack" {
	ext_only
	mkdir -p "$BATS_TEST_TMPDIR/d1" "$BATS_TEST_TMPDIR/d2"
	sh_c 'HOME=/nonexistent; cd "$PWD"; t=$PWD; pushd d1 > "$t/o"; sed "s#$t#T#g" "$t/o"; pushd ../d2 > /dev/null; dirs > "$t/o"; sed "s#$t#T#g" "$t/o"; popd > /dev/null; basename "$PWD"; popd > /dev/null; [ "$PWD" = "$t" ] && echo back'
	out_is 'T/d1 T
T/d2 T/d1 T
d1
back'
}

@test "pushd with no operand swaps the top two" {
	ext_only
	mkdir -p "$BATS_TEST_TMPDIR/d1"
	expect_sh 'cd "$PWD"; pushd d1 > /dev/null; pushd > /dev/null; basename "$PWD"; pushd > /dev/null; basename "$PWD"' "$(basename "$BATS_TEST_TMPDIR")
d1"
}

@test "dirs -v numbers the entries, dirs +N shows one, -c clears" {
	ext_only
	mkdir -p "$BATS_TEST_TMPDIR/d1"
	sh_c 'HOME=/nonexistent; cd "$PWD"; pushd d1 > /dev/null; dirs -v | sed "s#/.*/##"; dirs +1 | sed "s#.*/##"; dirs -c; dirs | sed "s#.*/##"'
	out_is ' 0  d1
 1  '"$(basename "$BATS_TEST_TMPDIR")"'
'"$(basename "$BATS_TEST_TMPDIR")"'
d1'
}

@test "popd on an empty stack is an error, status 1" {
	ext_only
	sh_c 'popd; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "dirs shows \$HOME as ~" {
	ext_only
	mkdir -p "$BATS_TEST_TMPDIR/h"
	expect_sh 'HOME=$PWD/h; cd "$HOME"; dirs' '~'
}

@test "pushd with a CDPATH hit or - prints the directory as cd does, then the stack" {
	# (the first pushd runs in the pipeline's subshell)
	ext_only
	mkdir -p "$BATS_TEST_TMPDIR/a/sub" "$BATS_TEST_TMPDIR/b"
	sh_c 'HOME=/nonexistent; T=$PWD; CDPATH=$T/a; pushd sub | sed "s#$T#T#g"; pushd sub >/dev/null; cd "$T/b"; cd "$T"; pushd - | sed "s#$T#T#g"'
	out_is 'T/a/sub
T/a/sub T
T/b
T/b T T'
}

@test "pushd and popd: a malformed +N/-N or a stray popd operand is a usage error, status 2" {
	ext_only
	sh_c 'cd /; pushd -z; echo "a=$?"; pushd +x; echo "b=$?"; pushd -- /tmp >/dev/null; echo "c=$?"; popd zzz; echo "d=$?"; popd -q; echo "e=$?"; popd -- >/dev/null; echo "f=$?"; popd +9; echo "g=$?"'
	out_is "$(printf 'a=2\nb=2\nc=0\nd=2\ne=2\nf=0\ng=1')"
	case $stderr in *'pushd: -z: invalid number'*'popd: zzz: invalid argument'*) ;; *) false ;; esac
}

# ---- enable ----

@test "enable -n NAME turns a builtin off: PATH finds the utility; enable NAME turns it on" {
	ext_only
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	printf '#!/bin/sh\necho "external $*"\n' > "$BATS_TEST_TMPDIR/bin/echo"
	chmod +x "$BATS_TEST_TMPDIR/bin/echo"
	sh_c 'PATH=$PWD/bin:$PATH; enable -n echo; echo hi; type -t echo; enable -n; enable echo; echo hi; type -t echo'
	out_is 'external hi
file
enable -n echo
hi
builtin'
}

@test "enable lists builtins as 'enable NAME'; -a marks the disabled ones, -s the special ones" {
	ext_only
	sh_c 'enable | head -3; enable -n test; enable -a | grep -E "^enable (-n )?(test|eval)$"; enable -s | head -3; enable -ps | grep -c "enable set"'
	out_is 'enable .
enable :
enable [
enable eval
enable -n test
enable .
enable :
enable break
1'
}

@test "enable: a name that is no builtin, status 1; a bad option, status 2; -f fails" {
	ext_only
	sh_c 'enable foo; echo "st=$?"; enable -n foo; echo "st=$?"; enable -x; echo "st=$?"; enable -f /nonexistent.so foo; echo "st=$?"'
	out_is 'st=1
st=1
st=2
st=1'
	[ "${#stderr_lines[@]}" -ge 4 ]
}

@test "a disabled builtin: builtin NAME fails, command -v finds the file" {
	ext_only
	sh_c 'enable -n test; builtin test; echo "st=$?"; command -v test'
	out_is 'st=1
/usr/bin/test'
}

@test "spsh: enable messages" {
	spsh_only
	sh_c 'enable foo; enable -f x.so foo'
	err_is "${C1}"'enable: foo: not a shell builtin
'"${C1}"'enable: -f: loadable builtins are not supported'
}

# ---- wait -n -p -f ----

@test "wait -n returns the status of the next job to finish, 127 when none is left" {
	ext_only
	sh_c 'sleep 0.5 & (sleep 0.1; exit 3) & wait -n; echo "n=$?"; wait -n; echo "n=$?"; wait -n; echo "none=$?"'
	out_is 'n=3
n=0
none=127'
}

@test "wait -n takes a job that finished before it was called" {
	ext_only
	# (bash -c gives 127 here, a script 4)
	sh_script '(exit 4) & sleep 0.3; wait -n; echo "st=$?"'
	out_is 'st=4'
}

@test "wait -n ID... waits for one of the listed jobs only" {
	ext_only
	expect_sh '(sleep 0.1; exit 5) & c=$!; (sleep 0.3; exit 6) & d=$!; wait -n $d; echo "list=$?"; wait $c; echo "c=$?"' 'list=6
c=5'
}

@test "wait -p VAR sets VAR to the pid waited for; unset when there is none" {
	ext_only
	sh_c 'sleep 0.3 & a=$!; (exit 7) & b=$!; wait -n -p v; [ "$v" = "$b" ] && echo b; wait -p w $a; [ "$w" = "$a" ] && echo a; v=5; wait -n -p v; echo "st=$? v=${v-unset}"'
	out_is 'b
a
st=127 v=unset'
}

@test "wait: an unknown pid is 127 with a message; -p without a name is a usage error" {
	ext_only
	sh_c 'wait 99999; echo "st=$?"; wait -n 99999; echo "st=$?"; wait -p; echo "st=$?"; wait -f; echo "st=$?"'
	out_is 'st=127
st=127
st=2
st=0'
	[ "${#stderr_lines[@]}" -ge 3 ]
}

@test "spsh: wait messages as bash words them" {
	spsh_only
	sh_c 'wait 99999; wait -n 99999'
	err_is "${C1}"'wait: pid 99999 is not a child of this shell
'"${C1}"'wait: 99999: no such job'
}

# ---- kill -l, trap -l ----

@test "kill -l NUMBER, NAME, SIGNAME, exit status, 0" {
	ext_only
	expect_sh 'kill -l 9; kill -l KILL; kill -l sigterm; kill -l 137; kill -l 0; kill -l 9 15 HUP; kill -l RTMIN+1; kill -l 64' 'KILL
9
15
KILL
EXIT
KILL
TERM
1
35
RTMAX'
}

@test "kill -l with a bad number or name: status 1" {
	ext_only
	sh_c 'kill -l 200; echo "st=$?"; kill -l FOO; echo "st=$?"'
	out_is 'st=1
st=1'
	[ "${#stderr_lines[@]}" = 2 ]
}

@test "kill -s NAME, kill -n NUMBER, kill -SIG" {
	ext_only
	expect_sh 'sleep 10 & kill -s USR1 $!; wait $!; kill -l $?; sleep 10 & kill -n 15 $!; wait $!; kill -l $?; sleep 10 & kill -HUP $!; wait $!; kill -l $?' 'USR1
TERM
HUP'
}

@test "trap -l prints bash's signal table" {
	ext_only
	sh_c 'trap -l | head -2; trap -l | tail -1'
	out_is "$(printf ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n63) SIGRTMAX-1\t64) SIGRTMAX\t')"
}

# ---- local - ----

@test "local - restores the set options when the function returns (bash 4.4)" {
	ext_only
	sh_c 'f() { local -; set -f -u -o pipefail; case $- in *f*u*) echo in;; esac; }; f; case $- in *f*|*u*) echo leaked;; esac; set -o | grep -q "pipefail.*off" && echo restored'
	out_is 'in
restored'
}

@test "local - twice, and options set by the caller stay" {
	ext_only
	sh_c 'g() { local -; local -; set +f; }; h() { set -f; g; case $- in *f*) echo kept;; esac; }; h'
	out_is 'kept'
}

@test "local - outside a function is an error" {
	ext_only
	sh_c 'local -; echo "st=$?"'
	out_is 'st=1'
	err_nonempty
}

@test "type: coproc, select, time, function, [[ and ]] are keywords (bash)" {
	ext_only
	expect_sh 'type -t coproc select time function "[[" "]]"' 'keyword
keyword
keyword
keyword
keyword
keyword'
}

@test "export -p and readonly -p print declare -x / declare -r lines outside posix mode (bash)" {
	ext_only
	sh_c 'x=a\"b\$c; export x; declare -x y; declare -ix i=3; readonly r=1
export -p | grep -E "^declare -[a-z]+ (x|y|i|r)(=|\$)"; readonly -p | grep -E "^declare -[a-z]+ (x|y|i|r)(=|\$)"'
	out_is 'declare -ix i="3"
declare -x x="a\"b\$c"
declare -x y
declare -r r="1"'
}

@test "export -p outside posix mode can be re-read" {
	ext_only
	expect_sh 'export q=$'"'"'a b\n"c'"'"'; s=$(export -p); unset q; eval "$s"; printf "%s|" "$q"' 'a b
"c|'
}

@test "getopts messages start with \$0, not the shell's name and line (bash)" {
	ext_only
	sh_script 'getopts ab: o -x
f() { getopts ab: o -b; }; OPTIND=1; f'
	err_is 'script.sh: illegal option -- x
script.sh: option requires an argument -- b'
	sh_c 'getopts a o -z' myname
	err_is 'myname: illegal option -- z'
}

# ---- declare -f / type: bash's layout of a function ----

@test "declare -f prints a function in bash's layout: if/case/loops/pipelines/&&/||/subshell/group/&" {
	ext_only
	sh_c 'f() { if a; then b; elif c; then d; else e; fi; case $1 in a|b) x ;; *) ;; esac; for i in 1 2; do echo $i; done; while false; do :; done >/dev/null 2>&1; a | b && c || d; ( cd /; pwd ) 2>&1; { echo g; } >&2; x & }; declare -f f'
	out_is 'f () 
{ 
    if a; then
        b;
    else
        if c; then
            d;
        else
            e;
        fi;
    fi;
    case $1 in 
        a | b)
            x
        ;;
        *)

        ;;
    esac;
    for i in 1 2;
    do
        echo $i;
    done;
    while false; do
        :;
    done > /dev/null 2>&1;
    a | b && c || d;
    ( cd /;
    pwd ) 2>&1;
    { 
        echo g
    } 1>&2;
    x &
}'
}

@test "type prints here-documents, for without in, for ((;;)), [[ ]], (( )) and a nested function as bash does" {
	ext_only
	sh_script 'g() { cat <<EOF; echo after
body $x "q" \$y
EOF
cat <<'"'"'Q'"'"' | tr a b
lit $x
Q
for j; do :; done; for ((i=0; i<2; i++)); do :; done; [[ -n $a && b == c* ]]; (( i++ )); h() { :; }; }
type g'
	out_is 'g is a function
g () 
{ 
    cat <<EOF
body $x "q" \$y
EOF

    echo after
    cat <<'"'"'Q'"'"' |
lit $x
Q
  tr a b
    for j in "$@";
    do
        :;
    done;
    for ((i=0; i<2; i++))
    do
        :;
    done;
    [[ -n $a && b == c* ]];
    (( i++ ));
    function h () 
    { 
        :
    }
}'
}

@test "declare -f output reads back to the same function" {
	ext_only
	sh_c 'f() { case $1 in a) echo "<$1>" | tr a b ;; esac; cat <<E
x $1
E
}; s=$(declare -f f); unset -f f; eval "$s"; f a; [ "$s" = "$(declare -f f)" ] && echo same'
	out_is '<b>
x a
same'
}

@test "declare -f: the body's redirections after }, a reserved name after function, posix mode without it (bash)" {
	ext_only
	sh_c 'f() { :; } >/dev/null; declare -f f; function if { :; }; declare -f if'
	out_is 'f () 
{ 
    :
} > /dev/null
function if () 
{ 
    :
}'
	sh_c_posix 'f() { g() { :; }; }; declare -f f'
	out_is 'f () 
{ 
    g () 
    { 
        :
    }
}'
}

@test "type outside posix mode: aliased to \`...', special builtins are shell builtins (bash)" {
	ext_only
	sh_c 'shopt -s expand_aliases; alias ll="ls -l" q="a'"'"'b"
type ll q eval :; type -a ll | head -1'
	out_is "ll is aliased to \`ls -l'
q is aliased to \`a'b'
eval is a shell builtin
: is a shell builtin
ll is aliased to \`ls -l'"
}

@test "command -v/-V with several names succeeds when any is found (bash)" {
	ext_only
	sh_c 'command -v echo ZZZ; echo $?; command -v ZZZ echo; echo $?; command -v ZZZ; echo $?; command -V ZZZ cd; echo $?'
	out_is 'echo
0
echo
0
1
cd is a shell builtin
0'
}

@test "test -t with an operand that is no number is false, without an error (bash)" {
	ext_only
	sh_c '[ -t invalid ]; echo $?; test -t ""; echo $?; [ -t 0 ] </dev/null; echo $?'
	out_is '1
1
1'
	err_empty
}

@test "fc -lr with a reversed range lists it newest first (bash)" {
	ext_only
	cd "$BATS_TEST_TMPDIR"
	seq 3 >hist
	run --separate-stderr "$SPSH" --norc -i <<'IN'
HISTFILE=hist
history -c
history -r
fc -lr 3 2
fc -l 3 2
IN
	out_is "$(printf '3\t 2\n2\t 1\n3\t 2\n2\t 1')"
}

@test "history -w and -a onto HISTFILE=/dev/null succeed; history -a without a HISTFILE fails (bash)" {
	ext_only
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr env HOME="$BATS_TEST_TMPDIR" "$SPSH" --norc -i <<'IN'
HISTFILE=/dev/null
echo x
history -w; echo w=$?
history -a; echo a=$?
history -w /dev/null; echo w2=$?
unset HISTFILE
history -a; echo a2=$?
HISTFILE=
history -a; echo a3=$?
IN
	out_is 'x
w=0
a=0
w2=0
a2=1
a3=1'
}

@test "assignments before a special builtin are temporary outside posix mode, but for export and readonly of the name (bash)" {
	ext_only
	printf 'echo "in:$x"\n' >"$BATS_TEST_TMPDIR/dotf"
	sh_c 'x=1 :; echo "[$x]"; x=2 . ./dotf; echo "[$x]"; IFS=: set -- a:b; echo "$#"; y=3 eval "echo \$y; y=4"; echo "[$y]"
x=5 exec >&1; echo "[$x]"; z=6 export z; echo "[$z]"; printenv z; w=7 readonly w; echo "[$w]"'
	out_is '[]
in:2
[]
1
3
[]
[]
[6]
6
[7]'
}

@test "a function named like a special builtin is called outside posix mode (bash)" {
	ext_only
	sh_c 'exit() { echo "my exit $1"; }; exit 3; echo after; type -t exit; command exit 0; echo notreached'
	out_is 'my exit 3
after
function'
	status_is 0
}

# ---- shift ----

@test "shift past \$# is silent with status 1 and the script goes on (bash)" {
	ext_only
	sh_c 'set -- a b; shift 3; echo "st=$? $#"; shift; echo "st=$? $#"'
	out_is 'st=1 2
st=0 1'
	err_empty
}

@test "shopt -s shift_verbose reports a count past \$#" {
	ext_only
	sh_c 'shopt -s shift_verbose; set -- a; shift 3; echo "st=$?"; shift 2>/dev/null; shift; echo "st=$?"'
	out_is 'st=1
st=1'
	[[ ${stderr_lines[0]} == *"shift: 3: shift count out of range" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[1]} == *"shift: shift count out of range" ]] || { _show_run; return 1; }
}

@test "shift with a bad count: status 1, the script goes on (bash)" {
	ext_only
	sh_c 'shift x; echo "st=$?"; shift -1; echo "st=$?"'
	out_is 'st=1
st=1'
	[[ ${stderr_lines[0]} == *"shift: x: numeric argument required" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[1]} == *"shift: -1: shift count out of range" ]] || { _show_run; return 1; }
}

# ---- $- ----

@test "\$- is hBc for -c, hBs for standard input (bash)" {
	ext_only
	expect_sh 'echo $-' 'hBc'
	sh_stdin 'echo $-'
	out_is 'hBs'
	sh_c 'set -aefbuvxC; echo $-' 2>/dev/null
	out_is 'abefhuvxBCc'
}

@test "\$- shows E and T (bats restores errtrace from it), set +h drops h" {
	ext_only
	expect_sh 'set -E -T; echo $-; set +ETh; echo $-; set -o errtrace; case $- in *E*) echo E;; esac' 'hBETc
Bc
E'
	sh_c '"$0" +h -c "echo \$-"' "$SPSH"
	out_is 'Bc'
}

@test "set +B takes B out of \$-" {
	ext_only
	expect_sh 'set +B; echo $-; set -o braceexpand; echo $-' 'hc
hBc'
}

@test "declare -f keeps \${x} braced as written, \$x bare (bash)" {
	ext_only
	sh_c 'f() { echo ${x} "${y}z" $x ${1} ${#a} ${@}; }; declare -f f'
	out_is 'f () 
{ 
    echo ${x} "${y}z" $x ${1} ${#a} ${@}
}'
}

@test "start-up -O NAME and +O NAME set and unset shopt options; the last one wins" {
	ext_only
	_spsh_run _spsh_exec -O extglob -O nullglob -c 'shopt -p extglob nullglob; echo "[" @(a|b) "]"'
	out_is 'shopt -s extglob
shopt -s nullglob
[ ]'
	_spsh_run _spsh_exec -O extglob +O extglob +O checkwinsize -c 'shopt extglob checkwinsize'
	out_is 'extglob        	off
checkwinsize   	off'
	_spsh_run _spsh_exec -lO extglob -c 'shopt extglob'
	out_is 'extglob        	on'
}

@test "start-up -O with an unknown name: the message, status 2, nothing runs" {
	ext_only
	_spsh_run _spsh_exec -O nosuch -c 'echo ran'
	status_is 2
	out_is ''
	[[ $stderr == *"nosuch: invalid shell option name" ]] || { _show_run; return 1; }
}

@test "start-up -O or +O alone lists the shopt options as shopt and shopt -p do, then runs" {
	ext_only
	sh_c 'shopt'
	local list=$output
	sh_c 'shopt -p'
	local plist=$output
	_spsh_run _spsh_exec -O <<<'echo ran'
	out_is "$list
ran"
	_spsh_run _spsh_exec +O </dev/null
	out_is "$plist"
}

@test "login_shell is on after -l or --login and cannot be changed: shopt -s/-u leave it, status 0" {
	ext_only
	_spsh_run _spsh_exec --noprofile -l -c 'shopt -p login_shell; shopt -u login_shell; echo "st=$?"; shopt -q login_shell && echo on'
	out_is 'shopt -s login_shell
st=0
on'
	_spsh_run _spsh_exec --noprofile --login -c 'shopt login_shell'
	out_is 'login_shell    	on'
	sh_c 'shopt -s login_shell; echo "st=$?"; shopt login_shell; echo "st=$?"'
	out_is 'st=0
login_shell    	off
st=1'
	err_empty
	_spsh_run _spsh_exec -O login_shell -c 'shopt -q login_shell; echo "st=$?"'
	out_is 'st=1'
}

@test "start-up --verbose is -v; a last line without a newline is echoed with one" {
	ext_only
	_spsh_run _spsh_exec --verbose -c 'echo v'
	out_is 'v'
	[[ $stderr == *"echo v" ]] || { _show_run; return 1; }
	run bash -c '"$SPSH" --verbose -c "echo v" 2>&1 >/dev/null | tail -c 3 | od -An -c'
	[ "$(echo $output)" = 'v \n' ]
}

@test "exec -a NAME runs the command with NAME as argv[0]; -l puts a dash before it" {
	ext_only
	expect_sh '(exec -a nm sh -c "echo \$0"); (exec -l sh -c "echo \$0"); (exec -la nm -- sh -c "echo \$0"); x=$(exec -a sub sh -c "echo \$0"); echo "$x"; exec -a last sh -c "echo \$0"' 'nm
-sh
-nm
sub
last'
}

@test "exec -c runs the command with an empty environment, prefix assignments too" {
	ext_only
	expect_sh 'export E=1; (X=2 exec -c env) | wc -l; x=$(exec -c env); echo "[$x]"; (X=2 exec env) | grep -c "^X=2$"; exec -c -- env' '0
[]
1'
}

@test "exec -a with no command keeps the shell; bad options: the usage, status 2" {
	ext_only
	sh_c 'exec -a nm; echo "st=$?"; (exec -x y); echo "st=$?"; (exec -a); echo "st=$?"; (exec -a nm nosuch_cmd_q); echo "st=$?"'
	out_is 'st=0
st=2
st=2
st=127'
	[[ ${stderr_lines[0]} == *"exec: -x: invalid option" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[1]} == *"exec: usage: exec [-cl] [-a name] [command [argument ...]] [redirection ...]" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[2]} == *"exec: -a: option requires an argument" ]] || { _show_run; return 1; }
	[[ ${stderr_lines[4]} == *"nosuch_cmd_q: not found" ]] || { _show_run; return 1; }
}

@test "shopt -s execfail: exec that cannot run its command leaves the shell running, with the status (bash)" {
	ext_only
	sh_c 'shopt -s execfail; exec ./nonexist; echo "a $?"; exec nosuchcmd_x; echo "b $?"; exec /; echo "c $?"; shopt -u execfail; exec ./nonexist; echo not here'
	out_is 'a 127
b 127
c 126'
	status_is 127
}

@test "shopt lists every bash 5.2 option in bash's order; compat44, extdebug, autocd... can be set; restricted_shell stays off (bash)" {
	ext_only
	sh_c 'shopt | awk "{print \$1}" | tr "\n" " "; echo; shopt -s compat44 extdebug autocd varredir_close; echo "st=$?"; shopt -p autocd; shopt -s restricted_shell; shopt -p restricted_shell complete_fullquote force_fignore'
	out_is 'autocd assoc_expand_once cdable_vars cdspell checkhash checkjobs checkwinsize cmdhist compat31 compat32 compat40 compat41 compat42 compat43 compat44 complete_fullquote direxpand dirspell dotglob execfail expand_aliases extdebug extglob extquote failglob force_fignore globasciiranges globskipdots globstar gnu_errfmt histappend histreedit histverify hostcomplete huponexit inherit_errexit interactive_comments lastpipe lithist localvar_inherit localvar_unset login_shell mailwarn no_empty_cmd_completion nocaseglob nocasematch noexpand_translation nullglob patsub_replacement progcomp progcomp_alias promptvars restricted_shell shift_verbose sourcepath varredir_close xpg_echo 
st=0
shopt -s autocd
shopt -u restricted_shell
shopt -s complete_fullquote
shopt -s force_fignore'
}
