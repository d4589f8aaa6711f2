#!/usr/bin/env bats
# Real scripts, run for real under the shell under test and under dash: the
# output must be byte-identical (after normalising the shell's name and the
# temporary directories). The main piece is an autoconf-generated configure
# script (tests/fixtures/autoconf, generated once by autoconf 2.71 from the
# configure.ac beside it, so neither autoconf nor a regeneration is needed):
# its option parsing, $as_echo/$as_me machinery, cache variables, here-docs
# that write config.status, and config.status's sed-based substitution are
# among the most expansion-heavy /bin/sh code in daily use.
#
# CONFIG_SHELL is set to the shell being tested, so configure neither
# re-executes itself with another shell nor runs config.status with one;
# each test checks that config.log names the shell it was meant to run.

load helpers/common

REF=${SPSH_COMPARE_REF:-/usr/bin/dash}
FIXTURES=$BATS_TEST_DIRNAME/fixtures

setup() {
	[ -x "$REF" ] || skip "reference shell $REF is not installed"
}

# norm DIR SHELL: stdin to stdout with DIR, SHELL and the shell's basename
# replaced by fixed words, and compiler temporary names (/tmp/ccXXXXXX.o)
# made uniform. Debian's dash is built without LINENO, so under it autoconf
# writes literal line numbers where other shells keep $LINENO (in
# config.status as "$LINENO" and ${as_lineno-$LINENO}, in config.log as
# "config.status:N:"): both forms become N.
norm() {
	sed -e "s|$1|@DIR@|g" -e "s|$2|@SHELL@|g" -e "s|\\b${2##*/}: |@SHELL@: |g" \
		-e 's|/tmp/cc[A-Za-z0-9]*\.o|/tmp/ccX.o|g' \
		-e 's|^config\.status:[0-9]*:|config.status:N:|' \
		-e 's|"\$LINENO" \([0-9]\)|"N" \1|g' -e 's|"[0-9][0-9]*" \([0-9]\)|"N" \1|g' \
		-e 's|as_lineno-\$LINENO}|as_lineno-N}|g' -e 's|as_lineno-[0-9][0-9]*}|as_lineno-N}|g'
}

# run_configure TAG SHELL ARG...: a fresh copy of the fixture in
# $BATS_TEST_TMPDIR/TAG/src, configure run there with a small fixed
# environment; stdout, stderr and the status are saved beside it.
run_configure() {
	local tag=$1 sh=$2 d
	shift 2
	d=$BATS_TEST_TMPDIR/$tag
	mkdir -p "$d"
	cp -R "$FIXTURES/autoconf" "$d/src"
	(
		cd "$d/src" || exit 99
		st=0
		env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$d" LC_ALL=C \
			CONFIG_SHELL="$sh" timeout -k 2 60 "$sh" ./configure "$@" \
			</dev/null >"$d/stdout" 2>"$d/stderr" || st=$?
		echo $st >"$d/status"
	)
}

# compare_file NAME: $BATS_TEST_TMPDIR/{ref,test}/NAME, normalised, equal.
compare_file() {
	local f=$1
	local a=$BATS_TEST_TMPDIR/ref/$f b=$BATS_TEST_TMPDIR/test/$f
	[ -e "$a" ] || [ -e "$b" ] || return 0
	if [ ! -e "$a" ] || [ ! -e "$b" ]; then
		echo "$f exists under only one shell (ref: $a, test: $b)"
		return 1
	fi
	norm "$BATS_TEST_TMPDIR/ref" "$REF" <"$a" >"$a.norm"
	norm "$BATS_TEST_TMPDIR/test" "$SPSH" <"$b" >"$b.norm"
	if ! cmp -s "$a.norm" "$b.norm"; then
		echo "--- $f differs (-: $REF, +: $SPSH)"
		diff -u "$a.norm" "$b.norm" | tail -n +3 | head -60
		return 1
	fi
}

# config.log without its platform section (host name, kernel, PATH) and the
# lines that name the shell.
log_core() {
	local d=$BATS_TEST_TMPDIR/$1/src
	[ -e "$d/config.log" ] || return 0
	sed -e '/^## Platform\. ##/,/^## Core tests\. ##/d' \
		-e '/^SHELL=/d' -e '/^CONFIG_SHELL=/d' "$d/config.log" >"$d/config.log.core"
}

# compare_configure ARG...: configure ARG... under both shells; every output
# and every generated file must agree.
compare_configure() {
	local rc=0 f
	run_configure ref "$REF" "$@"
	run_configure test "$SPSH" "$@"
	if [ -e "$BATS_TEST_TMPDIR/test/src/config.log" ] &&
	    ! grep -q "^SHELL='$SPSH'\$" "$BATS_TEST_TMPDIR/test/src/config.log"; then
		echo "configure did not run under $SPSH:"
		grep '^SHELL=' "$BATS_TEST_TMPDIR/test/src/config.log"
		return 1
	fi
	log_core ref
	log_core test
	for f in stdout stderr status src/Makefile src/demo.h src/config.status \
	    src/config.log.core; do
		compare_file "$f" || rc=1
	done
	return $rc
}

@test "configure --enable-foo --with-bar=DIR: output, Makefile, demo.h, config.status, config.log" {
	compare_configure --enable-foo --with-bar=/opt/baz
	[ -e "$BATS_TEST_TMPDIR/test/src/Makefile" ] || skip "configure failed under both shells"
	grep -q '^FOO_MSG = foo is on$' "$BATS_TEST_TMPDIR/test/src/Makefile"
	grep -q '^STRIPPED = baz$' "$BATS_TEST_TMPDIR/test/src/Makefile"
}

@test "configure with no options" {
	compare_configure
}

@test "configure: values with spaces, quotes, \$ and backslashes; VAR=value arguments" {
	compare_configure --enable-foo='a b  "c" $d \e' --with-bar='/x y/z' \
		--disable-debug-level --prefix=/opt/with\ space 'CFLAGS=-O0 -g' FOO=bar
}

@test "configure --help" {
	compare_configure --help
}

@test "configure --help=short and --version" {
	compare_configure --help=short
	compare_configure --version
}

@test "configure: an unknown option and a missing argument are errors" {
	compare_configure --bogus-option
	[ "$(cat "$BATS_TEST_TMPDIR/test/status")" != 0 ]
	rm -rf "$BATS_TEST_TMPDIR/ref" "$BATS_TEST_TMPDIR/test"
	compare_configure --prefix
	rm -rf "$BATS_TEST_TMPDIR/ref" "$BATS_TEST_TMPDIR/test"
	compare_configure --enable-=x
}

@test "config.status --config, --version and a re-run agree" {
	compare_configure --with-bar=/opt/baz
	[ -x "$BATS_TEST_TMPDIR/test/src/config.status" ] || skip "configure failed under both shells"
	local t
	for t in ref test; do
		local sh=$REF
		[ $t = test ] && sh=$SPSH
		(
			cd "$BATS_TEST_TMPDIR/$t/src" &&
			{
				"$sh" ./config.status --config
				"$sh" ./config.status --version
				rm -f Makefile demo.h
				st=0
				"$sh" ./config.status || st=$?
				echo "status $st"
				cat Makefile demo.h
			} >../cs.out 2>&1
		)
	done
	compare_file cs.out
}

# run_pair SCRIPT: SCRIPT (text) as ./script.sh under both shells, in
# $BATS_TEST_TMPDIR/{ref,test}, output and status in out.
run_pair() {
	local t sh
	for t in ref test; do
		sh=$REF
		[ $t = test ] && sh=$SPSH
		mkdir -p "$BATS_TEST_TMPDIR/$t"
		printf '%s\n' "$1" >"$BATS_TEST_TMPDIR/$t/script.sh"
		(
			cd "$BATS_TEST_TMPDIR/$t" || exit 99
			st=0
			env -i PATH=/usr/bin:/bin TERM=dumb LC_ALL=C \
				timeout -k 2 20 "$sh" script.sh </dev/null >out 2>&1 || st=$?
			echo "exit $st" >>out
		)
	done
	compare_file out
}

@test "/lib/lsb/init-functions: sourced, its log_* and status functions called" {
	[ -r /lib/lsb/init-functions ] || skip "lsb-base is not installed"
	run_pair '. /lib/lsb/init-functions
log_success_msg "started thing"
log_failure_msg "failed thing"
log_warning_msg "warn thing"
log_daemon_msg "Starting daemon" "foo"
log_progress_msg "step1"
log_end_msg 0; echo "end $?"
log_end_msg 1; echo "end $?"
log_action_msg "action"
log_action_begin_msg "begin"; log_action_end_msg 0
log_action_begin_msg "begin"; log_action_cont_msg "more"; log_action_end_msg 1 "why"
pidofproc /nonexistent/daemon; echo "pidofproc $?"
pidofproc -p /nonexistent.pid foo; echo "pidofproc -p $?"
status_of_proc /nonexistent/daemon foo; echo "status $?"
killproc /nonexistent/daemon 2>/dev/null; echo "killproc $?"'
}
