/* brace.c: brace expansion (bash, ksh, zsh; not POSIX), the first
 * expansion step, before tilde: one word becomes several.
 *
 *	a{b,c}d  -> abd acd		alternatives, nested, with prefix/suffix
 *	{1..10}  {10..1}  {01..10}  {1..10..3}  {a..z}  {a..e..2}
 *
 * Only unquoted literal braces and commas count: quoted ones ("{a,b}",
 * \{, '{'), and everything inside $..., ${...}, $(...) are opaque pieces
 * that are copied into each result. A brace that does not start a valid
 * expression (no top-level comma, not a sequence, no matching `}`) is
 * left as it is, and the scan goes on after it, as in bash: {a}{b,c} is
 * {a}b {a}c. Results that are empty ({,}) are dropped.
 *
 * Off when sh->opt.braceexpand is false (set +B, and posix mode, where it
 * would change the meaning of a conforming script). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "shell.h"

/* A word flattened: an unquoted literal character (part NULL), or a part
 * copied whole. */
struct item {
	char c;
	const struct wpart *part;
};

struct out {
	struct arena *a;
	struct word *head, **tail;
};

/* Expansion is recursive in the number of brace expressions of a word;
 * past this the rest is left literal. */
#define BRACE_MAX_DEPTH 200

bool
brace_candidate(const struct word *w)
{
	for (const struct wpart *p = w->parts; p != NULL; p = p->next)
		if (p->kind == WP_LIT && !p->u.lit.quoted && memchr(p->u.lit.text, '{', p->u.lit.len))
			return true;
	return false;
}

static bool
is_char(const struct item *it, char c)
{
	return it->part == NULL && it->c == c;
}

static bool
is_name_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* bash expands braces in the text of the word, before it knows where a
 * parameter's name ends: {$a,b}_{c,d} becomes $a_c $a_d b_c b_d, and $a_c
 * is the parameter a_c. So a plain unbraced $name part `p` followed in a
 * result by unquoted name characters (v[0..n)) takes them into its name.
 * Returns how many it took. */
static size_t
absorb_name_chars(struct arena *a, struct wpart *p, const struct item *v, size_t n)
{
	const struct param *pm = &p->u.param;
	size_t k = 0, len;
	char *name;

	if (p->kind != WP_PARAM || pm->braced || pm->op != PARAM_PLAIN ||
	    !(pm->name[0] == '_' || (pm->name[0] >= 'a' && pm->name[0] <= 'z') ||
	    (pm->name[0] >= 'A' && pm->name[0] <= 'Z')))
		return 0;
	while (k < n && v[k].part == NULL && is_name_char(v[k].c))
		k++;
	if (k == 0)
		return 0;
	len = strlen(pm->name);
	name = arena_alloc(a, len + k + 1);
	memcpy(name, pm->name, len);
	for (size_t i = 0; i < k; i++)
		name[len + i] = v[i].c;
	name[len + k] = '\0';
	p->u.param.name = name;
	return k;
}

/* Appends the word made of v[0..n) to the output (nothing if empty). */
static void
emit(struct out *o, const struct item *v, size_t n)
{
	struct word *w;
	struct wpart **tail;
	size_t i = 0;

	if (n == 0)
		return;
	w = arena_alloc(o->a, sizeof *w);
	tail = &w->parts;
	while (i < n) {
		struct wpart *p = arena_alloc(o->a, sizeof *p);
		if (v[i].part != NULL) {
			*p = *v[i].part;
			p->next = NULL;
			i++;
			i += absorb_name_chars(o->a, p, v + i, n - i);
		} else {
			size_t j = i;
			while (j < n && v[j].part == NULL)
				j++;
			char *t = arena_alloc(o->a, j - i + 1);
			for (size_t k = i; k < j; k++)
				t[k - i] = v[k].c;
			p->kind = WP_LIT;
			p->u.lit.text = t;
			p->u.lit.len = j - i;
			p->u.lit.quoted = 0;
			i = j;
		}
		*tail = p;
		tail = &p->next;
	}
	*o->tail = w;
	o->tail = &w->next;
}

/* Index of the `}` matching the `{` at v[open], or -1; *comma tells
 * whether a comma stands at its top level. */
static long
find_close(const struct item *v, size_t n, size_t open, bool *comma)
{
	int depth = 0;

	*comma = false;
	for (size_t i = open; i < n; i++) {
		if (v[i].part != NULL)
			continue;
		if (v[i].c == '{')
			depth++;
		else if (v[i].c == '}' && --depth == 0)
			return (long)i;
		else if (v[i].c == ',' && depth == 1)
			*comma = true;
	}
	return -1;
}

/* Parses an optionally signed decimal integer that is all of s[0..n). */
static bool
parse_int(const char *s, size_t n, long *v, bool *zero_pad)
{
	size_t i = 0;
	long r = 0;
	bool neg = false;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	if (i == n)
		return false;
	if (zero_pad != NULL)
		*zero_pad = s[i] == '0' && n - i > 1;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || r > (LONG_MAX - 9) / 10)
			return false;
		r = r * 10 + (s[i] - '0');
	}
	*v = neg ? -r : r;
	return true;
}

/* Splits "A..B[..C]" of s[0..n) into its pieces. */
static bool
split_seq(const char *s, size_t n, size_t *alen, const char **b, size_t *blen,
    const char **c, size_t *clen)
{
	const char *d1 = memmem(s, n, "..", 2);

	if (d1 == NULL)
		return false;
	*alen = (size_t)(d1 - s);
	*b = d1 + 2;
	const char *end = s + n;
	const char *d2 = memmem(*b, (size_t)(end - *b), "..", 2);
	if (d2 == NULL) {
		*blen = (size_t)(end - *b);
		*c = NULL;
		*clen = 0;
	} else {
		*blen = (size_t)(d2 - *b);
		*c = d2 + 2;
		*clen = (size_t)(end - *c);
	}
	return *alen > 0 && *blen > 0;
}

static void expand(struct out *o, const struct item *v, size_t n, int depth);

/* Expands prefix v[0..open) + mid + suffix v[close+1..n). */
static void
splice(struct out *o, const struct item *v, size_t n, size_t open, size_t close,
    const struct item *mid, size_t mlen, int depth)
{
	size_t total = open + mlen + (n - close - 1);
	struct item *t = malloc((total + 1) * sizeof *t);

	if (t == NULL)
		abort();
	memcpy(t, v, open * sizeof *t);
	memcpy(t + open, mid, mlen * sizeof *t);
	memcpy(t + open + mlen, v + close + 1, (n - close - 1) * sizeof *t);
	expand(o, t, total, depth + 1);
	free(t);
}

/* {A..B[..C]}: if v[open+1..close) is a sequence expression, expands
 * each of its values and returns true. */
static bool
sequence(struct out *o, const struct item *v, size_t n, size_t open, size_t close, int depth)
{
	size_t len = close - open - 1, alen, blen, clen;
	const char *b, *c;
	char *s = malloc(len + 1);
	long step = 1, x, y;
	bool ok = false, pa, pb;

	if (s == NULL)
		abort();
	for (size_t i = 0; i < len; i++) {
		if (v[open + 1 + i].part != NULL)
			goto done;
		s[i] = v[open + 1 + i].c;
	}
	s[len] = '\0';
	if (!split_seq(s, len, &alen, &b, &blen, &c, &clen))
		goto done;
	if (c != NULL && !parse_int(c, clen, &step, NULL))
		goto done;
	if (step < 0)
		step = -step;
	if (step == 0)
		step = 1;
	if (parse_int(s, alen, &x, &pa) && parse_int(b, blen, &y, &pb)) {
		int width = (pa || pb) ? (int)(alen > blen ? alen : blen) : 0;
		char buf[64];
		struct item mid[64];
		for (long k = x;; ) {
			int m = snprintf(buf, sizeof buf, "%0*ld", width, k);
			for (int i = 0; i < m; i++)
				mid[i] = (struct item){ buf[i], NULL };
			splice(o, v, n, open, close, mid, (size_t)m, depth);
			if (x <= y ? k > y - step : k < y + step)
				break;
			k = x <= y ? k + step : k - step;
		}
		ok = true;
	} else if (alen == 1 && blen == 1 && !(s[0] >= '0' && s[0] <= '9') &&
		   !(b[0] >= '0' && b[0] <= '9')) {
		int cx = (unsigned char)s[0], cy = (unsigned char)b[0];
		for (int k = cx;; ) {
			struct item mid = { (char)k, NULL };
			splice(o, v, n, open, close, &mid, 1, depth);
			if (cx <= cy ? k > cy - step : k < cy + step)
				break;
			k = cx <= cy ? k + (int)step : k - (int)step;
		}
		ok = true;
	}
done:
	free(s);
	return ok;
}

static void
expand(struct out *o, const struct item *v, size_t n, int depth)
{
	if (depth < BRACE_MAX_DEPTH) {
		for (size_t i = 0; i < n; i++) {
			bool comma;
			long j;

			if (!is_char(&v[i], '{') || (j = find_close(v, n, i, &comma)) < 0)
				continue;
			size_t close = (size_t)j;
			if (comma) {
				/* the alternatives, split at top-level commas */
				int d = 0;
				size_t start = i + 1;
				for (size_t k = i + 1; k <= close; k++) {
					if (v[k].part != NULL)
						continue;
					if (v[k].c == '{')
						d++;
					else if (v[k].c == '}' && k < close)
						d--;
					if ((v[k].c == ',' && d == 0) || k == close) {
						splice(o, v, n, i, close, v + start, k - start, depth);
						start = k + 1;
					}
				}
				return;
			}
			if (close > i + 1 && sequence(o, v, n, i, close, depth))
				return;
		}
	}
	emit(o, v, n);
}

struct word *
brace_expand(struct shell *sh, const struct word *w)
{
	struct out o = { .a = &sh->eval };
	struct item *v;
	size_t n = 0, k = 0;

	o.tail = &o.head;
	for (const struct wpart *p = w->parts; p != NULL; p = p->next)
		n += p->kind == WP_LIT && !p->u.lit.quoted ? p->u.lit.len : 1;
	v = malloc((n + 1) * sizeof *v);
	if (v == NULL)
		abort();
	for (const struct wpart *p = w->parts; p != NULL; p = p->next) {
		if (p->kind == WP_LIT && !p->u.lit.quoted) {
			for (size_t i = 0; i < p->u.lit.len; i++)
				v[k++] = (struct item){ p->u.lit.text[i], NULL };
		} else {
			v[k++] = (struct item){ 0, p };
		}
	}
	expand(&o, v, n, 0);
	free(v);
	*o.tail = NULL;
	return o.head;
}
