#!/bin/sh
# tests/bench/strings.sh: string-slicing workloads of issue 11, for spsh and
# every other shell on the machine that has the operators (bash, ksh93,
# mksh, zsh): ${s:i:1} over a N-byte string (linear in spsh: the character
# position is cached), ${s//a/b} on an M-byte string. Not part of the test
# suite (no timing in unit tests).
#
#   tests/bench/strings.sh [SPSH] [N] [M]     defaults: build/spsh 100000 1000000
spsh=${1:-build/spsh}
n=${2:-100000}
m=${3:-1000000}

slice='s=$(head -c '$n' /dev/zero | tr "\0" a); i=0; n=${#s}; c=0
while [ $i -lt $n ]; do x=${s:$i:1}; [ "$x" = a ] && c=$((c+1)); i=$((i+1)); done; echo $c'
repl='s=$(head -c '$m' /dev/zero | tr "\0" a); t=${s//a/b}; echo ${#t}'

run() {	# SHELL NAME SCRIPT
	command -v "$1" >/dev/null 2>&1 || return 0
	t0=$(date +%s.%N)
	out=$("$1" -c "$3" 2>&1 | tail -1)
	t1=$(date +%s.%N)
	printf '%-8s %-10s %8.3f s  (%s)\n' "$2" "${1##*/}" "$(echo "$t1 - $t0" | bc)" "$out"
}

for sh in "$spsh" bash ksh mksh zsh; do
	run "$sh" 's:i:1' "$slice"
done
for sh in "$spsh" bash ksh mksh zsh; do
	run "$sh" 's//a/b' "$repl"
done
