/* callstack.c: the call stack of functions and `.` files, and the
 * variables the shell sets as commands run (bash):
 *
 *	FUNCNAME BASH_SOURCE BASH_LINENO	the stack, top first
 *	PIPESTATUS	statuses of the last pipeline (one for a command)
 *	BASH_COMMAND	the simple command running, or the last one run
 *	_		the last argument of the previous simple command
 *
 * Nothing is stored as a variable while commands run: a call pushes a
 * frame (three stores), a command records its status and its node. The
 * arrays are VAR_DYNAMIC (var.c): rebuilt when looked up after the stack
 * or the statuses changed, so a script that never reads them pays
 * nothing more, and `set` lists them only once they were used. */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "executor.h"
#include "input.h"

/* ---- interned file names (BASH_SOURCE outlives functions and files) ---- */

struct interned {
	struct interned *next;
	char name[];
};

const char *
callstack_intern(const char *name)
{
	static struct interned *all;
	struct interned *i;

	for (i = all; i != NULL; i = i->next)
		if (strcmp(i->name, name) == 0)
			return i->name;
	i = malloc(sizeof *i + strlen(name) + 1);
	if (i == NULL)
		abort();
	strcpy(i->name, name);
	i->next = all;
	all = i;
	return i->name;
}

/* ---- the stack ---- */

void
callstack_grow(struct shell *sh)
{
	sh->frames_cap = sh->frames_cap ? 2 * sh->frames_cap : 16;
	sh->frames = realloc(sh->frames, sh->frames_cap * sizeof *sh->frames);
	if (sh->frames == NULL)
		abort();
}

/* Where a function defined now lives: the file of the frame on top; with
 * no frame, bash says "environment" for -c and "main" for standard input. */
const char *
callstack_source(struct shell *sh)
{
	if (sh->nframes > 0)
		return sh->frames[sh->nframes - 1].source;
	return sh->input != NULL && sh->input->kind == INPUT_STRING ? "environment" : "main";
}

/* FUNCNAME shows the stack only inside a function (bash: a `.` file run
 * from the top level sees it empty, though `caller` sees "source main"). */
static void
refresh_stack(struct shell *sh, struct var *v, int which)
{
	static unsigned long built[3];
	size_t i, n = sh->nframes;
	char num[24];

	if (built[which] == sh->frames_gen + 1)
		return;
	built[which] = sh->frames_gen + 1;
	if (var_array_clear(sh, v) != 0)
		return;
	if (which == 0 && sh->func_depth == 0) {
		/* declared but without elements: declare -p shows
		 * `declare -a FUNCNAME` as bash does */
		arr_free(v->arr);
		v->arr = NULL;
		return;
	}
	for (i = 0; i < n; i++) {
		const struct frame *f = &sh->frames[n - 1 - i];
		const char *val = which == 0 ? f->func : which == 1 ? f->source : num;
		if (which == 2)
			snprintf(num, sizeof num, "%d", f->line);
		var_elem_set(sh, v, (long)i, val, false);
	}
}

static void
funcname_refresh(struct shell *sh, struct var *v)
{
	refresh_stack(sh, v, 0);
}

static void
source_refresh(struct shell *sh, struct var *v)
{
	refresh_stack(sh, v, 1);
}

static void
lineno_refresh(struct shell *sh, struct var *v)
{
	refresh_stack(sh, v, 2);
}

/* ---- PIPESTATUS ---- */

void
callstack_pipestatus(struct shell *sh, const int *st, size_t n)
{
	if (n > sh->pipestatus_cap) {
		sh->pipestatus_cap = n;
		sh->pipestatus = realloc(sh->pipestatus, n * sizeof *sh->pipestatus);
		if (sh->pipestatus == NULL)
			abort();
	}
	memcpy(sh->pipestatus, st, n * sizeof *st);
	sh->npipestatus = n;
	sh->pipestatus_gen++;
}

static void
pipestatus_refresh(struct shell *sh, struct var *v)
{
	static unsigned long built;
	char num[24];

	if (built == sh->pipestatus_gen + 1)
		return;
	built = sh->pipestatus_gen + 1;
	if (var_array_clear(sh, v) != 0)
		return;
	for (size_t i = 0; i < sh->npipestatus; i++) {
		snprintf(num, sizeof num, "%d", sh->pipestatus[i]);
		var_elem_set(sh, v, (long)i, num, false);
	}
}

/* ---- BASH_COMMAND ---- */

static struct strbuf command_text = STRBUF_INIT;
/* the node command_text shows, and the unit it lives in */
static const struct ast_node *command_node;
static const struct parse_unit *command_unit;

/* The command node lives in a parse unit that can be freed before
 * BASH_COMMAND is read (an EXIT trap after the last command): its text
 * is copied out first. */
void
callstack_unit_freed(struct shell *sh, struct parse_unit *u)
{
	if (command_unit == u)
		command_node = NULL;	/* its address may come back */
	if (sh->cur_cmd_unit != u)
		return;
	if (sh->cur_cmd != NULL && sh->cur_cmd != command_node) {
		sb_reset(&command_text);
		ast_print_bare(&command_text, sh->cur_cmd);
	}
	sh->cur_cmd = NULL;
	sh->cur_cmd_unit = NULL;
	command_node = NULL;
}

/* The DEBUG trap shows `for x in a b`, `case w in `, `((i++))`: only
 * the head of a compound command. */
void
callstack_command_head(struct shell *sh, struct ast_node *n, struct word *w)
{
	sb_reset(&command_text);
	command_node = NULL;
	if (w != NULL) {
		/* ((j<1)): the part without the blanks around it (bash) */
		struct strbuf t = STRBUF_INIT;
		size_t a = 0, b;
		ast_print_word_bare(&t, w);
		b = t.len;
		while (a < b && (t.s[a] == ' ' || t.s[a] == '\t'))
			a++;
		while (b > a && (t.s[b - 1] == ' ' || t.s[b - 1] == '\t'))
			b--;
		sb_adds(&command_text, "((");
		sb_addn(&command_text, t.s + a, b - a);
		sb_adds(&command_text, "))");
		sb_free(&t);
	} else if (n->kind == AST_FOR || n->kind == AST_SELECT) {
		struct ast_for *f = (struct ast_for *)n;
		sb_printf(&command_text, "%s %s", n->kind == AST_FOR ? "for" : "select", f->name);
		if (f->has_in) {
			sb_adds(&command_text, " in");
			for (struct word *x = f->words; x != NULL; x = x->next) {
				sb_addc(&command_text, ' ');
				ast_print_word_bare(&command_text, x);
			}
		}
	} else if (n->kind == AST_CASE) {
		sb_adds(&command_text, "case ");
		ast_print_word_bare(&command_text, ((struct ast_case *)n)->subject);
		sb_adds(&command_text, " in ");
	}
	callstack_set_command(sh, NULL);
}

static const char *
command_read(struct shell *sh, char *buf, size_t size)
{
	(void)buf;
	(void)size;
	if (sh->cur_cmd != NULL && sh->cur_cmd != command_node) {
		sb_reset(&command_text);
		ast_print_bare(&command_text, sh->cur_cmd);
		command_node = sh->cur_cmd;
		command_unit = sh->cur_cmd_unit;
	}
	return command_text.s;
}

/* ---- $_ ---- */

static const char *
last_arg_read(struct shell *sh, char *buf, size_t size)
{
	(void)buf;
	(void)size;
	return sh->last_arg.s;
}

static void
last_arg_changed(struct shell *sh, const char *value)
{
	sb_reset(&sh->last_arg);
	if (value != NULL)
		sb_adds(&sh->last_arg, value);
}

static const struct var_hook hooks[] = {
	{ "FUNCNAME", NULL, NULL, funcname_refresh },
	{ "BASH_SOURCE", NULL, NULL, source_refresh },
	{ "BASH_LINENO", NULL, NULL, lineno_refresh },
	{ "PIPESTATUS", NULL, NULL, pipestatus_refresh },
	{ "BASH_COMMAND", NULL, command_read, NULL },
	{ "_", last_arg_changed, last_arg_read, NULL },
};

void
callstack_init(struct shell *sh)
{
	sh->pipestatus_cap = 8;
	sh->pipestatus = calloc(sh->pipestatus_cap, sizeof *sh->pipestatus);
	if (sh->pipestatus == NULL)
		abort();
	sh->npipestatus = 1;
	sh->last_arg = (struct strbuf)STRBUF_INIT;
	/* $_ starts as the environment's (the shell's path, as bash) */
	struct var *v = var_lookup_raw(sh, "_");
	if (v != NULL && v->value != NULL)
		sb_adds(&sh->last_arg, v->value);
	for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
		var_hook_add(sh, &hooks[i]);
}
