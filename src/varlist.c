/* varlist.c: every variable at once: the environment passed to commands
 * (cached in sh->env_cache until an exported variable changes, var.c) and
 * the sorted listing of `set`, `declare -p` and `export -p`. */
#include <stdlib.h>
#include <string.h>

#include "shell.h"

char **
var_environ(struct shell *sh, struct arena *a)
{
	size_t n = 0, i, k = 0;
	struct var *v;

	if (sh->env_cache != NULL)
		return sh->env_cache;
	/* One block: pointers, then strings; exported functions (fnenv.c) last */
	size_t bytes = sh->env_extra != NULL ? sh->env_extra->size(sh, &n) : 0;
/* (a nameref exported with declare -nx is NAME=target, as in bash) */
#define EXPORTED(v) ((v)->flags & VAR_EXPORT && (v)->value != NULL)
	for (i = 0; i < sh->nvars_buckets; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			if (EXPORTED(v)) {
				n++;
				bytes += strlen(v->name) + strlen(v->value) + 2;
			}
	bytes += (n + 1) * sizeof(char *);
	char **env = malloc(bytes);
	if (env == NULL)
		abort();
	char *p = (char *)(env + n + 1);
	for (i = 0; i < sh->nvars_buckets; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			if (EXPORTED(v)) {
				env[k++] = p;
				p = stpcpy(stpcpy(stpcpy(p, v->name), "="), v->value) + 1;
			}
	if (sh->env_extra != NULL)
		sh->env_extra->fill(sh, env, &k, p);
	env[k] = NULL;
	sh->env_cache = env;
	return env;
}

static int
cmpvar(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

struct var **
var_sorted(struct shell *sh)
{
	size_t n = 0, i, k = 0;
	struct var *v;
	struct var **out;

	for (i = 0; i < sh->nvars_buckets; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			n++;
	out = malloc((n + 1) * sizeof *out);
	if (out == NULL)
		abort();
	for (i = 0; i < sh->nvars_buckets; i++)
		for (v = sh->vars[i]; v != NULL; v = v->next)
			out[k++] = v;
	qsort(out, n, sizeof *out, cmpvar);
	out[n] = NULL;
	return out;
}
