#!/usr/bin/env python3
"""run.py: runs gen.py's inputs through a shell and reports every failure.

  run.py SHELL [--seed N] [--count N] [--exec-every N] [--jobs N]
         [--save DIR] [--corpus FILE...] [--timeout S]

Each input is given to `SHELL -n FILE` and to `SHELL --dump-ast -c TEXT`
(NUL bytes removed: argv cannot hold them); every `--exec-every`-th case
is generated in safe mode and also run with `SHELL -c TEXT` in an empty
temporary directory with PATH=/nonexistent and HOME set to that directory.

A failure is: a sanitizer report, death by a signal, a run longer than
--timeout seconds under -n or --dump-ast, an exit status other than 0 or 2
under -n or --dump-ast, or a status-2 message that is not
`spsh: [FILE: ]line N: syntax error: ...` (posix words) or bash's `NAME: [-c: ]line N:
syntax error ...` / `... unexpected EOF while looking for matching ...`.
Failing inputs are printed (Python repr) and, with --save, written to DIR. Exit status 1 if any.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

SAN = re.compile(rb"(AddressSanitizer|LeakSanitizer|runtime error:|"
                 rb"UndefinedBehaviorSanitizer)")
SYNTAX = re.compile(rb"^(spsh: (.*: )?line [0-9]+: syntax error: .+"
                    rb"|.+: line [0-9]+: (syntax error.+|unexpected EOF while looking for matching .+))$")
FORBIDDEN = [b"/", b"cd", b"kill", b"echo", b"printf", b"exec", b"trap",
             b"PWD", b"HOME", b"ulimit", b"fc"]


def check(args, shell, data, mode, timeout, tmp, stdin=b""):
    env = {"PATH": "/nonexistent", "HOME": tmp, "LC_ALL": "C",
           "SPSH_FORCE_FORK": "1",
           "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=0",
           "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1"}
    try:
        p = subprocess.run([shell] + args, input=stdin, cwd=tmp, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout after %gs" % timeout
    err = p.stderr
    if SAN.search(err):
        lines = [l for l in err.splitlines() if SAN.search(l) or b"#" in l[:6]]
        return "sanitizer: " + b"\n  ".join(lines[:8]).decode("latin-1")
    if p.returncode < 0 or p.returncode >= 128:
        return "status %d" % p.returncode
    if mode == "exec":
        return None
    if p.returncode not in (0, 2):
        return "status %d: %r" % (p.returncode, err[:300])
    if p.returncode == 2 and b"spsh" in os.path.basename(shell).encode():
        first = err.split(b"\n")[0]
        if not SYNTAX.match(first):
            return "bad message: %r" % err[:300]
    return None


def one(opts, corpus, i):
    safe = opts.exec_every > 0 and i % opts.exec_every == 0
    data, kind = gen.case(opts.seed, i, corpus, safe=safe)
    if safe and any(f in data for f in FORBIDDEN):
        safe = False
    fails = []
    with tempfile.TemporaryDirectory(prefix="spsh-fuzz-") as tmp:
        path = os.path.join(tmp, "in.sh")
        with open(path, "wb") as f:
            f.write(data)
        text = data.replace(b"\0", b"")
        runs = [("-n", ["-n", path], b"")]
        # a NUL in the first line makes the file a binary (refused with
        # 126, as bash does): such input reaches the parser on stdin
        if b"\0" in data[:80].split(b"\n")[0]:
            runs = [("-n", ["-n", "-s"], data)]
        if len(text) < 100000:	# MAX_ARG_STRLEN is 128 KiB
            runs.append(("dump", ["--dump-ast", "-c", "--", text], b""))
        if safe and len(text) < 100000:
            runs.append(("exec", ["-c", "--", text], b""))
        for mode, args, stdin in runs:
            why = check(args, opts.shell, data, mode, opts.timeout, tmp, stdin)
            if why:
                fails.append((mode, why))
    return i, kind, data, fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shell")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--exec-every", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--save")
    ap.add_argument("--corpus", nargs="*", default=[])
    opts = ap.parse_args()
    opts.shell = os.path.abspath(opts.shell)

    corpus = []
    for name in opts.corpus:
        try:
            with open(name, "rb") as f:
                corpus.append(f.read())
        except OSError:
            pass

    nfail = 0
    kinds = {}
    with ThreadPoolExecutor(opts.jobs) as ex:
        for i, kind, data, fails in ex.map(lambda i: one(opts, corpus, i),
                                           range(opts.count)):
            kinds[kind] = kinds.get(kind, 0) + 1
            if not fails:
                continue
            nfail += 1
            print("FAIL seed %d case %d (%s):" % (opts.seed, i, kind))
            for mode, why in fails:
                print("  %s: %s" % (mode, why))
            shown = data if len(data) < 600 else data[:600] + b"..."
            print("  input: %r" % shown)
            if opts.save:
                os.makedirs(opts.save, exist_ok=True)
                with open(os.path.join(opts.save, "s%d-c%d.sh" % (opts.seed, i)), "wb") as f:
                    f.write(data)
    print("%d inputs (%s), %d failing" % (
        opts.count, ", ".join("%s %d" % kv for kv in sorted(kinds.items())), nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
