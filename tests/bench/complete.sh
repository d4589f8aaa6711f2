#!/bin/sh
# tests/bench/complete.sh [SHELL...]: Tab latency with Debian's
# bash-completion, spsh against bash (default: build/spsh bash).
#
# Each shell runs interactively on a real pty (tests/helpers/ptyrun.py),
# sources /usr/share/bash-completion/bash_completion, then for each case
# types the line and a Tab and times the keypress until the completed
# text is echoed: the first Tab (which loads the command's completion file
# through _completion_loader) and the median of 5 more (loaded). Also
# times sourcing bash_completion itself (median of 5 `SHELL -c '. file'`).
# Prints milliseconds and the ratio to bash.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
[ -r /usr/share/bash-completion/bash_completion ] || {
	echo "complete.sh: bash-completion is not installed" >&2
	exit 2
}
[ $# -gt 0 ] || set -- "$here/build/spsh" bash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/proj/dir_one" "$work/proj/src_dir"
printf 'all:\n\ttrue\nclean:\n\ttrue\n' >"$work/proj/Makefile"
(cd "$work/proj" && git init -q . 2>/dev/null) || true

for sh in "$@"; do
	case $sh in */*) ;; *) sh=$(command -v "$sh") ;; esac
	SPSH=$sh PTY_HOME=$work/home PTY_CWD=$work/proj python3 - "$here/tests/helpers" <<'EOF'
import os, statistics, subprocess, sys, time
sys.path.insert(0, sys.argv[1])
import ptyrun
from ptyrun import shell, KEYS, PROMPT

bc = "/usr/share/bash-completion/bash_completion"
name = os.path.basename(os.environ["SPSH"])
src = []
for _ in range(5):
    t = time.perf_counter()
    subprocess.run([os.environ["SPSH"], "-c", ". " + bc], check=True)
    src.append((time.perf_counter() - t) * 1000)
print("%-6s source bash_completion: %7.1f ms" % (name, statistics.median(src)))

args = ["--norc"] if name == "bash" else []
# the line typed, and the text the Tab adds
cases = [("git chec", "kout"), ("apt-get ins", "tall"), ("ls --hum", "an-readable"),
         ("make cle", "an"), ("kill -HU", "P"), ("cd dir_o", "ne/"),
         ("tar --excl", "ude"), ("systemctl daemon-rel", "oad")]
sh = shell(args)
sh.expect(PROMPT)
sh.send(". %s\r" % bc)
sh.expect(PROMPT)
for line, tail in cases:
    times = []
    for i in range(6):
        sh.send(line)
        sh.expect(line[-3:].replace("-", r"\-"))
        t = time.perf_counter()
        sh.send("\t")
        sh.expect(tail.replace("-", r"\-"))
        times.append((time.perf_counter() - t) * 1000)
        sh.send(KEYS["CTRL_E"] + "\x15")	# the line killed: Ctrl-E Ctrl-U
    print("%-6s %-22s first %7.1f ms  then %6.1f ms" %
          (name, repr(line + "<Tab>"), times[0], statistics.median(times[1:])))
sh.send("exit 0\r")
sh.expect_exit()
EOF
done
