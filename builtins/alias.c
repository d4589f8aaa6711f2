/* alias.c: the alias and unalias utilities (XCU alias, unalias). Storage is
 * in src/alias.c. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "alias.h"
#include "biutil.h"
#include "shell.h"

/* Writes "name='value'\n": XCU alias wants "%s=%s\n" with the value quoted
 * for re-input; dash, bash and mksh single-quote it this way. Outside posix
 * mode bash puts "alias " before it, so that the list is a script. */
static void
print_alias(struct shell *sh, const char *name, const char *value)
{
	struct strbuf b = STRBUF_INIT;

	if (!sh->opt.posix)
		sb_adds(&b, "alias ");
	sb_adds(&b, name);
	sb_addc(&b, '=');
	alias_quote(&b, value);
	sb_addc(&b, '\n');
	fwrite(b.s, 1, b.len, stdout);
	sb_free(&b);
}

/* alias [alias-name[=string]...]. With no operands lists every alias,
 * sorted. An operand with '=' defines, one without prints; a name that is
 * not an alias is an error (status 1) but the other operands still run.
 * -p lists them too; another option is an error, as in bash (dash takes
 * "-x" as a name). */
int
bi_alias(struct shell *sh, int argc, char **argv)
{
	int status = 0, i;

	errno = 0;
	/* -p: the list, as without operands (bash) */
	i = biu_operands(sh, "alias", "p", "alias [-p] [name[=value] ... ]", argc, argv);
	if (i < 0)
		return 2;
	if (i == argc || (i > 1 && strcmp(argv[1], "--") != 0)) {
		size_t n;
		const struct alias *a = alias_list(sh, &n);

		for (size_t k = 0; k < n; k++)
			print_alias(sh, a[k].name, a[k].value);
		return biu_flush(sh, "alias", 0);
	}
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (eq != NULL) {
			/* The name is the text before the first '='. */
			*eq = '\0';
			if (alias_set(sh, argv[i], eq + 1) != 0) {
				diag_error(sh, "alias: %s: invalid alias name", argv[i]);
				status = 1;
			}
			*eq = '=';
		} else {
			const char *v = alias_get(sh, argv[i]);

			if (v != NULL) {
				print_alias(sh, argv[i], v);
			} else {
				diag_error(sh, "alias: %s: not found", argv[i]);
				status = 1;
			}
		}
	}
	return biu_flush(sh, "alias", status);
}

/* unalias alias-name... | unalias -a. Unknown names are errors (status 1);
 * the rest are still removed. */
int
bi_unalias(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "unalias", .letters = "a", .usage = "unalias [-a] name..." };
	int c, status = 0, i;
	bool all = false;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		all = true;
	}
	i = o.ind;
	if (all) {
		alias_clear(sh);
		return 0;
	}
	if (i == argc)
		return diag_usage(sh, "unalias", o.usage);
	for (; i < argc; i++)
		if (alias_remove(sh, argv[i]) != 0) {
			diag_error(sh, "unalias: %s: not found", argv[i]);
			status = 1;
		}
	return status;
}
