/* caller.c: bash's `caller [N]`: where the current function or `.` file
 * was called from, read off the call stack (src/callstack.c). */
#include <stdio.h>
#include <stdlib.h>

#include "biutil.h"
#include "shell.h"

/* caller: "LINE FILE" of the innermost call (FILE "NULL" at the bottom);
 * caller N: "LINE FUNC FILE" of frame N, status 1 beyond the stack. */
int
bi_caller(struct shell *sh, int argc, char **argv)
{
	size_t n = sh->nframes;
	char *end;
	long k;

	if (argc > 2 || (argc == 2 && argv[1][0] == '-' && argv[1][1] != '\0')) {
		if (argc == 2)
			diag_error(sh, "caller: %s: invalid option", argv[1]);
		return diag_usage(sh, "caller", "caller [expr]");
	}
	if (argc == 1) {
		if (n == 0)
			return 1;
		printf("%d %s\n", sh->frames[n - 1].line, n >= 2 ? sh->frames[n - 2].source : "NULL");
		return biu_flush(sh, "caller", 0);
	}
	k = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || k < 0) {
		diag_error(sh, "caller: %s: invalid number", argv[1]);
		return diag_usage(sh, "caller", "caller [expr]");
	}
	if ((size_t)k + 1 >= n)
		return 1;
	const struct frame *f = &sh->frames[n - 1 - (size_t)k], *up = f - 1;
	printf("%d %s %s\n", f->line, up->func, up->source);
	return biu_flush(sh, "caller", 0);
}
