/* hash.c: the hash utility (XCU hash): the remembered command locations
 * kept by src/path.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "path.h"
#include "shell.h"

/* hash [utility...] | hash -r. With no operands lists the remembered
 * pathnames, one a line, sorted by command name (dash prints the same lines
 * in table order). -r forgets everything first. Each operand is searched for
 * along PATH and remembered; names with '/', builtins and functions are
 * skipped silently, as dash and bash do (they are never searched for), and a
 * name not found is an error with status 1. */
int
bi_hash(struct shell *sh, int argc, char **argv)
{
	bool reset = false;
	struct biu_opts o = { .name = "hash", .letters = "r", .usage = "hash [-r] [utility...]" };
	int c, i, status = 0;

	errno = 0;
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		reset = true;
	}
	i = o.ind;
	if (reset)
		path_hash_clear();
	if (i == argc && !reset) {
		size_t n;
		struct path_hashed *v = path_hash_list(&n);

		for (size_t k = 0; k < n; k++)
			printf("%s\n", v[k].path);
		free(v);
		return biu_flush(sh, "hash", 0);
	}
	for (; i < argc; i++) {
		const char *name = argv[i];

		if (strchr(name, '/') != NULL || builtin_find(name) != NULL ||
		    exec_find_function(sh, name) != NULL)
			continue;
		if (path_hash_add(sh, name) != 0) {
			diag_error(sh, "hash: %s: not found", name);
			status = 1;
		}
	}
	return status;
}
