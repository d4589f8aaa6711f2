/* flow.c: the builtins that steer control flow: : true false exit
 * return break continue (XCU 2.15). Special builtins set
 * sh->builtin_error on errors so that the executor exits a
 * non-interactive shell; control flow travels as sh->flow. */
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "job.h"

int
bi_colon(struct shell *sh, int argc, char **argv)
{
	return 0;
}

int
bi_true(struct shell *sh, int argc, char **argv)
{
	return 0;
}

int
bi_false(struct shell *sh, int argc, char **argv)
{
	return 1;
}

/* An interactive shell with stopped jobs does not exit at once: the first
 * exit says "There are stopped jobs." and fails (bash); the next exit, or an
 * exit after `jobs` has listed them, or Ctrl-D, leaves. The flag is reset
 * when another job stops (job.c). */
static bool
stopped_jobs_warning(struct shell *sh)
{
	if (!sh->opt.interactive || sh->subshell || sh->warned_stopped)
		return false;
	for (struct job *j = sh->jobs; j != NULL; j = j->next)
		if (job_stopped(j)) {
			fprintf(stderr, "There are stopped jobs.\n");
			sh->warned_stopped = true;
			return true;
		}
	return false;
}

int
bi_exit(struct shell *sh, int argc, char **argv)
{
	/* XCU exit: in a trap action, no operand means $? before the trap */
	long n = sh->in_trap ? sh->trap_status : sh->status;
	int i = 1;

	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i + 1 < argc) {
		/* XCU 2.8.1: a special builtin's usage error exits the shell */
		diag_usage(sh, "exit", "exit [n]");
		n = 2;
	} else if (i < argc) {
		char *end;
		errno = 0;
		n = strtol(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0' || errno) {
			diag_error(sh, "exit: %s: numeric argument required", argv[i]);
			n = 2;
		}
	}
	/* bash: an interactive shell says "exit" ("logout") as it runs
	 * `exit` read at the prompt, before the stopped-jobs check */
	if (sh->says_exit && !sh->subshell) {
		fputs(sh->opt.login ? "logout\n" : "exit\n", stderr);
		fflush(stderr);
	}
	if (stopped_jobs_warning(sh))
		return 1;
	sh->exit_status = (int)(n & 0xff);
	sh->flow = FLOW_EXIT;
	/* In a trap action, "exit" without operand uses the status from
	 * before the trap; we already restored it above. */
	shell_exit(sh, sh->exit_status);
}

int
bi_return(struct shell *sh, int argc, char **argv)
{
	/* XCU return: a return that ends a trap action (not one inside a
	 * function the action called) uses $? from before the trap */
	long n = sh->in_trap && sh->func_depth == sh->trap_func_depth ?
	    sh->trap_status : sh->status;
	int i = 1;

	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i + 1 < argc)
		return biu_usage_error(sh, "return", "return [n]");
	if (i < argc) {
		char *end;
		errno = 0;
		n = strtol(argv[i], &end, 10);
		if (*end != '\0' || *argv[i] == '\0' || errno) {
			/* dash and yash: an error that exits the script; bash
			 * (outside posix mode) returns with status 2 */
			diag_error(sh, "return: %s: numeric argument required", argv[i]);
			if (sh->opt.posix || (sh->func_depth == 0 && sh->dot_depth == 0))
				return biu_special_error(sh, 2);
			n = 2;
		}
	}
	if (sh->func_depth == 0 && sh->dot_depth == 0) {
		if (sh->opt.posix && !sh->in_trap && !sh->opt.interactive) {
			/* dash, yash: the script ends as with exit n (POSIX
			 * leaves it unspecified; Debian's fp-fix-timestamps
			 * relies on it) */
			sh->exit_status = (int)(n & 0xff);
			sh->flow = FLOW_EXIT;
			shell_exit(sh, sh->exit_status);
		}
		/* status 2 as bash's */
		diag_error(sh, "return: can only `return' from a function or sourced script");
		return biu_special_error(sh, 2);
	}
	sh->exit_status = (int)(n & 0xff);
	sh->flow = FLOW_RETURN;
	return sh->exit_status;
}

static int
loop_control(struct shell *sh, int argc, char **argv, enum flow f)
{
	long n = 1;

	if (argc > 2)
		return biu_usage_error(sh, argv[0], f == FLOW_BREAK ? "break [n]" : "continue [n]");
	if (argc > 1) {
		n = biu_count_arg(argv[1]);
		if (n < 1) {
			diag_error(sh, "%s: %s: bad number", argv[0], argv[1]);
			if (sh->opt.posix || sh->loop_depth == 0)
				return biu_special_error(sh, 1);
			/* bash goes on out of every loop */
			sh->flow = FLOW_BREAK;
			sh->flow_count = sh->loop_depth;
			return 1;
		}
	}
	if (sh->loop_depth == 0) {
		/* POSIX: unspecified; dash and bash --posix do nothing, bash
		 * says why (status 0 all the same) */
		if (!sh->opt.posix)
			diag_error(sh, "%s: only meaningful in a `for', `while', or `until' loop",
			    argv[0]);
		return 0;
	}
	if (n > sh->loop_depth)
		n = sh->loop_depth;
	sh->flow = f;
	sh->flow_count = (int)n;
	return 0;
}

int
bi_break(struct shell *sh, int argc, char **argv)
{
	return loop_control(sh, argc, argv, FLOW_BREAK);
}

int
bi_continue(struct shell *sh, int argc, char **argv)
{
	return loop_control(sh, argc, argv, FLOW_CONTINUE);
}

/* logout [n] (bash): exit, in a login shell only. */
int
bi_logout(struct shell *sh, int argc, char **argv)
{
	if (!sh->opt.login) {
		diag_error(sh, "logout: not login shell: use `exit'");
		return 1;
	}
	return bi_exit(sh, argc, argv);
}
