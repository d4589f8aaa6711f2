/* pattern.c: pattern matching notation, XCU 2.14 (pathname expansion is
 * in glob.c).
 *
 * Patterns are byte strings. `*` matches any string, `?` any one byte, and
 * `[...]` a bracket expression (XCU 2.14.1, XBD 9.3.5, with `!` for
 * negation and `^` accepted too, as bash, yash and ksh do; dash and mksh take
 * that `^` as a member, and POSIX leaves it unspecified). A backslash makes the
 * next byte literal, inside brackets as well: the expander hands over quoted
 * characters backslash-escaped. Ranges compare byte values (the C locale's
 * collation order); multi-byte characters are matched byte by byte. */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>
#include <wctype.h>
#include <limits.h>

#include "shell.h"

/* How a pattern is matched: `mb` when the locale has multi-byte
 * characters (then `?` and brackets match characters, decoded with
 * mbrtowc; a byte that is not part of a valid character is a character of
 * its own); `nocase` (nocasematch, nocaseglob); `ext` (extglob). `mb` is
 * -1 until the first non-ASCII byte is met: ASCII text never loads the
 * locale, and a match costs nothing per call that depends on the length
 * of the string (${x//p/r} matches at every position). */
struct pm {
	signed char mb;
	bool nocase, ext;
};

static inline bool
is_mb(const struct pm *m)
{
	if (m->mb < 0) {
		shell_locale();
		((struct pm *)m)->mb = MB_CUR_MAX > 1;	/* never a const object */
	}
	return m->mb > 0;
}

/* A byte that is not a valid character: a value past Unicode, so it
 * matches `?`, itself and nothing else. */
#define RAW_BYTE(b) (0x110000u + (unsigned char)(b))

/* Decodes the character at `s` (at most `n` bytes) into *wc; returns its
 * length (1 for ASCII, the C locale, and invalid bytes). */
static inline size_t
getch(const struct pm *m, const char *s, size_t n, unsigned *wc)
{
	unsigned char b = (unsigned char)s[0];
	mbstate_t st;
	wchar_t w;
	size_t k;

	if (b < 0x80 || !is_mb(m)) {
		*wc = b;
		return 1;
	}
	memset(&st, 0, sizeof st);
	k = mbrtowc(&w, s, n, &st);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		*wc = RAW_BYTE(b);
		return 1;
	}
	*wc = (unsigned)w;
	return k;
}

/* A pattern's characters (NUL-terminated text). */
static inline size_t
patch(const struct pm *m, const char *p, unsigned *wc)
{
	return getch(m, p, MB_LEN_MAX, wc);	/* mbrtowc stops at the NUL */
}

static unsigned
lower(const struct pm *m, unsigned c)
{
	if (c >= 0x110000u)
		return c;
	return c >= 0x80 && m->mb > 0 ? (unsigned)towlower((wint_t)c) : (unsigned)tolower((int)c);
}

static unsigned
upper(const struct pm *m, unsigned c)
{
	if (c >= 0x110000u)
		return c;
	return c >= 0x80 && m->mb > 0 ? (unsigned)towupper((wint_t)c) : (unsigned)toupper((int)c);
}

static bool
same(const struct pm *m, unsigned a, unsigned b)
{
	return a == b || (m->nocase && lower(m, a) == lower(m, b));
}

static void
pm_init(struct pm *m, unsigned flags)
{
	m->nocase = (flags & PAT_NOCASE) != 0;
	m->ext = (flags & PAT_EXTGLOB) != 0;
	m->mb = -1;
}

/* The twelve character classes of XBD 7.3.1 (LC_CTYPE). */
static const struct {
	const char *name;
	int (*fn)(int);
	int (*wfn)(wint_t);
} classes[] = {
	{ "alnum", isalnum, iswalnum }, { "alpha", isalpha, iswalpha },
	{ "blank", isblank, iswblank }, { "cntrl", iscntrl, iswcntrl },
	{ "digit", isdigit, iswdigit }, { "graph", isgraph, iswgraph },
	{ "lower", islower, iswlower }, { "print", isprint, iswprint },
	{ "punct", ispunct, iswpunct }, { "space", isspace, iswspace },
	{ "upper", isupper, iswupper }, { "xdigit", isxdigit, iswxdigit },
};
#define NCLASSES (int)(sizeof classes / sizeof classes[0])
#define CLASS_NONE NCLASSES	/* an unknown class name: matches nothing */

static bool
in_class(const struct pm *m, int cls, unsigned c)
{
	if (cls == CLASS_NONE || c >= 0x110000u)
		return false;
	if (c >= 0x80 && m->mb > 0)
		return classes[cls].wfn((wint_t)c) != 0;
	return c < 256 && classes[cls].fn((int)c) != 0;
}

/* Parses one element of a bracket expression at `p`: a character, `\c`,
 * `[:class:]`, `[=c=]` or `[.c.]`. Sets *c to the character (or -1 when
 * the element is an equivalence class or collating symbol of several
 * characters, which match nothing here) or *cls to a class index. Returns
 * the text after the element, or NULL if the pattern ends inside it. */
static const char *
bracket_elem(const struct pm *m, const char *p, long *c, int *cls)
{
	unsigned wc;

	*cls = -1;
	if (p[0] == '\\') {
		if (p[1] == '\0')
			return NULL;
		p += 1 + patch(m, p + 1, &wc);
		*c = wc;
		return p;
	}
	if (p[0] == '[' && (p[1] == ':' || p[1] == '=' || p[1] == '.')) {
		char delim = p[1];
		const char *body = p + 2;
		const char *e = body;

		while (*e != '\0' && !(e[0] == delim && e[1] == ']'))
			e++;
		if (*e != '\0') {
			size_t n = (size_t)(e - body);

			if (delim == ':') {
				*cls = CLASS_NONE;
				for (int i = 0; i < NCLASSES; i++)
					if (strlen(classes[i].name) == n &&
					    memcmp(classes[i].name, body, n) == 0)
						*cls = i;
			} else if (n > 0 && patch(m, body, &wc) == n) {
				*c = wc;
			} else {
				*c = -1;
			}
			return e + 2;
		}
		/* no closing `:]`: the `[` is an ordinary member (unspecified) */
	}
	p += patch(m, p, &wc);
	*c = wc;
	return p;
}

/* Matches character `c` against the bracket expression whose text starts
 * at `p`, just after its `[`. Returns 1 or 0 and sets *end after the
 * closing `]`, or returns -1 if there is no closing `]` (then the `[` is an
 * ordinary character, XCU 2.14.1). A `]` first in the list (after any `!`)
 * is a member; `-` first or last is a member. Ranges compare code points
 * (bash's globasciiranges, on by default in 5.2). */
static int
bracket(const struct pm *m, const char *p, unsigned c, const char **end)
{
	bool neg = false, found = false, first = true;
	unsigned lc = c, uc = c;

	if (m->nocase) {
		lc = lower(m, c);
		uc = upper(m, c);
	}
	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	for (;;) {
		long lo, hi;
		int cls, cls2;
		const char *q;

		if (*p == '\0')
			return -1;
		if (*p == ']' && !first)
			break;
		first = false;
		if ((p = bracket_elem(m, p, &lo, &cls)) == NULL)
			return -1;
		if (cls >= 0) {
			if (in_class(m, cls, c) ||
			    (m->nocase && (in_class(m, cls, lc) || in_class(m, cls, uc))))
				found = true;
			continue;
		}
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
			if ((q = bracket_elem(m, p + 1, &hi, &cls2)) == NULL)
				return -1;
			if (cls2 < 0) {	/* a range; with a class it is two members */
				if (lo >= 0 && hi >= 0 &&
				    ((lo <= (long)c && (long)c <= hi) ||
				     (lo <= (long)lc && (long)lc <= hi) ||
				     (lo <= (long)uc && (long)uc <= hi)))
					found = true;
				p = q;
				continue;
			}
		}
		if (lo >= 0 && same(m, (unsigned)lo, c))
			found = true;
	}
	*end = p + 1;
	return found != neg;
}

/* Matches the one-character element at `*pp` (not `*`) against character
 * `c` and advances *pp past it. */
static bool
match_one(const struct pm *m, const char **pp, unsigned c)
{
	const char *p = *pp;
	const char *end;
	unsigned wc;
	int r;

	switch (*p) {
	case '?':
		*pp = p + 1;
		return true;
	case '[':
		if ((r = bracket(m, p + 1, c, &end)) >= 0) {
			*pp = end;
			return r;
		}
		break;
	case '\\':
		if (p[1] != '\0') {
			*pp = p + 1 + patch(m, p + 1, &wc);
			return same(m, wc, c);
		}
		break;	/* a trailing backslash is itself */
	}
	*pp = p + patch(m, p, &wc);
	return same(m, wc, c);
}

/* True if `pat` matches exactly the first `n` bytes of `s`.
 *
 * Greedy with backtracking to the most recent `*` only: once a later `*` has
 * matched, a failure never needs to revisit an earlier one (whatever the
 * earlier star could give up, the later one can absorb), so the cost is
 * O(|pat| * n) instead of exponential on `*a*a*a*b`. */
static bool
match_n(const struct pm *m, const char *pat, const char *s, size_t n)
{
	const char *p = pat;
	const char *star_p = NULL;	/* pattern just after the last `*` */
	size_t star_i = 0;		/* where that star's match ends now */
	size_t i = 0;
	unsigned c;

	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			if (*p == '\0')
				return true;	/* a trailing star takes the rest */
			star_p = p;
			star_i = i;
			continue;
		}
		if (i == n) {
			if (*p == '\0')
				return true;
			return false;	/* pattern left, no star can help */
		}
		size_t k = getch(m, s + i, n - i, &c);
		if (*p != '\0' && match_one(m, &p, c)) {
			i += k;
			continue;
		}
		if (star_p == NULL)
			return false;
		p = star_p;	/* let the last star eat one more character */
		star_i += getch(m, s + star_i, n - star_i, &c);
		i = star_i;
	}
}

/* ---- extglob (bash): @(a|b) *(a|b) +(a|b) ?(a|b) !(a|b) ----
 *
 * A backtracking matcher over bounded pattern text, used only for patterns
 * that have such a group (the others keep the linear matcher above). */

/* True if `p` starts an extglob group. */
static bool
ext_open(const char *p)
{
	return strchr("@*+?!", *p) != NULL && *p != '\0' && p[1] == '(';
}

/* The group whose `(` is at `p`: fills alts[] with the start of each
 * alternative (after `(` or `|`), returns the text after the closing `)`,
 * or NULL if it is not closed (then the characters are ordinary). */
static const char *
ext_group(const struct pm *m, const char *p, const char *pe, const char **alts, int *nalts)
{
	int depth = 1;
	const char *end;

	*nalts = 0;
	alts[(*nalts)++] = ++p;
	for (; p < pe; p++) {
		switch (*p) {
		case '\\':
			if (p + 1 < pe)
				p++;
			break;
		case '[':
			if (bracket(m, p + 1, 0, &end) >= 0 && end <= pe)
				p = end - 1;
			break;
		case '(':
			depth++;
			break;
		case ')':
			if (--depth == 0) {
				alts[*nalts] = p + 1;	/* one past the last: its end + 1 */
				return p + 1;
			}
			break;
		case '|':
			if (depth == 1 && *nalts < 63)
				alts[(*nalts)++] = p + 1;
			break;
		}
	}
	return NULL;
}

static bool ematch(const struct pm *m, const char *p, const char *pe, const char *s, size_t n);

static bool
closed_ext(const struct pm *m, const char *p, const char *pe)
{
	const char *alts[64];
	int nalts;

	return p + 1 < pe && ext_open(p) && ext_group(m, p + 1, pe, alts, &nalts) != NULL;
}

/* True if some alternative of the group matches s[0..n) exactly. */
static bool
ext_any(const struct pm *m, const char **alts, int nalts, const char *s, size_t n)
{
	for (int a = 0; a < nalts; a++)
		if (ematch(m, alts[a], alts[a + 1] - 1, s, n))
			return true;
	return false;
}

/* The group at `p` (its operator `op`), then `rest` up to `pe`. */
static bool
ext_match(const struct pm *m, char op, const char *p, const char *pe, const char *s, size_t n)
{
	const char *alts[64];
	int nalts;
	const char *rest = ext_group(m, p + 1, pe, alts, &nalts);
	unsigned c;

	if (op == '?' || op == '*')
		if (ematch(m, rest, pe, s, n))
			return true;
	for (size_t k = 0;;) {
		/* k: the length the group takes, at character boundaries */
		if (op == '!') {
			if (!ext_any(m, alts, nalts, s, k) && ematch(m, rest, pe, s + k, n - k))
				return true;
		} else if ((k > 0 || op == '@' || op == '?') && ext_any(m, alts, nalts, s, k)) {
			if (op == '@' || op == '?') {
				if (ematch(m, rest, pe, s + k, n - k))
					return true;
			} else {	/* * and + : the rest, or more of the group */
				if (ematch(m, rest, pe, s + k, n - k) ||
				    ext_match(m, '*', p, pe, s + k, n - k))
					return true;
			}
		}
		if (k == n)
			break;
		k += getch(m, s + k, n - k, &c);
	}
	return false;
}

/* Does p[0..pe) match s[0..n) exactly? */
static bool
ematch(const struct pm *m, const char *p, const char *pe, const char *s, size_t n)
{
	unsigned c;

	while (p < pe) {
		if (closed_ext(m, p, pe))
			return ext_match(m, *p, p, pe, s, n);
		if (*p == '*') {
			while (p < pe && *p == '*' && !closed_ext(m, p, pe))
				p++;
			if (p == pe)
				return true;
			for (size_t k = 0;;) {
				if (ematch(m, p, pe, s + k, n - k))
					return true;
				if (k == n)
					return false;
				k += getch(m, s + k, n - k, &c);
			}
		}
		if (n == 0)
			return false;
		size_t k = getch(m, s, n, &c);
		if (!match_one(m, &p, c))
			return false;
		s += k;
		n -= k;
	}
	return n == 0;
}

/* True if `pat` has an extglob group. */
static bool
has_ext(const char *pat)
{
	for (const char *p = pat; *p; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		else if (ext_open(p))
			return true;
	}
	return false;
}

static bool
match_flags(const char *pat, const char *s, size_t n, unsigned flags)
{
	struct pm m;

	pm_init(&m, flags);
	if (m.ext && has_ext(pat))
		return ematch(&m, pat, pat + strlen(pat), s, n);
	return match_n(&m, pat, s, n);
}

/* The calls without flags (the parameter operators) follow the shell's
 * extglob option, as bash's do: shopt_init points this at it (pattern.c
 * calls nothing above itself). */
const bool *pattern_extglob;

static unsigned
shell_flags(void)
{
	return pattern_extglob != NULL && *pattern_extglob ? PAT_EXTGLOB : 0;
}

/* XCU 2.14.1, 2.14.2: see shell.h. */
bool
pattern_match(const char *pat, const char *s)
{
	return match_flags(pat, s, strlen(s), shell_flags());
}

bool
pattern_match_flags(const char *pat, const char *s, unsigned flags)
{
	return match_flags(pat, s, strlen(s), flags);
}

/* ---- ${p#w} ${p##w} ${p%w} ${p%%w} (XCU 2.6.2) ----
 *
 * Trying match_n() at every prefix length (or suffix offset) is quadratic:
 * `${x#*b}` on n bytes without a `b` costs n^2/2 steps. Instead the pattern
 * is compiled to a sequence of one-byte elements and stars and run as a
 * nondeterministic automaton over the string once, forward for a prefix and
 * backward (with the elements reversed) for a suffix; every length at which
 * the whole pattern has matched is a candidate. That is O(|pat| * n) in the
 * worst case and stops early: at the first match for the shortest, when no
 * state is left for the longest, so `${x#abc}` and `${x%.c}` look at a few
 * bytes and `${x##*[/]}`, `${x%[/]*}` are single passes. The elements match
 * bytes exactly as match_one() does, so the results are those of match_n(). */

enum { E_STAR, E_ANY, E_CHAR, E_BRACKET };

struct elem {
	unsigned char kind;
	unsigned c;		/* E_CHAR: the character */
	const char *br;		/* E_BRACKET: its text after the `[` */
};

/* Compiles `pat` into e[] (room for strlen(pat) elements), runs of stars
 * folded into one. Returns the number of elements. */
static size_t
compile(const struct pm *pm, const char *pat, struct elem *e)
{
	size_t m = 0;
	const char *p = pat, *end;

	while (*p != '\0') {
		struct elem x = { E_CHAR, 0, NULL };

		switch (*p) {
		case '*':
			p++;
			if (m > 0 && e[m - 1].kind == E_STAR)
				continue;
			x.kind = E_STAR;
			break;
		case '?':
			p++;
			x.kind = E_ANY;
			break;
		case '[':
			if (bracket(pm, p + 1, 0, &end) >= 0) {
				x.kind = E_BRACKET;
				x.br = p + 1;
				p = end;
			} else {
				x.c = '[';
				p++;	/* no closing `]`: an ordinary `[` */
			}
			break;
		case '\\':
			if (p[1] != '\0') {
				p += 1 + patch(pm, p + 1, &x.c);
			} else {
				x.c = '\\';
				p++;	/* a trailing backslash is itself */
			}
			break;
		default:
			p += patch(pm, p, &x.c);
			break;
		}
		e[m++] = x;
	}
	return m;
}

static bool
elem_match(const struct pm *pm, const struct elem *e, unsigned c)
{
	const char *end;

	switch (e->kind) {
	case E_ANY:
		return true;
	case E_CHAR:
		return same(pm, e->c, c);
	case E_BRACKET:
		return bracket(pm, e->br, c, &end) == 1;
	}
	return false;	/* E_STAR is handled by the caller */
}

/* The character that ends at s[end) (end > 0), read backward: its length.
 * UTF-8 is self-synchronising: the start is the last byte that is not a
 * continuation byte; an invalid sequence is one raw byte. */
static size_t
getch_back(const struct pm *m, const char *s, size_t end, unsigned *wc)
{
	size_t j = end - 1;

	if ((unsigned char)s[j] < 0x80 || !is_mb(m)) {
		*wc = (unsigned char)s[j];
		return 1;
	}
	while (j > 0 && end - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	if (getch(m, s + j, end - j, wc) == end - j)
		return end - j;
	*wc = RAW_BYTE(s[end - 1]);
	return 1;
}

/* Runs e[0..m) over the n bytes at `s`, forward, or backward from the end
 * when `back` (then e[] is reversed). Returns the shortest or longest
 * count of bytes the whole pattern matches, or -1. The active states lie
 * in [lo, hi], so a literal pattern costs O(1) per character, not O(m). */
static long
run(const struct pm *pm, const struct elem *e, size_t m, const char *s, size_t n,
    bool back, bool longest)
{
	bool buf[2 * 64];
	bool *mem = 2 * (m + 1) <= sizeof buf ? buf : malloc(2 * (m + 1));
	bool *cur = mem, *nxt = mem + m + 1;
	size_t lo = 0, hi = 0, off = 0;
	long best = -1;

	if (mem == NULL)
		abort();
	memset(mem, 0, 2 * (m + 1));
	cur[0] = true;
	if (m > 0 && e[0].kind == E_STAR)	/* a star may match nothing */
		cur[hi = 1] = true;
	for (;;) {
		size_t nlo = m + 1, nhi = 0, len;
		bool *t;
		unsigned c;

		if (cur[m]) {
			best = (long)off;
			if (!longest)
				break;
		}
		if (off == n)
			break;
		if (back)
			len = getch_back(pm, s, n - off, &c);
		else
			len = getch(pm, s + off, n - off, &c);
		off += len;
		for (size_t j = lo; j <= hi && j < m; j++) {
			size_t to;

			if (!cur[j])
				continue;
			cur[j] = false;
			if (e[j].kind == E_STAR)
				to = j;
			else if (elem_match(pm, &e[j], c))
				to = j + 1;
			else
				continue;
			nxt[to] = true;
			if (to < nlo)
				nlo = to;
			if (to > nhi)
				nhi = to;
			/* stars are never adjacent after compile() */
			if (to < m && e[to].kind == E_STAR) {
				nxt[to + 1] = true;
				if (to + 1 > nhi)
					nhi = to + 1;
			}
		}
		cur[m] = false;
		if (nlo > nhi)
			break;	/* no state left: no longer match */
		lo = nlo;
		hi = nhi;
		t = cur;
		cur = nxt;
		nxt = t;
	}
	if (mem != buf)
		free(mem);
	return best;
}

/* An extglob pattern has no automaton here: every prefix (or suffix) is
 * tried, shortest or longest first, with the backtracking matcher. */
static long
affix_ext(const struct pm *pm, const char *pat, const char *s, size_t n, bool back,
    bool longest)
{
	const char *pe = pat + strlen(pat);
	long best = -1;
	unsigned c;

	for (size_t k = 0;;) {
		bool ok = back ? ematch(pm, pat, pe, s + n - k, k) : ematch(pm, pat, pe, s, k);
		if (ok) {
			best = (long)k;
			if (!longest)
				break;
		}
		if (k == n)
			break;
		k += back ? getch_back(pm, s, n - k, &c) : getch(pm, s + k, n - k, &c);
	}
	return best;
}

/* Compiles `pat` (reversed if `back`) and runs it over `s`. */
static long
affix(const char *pat, const char *s, size_t n, bool back, bool longest, unsigned flags)
{
	struct elem buf[32];
	size_t plen = strlen(pat);
	struct elem *e;
	struct pm pm;
	size_t m;
	long r;

	pm_init(&pm, flags);
	if (pm.ext && has_ext(pat))
		return affix_ext(&pm, pat, s, n, back, longest);
	e = plen <= 32 ? buf : malloc(plen * sizeof *e);
	if (e == NULL)
		abort();
	m = compile(&pm, pat, e);
	if (back) {
		for (size_t i = 0; i < m / 2; i++) {
			struct elem t = e[i];
			e[i] = e[m - 1 - i];
			e[m - 1 - i] = t;
		}
	}
	r = run(&pm, e, m, s, n, back, longest);
	if (e != buf)
		free(e);
	return r;
}

/* ${p#w} and ${p##w} (XCU 2.6.2): length of the shortest or longest prefix
 * of `s` that `pat` matches, or -1. */
long
pattern_prefix(const char *pat, const char *s, bool longest)
{
	return affix(pat, s, strlen(s), false, longest, shell_flags());
}

long
pattern_prefix_flags(const char *pat, const char *s, bool longest, unsigned flags)
{
	return affix(pat, s, strlen(s), false, longest, flags);
}

/* ${p%w} and ${p%%w}: offset where the shortest or longest suffix of `s`
 * that `pat` matches starts, or -1. */
/* Like pattern_prefix() over the first `n` bytes of `s` (which need not
 * end there): the shortest or longest match anchored at `s`, or -1. For
 * ${p/x/r}, which tries each start position of a long string in turn. */
long
pattern_prefix_n(const char *pat, const char *s, size_t n, bool longest)
{
	return affix(pat, s, n, false, longest, shell_flags());
}

long
pattern_suffix(const char *pat, const char *s, bool longest)
{
	return pattern_suffix_flags(pat, s, longest, shell_flags());
}

long
pattern_suffix_flags(const char *pat, const char *s, bool longest, unsigned flags)
{
	size_t n = strlen(s);
	long k = affix(pat, s, n, true, longest, flags);

	return k < 0 ? -1 : (long)n - k;
}

/* True if `pat` contains an unescaped `*`, `?`, a `[` that opens a
 * complete bracket expression, or with PAT_EXTGLOB an extglob group. */
bool
pattern_has_magic_flags(const char *pat, unsigned flags)
{
	const struct pm m = { 0, false, false };
	const char *end;

	for (const char *p = pat; *p != '\0'; p++) {
		switch (*p) {
		case '*':
		case '?':
			return true;
		case '[':
			if (bracket(&m, p + 1, 0, &end) >= 0)
				return true;
			break;
		case '\\':
			if (p[1] != '\0')
				p++;
			break;
		case '@':
		case '+':
		case '!':
			if ((flags & PAT_EXTGLOB) && p[1] == '(')
				return true;
			break;
		}
	}
	return false;
}

bool
pattern_has_magic(const char *pat)
{
	return pattern_has_magic_flags(pat, shell_flags());
}

