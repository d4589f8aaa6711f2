/* pattern.c: pattern matching notation, XCU 2.14, and pathname expansion.
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

#include "shell.h"

/* The twelve character classes of XBD 7.3.1 (LC_CTYPE). */
static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};
#define NCLASSES (int)(sizeof classes / sizeof classes[0])
#define CLASS_NONE NCLASSES	/* an unknown class name: matches nothing */

/* Parses one element of a bracket expression at `p`: a byte, `\c`,
 * `[:class:]`, `[=c=]` or `[.c.]`. Sets *c to the byte (or -1 when the
 * element is an equivalence class or collating symbol of several bytes,
 * which match nothing here) or *cls to a class index. Returns the text after
 * the element, or NULL if the pattern ends inside it. */
static const char *
bracket_elem(const char *p, int *c, int *cls)
{
	*cls = -1;
	if (p[0] == '\\') {
		if (p[1] == '\0')
			return NULL;
		*c = (unsigned char)p[1];
		return p + 2;
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
			} else {
				*c = n == 1 ? (unsigned char)body[0] : -1;
			}
			return e + 2;
		}
		/* no closing `:]`: the `[` is an ordinary member (unspecified) */
	}
	*c = (unsigned char)p[0];
	return p + 1;
}

/* Matches byte `c` against the bracket expression whose text starts at `p`,
 * just after its `[`. Returns 1 or 0 and sets *end after the closing `]`, or
 * returns -1 if there is no closing `]` (then the `[` is an ordinary
 * character, XCU 2.14.1). A `]` first in the list (after any `!`) is a
 * member; `-` first or last is a member. */
static int
bracket(const char *p, int c, const char **end)
{
	bool neg = false, found = false, first = true;

	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	for (;;) {
		int lo, hi, cls, cls2;
		const char *q;

		if (*p == '\0')
			return -1;
		if (*p == ']' && !first)
			break;
		first = false;
		if ((p = bracket_elem(p, &lo, &cls)) == NULL)
			return -1;
		if (cls >= 0) {
			if (cls != CLASS_NONE && classes[cls].fn(c))
				found = true;
			continue;
		}
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
			if ((q = bracket_elem(p + 1, &hi, &cls2)) == NULL)
				return -1;
			if (cls2 < 0) {	/* a range; with a class it is two members */
				if (lo >= 0 && hi >= 0 && lo <= c && c <= hi)
					found = true;
				p = q;
				continue;
			}
		}
		if (lo == c)
			found = true;
	}
	*end = p + 1;
	return found != neg;
}

/* Matches the one-character element at `*pp` (not `*`) against byte `c` and
 * advances *pp past it. */
static bool
match_one(const char **pp, int c)
{
	const char *p = *pp;
	const char *end;
	int r;

	switch (*p) {
	case '?':
		*pp = p + 1;
		return true;
	case '[':
		if ((r = bracket(p + 1, c, &end)) >= 0) {
			*pp = end;
			return r;
		}
		break;
	case '\\':
		if (p[1] != '\0') {
			*pp = p + 2;
			return (unsigned char)p[1] == c;
		}
		break;	/* a trailing backslash is itself */
	}
	*pp = p + 1;
	return (unsigned char)*p == c;
}

/* True if `pat` matches exactly the first `n` bytes of `s`.
 *
 * Greedy with backtracking to the most recent `*` only: once a later `*` has
 * matched, a failure never needs to revisit an earlier one (whatever the
 * earlier star could give up, the later one can absorb), so the cost is
 * O(|pat| * n) instead of exponential on `*a*a*a*b`. */
static bool
match_n(const char *pat, const char *s, size_t n)
{
	const char *p = pat;
	const char *star_p = NULL;	/* pattern just after the last `*` */
	size_t star_i = 0;		/* where that star's match ends now */
	size_t i = 0;

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
		if (*p != '\0' && match_one(&p, (unsigned char)s[i])) {
			i++;
			continue;
		}
		if (star_p == NULL)
			return false;
		p = star_p;	/* let the last star eat one more byte */
		i = ++star_i;
	}
}

/* XCU 2.14.1, 2.14.2: see shell.h. */
bool
pattern_match(const char *pat, const char *s)
{
	return match_n(pat, s, strlen(s));
}

bool
pattern_match_flags(const char *pat, const char *s, unsigned flags)
{
	return match_n(pat, s, strlen(s));
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

enum { E_STAR, E_ANY, E_BYTE, E_BRACKET };

struct elem {
	unsigned char kind, c;	/* c: the byte of an E_BYTE */
	const char *br;		/* E_BRACKET: its text after the `[` */
};

/* Compiles `pat` into e[] (room for strlen(pat) elements), runs of stars
 * folded into one. Returns the number of elements. */
static size_t
compile(const char *pat, struct elem *e)
{
	size_t m = 0;
	const char *p = pat, *end;

	while (*p != '\0') {
		struct elem x = { E_BYTE, (unsigned char)*p, NULL };

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
			if (bracket(p + 1, 0, &end) >= 0) {
				x.kind = E_BRACKET;
				x.br = p + 1;
				p = end;
			} else {
				p++;	/* no closing `]`: an ordinary `[` */
			}
			break;
		case '\\':
			if (p[1] != '\0') {
				x.c = (unsigned char)p[1];
				p += 2;
			} else {
				p++;	/* a trailing backslash is itself */
			}
			break;
		default:
			p++;
			break;
		}
		e[m++] = x;
	}
	return m;
}

static bool
elem_match(const struct elem *e, int c)
{
	const char *end;

	switch (e->kind) {
	case E_ANY:
		return true;
	case E_BYTE:
		return e->c == c;
	case E_BRACKET:
		return bracket(e->br, c, &end) == 1;
	}
	return false;	/* E_STAR is handled by the caller */
}

/* Runs e[0..m) over the n bytes at `s`, forward, or backward from s[n-1]
 * when `back` (then e[] is reversed). Returns the shortest or longest
 * count of bytes the whole pattern matches, or -1. The active states lie
 * in [lo, hi], so a literal pattern costs O(1) per byte, not O(m). */
static long
run(const struct elem *e, size_t m, const char *s, size_t n, bool back,
    bool longest)
{
	bool buf[2 * 64];
	bool *mem = 2 * (m + 1) <= sizeof buf ? buf : malloc(2 * (m + 1));
	bool *cur = mem, *nxt = mem + m + 1;
	size_t lo = 0, hi = 0;
	long best = -1;

	if (mem == NULL)
		abort();
	memset(mem, 0, 2 * (m + 1));
	cur[0] = true;
	if (m > 0 && e[0].kind == E_STAR)	/* a star may match nothing */
		cur[hi = 1] = true;
	for (size_t k = 0;; k++) {
		size_t nlo = m + 1, nhi = 0;
		bool *t;
		int c;

		if (cur[m]) {
			best = (long)k;
			if (!longest)
				break;
		}
		if (k == n)
			break;
		c = (unsigned char)(back ? s[n - 1 - k] : s[k]);
		for (size_t j = lo; j <= hi && j < m; j++) {
			size_t to;

			if (!cur[j])
				continue;
			cur[j] = false;
			if (e[j].kind == E_STAR)
				to = j;
			else if (elem_match(&e[j], c))
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

/* Compiles `pat` (reversed if `back`) and runs it over `s`. */
static long
affix(const char *pat, const char *s, size_t n, bool back, bool longest)
{
	struct elem buf[32];
	size_t plen = strlen(pat);
	struct elem *e = plen <= 32 ? buf : malloc(plen * sizeof *e);
	size_t m;
	long r;

	if (e == NULL)
		abort();
	m = compile(pat, e);
	if (back) {
		for (size_t i = 0; i < m / 2; i++) {
			struct elem t = e[i];
			e[i] = e[m - 1 - i];
			e[m - 1 - i] = t;
		}
	}
	r = run(e, m, s, n, back, longest);
	if (e != buf)
		free(e);
	return r;
}

/* ${p#w} and ${p##w} (XCU 2.6.2): length of the shortest or longest prefix
 * of `s` that `pat` matches, or -1. */
long
pattern_prefix(const char *pat, const char *s, bool longest)
{
	return affix(pat, s, strlen(s), false, longest);
}

/* ${p%w} and ${p%%w}: offset where the shortest or longest suffix of `s`
 * that `pat` matches starts, or -1. */
long
pattern_suffix(const char *pat, const char *s, bool longest)
{
	size_t n = strlen(s);
	long k = affix(pat, s, n, true, longest);

	return k < 0 ? -1 : (long)n - k;
}

/* True if `pat` contains an unescaped `*`, `?`, or a `[` that opens a
 * complete bracket expression. */
bool
pattern_has_magic(const char *pat)
{
	const char *end;

	for (const char *p = pat; *p != '\0'; p++) {
		switch (*p) {
		case '*':
		case '?':
			return true;
		case '[':
			if (bracket(p + 1, 0, &end) >= 0)
				return true;
			break;
		case '\\':
			if (p[1] != '\0')
				p++;
			break;
		}
	}
	return false;
}

/* ---- pathname expansion (XCU 2.14.3) ---- */

/* The result list of one pattern_glob() call. */
struct glob {
	char ***out;
	size_t *n, *cap;
	size_t added;
};

static void
add_result(struct glob *g, const char *path)
{
	char *dup = strdup(path);

	if (dup == NULL)
		return;
	if (*g->n + 1 >= *g->cap) {	/* keep room for a NULL terminator */
		size_t cap = *g->cap ? *g->cap * 2 : 16;
		char **v = realloc(*g->out, cap * sizeof *v);

		if (v == NULL) {
			free(dup);
			return;
		}
		*g->out = v;
		*g->cap = cap;
	}
	(*g->out)[(*g->n)++] = dup;
	(*g->out)[*g->n] = NULL;
	g->added++;
}

/* Appends component `c` (length n) to `b` without its escaping backslashes. */
static void
add_unescaped(struct strbuf *b, const char *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (c[i] == '\\' && i + 1 < n)
			i++;
		sb_addc(b, c[i]);
	}
}

/* Cuts `b` back to `len` bytes (b->s may still be the static "" ). */
static void
truncate_to(struct strbuf *b, size_t len)
{
	b->len = len;
	if (b->cap)
		b->s[len] = '\0';
}

static void glob_rest(struct glob *g, struct strbuf *path, const char *pat);

/* `path` (which ends in `/` or is empty) names an existing entry followed by
 * `sep` (a `/` or the end) and the pattern text `rest`. Adds `path` as a
 * result if the pattern is done, requiring a directory if the pattern ends
 * in `/`, or goes on to the next component. */
static void
glob_next(struct glob *g, struct strbuf *path, const char *rest, bool exists)
{
	struct stat st;

	if (*rest == '\0') {	/* last component */
		if (exists || lstat(path->s, &st) == 0)
			add_result(g, path->s);
		return;
	}
	/* *rest == '/' */
	rest++;
	sb_addc(path, '/');
	if (*rest == '\0') {	/* trailing slash: directories only */
		if (stat(path->s, &st) == 0 && S_ISDIR(st.st_mode))
			add_result(g, path->s);
		return;
	}
	glob_rest(g, path, rest);
}

/* Orders file names with strcoll (XCU 2.14.3: the collating sequence). */
static int
cmp_coll(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

/* Expands the components of `pat` below the directory `path` (empty for the
 * current directory, else ending in `/`). */
static void
glob_rest(struct glob *g, struct strbuf *path, const char *pat)
{
	const char *slash = strchr(pat, '/');
	size_t clen = slash ? (size_t)(slash - pat) : strlen(pat);
	const char *rest = pat + clen;
	size_t base = path->len;
	char *comp = strndup(pat, clen);
	char **names = NULL;
	size_t nnames = 0, capnames = 0;
	DIR *d;
	struct dirent *de;

	if (comp == NULL)
		return;
	if (!pattern_has_magic(comp)) {
		/* used literally: no readdir (`a/b*` does not list a) */
		add_unescaped(path, pat, clen);
		glob_next(g, path, rest, false);
		goto out;
	}
	if ((d = opendir(path->len ? path->s : ".")) == NULL)
		goto out;	/* unreadable or not a directory: no match here */
	while ((de = readdir(d)) != NULL) {
		const char *nm = de->d_name;

		/* `.` and `..` only when named literally; a leading `.` only
		 * when the pattern starts with one (XCU 2.14.3). */
		if (nm[0] == '.' && (nm[1] == '\0' || (nm[1] == '.' && nm[2] == '\0')))
			continue;
		if (nm[0] == '.' && comp[0] != '.' && !(comp[0] == '\\' && comp[1] == '.'))
			continue;
		if (!pattern_match(comp, nm))
			continue;
		if (nnames == capnames) {
			size_t cap = capnames ? capnames * 2 : 16;
			char **v = realloc(names, cap * sizeof *v);

			if (v == NULL)
				break;
			names = v;
			capnames = cap;
		}
		if ((names[nnames] = strdup(nm)) == NULL)
			break;
		nnames++;
	}
	closedir(d);
	for (size_t i = 0; i < nnames; i++) {
		truncate_to(path, base);
		sb_adds(path, names[i]);
		glob_next(g, path, rest, true);
		free(names[i]);
	}
	free(names);
out:
	truncate_to(path, base);
	free(comp);
}

/* XCU 2.14.3: see shell.h. The matches of the whole pattern are sorted
 * together, as full path names, with strcoll. */
size_t
pattern_glob(const char *pat, char ***out, size_t *n, size_t *cap)
{
	struct glob g = { out, n, cap, 0 };
	struct strbuf path = STRBUF_INIT;
	size_t start = *n;

	if (!pattern_has_magic(pat))
		return 0;
	if (*pat == '/') {	/* absolute: keep every leading slash */
		while (*pat == '/')
			sb_addc(&path, *pat++);
	}
	glob_rest(&g, &path, pat);
	sb_free(&path);
	if (g.added > 1) {
		shell_locale();
		qsort(*out + start, g.added, sizeof **out, cmp_coll);
	}
	return g.added;
}

/* Like pattern_prefix() over the first `n` bytes of `s` (which need not
 * end there): the shortest or longest match anchored at `s`, or -1. For
 * ${p/x/r}, which tries each start position of a long string in turn. */
long
pattern_prefix_n(const char *pat, const char *s, size_t n, bool longest)
{
	return affix(pat, s, n, false, longest);
}
