/* type.c: the type utility (XCU type) and the -v/-V forms of command
 * (XCU command). Both answer "what would run for this name", in the order
 * of XCU 2.9.1.4 command search: alias, reserved word, special builtin,
 * function, other builtin, PATH. */
#include <errno.h>
#include <stdbool.h>
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

/* XCU 2.4 reserved words, and the lexer's extensions: coproc is not
 * one in posix mode. */
static const char *const keywords[] = {
	"!", "[[", "]]", "{", "}", "case", "coproc", "do", "done", "elif", "else",
	"esac", "fi", "for", "function", "if", "in", "select", "then", "time",
	"until", "while",
};

static bool
is_keyword(struct shell *sh, const char *name)
{
	if (strcmp(name, "coproc") == 0 && sh->opt.posix)
		return false;
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (strcmp(name, keywords[i]) == 0)
			return true;
	return false;
}

/* The file a PATH search for `name` runs: an executable one, else, outside
 * posix mode, the first regular file, which bash runs (and reports 126)
 * and names in type, type -P and command -v. */
static char *
find_file(struct shell *sh, const char *name, const char *path)
{
	char *p = path_search(sh, name, path);
	if (p == NULL && !sh->opt.posix)
		p = path_search_file(sh, name, path);
	return p;
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
	if (is_keyword(sh, name)) {
		f.kind = KIND_KEYWORD;
		return f;
	}
	if (strchr(name, '/') != NULL && !sh->opt.posix &&
	    (f.fn = exec_find_function(sh, name)) != NULL) {
		f.kind = KIND_FUNCTION;	/* as the executor finds it (bash) */
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
	if (b != NULL && b->cls == BI_SPECIAL &&
	    (sh->opt.posix || exec_find_function(sh, name) == NULL)) {
		f.kind = KIND_SPECIAL;	/* a function comes first outside posix mode */
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
		f.path = find_file(sh, name, path);
	if (f.path != NULL)
		f.kind = KIND_FILE;
	return f;
}

/* bash: "ll is aliased to `ls -l'"; posix mode: dash's "ll is an alias
 * for ls -l" */
static void
print_alias(struct shell *sh, const char *name, const char *value)
{
	printf(sh->opt.posix ? "%s is an alias for %s\n" : "%s is aliased to `%s'\n",
	    name, value);
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
		print_alias(sh, name, f.alias);
		break;
	case KIND_KEYWORD:
		printf("%s is a shell keyword\n", name);
		break;
	case KIND_SPECIAL:
		/* bash calls them special only in posix mode */
		printf(sh->opt.posix ? "%s is a special shell builtin\n" :
		    "%s is a shell builtin\n", name);
		break;
	case KIND_FUNCTION:
		sb_printf(&b, "%s is a function\n", name);
		fnprint(&b, name, f.fn->body, sh->opt.posix);
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

/* The -t word for a kind (bash). */
static const char *
kind_word(enum kind k)
{
	switch (k) {
	case KIND_ALIAS: return "alias";
	case KIND_KEYWORD: return "keyword";
	case KIND_FUNCTION: return "function";
	case KIND_SPECIAL:
	case KIND_BUILTIN: return "builtin";
	case KIND_FILE: return "file";
	case KIND_NOTFOUND: break;
	}
	return "";
}

/* type -a: every executable `name` along PATH, in order. Returns how
 * many were printed. */
static int
all_files(struct shell *sh, const char *name, char flag)
{
	const char *path = var_get(sh, "PATH"), *p, *e;
	struct strbuf b = STRBUF_INIT;
	int n = 0;

	if (strchr(name, '/') != NULL) {
		if (!path_executable(name))
			return 0;
		if (flag == 't')
			puts("file");
		else if (flag == 'p' || flag == 'P')
			puts(name);
		else
			printf("%s is %s\n", name, name);
		return 1;
	}
	for (p = path != NULL ? path : ""; ; p = e + 1) {
		e = strchr(p, ':');
		if (e == NULL)
			e = p + strlen(p);
		sb_reset(&b);
		if (e == p)
			sb_adds(&b, ".");
		else
			sb_addn(&b, p, (size_t)(e - p));
		sb_printf(&b, "/%s", name);
		if (path_executable(b.s)) {
			n++;
			if (flag == 't')
				puts("file");
			else if (flag == 'p' || flag == 'P')
				puts(b.s);
			else
				printf("%s is %s\n", name, b.s);
		}
		if (*e == '\0')
			break;
	}
	sb_free(&b);
	return n;
}

/* type -a: alias, keyword, function, builtin and files, each that
 * applies, in that order (bash). `flag`: 0, 't', 'p' or 'P' for the
 * form. Returns 0 if anything was found. */
static int
describe_all(struct shell *sh, const char *name, char flag, bool no_funcs)
{
	const struct builtin *b = builtin_find(name);
	struct function *fn;
	const char *al;
	int n = 0;

	if (flag == 'p') {
		/* -ap: only files are printed, but a name that is something
		 * else is found all the same (bash: status 0) */
		if (alias_get(sh, name) != NULL || is_keyword(sh, name) || b != NULL ||
		    (!no_funcs && exec_find_function(sh, name) != NULL))
			n++;
	} else if (flag != 'P') {
		if ((al = alias_get(sh, name)) != NULL) {
			n++;
			if (flag == 't')
				puts("alias");
			else
				print_alias(sh, name, al);
		}
		if (is_keyword(sh, name)) {
			n++;
			if (flag == 't')
				puts("keyword");
			else
				printf("%s is a shell keyword\n", name);
		}
		if (!no_funcs && (fn = exec_find_function(sh, name)) != NULL) {
			struct strbuf o = STRBUF_INIT;

			n++;
			if (flag == 't') {
				puts("function");
			} else {
				sb_printf(&o, "%s is a function\n", name);
				fnprint(&o, name, fn->body, sh->opt.posix);
				sb_addc(&o, '\n');
				fwrite(o.s, 1, o.len, stdout);
				sb_free(&o);
			}
		}
		if (b != NULL) {
			n++;
			if (flag == 't')
				puts("builtin");
			else
				printf("%s is a %sshell builtin\n", name,
				    b->cls == BI_SPECIAL ? "special " : "");
		}
	}
	n += all_files(sh, name, flag);
	return n > 0 ? 0 : 1;
}

#define TYPE_USAGE "type [-afptP] name [name ...]"

/* type [-afptP] name...: describes each name (bash's options: -t one word,
 * -p the file only when a file would run, -P search PATH whatever the
 * name is, -a every match, -f no functions). Without options as dash,
 * except that the status is 1 if any name was not found (bash, yash; dash
 * returns 127 and prints on stdout). */
int
bi_type(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "type", .letters = "afptP", .usage = TYPE_USAGE };
	bool all = false, no_funcs = false;
	char flag = 0;
	int c, i, status = 0;

	errno = 0;
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1)
		switch (c) {
		case '?': return 2;
		case 'a': all = true; break;
		case 'f': no_funcs = true; break;
		case 't': flag = flag == 'P' ? 'P' : 't'; break;
		case 'p': if (flag != 'P') flag = 'p'; break;
		case 'P': flag = 'P'; break;
		}
	for (i = o.ind; i < argc; i++) {
		const char *name = argv[i];
		struct found f;

		if (all) {
			if (describe_all(sh, name, flag, no_funcs) != 0) {
				if (flag == 0)
					diag_error(sh, "type: %s: not found", name);
				status = 1;
			}
		} else if (flag == 0 && !no_funcs) {
			if (describe(sh, "type", name, NULL) != 0)
				status = 1;
		} else if (flag == 'P') {
			char *pth = strchr(name, '/') != NULL ?
			    (path_executable(name) ? strdup(name) : NULL) :
			    find_file(sh, name, NULL);

			if (pth != NULL)
				puts(pth);
			else
				status = 1;
			free(pth);
		} else {
			f = classify(sh, name, NULL);
			if (no_funcs && f.kind == KIND_FUNCTION) {
				/* what would run without the function */
				const struct builtin *b = builtin_find(name);

				f.kind = b != NULL ? KIND_BUILTIN : KIND_NOTFOUND;
				if (b == NULL && (f.path = find_file(sh, name, NULL)) != NULL)
					f.kind = KIND_FILE;
			}
			if (f.kind == KIND_NOTFOUND) {
				if (flag == 0)
					diag_error(sh, "type: %s: not found", name);
				status = 1;
			} else if (flag == 't') {
				puts(kind_word(f.kind));
			} else if (flag == 'p') {
				if (f.kind == KIND_FILE)
					puts(f.path);
			} else if (f.kind == KIND_FILE) {
				printf("%s is %s\n", name, f.path);
			} else if (f.kind == KIND_FUNCTION) {
				describe(sh, "type", name, NULL);
			} else {
				printf("%s is a %s\n", name,
				    f.kind == KIND_ALIAS ? "alias" :
				    f.kind == KIND_KEYWORD ? "shell keyword" :
				    f.kind == KIND_SPECIAL ? "special shell builtin" :
				    "shell builtin");
			}
			free(f.path);
		}
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
	bool found = false;

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
		else
			found = true;
		fflush(stdout);
	}
	if (found && !sh->opt.posix)
		status = 0;	/* bash: one name found is success */
	return biu_flush(sh, "command", status);
}
