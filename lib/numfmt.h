/* numfmt.h: integers in decimal without snprintf, which costs 300 to 600
 * instructions a call (the interpreter formats $#, $?, ${#x} and every
 * arithmetic result). No shell knowledge. */
#ifndef NUMFMT_H
#define NUMFMT_H

#define NUMFMT_SIZE 24	/* a long in decimal, its sign and the NUL */

/* `v` in decimal, written backwards so that it ends at `end` (the NUL goes
 * at end[-1]); returns its first byte. Needs NUMFMT_SIZE bytes before end. */
static inline char *
fmt_long(long v, char *end)
{
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	char *s = end;

	*--s = '\0';
	do
		*--s = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--s = '-';
	return s;
}

#endif
