/* declare.c: declare and typeset (bash), local: attributes, arrays,
 * namerefs and the `declare -p` listing, whose output, sourced back,
 * recreates each variable (bash 5.2's format: "..." values, $'...' for
 * control characters, ([k]="v") for arrays, a blank before the ')' of an
 * associative array). Inside a function, declare without -g makes its
 * names local, as `local` does. */
#include <stdlib.h>
#include <string.h>

#include "../src/array.h"
#include "../src/assign.h"
#include "../src/exec.h"
#include "../src/param.h"
#include "biutil.h"
#include "declare.h"

/* The attribute letters in bash's order, with their flags. */
static const struct {
	char c;
	unsigned flag;
} attrs[] = {
	{ 'a', VAR_ARRAY }, { 'A', VAR_ASSOC }, { 'i', VAR_INTEGER }, { 'n', VAR_NAMEREF },
	{ 'r', VAR_READONLY }, { 't', VAR_TRACE }, { 'u', VAR_UPPER }, { 'l', VAR_LOWER },
	{ 'x', VAR_EXPORT },
};

static bool
needs_ansi(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* $'...' with C escapes for the control characters (bash's ansic_quote). */
static void
print_ansi(FILE *f, const char *s)
{
	fputs("$'", f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		case 033: fputs("\\E", f); break;
		case '\a': fputs("\\a", f); break;
		case '\b': fputs("\\b", f); break;
		case '\f': fputs("\\f", f); break;
		case '\v': fputs("\\v", f); break;
		case '\'': fputs("\\'", f); break;
		case '\\': fputs("\\\\", f); break;
		default:
			if (c < 0x20 || c == 0x7f)
				fprintf(f, "\\%03o", c);
			else
				putc(c, f);
		}
	}
	putc('\'', f);
}

bool
declare_print_ansi(FILE *f, const char *s)
{
	if (!needs_ansi(s))
		return false;
	print_ansi(f, s);
	return true;
}

static void
print_quoted(FILE *f, const char *s)
{
	if (declare_print_ansi(f, s))
		return;
	putc('"', f);
	for (; *s; s++) {
		if (strchr("\"\\$`", *s))
			putc('\\', f);
		putc(*s, f);
	}
	putc('"', f);
}

/* An associative key is quoted when it has characters the shell would
 * treat specially (bash: sh_contains_shell_metas). */
static void
print_key(FILE *f, const char *k)
{
	if (*k == '\0' || strpbrk(k, " \t\n'\"\\|&;()<>!{}*[]?^$`~#=%") != NULL)
		print_quoted(f, k);
	else
		fputs(k, f);
}

void
declare_print_value(FILE *f, const struct var *v)
{
	if (v->arr == NULL) {
		if (v->value != NULL)
			print_quoted(f, v->value);
		return;
	}
	size_t pos = 0;
	long idx;
	const char *key, *val;
	bool assoc = arr_is_assoc(v->arr), first = true;
	putc('(', f);
	while (arr_next(v->arr, &pos, &idx, &key, &val)) {
		if (!first && !assoc)
			putc(' ', f);
		first = false;
		putc('[', f);
		if (assoc)
			print_key(f, key);
		else
			fprintf(f, "%ld", idx);
		fputs("]=", f);
		print_quoted(f, val);
		if (assoc)
			putc(' ', f);
	}
	putc(')', f);
}

void
declare_print(FILE *f, const struct var *v)
{
	char flags[16];
	size_t n = 0;

	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (v->flags & attrs[i].flag)
			flags[n++] = attrs[i].c;
	if (n == 0)
		flags[n++] = '-';
	flags[n] = '\0';
	fprintf(f, "declare -%s %s", flags, v->name);
	if (v->arr != NULL || v->value != NULL) {
		putc('=', f);
		declare_print_value(f, v);
	}
	putc('\n', f);
}

/* declare -f / -F [name...]; with -x or +x and names, exports them
 * (fnenv.c) or stops; -x without names lists only the exported ones. */
static int
print_functions(struct shell *sh, int argc, char **argv, int i, bool names_only,
    unsigned on, unsigned off)
{
	int st = 0;
	struct strbuf b = STRBUF_INIT;

	if (i < argc && (on | off) & (VAR_EXPORT | VAR_READONLY)) {
		/* declare -fx/+fx/-fr names: export, stop, make read-only
		 * (bash has no +r for functions) */
		for (; i < argc; i++) {
			struct function *fn = exec_find_function(sh, argv[i]);
			if (fn == NULL) {
				st = 1;
				continue;
			}
			if ((on | off) & VAR_EXPORT)
				fnenv_set_export(sh, fn, (on & VAR_EXPORT) != 0);
			if (on & VAR_READONLY)
				fn->readonly = true;
		}
		return st;
	}
	if (i >= argc) {
		/* all functions, sorted by name */
		size_t n = 0;
		for (struct function *fn = sh->funcs; fn; fn = fn->next)
			n++;
		struct function **fs = malloc((n + 1) * sizeof *fs);
		if (fs == NULL)
			abort();
		n = 0;
		for (struct function *fn = sh->funcs; fn; fn = fn->next)
			fs[n++] = fn;
		for (size_t a = 1; a < n; a++)
			for (size_t c = a; c > 0 && strcmp(fs[c - 1]->name, fs[c]->name) > 0; c--) {
				struct function *t = fs[c];
				fs[c] = fs[c - 1];
				fs[c - 1] = t;
			}
		for (size_t k = 0; k < n; k++) {
			/* bash: the attributes, "r" before "x" */
			char x[3], *e = x;
			if (fs[k]->readonly)
				*e++ = 'r';
			if (fs[k]->exported)
				*e++ = 'x';
			*e = '\0';
			if (on & VAR_EXPORT && !fs[k]->exported)
				continue;
			if (on & VAR_READONLY && !fs[k]->readonly)
				continue;
			if (names_only) {
				printf("declare -f%s %s\n", x, fs[k]->name);
				continue;
			}
			sb_reset(&b);
			fnprint(&b, fs[k]->name, fs[k]->body, sh->opt.posix);
			printf("%s\n", b.s);
			if (*x)
				printf("declare -f%s %s\n", x, fs[k]->name);
		}
		free(fs);
		sb_free(&b);
		return 0;
	}
	for (; i < argc; i++) {
		struct function *fn = exec_find_function(sh, argv[i]);
		if (fn == NULL) {
			st = 1;
			continue;
		}
		if (names_only) {
			printf("%s\n", fn->name);
			continue;
		}
		sb_reset(&b);
		fnprint(&b, fn->name, fn->body, sh->opt.posix);
		printf("%s\n", b.s);
	}
	sb_free(&b);
	return st;
}

/* A scalar as bash's `declare` and `set` list it: bare when nothing in
 * it is special to the shell, else as ${x@Q} writes it. */
static void
print_scalar(struct shell *sh, const char *s)
{
	if (strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	    "_@%+=:,./-~") == strlen(s) && s[0] != '~')
		fputs(s, stdout);
	else
		fputs(param_quote(sh, s), stdout);
}

/* Lists the variables that have all of `want` (all of them when 0); with
 * `locals`, only those of the running function (bash's local, local -p). */
static void
list_vars(struct shell *sh, unsigned want, bool values_only, bool locals)
{
	struct var **vs = var_sorted(sh);

	for (struct var **v = vs; *v; v++) {
		if (((*v)->flags & want) != want || (locals && (*v)->scope != sh->scope))
			continue;
		if (values_only) {
			if ((*v)->arr == NULL && (*v)->value == NULL)
				continue;
			printf("%s=", (*v)->name);
			if ((*v)->arr == NULL)
				print_scalar(sh, (*v)->value);
			else
				declare_print_value(stdout, *v);
			putchar('\n');
		} else {
			declare_print(stdout, *v);
		}
	}
	free(vs);
}

enum mode { M_DECLARE, M_LOCAL };

static int
declare_like(struct shell *sh, int argc, char **argv, enum mode mode)
{
	const char *what = argv[0];
	unsigned on = 0, off = 0;
	bool print = false, funcs = false, fnames = false, global = false;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
			break;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		for (const char *c = a + 1; *c; c++) {
			unsigned flag = 0;
			for (size_t k = 0; k < sizeof attrs / sizeof attrs[0]; k++)
				if (attrs[k].c == *c)
					flag = attrs[k].flag;
			if (flag != 0) {
				if (a[0] == '-')
					on |= flag;
				else
					off |= flag;
			} else if (*c == 'p' && a[0] == '-') {
				print = true;
			} else if (*c == 'f' && a[0] == '-') {
				funcs = true;
			} else if (*c == 'F' && a[0] == '-') {
				funcs = fnames = true;
			} else if (*c == 'g' && a[0] == '-' && mode == M_DECLARE) {
				global = true;
			} else {
				char o[3] = { a[0], *c, '\0' };
				diag_error(sh, "%s: %s: invalid option", what, o);
				return diag_usage(sh, what, mode == M_LOCAL ? "local [option] name[=value] ..."
				    : "declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]");
			}
		}
	}
	if (mode == M_LOCAL && sh->func_depth == 0) {
		diag_error(sh, "local: can only be used in a function");
		return 1;
	}
	if (funcs)
		return print_functions(sh, argc, argv, i, fnames, on, off);
	if (i >= argc) {
		list_vars(sh, on, !print && on == 0 && off == 0 && mode != M_LOCAL,
		    mode == M_LOCAL);
		return 0;
	}
	if (print) {
		int st = 0;
		for (; i < argc; i++) {
			struct var *v = var_lookup_raw(sh, argv[i]);
			const char *made;
			if (v == NULL && mode != M_LOCAL && !sh->opt.posix &&
			    (made = var_get(sh, argv[i])) != NULL) {
				/* a value a hook makes: RANDOM, LINENO, UID... */
				printf("declare %s %s=", special_attrs(argv[i]), argv[i]);
				print_quoted(stdout, made);
				putchar('\n');
				continue;
			}
			if (v == NULL || (mode == M_LOCAL && v->scope != sh->scope)) {
				/* local -p: only this function's (bash) */
				diag_error(sh, "%s: %s: not found", what, argv[i]);
				st = 1;
				continue;
			}
			declare_print(stdout, v);
		}
		return st;
	}
	if ((on & VAR_ARRAY) && (on & VAR_ASSOC))
		on &= ~VAR_ARRAY;
	int st = 0;
	bool local = mode == M_LOCAL || (sh->func_depth > 0 && !global);
	for (; i < argc; i++) {
		const char *arg = argv[i];
		size_t n = var_name_len(arg);
		if (mode == M_LOCAL && strcmp(arg, "-") == 0) {
			exec_local_options(sh);	/* local - (bash) */
			continue;
		}
		const char *rest = arg + n;
		if (n == 0 || (*rest != '\0' && *rest != '=' && *rest != '[' &&
		    !(rest[0] == '+' && rest[1] == '='))) {
			diag_error(sh, "%s: `%s': not a valid identifier", what, arg);
			st = 1;
			continue;
		}
		char *name = strndup(arg, n);
		if (name == NULL)
			abort();
		if (local && var_make_local(sh, name) != 0) {
			free(name);
			st = 1;
			continue;
		}
		struct var *raw = var_lookup_raw(sh, name);
		if ((on | off) & VAR_NAMEREF || (raw != NULL && raw->flags & VAR_NAMEREF)) {
			/* the nameref itself */
			if (raw == NULL)
				raw = var_declare_raw(sh, name);
			if (off & VAR_NAMEREF) {
				raw->flags &= ~VAR_NAMEREF;
			} else if (on & VAR_NAMEREF) {
				if (raw->arr != NULL) {
					diag_error(sh, "%s: %s: reference variable cannot be an array", what, name);
					free(name);
					st = 1;
					continue;
				}
				const char *t = *rest == '=' ? rest + 1 : raw->value;
				if (t != NULL && !assign_lvalue_ok(t)) {
					diag_error(sh, "%s: `%s': invalid variable name for name reference",
					    what, t);
					free(name);
					st = 1;
					continue;
				}
				if (*rest == '=' && strcmp(rest + 1, name) == 0) {
					diag_error(sh, "%s: %s: nameref variable self references not allowed",
					    what, name);
					free(name);
					st = 1;
					continue;
				}
				if (*rest == '=' && var_set_ref(sh, raw, rest + 1) != 0) {
					free(name);
					st = 1;
					continue;
				}
				/* -x (or set -a) exports the nameref itself:
				 * NAME=target, as bash */
				raw->flags |= VAR_NAMEREF | (on & (VAR_READONLY | VAR_EXPORT)) |
				    (sh->opt.allexport && raw->value != NULL ? VAR_EXPORT : 0);
				if (raw->flags & VAR_EXPORT)
					var_env_changed(sh);
				free(name);
				continue;
			}
		}
		if (raw != NULL && (raw->flags & VAR_NAMEREF) && raw->value == NULL &&
		    (on & (VAR_ARRAY | VAR_ASSOC)))
			raw->flags &= ~VAR_NAMEREF;	/* bash: -a wins, quietly */
		struct var *v = var_declare(sh, name);
		if (v == NULL) {
			free(name);
			st = 1;
			continue;
		}
		if ((off & (VAR_ARRAY | VAR_ASSOC)) && v->flags & (VAR_ARRAY | VAR_ASSOC)) {
			diag_error(sh, "%s: %s: cannot destroy array variables in this way", what, name);
			free(name);
			st = 1;
			continue;
		}
		if (on & VAR_READONLY && v->flags & VAR_READONLY && *rest != '\0') {
			var_readonly_error(sh, name);
			free(name);
			st = 1;
			continue;
		}
		if (on & (VAR_ARRAY | VAR_ASSOC)) {
			if (v->flags & VAR_READONLY && *rest != '\0') {
				var_readonly_error(sh, name);
				free(name);
				st = 1;
				continue;
			}
			bool assoc = on & VAR_ASSOC;
			if (v->arr != NULL || v->value != NULL) {
				if (var_make_array(sh, v, assoc) != 0) {
					free(name);
					st = 1;
					continue;
				}
			} else if (v->flags & (assoc ? VAR_ARRAY : VAR_ASSOC)) {
				diag_error(sh, "%s: cannot convert %s to %s array", name,
				    assoc ? "indexed" : "associative", assoc ? "associative" : "indexed");
				free(name);
				st = 1;
				continue;
			} else {
				v->flags |= assoc ? VAR_ASSOC : VAR_ARRAY;
			}
		}
		unsigned set = on & (VAR_INTEGER | VAR_LOWER | VAR_UPPER | VAR_TRACE | VAR_EXPORT);
		if ((set & (VAR_LOWER | VAR_UPPER)) == (VAR_LOWER | VAR_UPPER)) {
			set &= ~(VAR_LOWER | VAR_UPPER);	/* -ul: neither (bash) */
			v->flags &= ~(VAR_LOWER | VAR_UPPER);
		}
		if (set & VAR_LOWER)
			v->flags &= ~VAR_UPPER;
		if (set & VAR_UPPER)
			v->flags &= ~VAR_LOWER;
		v->flags |= set;
		v->flags &= ~(off & (VAR_INTEGER | VAR_LOWER | VAR_UPPER | VAR_TRACE | VAR_EXPORT));
		if ((on | off) & VAR_EXPORT)
			var_env_changed(sh);
		if (*rest == '=' && off & VAR_ARRAY && v->arr == NULL) {
			/* declare +a 'x=(1 2)': the text is a string (bash) */
			if (var_set(sh, name, rest + 1, 0) != 0)
				st = 1;
		} else if (*rest != '\0' && assign_text(sh, arg, on & (VAR_ARRAY | VAR_ASSOC)) != 0) {
			free(name);
			st = 1;
			continue;
		}
		if (on & VAR_READONLY) {
			v = var_lookup(sh, name);
			if (v != NULL)
				v->flags |= VAR_READONLY;
		}
		if (off & VAR_READONLY && v->flags & VAR_READONLY) {
			var_readonly_error(sh, name);
			st = 1;
		}
		free(name);
	}
	return st;
}

int
bi_declare(struct shell *sh, int argc, char **argv)
{
	return declare_like(sh, argc, argv, M_DECLARE);
}

int
bi_local(struct shell *sh, int argc, char **argv)
{
	return declare_like(sh, argc, argv, M_LOCAL);
}
