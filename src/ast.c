/* ast.c: node constructor, shell-text printer and structural dump of the
 * syntax tree (ast.h). */
#include <stdbool.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/strbuf.h"
#include "ast.h"

void *
ast_new(struct arena *a, enum ast_kind kind, size_t size, int lineno)
{
	struct ast_node *n = arena_alloc(a, size);
	n->kind = kind;
	n->lineno = lineno;
	return n;
}

/* ---- ast_print: re-readable shell text ---- */

/* Here-documents met while printing a line: their bodies follow it. */
struct pctx {
	struct strbuf *out;
	bool bare;		/* $x for ${x} where that reads the same */
	bool bash;		/* [[ -n w ]] for a lone word (bash's declare -f) */
	const struct redir *here[64];
	int nhere;
};

static void print_node(struct pctx *pc, const struct ast_node *n);
static void print_parts(struct pctx *pc, const struct wpart *p, int in_dq);
static void print_cond(struct pctx *pc, const struct cond_expr *e);

static const char *
param_op_text(enum param_op op)
{
	switch (op) {
	case PARAM_PLAIN: return "";
	case PARAM_LENGTH: return "";
	case PARAM_DEFAULT: return "-";
	case PARAM_ASSIGN: return "=";
	case PARAM_ERROR: return "?";
	case PARAM_ALT: return "+";
	case PARAM_RM_SSUFFIX: return "%";
	case PARAM_RM_LSUFFIX: return "%%";
	case PARAM_RM_SPREFIX: return "#";
	case PARAM_RM_LPREFIX: return "##";
	case PARAM_SUBSTR: return ":";
	case PARAM_REPL_FIRST: return "/";
	case PARAM_REPL_ALL: return "//";
	case PARAM_REPL_PREFIX: return "/#";
	case PARAM_REPL_SUFFIX: return "/%";
	case PARAM_UPPER_FIRST: return "^";
	case PARAM_UPPER_ALL: return "^^";
	case PARAM_LOWER_FIRST: return ",";
	case PARAM_LOWER_ALL: return ",,";
	case PARAM_TOGGLE_FIRST: return "~";
	case PARAM_TOGGLE_ALL: return "~~";
	case PARAM_TRANSFORM: return "@";
	case PARAM_NAMES_STAR: return "*";
	case PARAM_NAMES_AT: return "@";
	}
	return "";
}

/* Quoted literal text: single quotes outside "...", backslashes inside. */
static void
print_qlit(struct strbuf *out, const char *s, size_t n, int in_dq)
{
	if (in_dq) {
		/* in_dq 2: a here-doc body, where \" is two characters */
		for (size_t i = 0; i < n; i++) {
			if (strchr(in_dq == 2 ? "$`\\" : "$`\"\\", s[i]))
				sb_addc(out, '\\');
			sb_addc(out, s[i]);
		}
		return;
	}
	sb_add_squoted(out, s, n);
}

/* The text of a here-document body as it would be written. */
static void
print_heredoc_text(struct pctx *pc, const struct heredoc *h)
{
	if (h->body == NULL)
		return;
	for (const struct wpart *p = h->body->parts; p; p = p->next) {
		if (p->kind == WP_LIT) {
			if (h->quoted)
				sb_addn(pc->out, p->u.lit.text, p->u.lit.len);
			else
				print_qlit(pc->out, p->u.lit.text, p->u.lit.len, 2);
		} else {
			print_parts(pc, p, 2);
			break;
		}
	}
}

/* Flushes the bodies of the here-documents printed so far. */
static void
print_heredocs(struct pctx *pc)
{
	for (int i = 0; i < pc->nhere; i++) {
		const struct heredoc *h = pc->here[i]->here;
		sb_addc(pc->out, '\n');
		print_heredoc_text(pc, h);
		if (pc->out->len && pc->out->s[pc->out->len - 1] != '\n')
			sb_addc(pc->out, '\n');
		sb_adds(pc->out, h->delim);
	}
	pc->nhere = 0;
}

void
ast_print_heredoc_body(struct strbuf *out, const struct heredoc *h)
{
	struct pctx pc = { .out = out, .bare = true };
	size_t at = out->len;

	print_heredoc_text(&pc, h);
	if (out->len > at && out->s[out->len - 1] != '\n')
		sb_addc(out, '\n');
}

/* in_dq: 0 outside quotes, 1 inside "...", 2 a here-doc body (prints the
 * rest of the list, not just one part). */
static void
print_parts(struct pctx *pc, const struct wpart *p, int in_dq)
{
	struct strbuf *out = pc->out;
	for (; p; p = p->next) {
		switch (p->kind) {
		case WP_LIT:
			if (p->u.lit.quoted)
				print_qlit(out, p->u.lit.text, p->u.lit.len, in_dq);
			else
				sb_addn(out, p->u.lit.text, p->u.lit.len);
			break;
		case WP_DQ:
			sb_addc(out, '"');
			print_parts(pc, p->u.dq, 1);
			sb_addc(out, '"');
			break;
		case WP_PARAM:
			if (pc->bare && p->u.param.op == PARAM_PLAIN && !p->u.param.indirect &&
			    !p->u.param.braced &&
			    p->u.param.subscript == NULL && p->u.param.subkind == 0 &&
			    !(p->u.param.name[1] != '\0' && isdigit((unsigned char)p->u.param.name[0])) &&
			    !(p->next != NULL && p->next->kind == WP_LIT && p->next->u.lit.len > 0 &&
			      (isalnum((unsigned char)p->next->u.lit.text[0]) ||
			       p->next->u.lit.text[0] == '_'))) {
				sb_addc(out, '$');
				sb_adds(out, p->u.param.name);
				break;
			}
			sb_adds(out, "${");
			if (p->u.param.indirect || p->u.param.op == PARAM_NAMES_STAR ||
			    p->u.param.op == PARAM_NAMES_AT || p->u.param.keys)
				sb_addc(out, '!');
			if (p->u.param.op == PARAM_LENGTH)
				sb_addc(out, '#');
			sb_adds(out, p->u.param.name);
			if (p->u.param.subscript != NULL) {
				sb_addc(out, '[');
				print_parts(pc, p->u.param.subscript->parts, 0);
				sb_addc(out, ']');
			} else if (p->u.param.subkind != 0) {
				sb_addc(out, '[');
				sb_addc(out, p->u.param.subkind);
				sb_addc(out, ']');
			}
			if (p->u.param.colon)
				sb_addc(out, ':');
			sb_adds(out, param_op_text(p->u.param.op));
			if (p->u.param.op == PARAM_TRANSFORM)
				sb_addc(out, p->u.param.transform);
			if (p->u.param.arg)
				print_parts(pc, p->u.param.arg->parts, 0);
			if (p->u.param.arg2) {
				sb_addc(out, p->u.param.op == PARAM_SUBSTR ? ':' : '/');
				print_parts(pc, p->u.param.arg2->parts, 0);
			}
			sb_addc(out, '}');
			break;
		case WP_CMDSUB: {
			struct pctx sub = { .out = out, .bare = pc->bare, .bash = pc->bash };
			if (p->u.cmdsub.procsub)
				sb_addc(out, (char)p->u.cmdsub.procsub);
			sb_adds(out, p->u.cmdsub.procsub ? "(" : "$(");
			size_t at = out->len;
			if (p->u.cmdsub.body)
				print_node(&sub, p->u.cmdsub.body);
			if (out->len > at && out->s[at] == '(') {
				/* $( (a) ) is not $((a)) */
				sb_addc(out, ' ');
				memmove(out->s + at + 1, out->s + at, out->len - at - 1);
				out->s[at] = ' ';
			}
			if (sub.nhere) {
				print_heredocs(&sub);
				sb_addc(out, '\n');
			}
			sb_addc(out, ')');
			if (pc->bare && p->u.cmdsub.backquote && !p->u.cmdsub.procsub &&
			    memchr(out->s + at, '`', out->len - at) == NULL &&
			    memchr(out->s + at, '\\', out->len - at) == NULL) {
				/* `cmd` as written, when nothing in it needs
				 * the escapes backquotes take */
				out->s[at - 2] = '`';
				memmove(out->s + at - 1, out->s + at, out->len - at - 1);
				out->len -= 1;
				out->s[out->len - 1] = '`';
				out->s[out->len] = '\0';
			}
			break;
		}
		case WP_ARITH:
			sb_adds(out, "$((");
			if (p->u.arith.expr)
				print_parts(pc, p->u.arith.expr->parts, 0);
			sb_adds(out, "))");
			break;
		case WP_ARRAY:
			sb_addc(out, '(');
			for (const struct word *e = p->u.array.elems; e; e = e->next) {
				print_parts(pc, e->parts, 0);
				if (e->next)
					sb_addc(out, ' ');
			}
			sb_addc(out, ')');
			break;
		}
	}
}

/* BASH_COMMAND: the command as written, so $x rather than ${x} (the
 * tree does not keep the braces: they are left out where the text reads
 * the same without them). */
void
ast_print_bare(struct strbuf *out, const struct ast_node *n)
{
	struct pctx pc = { .out = out, .bare = true };

	if (n == NULL)
		return;
	print_node(&pc, n);
	if (pc.nhere > 0) {
		print_heredocs(&pc);
		sb_addc(out, '\n');
	}
}

void
ast_print_cond_bash(struct strbuf *out, const struct ast_node *n)
{
	struct pctx pc = { .out = out, .bare = true, .bash = true };

	sb_adds(out, "[[ ");
	print_cond(&pc, ((const struct ast_cond *)n)->e);
	sb_adds(out, " ]]");
}

void
ast_print_parts_bare(struct strbuf *out, const struct word *w, int in_dq)
{
	struct pctx pc = { .out = out, .bare = true };

	print_parts(&pc, w->parts, in_dq);
}

void
ast_print_word_bare(struct strbuf *out, const struct word *w)
{
	struct pctx pc = { .out = out, .bare = true };

	print_parts(&pc, w->parts, 0);
}

void
ast_print_word(struct strbuf *out, const struct word *w)
{
	struct pctx pc = { .out = out };
	if (!w->parts)
		sb_adds(out, "''");
	print_parts(&pc, w->parts, 0);
}

static void
print_word(struct pctx *pc, const struct word *w)
{
	if (!w->parts)
		sb_adds(pc->out, "''");
	print_parts(pc, w->parts, 0);
}

static void
print_redirs(struct pctx *pc, const struct redir *r)
{
	static const char *ops[] = {
		[REDIR_IN] = "<", [REDIR_OUT] = ">", [REDIR_CLOBBER] = ">|",
		[REDIR_APPEND] = ">>", [REDIR_RDWR] = "<>", [REDIR_DUPIN] = "<&",
		[REDIR_DUPOUT] = ">&", [REDIR_HEREDOC] = "<<",
		[REDIR_OUTERR] = "&>", [REDIR_APPENDERR] = "&>>",
		[REDIR_HERESTR] = "<<<",
	};
	for (; r; r = r->next) {
		sb_addc(pc->out, ' ');
		if (r->varname != NULL)
			sb_printf(pc->out, "{%s}", r->varname);
		else if (r->fd >= 0)
			sb_printf(pc->out, "%d", r->fd);
		else if (pc->bare && (r->kind == REDIR_DUPIN || r->kind == REDIR_DUPOUT))
			sb_addc(pc->out, r->kind == REDIR_DUPIN ? '0' : '1');	/* bash: 1>&2 */
		sb_adds(pc->out, ops[r->kind]);
		/* bash's BASH_COMMAND: `> file`, but `2>&1` */
		if (pc->bare && r->kind != REDIR_DUPIN && r->kind != REDIR_DUPOUT &&
		    r->kind != REDIR_HEREDOC)
			sb_addc(pc->out, ' ');
		if (r->kind == REDIR_HEREDOC) {
			if (r->here->strip_tabs)
				sb_addc(pc->out, '-');
			if (r->here->quoted)
				sb_printf(pc->out, "'%s'", r->here->delim);
			else
				sb_adds(pc->out, r->here->delim);
			if (pc->nhere < 64)
				pc->here[pc->nhere++] = r;
		} else {
			print_word(pc, r->target);
		}
	}
}

/* Prints a list body followed by a terminator (for { } if while ...). */
static void
print_body(struct pctx *pc, const struct ast_node *n)
{
	if (!n)
		return;
	print_node(pc, n);
	if (n->kind == AST_LIST && ((const struct ast_list *)n)->items[((const struct ast_list *)n)->n - 1].async)
		return;
	sb_addc(pc->out, ';');
}

static const char *const cond_binop_text[] = {
	"==", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
	"-nt", "-ot", "-ef", "-a", "-o",
};

/* A [[ ]] expression; && and || inside ! or an operand of the other are
 * parenthesised. */
static void
print_cond(struct pctx *pc, const struct cond_expr *e)
{
	struct strbuf *out = pc->out;

	switch (e->kind) {
	case CE_AND:
	case CE_OR:
		for (int i = 0; i < 2; i++) {
			const struct cond_expr *k = i ? e->right : e->left;
			bool paren = (k->kind == CE_AND || k->kind == CE_OR) && k->kind != e->kind;
			if (i)
				sb_adds(out, e->kind == CE_AND ? " && " : " || ");
			if (paren)
				sb_adds(out, "( ");
			print_cond(pc, k);
			if (paren)
				sb_adds(out, " )");
		}
		break;
	case CE_NOT: {
		bool paren = e->left->kind == CE_AND || e->left->kind == CE_OR;
		sb_adds(out, paren ? "! ( " : "! ");
		print_cond(pc, e->left);
		if (paren)
			sb_adds(out, " )");
		break;
	}
	case CE_WORD:
		if (pc->bash)
			sb_adds(out, "-n ");
		print_word(pc, e->w);
		break;
	case CE_UNARY:
		sb_printf(out, "-%c ", (char)e->op);
		print_word(pc, e->w);
		break;
	case CE_BINARY:
		print_word(pc, e->w);
		sb_printf(out, " %s ", e->op >= 256 && e->op - 256 < 16 ? cond_binop_text[e->op - 256] : "?");
		print_word(pc, e->w2);
		break;
	}
}

static void
print_node(struct pctx *pc, const struct ast_node *n)
{
	struct strbuf *out = pc->out;

	switch (n->kind) {
	case AST_SIMPLE: {
		const struct ast_simple *s = (const void *)n;
		int first = 1;
		for (const struct assign *a = s->assigns; a; a = a->next) {
			if (!first)
				sb_addc(out, ' ');
			first = 0;
			sb_adds(out, a->name);
			if (a->subscript) {
				sb_addc(out, '[');
				print_parts(pc, a->subscript->parts, 0);
				sb_addc(out, ']');
			}
			sb_adds(out, a->append ? "+=" : "=");
			if (a->value)
				print_parts(pc, a->value->parts, 0);
		}
		for (const struct word *w = s->words; w; w = w->next) {
			if (!first)
				sb_addc(out, ' ');
			first = 0;
			print_word(pc, w);
		}
		if (first && n->redirs) {
			/* redirections only: drop the leading blank */
			size_t at = out->len;
			print_redirs(pc, n->redirs);
			memmove(out->s + at, out->s + at + 1, out->len - at);
			out->len--;
			return;
		}
		break;
	}
	case AST_PIPELINE: {
		const struct ast_pipeline *p = (const void *)n;
		if (p->timed)
			sb_adds(out, p->timed == 2 ? "time -p " : "time ");
		if (p->bang)
			sb_adds(out, "! ");
		for (size_t i = 0; i < p->n; i++) {
			if (i)
				sb_adds(out, " | ");
			print_node(pc, p->cmds[i]);
		}
		break;
	}
	case AST_AND:
	case AST_OR: {
		const struct ast_andor *a = (const void *)n;
		print_node(pc, a->left);
		sb_adds(out, n->kind == AST_AND ? " && " : " || ");
		print_node(pc, a->right);
		break;
	}
	case AST_LIST: {
		const struct ast_list *l = (const void *)n;
		for (size_t i = 0; i < l->n; i++) {
			if (i)
				sb_addc(out, ' ');
			print_node(pc, l->items[i].cmd);
			if (l->items[i].async)
				sb_adds(out, " &");
			else if (i + 1 < l->n)
				sb_addc(out, ';');
			if (pc->nhere && i + 1 < l->n) {
				print_heredocs(pc);
				sb_addc(out, '\n');
			}
		}
		break;
	}
	case AST_SUBSHELL:
		sb_addc(out, '(');
		if (((const struct ast_group *)n)->body->kind == AST_SUBSHELL || pc->bare)
			sb_addc(out, ' ');
		print_node(pc, ((const struct ast_group *)n)->body);
		if (pc->bare)
			sb_addc(out, ' ');	/* bash: ( exit 3 ) */
		sb_addc(out, ')');
		break;
	case AST_GROUP:
		sb_adds(out, "{ ");
		print_body(pc, ((const struct ast_group *)n)->body);
		sb_adds(out, " }");
		break;
	case AST_IF: {
		const struct ast_if *f = (const void *)n;
		sb_adds(out, "if ");
		for (;;) {
			print_body(pc, f->cond);
			sb_adds(out, " then ");
			print_body(pc, f->then_part);
			if (!f->else_part)
				break;
			if (f->else_part->kind == AST_IF && !f->else_part->redirs) {
				f = (const void *)f->else_part;
				sb_adds(out, " elif ");
				continue;
			}
			sb_adds(out, " else ");
			print_body(pc, f->else_part);
			break;
		}
		sb_adds(out, " fi");
		break;
	}
	case AST_WHILE:
	case AST_UNTIL: {
		const struct ast_loop *l = (const void *)n;
		sb_adds(out, n->kind == AST_WHILE ? "while " : "until ");
		print_body(pc, l->cond);
		sb_adds(out, " do ");
		print_body(pc, l->body);
		sb_adds(out, " done");
		break;
	}
	case AST_FOR:
	case AST_SELECT: {	/* select has for's shape */
		const struct ast_for *f = (const void *)n;
		sb_printf(out, "%s %s", n->kind == AST_FOR ? "for" : "select", f->name);
		if (f->has_in) {
			sb_adds(out, " in");
			for (const struct word *w = f->words; w; w = w->next) {
				sb_addc(out, ' ');
				print_word(pc, w);
			}
		}
		sb_adds(out, "; do ");
		print_body(pc, f->body);
		sb_adds(out, " done");
		break;
	}
	case AST_CASE: {
		const struct ast_case *c = (const void *)n;
		sb_adds(out, "case ");
		print_word(pc, c->subject);
		sb_adds(out, " in");
		for (const struct case_item *it = c->items; it; it = it->next) {
			sb_adds(out, " (");
			for (const struct word *w = it->patterns; w; w = w->next) {
				if (w != it->patterns)
					sb_addc(out, '|');
				print_word(pc, w);
			}
			sb_addc(out, ')');
			if (it->body) {
				sb_addc(out, ' ');
				print_node(pc, it->body);
			}
			sb_adds(out, it->term == CASE_FALL ? ";&" : it->term == CASE_TEST ? ";;&" : ";;");
		}
		sb_adds(out, " esac");
		break;
	}
	case AST_COPROC: {
		/* re-readable: a simple command's NAME cannot be written
		 * (bash prints `coproc COPROC cmd`, which runs `COPROC`) */
		const struct ast_coproc *c = (const void *)n;
		if (c->body->kind == AST_SIMPLE)
			sb_adds(out, "coproc ");
		else
			sb_printf(out, "coproc %s ", c->name);
		print_node(pc, c->body);
		break;
	}
	case AST_FUNCDEF: {
		const struct ast_funcdef *f = (const void *)n;
		sb_printf(out, f->keyword ? "function %s " : "%s() ", f->name);
		print_node(pc, f->body);
		return;	/* the body printed its own redirections */
	}
	case AST_COND:
		sb_adds(out, "[[ ");
		print_cond(pc, ((const struct ast_cond *)n)->e);
		sb_adds(out, " ]]");
		break;
	case AST_ARITH:
		sb_adds(out, "((");
		print_parts(pc, ((const struct ast_arith *)n)->expr->parts, 1);
		sb_adds(out, "))");
		break;
	case AST_ARITH_FOR: {
		const struct ast_arith_for *f = (const void *)n;
		sb_adds(out, "for ((");
		if (f->init)
			print_parts(pc, f->init->parts, 1);
		sb_adds(out, ";");
		if (f->cond)
			print_parts(pc, f->cond->parts, 1);
		sb_adds(out, ";");
		if (f->step)
			print_parts(pc, f->step->parts, 1);
		sb_adds(out, ")); do ");
		print_body(pc, f->body);
		sb_adds(out, " done");
		break;
	}
	}
	print_redirs(pc, n->redirs);
}

void
ast_print(struct strbuf *out, const struct ast_node *n)
{
	struct pctx pc = { .out = out };
	if (!n)
		return;
	print_node(&pc, n);
	if (pc.nhere > 0) {
		print_heredocs(&pc);
		sb_addc(out, '\n');
	}
}

/* ---- ast_dump: one node or word part per line ---- */

static void
dump_indent(struct strbuf *out, int indent)
{
	for (int i = 0; i < indent; i++)
		sb_addc(out, ' ');
}

static void
dump_text(struct strbuf *out, const char *s, size_t n)
{
	sb_addc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			sb_printf(out, "\\%c", c);
		else if (c == '\n')
			sb_adds(out, "\\n");
		else if (c == '\t')
			sb_adds(out, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sb_printf(out, "\\x%02x", c);
		else
			sb_addc(out, (char)c);
	}
	sb_addc(out, '"');
}

static const char *
param_op_name(enum param_op op)
{
	switch (op) {
	case PARAM_PLAIN: return "plain";
	case PARAM_LENGTH: return "length";
	case PARAM_DEFAULT: return "default";
	case PARAM_ASSIGN: return "assign";
	case PARAM_ERROR: return "error";
	case PARAM_ALT: return "alt";
	case PARAM_RM_SSUFFIX: return "rm-ssuffix";
	case PARAM_RM_LSUFFIX: return "rm-lsuffix";
	case PARAM_RM_SPREFIX: return "rm-sprefix";
	case PARAM_RM_LPREFIX: return "rm-lprefix";
	case PARAM_SUBSTR: return "substr";
	case PARAM_REPL_FIRST: return "repl-first";
	case PARAM_REPL_ALL: return "repl-all";
	case PARAM_REPL_PREFIX: return "repl-prefix";
	case PARAM_REPL_SUFFIX: return "repl-suffix";
	case PARAM_UPPER_FIRST: return "upper-first";
	case PARAM_UPPER_ALL: return "upper-all";
	case PARAM_LOWER_FIRST: return "lower-first";
	case PARAM_LOWER_ALL: return "lower-all";
	case PARAM_TOGGLE_FIRST: return "toggle-first";
	case PARAM_TOGGLE_ALL: return "toggle-all";
	case PARAM_TRANSFORM: return "transform";
	case PARAM_NAMES_STAR: return "names-star";
	case PARAM_NAMES_AT: return "names-at";
	}
	return "?";
}

static void dump_word(struct strbuf *out, const char *label, const struct word *w, int indent);

static void
dump_parts(struct strbuf *out, const struct wpart *p, int indent)
{
	for (; p; p = p->next) {
		dump_indent(out, indent);
		switch (p->kind) {
		case WP_LIT:
			sb_adds(out, p->u.lit.quoted ? "qlit " : "lit ");
			dump_text(out, p->u.lit.text, p->u.lit.len);
			sb_addc(out, '\n');
			break;
		case WP_DQ:
			sb_adds(out, "dq\n");
			dump_parts(out, p->u.dq, indent + 2);
			break;
		case WP_PARAM:
			sb_printf(out, "param %s %s%s%s", p->u.param.name,
				  param_op_name(p->u.param.op), p->u.param.colon ? " colon" : "",
				  p->u.param.indirect ? " indirect" : "");
			if (p->u.param.op == PARAM_TRANSFORM)
				sb_printf(out, " %c", p->u.param.transform);
			sb_addc(out, '\n');
			if (p->u.param.arg)
				dump_word(out, "arg", p->u.param.arg, indent + 2);
			if (p->u.param.arg2)
				dump_word(out, "arg2", p->u.param.arg2, indent + 2);
			break;
		case WP_CMDSUB:
			sb_adds(out, p->u.cmdsub.backquote ? "backquote\n" :
			    p->u.cmdsub.procsub == '<' ? "procsub <\n" :
			    p->u.cmdsub.procsub == '>' ? "procsub >\n" : "cmdsub\n");
			if (p->u.cmdsub.body)
				ast_dump(out, p->u.cmdsub.body, indent + 2);
			break;
		case WP_ARITH:
			sb_adds(out, "arith\n");
			if (p->u.arith.expr)
				dump_parts(out, p->u.arith.expr->parts, indent + 2);
			break;
		case WP_ARRAY:
			sb_adds(out, "array\n");
			for (const struct word *e = p->u.array.elems; e; e = e->next)
				dump_word(out, "elem", e, indent + 2);
			break;
		}
	}
}

static void
dump_word(struct strbuf *out, const char *label, const struct word *w, int indent)
{
	dump_indent(out, indent);
	sb_printf(out, "%s\n", label);
	dump_parts(out, w->parts, indent + 2);
}

static void
dump_redirs(struct strbuf *out, const struct redir *r, int indent)
{
	static const char *ops[] = {
		[REDIR_IN] = "<", [REDIR_OUT] = ">", [REDIR_CLOBBER] = ">|",
		[REDIR_APPEND] = ">>", [REDIR_RDWR] = "<>", [REDIR_DUPIN] = "<&",
		[REDIR_DUPOUT] = ">&", [REDIR_HEREDOC] = "<<",
		[REDIR_OUTERR] = "&>", [REDIR_APPENDERR] = "&>>",
		[REDIR_HERESTR] = "<<<",
	};
	for (; r; r = r->next) {
		dump_indent(out, indent);
		sb_printf(out, "redir %d %s", r->fd, ops[r->kind]);
		if (r->kind == REDIR_HEREDOC) {
			const struct heredoc *h = r->here;
			sb_printf(out, "%s delim=", h->strip_tabs ? "-" : "");
			dump_text(out, h->delim, strlen(h->delim));
			sb_adds(out, h->quoted ? " quoted\n" : "\n");
			if (h->body)
				dump_parts(out, h->body->parts, indent + 2);
		} else {
			sb_addc(out, '\n');
			dump_parts(out, r->target->parts, indent + 2);
		}
	}
}

static void
dump_child(struct strbuf *out, const char *label, const struct ast_node *n, int indent)
{
	dump_indent(out, indent);
	sb_printf(out, "%s\n", label);
	if (n)
		ast_dump(out, n, indent + 2);
}

void
ast_dump(struct strbuf *out, const struct ast_node *n, int indent)
{
	dump_indent(out, indent);
	switch (n->kind) {
	case AST_SIMPLE: {
		const struct ast_simple *s = (const void *)n;
		sb_printf(out, "simple @%d\n", n->lineno);
		for (const struct assign *a = s->assigns; a; a = a->next) {
			dump_indent(out, indent + 2);
			sb_printf(out, "assign %s%s\n", a->name, a->append ? " append" : "");
			if (a->subscript)
				dump_word(out, "subscript", a->subscript, indent + 4);
			dump_parts(out, a->value->parts, indent + 4);
		}
		for (const struct word *w = s->words; w; w = w->next)
			dump_word(out, "word", w, indent + 2);
		break;
	}
	case AST_PIPELINE: {
		const struct ast_pipeline *p = (const void *)n;
		sb_printf(out, "pipeline%s @%d\n", p->bang ? " !" : "", n->lineno);
		for (size_t i = 0; i < p->n; i++)
			ast_dump(out, p->cmds[i], indent + 2);
		break;
	}
	case AST_AND:
	case AST_OR: {
		const struct ast_andor *a = (const void *)n;
		sb_printf(out, "%s @%d\n", n->kind == AST_AND ? "and" : "or", n->lineno);
		ast_dump(out, a->left, indent + 2);
		ast_dump(out, a->right, indent + 2);
		break;
	}
	case AST_LIST: {
		const struct ast_list *l = (const void *)n;
		sb_printf(out, "list @%d\n", n->lineno);
		for (size_t i = 0; i < l->n; i++) {
			ast_dump(out, l->items[i].cmd, indent + 2);
			if (l->items[i].async) {
				dump_indent(out, indent + 2);
				sb_adds(out, "&\n");
			}
		}
		break;
	}
	case AST_SUBSHELL:
	case AST_GROUP:
		sb_printf(out, "%s @%d\n", n->kind == AST_SUBSHELL ? "subshell" : "group", n->lineno);
		ast_dump(out, ((const struct ast_group *)n)->body, indent + 2);
		break;
	case AST_IF: {
		const struct ast_if *f = (const void *)n;
		sb_printf(out, "if @%d\n", n->lineno);
		dump_child(out, "cond", f->cond, indent + 2);
		dump_child(out, "then", f->then_part, indent + 2);
		if (f->else_part)
			dump_child(out, "else", f->else_part, indent + 2);
		break;
	}
	case AST_WHILE:
	case AST_UNTIL: {
		const struct ast_loop *l = (const void *)n;
		sb_printf(out, "%s @%d\n", n->kind == AST_WHILE ? "while" : "until", n->lineno);
		dump_child(out, "cond", l->cond, indent + 2);
		dump_child(out, "body", l->body, indent + 2);
		break;
	}
	case AST_FOR: {
		const struct ast_for *f = (const void *)n;
		sb_printf(out, "for %s%s @%d\n", f->name, f->has_in ? " in" : "", n->lineno);
		for (const struct word *w = f->words; w; w = w->next)
			dump_word(out, "word", w, indent + 2);
		dump_child(out, "body", f->body, indent + 2);
		break;
	}
	case AST_CASE: {
		const struct ast_case *c = (const void *)n;
		sb_printf(out, "case @%d\n", n->lineno);
		dump_word(out, "subject", c->subject, indent + 2);
		for (const struct case_item *it = c->items; it; it = it->next) {
			dump_indent(out, indent + 2);
			sb_adds(out, "item\n");
			for (const struct word *w = it->patterns; w; w = w->next)
				dump_word(out, "pattern", w, indent + 4);
			if (it->body)
				dump_child(out, "body", it->body, indent + 4);
		}
		break;
	}
	case AST_COPROC: {
		const struct ast_coproc *c = (const void *)n;
		sb_printf(out, "coproc %s @%d\n", c->name, n->lineno);
		ast_dump(out, c->body, indent + 2);
		break;
	}
	case AST_FUNCDEF: {
		const struct ast_funcdef *f = (const void *)n;
		sb_printf(out, "funcdef %s @%d\n", f->name, n->lineno);
		ast_dump(out, f->body, indent + 2);
		break;
	}
	case AST_COND:
	case AST_ARITH:
	case AST_ARITH_FOR:
	case AST_SELECT: {
		struct pctx pc = { .out = out };
		static const char *const what[] = { "cond", "arith", "arith-for", "select" };
		sb_printf(out, "%s @%d: ", what[n->kind - AST_COND], n->lineno);
		print_node(&pc, n);
		sb_addc(out, '\n');
		return;
	}
	}
	dump_redirs(out, n->redirs, indent + 2);
}
