/* shopt.c: the `shopt` builtin (bash): shopt [-pqsu] [-o] [optname ...].
 * -s/-u set or unset, -q says by the status only, -p prints reusable
 * commands, -o works on the `set -o` names instead. */
#include <stdio.h>
#include <string.h>

#include "biutil.h"

struct list_ctx {
	bool print_cmd;		/* -p: "shopt -s name" */
	int only;		/* -1 all, 0 the ones off, 1 the ones on */
};

static void
show(void *ctx, const char *name, bool on)
{
	struct list_ctx *l = ctx;

	if (l->only != -1 && l->only != on)
		return;
	if (l->print_cmd)
		printf("shopt %s %s\n", on ? "-s" : "-u", name);
	else
		printf("%-15s\t%s\n", name, on ? "on" : "off");
}

static int
set_o_option(struct shell *sh, const char *name, int mode, bool quiet,
    bool print_cmd, bool *any_off)
{
	bool on;

	if (mode != -1) {
		if (opt_set_name(sh, name, mode) != 0) {
			diag_error(sh, "shopt: %s: invalid option name", name);
			return 1;
		}
		return 0;
	}
	if (opt_get_name(sh, name, &on) != 0) {
		diag_error(sh, "shopt: %s: invalid option name", name);
		return 1;
	}
	if (!on)
		*any_off = true;
	if (!quiet) {
		if (print_cmd)
			printf("set %co %s\n", on ? '-' : '+', name);
		else
			printf("%-15s\t%s\n", name, on ? "on" : "off");
	}
	return 0;
}

int
bi_shopt(struct shell *sh, int argc, char **argv)
{
	struct biu_opts o = { .name = "shopt", .letters = "pqsuo",
	    .usage = "shopt [-pqsu] [-o] [optname ...]" };
	int c, mode = -1, status = 0;	/* mode: 1 -s, 0 -u, -1 query */
	bool quiet = false, print_cmd = false, oflag = false, any_off = false;

	while ((c = biu_getopt(sh, &o, argc, argv)) != -1)
		switch (c) {
		case 's': mode = 1; break;
		case 'u': mode = 0; break;
		case 'q': quiet = true; break;
		case 'p': print_cmd = true; break;
		case 'o': oflag = true; break;
		default: return 2;
		}
	if (o.ind >= argc) {
		if (quiet)
			return 0;
		if (oflag) {
			opt_print(sh, print_cmd);
			return biu_flush(sh, "shopt", 0);
		}
		struct list_ctx l = { print_cmd, mode };
		shopt_each(sh, show, &l);
		return biu_flush(sh, "shopt", 0);
	}
	for (int i = o.ind; i < argc; i++) {
		const char *name = argv[i];
		bool ro;
		bool *f;

		if (oflag) {
			status |= set_o_option(sh, name, mode, quiet, print_cmd, &any_off);
			continue;
		}
		if ((f = shopt_find(sh, name, &ro)) == NULL) {
			diag_error(sh, "shopt: %s: invalid shell option name", name);
			status = 1;
			continue;
		}
		if (mode != -1) {
			/* login_shell: bash says nothing and leaves it */
			if (!ro)
				*f = mode;
			continue;
		}
		if (!*f)
			any_off = true;
		if (!quiet) {
			struct list_ctx l = { print_cmd, -1 };
			show(&l, name, *f);
		}
	}
	if (mode == -1 && any_off && status == 0)
		status = 1;
	return biu_flush(sh, "shopt", status);
}
