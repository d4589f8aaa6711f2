/* parse.c: the parser driver (parse.h) and the tree builders called by the
 * grammar actions of grammar/parser.y.
 *
 * parse_next() feeds lemon one token at a time; the lexer turns the newline
 * that completes a complete_command (XCU 2.10) into END, so a command is
 * returned without reading the line after it. Command substitutions run a
 * nested lemon parser over the same lexer (parse_subst). */
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "input.h"
#include "lex.h"
#include "parse.h"
#include "parser.h"
#include "shell.h"
#include "cond.h"

void *parse_lemonAlloc(void *(*malloc_fn)(size_t));
void parse_lemonFree(void *p, void (*free_fn)(void *));
void parse_lemon(void *p, int major, struct ptok minor, struct pstate *ps);

struct parser {
	struct shell *sh;
	struct input *in;
	struct lexer lx;
};

/* State shared by one run of the grammar (top level or one $( )). */
struct pstate {
	struct lexer *lx;
	struct arena *a;
	struct ast_node *result;
	int done;		/* the start symbol was reduced */
	int failed;		/* a diagnostic was printed */
	int redir_line;		/* line of the last redirection */
};

struct parser *
parser_new(struct shell *sh, struct input *in)
{
	struct parser *p = calloc(1, sizeof *p);
	if (!p)
		abort();
	p->sh = sh;
	p->in = in;
	lex_init(&p->lx, sh, in, in ? in->name : NULL);
	return p;
}

void
parser_free(struct parser *p)
{
	if (!p)
		return;
	lex_fini(&p->lx);
	free(p);
}

bool
parse_string_with(struct shell *sh, const char *src,
    void (*fn)(struct shell *sh, struct ast_node *cmd, void *ctx), void *ctx)
{
	struct input in;
	struct arena a;
	struct ast_node *n = NULL;
	struct parser *p;
	bool ok;

	arena_init(&a);
	input_from_string(&in, sh, src, NULL);
	p = parser_new(sh, &in);
	ok = parse_next(p, &a, &n) == PARSE_OK;
	if (ok)
		fn(sh, n, ctx);
	parser_free(p);
	input_close(&in);
	arena_free(&a);
	return ok;
}

int
parse_lineno(const struct parser *p)
{
	return p->lx.lineno;
}

/* lemon parsers that accepted their input, back in their initial state:
 * a fresh one per command cost a malloc, a stack realloc and two frees. A
 * parser that failed is freed instead (its stack is not known). Nested
 * parsers ($( )) take the next ones. */
enum { LEMON_POOL = 4 };
static void *lemon_pool[LEMON_POOL];
static int nlemon_pool;

/* Feeds tokens to a fresh lemon parser until `last` has been shifted (then
 * end of input is fed so that the start symbol is reduced). */
static int
run(struct lexer *lx, struct pstate *ps, int first, int last)
{
	void *lp = nlemon_pool > 0 ? lemon_pool[--nlemon_pool] : parse_lemonAlloc(malloc);
	struct ptok t;
	int tok;

	if (!lp)
		abort();
	memset(&t, 0, sizeof t);
	if (first)
		parse_lemon(lp, first, t, ps);
	for (;;) {
		tok = lex_next(lx, &t);
		if (tok == 0 || lx->error) {
			ps->failed = 1;
			break;
		}
		parse_lemon(lp, tok, t, ps);
		if (ps->failed || lx->error)
			break;
		if (tok == last) {
			parse_lemon(lp, 0, t, ps);
			break;
		}
	}
	if (lx->error)
		ps->failed = 1;
	if (ps->failed || !ps->done || nlemon_pool == LEMON_POOL)
		parse_lemonFree(lp, free);
	else
		lemon_pool[nlemon_pool++] = lp;
	return ps->failed || !ps->done ? -1 : 0;
}

enum parse_status
parse_next(struct parser *p, struct arena *a, struct ast_node **out)
{
	struct lexer *lx = &p->lx;
	struct pstate ps = { .lx = lx, .a = a };

	*out = NULL;
	lx->a = a;
	lx->error = 0;
	lx->nest = 0;
	lx->inword = 0;
	if (lx->pos == lx->buf.len) {
		lx->eof = 0;
		lx->cont = 0;
	}
	memset(&lx->ctx, 0, sizeof lx->ctx);
	lx->ctx.state = LS_CMD;
	if (run(lx, &ps, 0, TK_END) < 0) {
		lex_discard(lx);
		return PARSE_ERROR;
	}
	if (p->sh)
		p->sh->lineno = lx->tokline;
	*out = ps.result;
	if (!ps.result && lx->tokeof)
		return PARSE_EOF;
	return PARSE_OK;
}

int
parse_subst(struct lexer *lx, struct ast_node **body)
{
	struct pstate ps = { .lx = lx, .a = lx->a };

	if (run(lx, &ps, TK_SUBST, TK_SUBEND) < 0)
		return -1;
	*body = ps.result;
	return 0;
}

void
parse_set_result(struct pstate *ps, struct ast_node *n)
{
	ps->result = n;
	ps->done = 1;
}

/* %syntax_error and %parse_failure: one message per parse. */
void
parse_syntax_error(struct pstate *ps, int major)
{
	struct lexer *lx = ps->lx;

	if (ps->failed || lx->error) {
		ps->failed = 1;
		return;
	}
	ps->failed = 1;
	if (lx->tokeof || (major == TK_SUBEND && lx->ctx.cmdsub == 2)) {
		/* bash reads a string as if it ended in a newline */
		const struct input *in = lx->in;
		int line = lx->tokline + (in != NULL && in->kind == INPUT_STRING &&
		    in->len > 0 && in->str[in->len - 1] != '\n');
		diag_syntax_words(lx->sh, lx->name, lx->sh->opt.posix ? lx->tokline : line,
		    "unexpected end of file", lx->ctx.cmdsub == 1 ?
		    "unexpected EOF while looking for matching `)'" :
		    "syntax error: unexpected end of file", NULL);
	} else {
		const char *tok = lex_toktext(lx);
		struct strbuf posix = STRBUF_INIT, bash = STRBUF_INIT;

		sb_printf(&posix, "unexpected '%s'", tok);
		sb_printf(&bash, "syntax error near unexpected token `%s'", tok);
		diag_syntax_words(lx->sh, lx->name, lx->tokline, posix.s, bash.s, lex_line_text(lx));
		sb_free(&posix);
		sb_free(&bash);
	}
	lx->error = 1;
}

/* ---- lists ---- */

/* A list's items: the first one inline, so that the many lists of one
 * command (every compound_list, most terms) allocate no array; the array
 * is made when a second item comes. */
struct lbuild {
	struct ast_list_item *items;
	size_t n, cap;
	struct ast_list_item first;
};

static void
lb_push(struct pstate *ps, struct lbuild *l, struct ast_node *n)
{
	if (l->n == l->cap) {
		size_t cap = 2 * l->cap + 2;
		struct ast_list_item *it = arena_alloc(ps->a, cap * sizeof *it);
		memcpy(it, l->items, l->n * sizeof *it);
		l->items = it;
		l->cap = cap;
	}
	l->items[l->n].cmd = n;
	l->items[l->n].async = 0;
	l->n++;
}

struct lbuild *
parse_list_new(struct pstate *ps, struct ast_node *first)
{
	struct lbuild *l = arena_alloc_raw(ps->a, sizeof *l);
	l->first.cmd = first;
	l->first.async = 0;
	l->items = &l->first;
	l->n = l->cap = 1;
	return l;
}

/* `async`: the separator before `n` was `&` (it applies to the item before). */
struct lbuild *
parse_list_add(struct pstate *ps, struct lbuild *l, int async, struct ast_node *n)
{
	l->items[l->n - 1].async = async;
	lb_push(ps, l, n);
	return l;
}

/* A list of one synchronous item is the item itself (ast.h). */
struct ast_node *
parse_list_end(struct pstate *ps, struct lbuild *l, int async)
{
	l->items[l->n - 1].async = async;
	if (l->n == 1 && !async)
		return l->items[0].cmd;
	struct ast_list *n = ast_new(ps->a, AST_LIST, sizeof *n, l->items[0].cmd->lineno);
	n->n = l->n;
	n->items = l->items;	/* &l->first for one item: lbuild is in the arena too */
	return &n->base;
}

/* ---- pipelines and and_or ---- */

struct pbuild {
	struct ast_node **cmds;
	size_t n, cap;
};

struct pbuild *
parse_pipe_new(struct pstate *ps, struct ast_node *first)
{
	struct pbuild *b = arena_alloc(ps->a, sizeof *b);
	return parse_pipe_add(ps, b, first);
}

struct pbuild *
parse_pipe_add(struct pstate *ps, struct pbuild *b, struct ast_node *n)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 4;
		struct ast_node **c = arena_alloc(ps->a, cap * sizeof *c);
		if (b->n)
			memcpy(c, b->cmds, b->n * sizeof *c);
		b->cmds = c;
		b->cap = cap;
	}
	b->cmds[b->n++] = n;
	return b;
}

struct pbuild *
parse_pipe_stderr(struct pstate *ps, struct pbuild *b)
{
	struct ast_node *n = b->cmds[b->n - 1];
	struct redir *r = arena_alloc(ps->a, sizeof *r), **tail;
	struct word *w = arena_alloc(ps->a, sizeof *w);
	struct wpart *part = arena_alloc(ps->a, sizeof *part);

	part->kind = WP_LIT;
	part->u.lit.text = "1";
	part->u.lit.len = 1;
	w->parts = part;
	r->fd = 2;
	r->kind = REDIR_DUPOUT;
	r->target = w;
	for (tail = &n->redirs; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = r;
	return b;
}

/* A pipeline node only for `!` or two commands or more (ast.h). */
struct ast_node *
parse_pipe_end(struct pstate *ps, struct pbuild *b, int bang, int line)
{
	if (b->n == 1 && !bang)
		return b->cmds[0];
	struct ast_pipeline *p = ast_new(ps->a, AST_PIPELINE, sizeof *p,
					 bang ? line : b->cmds[0]->lineno);
	p->bang = bang;
	p->n = b->n;
	p->cmds = b->cmds;
	return &p->base;
}

struct ast_node *
parse_andor(struct pstate *ps, enum ast_kind k, struct ast_node *l, struct ast_node *r)
{
	struct ast_andor *n = ast_new(ps->a, k, sizeof *n, l->lineno);
	n->left = l;
	n->right = r;
	return &n->base;
}

/* ---- simple commands ---- */

struct sbuild {
	struct ast_simple *n;
	struct assign **atail;
	struct word **wtail;
	struct redir **rtail;
};

struct sbuild *
parse_simple_new(struct pstate *ps, int line)
{
	struct sbuild *b = arena_alloc(ps->a, sizeof *b);
	b->n = ast_new(ps->a, AST_SIMPLE, sizeof *b->n, line);
	b->atail = &b->n->assigns;
	b->wtail = &b->n->words;
	b->rtail = &b->n->base.redirs;
	return b;
}

struct sbuild *
parse_simple_assign(struct pstate *ps, struct sbuild *b, struct ptok *t)
{
	struct assign *as = t->as;
	*b->atail = as;
	b->atail = &as->next;
	return b;
}

struct sbuild *
parse_simple_word(struct pstate *ps, struct sbuild *b, struct ptok *t)
{
	*b->wtail = t->w;
	b->wtail = &t->w->next;
	return b;
}

struct sbuild *
parse_simple_redir(struct pstate *ps, struct sbuild *b, struct redir *r)
{
	if (b->n->base.lineno == 0)
		b->n->base.lineno = ps->redir_line;
	*b->rtail = r;
	b->rtail = &r->next;
	return b;
}

struct ast_node *
parse_simple_end(struct pstate *ps, struct sbuild *b)
{
	return &b->n->base;
}

/* ---- redirections ---- */

struct redir *
parse_redir(struct pstate *ps, int fd, enum redir_kind k, struct ptok *t)
{
	struct redir *r = arena_alloc(ps->a, sizeof *r);
	r->fd = fd;
	r->kind = k;
	ps->redir_line = t->line;
	if (k == REDIR_HEREDOC) {
		r->here = t->hd;
		if (!r->here) {	/* cannot happen: the lexer makes one */
			r->here = arena_alloc(ps->a, sizeof *r->here);
			r->here->delim = "";
		}
	} else {
		r->target = t->w;
	}
	return r;
}

struct redir *
parse_redir_cat(struct redir *l, struct redir *r)
{
	struct redir *p = l;
	while (p->next)
		p = p->next;
	p->next = r;
	return l;
}

/* Redirections after a compound command (or a function body). */
struct ast_node *
parse_redirect(struct ast_node *n, struct redir *r)
{
	n->redirs = r;
	return n;
}

/* ---- compound commands ---- */

struct ast_node *
parse_group(struct pstate *ps, enum ast_kind k, struct ast_node *body, int line)
{
	struct ast_group *g = ast_new(ps->a, k, sizeof *g, line);
	g->body = body;
	return &g->base;
}

struct ast_node *
parse_if(struct pstate *ps, struct ast_node *c, struct ast_node *t, struct ast_node *e, int line)
{
	struct ast_if *n = ast_new(ps->a, AST_IF, sizeof *n, line);
	n->cond = c;
	n->then_part = t;
	n->else_part = e;
	return &n->base;
}

struct ast_node *
parse_loop(struct pstate *ps, enum ast_kind k, struct ast_node *c, struct ast_node *b, int line)
{
	struct ast_loop *n = ast_new(ps->a, k, sizeof *n, line);
	n->cond = c;
	n->body = b;
	return &n->base;
}

static struct word *
words_reverse(struct word *w)
{
	struct word *r = NULL;
	while (w) {
		struct word *next = w->next;
		w->next = r;
		r = w;
		w = next;
	}
	return r;
}

struct word *
parse_word_push(struct word *l, struct word *r)
{
	r->next = l;
	return r;
}

/* The text of a word that is a valid XCU 3.216 name, or NULL. */
static const char *
word_name(const struct word *w)
{
	const struct wpart *p = w ? w->parts : NULL;
	if (!p || p->next || p->kind != WP_LIT || p->u.lit.quoted)
		return NULL;
	const char *s = p->u.lit.text;
	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return NULL;
	for (const char *q = s; *q; q++)
		if (!(*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		      (*q >= '0' && *q <= '9')))
			return NULL;
	return s;
}

/* XCU 2.10.2 rule 5: the for variable must be a name (in posix mode a
 * syntax error, else an error when the loop runs: exec_for). */
struct ast_node *
parse_for(struct pstate *ps, struct ptok *name, int has_in, struct word *words,
	  struct ast_node *body, int line)
{
	const char *s = word_name(name->w);
	/* bash outside posix mode: `for i.j in` fails when it runs */
	if (!s && !the_shell->opt.posix)
		s = lex_plain_text(name->w);
	if (!s) {
		if (!ps->failed)
			lex_error_at(ps->lx, name->line, "bad for loop variable");
		ps->failed = 1;
	}
	struct ast_for *n = ast_new(ps->a, AST_FOR, sizeof *n, line);
	n->name = (char *)(s ? s : "");
	n->has_in = has_in;
	n->words = words_reverse(words);
	n->body = body;
	return &n->base;
}

struct case_item *
parse_case_item(struct pstate *ps, struct word *pats, struct ast_node *body)
{
	struct case_item *it = arena_alloc(ps->a, sizeof *it);
	it->patterns = words_reverse(pats);
	it->body = body;
	return it;
}

struct case_item *
parse_case_push(struct case_item *l, struct case_item *r)
{
	r->next = l;
	return r;
}

struct ast_node *
parse_case(struct pstate *ps, struct word *subj, struct case_item *items, int line)
{
	struct ast_case *n = ast_new(ps->a, AST_CASE, sizeof *n, line);
	struct case_item *r = NULL;
	while (items) {
		struct case_item *next = items->next;
		items->next = r;
		r = items;
		items = next;
	}
	n->subject = subj;
	n->items = r;
	return &n->base;
}

/* bash outside posix mode takes any unquoted literal word as a function
 * name (`a-b() {...}`, `a.b`, `1a`), as long as it is not a number. */
static const char *
word_fname(const struct word *w)
{
	const struct wpart *p = w ? w->parts : NULL;
	if (the_shell->opt.posix)
		return word_name(w);
	if (!p || p->next || p->kind != WP_LIT || p->u.lit.quoted || !*p->u.lit.text)
		return NULL;
	const char *s = p->u.lit.text;
	if (strspn(s, "0123456789") == strlen(s))
		return NULL;
	return s;
}

/* XCU 2.10.2 rule 8: the function name must be a name (bash: a word). */
struct ast_node *
parse_funcdef(struct pstate *ps, struct ptok *name, struct ast_node *body)
{
	const char *s = word_fname(name->w);
	int bad = 0;
	if (!s && !the_shell->opt.posix && name->w != NULL && name->w->parts != NULL &&
	    lex_plain_text(name->w) == NULL) {
		/* $x-f() { ...; }: "not a valid identifier" when it runs */
		struct strbuf b = STRBUF_INIT;
		ast_print_word(&b, name->w);
		s = arena_strdup(ps->a, b.s);
		sb_free(&b);
		bad = 1;
	}
	if (!s) {
		if (!ps->failed)
			lex_error_at(ps->lx, name->line, "bad function name");
		ps->failed = 1;
	}
	struct ast_funcdef *n = ast_new(ps->a, AST_FUNCDEF, sizeof *n, name->line);
	n->bad_name = bad;
	n->name = (char *)(s ? s : "");
	n->body = body;
	return &n->base;
}

/* `function name [( )] body` (bash, ksh): the same definition. */
struct ast_node *
parse_funcdef_kw(struct pstate *ps, struct ptok *name, struct ast_node *body)
{
	struct ast_node *n = parse_funcdef(ps, name, body);
	((struct ast_funcdef *)n)->keyword = 1;
	return n;
}

struct case_item *
parse_case_term(struct case_item *it, int term)
{
	it->term = (enum case_term)term;
	return it;
}

/* time [-p] pipeline: a pipeline node even for one command. */
struct ast_node *
parse_pipe_time(struct pstate *ps, struct ast_node *n, int timed)
{
	if (n == NULL) {	/* a bare `time`: times nothing (bash) */
		struct ast_pipeline *p = ast_new(ps->a, AST_PIPELINE, sizeof *p, ps->lx->tokline);
		p->timed = timed;
		return &p->base;
	}
	if (n->kind != AST_PIPELINE) {
		struct pbuild *b = parse_pipe_new(ps, n);
		struct ast_pipeline *p = ast_new(ps->a, AST_PIPELINE, sizeof *p, n->lineno);
		p->n = b->n;
		p->cmds = b->cmds;
		n = &p->base;
	}
	((struct ast_pipeline *)n)->timed = timed;
	return n;
}

struct ast_node *
parse_select(struct pstate *ps, struct ast_node *for_node)
{
	for_node->kind = AST_SELECT;
	return for_node;
}

struct ast_node *
parse_coproc(struct pstate *ps, struct ptok *name, struct ast_node *body, int line)
{
	struct ast_coproc *n = ast_new(ps->a, AST_COPROC, sizeof *n, line);
	const char *s = name != NULL ? lex_plain_text(name->w) : "COPROC";

	/* a NAME that is not a name is an error when the command runs (bash) */
	n->name = (char *)(s != NULL ? s : "");
	n->body = body;
	return &n->base;
}

struct ast_node *
parse_arith(struct pstate *ps, struct ptok *t)
{
	struct ast_arith *n = ast_new(ps->a, AST_ARITH, sizeof *n, t->line);
	n->expr = t->w;
	return &n->base;
}

/* A part of the three of for (( )): NULL when it is empty or blank. */
static struct word *
arith_part(struct pstate *ps, struct wpart *head)
{
	for (struct wpart *p = head; p; p = p->next) {
		if (p->kind != WP_LIT || p->u.lit.quoted)
			goto some;
		if (p->u.lit.text[strspn(p->u.lit.text, " \t\n")] != '\0')
			goto some;
	}
	return NULL;
some:;
	struct word *w = arena_alloc(ps->a, sizeof *w);
	w->parts = head;
	return w;
}

/* for (( init; cond; step )): the word is cut at the two `;` of its
 * unquoted literal text (a `;` inside $( ) is in a part of its own). */
struct ast_node *
parse_arith_for(struct pstate *ps, struct ptok *t, struct ast_node *body, int line)
{
	struct ast_arith_for *n = ast_new(ps->a, AST_ARITH_FOR, sizeof *n, line);
	struct wpart *heads[3] = { NULL, NULL, NULL }, **tail = &heads[0];
	int k = 0;

	for (struct wpart *p = t->w->parts, *next; p; p = next) {
		next = p->next;
		p->next = NULL;
		while (p && p->kind == WP_LIT && !p->u.lit.quoted &&
		    strchr(p->u.lit.text, ';') != NULL) {
			char *semi = strchr(p->u.lit.text, ';');
			size_t before = (size_t)(semi - p->u.lit.text);
			struct wpart *rest = NULL;
			if (semi[1] != '\0') {
				rest = arena_alloc(ps->a, sizeof *rest);
				*rest = *p;
				rest->u.lit.text = semi + 1;
				rest->u.lit.len = p->u.lit.len - before - 1;
			}
			if (before > 0) {
				*semi = '\0';
				p->u.lit.len = before;
				*tail = p;
			}
			if (++k > 2) {
				lex_error_at(ps->lx, line, "'((': expected two ';' in for (( ))");
				ps->failed = 1;
				return &n->base;
			}
			tail = &heads[k];
			p = rest;
		}
		if (p) {
			*tail = p;
			tail = &p->next;
		}
	}
	if (k != 2) {
		lex_error_at(ps->lx, line, "'((': expected two ';' in for (( ))");
		ps->failed = 1;
	}
	n->init = arith_part(ps, heads[0]);
	n->cond = arith_part(ps, heads[1]);
	n->step = arith_part(ps, heads[2]);
	n->body = body;
	return &n->base;
}

/* ---- [[ expression ]] (bash, ksh) ----
 *
 * A recursive-descent parser over lex_cond_token(), with one token of
 * lookahead:
 *	or      : and ( '||' and )*
 *	and     : not ( '&&' not )*
 *	not     : '!' not | primary
 *	primary : '(' or ')' | UNARY-OP word | word BINARY-OP word | word
 * Newlines may come wherever an operand may start, and after a primary
 * other than a lone word (bash's cond_term). The operators are words
 * whose text is an operator of the table shared with `test` (cond.h); a
 * quoted operator is an operand. */

struct cparse {
	struct lexer *lx;
	struct ptok t;
	enum cond_tok tok;
	bool have;
	bool failed;
};

static enum cond_tok
cpeek(struct cparse *c, int regex)
{
	if (!c->have) {
		c->tok = lex_cond_token(c->lx, regex, &c->t);
		c->have = true;
	}
	return c->tok;
}

static void
cerror(struct cparse *c, const char *fmt, const char *arg)
{
	if (!c->failed && !c->lx->error) {
		if (c->tok == CT_EOF)
			lex_error_at(c->lx, c->t.line, "unexpected end of file in [[ ]]");
		else
			lex_error_at(c->lx, c->t.line, fmt, arg ? arg : lex_toktext(c->lx));
	}
	c->failed = true;
}

static bool
is_word(struct cparse *c, const char *s)
{
	const char *p;
	return c->tok == CT_WORD && (p = lex_plain_text(c->t.w)) != NULL && strcmp(p, s) == 0;
}

/* An operand: a word other than ]] and an unquoted < or > (bash) */
static bool
is_operand(struct cparse *c)
{
	return c->tok == CT_WORD && !is_word(c, "]]") && !is_word(c, "<") && !is_word(c, ">");
}

static struct cond_expr *
cnode(struct cparse *c, enum cond_kind k)
{
	struct cond_expr *e = arena_alloc(c->lx->a, sizeof *e);
	e->kind = k;
	return e;
}

static void
skip_newlines(struct cparse *c)
{
	while (cpeek(c, 0) == CT_NEWLINE)
		c->have = false;
}

static struct cond_expr *c_or(struct cparse *c);

static struct cond_expr *
c_primary(struct cparse *c)
{
	struct cond_expr *e;
	const char *s;
	int op;

	skip_newlines(c);
	if (c->tok == CT_LPAREN) {
		c->have = false;
		e = c_or(c);
		if (c->failed)
			return NULL;
		if (cpeek(c, 0) != CT_RPAREN) {
			cerror(c, "unexpected '%s', expected ')' in [[ ]]", NULL);
			return NULL;
		}
		c->have = false;
		skip_newlines(c);
		return e;
	}
	if (!is_operand(c)) {
		cerror(c, "unexpected '%s' in [[ ]]", NULL);
		return NULL;
	}
	s = lex_plain_text(c->t.w);
	if (s && (op = cond_op_find(s, COND_UNARY | COND_DBRACK)) >= 0) {
		e = cnode(c, CE_UNARY);
		e->op = op;
		c->have = false;
		if (cpeek(c, 0), !is_operand(c)) {
			cerror(c, "unexpected argument '%s' to conditional unary operator", NULL);
			return NULL;
		}
		e->w = c->t.w;
		c->have = false;
		skip_newlines(c);
		return e;
	}
	e = cnode(c, CE_WORD);
	e->w = c->t.w;
	c->have = false;
	switch (cpeek(c, 0)) {
	case CT_AND: case CT_OR: case CT_RPAREN:
		return e;
	case CT_WORD:
		if (is_word(c, "]]"))
			return e;
		s = lex_plain_text(c->t.w);
		if (s && (op = cond_op_find(s, COND_BINARY | COND_DBRACK)) >= 0) {
			e->kind = CE_BINARY;
			e->op = op;
			c->have = false;
			/* bash reads the right of = == != as an extglob pattern even
			 * with extglob off, and =~'s as a regex */
			if (cpeek(c, op == COP_REGEX ? 1 : op == COP_SEQ || op == COP_SNE ? 3 : 0),
			    !is_operand(c)) {
				cerror(c, "unexpected argument '%s' to conditional binary operator", NULL);
				return NULL;
			}
			e->w2 = c->t.w;
			c->have = false;
			skip_newlines(c);
			return e;
		}
		/* fallthrough */
	case CT_ERR: case CT_EOF: case CT_LPAREN: case CT_NEWLINE:
		break;
	}
	cerror(c, "unexpected '%s', conditional binary operator expected", NULL);
	return NULL;
}

static struct cond_expr *
c_not(struct cparse *c)
{
	skip_newlines(c);
	if (is_word(c, "!")) {
		c->have = false;
		struct cond_expr *e = cnode(c, CE_NOT);
		e->left = c_not(c);
		return c->failed ? NULL : e;
	}
	return c_primary(c);
}

static struct cond_expr *
c_and(struct cparse *c)
{
	struct cond_expr *l = c_not(c);

	while (!c->failed && cpeek(c, 0) == CT_AND) {
		c->have = false;
		struct cond_expr *e = cnode(c, CE_AND);
		e->left = l;
		e->right = c_not(c);
		l = e;
	}
	return c->failed ? NULL : l;
}

static struct cond_expr *
c_or(struct cparse *c)
{
	struct cond_expr *l = c_and(c);

	while (!c->failed && cpeek(c, 0) == CT_OR) {
		c->have = false;
		struct cond_expr *e = cnode(c, CE_OR);
		e->left = l;
		e->right = c_and(c);
		l = e;
	}
	return c->failed ? NULL : l;
}

struct ast_node *
parse_cond(struct lexer *lx, int line)
{
	struct cparse c = { .lx = lx };
	struct cond_expr *e = c_or(&c);

	if (!c.failed && !(cpeek(&c, 0) == CT_WORD && is_word(&c, "]]")))
		cerror(&c, "unexpected '%s', expected ']]'", NULL);
	if (c.failed || lx->error) {
		lx->error = 1;
		return NULL;
	}
	struct ast_cond *n = ast_new(lx->a, AST_COND, sizeof *n, line);
	n->e = e;
	return &n->base;
}
