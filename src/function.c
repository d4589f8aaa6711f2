/* function.c: function definitions and calls (XCU 2.9.5): the table of
 * functions, the parse units their bodies live in (reference counted),
 * positional parameters and `local` scopes around a call. */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "executor.h"
#include "redir.h"

/* ---- functions ---- */

static struct function **
bucket(struct shell *sh, const char *name)
{
	unsigned h = 5381;

	while (*name)
		h = h * 33 + (unsigned char)*name++;
	return &sh->fn_hash[h % FN_BUCKETS];
}

struct function *
exec_find_function(struct shell *sh, const char *name)
{
	struct function *f;

	for (f = *bucket(sh, name); f != NULL; f = f->hnext)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

void
function_unit_unref(struct parse_unit *u)
{
	if (u != NULL && --u->refs == 0) {
		callstack_unit_freed(the_shell, u);	/* BASH_COMMAND's text */
		arena_free(&u->arena);
		free(u);
	}
}

int
exec_define_function(struct shell *sh, const char *name, struct ast_node *body)
{
	struct function *f = exec_find_function(sh, name);

	if (f != NULL && f->readonly) {
		diag_error(sh, "%s: readonly function", name);
		return -1;
	}
	if (f == NULL) {
		f = calloc(1, sizeof *f);
		if (f == NULL)
			abort();
		f->name = strdup(name);
		f->next = sh->funcs;
		sh->funcs = f;
		struct function **b = bucket(sh, name);
		f->hnext = *b;
		*b = f;
	} else {
		function_unit_unref(f->unit);
		if (f->exported)	/* bash: a new body stays exported */
			var_env_changed(sh);
	}
	f->body = body;
	f->source = callstack_source(sh);
	f->unit = sh->cur_unit;
	if (f->unit != NULL)
		f->unit->refs++;
	return 0;
}

int
exec_unset_function(struct shell *sh, const char *name)
{
	struct function **pp, *f;

	for (pp = &sh->funcs; (f = *pp) != NULL; pp = &f->next)
		if (strcmp(f->name, name) == 0) {
			if (f->readonly) {
				diag_error(sh, "unset: %s: cannot unset: readonly function", name);
				return 1;
			}
			*pp = f->next;
			for (pp = bucket(sh, name); *pp != f; pp = &(*pp)->hnext)
				;
			*pp = f->hnext;
			fnenv_set_export(sh, f, false);
			function_unit_unref(f->unit);
			free(f->name);
			free(f);
			return 0;
		}
	return 0;
}

/* Puts the `set -o` options back as `saved` has them, through
 * opt_set_name so that the options with hooks (monitor, posix, vi) act. */
static void
restore_options(struct shell *sh, struct options *saved)
{
	struct options now = sh->opt;
	bool want[64];
	const char *name;
	size_t i, n;

	sh->opt = *saved;
	for (n = 0; n < 64 && (name = opt_name_at(n)) != NULL; n++)
		opt_get_name(sh, name, &want[n]);
	sh->opt = now;
	for (i = 0; i < n; i++) {
		bool on;
		name = opt_name_at(i);
		if (opt_get_name(sh, name, &on) == 0 && on != want[i])
			opt_set_name(sh, name, want[i]);
	}
	free(saved);
}

void
shell_stack_limit(struct shell *sh)
{
	struct rlimit rl;
	size_t lim = (size_t)8 << 20;
	char here;

	if (sh->stack_base == NULL)
		sh->stack_base = &here;
	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		lim = (size_t)rl.rlim_cur;
	/* what the error path and a builtin need, kept free */
	sh->stack_room = lim > ((size_t)512 << 10) ? lim - ((size_t)256 << 10) : lim / 2;
}

bool
shell_stack_low(struct shell *sh)
{
	char here;

	return sh->stack_base != NULL && (size_t)(sh->stack_base - &here) > sh->stack_room;
}

int
exec_function(struct shell *sh, struct function *fn, int argc, char **argv)
{
	int saved_argc = sh->argc;
	char **saved_argv = sh->argv, **saved_block = sh->argv_block;
	struct parse_unit *unit = fn->unit;
	int i, st;

	/* The function may redefine itself while running: keep its tree. */
	if (unit != NULL)
		unit->refs++;
	if (sh->level_pending) {	/* BASH_SUBSHELL: see fork_stage */
		sh->level_pending = false;
		sh->subshell_level++;
	}
	if (sh->func_depth >= 1000 || shell_stack_low(sh)) {
		diag_error(sh, "%s: function nesting too deep", argv[0]);
		function_unit_unref(unit);
		return 2;
	}
	sh->argc = argc - 1;
	sh->argv = malloc((size_t)argc * sizeof *sh->argv);
	if (sh->argv == NULL)
		abort();
	for (i = 1; i < argc; i++)
		sh->argv[i - 1] = strdup(argv[i]);
	sh->argv[argc - 1] = NULL;
	sh->argv_block = sh->argv;
	/* A function defined by this body keeps the unit its own body lives
	 * in, which is this function's, not the unit of the command that
	 * called it (issue 16.1: `outer() { inner() { ...; }; }`, then
	 * redefining outer freed inner's body). */
	struct parse_unit *saved_unit = sh->cur_unit;
	/* break and continue act only on loops that enclose them lexically
	 * (POSIX.1-2024): none in the body, whoever called it */
	int saved_loops = sh->loop_depth;
	sh->loop_depth = 0;
	sh->cur_unit = unit;
	struct options *saved_opts = sh->local_opts;
	sh->local_opts = NULL;
	sh->func_depth++;
	sh->scope++;
	/* FUNCNAME, BASH_SOURCE, BASH_LINENO; the traps the body inherits */
	char *saved_traps[3];
	int call_line = sh->lineno;
	bool xtraps = sh->traps[TRAP_DEBUG] != NULL || sh->traps[TRAP_ERR] != NULL ||
	    sh->traps[TRAP_RETURN] != NULL;
	callstack_push(sh, argv[0], fn->source, call_line);
	if (xtraps)
		trap_call_enter(sh, saved_traps, false);
	if (TRAP_DEBUG_SET(sh))
		trap_run_debug(sh, NULL, NULL);		/* set -T: as it starts */
	st = exec_node(sh, fn->body);
	if (sh->local_opts != NULL)
		restore_options(sh, sh->local_opts);
	sh->local_opts = saved_opts;
	sh->cur_unit = saved_unit;
	sh->loop_depth = saved_loops;
	if (sh->flow == FLOW_RETURN) {
		sh->flow = FLOW_NONE;
		/* the RETURN trap sees the status of `return` itself (bash) */
		sh->status = 0;
		trap_run_return(sh);
		st = sh->status = sh->exit_status;
	} else if (sh->traps[TRAP_RETURN] != NULL) {
		sh->status = st;
		trap_run_return(sh);
	}
	if (xtraps)
		trap_call_leave(sh, saved_traps);
	callstack_pop(sh);
	sh->lineno = call_line;	/* LINENO, for an ERR trap after the call */
	var_pop_scope(sh, sh->scope);
	sh->scope--;
	sh->func_depth--;
	for (i = 0; i < sh->argc; i++)
		free(sh->argv[i]);
	free(sh->argv_block);
	sh->argc = saved_argc;
	sh->argv = saved_argv;
	sh->argv_block = saved_block;
	function_unit_unref(unit);
	return st;
}

/* `local -`: a copy of the options, once per call. */
void
exec_local_options(struct shell *sh)
{
	if (sh->local_opts != NULL)
		return;
	sh->local_opts = malloc(sizeof *sh->local_opts);
	if (sh->local_opts == NULL)
		abort();
	*sh->local_opts = sh->opt;
}

int
function_run(struct shell *sh, struct prep *p)
{
	struct redir_undo undo = { 0 };
	struct saved_var *sv;
	int nsv = 0, st;

	if (redir_apply(sh, p->c->base.redirs, &undo) != 0) {
		redir_undo(sh, &undo);
		return 1;
	}
	if (simple_assign_temp(sh, p, &sv, &nsv) != 0) {
		redir_undo(sh, &undo);
		exec_assign_error(sh);
		return 1;
	}
	st = exec_function(sh, p->fn, p->argc, p->argv);
	redir_undo(sh, &undo);
	if (sv != NULL)
		simple_assign_restore(sh, sv, nsv);
	return st;
}
