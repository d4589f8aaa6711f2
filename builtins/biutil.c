/* biutil.c: the option scanner shared by the builtins (see biutil.h). */
#include <stdlib.h>
#include <string.h>

#include "biutil.h"

static int
opt_error(struct shell *sh, const struct biu_opts *o, char c, const char *why)
{
	diag_error(sh, "%s: -%c: %s", o->name, c, why);
	diag_usage(sh, o->name, o->usage);
	return '?';
}

int
biu_getopt(struct shell *sh, struct biu_opts *o, int argc, char **argv)
{
	const char *a, *spec;
	char c;

	if (o->ind == 0)
		o->ind = 1;
	o->arg = NULL;
	if (o->next == NULL || *o->next == '\0') {
		if (o->ind >= argc)
			return -1;
		a = argv[o->ind];
		if (a[0] != '-' || a[1] == '\0')
			return -1;
		if (o->num_operand && a[1] >= '0' && a[1] <= '9')
			return -1;
		if (strcmp(a, "--") == 0) {
			o->ind++;
			return -1;
		}
		o->next = a + 1;
		o->ind++;
	}
	c = *o->next++;
	spec = c != ':' ? strchr(o->letters, c) : NULL;
	if (spec == NULL) {
		o->next = NULL;
		return opt_error(sh, o, c, "invalid option");
	}
	if (spec[1] != ':')
		return c;
	if (*o->next != '\0')
		o->arg = o->next;
	else if (o->ind < argc)
		o->arg = argv[o->ind++];
	else
		return opt_error(sh, o, c, "option requires an argument");
	o->next = NULL;
	return c;
}

/* ---- errors of special builtins (XCU 2.8.1) ---- */
int
biu_special_error(struct shell *sh, int status)
{
	sh->builtin_error = true;
	return status;
}

/* "spsh: NAME: usage: USAGE", status 2; all users are special builtins. */
int
biu_usage_error(struct shell *sh, const char *name, const char *usage)
{
	return biu_special_error(sh, diag_usage(sh, name, usage));
}

/* "spsh: NAME: -x: invalid option" and the usage. */
int
biu_bad_option(struct shell *sh, const char *name, const char *opt, const char *usage)
{
	diag_error(sh, "%s: %s: invalid option", name, opt);
	return biu_usage_error(sh, name, usage);
}

/* Parses a non-negative decimal count; -1 if invalid. */
long
biu_count_arg(const char *s)
{
	char *end;
	long n;

	if (*s == '\0')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 0 || errno)
		return -1;
	return n;
}
