#!/usr/bin/env bats
# Process creation of the bash extensions (issue 12), seen with
#   strace -f -e trace=clone,clone3,fork,vfork
# here-strings, &>, process substitution and coproc start from spawn plans
# (CLONE_VM), never a fork; SPSH_SPAWNS/SPSH_FORKS count what strace sees.
# spsh only; skipped with a reason when strace cannot trace here.
load helpers/common
load helpers/strace

setup() {
	strace_setup
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

@test "coproc cat: one CLONE_VM clone, no fork" {
	trace 'coproc cat; echo hi >&${COPROC[1]}; read -r x <&${COPROC[0]}; echo "$x" > f; exec {COPROC[1]}>&-; wait $COPROC_PID; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/f")" = hi ]
	[ "$total" = 1 ]
	[ "$novm" = 0 ]
}

@test "coproc NAME { compound; }: a subshell, forked once" {
	trace 'coproc C { read -r l; echo "got $l"; }; echo x >&${C[1]}; read -r y <&${C[0]}; echo "$y" > f; wait; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/f")" = "got x" ]
	[ "$novm" = 1 ]
}

@test "a | tee >(b) | c: every process spawned, no fork (the stage with >(...) too)" {
	echo hi > "$BATS_TEST_TMPDIR/in"
	trace 'cat in | tee >(cat > f) | cat > g; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/f")" = hi ]
	[ "$(cat "$BATS_TEST_TMPDIR/g")" = hi ]
	[ "$total" = 4 ]
	[ "$novm" = 0 ]
}

@test "a | diff - <(b): the second stage and its <(...) spawned, no fork" {
	echo hi > "$BATS_TEST_TMPDIR/in"
	trace 'cat in | diff - <(cat in) && echo same > f; true'
	[ "$tracestatus" = 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/f")" = same ]
	[ "$total" = 3 ]
	[ "$novm" = 0 ]
}
