/* enable.c: `enable` (bash): turns builtins off and on, so that a
 * disabled name is looked up in PATH (`enable -n echo` runs /bin/echo),
 * and lists them. Loadable builtins (-f, -d) are not supported. */
#include <string.h>

#include "biutil.h"
#include "shell.h"

#define USAGE "enable [-a] [-dnps] [-f filename] [name ...]"

/* enable [-a] [-nps] [name...]: with names, enables them (-n: disables);
 * without, lists the enabled builtins as `enable NAME` (-n: the disabled
 * ones as `enable -n NAME`, -a: all of them, -s: only POSIX special
 * builtins). Status 1 if a name is not a builtin. */
int
bi_enable(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "enable", .letters = "adf:nps", .usage = USAGE };
	bool all = false, off = false, special = false;
	int c, i, st = 0;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		switch (c) {
		case '?': return 2;
		case 'a': all = true; break;
		case 'n': off = true; break;
		case 'p': break;
		case 's': special = true; break;
		case 'd':
		case 'f':
			diag_error(sh, "enable: -%c: loadable builtins are not supported", c);
			return 1;
		}
	}
	i = o.ind;
	if (i >= argc) {
		errno = 0;
		for (size_t k = 0; k < builtin_count; k++) {
			const struct builtin *b = &builtin_table[k];
			bool on = builtin_enabled(b);

			if (special && b->cls != BI_SPECIAL)
				continue;
			if (!all && on == off)
				continue;
			printf("enable %s%s\n", on ? "" : "-n ", b->name);
		}
		return biu_flush(sh, "enable", 0);
	}
	for (; i < argc; i++) {
		const struct builtin *b = builtin_find_any(argv[i]);

		if (b == NULL || (special && b->cls != BI_SPECIAL)) {
			diag_error(sh, "enable: %s: not a shell builtin", argv[i]);
			st = 1;
			continue;
		}
		builtin_enable(b, !off);
	}
	return st;
}
