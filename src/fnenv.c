/* fnenv.c: bash's exported functions (`export -f`, `declare -fx`). An
 * exported function goes to the environment of every command as
 *	BASH_FUNC_name%%=() body
 * (bash 4.3's encoding since shellshock), so bash and spsh children
 * define it again; a shell started with such entries imports them, unless
 * it is in posix mode (invoked as sh or --posix: dash ignores them too, and
 * an environment must not change what a conforming script's command names
 * mean) or runs setuid/setgid (bash). An entry is imported only when its
 * value starts with "() {" and its first command is a definition of that
 * function (bash reads no further: what follows is never run); anything
 * else is reported and ignored, as bash does. */
#include <stdlib.h>
#include <string.h>

#include "executor.h"
#include "input.h"
#include "parse.h"

#define PREFIX "BASH_FUNC_"
#define SUFFIX "%%"

/* The "() body" text of `fn`, heap. */
static char *
env_value(const struct function *fn)
{
	struct strbuf b = STRBUF_INIT;

	sb_adds(&b, "() ");
	ast_print(&b, fn->body);
	return sb_detach(&b);
}

static size_t
fnenv_size(struct shell *sh, size_t *count)
{
	size_t bytes = 0;

	if (sh->fn_exported == 0)
		return 0;
	for (struct function *f = sh->funcs; f != NULL; f = f->next)
		if (f->exported) {
			char *v = env_value(f);
			bytes += sizeof PREFIX + strlen(f->name) + sizeof SUFFIX + strlen(v);
			free(v);
			(*count)++;
		}
	return bytes;
}

static char *
fnenv_fill(struct shell *sh, char **env, size_t *k, char *p)
{
	if (sh->fn_exported == 0)
		return p;
	for (struct function *f = sh->funcs; f != NULL; f = f->next)
		if (f->exported) {
			char *v = env_value(f);
			env[(*k)++] = p;
			p = stpcpy(stpcpy(stpcpy(stpcpy(stpcpy(p, PREFIX), f->name), SUFFIX), "="), v) + 1;
			free(v);
		}
	return p;
}

static const struct env_extra fnenv_extra = { fnenv_size, fnenv_fill };

void
fnenv_set_export(struct shell *sh, struct function *fn, bool on)
{
	if (fn->exported == on)
		return;
	sh->env_extra = &fnenv_extra;
	fn->exported = on;
	sh->fn_exported += on ? 1 : -1;
	var_env_changed(sh);
}

/* Defines the function `name` from `def` ("() { ...}"); false when its
 * first command is not a definition of that function. */
static bool
import_one(struct shell *sh, const char *name, const char *def)
{
	struct strbuf src = STRBUF_INIT;
	struct input in;
	struct ast_node *node = NULL;
	bool ok = false;

	sb_adds(&src, name);
	sb_adds(&src, " ");
	sb_adds(&src, def);
	struct parse_unit *u = calloc(1, sizeof *u);
	if (u == NULL)
		abort();
	arena_init(&u->arena);
	u->refs = 1;
	input_from_string(&in, sh, src.s, NULL);
	struct parser *p = parser_new(sh, &in);
	if (parse_next(p, &u->arena, &node) == PARSE_OK && node != NULL &&
	    node->kind == AST_FUNCDEF &&
	    strcmp(((struct ast_funcdef *)node)->name, name) == 0) {
		struct parse_unit *saved = sh->cur_unit;
		sh->cur_unit = u;
		exec_define_function(sh, name, ((struct ast_funcdef *)node)->body);
		sh->cur_unit = saved;
		fnenv_set_export(sh, exec_find_function(sh, name), true);
		ok = true;
	} else if (node != NULL && node->kind != AST_FUNCDEF) {
		diag_error(sh, "warning: %s: ignoring function definition attempt", name);
	}
	parser_free(p);
	input_close(&in);
	function_unit_unref(u);
	sb_free(&src);
	return ok;
}

void
fnenv_import(struct shell *sh, char **env)
{
	for (; env != NULL && *env != NULL; env++) {
		const char *e = *env, *eq = strchr(e, '=');
		size_t plen = sizeof PREFIX - 1, slen = sizeof SUFFIX - 1;
		if (eq == NULL || strncmp(e, PREFIX, plen) != 0 ||
		    (size_t)(eq - e) <= plen + slen || strncmp(eq - slen, SUFFIX, slen) != 0 ||
		    strncmp(eq + 1, "() {", 4) != 0)
			continue;
		char *name = strndup(e + plen, (size_t)(eq - slen - e - plen));
		if (name == NULL)
			abort();
		if (!import_one(sh, name, eq + 1))
			diag_error(sh, "error importing function definition for `%s'", name);
		free(name);
	}
}
