/* exec.c: the executor's dispatch (XCU 2.9): walks the tree of one
 * complete command, runs and-or lists (XCU 2.9.3), the compound commands
 * (XCU 2.9.4: if, while, until, for, case, brace groups) and the input
 * loop. Simple commands are in simple.c, pipelines and `&` in pipeline.c,
 * subshells in subshell.c, $(...) in cmdsub.c, functions in function.c,
 * spawn plans in plan.c.
 *
 * Control flow (break, continue, return, exit) travels as sh->flow and is
 * checked after every command; nothing here uses longjmp. */
#include <stdlib.h>
#include <string.h>

#include "../lib/xalloc.h"
#include "executor.h"
#include "input.h"
#include "job.h"
#include "parse.h"
#include "redir.h"

/* How deep eval, . and trap actions may nest (each is a parser and a few
 * frames of the executor on the C stack). */
enum { EXEC_MAX_INPUT_DEPTH = 1000 };

/* ---- LINENO (XCU 2.5.3): the line being run ---- */

/* bash: an assignment has no lasting effect (each command sets the line
 * again: `LINENO=5; echo $LINENO` on line 1 prints 1); unset makes it an
 * ordinary variable. Posix mode keeps the value assigned, as yash and
 * busybox do (dash 0.5.12 has no LINENO: an ordinary variable). */
static void
lineno_changed(struct shell *sh, const char *value)
{
	if (value != NULL && !sh->opt.posix)
		return;
	sh->lineno_auto = false;
}

static const char *
lineno_read(struct shell *sh, char *buf, size_t size)
{
	if (!sh->lineno_auto)
		return NULL;
	snprintf(buf, size, "%d", sh->lineno);
	return buf;
}

static const struct var_hook lineno_hook = { "LINENO", lineno_changed, lineno_read };

/* SPSH_SPAWNS and SPSH_FORKS: counts of the processes this shell started
 * from spawn plans and with fork() (sh->n_spawn, sh->n_fork), so a user
 * can see what a construct cost. A forked subshell inherits the counts
 * and goes on from there. They are read hooks only, not stored variables:
 * an assignment cannot change what they read, and `set` does not list
 * them (a listing with read-only variables could not be read back). */
static const char *
spawns_read(struct shell *sh, char *buf, size_t size)
{
	snprintf(buf, size, "%lu", sh->n_spawn);
	return buf;
}

static const char *
forks_read(struct shell *sh, char *buf, size_t size)
{
	snprintf(buf, size, "%lu", sh->n_fork);
	return buf;
}

static const struct var_hook spawns_hook = { "SPSH_SPAWNS", NULL, spawns_read };
static const struct var_hook forks_hook = { "SPSH_FORKS", NULL, forks_read };

void
exec_init(struct shell *sh)
{
	var_hook_add(sh, &lineno_hook);
	var_hook_add(sh, &spawns_hook);
	var_hook_add(sh, &forks_hook);
}

/* ---- small helpers ---- */

/* An interactive shell running a -c string (sh -i -c '...') has no
 * next line to go back to: the error ends it, with dash's status 2. */
static bool
is_fatal_context(struct shell *sh)
{
	return !sh->opt.interactive || sh->subshell ||
	    (sh->input != NULL && sh->input->kind == INPUT_STRING);
}

/* XCU 2.8.1: errors that exit a non-interactive shell. */
void
exec_fatal_error(struct shell *sh, int status)
{
	sh->status = status;
	if (is_fatal_context(sh) && !sh->in_command_builtin)
		shell_exit(sh, status);
}

/* XCU 2.8.1: an error in a special builtin, or in its redirections, exits
 * a non-interactive shell in posix mode (dash, bash --posix); outside it
 * the shell goes on with the error as the command's status (bash). */
void
exec_special_error(struct shell *sh, int status)
{
	sh->status = status;
	if (sh->opt.posix)
		exec_fatal_error(sh, status);
}

void
exec_abort(struct shell *sh, int status)
{
	sh->status = status;
	if (sh->flow == FLOW_EXIT)
		return;
	sh->flow = FLOW_ABORT;
	sh->discard_line = false;
	sh->exit_status = status;
}

/* XCU 2.8.1: an expansion error (`${x?}`, `set -u`, bad arithmetic) exits
 * a non-interactive shell; an interactive one does not go on with the
 * command line (bash, dash). A line already abandoned keeps its status
 * (a Ctrl-C that ended a $(...)).
 * Outside posix mode only `${x?}` and `set -u` exit (bash): the others
 * abandon the command line with status 1, and the shell reads on; eval,
 * `.` and a trap action end just their own command (bash's DISCARD). A
 * subshell exits with status 1. A script that `${x?}` or `set -u` ends
 * exits with status 1 outside posix mode (bash 5.2 for a script or
 * stdin; a -c string, its eval, `.` files and functions included, exits
 * with 127 as bash's does, but 1 under set -e), 2 in posix mode (dash). */
void
exec_expand_error(struct shell *sh)
{
	bool discard = !sh->opt.posix && sh->expand_err != 3;
	int status = discard ? 1 : sh->expand_err >= 2 ? 2 : 1;

	if (!sh->opt.posix && sh->expand_err == 3)
		/* bash (dash: 2); 1 under set -e, even where it is ignored */
		status = sh->opt.cmd_string && !sh->subshell && !sh->opt.errexit ? 127 : 1;

	if (sh->flow == FLOW_ABORT)
		return;
	if (discard && !sh->subshell && !sh->in_command_builtin) {
		/* set -e: bash exits, but not for bad arithmetic */
		if (sh->opt.errexit && sh->errexit_suppressed == 0 && sh->expand_err != 4)
			shell_exit(sh, status);
		exec_abort(sh, status);
		sh->discard_line = true;
		return;
	}
	exec_fatal_error(sh, status);
	if (!is_fatal_context(sh) && !sh->in_command_builtin)
		exec_abort(sh, status);
}

/* XCU 2.8.1: a variable assignment error (a read-only name) exits a
 * non-interactive shell whatever the command, `command` included, with
 * status 2 as dash and yash; an interactive one abandons the line (bash,
 * dash). Outside posix mode, bash's way: status 1 and the rest of the
 * line abandoned, as after an expansion error (a subshell exits 1). */
void
exec_assign_error(struct shell *sh)
{
	if (!sh->opt.posix) {
		sh->expand_err = 1;
		exec_expand_error(sh);
		return;
	}
	sh->status = 2;
	if (is_fatal_context(sh))
		shell_exit(sh, 2);
	exec_abort(sh, 2);	/* interactive */
}

/* set -e, and bash's ERR trap, which runs where set -e would exit (before
 * it does) whether or not set -e is on. */
void
exec_errexit_failed(struct shell *sh)
{
	if (sh->errexit_suppressed != sh->errexit_bang || sh->flow != FLOW_NONE)
		return;
	if (sh->traps[TRAP_ERR] != NULL)
		trap_run_err(sh);
	if (sh->opt.errexit && sh->errexit_suppressed == 0 && sh->flow == FLOW_NONE)
		shell_exit(sh, sh->status);
}

/* ---- compound commands ---- */

static int
exec_cond(struct shell *sh, struct ast_node *n)
{
	int st;

	sh->errexit_suppressed++;
	st = exec_node(sh, n);
	sh->errexit_suppressed--;
	return st;
}

bool
exec_loop_flow(struct shell *sh)
{
	if (sh->flow == FLOW_BREAK) {
		if (--sh->flow_count == 0)
			sh->flow = FLOW_NONE;
		return true;
	}
	if (sh->flow == FLOW_CONTINUE) {
		if (--sh->flow_count == 0) {
			sh->flow = FLOW_NONE;
			return false;
		}
		return true;
	}
	return sh->flow != FLOW_NONE;
}

static int
exec_loop(struct shell *sh, struct ast_loop *l, bool until)
{
	int st = 0;

	sh->loop_depth++;
	for (;;) {
		/* background children that exited are reaped while only
		 * builtins run (a loop polling `kill -0 $!`, `jobs`) */
		if (sh->jobs != NULL)
			job_reap(sh);
		int c = exec_cond(sh, l->cond);
		if (sh->flow != FLOW_NONE) {
			if (exec_loop_flow(sh))
				break;
			continue;
		}
		if ((c == 0) == until)
			break;
		st = exec_node(sh, l->body);
		if (exec_loop_flow(sh))
			break;
	}
	sh->loop_depth--;
	sh->status = st;
	return st;
}

static int
exec_for(struct shell *sh, struct ast_for *f)
{
	char **items;
	int n, i, st = 0;
	struct arena_mark m;

	sh->lineno = f->base.lineno;
	if (!var_is_name(f->name)) {
		/* outside posix mode (parse_for): a failed command (bash) */
		diag_error(sh, "`%s': not a valid identifier", f->name);
		sh->status = 1;
		return 1;
	}
	if (f->has_in) {
		m = arena_mark(&sh->eval);
		n = expand_words(sh, f->words, &items);
		if (n < 0) {
			arena_release(&sh->eval, m);
			exec_expand_error(sh);
			return sh->status;
		}
		/* copy out of the eval arena: the body releases it */
		char **copy = malloc((size_t)(n + 1) * sizeof *copy);
		for (i = 0; i < n; i++)
			copy[i] = strdup(items[i]);
		arena_release(&sh->eval, m);
		items = copy;
	} else {
		n = sh->argc;
		items = malloc((size_t)(n + 1) * sizeof *items);
		for (i = 0; i < n; i++)
			items[i] = strdup(sh->argv[i]);
	}
	sh->loop_depth++;
	for (i = 0; i < n; i++) {
		if (TRAP_DEBUG_SET(sh)) {
			sh->lineno = f->base.lineno;
			trap_run_debug(sh, &f->base, NULL);
			if (sh->flow != FLOW_NONE)
				break;
		}
		/* a nameref control variable names each item in turn (bash) */
		struct var *ref = var_lookup_raw(sh, f->name);
		if ((ref != NULL && ref->flags & VAR_NAMEREF ? var_set_ref(sh, ref, items[i]) :
		    var_set(sh, f->name, items[i], 0)) != 0) {
			st = 1;	/* bash: the loop does not run */
			if (sh->opt.posix) {
				st = 2;
				exec_assign_error(sh);
			}
			break;
		}
		st = exec_node(sh, f->body);
		if (exec_loop_flow(sh))
			break;
	}
	sh->loop_depth--;
	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
	sh->status = st;
	return st;
}

/* Pattern flags of case: extglob and nocasematch (bash). */
static unsigned
case_flags(struct shell *sh)
{
	return (sh->shopt.extglob ? PAT_EXTGLOB : 0) | (sh->shopt.nocasematch ? PAT_NOCASE : 0);
}

static int
exec_case(struct shell *sh, struct ast_case *c, bool tail)
{
	struct arena_mark m = arena_mark(&sh->eval);
	struct case_item *it;
	struct word *pw;
	char *subject;
	int st = 0;

	sh->lineno = c->base.lineno;
	if (TRAP_DEBUG_SET(sh))
		trap_run_debug(sh, &c->base, NULL);
	subject = expand_word_str(sh, c->subject);
	if (subject == NULL) {
		arena_release(&sh->eval, m);
		exec_expand_error(sh);
		return sh->status;
	}
	subject = strdup(subject);
	for (it = c->items; it != NULL; it = it->next) {
		for (pw = it->patterns; pw != NULL; pw = pw->next) {
			struct word one = *pw;
			one.next = NULL;
			char *pat = expand_word_pattern(sh, &one);
			if (pat == NULL) {
				free(subject);
				arena_release(&sh->eval, m);
				exec_expand_error(sh);
				return sh->status;
			}
			if (pattern_match_flags(pat, subject, case_flags(sh)))
				goto matched;
		}
		continue;
matched:
		/* bash: ;& runs the next body without a test, ;;& goes on
		 * testing the items after this one */
		for (;;) {
			sh->tail = tail && it->term == CASE_BREAK;
			if (it->body != NULL)
				st = exec_node(sh, it->body);
			sh->tail = false;
			if (it->term != CASE_FALL || it->next == NULL || sh->flow != FLOW_NONE)
				break;
			it = it->next;
		}
		if (it->term != CASE_TEST || sh->flow != FLOW_NONE)
			break;
	}
	free(subject);
	arena_release(&sh->eval, m);
	sh->status = st;
	return st;
}

/* and_or (XCU 2.9.3): `a && b || c` is OR(AND(a,b),c), so a long chain is
 * a deep left spine. It is walked with an array instead of recursion (a
 * script of 100,000 links must not overflow the stack): the leftmost
 * command runs first, then each right operand whose condition holds, all
 * but the last under errexit suppression as when recursing. */
static int
exec_andor(struct shell *sh, struct ast_node *n, bool tail)
{
	struct ast_node *small[32], **spine = small, *m;
	size_t depth = 0, cap = 32, i;
	int st;

	for (m = n; m->kind == AST_AND || m->kind == AST_OR; m = ((struct ast_andor *)m)->left) {
		if (depth == cap) {
			struct ast_node **big = malloc(2 * cap * sizeof *big);
			if (big == NULL)
				abort();
			memcpy(big, spine, depth * sizeof *big);
			if (spine != small)
				free(spine);
			spine = big;
			cap *= 2;
		}
		spine[depth++] = m;
	}
	st = exec_cond(sh, m);
	for (i = depth; i-- > 0 && sh->flow == FLOW_NONE;) {
		struct ast_andor *a = (struct ast_andor *)spine[i];
		if ((st == 0) == (a->base.kind == AST_AND)) {
			if (i == 0) {
				sh->tail = tail;
				st = exec_node(sh, a->right);
			} else {
				st = exec_cond(sh, a->right);
			}
		}
		sh->status = st;
		if (i > 0 && sh->pending_signals)
			trap_run_pending(sh);
	}
	if (spine != small)
		free(spine);
	return st;
}

static int
exec_list_item(struct shell *sh, struct ast_node *n, bool async)
{
	if (async) {
		sh->tail = false;
		return pipeline_async(sh, n);
	}
	return exec_node(sh, n);
}

/* `tail`: this is the last command of a forked subshell (see sh->tail);
 * it passes to the last command of lists, groups and branches. */
static int
exec_compound(struct shell *sh, struct ast_node *n, bool tail)
{
	int st = 0;

	switch (n->kind) {
	case AST_SIMPLE:
		return simple_run(sh, (struct ast_simple *)n, tail);
	case AST_PIPELINE:
		if (((struct ast_pipeline *)n)->timed)
			return select_time_run(sh, (struct ast_pipeline *)n);
		return pipeline_run(sh, (struct ast_pipeline *)n, RUN_FG);
	case AST_AND:
	case AST_OR:
		return exec_andor(sh, n, tail);
	case AST_LIST: {
		struct ast_list *l = (struct ast_list *)n;
		size_t i;
		for (i = 0; i < l->n; i++) {
			sh->tail = tail && i + 1 == l->n;
			st = exec_list_item(sh, l->items[i].cmd, l->items[i].async);
			if (sh->flow != FLOW_NONE)
				break;
		}
		return sh->status;
	}
	case AST_SUBSHELL:
		if (!sh->in_trap && !sh->xtrap_running)
			callstack_set_command(sh, n);	/* BASH_COMMAND */
		return subshell_run(sh, (struct ast_group *)n, tail);
	case AST_GROUP:
		sh->tail = tail;
		return exec_node(sh, ((struct ast_group *)n)->body);
	case AST_IF: {
		struct ast_if *i = (struct ast_if *)n;
		int c = exec_cond(sh, i->cond);
		if (sh->flow != FLOW_NONE)
			return c;
		sh->tail = tail;
		if (c == 0)
			st = exec_node(sh, i->then_part);
		else if (i->else_part != NULL)
			st = exec_node(sh, i->else_part);
		else
			st = 0;
		sh->tail = false;
		sh->status = st;
		return st;
	}
	case AST_WHILE:
		return exec_loop(sh, (struct ast_loop *)n, false);
	case AST_UNTIL:
		return exec_loop(sh, (struct ast_loop *)n, true);
	case AST_FOR:
		return exec_for(sh, (struct ast_for *)n);
	case AST_CASE:
		return exec_case(sh, (struct ast_case *)n, tail);
	case AST_FUNCDEF: {
		struct ast_funcdef *f = (struct ast_funcdef *)n;
		if (f->bad_name) {	/* parse_funcdef */
			sh->lineno = n->lineno;
			diag_error(sh, "`%s': not a valid identifier", f->name);
			return sh->status = 1;
		}
		if (exec_define_function(sh, f->name, f->body) != 0)
			return sh->status = 1;
		sh->status = 0;
		return 0;
	}
	case AST_COND:
	case AST_ARITH:
		/* BASH_COMMAND and the DEBUG trap, as for a simple command */
		if (TRAP_DEBUG_SET(sh)) {
			sh->lineno = n->lineno;
			trap_run_debug(sh, n, NULL);
		} else if (!sh->in_trap && !sh->xtrap_running) {
			callstack_set_command(sh, n);
		}
		if (n->kind == AST_COND)
			return cond_run(sh, (struct ast_cond *)n);
		return cond_arith_run(sh, (struct ast_arith *)n);
	case AST_ARITH_FOR:
		return select_arith_for(sh, (struct ast_arith_for *)n);
	case AST_SELECT:
		return select_run(sh, (struct ast_for *)n);
	case AST_COPROC:
		return coproc_run(sh, (struct ast_coproc *)n);
	}
	return st;
}

int
exec_node(struct shell *sh, struct ast_node *n)
{
	int st;
	bool tail = sh->tail;

	sh->tail = false;	/* nested commands are not the last one */
	if (n == NULL)
		return sh->status = 0;
	if (sh->pending_signals)
		trap_run_pending(sh);
	if (sh->flow != FLOW_NONE)
		return sh->status;
	/* <(...) started while this command expands end with it */
	struct procsub *ps_mark = sh->procsubs;
	/* Redirections of compound commands apply around them, in the shell
	 * (for ( ) too: the child inherits them). Simple commands handle their
	 * own: they may go into a spawn plan. */
	if (n->redirs != NULL && n->kind != AST_SIMPLE && n->kind != AST_FUNCDEF) {
		struct redir_undo undo = { 0 };
		struct arena_mark m = arena_mark(&sh->eval);
		if (redir_apply(sh, n->redirs, &undo) != 0) {
			redir_undo(sh, &undo);
			arena_release(&sh->eval, m);
			if (sh->procsubs != ps_mark)
				procsub_finish(sh, ps_mark);
			sh->status = 1;
			if (n != sh->bang_node)
				exec_check_errexit(sh);	/* set -e: `{ :; } <missing` exits */
			return 1;
		}
		arena_release(&sh->eval, m);
		st = exec_compound(sh, n, tail);
		redir_undo(sh, &undo);
	} else {
		st = exec_compound(sh, n, tail);
	}
	sh->status = st;
	if (sh->procsubs != ps_mark)
		procsub_finish(sh, ps_mark);
	if (sh->pending_signals)
		trap_run_pending(sh);
	if (n->kind == AST_SIMPLE || n->kind == AST_COND || n->kind == AST_ARITH ||
	    n->kind == AST_SUBSHELL) {
		callstack_status1(sh, sh->status);	/* PIPESTATUS */
		if (n->kind != AST_SUBSHELL && n != sh->bang_node)	/* subshell_run checks it */
			exec_check_errexit(sh);
	}
	return sh->status;
}

/* eval's texts (exec_eval): the parse of a one-line text is kept, keyed by
 * the text, so that eval in a loop (eval "s$i=\$v") parses each text once.
 * Not while an alias exists (it changes the parse), nor with set -v (it
 * shows the text as it is read) or set -n; posix mode and extglob, which
 * the lexer consults, are part of the key. A kept unit holds a reference,
 * and one more while it runs (a recursive eval may evict it). */
enum { EVAL_SLOTS = 64, EVAL_MAX_TEXT = 256 };
static struct eval_parse {
	char *text;		/* heap; NULL: free slot */
	unsigned hash, mode;
	int lineno;		/* sh->lineno after the parse */
	struct parse_unit *unit;
	struct ast_node *node;
} eval_parses[EVAL_SLOTS];
/* the input whose first command exec_input keeps, and where */
static const struct input *capture_in;
static struct eval_parse *capture_slot;

static void
eval_keep(struct shell *sh, const struct input *in, struct parse_unit *u,
    struct ast_node *node)
{
	struct eval_parse *e = capture_slot;

	capture_in = NULL;
	if (in->pos < in->len)
		return;	/* not the whole text */
	free(e->text);
	function_unit_unref(e->unit);
	e->text = xa_strdup(in->str);
	e->lineno = sh->lineno;
	e->unit = u;
	e->node = node;
	u->refs++;
}

/* Reads, parses and runs commands until the input ends or control flow
 * leaves (exit, return from a dot script). */
int
exec_input(struct shell *sh, struct input *in)
{
	struct parse_unit *saved_unit = sh->cur_unit;
	int st = 0;

	/* eval, . and traps nest here: a clear error before the stack runs
	 * out (`. ./self` from itself; dash and bash crash) */
	if (sh->input_depth >= EXEC_MAX_INPUT_DEPTH || shell_stack_low(sh)) {
		diag_error(sh, "eval/. nesting too deep");
		sh->builtin_error = true;
		return sh->status = 2;
	}
	sh->input_depth++;
	struct parser *p = parser_new(sh, in);
	/* the unit of the last command, when nothing kept it: the next one
	 * reuses it (its blocks went back to the arena pool) */
	struct parse_unit *spare = NULL;

	for (;;) {
		struct parse_unit *u = spare != NULL ? spare : calloc(1, sizeof *u);
		struct ast_node *node = NULL;
		enum parse_status ps;

		if (u == NULL)
			abort();
		spare = NULL;
		arena_init(&u->arena);
		u->refs = 1;
		if ((sh->opt.interactive || job_script_notices(sh)) && in == sh->input)
			job_notify(sh);
		ps = parse_next(p, &u->arena, &node);
		if (ps == PARSE_EOF) {
			function_unit_unref(u);
			break;
		}
		if (ps == PARSE_ERROR) {
			function_unit_unref(u);
			sh->status = 2;
			st = 2;
			if (!sh->opt.interactive || in != sh->input) {
				/* eval and .: a special builtin's error, which
				 * `command` keeps from exiting (run_builtin) */
				if (in != sh->input)
					sh->builtin_error = true;
				else if (!sh->opt.interactive)
					shell_exit(sh, 2);
				break;
			}
			continue;
		}
		if (in == capture_in && node != NULL)
			eval_keep(sh, in, u, node);
		/* interactive: PS0, the command number (interactive.c) */
		if (node != NULL && in == sh->input && sh->command_hook != NULL)
			sh->command_hook(sh);
		if (node != NULL && !sh->opt.noexec) {
			sh->cur_unit = u;
			input_sync(in);
			/* the last command of a -c string: nothing follows it */
			sh->tail = in == sh->input && in->kind == INPUT_STRING &&
			    in->pos >= in->len && !sh->opt.interactive;
			st = exec_node(sh, node);
			sh->cur_unit = saved_unit;
		} else if (node != NULL && sh->dump_ast) {
			struct strbuf b = STRBUF_INIT;
			ast_dump(&b, node, 0);
			fputs(b.s, stdout);
			sb_free(&b);
		}
		if (u->refs == 1) {
			callstack_unit_freed(sh, u);
			arena_free(&u->arena);
			spare = u;
		} else {
			function_unit_unref(u);
		}
		if (sh->flow == FLOW_ABORT && (in == sh->input || sh->discard_line)) {
			/* the interactive prompt: the next line starts afresh */
			sh->flow = FLOW_NONE;
			sh->discard_line = false;
			sh->expand_err = 0;	/* caught: not the caller's error */
			sh->status = st = sh->exit_status;
		}
		if (sh->flow != FLOW_NONE) {
			if (sh->flow == FLOW_EXIT && !sh->subshell && in == sh->input)
				shell_exit(sh, sh->exit_status);
			break;
		}
	}
	free(spare);
	parser_free(p);
	sh->cur_unit = saved_unit;
	sh->input_depth--;
	return st;
}

int
exec_string(struct shell *sh, const char *s, const char *name)
{
	struct input in;
	int st;

	input_from_string(&in, sh, s, name);
	st = exec_input(sh, &in);
	input_close(&in);
	return st;
}

int
exec_eval(struct shell *sh, const char *s, const char *name)
{
	size_t len = strlen(s);
	unsigned h = 2166136261u, mode;
	struct eval_parse *e;
	struct input in;
	int st;

	if (len > EVAL_MAX_TEXT || memchr(s, '\n', len) != NULL || alias_any() ||
	    sh->opt.verbose || sh->opt.noexec || sh->dump_ast)
		return exec_string(sh, s, name);
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	mode = (unsigned)sh->opt.posix | (unsigned)sh->shopt.extglob << 1;
	e = &eval_parses[h % EVAL_SLOTS];
	if (e->text == NULL || e->hash != h || e->mode != mode || strcmp(e->text, s) != 0) {
		/* parse and run it as usual, keeping the parse */
		free(e->text);
		e->text = NULL;
		function_unit_unref(e->unit);
		e->unit = NULL;
		e->hash = h;
		e->mode = mode;
		input_from_string(&in, sh, s, name);
		capture_in = &in;
		capture_slot = e;
		st = exec_input(sh, &in);
		capture_in = NULL;
		input_close(&in);
		return st;
	}
	/* what exec_input does with the one command of the text */
	struct parse_unit *saved_unit = sh->cur_unit, *u = e->unit;
	if (sh->input_depth >= EXEC_MAX_INPUT_DEPTH || shell_stack_low(sh)) {
		diag_error(sh, "eval/. nesting too deep");
		sh->builtin_error = true;
		return sh->status = 2;
	}
	sh->input_depth++;
	u->refs++;
	sh->lineno = e->lineno;
	sh->cur_unit = u;
	sh->tail = false;
	st = exec_node(sh, e->node);
	sh->cur_unit = saved_unit;
	function_unit_unref(u);
	if (sh->flow == FLOW_ABORT && sh->discard_line) {
		sh->flow = FLOW_NONE;
		sh->discard_line = false;
		sh->expand_err = 0;
		sh->status = st = sh->exit_status;
	}
	sh->input_depth--;
	return st;
}

void
shell_exit(struct shell *sh, int status)
{
	if (sh->subshell)
		subshell_exit(sh, status);
	sh->status = status;
	sh->flow = FLOW_NONE;
	trap_run_exit(sh);
	if (sh->flow == FLOW_EXIT)
		status = sh->exit_status;
	if (sh->exit_hook != NULL)
		sh->exit_hook(sh);
	fflush(stdout);
	read_sync();
	exit(status);
}
