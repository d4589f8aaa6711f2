#!/bin/bash
# interp.sh [SPSH]: interpreter workloads (no external commands in the timed
# part) for spsh and every other shell on the machine: dash, bash, ksh93,
# mksh, zsh, busybox sh. Interleaved, REPS rounds, medians; a table of
# seconds with ratios to dash and to the fastest of the others. A shell that
# cannot run a workload (wrong output or error) shows `-`. A benchmark,
# never a test: it exits 0 unless it cannot run at all.
#
# The POSIX workloads are checked against dash; the extension ones (arrays,
# [[ ]] and (( )), string slicing and replacement: what arrays.sh measures
# at larger sizes, and the former ext.sh and strings.sh) against bash.
# BENCH_LIMIT (seconds, default 60) cuts a shell's check run short: a
# shell too slow for a workload shows `-` as well.
#
# CALLGRIND=1 adds instruction counts per workload (the repeatable figure on
# a noisy machine) of spsh and dash, or of the shells named in
# CALLGRIND_SHELLS. QUICK=1: one round, smaller sizes.
. "$(dirname "$0")/common.sh"
bench_init "$@"
REPS=${REPS:-3}
Q=1
[ "${QUICK:-0}" = 1 ] && { REPS=1; Q=10; }

bench_runner
bench_shells dash bash ksh93 mksh zsh busybox

# ---- workloads: one script each; each prints a check line on stdout ----
w() { printf '%s\n' "$2" >"$tmp/$1.sh"; names+=("$1"); }
names=()
w fib "n=$((200 / Q)); i=0
while [ \$i -lt \$n ]; do a=0 b=1 k=0
	while [ \$k -lt 44 ]; do t=\$((a + b)); a=\$b; b=\$t; k=\$((k + 1)); done
	i=\$((i + 1)); done; echo \$a"
w sum "i=0 s=0; while test \$i -lt $((300000 / Q)); do s=\$((s + i)); i=\$((i + 1)); done; echo \$s"
for v in none continue break func; do
	case $v in
	none) body='x=$((x + 1))' ;;
	continue) body='x=$((x + 1)); continue' ;;
	break) body='x=$((x + 1)); [ $j -gt 1000000 ] && break' ;;
	func) body='f; x=$((x + r))' ;;
	esac
	w "loop2_$v" "f() { r=1; return 0; }
n=$((300 / Q)); x=0 i=0
while [ \$i -lt \$n ]; do j=0
	while [ \$j -lt \$n ]; do j=\$((j + 1)); $body; done
	i=\$((i + 1)); done; echo \$x"
done
w rfib 'fib() { if [ $1 -lt 2 ]; then r=$1; return; fi
	fib $(($1 - 1)); local_a=$r; eval "s$1=\$local_a"
	fib $(($1 - 2)); eval "r=\$((s$1 + r))"; }
fib '$((20 - Q / 5))'; echo $r'
# calls0 and calls2000 make the same 2,000 assignments before the calls,
# to one variable (v=N) and to 2,000 (vN=N): the two times differ by what
# the size of the variable table costs the calls, not by the set-up
for c in 0 2000; do
	{
		seq 2000 | awk -v c=$c '{ print "v" (c ? $1 : "") "=" $1 }'
		echo "g() { :; }; f() { a=1; g; }
i=0; while [ \$i -lt $((20000 / Q)) ]; do f; i=\$((i + 1)); done; echo \$i"
	} >"$tmp/calls$c.sh"
	names+=("calls$c")
done
seq $((200000 / Q)) | sed 's/$/ some text/' >"$tmp/lines.txt"
w read "n=0; while IFS= read -r l; do n=\$((n + 1)); done <$tmp/lines.txt; echo \$n"
w case "i=0 n=0; while [ \$i -lt $((100000 / Q)) ]; do
	case \$((i % 7)) in 0) n=\$((n + 1)) ;; 1|2) ;; 3) n=\$((n + 2)) ;; *) ;; esac
	i=\$((i + 1)); done; echo \$n"
w concat "x=; i=0; while [ \$i -lt $((20000 / Q)) ]; do x=\"\$x.abc\"; i=\$((i + 1)); done; echo \${#x}"
w shift "set -- \$(seq $((20000 / Q)) 2>/dev/null || i=0); n=0; while [ \$# -gt 0 ]; do shift; n=\$((n + 1)); done; echo \$n"
# a 5 MB script for -n: functions, loops, case, here-docs, quoting
{
	i=0
	while [ $(( i * 180 )) -lt $((5000000 / Q)) ]; do
		printf 'f%d() { for x in a "b c" $y; do case $x in a*) echo "$x ${y:-d}" ;; *) : $((i + 1)) ;; esac; done; }\n' "$i"
		printf 'if [ -n "$z" ]; then cat <<EOF\nline %d $z\nEOF\nfi\n' "$i"
		i=$((i + 1))
	done
} >"$tmp/big.sh"
printf 'exit 0\n' >>"$tmp/big.sh"
names+=(parse)

# ---- extension workloads (issues 10 and 11); checked against bash ----
# zsh runs them with ksharrays and shwordsplit; a shell without the feature
# fails the check and shows `-`.
declare -A REF
wx() { printf '%s\n' '[ -n "${ZSH_VERSION-}" ] && setopt ksharrays shwordsplit' "$2" >"$tmp/$1.sh"; names+=("$1"); REF[$1]=bash; }
wx bubble "n=$((600 / Q)); i=0; s=7; while ((i < n)); do ((s = (s * 25173 + 13849) % 65536)); a[i]=\$((s % 100000)); ((i++)); done
i=0; while ((i < n - 1)); do j=0; while ((j < n - 1 - i)); do
if ((a[j] > a[j+1])); then t=\${a[j]}; a[j]=\${a[j+1]}; a[j+1]=\$t; fi; ((j++)); done; ((i++)); done
echo \"\${a[0]} \${a[n-1]}\""
wx random "m=$((20000 / Q)); i=0; while ((i < m)); do a[i]=v\$i; ((i++)); done
s=7; i=0; c=0; while ((i < m)); do ((s = (s * 25173 + 13849) % 65536)); x=\${a[(s * 16 + i) % m]}; ((c += \${#x})); ((i++)); done; echo \$c"
awk -v n=$((32000 / Q)) 'BEGIN { srand(1); for (i = 0; i < n; i++) printf "w%d%s", int(rand() * 5000), (i % 8 == 7) ? "\n" : " " }' >"$tmp/text"
wx wordfreq "typeset -A c; while read -r line; do for w in \$line; do c[\$w]=\$(( \${c[\$w]:-0} + 1 )); done; done <$tmp/text; echo \${#c[@]} \${c[w42]}"
wx mapfile "mapfile -t a <$tmp/lines.txt; echo \${#a[@]} \"\${a[7]}\""
wx cond "i=0 n=0 x=abc; while (( i < $((200000 / Q)) )); do [[ \$x == a* ]] && (( n++ )); (( i++ )); done; echo \$n"
wx regex "i=0 n=0 x=abc123; while (( i++ < $((20000 / Q)) )); do [[ \$x =~ ^[a-c]+[0-9]+\$ ]] && (( n++ )); done; echo \$n"
wx slice "s=a; while [ \${#s} -lt $((20000 / Q)) ]; do s=\$s\$s; done; s=\${s:0:$((20000 / Q))}
i=0 n=\${#s} c=0; while [ \$i -lt \$n ]; do x=\${s:\$i:1}; [ \"\$x\" = a ] && c=\$((c + 1)); i=\$((i + 1)); done; echo \$c"
wx replace "s=a; while [ \${#s} -lt $((100000 / Q)) ]; do s=\$s\$s; done; t=\${s//a/b}; u=\${t//b/cd}; echo \${#t} \${#u}"


run_one() {	# shell-path workload -> "ns" or "-"
	local args=("$tmp/$2.sh") out ns
	[ "$2" = parse ] && args=(-n "$tmp/big.sh")
	read -r ns _ fail < <("$tmp/benchrun" 1 "$1" "${args[@]}")
	[ "$fail" = 0 ] || { echo -; return; }
	echo "$ns"
}

# reference outputs from dash (or bash), from bash for the extensions
declare -A WANT T
ref=$(command -v dash || command -v bash)
for n in "${names[@]}"; do
	[ "$n" = parse ] && continue
	r=$ref
	[ "${REF[$n]:-}" = bash ] && r=$(command -v bash)
	WANT[$n]=$("$r" "$tmp/$n.sh" 2>/dev/null)
done
declare -A OK
for s in "${shells[@]}"; do
	name=${s%%:*} path=${s#*:}
	for n in "${names[@]}"; do
		if [ "$n" = parse ]; then
			"$path" -n "$tmp/big.sh" >/dev/null 2>&1 && OK[$name.$n]=1
		elif [ "$(timeout "${BENCH_LIMIT:-60}" "$path" "$tmp/$n.sh" 2>/dev/null)" = "${WANT[$n]}" ]; then
			OK[$name.$n]=1
		fi
	done
done

for r in $(seq "$REPS"); do
	for n in "${names[@]}"; do
		for s in "${shells[@]}"; do
			name=${s%%:*} path=${s#*:}
			[ -n "${OK[$name.$n]:-}" ] || continue
			T[$name.$n]+="$(run_one "$path" "$n") "
		done
	done
done

printf '%-14s' workload
for s in "${shells[@]}"; do printf '%9s' "${s%%:*}"; done
printf '%10s %10s\n' "spsh/dash" "spsh/best"
for n in "${names[@]}"; do
	printf '%-14s' "$n"
	declare -A M=()
	best=
	for s in "${shells[@]}"; do
		name=${s%%:*}
		if [ -n "${T[$name.$n]:-}" ]; then
			M[$name]=$(tr ' ' '\n' <<<"${T[$name.$n]}" | grep -v '^-$' | median)
			printf '%9.3f' "$(awk -v a="${M[$name]}" 'BEGIN { print a / 1e9 }')"
			if [ "$name" != spsh ] && [ "$name" != dash ] && [ -n "${M[$name]}" ]; then
				[ -z "$best" ] || [ "${M[$name]}" -lt "$best" ] && best=${M[$name]}
			fi
		else
			printf '%9s' -
		fi
	done
	sp=${M[spsh]:-}
	rd=- rb=-
	[ -n "$sp" ] && [ -n "${M[dash]:-}" ] && rd=$(awk -v a="$sp" -v b="${M[dash]}" 'BEGIN { printf "%.2f", a / b }')
	[ -n "$sp" ] && [ -n "$best" ] && rb=$(awk -v a="$sp" -v b="$best" 'BEGIN { printf "%.2f", a / b }')
	# `<` marks a workload off the targets (0.8x dash, 0.5x the best other)
	miss=$(awk -v d="$rd" -v b="$rb" 'BEGIN { print ((d != "-" && d > 0.8) || (b != "-" && b > 0.5)) ? " <" : "" }')
	printf '%10s %10s%s\n' "$rd" "$rb" "$miss"
	unset M
done
echo "(seconds per run, median of $REPS; spsh/best: against the fastest of bash, ksh93, mksh, zsh, busybox;"
echo " <: off the targets of issue 15, 0.8x dash and 0.5x the best other)"

if [ "${CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
	# one run each under callgrind (the instruction counts are repeatable)
	cg=()
	for s in "${shells[@]}"; do
		case " ${CALLGRIND_SHELLS:-spsh dash} " in *" ${s%%:*} "*) cg+=("$s") ;; esac
	done
	echo
	printf '%-14s' workload
	for s in "${cg[@]}"; do printf '%15s' "${s%%:*}"; done
	printf '%10s\n' spsh/dash
	for n in "${names[@]}"; do
		args=("$tmp/$n.sh")
		[ "$n" = parse ] && args=(-n "$tmp/big.sh")
		printf '%-14s' "$n"
		declare -A I=()
		for s in "${cg[@]}"; do
			name=${s%%:*} path=${s#*:}
			if [ -z "${OK[$name.$n]:-}" ]; then
				printf '%15s' -
				continue
			fi
			# the last "refs:" line is the shell's own (children come first)
			I[$name]=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$path" "${args[@]}" 2>&1 >/dev/null |
				awk '/refs:/ { gsub(",", "", $NF); r = $NF } END { print r }')
			printf '%15s' "${I[$name]}"
		done
		printf '%10s\n' "$(awk -v a="${I[spsh]:-}" -v b="${I[dash]:-}" 'BEGIN { if (a && b) printf "%.2f", a / b; else print "-" }')"
		unset I
	done
	echo "(instructions, callgrind; CALLGRIND_SHELLS=\"${CALLGRIND_SHELLS:-spsh dash}\" picks the shells)"
fi
exit 0
