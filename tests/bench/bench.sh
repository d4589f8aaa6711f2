#!/bin/bash
# bench.sh [SPSH]: spsh against dash and bash, interleaved, in one run.
#
# Workloads (per shell, each repeated; medians reported):
#   true   N runs of /bin/true in a `while` loop
#   pipe   N four-stage pipelines /bin/true | /bin/true | /bin/true | /bin/true
#   subst  N times x=$(/bin/echo hi)
# each at normal size, then with the shell grown to 256 MiB and to 1 GiB;
#   start  `SHELL -c :`, 500 runs, with peak memory.
#
# This is a benchmark, never a test: it always exits 0 unless it cannot run
# at all. Environment: SPSH (or $1; default build/spsh), DASH, BASH_BIN,
# QUICK=1 (about 10x fewer iterations and fewer repetitions: a smoke run),
# REPS / BIG_REPS (repetitions at normal size / at 256 MiB and 1 GiB).
#
# How the time is taken (the sound part):
#   The shell under test gets fd 3 connected to a pipe. Around each timed loop
#   it writes a marker line with its builtin `echo ... >&3`, which creates no
#   process. On the other end a reader (this bash, `read` builtin) stamps every
#   line with $EPOCHREALTIME (microseconds) the moment it arrives. So:
#   - building the big variable happens before the first marker and is never
#     inside the timed part;
#   - nothing in the timed part forks on behalf of the measurement (a `date`
#     call would fork from the big shell and cost what we are measuring);
#   - the resolution is microseconds, unlike /proc/uptime (10 ms), and the
#     reader sits blocked in read(2) on an otherwise idle pipe, so its wake-up
#     latency (tens of microseconds) is noise against loops of 10 ms and more.
#   The three workloads of one size run in one shell process, one after the
#   other, so the (slow) growth to 1 GiB is paid once per repetition. Results
#   are per iteration (microseconds), so the smaller iteration counts used at
#   256 MiB and 1 GiB (where forking shells need ~10-40 ms per process) stay
#   comparable with the normal-size counts.
#
# Memory: the variable is grown by doubling a 16-byte string (x=$x$x), which
# writes every byte, so it is resident. Before the first marker the shell
# reads its own /proc/self/status (a redirection the shell opens itself, no
# child) and reports VmRSS through fd 3: that is "RSS in loop" below. The
# peak RSS (which includes the transient copies made while doubling) comes
# from wait4()'s ru_maxrss, via the small helper benchrun.c compiled on the
# fly, or /usr/bin/time -f %M when no C compiler is available.
#
# Start-up: benchrun posix_spawns `SHELL -c :` 500 times back to back and
# times the whole batch, so the launcher adds as little as possible to each
# run (a shell loop here would add a fork per run to every shell's number).

set -u
export LC_ALL=C
unset ENV BASH_ENV CDPATH

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

SPSH=${1:-${SPSH:-$top/build/spsh}}
DASH=${DASH:-$(command -v dash || echo /bin/dash)}
BASH_BIN=${BASH_BIN:-$(command -v bash || echo /bin/bash)}

if [ "${BASH_VERSINFO[0]}" -lt 5 ]; then
	echo "bench.sh: needs bash 5 (EPOCHREALTIME)" >&2
	exit 1
fi

# ---- counts: "true pipe subst" iterations per size ----
declare -A N
if [ "${QUICK:-0}" = 1 ]; then
	N[normal]="200 50 200"; N[256M]="20 5 20"; N[1G]="10 3 10"
	START_N=50
	REPS=${REPS:-3}; BIG_REPS=${BIG_REPS:-1}
else
	# at 1 GiB a forking shell needs ~40 ms per process (more on a busy
	# machine), and growing to 1 GiB takes bash over 10 s: keep these small
	N[normal]="2000 500 2000"; N[256M]="100 25 100"; N[1G]="50 12 50"
	START_N=500
	REPS=${REPS:-5}; BIG_REPS=${BIG_REPS:-3}
fi
# doublings of a 16-byte string: 2^24 * 16 = 256 MiB, 2^26 * 16 = 1 GiB
declare -A GROW=([normal]=0 [256M]=24 [1G]=26)
SIZES="normal 256M 1G"
WORKS="true pipe subst"
declare -A WNAME=([true]="/bin/true loop" [pipe]="4-stage pipeline" [subst]='x=$(/bin/echo hi)')

# ---- shells ----
shells=()
declare -A SH
add_shell() {	# NAME PATH
	if [ -x "$2" ] && "$2" -c 'exit 0' >/dev/null 2>&1; then
		shells+=("$1"); SH[$1]=$2
	else
		echo "bench.sh: $1 ($2) missing or not working; left out" >&2
	fi
}
add_shell spsh "$SPSH"
add_shell dash "$DASH"
add_shell bash "$BASH_BIN"
[ -n "${SH[dash]:-}" ] || { echo "bench.sh: dash is required as the baseline" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spsh-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---- measuring helper ----
runner=""
for cc in "${CC:-cc}" gcc clang; do
	if command -v "$cc" >/dev/null 2>&1 &&
	    "$cc" -O2 -o "$tmp/benchrun" "$here/benchrun.c" 2>"$tmp/cc.err"; then
		runner=$tmp/benchrun
		break
	fi
done
if [ -z "$runner" ]; then
	if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "bench.sh: no C compiler; installing the time package for peak RSS" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1
	fi
	[ -x /usr/bin/time ] || echo "bench.sh: no C compiler and no /usr/bin/time: peak RSS not measured" >&2
fi

# run_once PATH ARG...: runs the command once with its stdout discarded
# (stdin, stderr and fd 3 inherited); prints "peak-KiB failed(0/1)"
run_once() {
	local out st
	if [ -n "$runner" ]; then
		out=$("$runner" 1 "$@") || true
		set -- $out
		echo "${2:-0} ${3:-1}"
	elif [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$tmp/time.out" "$@" >/dev/null; st=$?
		echo "$(tail -n1 "$tmp/time.out") $((st != 0))"
	else
		"$@" >/dev/null; st=$?
		echo "0 $((st != 0))"
	fi
}

# stamp: copies marker lines from stdin, each followed by the arrival time in us
stamp() {
	local m
	while IFS= read -r m; do
		printf '%s %s\n' "$m" "${EPOCHREALTIME/./}"
	done
}

# The workload script for one size.
write_script() {	# SIZE FILE
	local n=(${N[$1]})
	cat >"$2" <<EOF
x=0123456789abcdef
k=0
while [ \$k -lt ${GROW[$1]} ]; do x=\$x\$x; k=\$((k+1)); done
while read -r key val rest; do
	case \$key in VmRSS:) echo "rss \$val" >&3;; esac
done </proc/self/status
echo t0 >&3
i=0
while [ \$i -lt ${n[0]} ]; do /bin/true; i=\$((i+1)); done
echo t1 >&3
i=0
while [ \$i -lt ${n[1]} ]; do /bin/true | /bin/true | /bin/true | /bin/true; i=\$((i+1)); done
echo t2 >&3
i=0
while [ \$i -lt ${n[2]} ]; do y=\$(/bin/echo hi); i=\$((i+1)); done
[ "\$y" = hi ] && echo t3 >&3
EOF
}

# results: name -> space-separated values, one per repetition
declare -A RES

# measure SHELL SIZE: one process, three timed workloads
measure() {
	local s=$1 size=$2 n=(${N[$2]}) peak fail key val t0 t1 t2 t3 rss
	{ run_once "${SH[$s]}" "$tmp/w.$size" 3>&1 >"$tmp/peak" 2>"$tmp/err" </dev/null; } |
	    stamp >"$tmp/marks"
	read -r peak fail <"$tmp/peak"
	t0= t1= t2= t3= rss=
	while read -r key val ts; do
		case $key in
		rss) rss=$val ;;
		t[0-3]) printf -v "$key" %s "$val" ;;
		esac
	done <"$tmp/marks"
	if [ -z "$t3" ] || [ "$fail" != 0 ]; then
		echo "  $s at $size: workload did not complete (status or missing markers)" >&2
		head -n 3 "$tmp/err" | sed 's/^/    /' >&2
		return
	fi
	# per-iteration cost in ns
	RES[$s,$size,true]+=" $(( (t1 - t0) * 1000 / n[0] ))"
	RES[$s,$size,pipe]+=" $(( (t2 - t1) * 1000 / n[1] ))"
	RES[$s,$size,subst]+=" $(( (t3 - t2) * 1000 / n[2] ))"
	RES[$s,$size,rss]+=" $rss"
	RES[$s,$size,peak]+=" $peak"
}

measure_start() {	# SHELL
	local s=$1 out ns rss fail
	if [ -n "$runner" ]; then
		out=$("$runner" "$START_N" "${SH[$s]}" -c : 2>/dev/null </dev/null)
		read -r ns rss fail <<<"$out"
	else
		local a b i
		a=${EPOCHREALTIME/./}
		for ((i = 0; i < START_N; i++)); do "${SH[$s]}" -c :; done </dev/null
		b=${EPOCHREALTIME/./}
		ns=$(( (b - a) * 1000 )); fail=0
		read -r rss _ < <(run_once "${SH[$s]}" -c : </dev/null)
	fi
	[ "${fail:-1}" = 0 ] || { echo "  $s: -c : failed" >&2; return; }
	RES[$s,start,time]+=" $(( ns / START_N ))"
	RES[$s,start,peak]+=" $rss"
}

median() {	# values... -> median (empty if none)
	[ $# -gt 0 ] || return 0
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# ---- run ----
for size in $SIZES; do write_script "$size" "$tmp/w.$size"; done

echo "spsh benchmark: spsh=${SH[spsh]:-none} dash=${SH[dash]} bash=${SH[bash]:-none}"
echo "$(nproc) CPUs, $(uname -r); reps: $REPS normal, $BIG_REPS at 256M/1G; QUICK=${QUICK:-0}"
read -r load _ </proc/loadavg
if awk -v l="$load" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
	echo "note: load average $load on $(nproc) CPUs: other work is running, expect noisy numbers"
fi
started=$SECONDS
for size in $SIZES; do
	reps=$REPS
	[ "$size" = normal ] || reps=$BIG_REPS
	for ((r = 1; r <= reps; r++)); do
		printf '  %-6s rep %d/%d:' "$size" "$r" "$reps"
		for s in "${shells[@]}"; do
			printf ' %s' "$s"
			measure "$s" "$size"
		done
		printf ' (%ds)\n' $((SECONDS - started))
	done
done
for ((r = 1; r <= REPS; r++)); do
	for s in "${shells[@]}"; do measure_start "$s"; done
done
printf '  start-up done (%ds)\n\n' $((SECONDS - started))

# ---- report ----
declare -A MED
for k in "${!RES[@]}"; do MED[$k]=$(median ${RES[$k]}); done

us() {	# ns -> "123.4"
	[ -n "${1:-}" ] && awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }' || printf 'n/a'
}
ratio() {	# a b -> "1.23"
	[ -n "${1:-}" ] && [ -n "${2:-}" ] && [ "$2" != 0 ] &&
	    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || printf 'n/a'
}
mib() {	# KiB -> "12.3"
	[ -n "${1:-}" ] && [ "$1" != 0 ] && awk -v v="$1" 'BEGIN { printf "%.1f", v / 1024 }' || printf 'n/a'
}

echo "Per-iteration cost, microseconds (median); ratios to dash from this run"
printf '%-20s %-6s' workload size
for s in "${shells[@]}"; do printf ' %10s' "$s"; done
for s in "${shells[@]}"; do [ "$s" = dash ] || printf ' %10s' "$s/dash"; done
echo
for w in $WORKS; do
	for size in $SIZES; do
		printf '%-20s %-6s' "${WNAME[$w]}" "$size"
		for s in "${shells[@]}"; do printf ' %10s' "$(us "${MED[$s,$size,$w]:-}")"; done
		for s in "${shells[@]}"; do
			[ "$s" = dash ] || printf ' %10s' "$(ratio "${MED[$s,$size,$w]:-}" "${MED[dash,$size,$w]:-}")"
		done
		echo
	done
done
printf '%-20s %-6s' "SHELL -c :" ""
for s in "${shells[@]}"; do printf ' %10s' "$(us "${MED[$s,start,time]:-}")"; done
for s in "${shells[@]}"; do
	[ "$s" = dash ] || printf ' %10s' "$(ratio "${MED[$s,start,time]:-}" "${MED[dash,start,time]:-}")"
done
echo; echo

echo "Cost when big / cost at normal size (same shell)"
printf '%-20s %-6s' workload size
for s in "${shells[@]}"; do printf ' %10s' "$s"; done
echo
for w in $WORKS; do
	for size in 256M 1G; do
		printf '%-20s %-6s' "${WNAME[$w]}" "$size"
		for s in "${shells[@]}"; do
			printf ' %10s' "$(ratio "${MED[$s,$size,$w]:-}" "${MED[$s,normal,$w]:-}")"
		done
		echo
	done
done
echo

echo "Memory, MiB (median): RSS during the loops / peak RSS of the run"
printf '%-20s' size
for s in "${shells[@]}"; do printf ' %17s' "$s"; done
echo
for size in $SIZES; do
	printf '%-20s' "$size"
	for s in "${shells[@]}"; do
		printf ' %17s' "$(mib "${MED[$s,$size,rss]:-}") / $(mib "${MED[$s,$size,peak]:-}")"
	done
	echo
done
printf '%-20s' "SHELL -c : (peak)"
for s in "${shells[@]}"; do printf ' %17s' "$(mib "${MED[$s,start,peak]:-}")"; done
echo
# the big variable must really be resident while the loops run
for size in 256M 1G; do
	want=$(( 16 << GROW[$size] >> 10 ))	# KiB
	for s in "${shells[@]}"; do
		v=${MED[$s,$size,rss]:-}
		[ -z "$v" ] || [ "$v" -ge $(( want * 9 / 10 )) ] ||
		    echo "note: $s at $size had only $(mib "$v") MiB resident during the loops"
	done
done
echo

# ---- targets (informational: never a failure) ----
verdict() {	# value limit -> met/missed/n/a  (value <= limit)
	[ "$1" = n/a ] || [ "$2" = n/a ] && { echo "n/a"; return; }
	awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l + 1e-9) ? "met" : "MISSED" }'
}
echo "Targets for spsh (informational)"
if [ -n "${SH[spsh]:-}" ]; then
	r=$(ratio "${MED[spsh,normal,true]:-}" "${MED[dash,normal,true]:-}")
	printf '  %-58s %6s  %s\n' "/bin/true loop within 1.05x of dash" "$r" "$(verdict "$r" 1.05)"
	r=$(ratio "${MED[spsh,normal,pipe]:-}" "${MED[dash,normal,pipe]:-}")
	printf '  %-58s %6s  %s\n' "pipelines at or below dash" "$r" "$(verdict "$r" 1.00)"
	for w in $WORKS; do
		r=$(ratio "${MED[spsh,1G,$w]:-}" "${MED[spsh,normal,$w]:-}")
		printf '  %-58s %6s  %s\n' "1 GiB within 1.2x of normal size: ${WNAME[$w]}" "$r" "$(verdict "$r" 1.2)"
	done
	r=$(ratio "${MED[spsh,start,time]:-}" "${MED[dash,start,time]:-}")
	printf '  %-58s %6s  %s\n' "start-up within 1.1x of dash" "$r" "$(verdict "$r" 1.1)"
	if [ -n "${SH[bash]:-}" ]; then
		r=$(ratio "${MED[spsh,start,peak]:-}" "${MED[bash,start,peak]:-}")
		printf '  %-58s %6s  %s\n' "start-up peak memory no more than bash's (ratio)" "$r" "$(verdict "$r" 1.00)"
	fi
else
	echo "  spsh was not measured"
fi
printf '\ntotal %ds\n' $((SECONDS - started))
exit 0
