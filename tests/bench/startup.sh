#!/bin/bash
# startup.sh [SPSH]: start-up cost of spsh against the other shells on the
# machine (dash, bash, ksh93, mksh, busybox sh), interleaved, in one run.
#
#   true1  `SHELL -c 'true 1'` N times (benchrun: posix_spawn, no shell in
#          between), per run
#   colon  `SHELL -c :` N times, per run, with the peak RSS of one run
#   make   `make -s -f M SHELL=SHELL` over a Makefile of 1,000 recipe lines
#          `true N; :` (the `;` makes make start the shell)
#          (make starts the shell once per line), per recipe line
#   instr  callgrind instruction count of one `SHELL -c 'true 1'` (the
#          repeatable figure on a noisy machine; needs valgrind)
#
# Medians of REPS rounds; ratios to dash from the same run. A benchmark,
# never a test: it exits 0 unless it cannot run at all.
. "$(dirname "$0")/common.sh"
bench_init "$@"
N=${N:-1000}
REPS=${REPS:-5}
[ "${QUICK:-0}" = 1 ] && { N=100; REPS=2; }

bench_runner
bench_shells dash bash ksh93 mksh busybox

{
	echo 'all:'
	for i in $(seq 1000); do printf '\ttrue %d; :\n' "$i"; done
} >"$tmp/Makefile"


declare -A T1 TC TM RSS
for r in $(seq "$REPS"); do
	for s in "${shells[@]}"; do
		name=${s%%:*} path=${s#*:}
		read -r ns _ _ < <("$tmp/benchrun" "$N" "$path" -c 'true 1')
		T1[$name]+="$((ns / N)) "
		read -r ns rss _ < <("$tmp/benchrun" "$N" "$path" -c ':')
		TC[$name]+="$((ns / N)) "
		RSS[$name]=$rss
		if command -v make >/dev/null; then
			read -r ns _ _ < <("$tmp/benchrun" 1 "$(command -v make)" -s -f "$tmp/Makefile" SHELL="$path")
			TM[$name]+="$((ns / 1000)) "
		fi
	done
done

instr() {
	command -v valgrind >/dev/null || { echo -; return; }
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" -c 'true 1' 2>&1 |
	    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

d1=$(tr ' ' '\n' <<<"${T1[dash]:-1}" | median)
dc=$(tr ' ' '\n' <<<"${TC[dash]:-1}" | median)
dm=$(tr ' ' '\n' <<<"${TM[dash]:-1}" | median)
di=$(instr "$(command -v dash)")
printf '%-8s %12s %6s %12s %6s %10s %14s %6s %14s %6s\n' shell "-c 'true 1'" ratio "-c :" ratio "peak RSS" "make/line" ratio instructions ratio
for s in "${shells[@]}"; do
	name=${s%%:*} path=${s#*:}
	a=$(tr ' ' '\n' <<<"${T1[$name]}" | median)
	b=$(tr ' ' '\n' <<<"${TC[$name]}" | median)
	c=$(tr ' ' '\n' <<<"${TM[$name]:-0}" | median)
	i=$(instr "$path")
	ir=-
	[[ $i =~ ^[0-9]+$ && $di =~ ^[0-9]+$ ]] && ir=$(awk -v a="$i" -v b="$di" 'BEGIN { printf "%.2f", a / b }')
	printf '%-8s %9d µs %6.2f %9d µs %6.2f %7d KiB %11d µs %6.2f %14s %6s\n' "$name" \
	    "$((a / 1000))" "$(awk -v a="$a" -v b="$d1" 'BEGIN { print a / b }')" \
	    "$((b / 1000))" "$(awk -v a="$b" -v b="$dc" 'BEGIN { print a / b }')" \
	    "${RSS[$name]}" "$((c / 1000))" "$(awk -v a="$c" -v b="$dm" 'BEGIN { print (b ? a / b : 0) }')" \
	    "$i" "$ir"
done
exit 0
