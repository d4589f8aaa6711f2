/* help.c: `builtin` and `help`, bash's builtins about builtins. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "biutil.h"
#include "shell.h"

/* builtin name [arg...]: runs the builtin `name`, passing over a function
 * of that name (bash). Status 1 if `name` is not a builtin. */
int
bi_builtin(struct shell *sh, int argc, char **argv)
{
	const struct builtin *b;
	int i = biu_operands(sh, "builtin", "", "builtin [shell-builtin [arg ...]]", argc, argv);

	if (i < 0)
		return 2;
	if (i >= argc)
		return 0;
	if ((b = builtin_find(argv[i])) == NULL) {
		diag_error(sh, "builtin: %s: not a shell builtin", argv[i]);
		return 1;
	}
	return b->fn(sh, argc - i, argv + i);
}

/* help [pattern...]: the names of the builtins (from the builtin table),
 * or whether each pattern names one; the descriptions are in spsh(1).
 * Status 1 if a pattern matches no builtin. */
int
bi_help(struct shell *sh, int argc, char **argv)
{
	int i, status = 0;
	size_t k, col = 0;

	errno = 0;
	/* bash's -d -m -s choose how much of a description to show; spsh
	 * shows none of them */
	i = biu_operands(sh, "help", "dms", "help [-dms] [pattern ...]", argc, argv);
	if (i < 0)
		return 2;
	if (i >= argc) {
		printf("spsh builtins (see spsh(1), section BUILTINS; "
		    "* marks the special builtins of POSIX):\n\n");
		for (k = 0; k < builtin_count; k++) {
			const struct builtin *b = &builtin_table[k];

			col += (size_t)printf("%s%-14s", b->cls == BI_SPECIAL ?
			    "*" : " ", b->name);
			if (col >= 60) {
				putchar('\n');
				col = 0;
			}
		}
		if (col > 0)
			putchar('\n');
		return biu_flush(sh, "help", 0);
	}
	for (; i < argc; i++) {
		bool any = false;

		for (k = 0; k < builtin_count; k++)
			if (pattern_match(argv[i], builtin_table[k].name)) {
				printf("%s: %s shell builtin; see spsh(1)\n",
				    builtin_table[k].name,
				    builtin_table[k].cls == BI_SPECIAL ?
				    "a special" : "a");
				any = true;
			}
		if (!any) {
			diag_error(sh, "help: no help topics match `%s'", argv[i]);
			status = 1;
		}
	}
	return biu_flush(sh, "help", status);
}
