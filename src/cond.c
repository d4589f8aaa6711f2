/* cond.c: the conditional commands of bash and ksh, `[[ expression ]]`
 * and `(( expression ))`, and the operator table they share with the
 * test builtin (builtins/test.c).
 *
 * The lexer and parser (grammar/lexer.re, src/parse.c: parse_cond) build
 * the tree of a [[ ]] expression; here it is evaluated with short-circuit
 * && and ||. Operands are expanded without field splitting or pathname
 * expansion. The right side of == and != is a pattern (quoted parts
 * literal, extglob always on, nocasematch honoured); of =~ an extended
 * regular expression (regcomp with the locale), whose match and groups
 * go to BASH_REMATCH. Operands of the integer operators are arithmetic
 * expressions. Status: 0 true, 1 false, 2 error. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <locale.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cond.h"
#include "subscript.h"
#include "executor.h"

/* ---- the operator table (test, [ and [[ ]]) ---- */

#define U COND_UNARY
#define B COND_BINARY
#define T COND_TEST
#define D COND_DBRACK

static const struct {
	const char *s;
	int op;
	unsigned flags;
} ops[] = {
	{ "-a", 'a', U | D },	/* test: binary -a; [[ ]]: the file exists */
	{ "-b", 'b', U | T | D }, { "-c", 'c', U | T | D }, { "-d", 'd', U | T | D },
	{ "-e", 'e', U | T | D }, { "-f", 'f', U | T | D }, { "-g", 'g', U | T | D },
	{ "-h", 'h', U | T | D }, { "-k", 'k', U | T | D }, { "-p", 'p', U | T | D },
	{ "-r", 'r', U | T | D }, { "-s", 's', U | T | D }, { "-t", 't', U | T | D },
	{ "-u", 'u', U | T | D }, { "-w", 'w', U | T | D }, { "-x", 'x', U | T | D },
	{ "-G", 'G', U | T | D }, { "-L", 'L', U | T | D }, { "-N", 'N', U | T | D },
	{ "-O", 'O', U | T | D }, { "-S", 'S', U | T | D }, { "-z", 'z', U | T | D },
	{ "-n", 'n', U | T | D },
	{ "-o", 'o', U | D },	/* test: binary -o; [[ ]]: a set -o option */
	{ "-v", 'v', U | T | D }, { "-R", 'R', U | T | D },
	{ "=", COP_SEQ, B | T | D }, { "==", COP_SEQ, B | T | D },
	{ "!=", COP_SNE, B | T | D }, { "=~", COP_REGEX, B | D },
	{ "<", COP_SLT, B | T | D }, { ">", COP_SGT, B | T | D },
	{ "-eq", COP_EQ, B | T | D }, { "-ne", COP_NE, B | T | D },
	{ "-lt", COP_LT, B | T | D }, { "-le", COP_LE, B | T | D },
	{ "-gt", COP_GT, B | T | D }, { "-ge", COP_GE, B | T | D },
	{ "-nt", COP_NT, B | T | D }, { "-ot", COP_OT, B | T | D },
	{ "-ef", COP_EF, B | T | D },
	{ "-a", COP_AND, B | T }, { "-o", COP_OR, B | T },
};

enum { NCOND_OPS = sizeof ops / sizeof ops[0] };

#undef U
#undef B
#undef T
#undef D

int
cond_op_find(const char *s, unsigned flags)
{
	unsigned kind = flags & (COND_UNARY | COND_BINARY);
	unsigned who = flags & (COND_TEST | COND_DBRACK);

	/* the entries chained by their second byte (every operator has
	 * one below 128, or none), built on the first call */
	static signed char head[128], link[NCOND_OPS];
	static bool indexed;
	unsigned char c1;

	if (s[0] != '-' && s[0] != '=' && s[0] != '!' && s[0] != '<' && s[0] != '>')
		return -1;
	if (!indexed) {
		memset(head, -1, sizeof head);
		for (int i = NCOND_OPS; i-- > 0;) {
			link[i] = head[(unsigned char)ops[i].s[1]];
			head[(unsigned char)ops[i].s[1]] = (signed char)i;
		}
		indexed = true;
	}
	if ((c1 = (unsigned char)s[1]) >= 128)
		return -1;
	for (int i = head[c1]; i >= 0; i = link[i])
		if ((ops[i].flags & kind) && (ops[i].flags & who) && strcmp(ops[i].s, s) == 0)
			return ops[i].op;
	return -1;
}

bool
cond_op_is_int(int op)
{
	return op >= COP_EQ && op <= COP_GE;
}

/* -v NAME or -v 'NAME[SUB]' (bash): the variable, or that element, is
 * set; SUB @ or * asks for any element. */
static bool
is_set(struct shell *sh, const char *arg)
{
	const char *lb = strchr(arg, '[');
	size_t len = strlen(arg);

	if (len > 0 && strspn(arg, "0123456789") == len) {
		/* a positional parameter (bash: -v 1 when $1 is set) */
		errno = 0;
		unsigned long n = strtoul(arg, NULL, 10);
		return errno == 0 && (n == 0 ? sh->arg0 != NULL : n <= (unsigned long)sh->argc);
	}
	if (lb == NULL || len < 3 || arg[len - 1] != ']')
		return var_get(sh, arg) != NULL;
	char *name = strndup(arg, (size_t)(lb - arg));
	char *sub = strndup(lb + 1, len - (size_t)(lb - arg) - 2);
	bool r = false;
	const char *x;
	if (name == NULL || sub == NULL)
		abort();
	struct var *v = var_is_name(name) ? var_lookup(sh, name) : NULL;
	if (v == NULL) {
		r = false;
	} else if (strcmp(sub, "@") == 0 || strcmp(sub, "*") == 0) {
		r = var_count(v) > 0;
	} else if ((x = subscript_expand(sh, sub)) == NULL) {
		r = false;	/* -v 'm[$k]': the subscript expanded as data (bash) */
	} else if (v->flags & VAR_ASSOC) {
		r = var_assoc_get(v, x) != NULL;
	} else {
		long idx;
		bool bad = false;
		if (arith_eval(sh, x, &idx) == 0)
			r = var_elem_get(sh, v, idx, &bad) != NULL && !bad;
	}
	free(name);
	free(sub);
	return r;
}

bool
cond_unary(struct shell *sh, int op, const char *arg)
{
	struct stat st;
	bool on;

	switch (op) {
	case 'n':
		return *arg != '\0';
	case 'z':
		return *arg == '\0';
	case 't': {
		char *end;
		errno = 0;
		long fd = strtol(arg, &end, 10);
		return *arg != '\0' && *end == '\0' && errno == 0 && fd >= 0 &&
		    fd <= INT32_MAX && isatty((int)fd);
	}
	case 'v':
		return is_set(sh, arg);
	case 'o':
		return opt_get_name(sh, arg, &on) == 0 && on;
	case 'R': {	/* a nameref with a target (bash) */
		const struct var *v = var_lookup_raw(sh, arg);
		return v != NULL && (v->flags & VAR_NAMEREF) && v->value != NULL;
	}
	case 'r':
		return faccessat(AT_FDCWD, arg, R_OK, AT_EACCESS) == 0;
	case 'w':
		return faccessat(AT_FDCWD, arg, W_OK, AT_EACCESS) == 0;
	case 'x':
		return faccessat(AT_FDCWD, arg, X_OK, AT_EACCESS) == 0;
	case 'h':
	case 'L':
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	default:
		break;
	}
	if (stat(arg, &st) != 0)
		return false;
	switch (op) {
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'a':
	case 'e': return true;
	case 'f': return S_ISREG(st.st_mode);
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'k': return (st.st_mode & S_ISVTX) != 0;
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'u': return (st.st_mode & S_ISUID) != 0;
	case 'G': return st.st_gid == getegid();
	case 'O': return st.st_uid == geteuid();
	case 'N':
		return st.st_mtim.tv_sec > st.st_atim.tv_sec ||
		    (st.st_mtim.tv_sec == st.st_atim.tv_sec &&
		     st.st_mtim.tv_nsec > st.st_atim.tv_nsec);
	default: return false;
	}
}

/* True if the modification time of `a` is later than that of `b`. */
static bool
newer(const struct stat *a, const struct stat *b)
{
	if (a->st_mtim.tv_sec != b->st_mtim.tv_sec)
		return a->st_mtim.tv_sec > b->st_mtim.tv_sec;
	return a->st_mtim.tv_nsec > b->st_mtim.tv_nsec;
}

bool
cond_binary(struct shell *sh, int op, const char *l, const char *r)
{
	struct stat a, b;
	bool ha, hb;

	switch (op) {
	case COP_SEQ: return strcmp(l, r) == 0;
	case COP_SNE: return strcmp(l, r) != 0;
	case COP_SLT: shell_locale(); return strcoll(l, r) < 0;
	case COP_SGT: shell_locale(); return strcoll(l, r) > 0;
	case COP_AND: return *l != '\0' && *r != '\0';
	case COP_OR: return *l != '\0' || *r != '\0';
	case COP_NT:
	case COP_OT:
	case COP_EF:
		break;
	default:
		return false;
	}
	ha = stat(l, &a) == 0;
	hb = stat(r, &b) == 0;
	switch (op) {
	case COP_NT:
		/* POSIX.1-2024: also true when only the left one exists */
		return ha && (!hb || newer(&a, &b));
	case COP_OT:
		return hb && (!ha || newer(&b, &a));
	default:
		return ha && hb && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	}
}

bool
cond_int_compare(int op, intmax_t a, intmax_t b)
{
	switch (op) {
	case COP_EQ: return a == b;
	case COP_NE: return a != b;
	case COP_LT: return a < b;
	case COP_LE: return a <= b;
	case COP_GT: return a > b;
	case COP_GE: return a >= b;
	default: return false;
	}
}

/* ---- BASH_REMATCH ---- */

/* Stores the result of a =~ match in the array BASH_REMATCH (bash):
 * element 0 the whole match, 1..n-1 the groups (a group that did not take
 * part is empty). A failed match (m NULL) leaves it an empty array. */
static void
cond_set_rematch(struct shell *sh, const char *s, const regmatch_t *m, size_t n)
{
	struct var *v = var_declare(sh, "BASH_REMATCH");

	if (v == NULL || var_array_clear(sh, v) != 0)
		return;
	if (m == NULL || n == 0 || m[0].rm_so < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t len = m[i].rm_so < 0 ? 0 : (size_t)(m[i].rm_eo - m[i].rm_so);
		char *e = strndup(m[i].rm_so < 0 ? "" : s + m[i].rm_so, len);
		if (e == NULL)
			abort();
		var_elem_set(sh, v, (long)i, e, false);
		free(e);
	}
}

/* ---- [[ ]] ---- */

struct ceval {
	struct shell *sh;
	struct strbuf trace;	/* set -x: the expanded expression */
	bool tracing;
	int err;		/* 0; 1 an error (status 2); 2 an expansion error */
};

static void
trace_word(struct ceval *c, const char *s)
{
	if (!c->tracing)
		return;
	if (c->trace.len)
		sb_addc(&c->trace, ' ');
	sb_adds(&c->trace, s);
}

/* A word that is one literal part: nothing to expand. Unquoted, it must
 * not start with `~` (tilde expansion); as a pattern (`quoted_ok` false)
 * it must be unquoted, since quoted characters need escaping. */
static bool
is_literal(const struct word *w, bool quoted_ok)
{
	const struct wpart *p = w->parts;

	if (p == NULL || p->next != NULL || p->kind != WP_LIT)
		return false;
	if (p->u.lit.quoted)
		return quoted_ok;
	return p->u.lit.text[0] != '~';
}

static const char *
word(struct ceval *c, struct word *w)
{
	const char *s;

	/* a literal operand has nothing to expand (quoted or not: no
	 * splitting or globbing here) */
	if (is_literal(w, true))
		s = w->parts->u.lit.text;
	else
		s = expand_word_str(c->sh, w);
	if (s == NULL) {
		c->err = 2;
		return NULL;
	}
	trace_word(c, s);
	return s;
}

/* An integer operand: an arithmetic expression (bash). */
static bool
int_operand(struct ceval *c, const char *s, intmax_t *v)
{
	long r;

	if (cond_arith_eval(c->sh, "[[", s, &r) != 0) {
		c->err = 3;	/* bash: status 1, the message printed */
		if (c->sh->arith_unset) {
			c->err = 2;	/* set -u: an expansion error */
			c->sh->expand_err = 3;
		}
		return false;
	}
	*v = r;
	return true;
}

/* The last compiled expression, kept for the next =~ of a loop (a
 * regcomp costs more than the match). Keyed by text, flags and locale. */
static struct {
	char *text;
	int flags;
	char *ctype;
	regex_t rx;
} last;

static regex_t *
compiled(const char *re, int flags)
{
	const char *ctype;

	shell_locale();
	ctype = setlocale(LC_CTYPE, NULL);
	if (last.text != NULL && last.flags == flags && strcmp(last.text, re) == 0 &&
	    strcmp(last.ctype, ctype) == 0)
		return &last.rx;
	if (last.text != NULL) {
		regfree(&last.rx);
		free(last.text);
		free(last.ctype);
		last.text = NULL;
	}
	if (regcomp(&last.rx, re, flags) != 0)
		return NULL;
	if ((last.text = strdup(re)) == NULL || (last.ctype = strdup(ctype)) == NULL)
		abort();
	last.flags = flags;
	return &last.rx;
}

static int
regex_match(struct ceval *c, const char *s, const char *re)
{
	regmatch_t m[10];
	int flags = REG_EXTENDED | (c->sh->shopt.nocasematch ? REG_ICASE : 0);
	regex_t *rx = compiled(re, flags);
	int r;

	if (rx == NULL) {
		c->err = 1;	/* bash: status 2, no message */
		return 0;
	}
	size_t ngroups = rx->re_nsub + 1 < 10 ? rx->re_nsub + 1 : 10;
	r = regexec(rx, s, ngroups, m, 0);
	cond_set_rematch(c->sh, s, r == 0 ? m : NULL, ngroups);
	return r == 0;
}

static bool
eval(struct ceval *c, struct cond_expr *e)
{
	const char *l, *r;
	bool v;

	switch (e->kind) {
	case CE_AND:
		v = eval(c, e->left);
		if (c->tracing)
			sb_adds(&c->trace, " &&");
		return !c->err && v && eval(c, e->right);
	case CE_OR:
		v = eval(c, e->left);
		if (c->tracing)
			sb_adds(&c->trace, " ||");
		return !c->err && (v || eval(c, e->right));
	case CE_NOT:
		trace_word(c, "!");
		return !eval(c, e->left);
	case CE_WORD:
		return (l = word(c, e->w)) != NULL && *l != '\0';
	case CE_UNARY: {
		char opname[3] = { '-', (char)e->op, 0 };
		trace_word(c, opname);
		if ((l = word(c, e->w)) == NULL)
			return false;
		return cond_unary(c->sh, e->op, l);
	}
	case CE_BINARY:
		break;
	}
	if ((l = word(c, e->w)) == NULL)
		return false;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (ops[i].op == e->op && strcmp(ops[i].s, "=") != 0) {
			trace_word(c, ops[i].s);
			break;
		}
	if (e->op == COP_SEQ || e->op == COP_SNE) {
		if (is_literal(e->w2, false))
			r = e->w2->parts->u.lit.text;
		else if ((r = expand_word_pattern(c->sh, e->w2)) == NULL) {
			c->err = 2;
			return false;
		}
		trace_word(c, r);
		unsigned f = PAT_EXTGLOB | (c->sh->shopt.nocasematch ? PAT_NOCASE : 0);
		return pattern_match_flags(r, l, f) == (e->op == COP_SEQ);
	}
	if (e->op == COP_REGEX) {
		if ((r = expand_word_regex(c->sh, e->w2)) == NULL) {
			c->err = 2;
			return false;
		}
		trace_word(c, r);
		return regex_match(c, l, r);
	}
	if ((r = word(c, e->w2)) == NULL)
		return false;
	if (cond_op_is_int(e->op)) {
		intmax_t a, b;
		if (!int_operand(c, l, &a) || !int_operand(c, r, &b))
			return false;
		return cond_int_compare(e->op, a, b);
	}
	return cond_binary(c->sh, e->op, l, r);
}

static void
trace_out(struct shell *sh, const char *open, const char *body, const char *close)
{
	char *ps4 = expand_string(sh, var_get(sh, "PS4") ? var_get(sh, "PS4") : "+ ");
	fprintf(stderr, "%s%s %s %s\n", ps4 ? ps4 : "+ ", open, body, close);
	fflush(stderr);
	free(ps4);
}

int
cond_run(struct shell *sh, struct ast_cond *n)
{
	struct arena_mark m = arena_mark(&sh->eval);
	struct ceval c = { .sh = sh, .trace = STRBUF_INIT, .tracing = sh->opt.xtrace };
	bool v;

	sh->lineno = n->base.lineno;
	v = eval(&c, n->e);
	arena_release(&sh->eval, m);
	if (c.tracing) {
		trace_out(sh, "[[", c.trace.s, "]]");
		sb_free(&c.trace);
	}
	if (c.err == 2) {
		exec_expand_error(sh);
		return sh->status;
	}
	if (c.err)
		return sh->status = c.err == 3 ? 1 : 2;
	return sh->status = v ? 0 : 1;
}

/* ---- (( )) ---- */

int
cond_arith_eval(struct shell *sh, const char *who, const char *expr, long *v)
{
	const char *saved = sh->arith_who;

	sh->arith_who = who;
	int r = arith_eval(sh, expr, v);
	sh->arith_who = saved;
	return r;
}

int
cond_arith_value(struct shell *sh, struct word *w, long *v, bool trim)
{
	const char *s;

	*v = 0;
	if (w == NULL)
		return 0;
	/* `(( i++ ))`: literal text has nothing to expand */
	if (w->parts != NULL && w->parts->next == NULL && w->parts->kind == WP_LIT)
		s = w->parts->u.lit.text;
	else if ((s = expand_word_str(sh, w)) == NULL)
		return -2;
	if (sh->opt.xtrace) {
		/* bash: + (( expression )); the parts of for (( )) trimmed */
		size_t b = trim ? strspn(s, " \t\n") : 0, e = strlen(s);
		while (trim && e > b && strchr(" \t\n", s[e - 1]))
			e--;
		char *t = strndup(s + b, e - b);
		if (t == NULL)
			abort();
		trace_out(sh, "((", t, "))");
		free(t);
	}
	if (s[strspn(s, " \t\n")] == '\0')
		return 0;
	if (cond_arith_eval(sh, "((", s, v) == 0)
		return 0;
	if (!sh->arith_unset)
		return -1;
	sh->expand_err = 3;	/* set -u: fatal, as for $((...)) (bash) */
	return -2;
}

int
cond_arith_run(struct shell *sh, struct ast_arith *n)
{
	struct arena_mark m = arena_mark(&sh->eval);
	long v;
	int r;

	sh->lineno = n->base.lineno;
	r = cond_arith_value(sh, n->expr, &v, false);
	arena_release(&sh->eval, m);
	if (r == -2) {
		exec_expand_error(sh);
		return sh->status;
	}
	if (r < 0)
		return sh->status = 1;
	return sh->status = v != 0 ? 0 : 1;
}

/* One character of the right side of =~ as the expander builds the ERE:
 * quoted specials are escaped, but inside a bracket expression a quoted
 * character stands for itself (bash 5.2: [\]\[a-z] is the set of ], [ and
 * a-z). x->br: 0 outside, 1 after [, 2 after [^, 3 inside, 4 after an
 * inner [, 5 in [: :], 6 at its closing ':'. */
bool
cond_regex_escape(struct cond_rebr *x, char c, bool quoted)
{
	switch (x->br) {
	case 0:
		if (quoted && c != '\0' && strchr("\\.[]()*+?{}|^$", c) != NULL)
			return true;
		if (c == '[')
			x->br = 1;
		return false;
	case 1:
	case 2:
		if (c == '^' && x->br == 1 && !quoted) {
			x->br = 2;
			return false;
		}
		if (c == ']') {
			x->br = 3;
			return false;
		}
		break;
	case 4:
		if (c == ':' || c == '=' || c == '.') {
			x->br = 5;
			x->brclass = c;
			return false;
		}
		break;
	case 5:
	case 6:
		x->br = x->br == 6 && c == ']' ? 3 : c == x->brclass ? 6 : 5;
		return false;
	}
	x->br = c == ']' ? 0 : c == '[' ? 4 : 3;
	return false;
}
