/* let.c: the let builtin (bash, ksh): each operand is an arithmetic
 * expression, as in $((...)). */
#include "executor.h"
#include "shell.h"

/* let EXPR...: evaluates each operand in turn; the status is 0 if the last
 * one is non-zero, 1 if it is zero or an operand is bad (bash). */
int
bi_let(struct shell *sh, int argc, char **argv)
{
	long v = 0;

	if (argc < 2) {
		diag_error(sh, "let: expression expected");
		return 1;
	}
	for (int i = 1; i < argc; i++)
		if (cond_arith_eval(sh, "let", argv[i], &v) != 0) {
			if (!sh->arith_unset)
				return 1;
			sh->expand_err = 3;	/* set -u: fatal, as in $((...)) (bash) */
			exec_expand_error(sh);
			return sh->status;
		}
	return v == 0;
}
