/* umask.c: the umask utility (XCU umask): prints the mask as 0022 or, with
 * -S, symbolically (u=rwx,g=rx,o=rx); sets it from an octal number or a
 * chmod-style symbolic mode, which describes the permissions *allowed*
 * (the complement of the mask). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "biutil.h"
#include "shell.h"

/* Reads the current mask without changing it. */
static mode_t
get_mask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

/* Permission bits of `who` (mask of S_IRWXU etc.) copied from the class
 * `from` ('u', 'g' or 'o') of `perm`. */
static mode_t
copy_class(mode_t perm, char from)
{
	mode_t bits;

	switch (from) {
	case 'u': bits = (perm >> 6) & 7; break;
	case 'g': bits = (perm >> 3) & 7; break;
	default: bits = perm & 7; break;
	}
	return bits << 6 | bits << 3 | bits;
}

/* Applies the symbolic mode `s` (XCU chmod grammar: clauses of who, then
 * actions op [perms | u | g | o]) to the allowed permissions *perm.
 * Returns false if `s` is not a valid mode. The s and t permissions are
 * accepted and have no effect on a mask (dash and yash do the same).
 * Clauses apply in order; a permission copy (g=u) takes the bits of the
 * mask the shell had before the command, as dash, yash and mksh do (the
 * standard leaves it open; coreutils chmod and busybox copy the bits the
 * clauses before it made): `umask 0124; umask a=,a=u` gives 0111. */
static bool
apply_symbolic(const char *s, mode_t *perm)
{
	mode_t p = *perm;

	for (;;) {
		mode_t who = 0;

		for (; strchr("ugoa", *s) != NULL && *s != '\0'; s++)
			switch (*s) {
			case 'u': who |= S_IRWXU; break;
			case 'g': who |= S_IRWXG; break;
			case 'o': who |= S_IRWXO; break;
			default: who |= 0777; break;
			}
		if (who == 0)
			who = 0777;	/* no who: all (the mask does not limit it) */
		if (*s != '+' && *s != '-' && *s != '=')
			return false;
		while (*s == '+' || *s == '-' || *s == '=') {
			char op = *s++;
			mode_t bits = 0;

			if (*s != '\0' && strchr("ugo", *s) != NULL) {
				bits = copy_class(*perm, *s++);
			} else {
				for (; *s != '\0' && strchr("rwxXst", *s) != NULL; s++)
					switch (*s) {
					case 'r': bits |= 0444; break;
					case 'w': bits |= 0222; break;
					case 'x': bits |= 0111; break;
					case 'X':
						/* execute if some execute bit is on
						 * (a mask has no directories) */
						if (p & 0111)
							bits |= 0111;
						break;
					default: break;	/* s, t */
					}
			}
			bits &= who;
			switch (op) {
			case '+': p |= bits; break;
			case '-': p &= ~bits; break;
			default: p = (p & ~who) | bits; break;
			}
		}
		if (*s == '\0')
			break;
		if (*s++ != ',')
			return false;
	}
	*perm = p;
	return true;
}

/* umask [-pS] [mask] */
int
bi_umask(struct shell *sh, int argc, char **argv)
{
	bool sym = false, reuse = false;
	mode_t mask;
	struct biu_opts o = { .name = "umask", .letters = sh->opt.posix ? "S" : "pS",
	    .usage = "umask [-S] [mode]" };
	int c, i;

	errno = 0;
	while ((c = biu_getopt(sh, &o, argc, argv)) != -1) {
		if (c == '?')
			return 2;
		if (c == 'p')
			reuse = true;	/* bash: as a command to read back */
		else
			sym = true;
	}
	i = o.ind;
	if (i < argc - 1)
		return diag_usage(sh, "umask", o.usage);
	mask = get_mask();
	if (i == argc) {
		if (reuse)
			fputs(sym ? "umask -S " : "umask ", stdout);
		if (sym) {
			mode_t p = ~mask & 0777;
			int sh_;
			const char *cls = "ugo";

			for (sh_ = 6; sh_ >= 0; sh_ -= 3) {
				printf("%c=%s%s%s%s", cls[(6 - sh_) / 3],
				    p >> sh_ & 4 ? "r" : "", p >> sh_ & 2 ? "w" : "",
				    p >> sh_ & 1 ? "x" : "", sh_ > 0 ? "," : "\n");
			}
		} else {
			printf("%04o\n", (unsigned)mask);
		}
		return biu_flush(sh, "umask", 0);
	}
	if (argv[i][0] >= '0' && argv[i][0] <= '9') {
		const char *s;
		unsigned long v = 0;

		for (s = argv[i]; *s >= '0' && *s <= '7' && v <= 07777; s++)
			v = v * 8 + (unsigned long)(*s - '0');
		if (*s != '\0' || v > 07777) {
			diag_error(sh, "umask: %s: invalid mode", argv[i]);
			return 1;
		}
		mask = (mode_t)v & 0777;
	} else {
		mode_t p = ~mask & 0777;

		if (!apply_symbolic(argv[i], &p)) {
			diag_error(sh, "umask: %s: invalid mode", argv[i]);
			return 1;
		}
		mask = ~p & 0777;
	}
	umask(mask);
	return 0;
}
