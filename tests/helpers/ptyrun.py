#!/usr/bin/env python3
"""tests/helpers/ptyrun.py: drive a program in a real pseudo-terminal, the way
a user types at it. Standard library only.

    python3 tests/helpers/ptyrun.py < SCRIPT

SCRIPT is Python run with these names defined:

    sh = spawn([argv...], env=None, cwd=None)   start a program on a new pty
    sh.send(text)            type text ("\\r" is Enter, "\\x03" Ctrl-C ...)
    sh.expect(regex, timeout=T)    wait until the output since the last
                             match contains regex; returns the match
    sh.expect_exit(timeout=T)      wait for the program to end; its status
    sh.wait_fg(name)         wait until a process called name holds the
                             terminal (before typing Ctrl-Z or Ctrl-C at it)
    sh.wait_edit()           wait until the shell holds the terminal in raw
                             mode, i.e. readline is reading (before Ctrl-C)
    sh.wait_run()            wait until the shell holds the terminal in
                             cooked mode: it runs a command itself (a loop
                             of builtins, `read`, a $(...))
    sh.wait_proc(name)       wait until a process called name runs in the
                             terminal's session (a `sleep` in a $(...))
    sh.stop(command)         run command (a program, its first word),
                             stop it with Ctrl-Z, wait for the notice and
                             the prompt
    until(test, what)        wait until test() is true (polling), else fail
    sh = shell([args], env={}, pre=[])  $SPSH [pre] -i with HOME=$PTY_HOME, PS1='PROMPT> ',
                             PS2='MORE> ', INPUTRC=/dev/null, in $PTY_CWD
    sh.output                everything read so far
    ARGS                     ["--norc"] when $SPSH is bash, else []
    KEYS                     names for control keys (UP, LEFT, TAB, ...)

A failed expect prints what was expected and the whole transcript on
stderr and exits 1, so a bats test fails with something to read.
Everything is killed when the script ends. Tests wait for output or state,
never for a fixed time: T is $PTY_TIMEOUT seconds (default 30), generous
so that a loaded machine (the suite runs in parallel) does not fail them.
"""
import os
import pty
import re
import select
import signal
import sys
import termios
import time

KEYS = {
    "UP": "\x1b[A", "DOWN": "\x1b[B", "RIGHT": "\x1b[C", "LEFT": "\x1b[D",
    "TAB": "\t", "ENTER": "\r", "CTRL_A": "\x01", "CTRL_C": "\x03",
    "CTRL_D": "\x04", "CTRL_E": "\x05", "CTRL_R": "\x12", "CTRL_Z": "\x1a",
    "ESC": "\x1b",
}

_children = []
TIMEOUT = float(os.environ.get("PTY_TIMEOUT", "30"))


class Failure(Exception):
    pass


class Session:
    def __init__(self, argv, env=None, cwd=None, rows=24, cols=200, arg0=None):
        pid, fd = pty.fork()
        if pid == 0:
            try:
                # the size is set before exec, so no SIGWINCH comes later
                import fcntl
                import struct
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                if cwd is not None:
                    os.chdir(cwd)
                args = [arg0] + argv[1:] if arg0 else argv
                os.execve(argv[0], args, env if env is not None else os.environ)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.argv = argv
        self.output = ""
        self.raw = ""
        self.pos = 0          # where the next expect starts looking
        self.status = None
        _children.append(self)

    def _read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            raise EOFError
        self.raw += data.decode("utf-8", "replace")
        # readline's bracketed-paste mode switches are noise to tests
        self.output = re.sub(r"\x1b\[\?2004[hl]\r?", "", self.raw)
        return True

    def drain(self, seconds):
        """Reads whatever comes for `seconds` (for debugging)."""
        end = time.time() + seconds
        try:
            while time.time() < end:
                self._read(max(0, end - time.time()))
        except EOFError:
            pass
        return self.output

    def send(self, text, delay=0.0):
        for ch in text if delay else [text]:
            os.write(self.fd, ch.encode())
            if delay:
                time.sleep(delay)

    def fail(self, what):
        sys.stderr.write("pty: %s\n--- transcript of %s ---\n%s\n--- end ---\n"
                         % (what, " ".join(self.argv), self.output))
        raise Failure(what)

    def expect(self, regex, timeout=None):
        timeout = TIMEOUT if timeout is None else timeout
        pat = re.compile(regex)
        deadline = time.time() + timeout
        while True:
            m = pat.search(self.output, self.pos)
            if m:
                self.pos = m.end()
                return m
            left = deadline - time.time()
            if left <= 0:
                self.fail("timed out waiting for %r" % regex)
            try:
                self._read(left)
            except EOFError:
                m = pat.search(self.output, self.pos)
                if m:
                    self.pos = m.end()
                    return m
                self.fail("end of output while waiting for %r" % regex)

    def expect_exit(self, timeout=None):
        timeout = TIMEOUT if timeout is None else timeout
        deadline = time.time() + timeout
        while True:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = os.waitstatus_to_exitcode(st)
                try:
                    while self._read(0.05):
                        pass
                except EOFError:
                    pass
                return self.status
            if time.time() > deadline:
                self.fail("timed out waiting for the program to exit")
            try:
                self._read(0.05)
            except EOFError:
                time.sleep(0.02)

    def _poll(self, test, what, timeout):
        """Reads output while waiting for test() to hold."""
        timeout = TIMEOUT if timeout is None else timeout
        deadline = time.time() + timeout
        while not test():
            if time.time() > deadline:
                self.fail("timed out waiting for " + what)
            try:
                self._read(0.02)
            except EOFError:
                self.fail("end of output while waiting for " + what)

    def _fg(self):
        try:
            return os.tcgetpgrp(self.fd)    # the slave's, read on the master
        except OSError:
            return -1

    def wait_fg(self, name, timeout=None):
        def holds():
            pg = self._fg()
            if pg <= 0 or pg == self.pid:
                return False
            try:
                with open("/proc/%d/comm" % pg) as f:
                    return f.read().strip() == name
            except OSError:
                return False
        self._poll(holds, "%s in the foreground" % name, timeout)

    def wait_edit(self, timeout=None):
        def editing():
            if self._fg() != self.pid:
                return False
            return not termios.tcgetattr(self.fd)[3] & termios.ICANON
        self._poll(editing, "the shell to read a line", timeout)

    def wait_run(self, timeout=None):
        def running():
            if self._fg() != self.pid:
                return False
            return bool(termios.tcgetattr(self.fd)[3] & termios.ICANON)
        self._poll(running, "the shell to run a command", timeout)

    def wait_proc(self, name, timeout=None):
        def there():
            for d in os.listdir("/proc"):
                if not d.isdigit():
                    continue
                try:
                    with open("/proc/%s/stat" % d) as f:
                        st = f.read()
                except OSError:
                    continue
                comm = st[st.index("(") + 1:st.rindex(")")]
                fields = st[st.rindex(")") + 2:].split()
                if comm == name and int(fields[3]) == self.pid:   # session
                    return True
            return False
        self._poll(there, "a %s process" % name, timeout)

    def stop(self, command):
        self.send(command + "\r")
        self.wait_fg(command.split()[0])
        self.send(KEYS["CTRL_Z"])
        self.expect(r"\r\n\[\d+\]\+  Stopped +%s\r\n" % re.escape(command))
        self.expect(PROMPT)

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.status = -9
        try:
            os.close(self.fd)
        except OSError:
            pass


def until(test, what, timeout=None):
    """Polls test() until it is true; fails after the timeout."""
    deadline = time.time() + (TIMEOUT if timeout is None else timeout)
    while not test():
        if time.time() > deadline:
            raise Failure("gave up waiting for " + what)
        time.sleep(0.02)


def spawn(argv, env=None, cwd=None, **kw):
    return Session(argv, env=env, cwd=cwd, **kw)


def shell(args=(), env=None, pre=(), **kw):
    """The shell under test ($SPSH), interactive, with a predictable
    environment: HOME=$PTY_HOME, PS1='PROMPT> ', no inputrc. `pre`: long
    options that go before -i (bash takes them only there: --norc)."""
    e = dict(os.environ)
    e.update({"HOME": os.environ.get("PTY_HOME", "/tmp"), "PS1": "PROMPT> ",
              "PS2": "MORE> ", "INPUTRC": "/dev/null", "TERM": "vt100"})
    e.pop("ENV", None)
    e.pop("HISTFILE", None)
    if env:
        e.update(env)
    # long options first: bash takes none after -i
    longs = list(pre) + [a for a in args if a.startswith("--")]
    rest = [a for a in args if not a.startswith("--")]
    return Session([os.environ["SPSH"]] + longs + ["-i"] + rest, env=e,
                   cwd=kw.pop("cwd", os.environ.get("PTY_CWD")), **kw)


PROMPT = r"PROMPT> "


def main():
    code = sys.stdin.read()
    g = {"termios": termios, "spawn": spawn, "shell": shell, "PROMPT": PROMPT, "KEYS": KEYS, "os": os, "re": re, "time": time,
         "sys": sys, "Failure": Failure, "until": until,
         "ARGS": ["--norc"] if os.environ.get("SPSH", "").endswith("/bash") else []}
    rc = 0
    try:
        exec(compile(code, "<test>", "exec"), g)
    except Failure as e:
        if not str(e).startswith("timed out") and not str(e).startswith("end of output"):
            sys.stderr.write("pty: %s\n" % e)
            for s in _children:
                sys.stderr.write("--- transcript ---\n%s\n--- end ---\n" % s.output)
        rc = 1
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else 1
    except Exception:
        import traceback
        traceback.print_exc()
        for s in _children:
            sys.stderr.write("--- transcript ---\n%s\n--- end ---\n" % s.output)
        rc = 1
    finally:
        for s in _children:
            s.kill()
    sys.exit(rc)


if __name__ == "__main__":
    main()
