# tests/helpers/pty.bash: set-up shared by the pseudo-terminal suites
# (tests/interactive*.bats), loaded after helpers/common:
#
#   load helpers/common
#   load helpers/pty
#
# setup   gives each test a fresh $PTY_HOME (the shell's HOME) under
#         $BATS_TEST_TMPDIR, which is also $PTY_CWD and the current directory
#         (a suite with more to set up defines its own setup and calls
#         pty_setup from it).
# pty     runs the Python script on stdin under tests/helpers/ptyrun.py
#         (shell(), expect(), KEYS, ARGS: ["--norc"] when the shell under
#         test is bash, so that it reads no /etc/bash.bashrc). Each wait in
#         the script gives up after $PTY_TIMEOUT seconds (ptyrun.py: 30);
#         the whole script after 240, so that only a hung shell, not a
#         loaded machine, fails a test.

pty_setup() {
	export PTY_HOME="$BATS_TEST_TMPDIR/home"
	export PTY_CWD="$BATS_TEST_TMPDIR"
	mkdir -p "$PTY_HOME"
	cd "$BATS_TEST_TMPDIR" || return 1
}

setup() {
	pty_setup
}

pty() {
	timeout -k 2 240 python3 "$BATS_TEST_DIRNAME/helpers/ptyrun.py"
}
