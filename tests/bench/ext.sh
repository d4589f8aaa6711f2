#!/bin/bash
# ext.sh [SPSH]: the bash-extension workload of issue 11 for spsh, bash,
# ksh93, mksh and zsh in one run: 200k iterations of `(( i++ ))` with a
# `[[ $x == a* ]]` test (and a `[[ =~ ]]` variant on 20k). Each shell runs
# each script REPS times, interleaved; medians in seconds. A shell whose
# output is wrong shows `-`. A benchmark, never a test.
. "$(dirname "$0")/common.sh"
bench_init "$@"
REPS=${REPS:-5}
N=${N:-200000}
bench_shells bash ksh93 mksh zsh
cat >"$tmp/cond.sh" <<SCRIPT
i=0 n=0 x=abc
while (( i < $N )); do
	[[ \$x == a* ]] && (( n++ ))
	(( i++ ))
done
echo \$n
SCRIPT
cat >"$tmp/regex.sh" <<SCRIPT
i=0 n=0 x=abc123
while (( i++ < $((N / 10)) )); do
	[[ \$x =~ ^[a-c]+[0-9]+\$ ]] && (( n++ ))
done
echo \$n
SCRIPT
declare -A want=([cond]=$N [regex]=$((N / 10)))

declare -A t
for ((r = 0; r < REPS; r++)); do
	for w in cond regex; do
		for e in "${shells[@]}"; do
			name=${e%%:*} path=${e#*:}
			s=$EPOCHREALTIME
			out=$("$path" "$tmp/$w.sh" 2>/dev/null)
			d=$(( (${EPOCHREALTIME/./} - ${s/./}) ))
			[ "$out" = "${want[$w]}" ] || d=-
			t[$name,$w]+="$d "
		done
	done
done

median() {
	local v=($(printf '%s\n' "$@" | sort -n))
	[ "${v[0]}" = - ] && { echo -; return; }
	local m=${v[$(( ${#v[@]} / 2 ))]}
	printf '%d.%03d' $((m / 1000000)) $((m / 1000 % 1000))
}

printf '%-8s %12s %12s\n' shell "cond ${N}" "regex $((N / 10))"
for e in "${shells[@]}"; do
	name=${e%%:*}
	printf '%-8s %12s %12s\n' "$name" "$(median ${t[$name,cond]})" "$(median ${t[$name,regex]})"
done
exit 0
