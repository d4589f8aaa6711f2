/* xalloc.c: allocation that cannot fail (see xalloc.h). */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(void)
{
	fputs("spsh: out of memory\n", stderr);
	abort();
}

void *
xa_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

char *
xa_strdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		oom();
	return p;
}
