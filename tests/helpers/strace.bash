# tests/helpers/strace.bash: process creation seen with
#   strace -f -e trace=clone,clone3,fork,vfork
# for tests/process.bats and tests/ext_process.bats.
#
#   load helpers/common
#   load helpers/strace
#   setup() { strace_setup; }
#
# strace_setup  skips unless the shell is spsh, strace can trace here and
#               SPSH_FORCE_FORK is unset (every launch would fork).
# trace SCRIPT  runs spsh -c SCRIPT under strace in $BATS_TEST_TMPDIR (its
#               output in ./out); sets $tracestatus, $creations (the
#               process-creation lines, "resumed" halves left out), $total,
#               $vm (clones with CLONE_VM) and $novm (the others: forks).

strace_setup() {
	spsh_only
	command -v strace >/dev/null 2>&1 || skip "strace is not installed"
	if ! strace -f -o /dev/null /bin/true >/dev/null 2>&1; then
		skip "strace cannot trace here (ptrace not permitted)"
	fi
	if [ -n "${SPSH_FORCE_FORK:-}" ]; then
		skip "SPSH_FORCE_FORK is set: every launch forks on purpose"
	fi
}

trace() {
	local log="$BATS_TEST_TMPDIR/strace.log"
	cd "$BATS_TEST_TMPDIR"
	# CLONE_THREAD clones would be threads, not processes: none are expected.
	timeout 30 strace -f -qq -e trace=clone,clone3,fork,vfork -o "$log" "$SPSH" -c "$1" >"$BATS_TEST_TMPDIR/out" 2>&1
	tracestatus=$?
	creations=$(grep -E '(^|[[:space:]])(clone|clone3|fork|vfork)\(' "$log" | grep -v 'resumed>' || true)
	if [ -z "$creations" ]; then
		total=0
	else
		total=$(printf '%s\n' "$creations" | wc -l)
	fi
	vm=$(printf '%s\n' "$creations" | grep -E '^[0-9]+ +clone3?\(.*CLONE_VM' | grep -vc 'CLONE_THREAD' || true)
	novm=$((total - vm))
	printf '%s\n' "--- strace:" "$creations" "--- total=$total vm=$vm novm=$novm status=$tracestatus" "--- output:" >&2
	cat "$BATS_TEST_TMPDIR/out" >&2
}
