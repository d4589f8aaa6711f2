#!/bin/sh
# spawn-bench.sh [-n ITER] [MIB...]: builds tests/bench/spawn_bench.c with
# lib/spawn (into build/bench/) and prints its table: spawn_run vs
# posix_spawn vs fork+execve of /bin/true from a parent of 2 MiB, 256 MiB
# and 1 GiB of touched memory (medians, ms). A benchmark, never a test.
# CC (default cc) and OUT (default build/bench) can be set.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-$root/build/bench}
mkdir -p "$out"
${CC:-cc} -std=gnu11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -I"$root/lib" \
	-o "$out/spawn_bench" "$root/tests/bench/spawn_bench.c" "$root/lib/spawn/spawn.c"
exec "$out/spawn_bench" "$@"
