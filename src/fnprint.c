/* fnprint.c: a function body in bash's canonical layout, for `declare -f`
 * and `type` (bash's print_cmd.c, multi-line mode): one command a line,
 * four spaces a level, `do` and `then` placed as bash places them, a here-
 * document's body after the line (or the connector: `&&`, `|`) that holds
 * its operator. The state below mirrors print_cmd.c's: bash users diff and
 * grep this output, so its quirks are kept (an `if` after `else` is nested
 * rather than an `elif`; `for x; do` reads `for x in "$@";`). Words are
 * printed bare (ast.c): the tree does not keep their source text. */
#include <stdbool.h>
#include <string.h>

#include "../lib/strbuf.h"
#include "ast.h"

struct fp {
	struct strbuf *out;
	int indent;		/* bash: indentation */
	int skip;		/* skip_this_indent: the next command starts inline */
	bool was_heredoc;	/* the last thing printed was a here-doc body */
	int connection;		/* printing_connection: defer here-doc bodies */
	const struct redir *deferred[32];	/* deferred_heredocs */
	int ndeferred;
	int posix;
};

static void print_cmd(struct fp *f, const struct ast_node *n);

static void
put_indent(struct fp *f, int n)
{
	for (int i = 0; i < n; i++)
		sb_addc(f->out, ' ');
}

/* bash: newline(s) */
static void
newline(struct fp *f, const char *s)
{
	sb_addc(f->out, '\n');
	put_indent(f, f->indent);
	sb_adds(f->out, s);
}

static char
last_char(const struct fp *f)
{
	return f->out->len ? f->out->s[f->out->len - 1] : '\0';
}

/* bash: semicolon(), none after `&` or a newline */
static void
semicolon(struct fp *f)
{
	char c = last_char(f);

	if (f->out->len > 0 && (c == '&' || c == '\n'))
		return;
	sb_addc(f->out, ';');
}

static void
print_bodies(struct fp *f, const struct redir *const *hs, int n)
{
	sb_addc(f->out, '\n');
	for (int i = 0; i < n; i++) {
		ast_print_heredoc_body(f->out, hs[i]->here);
		sb_adds(f->out, hs[i]->here->delim);
		sb_addc(f->out, '\n');
	}
	f->was_heredoc = true;
}

/* bash: print_deferred_heredocs(s): the connector, then the bodies held
 * back while its left side was printed. */
static void
flush_heredocs(struct fp *f, const char *s)
{
	bool show = s[0] != '\0' && (s[0] != ';' || s[1] != '\0');

	if (show)
		sb_adds(f->out, s);
	if (f->ndeferred > 0) {
		print_bodies(f, f->deferred, f->ndeferred);
		if (show)
			sb_addc(f->out, ' ');
	}
	f->ndeferred = 0;
}

static bool
is_number(const struct word *w, bool dash_ok)
{
	const struct wpart *p = w->parts;
	size_t n;

	if (p == NULL || p->next != NULL || p->kind != WP_LIT || p->u.lit.len == 0)
		return false;
	n = p->u.lit.len;
	if (dash_ok && p->u.lit.text[n - 1] == '-')
		n--;
	if (n == 0)
		return dash_ok;	/* "-" alone */
	for (size_t i = 0; i < n; i++)
		if (p->u.lit.text[i] < '0' || p->u.lit.text[i] > '9')
			return false;
	return true;
}

/* One redirection as bash's print_redirection writes it: `> f`, `2>&1`,
 * `1>&2` for `>&2`, `0>&-` for `<&-`, `{v}> f`. */
static void
print_redir(struct fp *f, const struct redir *r)
{
	struct strbuf *out = f->out;
	int dfl = r->kind == REDIR_IN || r->kind == REDIR_RDWR || r->kind == REDIR_DUPIN ||
	    r->kind == REDIR_HEREDOC || r->kind == REDIR_HERESTR ? 0 : 1;
	int fd = r->fd >= 0 ? r->fd : dfl;
	bool show = fd != dfl;	/* the fd is written when not the default */
	const char *op = "";

	switch (r->kind) {
	case REDIR_IN: op = "< "; break;
	case REDIR_OUT: op = "> "; break;
	case REDIR_CLOBBER: op = ">| "; break;
	case REDIR_APPEND: op = ">> "; break;
	case REDIR_RDWR: op = "<> "; show = fd != 1; break;	/* bash: 0<> f, <> f for 1<> */
	case REDIR_DUPIN:
	case REDIR_DUPOUT:
		if (is_number(r->target, true) && r->target->parts->u.lit.len == 1 &&
		    r->target->parts->u.lit.text[0] == '-') {
			op = ">&";	/* bash: r_close_this is "N>&-" either way */
			show = true;
		} else {
			op = r->kind == REDIR_DUPIN ? "<&" : ">&";
			show = r->kind == REDIR_DUPIN || fd != 1 || is_number(r->target, true);
		}
		break;
	case REDIR_HEREDOC:
		op = r->here->strip_tabs ? "<<-" : "<<";
		break;
	case REDIR_OUTERR: op = "&> "; show = false; break;
	case REDIR_APPENDERR: op = "&>> "; show = false; break;
	case REDIR_HERESTR: op = "<<< "; break;
	}
	if (r->varname != NULL)
		sb_printf(out, "{%s}", r->varname);
	else if (show)
		sb_printf(out, "%d", fd);
	sb_adds(out, op);
	if (r->kind != REDIR_HEREDOC) {
		ast_print_word_bare(out, r->target);
		return;
	}
	if (!r->here->quoted) {
		sb_adds(out, r->here->delim);
		return;
	}
	sb_add_squoted(out, r->here->delim, strlen(r->here->delim));
}

/* bash: print_redirection_list; here-doc bodies wait for the connector
 * when the command is part of one. */
static void
print_redirs(struct fp *f, const struct redir *r)
{
	const struct redir *hs[32];
	int n = 0;

	f->was_heredoc = false;
	for (; r; r = r->next) {
		print_redir(f, r);
		if (r->kind == REDIR_HEREDOC && n < 32)
			hs[n++] = r;
		if (r->next)
			sb_addc(f->out, ' ');
	}
	if (n == 0)
		return;
	if (f->connection > 0) {
		memcpy(f->deferred, hs, sizeof hs[0] * (size_t)n);
		f->ndeferred = n;
	} else {
		print_bodies(f, hs, n);
	}
}

static void
print_simple(struct fp *f, const struct ast_simple *s)
{
	struct strbuf *out = f->out;
	bool first = true;

	for (const struct assign *a = s->assigns; a; a = a->next) {
		if (!first)
			sb_addc(out, ' ');
		first = false;
		sb_adds(out, a->name);
		if (a->subscript) {
			sb_addc(out, '[');
			ast_print_parts_bare(out, a->subscript, 0);
			sb_addc(out, ']');
		}
		sb_adds(out, a->append ? "+=" : "=");
		if (a->value)
			ast_print_parts_bare(out, a->value, 0);
	}
	for (const struct word *w = s->words; w; w = w->next) {
		if (!first)
			sb_addc(out, ' ');
		first = false;
		ast_print_word_bare(out, w);
	}
	if (s->base.redirs) {
		if (!first)
			sb_addc(out, ' ');
		print_redirs(f, s->base.redirs);
	}
}

/* A connection (bash's cm_connection): `first` then the connector then
 * `second` (NULL after a final `&`). The callers build bash's shapes:
 * lists and && || chain to the left, pipelines to the right. */
enum conn { C_SEMI, C_AMP, C_PIPE, C_AND, C_OR };

struct side {
	void (*print)(struct fp *, const void *, size_t);
	const void *arg;
	size_t i;
};

static void
connect(struct fp *f, struct side first, enum conn c, struct side *second)
{
	f->skip++;
	f->connection++;
	first.print(f, first.arg, first.i);
	switch (c) {
	case C_AMP:
	case C_PIPE:
		flush_heredocs(f, c == C_AMP ? " &" : " |");
		if (c == C_PIPE || second != NULL) {
			sb_addc(f->out, ' ');
			f->skip++;
		}
		break;
	case C_AND:
	case C_OR:
		flush_heredocs(f, c == C_AND ? " && " : " || ");
		if (second != NULL)
			f->skip++;
		break;
	case C_SEMI:
		/* inside a function: one command a line */
		if (f->ndeferred == 0) {
			if (!f->was_heredoc)
				sb_addc(f->out, ';');
			else
				f->was_heredoc = false;
		} else {
			flush_heredocs(f, "");
		}
		sb_addc(f->out, '\n');
		break;
	}
	if (second != NULL)
		second->print(f, second->arg, second->i);
	if (f->ndeferred > 0)
		flush_heredocs(f, "");
	f->connection--;
}

static void
side_cmd(struct fp *f, const void *n, size_t i)
{
	print_cmd(f, n);
}

/* items[0..m] of a list, chained to the left as bash's parser does */
static void
side_list(struct fp *f, const void *arg, size_t m)
{
	const struct ast_list *l = arg;

	if (m == 0) {
		print_cmd(f, l->items[0].cmd);
		return;
	}
	if (f->skip)
		f->skip--;
	else
		put_indent(f, f->indent);
	struct side a = { side_list, l, m - 1 }, b = { side_cmd, l->items[m].cmd, 0 };
	connect(f, a, l->items[m - 1].async ? C_AMP : C_SEMI, &b);
}

/* cmds[i..n-1] of a pipeline, chained to the right */
static void
side_pipe(struct fp *f, const void *arg, size_t i)
{
	const struct ast_pipeline *p = arg;

	if (i == p->n - 1) {
		print_cmd(f, p->cmds[i]);
		return;
	}
	if (i > 0) {
		if (f->skip)
			f->skip--;
		else
			put_indent(f, f->indent);
	}
	struct side a = { side_cmd, p->cmds[i], 0 }, b = { side_pipe, p, i + 1 };
	connect(f, a, C_PIPE, &b);
}

static void
print_words(struct fp *f, const struct word *w, const char *sep)
{
	for (; w; w = w->next) {
		ast_print_word_bare(f->out, w);
		if (w->next)
			sb_adds(f->out, sep);
	}
}

/* the body of a do ... done, after the loop's head */
static void
do_group(struct fp *f, const struct ast_node *body)
{
	newline(f, "do\n");
	f->indent += 4;
	print_cmd(f, body);
	if (f->ndeferred > 0)
		flush_heredocs(f, "");
	semicolon(f);
	f->indent -= 4;
	newline(f, "done");
}

/* an arithmetic for's clause: leading blanks dropped, 1 when empty (bash) */
static void
arith_clause(struct fp *f, const struct word *w)
{
	struct strbuf t = STRBUF_INIT;
	size_t i = 0;

	if (w != NULL)
		ast_print_parts_bare(&t, w, 1);
	while (i < t.len && (t.s[i] == ' ' || t.s[i] == '\t' || t.s[i] == '\n'))
		i++;
	if (i < t.len)
		sb_addn(f->out, t.s + i, t.len - i);
	else
		sb_addc(f->out, '1');
	sb_free(&t);
}

static void print_funcdef(struct fp *f, const struct ast_funcdef *d);

/* bash: make_command_string_internal */
static void
print_cmd(struct fp *f, const struct ast_node *n)
{
	struct strbuf *out = f->out;

	if (n == NULL)
		return;
	if (f->skip)
		f->skip--;
	else
		put_indent(f, f->indent);
	switch (n->kind) {
	case AST_SIMPLE:
		print_simple(f, (const void *)n);
		return;	/* its redirections are its own */
	case AST_PIPELINE: {
		const struct ast_pipeline *p = (const void *)n;
		if (p->timed)
			sb_adds(out, p->timed == 2 ? "time -p " : "time ");
		if (p->bang)
			sb_adds(out, "! ");
		if (p->n == 0 || p->cmds[0] == NULL)
			break;	/* `time` alone */
		if (p->n == 1)
			f->skip++;	/* the flags belong to the command */
		side_pipe(f, p, 0);
		break;
	}
	case AST_AND:
	case AST_OR: {
		const struct ast_andor *a = (const void *)n;
		struct side l = { side_cmd, a->left, 0 }, r = { side_cmd, a->right, 0 };
		connect(f, l, n->kind == AST_AND ? C_AND : C_OR, &r);
		break;
	}
	case AST_LIST: {
		const struct ast_list *l = (const void *)n;
		struct side all = { side_list, l, l->n - 1 };
		if (!l->items[l->n - 1].async) {
			f->skip++;
			side_list(f, l, l->n - 1);
			break;
		}
		connect(f, all, C_AMP, NULL);	/* a final `&` */
		break;
	}
	case AST_SUBSHELL:
		sb_adds(out, "( ");
		f->skip++;
		print_cmd(f, ((const struct ast_group *)n)->body);
		if (f->ndeferred > 0)
			flush_heredocs(f, "");
		sb_adds(out, " )");
		break;
	case AST_GROUP:
		sb_adds(out, "{ \n");
		f->indent += 4;
		print_cmd(f, ((const struct ast_group *)n)->body);
		if (f->ndeferred > 0)
			flush_heredocs(f, "");
		sb_addc(out, '\n');
		f->indent -= 4;
		put_indent(f, f->indent);
		sb_addc(out, '}');
		break;
	case AST_IF: {
		const struct ast_if *c = (const void *)n;
		sb_adds(out, "if ");
		f->skip++;
		print_cmd(f, c->cond);
		semicolon(f);
		sb_adds(out, " then\n");
		f->indent += 4;
		print_cmd(f, c->then_part);
		if (f->ndeferred > 0)
			flush_heredocs(f, "");
		f->indent -= 4;
		if (c->else_part) {
			semicolon(f);
			newline(f, "else\n");
			f->indent += 4;
			print_cmd(f, c->else_part);
			if (f->ndeferred > 0)
				flush_heredocs(f, "");
			f->indent -= 4;
		}
		semicolon(f);
		newline(f, "fi");
		break;
	}
	case AST_WHILE:
	case AST_UNTIL: {
		const struct ast_loop *l = (const void *)n;
		sb_adds(out, n->kind == AST_WHILE ? "while " : "until ");
		f->skip++;
		print_cmd(f, l->cond);
		if (f->ndeferred > 0)
			flush_heredocs(f, "");
		semicolon(f);
		sb_adds(out, " do\n");
		f->indent += 4;
		print_cmd(f, l->body);
		if (f->ndeferred > 0)
			flush_heredocs(f, "");
		f->indent -= 4;
		semicolon(f);
		newline(f, "done");
		break;
	}
	case AST_FOR:
	case AST_SELECT: {
		const struct ast_for *l = (const void *)n;
		sb_printf(out, "%s %s in ", n->kind == AST_FOR ? "for" : "select", l->name);
		if (l->has_in)
			print_words(f, l->words, " ");
		else
			sb_adds(out, "\"$@\"");
		sb_addc(out, ';');
		do_group(f, l->body);
		break;
	}
	case AST_ARITH_FOR: {
		const struct ast_arith_for *l = (const void *)n;
		sb_adds(out, "for ((");
		arith_clause(f, l->init);
		sb_adds(out, "; ");
		arith_clause(f, l->cond);
		sb_adds(out, "; ");
		arith_clause(f, l->step);
		sb_adds(out, "))");
		do_group(f, l->body);
		break;
	}
	case AST_CASE: {
		const struct ast_case *c = (const void *)n;
		sb_adds(out, "case ");
		ast_print_word_bare(out, c->subject);
		sb_adds(out, " in ");
		f->indent += 4;
		for (const struct case_item *it = c->items; it; it = it->next) {
			newline(f, "");
			print_words(f, it->patterns, " | ");
			sb_adds(out, ")\n");
			f->indent += 4;
			print_cmd(f, it->body);
			f->indent -= 4;
			if (f->ndeferred > 0)
				flush_heredocs(f, "");
			newline(f, it->term == CASE_FALL ? ";&" : it->term == CASE_TEST ? ";;&" : ";;");
		}
		f->indent -= 4;
		newline(f, "esac");
		break;
	}
	case AST_COPROC: {
		/* a simple command's NAME is left out, so that the text
		 * reads back (bash prints `coproc COPROC cmd`) */
		const struct ast_coproc *c = (const void *)n;
		if (c->body->kind == AST_SIMPLE)
			sb_adds(out, "coproc ");
		else
			sb_printf(out, "coproc %s ", c->name);
		f->skip++;
		print_cmd(f, c->body);
		break;
	}
	case AST_FUNCDEF:
		print_funcdef(f, (const void *)n);
		return;
	case AST_COND:
		ast_print_cond_bash(out, n);
		break;
	case AST_ARITH:
		sb_adds(out, "((");
		ast_print_parts_bare(out, ((const struct ast_arith *)n)->expr, 1);
		sb_adds(out, "))");
		break;
	}
	if (n->redirs != NULL) {
		sb_addc(out, ' ');
		print_redirs(f, n->redirs);
	}
}

/* A body: a group's list without its braces (the caller prints them and
 * the group's redirections after the closing one). */
static void
print_fn_body(struct fp *f, const struct ast_node *body)
{
	print_cmd(f, body->kind == AST_GROUP ? ((const struct ast_group *)body)->body : body);
	if (f->ndeferred > 0)
		flush_heredocs(f, "");
}

/* bash: print_function_def, a definition inside a function */
static void
print_funcdef(struct fp *f, const struct ast_funcdef *d)
{
	const struct ast_node *body = d->body;

	sb_printf(f->out, f->posix ? "%s () \n" : "function %s () \n", d->name);
	put_indent(f, f->indent);
	sb_adds(f->out, "{ \n");
	f->indent += 4;
	print_fn_body(f, body);
	f->indent -= 4;
	if (body->kind == AST_GROUP && body->redirs != NULL) {
		newline(f, "} ");
		print_redirs(f, body->redirs);
	} else {
		newline(f, "}");
	}
}

static bool
reserved(const char *s)
{
	static const char *const words[] = {
		"!", "[[", "]]", "case", "coproc", "do", "done", "elif", "else",
		"esac", "fi", "for", "function", "if", "in", "select", "then",
		"time", "until", "while", "{", "}",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	return false;
}

/* bash: named_function_string(name, body, FUNC_MULTILINE) */
void
fnprint(struct strbuf *out, const char *name, const struct ast_node *body, int posix)
{
	struct fp f = { .out = out, .indent = 4, .posix = posix };

	sb_printf(out, "%s%s () \n{ \n", reserved(name) ? "function " : "", name);
	print_fn_body(&f, body);
	sb_adds(out, "\n}");
	if (body->kind == AST_GROUP && body->redirs != NULL) {
		sb_addc(out, ' ');
		print_redirs(&f, body->redirs);
	}
}
