/* xtrap.c: bash's pseudo-signal traps (trap.c keeps their actions in
 * sh->traps after the signals):
 *
 *	DEBUG	before each simple command, `for`, `case`, `select`, `[[`,
 *		`((`, each part of `for (( ))`, and as a function starts
 *	ERR	when a command fails where set -e would exit (exec.c's
 *		exec_check_errexit decides), before that exit
 *	RETURN	as a function or a `.` file returns
 *
 * Inheritance (bash): a function does not see the DEBUG and RETURN traps
 * without set -T, nor the ERR trap without set -E; a `.` file does not
 * see the DEBUG trap without set -T. After the call the caller's come
 * back unless the body set its own (trap_call_enter/leave). Subshells
 * keep them under the same options (trap_subshell_reset).
 *
 * Each runs with $?, PIPESTATUS and LINENO of the command it is about,
 * and does not re-enter itself. With no such trap set, the cost is one
 * test per command (TRAP_DEBUG_SET) and one per failed command. */
#include <stdlib.h>
#include <string.h>

#include "executor.h"
#include "input.h"

static void
run_action(struct shell *sh, int idx, unsigned bit)
{
	char *action = sh->traps[idx];
	int ps_small[8], *ps = ps_small;
	size_t nps = sh->npipestatus;
	struct input in;

	if (action == NULL || *action == '\0' || (sh->xtrap_running & bit))
		return;
	action = strdup(action);
	if (action == NULL)
		abort();
	if (nps > 8 && (ps = malloc(nps * sizeof *ps)) == NULL)
		abort();
	memcpy(ps, sh->pipestatus, nps * sizeof *ps);
	int st = sh->status, line = sh->lineno;
	/* as in trap_run_pending: control flow pending when the trap comes
	 * due goes on after it, unless the action exits or returns itself */
	enum flow flow = sh->flow;
	int flow_count = sh->flow_count, exit_status = sh->exit_status;
	sh->flow = FLOW_NONE;
	sh->xtrap_running |= bit;
	input_from_string(&in, sh, action, NULL);
	/* LINENO is the command's line (bash): the action's first line */
	if (line > 0)
		in.lineno = line - 1;
	exec_input(sh, &in);
	input_close(&in);
	sh->xtrap_running &= ~bit;
	free(action);
	sh->lineno = line;
	if (sh->flow != FLOW_EXIT && sh->flow != FLOW_ABORT) {
		sh->status = st;
		callstack_pipestatus(sh, ps, nps);
	}
	if (ps != ps_small)
		free(ps);
	if (sh->flow == FLOW_NONE ||
	    (flow == FLOW_RETURN && sh->flow != FLOW_EXIT && sh->flow != FLOW_ABORT)) {
		sh->flow = flow;
		sh->flow_count = flow_count;
		sh->exit_status = exit_status;
	}
}

void
trap_run_debug(struct shell *sh, struct ast_node *n, struct word *w)
{
	/* BASH_COMMAND: commands run by a trap do not change it (bash) */
	if (n != NULL && !sh->in_trap && !sh->xtrap_running) {
		if (w != NULL || n->kind == AST_FOR || n->kind == AST_SELECT || n->kind == AST_CASE)
			callstack_command_head(sh, n, w);
		else
			callstack_set_command(sh, n);
	}
	run_action(sh, TRAP_DEBUG, XT_DEBUG);
}

void
trap_run_err(struct shell *sh)
{
	run_action(sh, TRAP_ERR, XT_ERR);
}

void
trap_run_return(struct shell *sh)
{
	if (sh->traps[TRAP_RETURN] != NULL)
		run_action(sh, TRAP_RETURN, XT_RETURN);
}

/* saved[0] DEBUG, saved[1] ERR, saved[2] RETURN: taken away for the call */
void
trap_call_enter(struct shell *sh, char **saved, bool is_dot)
{
	saved[0] = saved[1] = saved[2] = NULL;
	if (sh->traps[TRAP_DEBUG] != NULL && !sh->opt.functrace) {
		saved[0] = sh->traps[TRAP_DEBUG];
		sh->traps[TRAP_DEBUG] = NULL;
	}
	if (is_dot)
		return;
	if (sh->traps[TRAP_ERR] != NULL && !sh->opt.errtrace) {
		saved[1] = sh->traps[TRAP_ERR];
		sh->traps[TRAP_ERR] = NULL;
	}
	if (sh->traps[TRAP_RETURN] != NULL && !sh->opt.functrace) {
		saved[2] = sh->traps[TRAP_RETURN];
		sh->traps[TRAP_RETURN] = NULL;
	}
}

void
trap_call_leave(struct shell *sh, char **saved)
{
	for (int i = 0; i < 3; i++) {
		if (saved[i] == NULL)
			continue;
		if (sh->traps[TRAP_DEBUG + i] == NULL)
			sh->traps[TRAP_DEBUG + i] = saved[i];
		else
			free(saved[i]);
	}
}
