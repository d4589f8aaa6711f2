/* dirs.c: the directory stack, bash's pushd, popd and dirs. Element 0 is
 * the working directory ($PWD); the others are kept here (a forked
 * subshell gets a copy) and mirrored in the array DIRSTACK after each
 * change. The directory changes go through the cd builtin. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "shell.h"

static char **stack;		/* heap; stack[0] is the top under $PWD */
static size_t depth, cap;

static void
push_at(size_t i, const char *dir)
{
	if (depth == cap) {
		cap = cap ? 2 * cap : 8;
		if ((stack = realloc(stack, cap * sizeof *stack)) == NULL)
			abort();
	}
	memmove(stack + i + 1, stack + i, (depth - i) * sizeof *stack);
	if ((stack[i] = strdup(dir)) == NULL)
		abort();
	depth++;
}

static void
remove_at(size_t i)
{
	free(stack[i]);
	memmove(stack + i, stack + i + 1, (depth - i - 1) * sizeof *stack);
	depth--;
}

static const char *
pwd(struct shell *sh)
{
	const char *p = var_get(sh, "PWD");

	return p != NULL ? p : ".";
}

/* Element i of the whole stack (0: $PWD). */
static const char *
elem(struct shell *sh, size_t i)
{
	return i == 0 ? pwd(sh) : stack[i - 1];
}

static void
sync_dirstack(struct shell *sh)
{
	struct var *v = var_declare(sh, "DIRSTACK");

	if (v == NULL || var_array_clear(sh, v) != 0)
		return;
	for (size_t i = 0; i <= depth; i++)
		var_elem_set(sh, v, (long)i, elem(sh, i), false);
}

/* Appends dir to b with $HOME shown as ~ (unless `full`). */
static void
add_dir(struct shell *sh, struct strbuf *b, const char *dir, bool full)
{
	const char *home = var_get(sh, "HOME");
	size_t n = home != NULL ? strlen(home) : 0;

	if (!full && n > 1 && strncmp(dir, home, n) == 0 &&
	    (dir[n] == '\0' || dir[n] == '/')) {
		sb_addc(b, '~');
		dir += n;
	}
	sb_adds(b, dir);
}

static int
print_stack(struct shell *sh, bool full, bool lines, bool numbered)
{
	struct strbuf b = STRBUF_INIT;
	int st;

	for (size_t i = 0; i <= depth; i++) {
		if (numbered)
			sb_printf(&b, "%2zu  ", i);
		add_dir(sh, &b, elem(sh, i), full);
		sb_addc(&b, lines || numbered || i == depth ? '\n' : ' ');
	}
	st = biu_write(sh, "dirs", &b, 0);
	sb_free(&b);
	return st;
}

/* cd through the cd builtin (PWD, OLDPWD, CDPATH as cd has them). */
static int
change_dir(struct shell *sh, const char *dir)
{
	const struct builtin *cd = builtin_find_any("cd");
	char *argv[] = { "cd", "--", (char *)dir, NULL };

	/* a CDPATH hit or `-` prints the directory, as cd does (bash too) */
	return cd->fn(sh, 3, argv);
}

/* +N / -N: an index of the whole stack, or -1. */
static long
stack_index(const char *a)
{
	char *end;
	long n;

	if ((a[0] != '+' && a[0] != '-') || a[1] < '0' || a[1] > '9')
		return -1;
	n = strtol(a + 1, &end, 10);
	if (*end != '\0' || n > (long)depth)
		return -2;
	return a[0] == '+' ? n : (long)depth - n;
}

/* An operand that starts like +N or -N without being one ("-z", "+x";
 * "-" alone is a directory): bash's usage error. */
static bool
bad_index(const char *a)
{
	return (a[0] == '+' || a[0] == '-') && a[1] != '\0' && stack_index(a) == -1;
}

static int
index_usage(struct shell *sh, const char *name, const char *arg, const char *what,
	    const char *usage)
{
	diag_error(sh, "%s: %s: %s", name, arg, what);
	return diag_usage(sh, name, usage);
}

int
bi_dirs(struct shell *sh, int argc, char **argv)
{
	bool full = false, lines = false, numbered = false;
	int i;

	errno = 0;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		long n = stack_index(a);

		if (n >= 0) {
			struct strbuf b = STRBUF_INIT;
			int st;

			add_dir(sh, &b, elem(sh, (size_t)n), full);
			sb_addc(&b, '\n');
			st = biu_write(sh, "dirs", &b, 0);
			sb_free(&b);
			return st;
		}
		if (n == -2) {
			diag_error(sh, "dirs: %s: directory stack index out of range", a);
			return 1;
		}
		if (a[0] != '-' || a[1] == '\0' || a[strspn(a + 1, "clpv") + 1] != '\0') {
			diag_error(sh, "dirs: %s: invalid option", a);
			diag_usage(sh, "dirs", "dirs [-clpv] [+N] [-N]");
			return 2;
		}
		for (const char *o = a + 1; *o != '\0'; o++)
			switch (*o) {
			case 'c':
				while (depth > 0)
					remove_at(depth - 1);
				sync_dirstack(sh);
				return 0;
			case 'l': full = true; break;
			case 'p': lines = true; break;
			case 'v': numbered = true; break;
			}
	}
	return print_stack(sh, full, lines, numbered);
}

int
bi_pushd(struct shell *sh, int argc, char **argv)
{
	bool nocd = false;
	const char *dir = NULL;
	char *old;
	int i, st;

	errno = 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n") == 0) {
			nocd = true;
		} else if (strcmp(argv[i], "--") == 0) {
			if (i + 1 < argc)
				dir = argv[++i];
			break;
		} else if (bad_index(argv[i])) {
			return index_usage(sh, "pushd", argv[i], "invalid number",
			    "pushd [-n] [+N | -N | dir]");
		} else {
			dir = argv[i];
		}
	}
	if (dir == NULL || stack_index(dir) >= 0) {
		/* no operand: swap the top two; +N/-N: rotate N to the top */
		long n = dir == NULL ? 1 : stack_index(dir);
		size_t k;

		if (depth == 0) {
			diag_error(sh, "pushd: no other directory");
			return 1;
		}
		for (k = 0; k < (size_t)n && dir != NULL; k++) {
			/* rotate left by one: the top goes to the bottom */
			push_at(depth, pwd(sh));
			old = strdup(stack[0]);
			remove_at(0);
			if (change_dir(sh, old) != 0) {
				free(old);
				return 1;
			}
			free(old);
		}
		if (dir == NULL) {
			old = strdup(pwd(sh));
			if (change_dir(sh, stack[0]) != 0) {
				free(old);
				return 1;
			}
			free(stack[0]);
			stack[0] = old;
		}
		sync_dirstack(sh);
		return print_stack(sh, false, false, false);
	}
	if (stack_index(dir) == -2) {
		diag_error(sh, "pushd: %s: directory stack index out of range", dir);
		return 1;
	}
	if (nocd) {
		push_at(0, dir);
	} else {
		old = strdup(pwd(sh));
		if ((st = change_dir(sh, dir)) != 0) {
			free(old);
			return st;
		}
		push_at(0, old);
		free(old);
	}
	sync_dirstack(sh);
	return print_stack(sh, false, false, false);
}

int
bi_popd(struct shell *sh, int argc, char **argv)
{
	bool nocd = false;
	long n = 0;
	int i;

	errno = 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n") == 0) {
			nocd = true;
		} else if (strcmp(argv[i], "--") == 0) {
			continue;
		} else if (bad_index(argv[i]) ||
		    (argv[i][0] != '+' && argv[i][0] != '-')) {
			return index_usage(sh, "popd", argv[i], bad_index(argv[i]) ?
			    "invalid number" : "invalid argument", "popd [-n] [+N | -N]");
		} else if ((n = stack_index(argv[i])) < 0) {
			diag_error(sh, "popd: %s: %s", argv[i], n == -2 ?
			    "directory stack index out of range" : "invalid argument");
			return 1;
		}
	}
	if (depth == 0) {
		diag_error(sh, "popd: directory stack empty");
		return 1;
	}
	if (n > 0) {
		remove_at((size_t)n - 1);
	} else if (nocd) {
		remove_at(0);
	} else {
		if (change_dir(sh, stack[0]) != 0)
			return 1;
		remove_at(0);
	}
	sync_dirstack(sh);
	return print_stack(sh, false, false, false);
}
