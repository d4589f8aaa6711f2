/* biutil.c: the option scanner shared by the builtins (see biutil.h). */
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
