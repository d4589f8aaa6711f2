/* unit.h: a minimal test harness for the C unit tests in tests/unit/.
 * CHECK(cond) records a failure with its line; unit_done() prints the
 * totals and gives the exit status. The stubs (stubs.c) stand in for the
 * shell modules the code under test calls: var_get/var_set keep a small
 * table, diag_error stores the last message in unit_last_error. */
#ifndef UNIT_H
#define UNIT_H
#include <stdbool.h>
#include <stdio.h>

#include "shell.h"

extern int unit_failed, unit_run;
extern char unit_last_error[512];
extern int unit_nerrors;		/* diag_error() calls so far */
extern struct shell unit_shell;

#define CHECK(cond) do { \
	unit_run++; \
	if (!(cond)) { \
		unit_failed++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	unit_run++; \
	if (g_ == NULL ? w_ != NULL : (w_ == NULL || strcmp(g_, w_) != 0)) { \
		unit_failed++; \
		fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
			#got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} \
} while (0)

/* Clears the stub variable table and the error record. */
void unit_reset(void);
/* Marks variable NAME read-only in the stub table (creating it). */
void unit_readonly(const char *name, const char *value);
int unit_done(const char *name);

#endif
