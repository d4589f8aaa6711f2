#!/usr/bin/env bats
# Process creation of the bash extensions (issue 12), seen with
#   strace -f -e trace=clone,clone3,fork,vfork
# here-strings, &>, process substitution and coproc start from spawn plans
# (CLONE_VM), never a fork; SPSH_SPAWNS/SPSH_FORKS count what strace sees.
# spsh only; skipped with a reason when strace cannot trace here.
load helpers/common

setup() {
	spsh_only
	command -v strace >/dev/null 2>&1 || skip "strace is not installed"
	if ! strace -f -o /dev/null /bin/true >/dev/null 2>&1; then
		skip "strace cannot trace here (ptrace not permitted)"
	fi
	if [ -n "${SPSH_FORCE_FORK:-}" ]; then
		skip "SPSH_FORCE_FORK is set: every launch forks on purpose"
	fi
}

# trace SCRIPT: runs spsh -c SCRIPT under strace; sets $creations to the
# process-creation lines (one per call, "resumed" halves left out),
# $vm to how many carry CLONE_VM and $novm to how many do not.
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

@test "cat <<< x: one CLONE_VM clone, no fork" {
	trace 'cat <<< x; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out")" = x ]
	[ "$total" = 1 ]
	[ "$novm" = 0 ]
}

@test "cmd &> f: one CLONE_VM clone, no fork" {
	trace 'ls /nonexistent-dir &> f; true'
	[ "$tracestatus" = 0 ]
	grep -q nonexistent "$BATS_TEST_TMPDIR/f"
	[ "$total" = 1 ]
	[ "$novm" = 0 ]
}

@test "a |& b: two CLONE_VM clones, no fork" {
	trace 'ls /nonexistent-dir |& cat > f; true'
	[ "$tracestatus" = 0 ]
	grep -q nonexistent "$BATS_TEST_TMPDIR/f"
	[ "$total" = 2 ]
	[ "$novm" = 0 ]
}

@test "SPSH_SPAWNS and SPSH_FORKS agree with strace" {
	trace '/bin/true; /bin/true | cat; (/bin/true; /bin/true); echo "$SPSH_SPAWNS $SPSH_FORKS" > n'
	[ "$tracestatus" = 0 ]
	read -r spawns forks < "$BATS_TEST_TMPDIR/n"
	# the counts are the shell's own: the clones made by its process (the
	# subshell's spawns are the subshell's)
	top=$(printf '%s\n' "$creations" | head -1 | cut -d' ' -f1)
	own=$(printf '%s\n' "$creations" | grep "^$top ")
	ownvm=$(printf '%s\n' "$own" | grep -c CLONE_VM || true)
	ownfork=$(( $(printf '%s\n' "$own" | wc -l) - ownvm ))
	echo "spawns=$spawns forks=$forks own: vm=$ownvm fork=$ownfork" >&2
	[ "$spawns" = "$ownvm" ]
	[ "$forks" = "$ownfork" ]
	[ "$spawns" = 3 ]
	[ "$forks" = 1 ]
}

@test "SPSH_SPAWNS and SPSH_FORKS cannot be changed by assignment" {
	sh_c 'SPSH_SPAWNS=5 SPSH_FORKS=7; echo "$SPSH_SPAWNS $SPSH_FORKS"'
	out_is '0 0'
}

@test "diff <(sort a) <(sort b): three CLONE_VM clones, no fork" {
	printf 'b\na\n' > "$BATS_TEST_TMPDIR/a"
	printf 'a\nb\n' > "$BATS_TEST_TMPDIR/b"
	trace 'diff <(sort a) <(sort b) && echo same; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/out")" = same ]
	[ "$total" = 3 ]
	[ "$novm" = 0 ]
}

@test "tee >(cat > f): spawned, no fork" {
	echo hi > "$BATS_TEST_TMPDIR/in"
	trace 'tee >(cat > f) < in > /dev/null; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/f")" = hi ]
	[ "$total" = 2 ]
	[ "$novm" = 0 ]
}

@test "<(compound list) forks once" {
	trace 'cat <(echo a; echo b) > f; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/f" | wc -l)" = 2 ]
	[ "$novm" = 1 ]
}
