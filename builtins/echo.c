/* echo.c: the echo utility as dash has it: the escapes \a \b \c \f \n \r
 * \t \v \\ \0nnn are always interpreted (XCU echo, XSI), and the one option
 * is a first operand of exactly "-n", which drops the final newline (XCU
 * leaves -n implementation-defined; dash, and BSD before it, accept it, so
 * scripts written for /bin/sh on Debian use it). Anything else, "-e",
 * "-nn" or a second "-n", is an operand. bash without xpg_echo differs. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "biutil.h"
#include "shell.h"

/* Writes `s` with XSI escapes to stdout. Returns false after \c, which
 * ends all output (XCU echo: "suppress all output following"). */
static int
put_escaped(const char *s)
{
	for (; *s != '\0'; s++) {
		int c = (unsigned char)*s;

		if (c != '\\' || s[1] == '\0') {
			putchar(c);
			continue;
		}
		switch (*++s) {
		case 'a': c = '\a'; break;
		case 'b': c = '\b'; break;
		case 'c': return 0;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'v': c = '\v'; break;
		case '\\': c = '\\'; break;
		case '0': {
			/* \0num: zero to three octal digits after the 0 */
			int i;

			c = 0;
			for (i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
				c = c * 8 + (*++s - '0');
			c &= 0xff;
			break;
		}
		default:
			/* unknown escape: kept as is, as dash does */
			putchar('\\');
			c = (unsigned char)*s;
			break;
		}
		putchar(c);
	}
	return 1;
}

/* echo [-n] [string...]: writes the operands separated by spaces and followed
 * by a newline. Returns 0, or 1 after a write error. */
int
bi_echo(struct shell *sh, int argc, char **argv)
{
	bool newline = true;
	int i = 1;

	errno = 0;
	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		newline = false;
		i++;
	}
	for (int first = i; i < argc; i++) {
		if (i > first)
			putchar(' ');
		if (!put_escaped(argv[i]))
			return biu_flush(sh, "echo", 0);
	}
	if (newline)
		putchar('\n');
	return biu_flush(sh, "echo", 0);
}
