/* xalloc.h: allocation that cannot fail (the process aborts with a message
 * when memory is exhausted); xa_ because readline (linked statically)
 * exports its own xmalloc. No shell knowledge. */
#ifndef XALLOC_H
#define XALLOC_H
#include <stddef.h>

void *xa_malloc(size_t n);
char *xa_strdup(const char *s);

#endif
