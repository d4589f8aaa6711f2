#!/usr/bin/env python3
"""probes.py: the reliability probes of issue 17, rerunnable.

  probes.py SHELL [--quick]

bad input (crash = death by a signal, hang = over 10 s), fd listings of
every construct (an fd above 2 seen by an exec'd program is a leak),
FIFO races (wrong output or hang), a signal storm (wrong $? while a
trapped signal arrives every few hundred microseconds), 1000 background
jobs (every `wait PID` status right). Each runs in clone mode and with
SPSH_FORCE_FORK=1; a summary line per probe, exit status 1 on a failure.
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

SH = os.path.abspath(sys.argv[1])
QUICK = "--quick" in sys.argv
TMP = tempfile.mkdtemp(prefix="spsh-probes-")
fails = 0


def run(script, mode, timeout=10, stdin=subprocess.DEVNULL, args=()):
    env = {"PATH": "/usr/bin:/bin", "HOME": TMP, "LC_ALL": "C",
           "SPSH_FORCE_FORK": mode}
    path = os.path.join(TMP, "probe.sh")
    with open(path, "w") as f:
        f.write(script + "\n")
    try:
        p = subprocess.run([SH, path] + list(args), cwd=TMP, env=env,
                           stdin=stdin, capture_output=True, timeout=timeout,
                           close_fds=True)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "hang", b"", b""


def report(name, bad, total, detail):
    global fails
    fails += bad > 0
    print("%-14s %d/%d bad%s" % (name, bad, total, detail))


def big(n, unit):
    return unit * n


BAD_INPUT = [
    "(" * 100000 + ")" * 100000,
    "{ " * 50000 + ":;" + " }" * 50000,
    "true" + " && true" * 50000,
    "true" + " | true" * 2000,
    "echo " + "$((" * 10000 + "1" + "))" * 10000,
    "echo " + "${x:-" * 20000 + "}" * 20000,
    "echo " + "$(" * 3000 + ")" * 3000,
    "x=" + "a" * 5000000 + "; echo ${#x}",
    "f() { f; }; f",
    "echo ${x", "echo $((1+", "case x in", "if true; then", "cat <<EOF",
    "echo \"unterminated", "echo 'unterminated", "`echo",
    "echo $((2**63)) $((-9223372036854775807-1)) $(( (-9223372036854775807-1) / -1 ))",
    "echo $(( (-9223372036854775807-1) % -1 ))",
    "printf '%s\\n' \"$(printf '\\377\\376\\200abc')\"",
    "x=$(printf 'a\\0b\\0c'); echo ${#x}",
    "eval \"$(yes 'echo x;' | head -n 100000)\" | wc -l",
    "set -- $(seq 100000); echo $#; shift 99999; echo $1",
    "a=; for i in $(seq 2000); do a=\"$a$i\"; done; echo ${#a}",
    "alias a='a '; a a a a a",
    "alias x='(x'; x",
    "trap 'trap \"echo inner\" EXIT; exit' EXIT; exit",
    "ulimit -s 256; f() { f; }; f",
    "exec 9>&-; exec 10<&-; exec 255<&-; echo ok",
    "echo ${x?}; echo no",
    "readonly PATH=/x; PATH=/y",
    ". /dev/null; . /nonexistent",
    "exec </dev/null; read x; echo $?",
    "while :; do break; done; for ((;;)); do break; done 2>/dev/null; echo ok",
    "cat <<EOF\n" + "$(echo x)\n" * 10000 + "EOF",
    "echo " + "'" + "a" * 1000000 + "'",
    "[[ " + "a " * 1000 + "]]",
    "x=${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-}}}}}}}}",
    "echo $((a=a+1, a+=a, a<<=62, a>>=1))",
    "IFS=$(printf '\\200\\377'); x=$(printf 'a\\200b\\377c'); set -- $x; echo $#",
    "LC_ALL=C.UTF-8; x=$(printf '\\316'); echo ${#x} ${x#?}",
]


def probe_bad_input(mode):
    crash = hang = 0
    for s in BAD_INPUT:
        rc, out, err = run(s, mode, timeout=20)
        if rc == "hang":
            hang += 1
            print("  hang: %r" % s[:80])
        elif rc < 0 or b"AddressSanitizer" in err or b"runtime error" in err:
            crash += 1
            print("  crash (%s): %r" % (rc, s[:80]))
    report("bad-input/" + mode, crash + hang, len(BAD_INPUT),
           " (%d crashes, %d hangs)" % (crash, hang))


FD_CONSTRUCTS = [
    "L", "L 3>/dev/null", ": 3>/dev/null; L", "{ L; }", "{ L; } 3>/dev/null",
    "(L)", "(L) 3>/dev/null", "if L; then :; fi", "if :; then L; fi 4>/dev/null",
    "while L; do break; done", "until L; do :; done 5</dev/null",
    "for i in 1; do L; done", "case a in a) L;; esac", "f() { L; }; f",
    "f() { L; } 3>/dev/null; f", "f() { L; }; f 3>/dev/null", "x=$(L); echo \"$x\"",
    "L | cat", "cat </dev/null | L", "true | L | cat", "L &\nwait",
    "sleep 0.2 & L; wait", "exec 3>/dev/null; exec 3>&-; L", "L <<EOF\nx\nEOF",
    "L <<<x", "eval L", ". ./dotf", "command L", "exec 4</dev/null; L 4<&-",
    "trap 'L' EXIT", "{ sleep 0.1 & } ; L; wait", "echo x | { read y; L; }",
    "L 2>&1 | cat", "(L &); wait", "cat <(L)", "L > >(cat)",
]


def probe_fds(mode):
    with open(os.path.join(TMP, "dotf"), "w") as f:
        f.write("L\n")
    bad = 0
    # an exec'd program lists the fds it got; its own directory fd points
    # to /proc/PID/fd. Fds the construct redirects itself (3>, 4<&-) and a
    # process substitution's are expected.
    lister = ("L() { /usr/bin/find /proc/self/fd/ -mindepth 1 -maxdepth 1 "
              "-printf 'FD %f %l\\n'; }\n")
    for c in FD_CONSTRUCTS:
        rc, out, err = run(lister + c, mode)
        allowed = set(re.findall(r"(\d)[<>]", c))
        leaks = []
        for line in out.decode("latin-1").splitlines():
            w = line.split(" ", 2)
            if len(w) < 3 or w[0] != "FD" or w[1] in ("0", "1", "2") or w[1] in allowed:
                continue
            if re.match(r"/proc/\d+/fd$", w[2]) or w[2] == TMP or ("(" in c and w[2].startswith("pipe:")):
                continue
            leaks.append(line)
        if rc == "hang" or leaks:
            bad += 1
            print("  leak: %r: %r" % (c, leaks or rc))
    report("fd-listing/" + mode, bad, len(FD_CONSTRUCTS), "")


def probe_fifo(mode):
    n = 50 if QUICK else 200
    script = ("i=0; while [ $i -lt %d ]; do i=$((i+1)); rm -f pp; mkfifo pp; "
              "cat pp >out & echo hi$i 3>pp >&3; wait; "
              "[ \"$(cat out)\" = hi$i ] || echo BAD $i; "
              "{ echo b$i >pp; } & read -r l <pp; wait; [ \"$l\" = b$i ] || echo BAD2 $i; "
              "done; echo end") % n
    rc, out, err = run(script, mode, timeout=120)
    bad = out.count(b"BAD") + (rc == "hang" or not out.endswith(b"end\n"))
    report("fifo-race/" + mode, bad, 2 * n, "" if bad == 0 else " %r" % out[-200:])


def probe_storm(mode):
    n = 300 if QUICK else 2000
    script = ("trap 'c=$((c+1))' USR1; c=0; bad=0; i=0; echo ready >&2; "
              "while [ $i -lt %d ]; do i=$((i+1)); k=$((i %% 7)); "
              "(exit $k); [ $? = $k ] || bad=$((bad+1)); "
              "/bin/sh -c \"exit $k\"; [ $? = $k ] || bad=$((bad+1)); "
              "x=$(exit $k); [ $? = $k ] || bad=$((bad+1)); "
              "true | (exit $k); [ $? = $k ] || bad=$((bad+1)); "
              "done; echo \"bad=$bad traps=$c\"") % n
    env = {"PATH": "/usr/bin:/bin", "HOME": TMP, "LC_ALL": "C",
           "SPSH_FORCE_FORK": mode}
    p = subprocess.Popen([SH, "-c", script], cwd=TMP, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         close_fds=True)
    p.stderr.readline()
    sent = 0
    deadline = time.time() + 300
    while p.poll() is None and time.time() < deadline:
        try:
            os.kill(p.pid, signal.SIGUSR1)
            sent += 1
        except ProcessLookupError:
            break
        time.sleep(0.0005)
    try:
        out, err = p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = b"hang", b""
    wrong = 4 * n
    if out.startswith(b"bad="):
        wrong = int(out.split()[0][4:])
    report("signal-storm/" + mode, wrong, 4 * n,
           " (%d signals sent, %s)" % (sent, out.decode().strip()))


def probe_jobs(mode):
    script = ("i=0; pids=; while [ $i -lt 1000 ]; do i=$((i+1)); "
              "(exit $((i % 100))) & pids=\"$pids $!\"; done; bad=0; i=0; "
              "for p in $pids; do i=$((i+1)); wait $p; [ $? = $((i % 100)) ] || bad=$((bad+1)); done; "
              "sleep 0.01 & wait; echo \"bad=$bad jobs=$(jobs | wc -l)\"")
    rc, out, err = run(script, mode, timeout=120)
    bad = 1000
    if out.startswith(b"bad="):
        bad = int(out.split()[0][4:])
    report("1000-jobs/" + mode, bad, 1000, " (%s)" % out.decode().strip())


for m in ("0", "1"):
    probe_bad_input(m)
    probe_fds(m)
    probe_fifo(m)
    probe_storm(m)
    probe_jobs(m)
sys.exit(1 if fails else 0)
