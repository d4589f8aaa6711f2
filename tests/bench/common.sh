# tests/bench/common.sh: the set-up the benchmark scripts share; sourced.
#   bench_init [SPSH]   sets here, top, SPSH (argument, $SPSH or build/spsh)
#                       and tmp (removed on exit; BENCH_KEEP=DIR keeps the
#                       workload scripts in DIR), in a clean environment
#   bench_shells NAME...   fills `shells` with "name:path" of spsh and of
#                       each named shell that is installed ("busybox" runs
#                       as sh through a link)
#   bench_runner        compiles benchrun.c to $tmp/benchrun
#   median              the median of the numbers on stdin (other lines
#                       are ignored)
set -u
export LC_ALL=C
unset ENV BASH_ENV CDPATH

bench_init() {
	here=$(cd "$(dirname "$0")" && pwd)
	top=$(cd "$here/../.." && pwd)
	SPSH=${1:-${SPSH:-$top/build/spsh}}
	if [ -n "${BENCH_KEEP:-}" ]; then	# keep the generated scripts there
		tmp=$BENCH_KEEP
		mkdir -p "$tmp"
	else
		tmp=$(mktemp -d)
		trap 'rm -rf "$tmp"' EXIT
	fi
}

bench_shells() {
	local s p
	shells=("spsh:$SPSH")
	for s in "$@"; do
		if [ "$s" = busybox ]; then
			p=$(command -v busybox) && ln -sf "$p" "$tmp/sh" && shells+=("busybox:$tmp/sh")
		else
			p=$(command -v "$s") && shells+=("$s:$p")
		fi
	done
}

bench_runner() {
	local cc
	cc=$(command -v cc || command -v gcc) || { echo "${0##*/}: no C compiler" >&2; exit 1; }
	"$cc" -O2 -o "$tmp/benchrun" "$here/benchrun.c" || exit 1
}

median() { grep -E '^[0-9]+$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
