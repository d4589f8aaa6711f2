/* vars.c: the builtins that change variables and parameters: set, shift,
 * unset, export, readonly (XCU 2.15; with bash's arrays: unset 'a[i]', readonly -a). */
#include <stdlib.h>
#include <string.h>

#include "../src/assign.h"
#include "biutil.h"
#include "declare.h"
#include "exec.h"
#include "executor.h"

int bi_declare(struct shell *sh, int argc, char **argv);

int
bi_shift(struct shell *sh, int argc, char **argv)
{
	long n = 1;
	int i;

	if (argc > 2)
		return biu_usage_error(sh, "shift", "shift [n]");
	/* Posix mode: dash's words and status 2, and the error exits a
	 * non-interactive shell (XCU 2.8.1: shift is a special builtin).
	 * Otherwise bash: status 1, the script goes on, and a count past $#
	 * is silent unless `shopt -s shift_verbose`. */
	if (argc > 1) {
		n = biu_count_arg(argv[1]);
		if (n < 0) {
			if (sh->opt.posix) {
				diag_error(sh, "shift: Illegal number: %s", argv[1]);
				return biu_special_error(sh, 2);
			}
			if (argv[1][0] == '-' && biu_count_arg(argv[1] + 1) >= 0)
				diag_error(sh, "shift: %s: shift count out of range", argv[1]);
			else
				diag_error(sh, "shift: %s: numeric argument required", argv[1]);
			return 1;
		}
	}
	if (n > sh->argc) {
		if (sh->opt.posix) {
			diag_error(sh, "shift: can't shift that many");
			return biu_special_error(sh, 2);
		}
		if (sh->shopt.shift_verbose && argc > 1)
			diag_error(sh, "shift: %s: shift count out of range", argv[1]);
		else if (sh->shopt.shift_verbose)
			diag_error(sh, "shift: shift count out of range");
		return 1;
	}
	for (i = 0; i < n; i++)
		free(sh->argv[i]);
	sh->argv += n;	/* O(1): a loop of shifts is linear (dash) */
	sh->argc -= (int)n;
	return 0;
}

static void
print_value(struct shell *sh, const char *v, bool bare)
{
	if (bare && !sh->opt.posix && !biu_needs_quotes(v)) {
		fputs(v, stdout);
		return;
	}
	/* bash outside posix mode: $'...' for control characters, so that a
	 * listing stays one line per variable; dash cannot read it */
	if (!sh->opt.posix && declare_print_ansi(stdout, v))
		return;
	putchar('\'');
	for (; *v; v++)
		if (*v == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*v);
	putchar('\'');
}

/* set [-abCefhmnuvx] [-o opt] [+o opt] [--] [arg...] */
#define SET_USAGE "set [-+abCefhmnuvx] [-+o option] [--] [arg...]"
int
bi_set(struct shell *sh, int argc, char **argv)
{
	int i;
	bool newargs = false;

	if (argc == 1) {
		struct var **vs = var_sorted(sh);
		for (struct var **v = vs; *v; v++) {
			if ((*v)->arr != NULL) {
				printf("%s=", (*v)->name);
				declare_print_value(stdout, *v);
				putchar('\n');
				continue;
			}
			if ((*v)->value == NULL)
				continue;
			printf("%s=", (*v)->name);
			print_value(sh, (*v)->value, true);
			putchar('\n');
		}
		free(vs);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		bool on = a[0] == '-';
		if (strcmp(a, "--") == 0) {
			i++;
			newargs = true;
			break;
		}
		if (strcmp(a, "-") == 0) {
			/* "set -": turn off -x and -v (historical) */
			sh->opt.xtrace = sh->opt.verbose = false;
			i++;
			newargs = i < argc;
			break;
		}
		if (strcmp(a, "+") == 0)
			continue;	/* an empty group of options (dash, bash) */
		if (a[0] != '-' && a[0] != '+')
			break;
		for (char *c = a + 1; *c; c++) {
			if (*c == 'o') {
				if (i + 1 >= argc) {
					opt_print(sh, !on);
					continue;
				}
				if (opt_set_name(sh, argv[++i], on) != 0) {
					diag_error(sh, "set: %s: invalid option name", argv[i]);
					return biu_usage_error(sh, "set", SET_USAGE);
				}
				continue;
			}
			if (*c == 'm' && on && sh->tty_fd < 0 && sh->opt.interactive == false) {
				/* job control needs a terminal; accept quietly */
			}
			if (opt_set_letter(sh, *c, on) != 0) {
				char o[3] = { a[0], *c, '\0' };
				return biu_bad_option(sh, "set", o, SET_USAGE);
			}
		}
	}
	if (i < argc || newargs) {
		for (int k = 0; k < sh->argc; k++)
			free(sh->argv[k]);
		free(sh->argv_block);
		sh->argc = argc - i;
		sh->argv = malloc((size_t)(sh->argc + 1) * sizeof *sh->argv);
		for (int k = 0; k < sh->argc; k++)
			sh->argv[k] = strdup(argv[i + k]);
		sh->argv[sh->argc] = NULL;
		sh->argv_block = sh->argv;
	}
	return 0;
}

int
bi_unset(struct shell *sh, int argc, char **argv)
{
	int i = 1, st = 0, elem_st = 0;
	char mode = 'v';
	bool explicit_v = false;

	struct biu_opts o = { .name = "unset", .letters = sh->opt.posix ? "fv" : "fnv",
	    .usage = "unset [-f|-v|-n] name..." };
	int c;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return biu_special_error(sh, 2);
		mode = (char)c;
		explicit_v = c == 'v';
	}
	i = o.ind;
	for (; i < argc; i++) {
		if (mode == 'f') {
			if (exec_unset_function(sh, argv[i]) != 0)
				elem_st = 1;	/* read-only (bash) */
			continue;
		}
		if (strchr(argv[i], '[') != NULL && !sh->opt.posix) {
			/* unset 'a[i]' (bash: an error here is not fatal) */
			if (assign_unset(sh, argv[i]) != 0)
				elem_st = 1;
			continue;
		}
		if (!var_is_name(argv[i]) && !sh->opt.posix) {
			/* bash: without -v the word may still name a function
			 * (any word can), so it goes quietly; -n ignores it;
			 * -v reports it, status 1 */
			if (explicit_v) {
				diag_error(sh, "unset: `%s': not a valid identifier", argv[i]);
				elem_st = 1;
			} else if (mode == 'v' && exec_unset_function(sh, argv[i]) != 0) {
				elem_st = 1;
			}
			continue;
		}
		if (!var_is_name(argv[i])) {
			diag_error(sh, "unset: %s: bad variable name", argv[i]);
			st = 2;	/* dash, yash: a fatal error, status 2 */
			continue;
		}
		if (mode == 'v' && !explicit_v && !sh->opt.posix &&
		    var_lookup_raw(sh, argv[i]) == NULL &&
		    exec_find_function(sh, argv[i]) != NULL) {
			/* bash: no such variable, so the function goes (XCU
			 * leaves this unspecified; dash keeps it) */
			if (exec_unset_function(sh, argv[i]) != 0)
				elem_st = 1;
			continue;
		}
		const struct var *tv = mode == 'v' && !sh->opt.posix ?
		    var_lookup_raw(sh, argv[i]) : NULL;
		if (tv != NULL && (tv->flags & VAR_TEMPENV) && simple_tempenv_unset(sh, argv[i]))
			continue;	/* bash: x=t f; unset x in f shows x again */
		if ((mode == 'n' ? var_unset_raw(sh, argv[i]) : var_unset(sh, argv[i])) != 0)
			st = sh->opt.posix ? 2 : 1;	/* read-only: bash 1 */
	}
	if (st)
		return biu_special_error(sh, st);
	return elem_st;
}

/* export -f [name...], export -fn name..., readonly -f [name...] (bash):
 * each name must be a function; without names, the exported (read-only)
 * functions as `declare -f` lists them, each followed by its `declare -fx`
 * (-fr) line. */
static int
export_functions(struct shell *sh, int argc, char **argv, int i, bool on, unsigned flag)
{
	const char *what = flag == VAR_EXPORT ? "export" : "readonly";
	int st = 0;

	if (i >= argc) {
		char *dargv[] = { "declare", flag == VAR_EXPORT ? "-fx" : "-fr", NULL };
		return bi_declare(sh, 2, dargv);	/* declare.c */
	}
	for (; i < argc; i++) {
		struct function *fn = exec_find_function(sh, argv[i]);
		if (fn == NULL) {
			diag_error(sh, "%s: %s: not a function", what, argv[i]);
			st = 1;
			continue;
		}
		if (flag == VAR_EXPORT)
			fnenv_set_export(sh, fn, on);
		else
			fn->readonly = true;
	}
	return st;
}

/* export/readonly [-p] [name[=value]...] */
static int
export_like(struct shell *sh, int argc, char **argv, unsigned flag, const char *what)
{
	struct biu_opts o = { .name = what,
	    .letters = sh->opt.posix ? "p" : flag == VAR_EXPORT ? "pfn" : "paAf",
	    .usage = flag == VAR_EXPORT ? (sh->opt.posix ? "export [-p] [name[=value]...]" :
	    "export [-fn] [name[=value] ...] or export -p") : sh->opt.posix ?
	    "readonly [-p] [name[=value]...]" : "readonly [-aAf] [name[=value] ...] or readonly -p" };
	int i, st = 0;
	unsigned arrays = 0;	/* readonly -a / -A (bash) */
	bool funcs = false, unexport = false;	/* export -f, -n (bash) */
	int elem_err = 0;

	while ((i = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (i == '?')
			return biu_special_error(sh, 2);
		if (i == 'a')
			arrays = VAR_ARRAY;
		if (i == 'A')
			arrays = VAR_ASSOC;
		funcs |= i == 'f';
		unexport |= i == 'n';
	}
	i = o.ind;
	if (funcs)
		return export_functions(sh, argc, argv, i, !unexport, flag);
	if (unexport) {
		/* bash: export -n name[=value]: keeps the variable, not in
		 * the environment any more */
		for (; i < argc; i++) {
			size_t nl = var_name_len(argv[i]);
			if (nl == 0 || (argv[i][nl] != '\0' && argv[i][nl] != '=')) {
				diag_error(sh, "%s: `%s': not a valid identifier", what, argv[i]);
				st = 1;
				continue;
			}
			if (argv[i][nl] == '=' && assign_text(sh, argv[i], 0) != 0) {
				st = 1;
				continue;
			}
			char *name = strndup(argv[i], nl);
			struct var *v = var_lookup(sh, name);
			if (v != NULL && v->flags & VAR_EXPORT) {
				v->flags &= ~VAR_EXPORT;
				var_env_changed(sh);
			}
			free(name);
		}
		return st;
	}
	if (i >= argc) {
		struct var **vs = var_sorted(sh);
		for (struct var **v = vs; *v; v++) {
			if (!((*v)->flags & flag))
				continue;
			if ((*v)->arr != NULL || !sh->opt.posix) {
				/* bash: declare -x NAME="value" outside posix
				 * mode (and declare -r for readonly -p) */
				declare_print(stdout, *v);
				continue;
			}
			printf("%s %s", what, (*v)->name);
			if ((*v)->value != NULL) {
				putchar('=');
				print_value(sh, (*v)->value, false);
			}
			putchar('\n');
		}
		free(vs);
		return 0;
	}
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		size_t nl = var_name_len(argv[i]);
		if (!sh->opt.posix && nl > 0 && argv[i][nl] == '[') {
			/* bash: an element cannot be exported or made read-only
			 * (an error that does not exit, as in bash) */
			diag_error(sh, "%s: `%.*s': not a valid identifier", what,
			    eq ? (int)(eq - argv[i]) : (int)strlen(argv[i]), argv[i]);
			elem_err = 1;
			continue;
		}
		if (!sh->opt.posix && nl > 0 && (argv[i][nl] == '+' ||
		    (eq == argv[i] + nl && eq[1] == '(') || arrays)) {
			/* bash: readonly a=(...), export a+=x, readonly -a a */
			char *name = strndup(argv[i], nl);
			if (argv[i][nl] != '\0' && assign_text(sh, argv[i], arrays) != 0)
				st = 1;
			else if (argv[i][nl] == '\0' && arrays != 0 &&
			    var_make_array(sh, var_declare(sh, name), arrays & VAR_ASSOC) != 0)
				st = 1;
			else if (var_set(sh, name, NULL, flag) != 0)
				st = 1;
			free(name);
			continue;
		}
		char *name = eq ? strndup(argv[i], (size_t)(eq - argv[i])) : strdup(argv[i]);
		if (!var_is_name(name) && !sh->opt.posix) {
			/* bash: the whole word is named, status 1 */
			diag_error(sh, "%s: `%s': not a valid identifier", what, argv[i]);
			free(name);
			elem_err = 1;
			continue;
		}
		if (!var_is_name(name)) {
			diag_error(sh, "%s: %s: bad variable name", what, name);
			free(name);
			st = 2;
			continue;
		}
		if (var_set(sh, name, eq ? eq + 1 : NULL, flag) != 0)
			st = sh->opt.posix ? 2 : 1;	/* read-only: bash 1 */
		free(name);
	}
	if (st)
		return biu_special_error(sh, st);
	return elem_err;
}

int
bi_export(struct shell *sh, int argc, char **argv)
{
	return export_like(sh, argc, argv, VAR_EXPORT, "export");
}

int
bi_readonly(struct shell *sh, int argc, char **argv)
{
	return export_like(sh, argc, argv, VAR_READONLY, "readonly");
}
