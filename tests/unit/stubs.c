/* stubs.c: stand-ins for var.c and diag.c so that arith.c and pattern.c can
 * be tested alone (see unit.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

int unit_failed, unit_run;
char unit_last_error[512];
int unit_nerrors;
struct shell unit_shell;

struct stubvar {
	char *name, *value;
	bool readonly;
	struct stubvar *next;
};
static struct stubvar *vars;

static struct stubvar *
find(const char *name)
{
	for (struct stubvar *v = vars; v != NULL; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

const char *
var_get(struct shell *sh, const char *name)
{
	struct stubvar *v = find(name);

	(void)sh;
	return v ? v->value : NULL;
}

int
var_set(struct shell *sh, const char *name, const char *value, unsigned flags)
{
	struct stubvar *v = find(name);

	(void)flags;
	if (v != NULL && v->readonly) {
		diag_error(sh, "%s: is read only", name);
		return -1;
	}
	if (v == NULL) {
		v = calloc(1, sizeof *v);
		v->name = strdup(name);
		v->next = vars;
		vars = v;
	}
	free(v->value);
	v->value = value ? strdup(value) : NULL;
	return 0;
}

void
diag_error(struct shell *sh, const char *fmt, ...)
{
	va_list ap;
	int n;

	(void)sh;
	n = snprintf(unit_last_error, sizeof unit_last_error, "spsh: ");
	va_start(ap, fmt);
	vsnprintf(unit_last_error + n, sizeof unit_last_error - (size_t)n, fmt, ap);
	va_end(ap);
	unit_nerrors++;
}

void
unit_reset(void)
{
	while (vars != NULL) {
		struct stubvar *v = vars;

		vars = v->next;
		free(v->name);
		free(v->value);
		free(v);
	}
	unit_last_error[0] = '\0';
	unit_nerrors = 0;
}

void
unit_readonly(const char *name, const char *value)
{
	var_set(&unit_shell, name, value, 0);
	find(name)->readonly = true;
}

int
unit_done(const char *name)
{
	unit_reset();
	printf("%s: %d checks, %d failed\n", name, unit_run, unit_failed);
	return unit_failed ? 1 : 0;
}

/* main.c loads the locale on first use; the tests run in the C locale. */
void
shell_locale(void)
{
}

/* Array elements for arith.c's a[i] operands: element i of `a` is the stub
 * variable "a[i]" (only indexed arrays). */
static struct var stub_array;

struct var *
var_lookup(struct shell *sh, const char *name)
{
	(void)sh;
	(void)name;
	return NULL;
}

struct var *
var_declare(struct shell *sh, const char *name)
{
	(void)sh;
	free(stub_array.name);
	stub_array.name = strdup(name);
	return &stub_array;
}

const char *
var_elem_get(struct shell *sh, struct var *v, long idx, bool *bad)
{
	char buf[128];

	*bad = false;
	snprintf(buf, sizeof buf, "%s[%ld]", v->name, idx);
	return var_get(sh, buf);
}

int
var_elem_set(struct shell *sh, struct var *v, long idx, const char *val, bool append)
{
	char buf[128];

	(void)append;
	snprintf(buf, sizeof buf, "%s[%ld]", v->name, idx);
	return var_set(sh, buf, val, 0);
}

const char *
var_assoc_get(struct var *v, const char *key)
{
	(void)v;
	(void)key;
	return NULL;
}

int
var_assoc_set(struct shell *sh, struct var *v, const char *key, const char *val, bool append)
{
	(void)sh;
	(void)v;
	(void)key;
	(void)val;
	(void)append;
	return 0;
}
