/* echo.c: the echo utility in its two dialects.
 *
 * Posix mode with xpg_echo (spsh invoked as sh, --posix; the defaults
 * there) is dash's echo: the XSI escapes \a \b \c \f \n \r \t \v \\ \0nnn
 * are always interpreted (XCU echo, XSI), with \e for ESC as dash, yash
 * and bash's xpg_echo have it, and the one option is a first
 * operand of exactly "-n", which drops the final newline (XCU leaves -n
 * implementation-defined; dash, and BSD before it, accept it, so scripts
 * written for /bin/sh on Debian use it). "-e", "-nn" or a second "-n" are
 * operands there. (bash in posix mode with xpg_echo takes no option at
 * all, -n included; we keep dash's -n.)
 *
 * Otherwise it is bash's echo: leading operands made only of the letters
 * n, e and E are options (-n: no newline, -e: interpret escapes, -E: do
 * not), and escapes, bash's set with \e \xHH \uHHHH \UHHHHHHHH, are off
 * unless -e is given or `shopt -s xpg_echo` is on. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "biutil.h"
#include "shell.h"

/* True if `a` is a bash echo option word: '-' then one or more of n e E. */
static bool
is_option(const char *a)
{
	if (a[0] != '-' || a[1] == '\0')
		return false;
	return a[1 + strspn(a + 1, "neE")] == '\0';
}

/* echo [-neE] [string...]: writes the operands separated by spaces and
 * followed by a newline. Returns 0, or 1 after a write error. */
int
bi_echo(struct shell *sh, int argc, char **argv)
{
	bool posix = sh->opt.posix && sh->shopt.xpg_echo;
	bool newline = true, escapes = sh->shopt.xpg_echo;
	unsigned flags = BIU_ESC_ZERO | BIU_ESC_STOP;
	struct strbuf out = STRBUF_INIT;
	int i = 1, status;

	errno = 0;
	if (posix) {
		flags |= BIU_ESC_ESC;
		if (argc > 1 && strcmp(argv[1], "-n") == 0) {
			newline = false;
			i++;
		}
	} else {
		flags |= BIU_ESC_BASH;
		for (; i < argc && is_option(argv[i]); i++)
			for (const char *o = argv[i] + 1; *o != '\0'; o++)
				if (*o == 'n')
					newline = false;
				else
					escapes = *o == 'e';
	}
	for (int first = i; i < argc; i++) {
		if (i > first)
			sb_addc(&out, ' ');
		if (!escapes) {
			sb_adds(&out, argv[i]);
		} else if (!biu_expand_escapes(argv[i], flags, &out)) {
			newline = false;
			break;
		}
	}
	if (newline)
		sb_addc(&out, '\n');
	status = biu_write(sh, "echo", &out, 0);
	sb_free(&out);
	return status;
}
