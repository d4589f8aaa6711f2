/* getopts.c: the getopts utility (XCU getopts). OPTIND is the index of
 * the next argument to look at; the position inside a grouped argument
 * ("-abc") cannot be stored in OPTIND, so it is kept here, together with
 * the OPTIND value and argument it belongs to: when OPTIND or the argument
 * changes, the scan restarts at the beginning of an argument.
 * Messages follow bash's wording and form ("$0: illegal option -- x");
 * dash says "Illegal option -x". */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "biutil.h"
#include "getopts.h"
#include "shell.h"

static long s_optind;		/* the OPTIND value we stored last */
static char *s_arg;		/* copy of the argument we were inside (the
				 * caller's argv is rebuilt for each command,
				 * so compare contents, not pointers) */
static size_t s_pos;		/* next option character in s_arg, 0: none */

void
getopts_reset(void)
{
	s_optind = 0;
	free(s_arg);
	s_arg = NULL;
	s_pos = 0;
}

static void
optind_changed(struct shell *sh, const char *value)
{
	(void)sh;
	(void)value;
	getopts_reset();
}

/* Assigning OPTIND, even to the value it has, restarts the scan. */
static const struct var_hook optind_hook = { "OPTIND", optind_changed, NULL };

void
getopts_init(struct shell *sh)
{
	var_hook_add(sh, &optind_hook);
}

/* Stores OPTIND = ind and the position for the next call. */
static int
set_optind(struct shell *sh, long ind, const char *arg, size_t pos)
{
	char buf[32];

	int r;

	snprintf(buf, sizeof buf, "%ld", ind);
	/* Assigning OPTIND calls getopts_reset(): assign first, then record
	 * where we are. */
	r = var_set(sh, "OPTIND", buf, 0);
	s_optind = ind;
	free(s_arg);
	s_arg = arg != NULL ? strdup(arg) : NULL;
	s_pos = pos;
	return r;
}

/* Sets the name operand to the one-character string `c`. A name that is
 * not a name is reported here, after OPTIND and OPTARG moved on (bash and
 * dash do the same); bi_getopts gives the status. */
static int
set_name(struct shell *sh, const char *name, char c)
{
	char v[2] = { c, '\0' };

	if (!var_is_name(name)) {
		diag_error(sh, "getopts: `%s': not a valid identifier", name);
		return 0;
	}
	return var_set(sh, name, v, 0);
}

/* getopts optstring name [arg...]: 0 when an option was found (even an
 * invalid one), 1 at the end of the options, 2 on a usage error. */
static int
run(struct shell *sh, int argc, char **argv)
{
	const char *optstring, *name, *v, *arg, *o;
	char **args;
	int nargs, err = 0;
	long ind;
	size_t pos;
	bool silent;
	char c, *end;

	int first = biu_operands(sh, "getopts", "", "getopts optstring name [arg ...]", argc, argv);

	if (first < 0)
		return 2;
	argc -= first - 1;
	argv += first - 1;
	if (argc < 3)
		return diag_usage(sh, "getopts", "getopts optstring name [arg ...]");
	optstring = argv[1];
	name = argv[2];
	silent = optstring[0] == ':';
	if (silent)
		optstring++;
	if (argc > 3) {
		args = argv + 3;
		nargs = argc - 3;
	} else {
		args = sh->argv;
		nargs = sh->argc;
	}

	v = var_get(sh, "OPTIND");
	ind = v != NULL ? strtol(v, &end, 10) : 1;
	if (v == NULL || *end != '\0' || *v == '\0' || ind < 1)
		ind = 1;
	if (ind > nargs + 1)	/* past the end: just past the last (bash) */
		ind = nargs + 1;
	pos = 0;
	if (ind == s_optind && ind <= nargs && s_arg != NULL &&
	    strcmp(args[ind - 1], s_arg) == 0 &&
	    s_pos > 0 && s_pos < strlen(s_arg))
		pos = s_pos;

	if (pos == 0) {
		/* at the start of an argument: is it an option group? */
		if (ind > nargs)
			goto done;
		arg = args[ind - 1];
		if (arg[0] != '-' || arg[1] == '\0')
			goto done;
		if (strcmp(arg, "--") == 0) {
			ind++;
			goto done;
		}
		pos = 1;
	}
	arg = args[ind - 1];
	c = arg[pos++];
	o = c != ':' ? strchr(optstring, c) : NULL;
	if (o == NULL) {
		/* XCU getopts: an option not in optstring */
		if (silent) {
			char s[2] = { c, '\0' };

			err |= var_set(sh, "OPTARG", s, 0);
		} else {
			diag_getopts(sh, "illegal option", c);
			var_unset(sh, "OPTARG");
		}
		err |= set_name(sh, name, '?');
	} else if (o[1] == ':') {
		/* an option-argument: the rest of this argument or the next */
		if (arg[pos] != '\0') {
			err |= var_set(sh, "OPTARG", arg + pos, 0);
		} else if (ind < nargs) {
			ind++;
			err |= var_set(sh, "OPTARG", args[ind - 1], 0);
		} else if (silent) {
			char s[2] = { c, '\0' };

			err |= var_set(sh, "OPTARG", s, 0);
			err |= set_name(sh, name, ':');
			return set_optind(sh, ind + 1, NULL, 0) != 0 || err ? 2 : 0;
		} else {
			diag_getopts(sh, "option requires an argument", c);
			var_unset(sh, "OPTARG");
			err |= set_name(sh, name, '?');
			return set_optind(sh, ind + 1, NULL, 0) != 0 || err ? 2 : 0;
		}
		err |= set_name(sh, name, c);
		return set_optind(sh, ind + 1, NULL, 0) != 0 || err ? 2 : 0;
	} else {
		var_unset(sh, "OPTARG");
		err |= set_name(sh, name, c);
	}
	/* more options in this group: OPTIND stays on it */
	if (arg[pos] != '\0')
		return set_optind(sh, ind, arg, pos) != 0 || err ? 2 : 0;
	return set_optind(sh, ind + 1, NULL, 0) != 0 || err ? 2 : 0;

done:
	/* XCU getopts: at the end, OPTIND indexes the first operand and
	 * name is set to '?' */
	var_unset(sh, "OPTARG");
	err |= set_name(sh, name, '?');
	if (set_optind(sh, ind, NULL, 0) != 0 || err)
		return sh->opt.posix ? 2 : 1;	/* a read-only name: bash 1 */
	return 1;
}

/* A bad name operand: status 1 as bash has it, 2 as dash in posix mode. */
int
bi_getopts(struct shell *sh, int argc, char **argv)
{
	int first = biu_operands(sh, "getopts", "", "getopts optstring name [arg ...]", argc, argv);
	int status;

	if (first < 0)
		return 2;
	status = run(sh, argc, argv);
	if (argc - first >= 2 && !var_is_name(argv[first + 1]))
		return sh->opt.posix ? 2 : 1;
	return status;
}
