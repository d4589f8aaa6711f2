/* lexer.re: XCU 2.3 token recognition and XCU 2.10.2 token classification.
 *
 * Text is pulled one line at a time from the input (input_read_line), so a
 * command is handed to the parser as soon as its last line is read. The
 * reading primitives below remove backslash-newline (XCU 2.2.1) everywhere
 * except where the caller reads raw bytes (single quotes, here-document
 * bodies, comments).
 *
 * Words keep their parts (struct wpart, ast.h). $( ) is parsed recursively
 * by a nested grammar over the same token stream (parse_subst), so `case`
 * patterns and here-documents inside it work; a backquote body is first
 * unescaped (XCU 2.6.3) and then parsed by a lexer of its own.
 *
 * re2c matches operators and reserved words; the rest is plain C. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "lex.h"
#include "parser.h"
#include "shell.h"

enum wctx {
	W_UNQ,		/* a token: ends at a blank or an operator */
	W_BRACE,	/* the word of ${p-word} outside "..." */
	W_BRACE_DQ,	/* ... inside "..." */
	W_DQ,		/* inside "..." */
	W_HEREDOC,	/* an unquoted here-document body */
	W_ARITH,	/* inside $(( )) */
};

/* A word being built: parts so far plus a pending run of literal text.
 * The run is usually bytes of the lexer's buffer, as they stand: then it
 * is only their offset and length (`inbuf`), copied once into the arena
 * when the part is made; `lit` (taken from the strbuf pool only then)
 * holds a run that is not (escapes, joined pieces). Offsets stay valid
 * while the word is read: the buffer only grows at its end then, and an
 * alias in a nested $( ) replaces text after the run. */
struct wb {
	struct wpart *head, **tail;
	struct strbuf lit;
	int haslit, litq;
	int inbuf;		/* the run is buf[off, off + len) */
	size_t off, len;
};

static int scan_to(struct lexer *lx, struct wb *wb, enum wctx ctx, int special, int stop);
static int dquote(struct lexer *lx, struct wb *wb, int in_brace_dq);

/* Bytes that end a run of plain text, by context: scan_to copies the bytes
 * before the first of them in one piece instead of one at a time. A
 * newline ends every run (it moves the line number), as does a backslash
 * (a line continuation or a quote). */
enum {
	B_UNQ = 1,	/* W_UNQ: blanks, operators, quotes, $ ` */
	B_DQ = 2,	/* W_DQ: " $ ` */
	B_HD = 4,	/* W_HEREDOC: $ ` */
	B_OP = 8,	/* the first byte of an operator: < > & | ; ( ) */
	B_AR = 16,	/* W_ARITH: ( ) " $ ` */
	B_AB = 32,	/* W_ARITH, for subscripts and $[ ]: [ ] ' */
	B_BR = 64,	/* W_BRACE, W_BRACE_DQ: } and every byte scan_to looks
			 * at there (quotes, $ `, the stops : / ] and the
			 * ( ) [ ? they count) */
};
#define B_ALL (B_UNQ | B_DQ | B_HD | B_AR | B_BR)
static const unsigned char bclass[256] = {
	['\\'] = B_ALL, ['\n'] = B_ALL, ['$'] = B_ALL, ['`'] = B_ALL,
	['"'] = B_UNQ | B_DQ | B_AR | B_BR, ['\''] = B_UNQ | B_AB | B_BR, [' '] = B_UNQ,
	['\t'] = B_UNQ, [';'] = B_UNQ | B_OP, ['&'] = B_UNQ | B_OP, ['|'] = B_UNQ | B_OP,
	['<'] = B_UNQ | B_OP, ['>'] = B_UNQ | B_OP, ['('] = B_UNQ | B_OP | B_AR | B_BR,
	[')'] = B_UNQ | B_OP | B_AR | B_BR, ['['] = B_AB | B_BR, [']'] = B_AB | B_BR,
	['}'] = B_BR, [':'] = B_BR, ['/'] = B_BR, ['?'] = B_BR,
};

/* Length of the run of bytes of buf at pos without a `stop` class. */
static inline size_t
plain_run(const struct lexer *lx, int stop)
{
	const unsigned char *s = (const unsigned char *)lx->buf.s + lx->pos;
	const unsigned char *e = (const unsigned char *)lx->buf.s + lx->buf.len;
	const unsigned char *p = s;

	while (p < e && !(bclass[*p] & stop))
		p++;
	return (size_t)(p - s);
}

static int
scan(struct lexer *lx, struct wb *wb, enum wctx ctx, int special)
{
	return scan_to(lx, wb, ctx, special, 0);
}

/* ---- reading ---- */

/* Appends the next input line; 0 at end of input. */
static int
refill(struct lexer *lx)
{
	if (!lx->in || lx->eof)
		return 0;
	int at_start = lx->pos == lx->buf.len;
	if (!input_read_line(lx->in, &lx->buf, lx->cont)) {
		lx->eof = 1;
		return 0;
	}
	lx->cont = 1;
	if (at_start)
		lx->lineno = lx->in->lineno;
	return 1;
}

/* Next byte without line-continuation removal, or -1 at end of input. */
static int
rpeek(struct lexer *lx)
{
	if (lx->pos == lx->buf.len && !refill(lx))
		return -1;
	return (unsigned char)lx->buf.s[lx->pos];
}

/* A newline in alias text (XCU 2.3.1) is not a line of the input: it
 * must not move the line numbers of what follows (bash). */
static int
in_alias_text(const struct lexer *lx, size_t pos)
{
	for (size_t i = 0; i < lx->naliases; i++)
		if (pos >= lx->aliases[i].start && pos < lx->aliases[i].end)
			return 1;
	return 0;
}

static inline int
rnext(struct lexer *lx)
{
	int c;

	if (lx->pos < lx->buf.len && lx->buf.s[lx->pos] != '\n')
		return (unsigned char)lx->buf.s[lx->pos++];
	c = rpeek(lx);
	if (c >= 0) {
		if (c == '\n' && !(lx->naliases && in_alias_text(lx, lx->pos)))
			lx->lineno++;
		lx->pos++;
	}
	return c;
}

/* Next byte after removing any backslash-newline pairs in front of it.
 * The common case (a byte in the buffer that is not a backslash) is
 * inline; the rest, refills and continuations, is peekc_slow(). */
static int peekc_slow(struct lexer *lx);

static inline int
peekc(struct lexer *lx)
{
	if (lx->pos < lx->buf.len && lx->buf.s[lx->pos] != '\\')
		return (unsigned char)lx->buf.s[lx->pos];
	return peekc_slow(lx);
}

static int
peekc_slow(struct lexer *lx)
{
	for (;;) {
		int c = rpeek(lx);
		if (c != '\\')
			return c;
		if (lx->pos + 1 == lx->buf.len && !refill(lx))
			return c;
		if (lx->buf.s[lx->pos + 1] != '\n')
			return c;
		if (!(lx->naliases && in_alias_text(lx, lx->pos + 1)))
			lx->lineno++;
		lx->pos += 2;
	}
}

static int
nextc(struct lexer *lx)
{
	peekc(lx);
	return rnext(lx);
}

/* ---- diagnostics ---- */

/* End of input inside a construct that `closer` ends: bash's "unexpected
 * EOF while looking for matching `"'", the posix message otherwise. */
static void
eof_error_at(struct lexer *lx, int line, const char *posix, char closer)
{
	char bash[64];

	if (lx->error)
		return;
	snprintf(bash, sizeof bash, "unexpected EOF while looking for matching `%c'", closer);
	diag_syntax_words(lx->sh, lx->name, line, posix, bash, NULL);
	lx->error = 1;
}

static void
verror_at(struct lexer *lx, int line, const char *fmt, va_list ap)
{
	char msg[256];

	if (lx->error)
		return;
	vsnprintf(msg, sizeof msg, fmt, ap);
	char bash[300];
	snprintf(bash, sizeof bash, "syntax error: %s", msg);
	diag_syntax_words(lx->sh, lx->name, line, msg, bash, NULL);
	lx->error = 1;
}

void
lex_error(struct lexer *lx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror_at(lx, lx->lineno, fmt, ap);
	va_end(ap);
}

void
lex_error_at(struct lexer *lx, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror_at(lx, line, fmt, ap);
	va_end(ap);
}

static int
enter(struct lexer *lx)
{
	if (++lx->nest > LEX_MAX_NEST) {
		lex_error(lx, "nesting too deep");
		return -1;
	}
	return 0;
}

/* ---- word building ---- */

static void
wb_init(struct wb *wb)
{
	wb->head = NULL;
	wb->tail = &wb->head;
	sb_init(&wb->lit);
	wb->haslit = 0;
	wb->litq = 0;
	wb->inbuf = 0;
}

/* The pending run moves to `lit`, to be added to. */
static void
wb_unbuf(struct lexer *lx, struct wb *wb)
{
	if (wb->lit.cap == 0)
		sb_acquire(&wb->lit);
	if (wb->inbuf) {
		sb_addn(&wb->lit, lx->buf.s + wb->off, wb->len);
		wb->inbuf = 0;
	}
}

static struct wpart *
part_new(struct lexer *lx, enum wpart_kind k)
{
	struct wpart *p = arena_alloc(lx->a, sizeof *p);
	p->kind = k;
	return p;
}

static void
wb_append(struct wb *wb, struct wpart *p)
{
	*wb->tail = p;
	wb->tail = &p->next;
}

static void
wb_flush(struct lexer *lx, struct wb *wb)
{
	if (!wb->haslit)
		return;
	const char *t = wb->inbuf ? lx->buf.s + wb->off : wb->lit.s;
	size_t n = wb->inbuf ? wb->len : wb->lit.len;
	/* the part and its text in one allocation; a literal part uses only
	 * `lit` of the union, so nothing else is zeroed */
	struct wpart *p = arena_alloc_raw(lx->a, sizeof *p + n + 1);
	char *text = (char *)(p + 1);
	memcpy(text, t, n);
	text[n] = '\0';
	p->kind = WP_LIT;
	p->next = NULL;
	p->u.lit.text = text;
	p->u.lit.len = n;
	p->u.lit.quoted = wb->litq;
	wb_append(wb, p);
	if (!wb->inbuf)
		sb_reset(&wb->lit);
	wb->inbuf = 0;
	wb->haslit = 0;
}

static void
wb_char(struct lexer *lx, struct wb *wb, int c, int quoted)
{
	if (wb->haslit && wb->litq != quoted)
		wb_flush(lx, wb);
	wb_unbuf(lx, wb);
	sb_addc(&wb->lit, (char)c);
	wb->haslit = 1;
	wb->litq = quoted;
}

/* wb_char for the n bytes of the buffer at `off`. */
static void
wb_addbuf(struct lexer *lx, struct wb *wb, size_t off, size_t n, int quoted)
{
	if (wb->haslit && wb->litq != quoted)
		wb_flush(lx, wb);
	if (!wb->haslit) {
		wb->inbuf = 1;
		wb->off = off;
		wb->len = n;
	} else if (wb->inbuf && wb->off + wb->len == off) {
		wb->len += n;
	} else {
		wb_unbuf(lx, wb);
		sb_addn(&wb->lit, lx->buf.s + off, n);
	}
	wb->haslit = 1;
	wb->litq = quoted;
}

static void
wb_part(struct lexer *lx, struct wb *wb, struct wpart *p)
{
	wb_flush(lx, wb);
	wb_append(wb, p);
}

/* A quoted literal that stays a part of its own ('...', \c, $'...'). */
static void
wb_qlit(struct lexer *lx, struct wb *wb, const char *s, size_t n)
{
	struct wpart *p = part_new(lx, WP_LIT);
	p->u.lit.text = arena_strndup(lx->a, s, n);
	p->u.lit.len = n;
	p->u.lit.quoted = 1;
	wb_part(lx, wb, p);
}

static struct wpart *
wb_done(struct lexer *lx, struct wb *wb)
{
	wb_flush(lx, wb);
	if (wb->lit.cap != 0)
		sb_release(&wb->lit);
	return wb->head;
}

static struct word *
word_new(struct lexer *lx, struct wpart *parts)
{
	struct word *w = arena_alloc(lx->a, sizeof *w);
	w->parts = parts;
	return w;
}

/* ---- recursive pieces of words ---- */

/* After $' : XCU 2.2.4 (POSIX.1-2024) dollar-single-quotes. */
static int
dollar_squote(struct lexer *lx, struct wb *wb)
{
	struct strbuf s = STRBUF_INIT;
	int c, i, v, line = lx->lineno;

	for (;;) {
		c = rnext(lx);
		if (c < 0) {
			sb_free(&s);
			eof_error_at(lx, line, "unterminated quoted string", '\'');
			return -1;
		}
		if (c == '\'')
			break;
		if (c != '\\') {
			sb_addc(&s, (char)c);
			continue;
		}
		c = rnext(lx);
		switch (c) {
		case 'a': v = '\a'; break;
		case 'b': v = '\b'; break;
		case 'e': case 'E': v = 033; break;
		case 'f': v = '\f'; break;
		case 'n': v = '\n'; break;
		case 'r': v = '\r'; break;
		case 't': v = '\t'; break;
		case 'v': v = '\v'; break;
		case '\\': case '\'': case '"': v = c; break;
		case 'c':
			c = rnext(lx);
			if (c < 0)
				continue;
			if (c == '\\')
				c = rnext(lx) == '\\' ? '\\' : c;
			v = c == '?' ? 0x7f : (toupper((unsigned char)c) & 0x1f);
			break;
		case 'x':
			for (v = 0, i = 0; i < 2 && isxdigit((unsigned char)rpeek(lx)); i++) {
				c = rnext(lx);
				v = v * 16 + (isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
			}
			if (i == 0) {
				sb_adds(&s, "\\x");
				continue;
			}
			break;
		case 'u': case 'U': {
			/* bash: \uHHHH and \UHHHHHHHH, the character in the locale's
			 * encoding (POSIX leaves these unspecified) */
			unsigned long u = 0;
			int max = c == 'u' ? 4 : 8, e = c;
			for (i = 0; i < max && isxdigit((unsigned char)rpeek(lx)); i++) {
				c = rnext(lx);
				u = u * 16 + (unsigned long)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
			}
			if (i == 0) {
				sb_addc(&s, '\\');
				sb_addc(&s, (char)e);
			} else if (u != 0)
				locale_put_unicode(&s, u);
			continue;
		}
		case '0': case '1': case '2': case '3':
		case '4': case '5': case '6': case '7':
			v = c - '0';
			for (i = 1; i < 3 && rpeek(lx) >= '0' && rpeek(lx) <= '7'; i++)
				v = v * 8 + (rnext(lx) - '0');
			v &= 0xff;
			break;
		case -1:
			continue;
		default:
			sb_addc(&s, '\\');
			v = c;
			break;
		}
		if (v != 0)	/* a NUL cannot be in a C string: dropped */
			sb_addc(&s, (char)v);
	}
	wb_qlit(lx, wb, s.s, s.len);
	sb_free(&s);
	return 0;
}

/* Backquoted command substitution (XCU 2.6.3): after the opening `. */
static int
backquote(struct lexer *lx, struct wb *wb, int in_dq)
{
	struct strbuf s = STRBUF_INIT;
	int line = lx->lineno, c;

	for (;;) {
		c = nextc(lx);
		if (c < 0) {
			sb_free(&s);
			eof_error_at(lx, line, "unterminated backquote", '`');
			return -1;
		}
		if (c == '`')
			break;
		if (c == '\\') {
			int d = rpeek(lx);
			if (d == '$' || d == '`' || d == '\\' || (in_dq && d == '"')) {
				sb_addc(&s, (char)rnext(lx));
				continue;
			}
		}
		sb_addc(&s, (char)c);
	}

	struct lexer sub;
	lex_init(&sub, lx->sh, NULL, lx->name);
	sb_addn(&sub.buf, s.s, s.len);
	sb_free(&s);
	sub.a = lx->a;
	sub.lineno = line;
	sub.nest = lx->nest;
	sub.ctx.cmdsub = 2;
	struct ast_node *body = NULL;
	int r = parse_subst(&sub, &body);
	if (sub.error)
		lx->error = 1;
	lex_fini(&sub);
	if (r < 0)
		return -1;
	struct wpart *p = part_new(lx, WP_CMDSUB);
	p->u.cmdsub.body = body;
	p->u.cmdsub.backquote = 1;
	wb_part(lx, wb, p);
	return 0;
}

/* $( ... ) after the `(`, or <( ... ) and >( ... ) (`procsub` '<' or
 * '>'): a nested grammar over this lexer's tokens. */
static int
cmdsub_kind(struct lexer *lx, struct wb *wb, int procsub)
{
	struct lex_ctx saved = lx->ctx;
	struct ast_node *body = NULL;

	/* A here-document whose operator came before the $( (on the same
	 * line) has its body after the line where the $( ) ends, not at the
	 * first newline inside it (dash, bash): set the pending list aside. */
	struct heredoc *pend = lx->pending, **pend_tail = lx->pending_tail;
	lx->pending = NULL;
	lx->pending_tail = &lx->pending;

	/* the [[ ]] word mode does not reach the commands inside */
	int cond_words = lx->cond_words;
	lx->cond_words = 0;
	memset(&lx->ctx, 0, sizeof lx->ctx);
	lx->ctx.state = LS_CMD;
	lx->ctx.cmdsub = 1;
	int r = parse_subst(lx, &body);
	lx->ctx = saved;
	lx->cond_words = cond_words;
	if (pend) {
		/* the inner ones (if the $( ) ended before their newline) follow */
		*pend_tail = lx->pending;
		if (lx->pending)
			pend_tail = lx->pending_tail;
		lx->pending = pend;
		lx->pending_tail = pend_tail;
	}
	if (r < 0)
		return -1;
	struct wpart *p = part_new(lx, WP_CMDSUB);
	p->u.cmdsub.body = body;
	p->u.cmdsub.procsub = procsub;
	wb_part(lx, wb, p);
	return 0;
}

static int
cmdsub(struct lexer *lx, struct wb *wb)
{
	return cmdsub_kind(lx, wb, 0);
}

/* True if the input is at `<(` or `>(` and process substitution is on
 * (not in posix mode, where `cat <(x)` is a syntax error). */
static int
at_procsub(struct lexer *lx)
{
	size_t p0 = lx->pos;
	int l0 = lx->lineno, c, d;

	if (lx->sh == NULL || lx->sh->opt.posix)
		return 0;
	c = nextc(lx);
	d = peekc(lx);
	lx->pos = p0;
	lx->lineno = l0;
	return (c == '<' || c == '>') && d == '(';
}

static int
is_special_param(int c)
{
	return c >= 0 && strchr("@*#?-$!", c) != NULL;
}

static int
is_name_start(int c)
{
	return c == '_' || (c >= 0 && isalpha((unsigned char)c));
}

static int
is_name_char(int c)
{
	return c == '_' || (c >= 0 && isalnum((unsigned char)c));
}

/* Reads the name that starts at pos (a name_start byte). Most names lie
 * whole in the buffer, with no line continuation: one copy. */
static char *
read_name(struct lexer *lx)
{
	struct strbuf s = STRBUF_INIT;
	size_t p = lx->pos;

	for (;;) {
		while (p < lx->buf.len && is_name_char((unsigned char)lx->buf.s[p]))
			p++;
		/* a name that ends the text (eval "x=$y") ends the input
		 * unless a line follows (refill appends it) */
		if (p < lx->buf.len ? lx->buf.s[p] != '\\' : !refill(lx)) {
			char *r = arena_strndup(lx->a, lx->buf.s + lx->pos, p - lx->pos);
			lx->pos = p;
			return r;
		}
		if (p < lx->buf.len)
			break;	/* a backslash: maybe a line continuation */
	}
	while (is_name_char(peekc(lx)))
		sb_addc(&s, (char)nextc(lx));
	char *r = arena_strndup(lx->a, s.s, s.len);
	sb_free(&s);
	return r;
}

/* Reads a parameter name inside ${ }: a name, digits, or one special. */
static char *
brace_name(struct lexer *lx)
{
	struct strbuf s = STRBUF_INIT;
	int c = peekc(lx);

	if (is_name_start(c)) {
		return read_name(lx);
	} else if (c >= '0' && c <= '9') {
		while ((c = peekc(lx)) >= '0' && c <= '9')
			sb_addc(&s, (char)nextc(lx));
	} else if (is_special_param(c)) {
		sb_addc(&s, (char)nextc(lx));
	} else {
		return NULL;
	}
	char *r = arena_strndup(lx->a, s.s, s.len);
	sb_free(&s);
	return r;
}

/* Scans one operand of ${p...} (up to `}`, or up to the unquoted `stop`
 * character at this level if stop != 0) into a word. `pat`: single quotes
 * quote inside "${...}" too (pattern operands and bash's replacement). */
static int
brace_operand(struct lexer *lx, struct word **out, int in_dq, int pat, int stop)
{
	struct wb arg;

	wb_init(&arg);
	int r = scan_to(lx, &arg, in_dq ? W_BRACE_DQ : W_BRACE, pat, stop);
	struct wpart *parts = wb_done(lx, &arg);
	if (r < 0)
		return -1;
	*out = word_new(lx, parts);
	return 0;
}

/* After a Name in ${...}: an array subscript [@] [*] or [expr], if any. */
static int
brace_subscript(struct lexer *lx, struct param *pp, int in_dq)
{
	int line = lx->lineno;

	if (peekc(lx) != '[' || !is_name_start((unsigned char)pp->name[0]))
		return 0;
	nextc(lx);
	int c = peekc(lx);
	if (c == '@' || c == '*') {
		size_t pos = lx->pos;
		nextc(lx);
		if (peekc(lx) == ']') {
			nextc(lx);
			pp->subkind = (char)c;
			return 0;
		}
		lx->pos = pos;
	}
	/* "${m['k']}": single quotes quote the key inside "..." too (bash) */
	if (brace_operand(lx, &pp->subscript, in_dq, 1, ']') < 0)
		return -1;
	if (peekc(lx) != ']') {
		lex_error_at(lx, line, "missing ']'");
		return -1;
	}
	nextc(lx);
	if (pp->subscript->parts == NULL) {
		lex_error_at(lx, line, "%s[]: bad array subscript", pp->name);
		return -1;
	}
	return 0;
}

/* ${ ... } after the `{` (XCU 2.6.2, and the bash forms of ast.h's enum
 * param_op). A form that is not recognised goes to `bad` below.
 *
 * Operands: ${p-w} and friends, ${p#w}: arg. ${p:o:l}: arg = o (scanned to
 * an unparenthesised `:`), arg2 = l. ${p/x/r}: arg = x (scanned to `/`),
 * arg2 = r, NULL without the second `/`. ${p^x} ${p,x}: arg = x (may have
 * no parts). ${p@X}: transform = X. ${!p...}: indirect = 1. */
static int
brace_param(struct lexer *lx, struct wb *wb, int in_dq)
{
	struct wpart *p = part_new(lx, WP_PARAM);
	struct param *pp = &p->u.param;
	int c = peekc(lx), op = 0;
	size_t start = lx->pos;
	int line = lx->lineno;

	pp->op = PARAM_PLAIN;
	pp->braced = 1;
	if (c == '#') {
		nextc(lx);
		c = peekc(lx);
		size_t at = lx->pos;
		if (c == '@' && (nextc(lx), peekc(lx) == '}')) {
			pp->name = "@";	/* ${#@}: $# (bash; dash: ${#*}) */
			pp->op = PARAM_LENGTH;
		} else if ((lx->pos = at, c == '}')) {
			pp->name = "#";
		} else if (c == ':' || c == '=' || c == '+' || c == '%' ||
			   c == '/' || c == '^' || c == ',' || c == '~' || c == '@') {
			pp->name = "#";
		} else if (c == '-' || c == '#' || c == '?') {
			/* ${#-} ${##} ${#?} are lengths; ${#-w} ${##w} ${#?w}
			 * operate on $# */
			nextc(lx);
			if (peekc(lx) == '}') {
				pp->name = c == '-' ? "-" : c == '?' ? "?" : "#";
				pp->op = PARAM_LENGTH;
			} else {
				pp->name = "#";
				op = c;
			}
		} else {
			if (!(pp->name = brace_name(lx)))
				goto bad;
			pp->op = PARAM_LENGTH;
			if (brace_subscript(lx, pp, in_dq) < 0)
				return -1;
			if (peekc(lx) != '}')
				goto bad;
		}
	} else if (c == '!') {
		nextc(lx);
		if (peekc(lx) == '}') {
			pp->name = "!";	/* ${!} is $! */
		} else {
			pp->indirect = 1;
			if (!(pp->name = brace_name(lx)))
				goto bad;
			if (brace_subscript(lx, pp, in_dq) < 0)
				return -1;
			if (pp->subkind && peekc(lx) == '}') {
				nextc(lx);
				pp->indirect = 0;
				pp->keys = 1;
				goto done;
			}
			c = peekc(lx);
			if ((c == '*' || c == '@') && is_name_start((unsigned char)pp->name[0])) {
				nextc(lx);
				if (peekc(lx) == '}') {
					nextc(lx);
					pp->indirect = 0;
					pp->op = c == '*' ? PARAM_NAMES_STAR : PARAM_NAMES_AT;
					goto done;
				}
				if (c == '*')
					goto bad;
				op = '@';	/* ${!p@Q} */
			}
		}
	} else if (!(pp->name = brace_name(lx))) {
		goto bad;
	} else if (brace_subscript(lx, pp, in_dq) < 0) {
		return -1;
	}

	if (!op) {
		c = nextc(lx);
		if (c == '}')
			goto done;
		if (pp->op == PARAM_LENGTH)
			goto bad;
		if (c == ':') {
			c = peekc(lx);
			if (c != '-' && c != '=' && c != '?' && c != '+') {
				pp->op = PARAM_SUBSTR;
				if (brace_operand(lx, &pp->arg, in_dq, 0, ':') < 0)
					return -1;
				if (peekc(lx) == ':') {
					nextc(lx);
					if (brace_operand(lx, &pp->arg2, in_dq, 0, 0) < 0)
						return -1;
				}
				nextc(lx);	/* the } */
				goto done;
			}
			pp->colon = 1;
			c = nextc(lx);
		}
		op = c;
	}
	switch (op) {
	case '-': pp->op = PARAM_DEFAULT; break;
	case '=': pp->op = PARAM_ASSIGN; break;
	case '?': pp->op = PARAM_ERROR; break;
	case '+': pp->op = PARAM_ALT; break;
	case '%':
		pp->op = PARAM_RM_SSUFFIX;
		if (peekc(lx) == '%') {
			nextc(lx);
			pp->op = PARAM_RM_LSUFFIX;
		}
		break;
	case '#':
		pp->op = PARAM_RM_SPREFIX;
		if (peekc(lx) == '#') {
			nextc(lx);
			pp->op = PARAM_RM_LPREFIX;
		}
		break;
	case '/':
		c = peekc(lx);
		pp->op = c == '/' ? PARAM_REPL_ALL : c == '#' ? PARAM_REPL_PREFIX :
			 c == '%' ? PARAM_REPL_SUFFIX : PARAM_REPL_FIRST;
		if (pp->op != PARAM_REPL_FIRST)
			nextc(lx);
		if (brace_operand(lx, &pp->arg, in_dq, 1, '/') < 0)
			return -1;
		if (peekc(lx) == '/') {
			nextc(lx);
			if (brace_operand(lx, &pp->arg2, in_dq, 1, 0) < 0)
				return -1;
		}
		nextc(lx);	/* the } */
		goto done;
	case '^':
	case ',':
	case '~':
		pp->op = op == '^' ? PARAM_UPPER_FIRST : op == ',' ? PARAM_LOWER_FIRST : PARAM_TOGGLE_FIRST;
		if (peekc(lx) == op) {
			nextc(lx);
			pp->op = op == '^' ? PARAM_UPPER_ALL : op == ',' ? PARAM_LOWER_ALL : PARAM_TOGGLE_ALL;
		}
		break;
	case '@':
		c = peekc(lx);
		if (c < 0 || !strchr("QEPAaUuLKk", c))
			goto bad;
		nextc(lx);
		if (peekc(lx) != '}')
			goto bad;
		nextc(lx);
		pp->op = PARAM_TRANSFORM;
		pp->transform = (char)c;
		goto done;
	default:
		goto bad;
	}
	{
		int pat = pp->op >= PARAM_RM_SSUFFIX;
		if (brace_operand(lx, &pp->arg, in_dq, pat, 0) < 0)
			return -1;
		nextc(lx);	/* the } */
	}
done:
	wb_part(lx, wb, p);
	return 0;
bad:
	/* Like dash, an unknown form (${x/a/b}, ${!x}) is an error only when
	 * it is expanded: it becomes a parameter whose name is the whole text
	 * between the braces, which is not a valid name, so the expander
	 * reports "bad substitution". */
	lx->pos = start;
	lx->lineno = line;
	{
		struct strbuf s = STRBUF_INIT;
		int level = 0;
		char q = 0;
		for (;;) {
			c = nextc(lx);
			if (c < 0) {
				sb_free(&s);
				eof_error_at(lx, line, "missing '}'", '}');
				return -1;
			}
			if (q) {
				if (c == q)
					q = 0;
			} else if (c == '\\') {
				sb_addc(&s, (char)c);
				c = rnext(lx);
				if (c < 0)
					continue;
			} else if (c == '\'' || c == '"') {
				q = (char)c;
			} else if (c == '{') {
				level++;
			} else if (c == '}' && level-- == 0) {
				break;
			}
			sb_addc(&s, (char)c);
		}
		memset(pp, 0, sizeof *pp);
		pp->name = arena_strndup(lx->a, s.s, s.len);
		pp->op = PARAM_PLAIN;
		pp->braced = 1;
		sb_free(&s);
	}
	goto done;
}

/* After a `$` (consumed). Adds a part, or a literal `$`. */
static int
dollar(struct lexer *lx, struct wb *wb, enum wctx ctx)
{
	int in_dq = ctx == W_DQ || ctx == W_BRACE_DQ || ctx == W_HEREDOC;
	int c = peekc(lx), r;
	struct wpart *p;

	if (c == '{') {
		nextc(lx);
		if (enter(lx) < 0)
			return -1;
		r = brace_param(lx, wb, in_dq);
		lx->nest--;
		return r;
	}
	if (c == '(') {
		nextc(lx);
		if (enter(lx) < 0)
			return -1;
		if (peekc(lx) == '(') {
			/* $(( )): arithmetic unless the closing is not `))`
			 * (then it was $( (subshell) ... )). */
			size_t pos = lx->pos;
			int line = lx->lineno;
			struct wb e;
			nextc(lx);
			wb_init(&e);
			r = scan(lx, &e, W_ARITH, 0);
			struct wpart *parts = wb_done(lx, &e);
			if (r == 0) {
				p = part_new(lx, WP_ARITH);
				p->u.arith.expr = word_new(lx, parts);
				wb_part(lx, wb, p);
				lx->nest--;
				return 0;
			}
			if (r < 0) {
				lx->nest--;
				return -1;
			}
			lx->pos = pos;
			lx->lineno = line;
		}
		r = cmdsub(lx, wb);
		lx->nest--;
		return r;
	}
	if (c == '[' && lx->sh != NULL && !lx->sh->opt.posix) {
		/* $[expr]: bash's old form of $((expr)) */
		struct wb e;
		nextc(lx);
		if (enter(lx) < 0)
			return -1;
		wb_init(&e);
		r = scan_to(lx, &e, W_ARITH, 0, ']');
		struct wpart *parts = wb_done(lx, &e);
		lx->nest--;
		if (r < 0)
			return -1;
		p = part_new(lx, WP_ARITH);
		p->u.arith.expr = word_new(lx, parts);
		wb_part(lx, wb, p);
		return 0;
	}
	if (c == '\'' && (ctx == W_UNQ || ctx == W_BRACE || ctx == W_BRACE_DQ)) {
		/* bash decodes $'...' in the word of "${p%word}" and the like too */
		nextc(lx);
		return dollar_squote(lx, wb);
	}
	if (c == '"' && (ctx == W_UNQ || ctx == W_BRACE || ctx == W_BRACE_DQ)) {
		/* $"..." (bash, ksh): a string to translate in the locale's
		 * message catalog; spsh has none, so it is "..." */
		nextc(lx);
		return dquote(lx, wb, ctx == W_BRACE_DQ);
	}
	p = part_new(lx, WP_PARAM);
	p->u.param.op = PARAM_PLAIN;
	if (is_name_start(c)) {
		p->u.param.name = read_name(lx);
	} else if ((c >= '0' && c <= '9') || is_special_param(c)) {
		char name[2] = { (char)nextc(lx), 0 };
		p->u.param.name = arena_strdup(lx->a, name);
	} else {
		wb_char(lx, wb, '$', in_dq);
		return 0;
	}
	wb_part(lx, wb, p);
	return 0;
}

/* The common "..." bodies in one step, when they stand in the buffer up
 * to the closing quote: plain text ("b c", ""), or one $name or $1 $@ ...
 * alone ("$x"). Returns 1 when it added the part; 0, with nothing
 * consumed, for any other body. */
static int
dquote_simple(struct lexer *lx, struct wb *wb)
{
	const char *b = lx->buf.s + lx->pos, *e = lx->buf.s + lx->buf.len;
	size_t n = plain_run(lx, B_DQ);
	struct wpart *in = NULL;

	if (b + n < e && b[n] == '"') {
		if (n > 0) {
			in = part_new(lx, WP_LIT);
			in->u.lit.text = arena_strndup(lx->a, b, n);
			in->u.lit.len = n;
			in->u.lit.quoted = 1;
		}
	} else if (n == 0 && b + 2 < e && b[0] == '$') {
		unsigned char c = (unsigned char)b[1];
		if (is_name_start(c)) {
			for (n = 2; b + n < e && is_name_char((unsigned char)b[n]); n++)
				;
		} else if ((c >= '0' && c <= '9') || is_special_param(c)) {
			n = 2;
		} else {
			return 0;
		}
		if (b + n >= e || b[n] != '"')
			return 0;
		in = part_new(lx, WP_PARAM);
		in->u.param.op = PARAM_PLAIN;
		in->u.param.name = arena_strndup(lx->a, b + 1, n - 1);
	} else {
		return 0;
	}
	struct wpart *p = part_new(lx, WP_DQ);
	p->u.dq = in;
	lx->pos += n + 1;
	wb_part(lx, wb, p);
	return 1;
}

/* "..." after the opening quote; adds a WP_DQ part. `in_brace_dq`: it is
 * inside "${p-...}", where \} is an escape. */
static int
dquote(struct lexer *lx, struct wb *wb, int in_brace_dq)
{
	struct wb in;

	if (lx->nest < LEX_MAX_NEST && dquote_simple(lx, wb))
		return 0;
	if (enter(lx) < 0)
		return -1;
	wb_init(&in);
	int r = scan(lx, &in, W_DQ, in_brace_dq);
	struct wpart *parts = wb_done(lx, &in);
	lx->nest--;
	if (r < 0)
		return -1;
	nextc(lx);	/* the closing " */
	struct wpart *p = part_new(lx, WP_DQ);
	p->u.dq = parts;
	wb_part(lx, wb, p);
	return 0;
}

static int
squote(struct lexer *lx, struct wb *wb)
{
	size_t start = lx->pos;
	int c, line = lx->lineno;

	while ((c = rnext(lx)) != '\'') {
		if (c < 0) {
			eof_error_at(lx, line, "unterminated quoted string", '\'');
			return -1;
		}
	}
	wb_qlit(lx, wb, lx->buf.s + start, lx->pos - 1 - start);
	return 0;
}

/* A `(` here opens an extglob pattern (bash's `@( ) *( ) +( ) ?( ) !( )`):
 * extglob is on (always on the right of == != = in [[ ]]) and the word so far ends in one of
 * @ * + ? ! unquoted. Then ( | ) and blanks up to the matching `)` are part
 * of the word. */
static int
extglob_open(struct lexer *lx, struct wb *wb)
{
	if (lx->cond_words != 3 && !(lx->sh && lx->sh->shopt.extglob))
		return 0;
	if (!wb->haslit || wb->litq)
		return 0;
	if (wb->inbuf)
		return wb->len > 0 && strchr("@*+?!", lx->buf.s[wb->off + wb->len - 1]) != NULL;
	if (wb->lit.len == 0)
		return 0;
	return strchr("@*+?!", wb->lit.s[wb->lit.len - 1]) != NULL;
}

/* s has only digits (an IO_NUMBER if a redirection follows; a word is
 * never empty). */
static int
all_digits(const char *s)
{
	while (*s >= '0' && *s <= '9')
		s++;
	return *s == '\0';
}

static int
is_meta(int c)
{
	return c < 0 || c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' ||
	       c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}

/* Scans the body of a word in context `ctx` into wb, stopping before the
 * character that ends it (in W_BRACE and W_BRACE_DQ also before `stop`, if
 * not 0, outside parentheses). `special`: in W_BRACE_DQ, single quotes quote
 * (pattern operators) instead of being literal; in W_DQ, the "..." stands
 * inside a double-quoted ${ }, where \} is an escape as well (dash, bash). Returns 0, -1 after a
 * diagnostic, or 1 for W_ARITH when the text turned out not to end in `))`. */
static int
scan_to(struct lexer *lx, struct wb *wb, enum wctx ctx, int special, int stop)
{
	int parens = 0, ternary = 0, c;
	int quoted = ctx == W_DQ || ctx == W_HEREDOC;
	int line = lx->lineno;	/* where the construct began, for messages (bash) */
	int xparens = 0;	/* open ( of an extglob pattern or of a regex */
	int brackets = 0;	/* open [ in W_ARITH */

	int stop_class = ctx == W_UNQ ? B_UNQ : ctx == W_DQ ? B_DQ : ctx == W_HEREDOC ? B_HD :
	    ctx == W_ARITH ? B_AR | B_AB : B_BR;

	for (;;) {
		if (lx->error)
			return -1;
		if (stop_class) {
			size_t n = plain_run(lx, stop_class);
			if (n > 0) {
				wb_addbuf(lx, wb, lx->pos, n, quoted);
				lx->pos += n;
			}
		}
		c = peekc(lx);
		if (c == '\n' && ctx != W_UNQ && ctx != W_ARITH && lx->buf.s[lx->pos] == '\n') {
			/* a newline is literal text here: part of the run */
			wb_addbuf(lx, wb, lx->pos, 1, quoted);
			rnext(lx);
			continue;
		}
		switch (ctx) {
		case W_UNQ:
			if (!is_meta(c))
				break;
			if ((c == '<' || c == '>') && at_procsub(lx)) {
				/* <(list) >(list): a nested command like $( ) */
				nextc(lx);
				nextc(lx);
				if (cmdsub_kind(lx, wb, c) < 0)
					return -1;
				continue;
			}
			if (c == '(' && (xparens > 0 || lx->cond_words == 2 ||
			    (extglob_open(lx, wb)))) {
				xparens++;
				wb_char(lx, wb, nextc(lx), 0);
				continue;
			}
			/* in [[ ]], a newline in the parentheses is part of the
			 * pattern (bash; bash-completion's perf completion) */
			if (xparens > 0 && c >= 0 && (c != '\n' || lx->cond_words)) {
				if (c == ')')
					xparens--;
				wb_char(lx, wb, nextc(lx), 0);
				continue;
			}
			if (c == '|' && lx->cond_words == 2) {
				wb_char(lx, wb, nextc(lx), 0);
				continue;
			}
			return 0;
		case W_BRACE:
		case W_BRACE_DQ:
			/* the offset of ${p:o:l} is arithmetic: a `:` inside
			 * parentheses or after a `?` (o ? a : b) does not end it */
			if (stop == ':' && c == ':' && ternary > 0) {
				ternary--;
				break;
			}
			if (c == '}' || (c == stop && parens == 0))
				return 0;
			if (c < 0) {
				eof_error_at(lx, line, "missing '}'", '}');
				return -1;
			}
			if (stop == ':' && c == '(')
				parens++;
			if (stop == ':' && c == ')' && parens > 0)
				parens--;
			if (stop == ':' && c == '?')
				ternary++;
			if (stop == ']' && c == '[')
				parens++;
			if (stop == ']' && c == ']' && parens > 0)
				parens--;
			break;
		case W_DQ:
			if (c == '"')
				return 0;
			if (c < 0) {
				eof_error_at(lx, line, "unterminated quoted string", '"');
				return -1;
			}
			break;
		case W_HEREDOC:
			if (c < 0)
				return 0;
			break;
		case W_ARITH:
			if (c < 0) {
				eof_error_at(lx, line, stop == ']' ? "missing ']'" : "missing '))'", stop == ']' ? ']' : ')');
				return -1;
			}
			/* a[...] nests; $[ ] ends at its matching ] */
			if (c == '[')
				brackets++;
			else if (c == ']' && brackets > 0)
				brackets--;
			else if (c == ']' && stop == ']') {
				nextc(lx);
				return 0;
			} else if (c == '\'' && brackets > 0) {
				/* A['key']: the quotes of a subscript written in
				 * the text are removed (bash) */
				nextc(lx);
				if (squote(lx, wb) < 0)
					return -1;
				continue;
			}
			if (stop == ']')
				break;
			if (c == '(')
				parens++;
			if (c == ')' && parens-- == 0) {
				nextc(lx);
				if (peekc(lx) != ')')
					return 1;
				nextc(lx);
				return 0;
			}
			break;
		}
		switch (c) {
		case '\\':
			nextc(lx);
			if (ctx == W_UNQ || ctx == W_BRACE) {
				int d = rnext(lx);
				if (d < 0) {
					wb_char(lx, wb, '\\', 0);
				} else {
					char ch = (char)d;
					wb_qlit(lx, wb, &ch, 1);
				}
			} else {
				int d = rpeek(lx);
				if (d == '$' || d == '`' || d == '\\' ||
				    (d == '"' && (ctx == W_DQ || ctx == W_BRACE_DQ)) ||
				    (d == '}' && (ctx == W_BRACE_DQ || (ctx == W_DQ && special))) ||
				    /* "${x/p/\c}": the operands of pattern operators
				     * take \c for c as bash does */
				    (ctx == W_BRACE_DQ && special && d >= 0 && d != '\n')) {
					char ch = (char)rnext(lx);
					wb_qlit(lx, wb, &ch, 1);
				} else {
					wb_char(lx, wb, '\\', quoted);
				}
			}
			continue;
		case '\'':
			if (ctx == W_UNQ || ctx == W_BRACE || (ctx == W_BRACE_DQ && special)) {
				nextc(lx);
				if (squote(lx, wb) < 0)
					return -1;
				continue;
			}
			break;
		case '"':
			if (ctx == W_UNQ || ctx == W_BRACE || ctx == W_BRACE_DQ) {
				nextc(lx);
				if (dquote(lx, wb, ctx == W_BRACE_DQ) < 0)
					return -1;
				continue;
			}
			if (ctx == W_ARITH) {
				nextc(lx);	/* quotes in arithmetic are removed */
				continue;
			}
			break;
		case '$':
			nextc(lx);
			if (dollar(lx, wb, ctx) < 0)
				return -1;
			continue;
		case '`':
			nextc(lx);
			if (enter(lx) < 0)
				return -1;
			if (backquote(lx, wb, ctx != W_UNQ && ctx != W_BRACE) < 0)
				return -1;
			lx->nest--;
			continue;
		}
		wb_char(lx, wb, nextc(lx), quoted);
	}
}

/* ---- here-documents ---- */

/* Quote removal of a here-doc delimiter's source text; sets *quoted. */
static char *
heredoc_delim(struct lexer *lx, const char *s, size_t n, int *quoted)
{
	struct strbuf d = STRBUF_INIT;
	int q = 0;
	char sq = 0;

	*quoted = 0;
	size_t k = 0;
	while (k < n && s[k] != '\'' && s[k] != '"' && s[k] != '\\' && s[k] != '$')
		k++;
	if (k == n)
		return arena_strndup(lx->a, s, n);	/* EOF: nothing to remove */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (sq) {
			if (c == sq)
				sq = 0;
			else if (c == '\\' && sq == '"' && i + 1 < n &&
				 strchr("$`\"\\", s[i + 1]))
				sb_addc(&d, s[++i]);
			else
				sb_addc(&d, c);
		} else if (c == '\'' || c == '"') {
			sq = c;
			q = 1;
		} else if (c == '\\' && i + 1 < n && s[i + 1] == '\n') {
			i++;	/* a line continuation (XCU 2.2.1), not a quote */
		} else if (c == '\\' && i + 1 < n) {
			q = 1;
			sb_addc(&d, s[++i]);
		} else if (c == '$' && i + 1 < n && (s[i + 1] == '\'' || s[i + 1] == '"')) {
			continue;	/* $'x' $"x" delimiters: the quotes count */
		} else {
			sb_addc(&d, c);
		}
	}
	*quoted = q;
	char *r = arena_strndup(lx->a, d.s, d.len);
	sb_free(&d);
	return r;
}

/* Reads one line of a here-document body into `raw` (without its newline)
 * and, for an unquoted body, the same line with line continuations removed
 * into `joined` (XCU 2.7.4: the backslash behaves as inside double quotes,
 * so the end delimiter may be split by backslash-newline, as in bash).
 * Returns the byte that ended it: '\n' or -1. */
static int
heredoc_line(struct lexer *lx, int quoted, struct strbuf *raw, struct strbuf *joined)
{
	int c;

	sb_reset(raw);
	sb_reset(joined);
	if (lx->pos < lx->buf.len) {
		/* the line is in the buffer, without a backslash: one copy */
		const char *s = lx->buf.s + lx->pos;
		const char *nl = memchr(s, '\n', lx->buf.len - lx->pos);
		if (nl != NULL && (quoted || !memchr(s, '\\', (size_t)(nl - s)))) {
			sb_addn(raw, s, (size_t)(nl - s));
			if (!quoted)
				sb_addn(joined, s, (size_t)(nl - s));
			lx->pos += (size_t)(nl - s);
			return rnext(lx);
		}
	}
	while ((c = rnext(lx)) >= 0 && c != '\n') {
		sb_addc(raw, (char)c);
		if (quoted || c != '\\') {
			sb_addc(joined, (char)c);
			continue;
		}
		int d = rpeek(lx);
		if (d == '\n') {
			sb_addc(raw, (char)rnext(lx));
			continue;
		}
		sb_addc(joined, (char)c);
		if (d == '\\') {	/* \\ is one escaped backslash */
			sb_addc(raw, (char)rnext(lx));
			sb_addc(joined, (char)d);
		}
	}
	return c;
}

static int
plain_body(const char *s, size_t n)
{
	return memchr(s, '$', n) == NULL && memchr(s, '`', n) == NULL &&
	    memchr(s, '\\', n) == NULL;
}

/* The common here-document: its body and end line stand in the buffer as
 * they are (read there by refills), with no <<- tab stripping, no
 * backslash in an unquoted body and no alias text around. Then the body
 * is buf[*start, *start + *len), found without copying a line, and pos
 * moves past the end line. Returns 1, or 0 with nothing consumed (the
 * lines read stay in the buffer for read_heredocs' own loop). */
static int
heredoc_inbuf(struct lexer *lx, const struct heredoc *h, size_t *start, size_t *len)
{
	size_t p = lx->pos, dl = strlen(h->delim);
	int lines = 0;

	if (h->strip_tabs || lx->naliases)
		return 0;
	for (;;) {
		if (p == lx->buf.len && !refill(lx))
			return 0;
		const char *s = lx->buf.s + p;
		const char *nl = memchr(s, '\n', lx->buf.len - p);
		if (nl == NULL)
			return 0;
		size_t n = (size_t)(nl - s);
		if (!h->quoted && memchr(s, '\\', n) != NULL)
			return 0;
		lines++;
		if (n == dl && memcmp(s, h->delim, n) == 0) {
			*start = lx->pos;
			*len = p - lx->pos;
			lx->pos = p + n + 1;
			lx->lineno += lines;
			return 1;
		}
		p += n + 1;
	}
}

/* Scans the unquoted body buf[start, start + len) of a here-document in
 * place, as a lexer of its own would (no input behind it, line numbers
 * from line0), into parts. Only for a body without $( ) or backquotes: a
 * nested command could splice aliases into the buffer or read
 * here-documents of its own. */
static struct wpart *
heredoc_scan_inbuf(struct lexer *lx, size_t start, size_t len, int line0)
{
	struct input *in = lx->in;
	size_t blen = lx->buf.len, pos = lx->pos;
	int line = lx->lineno;
	char end = lx->buf.s[start + len];
	struct wb wb;

	lx->in = NULL;
	lx->buf.len = start + len;
	lx->buf.s[start + len] = '\0';
	lx->pos = start;
	lx->lineno = line0;
	wb_init(&wb);
	scan(lx, &wb, W_HEREDOC, 0);
	struct wpart *parts = wb_done(lx, &wb);
	lx->buf.s[start + len] = end;
	lx->buf.len = blen;
	lx->pos = pos;
	lx->lineno = line;
	lx->in = in;
	return parts;
}

static int
has_nested_command(const char *s, size_t n)
{
	if (memchr(s, '`', n) != NULL)
		return 1;
	for (const char *d = s; (d = memchr(d, '$', n - (size_t)(d - s))) != NULL; d++)
		if ((size_t)(d - s) + 1 < n && d[1] == '(')
			return 1;
	return 0;
}

/* Reads the bodies of all pending here-documents (after a newline). At end
 * of input a body ends where the input does, as in dash and bash. */
static void
read_heredocs(struct lexer *lx)
{
	struct strbuf *line = &lx->hd_line, *joined = &lx->hd_joined, *body = &lx->hd_body;

	if (lx->pending == NULL)
		return;
	for (struct heredoc *h = lx->pending; h; h = h->next_pending) {
		int line0 = lx->lineno;
		size_t bstart, blen;
		sb_reset(body);
		if (heredoc_inbuf(lx, h, &bstart, &blen)) {
			const char *b = lx->buf.s + bstart;
			h->body = word_new(lx, NULL);
			if (blen == 0)
				continue;
			if (h->quoted || plain_body(b, blen)) {
				struct wpart *p = part_new(lx, WP_LIT);
				p->u.lit.text = arena_strndup(lx->a, b, blen);
				p->u.lit.len = blen;
				p->u.lit.quoted = 1;
				h->body->parts = p;
				continue;
			}
			if (!has_nested_command(b, blen)) {
				h->body->parts = heredoc_scan_inbuf(lx, bstart, blen, line0);
				continue;
			}
			sb_addn(body, b, blen);
			goto sublexer;
		}
		for (;;) {
			if (rpeek(lx) < 0)
				break;
			int c = heredoc_line(lx, h->quoted, line, joined);
			const struct strbuf *cmp = h->quoted ? line : joined;
			const char *t = cmp->s;
			if (h->strip_tabs)
				while (*t == '\t')
					t++;
			if (strcmp(t, h->delim) == 0 && strlen(t) == cmp->len - (size_t)(t - cmp->s))
				break;
			t = line->s;
			if (h->strip_tabs)
				while (*t == '\t')
					t++;
			sb_addn(body, t, line->len - (size_t)(t - line->s));
			if (c == '\n')
				sb_addc(body, '\n');
		}
		h->body = word_new(lx, NULL);
		if (body->len == 0)
			continue;
		/* a body without $ ` or \ is one quoted literal, as the scan
		 * below would make it: no lexer needed */
		if (h->quoted || plain_body(body->s, body->len)) {
			struct wpart *p = part_new(lx, WP_LIT);
			p->u.lit.text = arena_strndup(lx->a, body->s, body->len);
			p->u.lit.len = body->len;
			p->u.lit.quoted = 1;
			h->body->parts = p;
			continue;
		}
	sublexer:;
		struct lexer sub;
		struct wb wb;
		lex_init(&sub, lx->sh, NULL, lx->name);
		sub.buf = *body;	/* lent, not copied */
		sub.a = lx->a;
		sub.lineno = line0;
		sub.nest = lx->nest;
		wb_init(&wb);
		scan(&sub, &wb, W_HEREDOC, 0);
		h->body->parts = wb_done(&sub, &wb);
		if (sub.error)
			lx->error = 1;
		*body = sub.buf;
		sb_init(&sub.buf);
		lex_fini(&sub);
	}
	lx->pending = NULL;
	lx->pending_tail = &lx->pending;
}

/* ---- re2c: operators and reserved words ---- */

/* Longest operator at the start of `s` (NUL-terminated, at most 3 bytes):
 * sets *len, returns the TK_ code. */
static int
op_match(const char *s, int *len)
{
	const char *YYCURSOR = s, *YYMARKER = s;
	(void)YYMARKER;
	/*!re2c
	re2c:yyfill:enable = 0;
	re2c:define:YYCTYPE = char;
	"&&"  { *len = 2; return TK_AND_IF; }
	"||"  { *len = 2; return TK_OR_IF; }
	";;&" { *len = 3; return TK_DSEMIAND; }
	";;"  { *len = 2; return TK_DSEMI; }
	"<<<" { *len = 3; return TK_TLESS; }
	";&"  { *len = 2; return TK_SEMIAND; }
	"<<-" { *len = 3; return TK_DLESSDASH; }
	"&>>" { *len = 3; return TK_ANDDGREAT; }
	"&>"  { *len = 2; return TK_ANDGREAT; }
	"|&"  { *len = 2; return TK_PIPEAMP; }
	"<<"  { *len = 2; return TK_DLESS; }
	">>"  { *len = 2; return TK_DGREAT; }
	"<&"  { *len = 2; return TK_LESSAND; }
	">&"  { *len = 2; return TK_GREATAND; }
	"<>"  { *len = 2; return TK_LESSGREAT; }
	">|"  { *len = 2; return TK_CLOBBER; }
	"<"   { *len = 1; return TK_LESS; }
	">"   { *len = 1; return TK_GREAT; }
	"|"   { *len = 1; return TK_PIPE; }
	";"   { *len = 1; return TK_SEMI; }
	"&"   { *len = 1; return TK_AMP; }
	"("   { *len = 1; return TK_LPAREN; }
	")"   { *len = 1; return TK_RPAREN; }
	*     { *len = 0; return 0; }
	*/
}

/* The reserved word spelled by `s` (XCU 2.4), or 0. */
static int
reserved(const char *s)
{
	const char *YYCURSOR = s, *YYMARKER = s;
	(void)YYMARKER;
	/*!re2c
	re2c:yyfill:enable = 0;
	re2c:define:YYCTYPE = char;
	end = "\x00";
	"!" end     { return TK_BANG; }
	"{" end     { return TK_LBRACE; }
	"}" end     { return TK_RBRACE; }
	"case" end  { return TK_CASE; }
	"do" end    { return TK_DO; }
	"done" end  { return TK_DONE; }
	"elif" end  { return TK_ELIF; }
	"else" end  { return TK_ELSE; }
	"esac" end  { return TK_ESAC; }
	"fi" end    { return TK_FI; }
	"for" end   { return TK_FOR; }
	"function" end { return TK_FUNCTION; }
	"select" end { return TK_SELECT; }
	"coproc" end { return TK_COPROC; }
	"time" end  { return TK_TIME; }
	"if" end    { return TK_IF; }
	"in" end    { return TK_IN; }
	"then" end  { return TK_THEN; }
	"until" end { return TK_UNTIL; }
	"while" end { return TK_WHILE; }
	*           { return 0; }
	*/
}

/* ---- token classification (XCU 2.10.2) ---- */

/* The reserved words that start a compound command: after `coproc NAME`
 * (bash) they are reserved, any other word is an argument. */
static int
compound_opener(int tok)
{
	return tok == TK_LBRACE || tok == TK_IF || tok == TK_WHILE || tok == TK_UNTIL ||
	    tok == TK_FOR || tok == TK_CASE || tok == TK_SELECT;
}

/* The reserved word `s` is in command position: `coproc` is an ordinary
 * word in posix mode (XCU 2.4 does not list it among the words an
 * implementation may reserve), as a conforming script means it. */
static int
reserved_cmd(const struct lexer *lx, int tok)
{
	if (tok == TK_COPROC && lx->sh != NULL && lx->sh->opt.posix)
		return 0;
	return tok;
}

/* Whether the word whose reserved() is `rw` is a reserved word in state
 * `c` (word_token's rules), which takes precedence over alias
 * substitution. */
static int
reserved_here(const struct lexer *lx, int rw)
{
	const struct lex_ctx *c = &lx->ctx;

	switch (c->state) {
	case LS_CMD:
	case LS_END:
	case LS_TIME:
	case LS_COPROC:
		return reserved_cmd(lx, rw) != 0;
	case LS_COPROC_NAME:
		return compound_opener(rw);
	case LS_CASE_IN:
		return rw == TK_IN;
	case LS_PAT_START:
		return rw == TK_ESAC;
	case LS_FOR_IN:
		return rw == TK_IN || rw == TK_DO;
	case LS_PREFIX:
	case LS_ARGS:
	case LS_REDIR:
	case LS_CASE_SUBJ:
	case LS_PAT:
	case LS_PAT_NEXT:
	case LS_FOR_NAME:
	case LS_FOR_WORDS:
	case LS_FUNC_NAME:
		return 0;
	}
	return 0;
}

void
lex_init(struct lexer *lx, struct shell *sh, struct input *in, const char *name)
{
	memset(lx, 0, sizeof *lx);
	lx->sh = sh;
	lx->in = in;
	lx->name = name;
	sb_init(&lx->buf);
	sb_init(&lx->toktext);
	sb_init(&lx->hd_line);
	sb_init(&lx->hd_joined);
	sb_init(&lx->hd_body);
	lx->lineno = 1;
	lx->cont = 1;
	lx->pending_tail = &lx->pending;
	lx->ctx.state = LS_CMD;
}

void
lex_fini(struct lexer *lx)
{
	sb_free(&lx->buf);
	sb_free(&lx->toktext);
	sb_free(&lx->hd_line);
	sb_free(&lx->hd_joined);
	sb_free(&lx->hd_body);
	free(lx->aliases);
	lx->aliases = NULL;
}

void
lex_discard(struct lexer *lx)
{
	lx->pos = lx->buf.len;
	lx->pending = NULL;
	lx->pending_tail = &lx->pending;
	lx->naliases = 0;
	lx->alias_blank = 0;
	lx->alias_recheck = 0;
	memset(&lx->ctx, 0, sizeof lx->ctx);
	lx->ctx.state = LS_CMD;
	lx->nest = 0;
	lx->inword = 0;
}

/* The last token is buf[start, pos): its text is made only for a message
 * (lex_toktext). */
static void
set_toktext(struct lexer *lx, size_t start)
{
	lx->tokfixed = NULL;
	lx->tokstart = start;
	lx->tokend = lx->pos;
}

const char *
lex_line_text(struct lexer *lx)
{
	size_t at = lx->tokfixed != NULL || lx->tokstart > lx->buf.len ? lx->pos : lx->tokstart;
	size_t b, e;

	if (at > lx->buf.len)
		at = lx->buf.len;
	/* the newline token stands at the end of its line */
	if (at > 0 && at == lx->pos && lx->tokfixed != NULL && lx->buf.s[at - 1] == '\n')
		at--;
	for (b = at; b > 0 && lx->buf.s[b - 1] != '\n'; b--)
		;
	for (e = at; e < lx->buf.len && lx->buf.s[e] != '\n'; e++)
		;
	sb_reset(&lx->toktext);
	sb_addn(&lx->toktext, lx->buf.s + b, e - b);
	return lx->toktext.s;
}

/* ... or what stands for it in messages ("newline"). */
static void
set_tokname(struct lexer *lx, const char *name)
{
	lx->tokfixed = name;
}

const char *
lex_toktext(struct lexer *lx)
{
	if (lx->tokfixed)
		return lx->tokfixed;
	size_t n = lx->tokend - lx->tokstart;
	const char *s = lx->buf.s + lx->tokstart;
	sb_reset(&lx->toktext);
	if (lx->tokend > lx->buf.len)
		n = 0;	/* not expected: the buffer is only reset before a token */
	if (n > 60) {
		sb_addn(&lx->toktext, s, 57);
		sb_adds(&lx->toktext, "...");
	} else {
		sb_addn(&lx->toktext, s, n);
	}
	return lx->toktext.s;
}

/* The text of a word that is one unquoted literal, or NULL. */
const char *
lex_plain_text(const struct word *w)
{
	const struct wpart *p = w->parts;
	if (!p || p->next || p->kind != WP_LIT || p->u.lit.quoted)
		return NULL;
	return p->u.lit.text;
}

static int
alias_active(struct lexer *lx, const char *name, size_t start)
{
	size_t j = 0;
	int found = 0;
	for (size_t i = 0; i < lx->naliases; i++) {
		if (lx->aliases[i].end <= start)
			continue;	/* its text has been read: no longer active */
		lx->aliases[j++] = lx->aliases[i];
		if (strcmp(lx->aliases[i].name, name) == 0)
			found = 1;
	}
	lx->naliases = j;
	return found;
}

/* XCU 2.3.1: replaces the word at buf[start, pos) by the alias text. */
static void
alias_splice(struct lexer *lx, const char *name, const char *text, size_t start)
{
	size_t tl = strlen(text), old = lx->pos - start;
	struct strbuf nb = STRBUF_INIT;

	sb_grow(&nb, lx->buf.len - old + tl + 1);
	sb_addn(&nb, lx->buf.s, start);
	sb_addn(&nb, text, tl);
	sb_addn(&nb, lx->buf.s + lx->pos, lx->buf.len - lx->pos);
	sb_free(&lx->buf);
	lx->buf = nb;
	for (size_t i = 0; i < lx->naliases; i++)
		if (lx->aliases[i].end >= start + old)
			lx->aliases[i].end = lx->aliases[i].end - old + tl;
	if (lx->naliases == lx->aliases_cap) {
		lx->aliases_cap = lx->aliases_cap ? 2 * lx->aliases_cap : 8;
		lx->aliases = realloc(lx->aliases, lx->aliases_cap * sizeof *lx->aliases);
		if (!lx->aliases)
			abort();
	}
	lx->aliases[lx->naliases].name = arena_strdup(lx->a, name);
	lx->aliases[lx->naliases].start = start;
	lx->aliases[lx->naliases].end = start + tl;
	lx->naliases++;
	lx->pos = start;
	if (tl > 0 && (text[tl - 1] == ' ' || text[tl - 1] == '\t')) {
		lx->alias_blank = 1;
		lx->alias_blank_end = start + tl;
	}
}

/* Where the parts of an assignment word divide (bash's forms too):
 * name=  name+=  name[sub]=  name[sub]+= . */
struct ashape {
	size_t namelen;
	int append;
	struct wpart *subend;	/* the part holding the closing ']', or NULL */
	size_t subend_off;	/* offset of ']' in subend */
	struct wpart *eqpart;	/* the part holding '=' */
	size_t eq_off;
};

static int
assign_shape(const struct word *w, struct ashape *sh)
{
	struct wpart *p = w->parts;
	if (!p || p->kind != WP_LIT || p->u.lit.quoted)
		return 0;
	const char *s = p->u.lit.text, *t = s;
	if (!is_name_start((unsigned char)*t))
		return 0;
	while (is_name_char((unsigned char)*t))
		t++;
	memset(sh, 0, sizeof *sh);
	sh->namelen = (size_t)(t - s);
	if (*t == '[') {
		/* the subscript runs to the matching ']' outside quotes */
		int depth = 0;
		struct wpart *q = p;
		size_t off = (size_t)(t - s) + 1;
		for (;;) {
			if (q == NULL)
				return 0;
			if (q->kind == WP_LIT && !q->u.lit.quoted) {
				const char *x = q->u.lit.text;
				for (; off < q->u.lit.len; off++) {
					if (x[off] == '[')
						depth++;
					else if (x[off] == ']' && depth-- == 0)
						break;
				}
				if (off < q->u.lit.len)
					break;
			}
			q = q->next;
			off = 0;
		}
		sh->subend = q;
		sh->subend_off = off;
		p = q;
		t = q->u.lit.text + off + 1;
	}
	if (*t == '+' && t[1] == '=') {
		sh->append = 1;
		t++;
	}
	if (*t != '=')
		return 0;
	sh->eqpart = p;
	sh->eq_off = (size_t)(t - p->u.lit.text);
	return 1;
}

/* name[ with no ']' after it in the word. */
static int
unclosed_subscript(const struct word *w)
{
	const struct wpart *p = w->parts;
	if (!p || p->kind != WP_LIT || p->u.lit.quoted)
		return 0;
	const char *t = p->u.lit.text;
	if (!is_name_start((unsigned char)*t))
		return 0;
	while (is_name_char((unsigned char)*t))
		t++;
	if (*t != '[')
		return 0;
	for (; p; p = p->next)
		if (p->kind == WP_LIT && !p->u.lit.quoted && memchr(p->u.lit.text, ']', p->u.lit.len))
			return 0;
	return 1;
}

/* False when w cannot be an assignment word (or name[ ): its first part,
 * unquoted literal text, has no `=` and no `[`. A quick test before
 * assign_shape for every command word. */
static inline int
may_assign(const struct word *w)
{
	const struct wpart *p = w->parts;
	if (!p || p->kind != WP_LIT || p->u.lit.quoted)
		return 0;
	const unsigned char *t = (const unsigned char *)p->u.lit.text;
	/* a name, then = += or [ (assign_shape and unclosed_subscript look
	 * closer); a byte that is not ASCII goes the long way */
	if (!(*t == '_' || (unsigned)((*t | 0x20) - 'a') < 26u || *t >= 0x80))
		return 0;
	while (*t == '_' || (unsigned)((*t | 0x20) - 'a') < 26u || (unsigned)(*t - '0') < 10u)
		t++;
	return *t == '=' || *t == '[' || *t == '+' || *t >= 0x80;
}

static int
is_assignment(const struct word *w)
{
	struct ashape sh;
	return assign_shape(w, &sh);
}

/* A copy of part `p` with only the literal bytes [from, to). */
static struct wpart *
lit_slice(struct lexer *lx, const struct wpart *p, size_t from, size_t to)
{
	struct wpart *c = part_new(lx, WP_LIT);
	c->u.lit.text = arena_strndup(lx->a, p->u.lit.text + from, to - from);
	c->u.lit.len = to - from;
	c->u.lit.quoted = p->u.lit.quoted;
	return c;
}

/* Splits an assignment word into t->as: name, subscript, += and the value
 * (w, which loses the `name=`). */
static void
split_assignment(struct lexer *lx, struct ptok *t, struct word *w)
{
	struct ashape sh;
	struct wpart *p = w->parts;
	struct assign *as = arena_alloc(lx->a, sizeof *as);

	assign_shape(w, &sh);
	t->as = as;
	as->name = arena_strndup(lx->a, p->u.lit.text, sh.namelen);
	as->append = sh.append;
	if (sh.subend != NULL) {
		/* subscript: from after '[' in the first part to the ']' */
		struct wpart *head = NULL, **tail = &head;
		size_t from = sh.namelen + 1;
		for (struct wpart *q = p;; q = q->next, from = 0) {
			struct wpart *c;
			if (q == sh.subend) {
				if (sh.subend_off > from) {
					*tail = lit_slice(lx, q, from, sh.subend_off);
					tail = &(*tail)->next;
				}
				break;
			}
			if (q->kind == WP_LIT) {
				if (from >= q->u.lit.len)
					continue;
				c = lit_slice(lx, q, from, q->u.lit.len);
			} else {
				c = part_new(lx, q->kind);
				c->u = q->u;
			}
			*tail = c;
			tail = &c->next;
		}
		as->subscript = word_new(lx, head);
		if (as->subscript->parts == NULL)
			as->subscript->parts = lit_slice(lx, p, 0, 0);
	}
	struct wpart *e = sh.eqpart;
	size_t vstart = sh.eq_off + 1;
	if (vstart >= e->u.lit.len) {
		w->parts = e->next;
	} else {
		struct wpart *c = lit_slice(lx, e, vstart, e->u.lit.len);
		c->next = e->next;
		w->parts = c;
	}
	as->value = w;
}

/* At '(' right after `name=` or `name+=`: reads the words of a compound
 * array assignment up to ')' into one WP_ARRAY part (bash, ksh). Newlines
 * and comments may stand between the words. Returns 0 or -1. */
static int
compound_array(struct lexer *lx, struct wpart **out)
{
	struct word *head = NULL, **tail = &head;
	int c, line = lx->lineno;

	nextc(lx);	/* ( */
	lx->inword++;
	for (;;) {
		while ((c = peekc(lx)) == ' ' || c == '\t' || c == '\n')
			nextc(lx);
		if (c == '#') {
			while ((c = peekc(lx)) >= 0 && c != '\n')
				nextc(lx);
			continue;
		}
		if (c < 0) {
			lx->inword--;
			eof_error_at(lx, line, "unexpected end of file: missing ')'", ')');
			return -1;
		}
		if (c == ')') {
			nextc(lx);
			break;
		}
		if (is_meta(c)) {
			lx->inword--;
			lex_error(lx, "unexpected '%c' in an array assignment", c);
			return -1;
		}
		struct wb wb;
		wb_init(&wb);
		int r = scan(lx, &wb, W_UNQ, 0);
		struct word *w = word_new(lx, wb_done(lx, &wb));
		if (r < 0) {
			lx->inword--;
			return -1;
		}
		*tail = w;
		tail = &w->next;
	}
	lx->inword--;
	struct wpart *p = part_new(lx, WP_ARRAY);
	p->u.array.elems = head;
	*out = p;
	return 0;
}

/* name[ with blanks before its ']' where a command starts: bash reads on
 * to the matching ']', so a[i + 1]=x and m[a b]=1 are assignments (and
 * a[5 + 3] alone one command word). Appends the blanks and the following
 * words to `w`; 0 when the ']' came (or no blank follows), -1 after a
 * diagnostic. */
static int
subscript_blanks(struct lexer *lx, struct word *w)
{
	struct wpart **tail = &w->parts;
	int c;

	while (unclosed_subscript(w) && ((c = peekc(lx)) == ' ' || c == '\t')) {
		struct strbuf b = STRBUF_INIT;
		while ((c = peekc(lx)) == ' ' || c == '\t')
			sb_addc(&b, (char)nextc(lx));
		while (*tail != NULL)
			tail = &(*tail)->next;
		struct wpart *bl = part_new(lx, WP_LIT);
		bl->u.lit.text = arena_strndup(lx->a, b.s, b.len);
		bl->u.lit.len = b.len;
		*tail = bl;
		tail = &bl->next;
		sb_free(&b);
		if (peekc(lx) < 0 || is_meta(peekc(lx)))
			break;
		struct wb wb;
		wb_init(&wb);
		lx->inword++;
		int r = scan(lx, &wb, W_UNQ, 0);
		lx->inword--;
		*tail = wb_done(lx, &wb);
		if (r < 0)
			return -1;
	}
	return 0;
}

/* The command names whose name=(...) arguments are assignments. */
static int
is_decl_name(const char *s)
{
	if (s == NULL)
		return 0;
	switch (s[0]) {
	case 'd': return strcmp(s, "declare") == 0;
	case 't': return strcmp(s, "typeset") == 0;
	case 'l': return strcmp(s, "local") == 0;
	case 'r': return strcmp(s, "readonly") == 0;
	case 'e': return strcmp(s, "export") == 0;
	}
	return 0;
}

/* bash's other commands whose name=(...) arguments the grammar takes as
 * one word: alias, eval and let get it as text, `name=(e1 e2)` with the
 * elements joined by single spaces, expanded like any argument. */
static int
is_text_decl_name(const char *s)
{
	return s != NULL && (strcmp(s, "let") == 0 || strcmp(s, "eval") == 0 ||
	    strcmp(s, "alias") == 0);
}

static struct wpart *
lit_new(struct lexer *lx, const char *text)
{
	struct wpart *p = part_new(lx, WP_LIT);
	p->u.lit.len = strlen(text);
	p->u.lit.text = arena_strndup(lx->a, text, p->u.lit.len);
	return p;
}

/* `let x=( 1 + 2 )*3`: the word `x=` gains `(1 + 2)` as text, then the
 * rest of the word after the `)`. Returns 0 or -1. */
static int
text_array(struct lexer *lx, struct wpart *last)
{
	struct wpart *arr, **tail = &last->next;

	if (compound_array(lx, &arr) < 0)
		return -1;
	*tail = lit_new(lx, "(");
	tail = &(*tail)->next;
	for (struct word *e = arr->u.array.elems; e != NULL; e = e->next) {
		if (e != arr->u.array.elems) {
			*tail = lit_new(lx, " ");
			tail = &(*tail)->next;
		}
		for (struct wpart *q = e->parts; q != NULL; q = q->next) {
			*tail = q;
			tail = &q->next;
		}
	}
	*tail = lit_new(lx, ")");
	tail = &(*tail)->next;
	int c = peekc(lx);
	if (c >= 0 && !is_meta(c) && c != ' ' && c != '\t' && c != '\n') {
		struct wb wb;
		wb_init(&wb);
		lx->inword++;
		int r = scan(lx, &wb, W_UNQ, 0);
		lx->inword--;
		*tail = wb_done(lx, &wb);
		if (r < 0)
			return -1;
	}
	return 0;
}

/* State after a reserved word. */
static void
after_reserved(struct lexer *lx, int tok)
{
	struct lex_ctx *c = &lx->ctx;
	switch (tok) {
	case TK_IF: case TK_WHILE: case TK_UNTIL: case TK_LBRACE:
		c->depth++;
		c->state = LS_CMD;
		break;
	case TK_CASE:
		c->depth++;
		c->state = LS_CASE_SUBJ;
		break;
	case TK_FOR:
	case TK_SELECT:
		c->depth++;
		c->state = LS_FOR_NAME;
		/* an earlier `for (( ))` whose `;` went straight to LS_CMD
		 * must not leave its flag for this one's `in` */
		c->after_arith = 0;
		break;
	case TK_FUNCTION:
		c->state = LS_FUNC_NAME;
		break;
	case TK_TIME:
		c->state = LS_TIME;
		break;
	case TK_COPROC:
		c->state = LS_COPROC;
		break;
	case TK_FI: case TK_DONE: case TK_ESAC: case TK_RBRACE:
		c->depth--;
		c->state = LS_END;
		break;
	default:
		c->state = LS_CMD;
		break;
	}
	if (c->depth > LEX_MAX_NEST)
		lex_error(lx, "nesting too deep");
}

/* The length of NAME in "{NAME}" or "{NAME[subscript]}" that is all of
 * `s`, or 0. */
static size_t
io_var_len(const char *s)
{
	size_t n = var_name_len(s + 1);

	if (n > 0 && s[1 + n] == '[') {
		const char *close = strchr(s + 2 + n, ']');
		if (close == NULL || close == s + 2 + n)
			return 0;
		n = (size_t)(close - s);	/* up to and with the ']' */
	}
	return n > 0 && s[1 + n] == '}' && s[2 + n] == '\0' ? n : 0;
}

/* `s` is lex_plain_text(w), `rw` reserved(s) (0 if s is NULL). */
static int
word_token(struct lexer *lx, struct ptok *t, size_t start, struct word *w, const char *s, int rw)
{
	struct lex_ctx *c = &lx->ctx;
	int tok;

	t->w = w;
	if (c->heredoc_next) {
		struct heredoc *h = arena_alloc(lx->a, sizeof *h);
		h->delim = heredoc_delim(lx, lx->buf.s + start, lx->pos - start, &h->quoted);
		h->strip_tabs = c->heredoc_strip;
		*lx->pending_tail = h;
		lx->pending_tail = &h->next_pending;
		t->hd = h;
		c->heredoc_next = 0;
	}
	switch (c->state) {
	case LS_REDIR:
		c->state = c->saved;
		return TK_WORD;
	case LS_CASE_SUBJ:
		c->state = LS_CASE_IN;
		return TK_WORD;
	case LS_CASE_IN:
		if (rw == TK_IN) {
			c->state = LS_PAT_START;
			return TK_IN;
		}
		return TK_WORD;
	case LS_PAT_START:
		if (rw == TK_ESAC) {
			after_reserved(lx, TK_ESAC);
			return TK_ESAC;
		}
		c->state = LS_PAT_NEXT;
		return TK_WORD;
	case LS_PAT:
		c->state = LS_PAT_NEXT;
		return TK_WORD;
	case LS_PAT_NEXT:
		return TK_WORD;
	case LS_FOR_NAME:
		c->state = LS_FOR_IN;
		return TK_WORD;
	case LS_FOR_IN: {
		int after_arith = c->after_arith;
		c->after_arith = 0;
		if (rw == TK_IN && !after_arith) {
			c->state = LS_FOR_WORDS;
			return TK_IN;
		}
		if (rw == TK_DO) {
			c->state = LS_CMD;
			return TK_DO;
		}
		if (rw == TK_LBRACE && after_arith) {
			/* for (( ... )) { list; } (bash) */
			after_reserved(lx, TK_LBRACE);
			return TK_LBRACE;
		}
		return TK_WORD;
	}
	case LS_FOR_WORDS:
		return TK_WORD;
	case LS_FUNC_NAME:
		/* `function f ( )` like `f ( )`; a newline may come before
		 * the body */
		c->state = LS_CMD;
		c->after_cmdname = 1;
		c->incomplete = 1;
		return TK_WORD;
	case LS_TIME:
		c->state = LS_CMD;
		if (s && strcmp(s, "-p") == 0)
			return TK_TIMEP;
		break;
	case LS_COPROC_NAME:
		if (rw != 0 && compound_opener(rw)) {
			after_reserved(lx, rw);
			return rw;
		}
		if (s && strcmp(s, "[[") == 0) {
			t->node = parse_cond(lx, t->line);
			c->state = LS_END;
			return t->node ? TK_COND : 0;
		}
		c->state = LS_ARGS;
		break;
	case LS_CMD:
	case LS_END:
	case LS_PREFIX:
	case LS_ARGS:
	case LS_COPROC:
		break;
	}
	if (s && s[0] == '{' && lx->sh != NULL && !lx->sh->opt.posix &&
	    io_var_len(s) > 0 && (peekc(lx) == '<' || peekc(lx) == '>')) {
		/* {name}>file: the shell picks a fd >= 10 and stores it in
		 * name (bash, ksh93); also {a[i]}>file, {COPROC[1]}>&- */
		t->name = arena_strndup(lx->a, s + 1, io_var_len(s));
		if (c->state == LS_CMD || c->state == LS_COPROC)
			c->state = LS_PREFIX;
		return TK_IO_VAR;
	}
	if (s && all_digits(s)) {
		int d = peekc(lx);
		if (d == '<' || d == '>') {
			t->io = (int)strtol(s, NULL, 10);
			if (strlen(s) > 9)
				t->io = -3;	/* out of range: the redirection fails */
			if (c->state == LS_CMD || c->state == LS_COPROC)
				c->state = LS_PREFIX;
			return TK_IO_NUMBER;
		}
	}
	bool cmdpos = c->state == LS_CMD || c->state == LS_END || c->state == LS_COPROC;
	if (s && cmdpos && strcmp(s, "[[") == 0) {
		t->node = parse_cond(lx, t->line);
		c->state = LS_END;
		return t->node ? TK_COND : 0;
	}
	if (rw && cmdpos && (tok = reserved_cmd(lx, rw))) {
		after_reserved(lx, tok);
		return tok;
	}
	if (c->state == LS_CMD || c->state == LS_PREFIX || c->state == LS_COPROC) {
		int ma = may_assign(w);
		if (ma && unclosed_subscript(w) && lx->sh != NULL && !lx->sh->opt.posix) {
			if (subscript_blanks(lx, w) < 0)
				return 0;
			set_toktext(lx, start);
		}
		if (ma && is_assignment(w)) {
			split_assignment(lx, t, w);
			if (t->as->value->parts == NULL && peekc(lx) == '(') {
				struct wpart *arr;
				if (compound_array(lx, &arr) < 0)
					return 0;
				t->as->value->parts = arr;
				set_toktext(lx, start);
			}
			c->state = LS_PREFIX;
			return TK_ASSIGN;
		}
		if (ma && unclosed_subscript(w) && lx->sh != NULL && !lx->sh->opt.posix) {
			/* bash: a[1=x is a syntax error, not a command name */
			lex_error(lx, "unexpected end of word: missing ']'");
			return 0;
		}
		c->decl = is_decl_name(s) ? 1 :
		    is_text_decl_name(s) && lx->sh != NULL && !lx->sh->opt.posix ? 2 : 0;
	} else if (c->state == LS_ARGS && c->decl == 2 && peekc(lx) == '(') {
		struct ashape ash;
		struct wpart *last = w->parts;
		while (last && last->next)
			last = last->next;
		if (assign_shape(w, &ash) && last == ash.eqpart &&
		    ash.eq_off + 1 == last->u.lit.len) {
			if (text_array(lx, last) < 0)
				return 0;
			set_toktext(lx, start);
		}
	} else if (c->state == LS_ARGS && c->decl && peekc(lx) == '(') {
		/* declare a=(...): the word keeps `a=` and gains the list */
		struct ashape ash;
		struct wpart *last = w->parts;
		while (last && last->next)
			last = last->next;
		if (assign_shape(w, &ash) && last == ash.eqpart &&
		    ash.eq_off + 1 == last->u.lit.len) {
			struct wpart *arr;
			if (compound_array(lx, &arr) < 0)
				return 0;
			last->next = arr;
			set_toktext(lx, start);
		}
	}
	c->after_cmdname = c->state == LS_CMD;
	c->state = c->state == LS_COPROC ? LS_COPROC_NAME : LS_ARGS;
	return TK_WORD;
}

/* `((` where a command (or the `for` name) may start: arithmetic if the
 * text ends in `))` (bash), else `(` `(` as nested subshells. Returns
 * TK_ARITH with t->w, 0 to read `(` instead, -1 after a diagnostic. */
static int
arith_command(struct lexer *lx, struct ptok *t)
{
	struct lex_ctx *c = &lx->ctx;
	size_t pos = lx->pos;
	int line = lx->lineno, r;
	struct wb e;

	nextc(lx);
	if (peekc(lx) != '(') {
		lx->pos = pos;
		lx->lineno = line;
		return 0;
	}
	nextc(lx);
	lx->inword++;
	wb_init(&e);
	r = scan(lx, &e, W_ARITH, 0);
	struct wpart *parts = wb_done(lx, &e);
	lx->inword--;
	if (r < 0)
		return -1;
	if (r == 1) {
		lx->pos = pos;
		lx->lineno = line;
		return 0;
	}
	set_toktext(lx, pos);
	t->w = word_new(lx, parts);
	if (c->state == LS_FOR_NAME)
		c->after_arith = 1;
	c->state = c->state == LS_FOR_NAME ? LS_FOR_IN : LS_END;
	return TK_ARITH;
}

/* Inside [[ ]]: see lex.h. */
enum cond_tok
lex_cond_token(struct lexer *lx, int regex, struct ptok *t)
{
	int ch;

	memset(t, 0, sizeof *t);
	if (lx->error)
		return CT_ERR;
	while ((ch = peekc(lx)) == ' ' || ch == '\t')
		nextc(lx);
	if (ch == '#') {
		while ((ch = rpeek(lx)) >= 0 && ch != '\n')
			rnext(lx);
	}
	size_t start = lx->pos;
	t->line = lx->tokline = lx->lineno;
	if (ch < 0) {
		set_tokname(lx, "end of file");
		return CT_EOF;
	}
	if (ch == '\n') {
		nextc(lx);
		set_tokname(lx, "newline");
		return CT_NEWLINE;
	}
	int ch2 = lx->pos + 1 < lx->buf.len ? (unsigned char)lx->buf.s[lx->pos + 1] : -1;
	if ((ch == '&' && ch2 == '&') || (ch == '|' && ch2 == '|')) {
		nextc(lx);
		nextc(lx);
		set_toktext(lx, start);
		return ch == '&' ? CT_AND : CT_OR;
	}
	if (regex != 1 && (ch == '(' || ch == ')')) {
		nextc(lx);
		set_toktext(lx, start);
		return ch == '(' ? CT_LPAREN : CT_RPAREN;
	}
	if ((ch == '<' || ch == '>') && !at_procsub(lx)) {
		/* an operator; <(list) and >(list) start a word (bash) */
		struct wb wb;
		wb_init(&wb);
		wb_char(lx, &wb, nextc(lx), 0);
		t->w = word_new(lx, wb_done(lx, &wb));
		set_toktext(lx, start);
		return CT_WORD;
	}
	if (ch == ')' || ch == ';' || ch == '&' || (ch == '|' && regex != 1)) {
		nextc(lx);
		set_toktext(lx, start);
		return CT_ERR;
	}
	struct wb wb;
	wb_init(&wb);
	lx->inword++;
	lx->cond_words = regex == 1 ? 2 : regex == 3 ? 3 : 1;
	int r = scan(lx, &wb, W_UNQ, 0);
	lx->cond_words = 0;
	lx->inword--;
	t->w = word_new(lx, wb_done(lx, &wb));
	set_toktext(lx, start);
	if (r < 0)
		return CT_ERR;
	return CT_WORD;
}

/* A byte that can continue an operator. */
static inline int
op_byte(char c)
{
	return c == '<' || c == '>' || c == '&' || c == '|' || c == ';' || c == '-';
}

/* Most words are one run of plain bytes that ends, in the buffer, at a
 * blank, a newline or an operator that cannot continue the word: such a
 * word is made in one allocation (word, its one literal part and the
 * text) without scan_to's machinery. NULL, with nothing consumed, for
 * any other word. */
static struct word *
plain_word(struct lexer *lx)
{
	size_t n = plain_run(lx, B_UNQ), end = lx->pos + n;
	const char *s = lx->buf.s + lx->pos;

	if (n == 0 || end >= lx->buf.len || lx->cond_words)
		return NULL;	/* (a $( ) inside [[ ]] lexes with cond_words) */
	switch (s[n]) {
	case ' ': case '\t': case '\n': case ';': case '&': case '|': case ')':
		break;
	case '<': case '>':
		if (s[n + 1] == '(')
			return NULL;	/* perhaps <(list) */
		break;
	case '(':
		/* an extglob pattern may open here (extglob_open) */
		if (strchr("@*+?!", s[n - 1]) != NULL)
			return NULL;
		break;
	default:
		return NULL;
	}
	/* not zeroed: the word is small, its part is not (the union) */
	struct {
		struct word w;
		struct wpart p;
	} *b = arena_alloc_raw(lx->a, sizeof *b + n + 1);
	char *text = (char *)(b + 1);
	memcpy(text, s, n);
	text[n] = '\0';
	b->p.kind = WP_LIT;
	b->p.next = NULL;
	b->p.u.lit.text = text;
	b->p.u.lit.len = n;
	b->p.u.lit.quoted = 0;
	b->w.parts = &b->p;
	b->w.next = NULL;
	lx->pos = end;
	return &b->w;
}

/* Reads the token that starts at lx->pos (blanks and comments skipped). */
int
lex_next(struct lexer *lx, struct ptok *t)
{
	struct lex_ctx *c = &lx->ctx;
	int ch;

	memset(t, 0, sizeof *t);
again:
	if (lx->error)
		return 0;
	if (lx->pos == lx->buf.len && lx->inword == 0 && lx->in) {
		sb_reset(&lx->buf);
		lx->pos = 0;
		lx->naliases = 0;
		lx->alias_blank = 0;
		lx->alias_recheck = 0;
	}
	for (;;) {
		while (lx->pos < lx->buf.len &&
		    (lx->buf.s[lx->pos] == ' ' || lx->buf.s[lx->pos] == '\t'))
			lx->pos++;
		if ((ch = peekc(lx)) != ' ' && ch != '\t')
			break;
	}
	if (ch == '#') {
		while ((ch = rpeek(lx)) >= 0 && ch != '\n')
			rnext(lx);
	}
	size_t start = lx->pos;
	t->line = lx->tokline = lx->lineno;
	lx->tokeof = 0;
	int was_incomplete = c->incomplete, funcparen = c->funcparen;
	int after_cmdname = c->after_cmdname;
	c->incomplete = 0;
	c->after_cmdname = 0;
	c->funcparen = 0;

	if (ch < 0) {
		read_heredocs(lx);
		lx->tokeof = 1;
		set_tokname(lx, "end of file");
		return c->cmdsub == 2 ? TK_SUBEND : TK_END;
	}
	if (ch == '\n') {
		nextc(lx);
		read_heredocs(lx);
		if (lx->error)
			return 0;
		set_tokname(lx, "newline");
		if (c->cmdsub == 0 && c->depth <= 0 && !was_incomplete &&
		    c->state != LS_REDIR) {
			c->state = LS_CMD;
			return TK_END;
		}
		if (c->state != LS_CASE_IN && c->state != LS_PAT_START && c->state != LS_FOR_IN)
			c->state = LS_CMD;
		c->incomplete = was_incomplete;
		return TK_NEWLINE;
	}
	/* (the body of `f()` may be `(( ))` too: LS_END with the function's
	 * `)` still open, as bash reads `f() (( x ))`) */
	if (ch == '(' && (c->state == LS_CMD || c->state == LS_FOR_NAME || c->state == LS_TIME ||
	    c->state == LS_COPROC || c->state == LS_COPROC_NAME ||
	    (c->state == LS_END && was_incomplete))) {
		int r = arith_command(lx, t);
		if (r != 0)
			return r < 0 ? 0 : r;
	}
	/* (a NUL byte is taken for an operator: "unexpected" at once) */
	if (((bclass[ch] & B_OP) || ch == 0) && !((ch == '<' || ch == '>') && at_procsub(lx))) {
		char la[4] = { 0 };
		int n = 0, len = 0, tok;
		size_t p0 = lx->pos;
		int l0 = lx->lineno;
		/* the bytes are in the buffer, without a line continuation:
		 * no need to read them one at a time */
		const char *b = lx->buf.s + p0;
		size_t left = lx->buf.len - p0;
		bool fast = true;
		la[n++] = b[0];
		if (ch != '(' && ch != ')')
			while (n < 3 && (size_t)n < left && op_byte(b[n])) {
				la[n] = b[n];
				n++;
			}
		if ((size_t)n == left || b[n] == '\\') {
			fast = false;
			/* at the end of the buffer, or a continuation: slowly */
			n = 0;
			memset(la, 0, sizeof la);
			la[n++] = (char)nextc(lx);
			if (ch != '(' && ch != ')')
				while (n < 3 && (ch = peekc(lx)) >= 0 && strchr("<>&|;-", ch))
					la[n++] = (char)nextc(lx);
			lx->pos = p0;
			lx->lineno = l0;
		}
		tok = op_match(la, &len);
		if ((tok == TK_ANDGREAT || tok == TK_ANDDGREAT || tok == TK_PIPEAMP) &&
		    lx->sh != NULL && lx->sh->opt.posix) {
			/* posix mode: `a &> f` is `a &` then `> f`, `a |& b` a
			 * syntax error, as a conforming script means them */
			tok = la[0] == '&' ? TK_AMP : TK_PIPE;
			len = 1;
		}
		if (fast)
			lx->pos += (size_t)len;
		else
			for (int i = 0; i < len; i++)
				nextc(lx);
		set_toktext(lx, start);
		switch (tok) {
		case TK_AND_IF: case TK_OR_IF:
			c->state = LS_CMD;
			c->incomplete = 1;
			break;
		case TK_PIPEAMP:
			c->state = LS_CMD;
			c->incomplete = 1;
			break;
		case TK_PIPE:
			if (c->state == LS_PAT_NEXT) {
				c->state = LS_PAT;
			} else {
				c->state = LS_CMD;
				c->incomplete = 1;
			}
			break;
		case TK_DSEMI: case TK_SEMIAND: case TK_DSEMIAND:
			c->state = LS_PAT_START;
			break;
		case TK_SEMI: case TK_AMP:
			c->state = LS_CMD;
			break;
		case TK_LPAREN:
			if (c->state == LS_PAT_START) {
				c->state = LS_PAT;
				break;
			}
			if (++c->depth > LEX_MAX_NEST) {
				lex_error(lx, "nesting too deep");
				return 0;
			}
			c->funcparen = after_cmdname;
			c->state = LS_CMD;
			break;
		case TK_RPAREN:
			if (c->state == LS_PAT_NEXT) {
				c->state = LS_CMD;
				break;
			}
			if (c->depth == 0 && c->cmdsub == 1) {
				c->ended = 1;
				return TK_SUBEND;
			}
			c->depth--;
			c->state = LS_END;
			c->incomplete = funcparen;
			break;
		case TK_DLESS: case TK_DLESSDASH:
			c->heredoc_next = 1;
			c->heredoc_strip = tok == TK_DLESSDASH;
			/* fallthrough */
		case TK_LESS: case TK_GREAT: case TK_DGREAT: case TK_LESSAND:
		case TK_GREATAND: case TK_LESSGREAT: case TK_CLOBBER:
		case TK_TLESS: case TK_ANDGREAT: case TK_ANDDGREAT:
			if (c->state != LS_REDIR)
				c->saved = c->state == LS_CMD || c->state == LS_COPROC ? LS_PREFIX :
				    c->state == LS_COPROC_NAME ? LS_ARGS : c->state;
			c->state = LS_REDIR;
			break;
		default:
			lex_error(lx, "unexpected '%c'", la[0]);
			return 0;
		}
		return tok;
	}

	/* a word */
	struct word *w = plain_word(lx);
	if (w == NULL) {
		struct wb wb;
		wb_init(&wb);
		lx->inword++;
		int r = scan(lx, &wb, W_UNQ, 0);
		lx->inword--;
		w = word_new(lx, wb_done(lx, &wb));
		if (r < 0)
			return 0;
	}
	set_toktext(lx, start);

	/* XCU 2.3.1: a word in command position is alias-substituted; so is
	 * the word after an alias whose text ends in a blank, in any position
	 * (a redirection's target and a here-document delimiter too), and so
	 * is the first word of the text
	 * that replaced such a word (dash, yash, mksh). A word that is a
	 * reserved word where it stands, or an IO_NUMBER, never is. */
	int check_alias = c->state == LS_CMD || c->state == LS_PREFIX || c->state == LS_TIME ||
	    c->state == LS_COPROC;
	int by_blank = 0;
	if (lx->alias_recheck) {
		lx->alias_recheck = 0;
		if (start >= lx->alias_recheck_at)
			by_blank = 1;
	}
	if (lx->alias_blank && start >= lx->alias_blank_end) {
		lx->alias_blank = 0;
		lx->alias_recheck = 0;
		by_blank = 1;
	}
	if (by_blank)
		check_alias = 1;
	const char *s = lex_plain_text(w);
	int rw = s != NULL ? reserved(s) : 0;
	if (check_alias && s && lx->sh && alias_any() && (!c->heredoc_next || by_blank) && !reserved_here(lx, rw) &&
	    !strchr(s, '=') && !(all_digits(s) &&
				  (peekc(lx) == '<' || peekc(lx) == '>'))) {
		const char *text = alias_get(lx->sh, s);
		if (text && !alias_active(lx, s, start)) {
			alias_splice(lx, s, text, start);
			if (by_blank && c->state != LS_CMD && c->state != LS_PREFIX) {
				lx->alias_recheck = 1;
				lx->alias_recheck_at = start;
			}
			c->after_cmdname = after_cmdname;
			/* as if the word had not been read: `a | a` NEWLINE
			 * with `alias a=` still continues the pipeline */
			c->incomplete = was_incomplete;
			c->funcparen = funcparen;
			goto again;
		}
	}
	return word_token(lx, t, start, w, s, rw);
}
