/* type.c: the type utility (XCU type) and the -v/-V forms of command
 * (XCU command). Both answer "what would run for this name", in the order
 * of XCU 2.9.1.4 command search: alias, reserved word, special builtin,
 * function, other builtin, PATH. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "ast.h"
#include "biutil.h"
#include "path.h"
#include "shell.h"

enum kind {
	KIND_NOTFOUND,
	KIND_ALIAS,
	KIND_KEYWORD,
	KIND_SPECIAL,
	KIND_FUNCTION,
	KIND_BUILTIN,
	KIND_FILE,
};

struct found {
	enum kind kind;
	const char *alias;		/* KIND_ALIAS: its value */
	struct function *fn;		/* KIND_FUNCTION */
	char *path;			/* KIND_FILE: malloc'd */
};

/* XCU 2.4 reserved words. */
static const char *const keywords[] = {
	"!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi",
	"for", "if", "in", "then", "until", "while",
};

static bool
is_keyword(const char *name)
{
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (strcmp(name, keywords[i]) == 0)
			return true;
	return false;
}

/* Decides what `name` runs. `path`: the PATH to search (NULL: $PATH, and a
 * remembered location that is still executable is reported as it is). A name with '/' is a file if
 * it is an executable regular file. */
static struct found
classify(struct shell *sh, const char *name, const char *path)
{
	struct found f = { KIND_NOTFOUND, NULL, NULL, NULL };
	const struct builtin *b;

	if ((f.alias = alias_get(sh, name)) != NULL) {
		f.kind = KIND_ALIAS;
		return f;
	}
	if (is_keyword(name)) {
		f.kind = KIND_KEYWORD;
		return f;
	}
	if (strchr(name, '/') != NULL) {
		if (path_executable(name)) {
			f.kind = KIND_FILE;
			if ((f.path = strdup(name)) == NULL)
				abort();
		}
		return f;
	}
	b = builtin_find(name);
	if (b != NULL && b->cls == BI_SPECIAL) {
		f.kind = KIND_SPECIAL;
		return f;
	}
	if ((f.fn = exec_find_function(sh, name)) != NULL) {
		f.kind = KIND_FUNCTION;
		return f;
	}
	if (b != NULL) {
		f.kind = KIND_BUILTIN;
		return f;
	}
	if (path == NULL) {
		const char *h = path_hash_lookup(name);

		if (h != NULL && path_executable(h) &&
		    (f.path = strdup(h)) == NULL)
			abort();
	}
	if (f.path == NULL)
		f.path = path_search(sh, name, path);
	if (f.path != NULL)
		f.kind = KIND_FILE;
	return f;
}

/* The verbose description of type and command -V. Functions are shown as
 * "NAME is a function" followed by their definition on the next line, like
 * bash (dash prints "NAME is a shell function" alone). Returns 0, or 1
 * after "spsh: WHO: NAME: not found" on stderr. */
static int
describe(struct shell *sh, const char *who, const char *name, const char *path)
{
	struct found f = classify(sh, name, path);
	struct strbuf b = STRBUF_INIT;

	switch (f.kind) {
	case KIND_NOTFOUND:
		diag_error(sh, "%s: %s: not found", who, name);
		return 1;
	case KIND_ALIAS:
		printf("%s is an alias for %s\n", name, f.alias);
		break;
	case KIND_KEYWORD:
		printf("%s is a shell keyword\n", name);
		break;
	case KIND_SPECIAL:
		printf("%s is a special shell builtin\n", name);
		break;
	case KIND_FUNCTION:
		sb_printf(&b, "%s is a function\n%s() ", name, name);
		ast_print(&b, f.fn->body);
		sb_addc(&b, '\n');
		fwrite(b.s, 1, b.len, stdout);
		sb_free(&b);
		break;
	case KIND_BUILTIN:
		printf("%s is a shell builtin\n", name);
		break;
	case KIND_FILE:
		printf("%s is %s\n", name, f.path);
		free(f.path);
		break;
	}
	return 0;
}

/* The short form of command -v (XCU command): a pathname for a file, the
 * name for builtins, functions and reserved words, and a re-readable alias
 * definition for an alias. Returns 0, or 1 (silently) if not found. */
static int
short_form(struct shell *sh, const char *name, const char *path)
{
	struct found f = classify(sh, name, path);
	struct strbuf b = STRBUF_INIT;

	switch (f.kind) {
	case KIND_NOTFOUND:
		return 1;
	case KIND_ALIAS:
		sb_printf(&b, "alias %s=", name);
		alias_quote(&b, f.alias);
		sb_addc(&b, '\n');
		fwrite(b.s, 1, b.len, stdout);
		sb_free(&b);
		break;
	case KIND_KEYWORD:
	case KIND_SPECIAL:
	case KIND_FUNCTION:
	case KIND_BUILTIN:
		printf("%s\n", name);
		break;
	case KIND_FILE:
		printf("%s\n", f.path);
		free(f.path);
		break;
	}
	return 0;
}

/* type name...: describes each name. Like dash, no options are recognised
 * except "--". Status 1 if any name was not found (bash, yash; dash returns
 * 127 and prints on stdout). */
int
bi_type(struct shell *sh, int argc, char **argv)
{
	int i = 1, status = 0;

	errno = 0;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	for (; i < argc; i++) {
		if (describe(sh, "type", argv[i], NULL) != 0)
			status = 1;
		/* keep stdout and stderr in order */
		fflush(stdout);
	}
	return biu_flush(sh, "type", status);
}

/* command [-p] -v|-V name...: the executor runs the other forms of command
 * itself. -p searches the default PATH (confstr(_CS_PATH)) instead of
 * $PATH. Several names are accepted, as bash, yash, ksh and mksh do (XCU
 * gives one; dash looks at the first only). Status 1 if any is not found. */
int
bi_command(struct shell *sh, int argc, char **argv)
{
	static const char usage[] = "command [-p] [-v|-V] name [arg...]";
	bool pflag = false;
	int mode = 0;		/* 'v' or 'V' */
	struct biu_opts o = { .name = "command", .letters = "pvV", .usage = usage };
	int c, i, status = 0;

	errno = 0;
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		if (c == 'p')
			pflag = true;
		else
			mode = c;
	}
	i = o.ind;
	if (mode == 0 || i == argc)
		return diag_usage(sh, "command", usage);
	for (; i < argc; i++) {
		const char *path = pflag ? path_default() : NULL;
		int r = mode == 'v' ? short_form(sh, argv[i], path) :
		    describe(sh, "command", argv[i], path);

		if (r != 0)
			status = 1;
		fflush(stdout);
	}
	return biu_flush(sh, "command", status);
}
