#!/bin/sh
# tests/bench/arrays.sh: the array workloads of issue 10, for spsh and every
# other shell on the machine that has the feature (bash, ksh93, mksh, zsh
# with ksharrays), in one run so the ratios compare:
#   bubble    bubble sort of N integers in an indexed array (O(N^2) a[j])
#   random    K reads of ${a[(random) % M]} over an M-element array
#   wordfreq  word count with an associative array over ~1 MB of text
#             (mksh has no associative arrays)
#   mapfile   mapfile -t of an L-line file (bash, spsh; zsh's ${(f)...})
#   rss       peak RSS after filling a 1M-element array of short strings
#             (not mksh: its arrays are sorted lists, 1M appends take hours)
# A run longer than $BENCH_LIMIT seconds (default 300) is cut short.
# Prints seconds (rss: KiB) and each shell's ratio to spsh. Not part of
# the test suite (no timing in unit tests).
#
#   tests/bench/arrays.sh [SPSH] [N] [M] [L]   defaults: build/spsh 2000 100000 1000000
spsh=${1:-build/spsh}
n=${2:-2000}
m=${3:-100000}
l=${4:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

# ~1 MB of text over 5000 distinct words, 8 words a line; L numbered lines
awk 'BEGIN { srand(1); for (i = 0; i < 130000; i++) printf "w%d%s", int(rand() * 5000), (i % 8 == 7) ? "\n" : " " }' >"$tmp/text"
awk -v l="$l" 'BEGIN { for (i = 0; i < l; i++) print "line " i }' >"$tmp/lines"

pre='[ -n "${ZSH_VERSION-}" ] && setopt ksharrays shwordsplit; '
bubble=$pre'n='$n'; i=0; s=7; while ((i < n)); do ((s = (s * 25173 + 13849) % 65536)); a[i]=$((s % 100000)); ((i++)); done
i=0; while ((i < n - 1)); do j=0; while ((j < n - 1 - i)); do
if ((a[j] > a[j+1])); then t=${a[j]}; a[j]=${a[j+1]}; a[j+1]=$t; fi; ((j++)); done; ((i++)); done
echo "${a[0]} ${a[n-1]}"'
random=$pre'm='$m'; i=0; while ((i < m)); do a[i]=v$i; ((i++)); done
s=7; i=0; c=0; while ((i < m)); do ((s = (s * 25173 + 13849) % 65536)); x=${a[(s * 16 + i) % m]}; ((c += ${#x})); ((i++)); done; echo $c'
wordfreq=$pre'typeset -A c; while read -r line; do for w in $line; do c[$w]=$(( ${c[$w]:-0} + 1 )); done; done <'$tmp/text'; echo ${#c[@]} ${c[w42]}'
mapfile_bash='mapfile -t a <'$tmp/lines'; echo ${#a[@]}'
mapfile_zsh='a=("${(@f)$(<'$tmp/lines')}"); echo ${#a[@]}'
rss=$pre'i=0; while ((i < 1000000)); do a[i]=v$i; ((i++)); done; echo ${#a[@]}'

has() { command -v "$1" >/dev/null 2>&1; }
base=
run() {	# WORKLOAD SHELL SCRIPT
	has "$2" || return 0
	t0=$(date +%s.%N)
	out=$(timeout "${BENCH_LIMIT:-300}" "$2" -c "$3" 2>&1 | tail -1)
	t1=$(date +%s.%N)
	t=$(echo "$t1 - $t0" | bc)
	[ "$2" = "$spsh" ] && base=$t
	printf '%-9s %-6s %8.3f s  x%-6s (%s)\n' "$1" "${2##*/}" "$t" \
	    "$(echo "scale=2; $t / $base" | bc)" "$out"
}
peak() {	# SHELL SCRIPT
	has "$1" || return 0
	k=$(/usr/bin/time -f %M "$1" -c "$2" 2>&1 >/dev/null | tail -1)
	[ "$1" = "$spsh" ] && base=$k
	printf '%-9s %-6s %8d KiB  x%s\n' rss "${1##*/}" "$k" "$(echo "scale=2; $k / $base" | bc)"
}

for sh in "$spsh" bash ksh mksh zsh; do run bubble "$sh" "$bubble"; done
for sh in "$spsh" bash ksh mksh zsh; do run random "$sh" "$random"; done
for sh in "$spsh" bash ksh zsh; do run wordfreq "$sh" "$wordfreq"; done
for sh in "$spsh" bash; do run mapfile "$sh" "$mapfile_bash"; done
run mapfile zsh "$mapfile_zsh"
# mksh keeps arrays in a sorted list: 1M appends are quadratic there
for sh in "$spsh" bash ksh zsh; do peak "$sh" "$rss"; done
