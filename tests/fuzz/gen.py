#!/usr/bin/env python3
"""gen.py: random shell text for the parser and expander fuzzer (run.py).

Three kinds of input, chosen per case from one seeded random.Random, so a
(seed, index) pair always gives the same bytes:

  grammar  commands built from the XCU 2.10 grammar with random words
           (quotes, $ ${ $( ` $(( ))), here-documents, deep nesting,
           huge words, NUL and invalid UTF-8 bytes);
  soup     a random run of tokens from the same list, mostly invalid;
  mutate   a slice of a real script with bytes flipped, tokens inserted,
           lines cut, duplicated or swapped.

`safe` inputs (for execution) use a vocabulary without `/`, `cd`, `kill`,
`echo`, `printf`, `exec`, `trap` or PWD, so a run in a temporary directory
with PATH=/nonexistent touches nothing outside it.
"""
import random

KEYWORDS = ["if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
            "while", "until", "for", "in", "{", "}", "!"]
OPERATORS = ["&&", "||", ";;", "<<", ">>", "<&", ">&", "<>", "<<-", ">|",
             "<", ">", "|", ";", "&", "(", ")", "\n"]
NAMES = ["x", "y", "IFS", "_a1", "1", "@", "*", "#", "?", "-", "$", "!", "0", "10"]
PIECES = ["'", '"', "\\", "$", "${", "$(", "`", "$((", "))", "}", "\\\n", "#",
          "=", "~", "*", "?", "[", "]", "\t", " ", "$'", "\x00", "\xff", "\xc3",
          "\xe2\x82", "\x80", ":-", ":=", "%%", "##", "+", "a", "b", "--", "0"]
SAFE_CMDS = [":", "true", "false", "x=1", "set --", "shift", "read x",
             "test -n", "[ a = b ]", "local", "export x", "unset y",
             "eval", "return", "break", "exit", "alias a=b",
             "unalias a", "wait", "type", "command", "getopts a x", "umask",
             "readonly q", "f", "set -e", "set -u", "set +e"]


class Gen:
    def __init__(self, rnd, safe=False):
        self.r = rnd
        self.safe = safe
        self.heredocs = []

    def chance(self, p):
        return self.r.random() < p

    # ---- words ----
    def name(self):
        return self.r.choice(NAMES)

    def param(self, depth):
        n = self.name()
        k = self.r.randrange(9)
        if k == 0:
            return "$" + n
        if k == 1:
            return "${#" + n + "}"
        if k < 6:
            op = self.r.choice(["-", ":-", "=", ":=", "+", ":+", "?", ":?",
                                "%", "%%", "#", "##"])
            if n in ("@", "*", "#", "?", "-", "$", "!", "0", "1", "10") and op[-1] in "=":
                op = "-"
            return "${" + n + op + self.word(depth + 1, inbrace=True) + "}"
        if k == 6:
            return '"${' + n + '+"' + self.word(depth + 1) + '"}"'
        if k == 7:
            return "$((" + self.arith(depth + 1) + "))"
        return "${" + n + "}"

    def arith(self, depth):
        if depth > 4 or self.chance(0.4):
            return self.r.choice(["1", "x", "$x", "y+1", "0x1f", "010", "-3"])
        op = self.r.choice(["+", "-", "*", "/", "%", "<<", ">>", "<", "<=",
                            "==", "!=", "&", "^", "|", "&&", "||", "=", "+=",
                            ",", "?1:"])
        e = self.arith(depth + 1) + op + self.arith(depth + 1)
        if self.chance(0.3):
            e = "(" + e + ")"
        return e

    def word(self, depth=0, inbrace=False):
        if depth > 4 or self.chance(0.1 * depth):
            return self.r.choice(["w", "a b", "'q'", "$x", "\\n"])
        out = []
        for _ in range(self.r.randrange(1, 4)):
            k = self.r.randrange(12)
            if k < 3:
                out.append(self.r.choice(["a", "b", "foo", "x=1", "-n", "*",
                                          "[ab]", "~", "0", "a\\ b", "'$x'"]))
            elif k == 3:
                out.append("'" + self.r.choice(["", "a b", "\\", '"', "$x", "\n"]) + "'")
            elif k == 4:
                out.append('"' + self.word(depth + 1).replace('"', "") + '"')
            elif k < 7:
                out.append(self.param(depth))
            elif k == 7:
                out.append("$(" + self.list(depth + 1) + ")")
            elif k == 8:
                body = self.simple(depth + 1).replace("`", "").replace("\\", "")
                out.append("`" + body + "`")
            elif k == 9:
                out.append("\\" + self.r.choice(["$", "`", "\"", "\\", "n", "}", "\n"]))
            elif k == 10 and not self.safe:
                out.append(self.r.choice(["\x00", "\xff\xfe", "\xc3", "\u00e9", "\\\n"]))
            else:
                out.append("$'" + self.r.choice(["a\\n", "\\x41", "\\101", "\\c", "\\'"]) + "'")
        w = "".join(out)
        if inbrace:
            w = w.replace("}", "")
        return w

    # ---- commands ----
    def redir(self):
        op = self.r.choice(["<", ">", ">>", "2>", "<>", ">|", "2>&1", "<&-",
                            "3<&0", "<<", "<<-"])
        if op in ("<<", "<<-"):
            d = self.r.choice(["EOF", "'EOF'", '"E"OF', "E\\OF", "-", "!", "$x"])
            self.heredocs.append((d, op == "<<-"))
            return op + d
        if op in ("2>&1", "<&-", "3<&0"):
            return op
        if op == "<" and self.safe:
            return "<" + self.r.choice(["f", "g", "nofile"])
        return op + self.r.choice(["f", "g", '"$x"', "o"])

    def simple(self, depth):
        parts = []
        if self.chance(0.2):
            parts.append(self.r.choice(["x=", "y=", "IFS="]) + self.word(depth))
        parts.append(self.r.choice(SAFE_CMDS) if self.safe or self.chance(0.7)
                     else self.word(depth))
        for _ in range(self.r.randrange(3)):
            parts.append(self.redir() if self.chance(0.2) else self.word(depth))
        return " ".join(parts)

    def compound(self, depth):
        k = self.r.randrange(8)
        cl = lambda: self.list(depth + 1)
        if k == 0:
            return "{ " + cl() + "; }"
        if k == 1:
            return "( " + cl() + " )"
        if k == 2:
            s = "if " + cl() + "; then " + cl()
            if self.chance(0.3):
                s += "; elif " + cl() + "; then " + cl()
            if self.chance(0.4):
                s += "; else " + cl()
            return s + "; fi"
        if k == 3:
            kw = "while" if self.chance(0.5) else "until"
            if self.safe:
                return kw + " " + cl() + "; do " + cl() + "; break; done"
            return kw + " " + cl() + "; do " + cl() + "; done"
        if k == 4:
            return "for " + self.r.choice(["i", "x"]) + " in " + self.word(depth) + \
                " " + self.word(depth) + "; do " + cl() + "; done"
        if k == 5:
            items = []
            for _ in range(self.r.randrange(0, 3)):
                pat = "|".join(self.word(depth + 1) for _ in range(self.r.randrange(1, 3)))
                if self.chance(0.3):
                    pat = "(" + pat
                items.append(pat + ") " + cl() + " ;;")
            return "case " + self.word(depth) + " in " + " ".join(items) + " esac"
        if k == 6 and not self.safe:
            return self.r.choice(["f", "g"]) + "() " + self.compound(depth + 1)
        return "! " + self.simple(depth)

    def command(self, depth):
        if depth < 4 and self.chance(0.35 - 0.08 * depth):
            c = self.compound(depth)
            if self.chance(0.15):
                c += " " + self.redir()
            return c
        return self.simple(depth)

    def pipeline(self, depth):
        return " | ".join(self.command(depth) for _ in range(self.r.randrange(1, 3)))

    def list(self, depth=0):
        out = self.pipeline(depth)
        for _ in range(self.r.randrange(0, 3)):
            out += self.r.choice([" && ", " || ", "; ", "\n", " & " if not self.safe else "; "])
            out += self.pipeline(depth)
        return out

    def program(self):
        lines = []
        for _ in range(self.r.randrange(1, 6)):
            self.heredocs = []
            line = self.list()
            lines.append(line)
            for d, strip in self.heredocs:
                d = d.replace("'", "").replace('"', "").replace("\\", "")
                body = self.r.choice(["", "a $x\n", "${x-`:`}\n", "\\$x \\\n",
                                      "$(: )\n", "\t\ttab\n"])
                if "\n" in line and self.chance(0.5):
                    pass  # delimiter line may end up inside a later command
                lines.append(body + ("\t" if strip and self.chance(0.5) else "") + d)
        return "\n".join(lines) + "\n"


def deep(rnd):
    """Deep nesting or huge words: limits, recursion, quadratic paths."""
    n = rnd.choice([50, 200, 999, 1001, 3000])
    k = rnd.randrange(9)
    if k == 0:
        return "(" * n + ":" + ")" * n
    if k == 1:
        return "$(" * n + ":" + ")" * n
    if k == 2:
        return "{ " * n + ":" + "; }" * n
    if k == 3:
        return "echo " + '"${x-' * n + "}\"" * n
    if k == 4:
        return "x" * (n * 100)
    if k == 5:
        return "if :; then " * n + ":" + "; fi" * n
    if k == 6:
        return "$((" + "(" * n + "1" + ")" * n + "))"
    if k == 7:
        return "a=" + "\\`" * n + "`" * rnd.randrange(2)
    return "echo " + "${x:-" * n + "}" * rnd.randrange(n + 1)


def soup(rnd):
    toks = KEYWORDS + OPERATORS + PIECES + NAMES
    n = rnd.randrange(1, 40)
    return "".join(rnd.choice(toks) + rnd.choice(["", " ", "", "\n"]) for _ in range(n))


def mutate(rnd, corpus):
    src = rnd.choice(corpus)
    if len(src) > 4000:
        start = rnd.randrange(len(src) - 2000)
        start = src.rfind(b"\n", 0, start) + 1
        src = src[start:start + rnd.randrange(200, 4000)]
    b = bytearray(src)
    toks = [t.encode("latin-1") for t in KEYWORDS + OPERATORS + PIECES]
    for _ in range(rnd.randrange(1, 6)):
        if not b:
            break
        i = rnd.randrange(len(b))
        k = rnd.randrange(6)
        if k == 0:
            b[i] = rnd.randrange(256)
        elif k == 1:
            b[i:i] = rnd.choice(toks)
        elif k == 2:
            del b[i:i + rnd.randrange(1, 40)]
        elif k == 3:
            j = rnd.randrange(len(b))
            b[i:i] = b[j:j + rnd.randrange(1, 200)]
        elif k == 4:
            del b[i:]
        else:
            lines = bytes(b).split(b"\n")
            a, c = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            lines[a], lines[c] = lines[c], lines[a]
            b = bytearray(b"\n".join(lines))
    return bytes(b)


def case(seed, index, corpus, safe=False):
    """The bytes of case `index` of run `seed`, and its kind."""
    rnd = random.Random(seed * 1000003 + index)
    if safe:
        return Gen(rnd, safe=True).program().encode("latin-1"), "grammar"
    k = rnd.randrange(10)
    if k < 4:
        return Gen(rnd).program().encode("latin-1"), "grammar"
    if k < 6:
        return soup(rnd).encode("latin-1"), "soup"
    if k == 6:
        return deep(rnd).encode("latin-1"), "deep"
    if corpus:
        return mutate(rnd, corpus), "mutate"
    return soup(rnd).encode("latin-1"), "soup"
