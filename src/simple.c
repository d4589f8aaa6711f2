/* simple.c: simple commands (XCU 2.9.1): word expansion, command
 * search (special builtins, functions, regular builtins, PATH), the
 * assignments before a command and how long they last, running a builtin
 * with its redirections, and the xtrace output. External commands are
 * handed to plan.c. */
#include <stdio.h>
#include <stdio_ext.h>
#include <stdint.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "assign.h"
#include "executor.h"
#include "job.h"
#include "path.h"
#include "redir.h"

/* Arithmetic or ${x=} in a word would change the shell: such a word must
 * be expanded in the subshell that runs a pipeline stage, not here. */
bool
simple_word_has_side_effects(struct word *w);

static bool
parts_have_side_effects(struct wpart *p)
{
	for (; p != NULL; p = p->next) {
		switch (p->kind) {
		case WP_LIT:
		case WP_CMDSUB:
			break;
		case WP_DQ:
			if (parts_have_side_effects(p->u.dq))
				return true;
			break;
		case WP_PARAM:
			if (p->u.param.op == PARAM_ASSIGN || p->u.param.op == PARAM_ERROR ||
			    p->u.param.op == PARAM_SUBSTR ||	/* arithmetic: x++ */
			    p->u.param.op == PARAM_TRANSFORM || p->u.param.indirect)
				return true;
			/* BASHPID is the pid of the process that expands it:
			 * never expanded here for a subshell, a pipeline stage
			 * or $(...) that would run elsewhere, so those fork
			 * and expand it themselves */
			if (p->u.param.name[0] == 'B' && (strcmp(p->u.param.name, "BASHPID") == 0 ||
			    strcmp(p->u.param.name, "BASH_SUBSHELL") == 0))
				return true;
			if (p->u.param.arg && simple_word_has_side_effects(p->u.param.arg))
				return true;
			if (p->u.param.arg2 && simple_word_has_side_effects(p->u.param.arg2))
				return true;
			break;
		case WP_ARITH:
		case WP_ARRAY:
			return true;
		}
	}
	return false;
}

bool
simple_word_has_side_effects(struct word *w)
{
	for (; w != NULL; w = w->next)
		if (parts_have_side_effects(w->parts))
			return true;
	return false;
}

/* `procsub`: count <(...) and >(...) too. */
static bool
parts_have_cmdsub(struct wpart *p, bool procsub)
{
	for (; p != NULL; p = p->next) {
		if (p->kind == WP_CMDSUB && (procsub || !p->u.cmdsub.procsub))
			return true;
		if (p->kind == WP_DQ && parts_have_cmdsub(p->u.dq, procsub))
			return true;
		if (p->kind == WP_PARAM && ((p->u.param.arg && parts_have_cmdsub(p->u.param.arg->parts, procsub)) ||
		    (p->u.param.arg2 && parts_have_cmdsub(p->u.param.arg2->parts, procsub))))
			return true;
	}
	return false;
}

bool
simple_parts_have_cmdsub(struct wpart *p)
{
	return parts_have_cmdsub(p, true);
}

static bool
words_have_cmdsub(struct word *w)
{
	for (; w != NULL; w = w->next)
		if (parts_have_cmdsub(w->parts, false))
			return true;
	return false;
}

bool
simple_has_cmdsub(struct ast_simple *c)
{
	if (words_have_cmdsub(c->words))
		return true;
	for (struct assign *a = c->assigns; a != NULL; a = a->next)
		if (parts_have_cmdsub(a->value->parts, false))
			return true;
	for (struct redir *r = c->base.redirs; r != NULL; r = r->next)
		if ((r->target && parts_have_cmdsub(r->target->parts, false)) ||
		    (r->here && r->here->body && !r->here->quoted &&
		     parts_have_cmdsub(r->here->body->parts, false)))
			return true;
	return false;
}

bool
simple_is_pure(struct ast_simple *c)
{
	struct assign *a;
	struct redir *r;

	if (simple_word_has_side_effects(c->words))
		return false;
	for (a = c->assigns; a != NULL; a = a->next)
		if (simple_word_has_side_effects(a->value))
			return false;
	for (r = c->base.redirs; r != NULL; r = r->next)
		if ((r->target && simple_word_has_side_effects(r->target)) ||
		    (r->here && r->here->body && !r->here->quoted &&
		     simple_word_has_side_effects(r->here->body)))
			return false;
	return true;
}

/* PS4 after parameter expansion (XCU 2.5.3), malloc'd. Not re-entered:
 * a $(...) in PS4 is not itself traced with an expanded PS4. */
static char *
xtrace_prefix(struct shell *sh)
{
	static bool busy;
	const char *ps4 = var_get(sh, "PS4");
	char *r;

	if (ps4 == NULL)
		ps4 = "";
	if (busy || (strchr(ps4, '$') == NULL && strchr(ps4, '`') == NULL))
		return strdup(ps4);
	busy = true;
	r = expand_string(sh, ps4);	/* XCU 2.5.3: parameter expansion */
	busy = false;
	return r != NULL ? r : strdup(ps4);
}

void
simple_xtrace(struct shell *sh, struct prep *p)
{
	struct strbuf b = STRBUF_INIT;
	struct assign *a;
	int i;
	char *ps4;

	if (!sh->opt.xtrace)
		return;
	ps4 = xtrace_prefix(sh);
	sb_adds(&b, ps4);
	for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++) {
		sb_printf(&b, "%s%s=%s", i ? " " : "", a->name, p->avals[i]);
	}
	for (int k = 0; k < p->argc; k++) {
		const char *s = p->argv[k];
		bool plain = *s != '\0' && strpbrk(s, " \t\n'\"\\$`|&;<>()*?[]#~=%{}") == NULL;
		if (b.len > strlen(ps4) || i)
			sb_addc(&b, ' ');
		if (plain) {
			sb_adds(&b, s);
		} else {
			sb_add_squoted(&b, s, strlen(s));
		}
	}
	sb_addc(&b, '\n');
	fflush(stdout);
	if (write(2, b.s, b.len) < 0) {
		/* ignore */
	}
	sb_free(&b);
	free(ps4);
}

/* ---- simple commands ---- */

static struct saved_var *assign_save(struct shell *sh, struct prep *p, int *n, bool *failed);
static void restore_vars(struct shell *sh, struct saved_var *sv, int n);

struct tempenv_frame {
	struct saved_var *sv;
	int n;
	struct tempenv_frame *prev;
};

/* Makes the command's assignments for the time it runs (regular builtins
 * and functions), saving what they hide in *sv. Returns 0, or -1 after a
 * diagnostic (a read-only variable), everything already restored. */
int
simple_assign_temp(struct shell *sh, struct prep *p, struct saved_var **out, int *n)
{
	bool failed = false;
	struct saved_var *sv = assign_save(sh, p, n, &failed);

	if (failed) {
		simple_assign_restore(sh, sv, *n);
		return -1;
	}
	for (int i = 0; sv != NULL && i < *n; i++) {
		struct var *v = var_lookup(sh, sv[i].name);
		if (v != NULL)
			v->flags |= VAR_TEMPENV;	/* the restore puts the flags back */
	}
	if (sv != NULL) {
		struct tempenv_frame *f = arena_alloc(&sh->eval, sizeof *f);
		*f = (struct tempenv_frame){ sv, *n, sh->tempenv };
		sh->tempenv = f;
	}
	*out = sv;
	return 0;
}

bool
simple_tempenv_unset(struct shell *sh, const char *name)
{
	for (struct tempenv_frame *f = sh->tempenv; f != NULL; f = f->prev)
		for (int i = f->n - 1; i >= 0; i--)
			if (f->sv[i].name != NULL && strcmp(f->sv[i].name, name) == 0) {
				restore_vars(sh, &f->sv[i], 1);
				f->sv[i].name = NULL;	/* nothing to put back later */
				return true;
			}
	return false;
}

/* A variable whose value a temporary assignment can take and give back
 * as it is (var_take_value): a plain scalar. */
static bool
scalar(const struct var *v)
{
	return v != NULL && v->arr == NULL &&
	    !(v->flags & (VAR_ARRAY | VAR_ASSOC | VAR_NAMEREF | VAR_DYNAMIC));
}

/* Saves what `name` holds into *sv (the value itself, not a copy). */
static void
save_var(struct shell *sh, const char *name, struct saved_var *sv)
{
	struct var *v = var_lookup(sh, name);

	sv->name = (char *)name;
	sv->existed = v != NULL;
	sv->value = NULL;
	if (v != NULL) {
		sv->flags = v->flags;
		if (scalar(v))
			sv->value = var_take_value(v);
		else if (v->value != NULL)
			sv->value = strdup(v->value);
	}
}

static struct saved_var *
assign_save(struct shell *sh, struct prep *p, int *n, bool *failed)
{
	struct assign *a;
	struct saved_var *sv;
	int i = 0, k = 0;

	for (a = p->c->assigns; a != NULL; a = a->next)
		k++;
	*n = 0;
	if (k == 0)
		return NULL;
	/* (the eval arena outlives the command, and restore comes first) */
	sv = arena_alloc(&sh->eval, (size_t)k * sizeof *sv);
	for (a = p->c->assigns; a != NULL; a = a->next, i++) {
		save_var(sh, a->name, &sv[i]);
		*n = i + 1;
		if (var_set(sh, a->name, p->avals[i], VAR_EXPORT) != 0) {
			*failed = true;
			break;
		}
	}
	return sv;
}

void
simple_assign_restore(struct shell *sh, struct saved_var *sv, int n)
{
	if (sh->tempenv != NULL && sh->tempenv->sv == sv)
		sh->tempenv = sh->tempenv->prev;
	restore_vars(sh, sv, n);
}

static void
restore_vars(struct shell *sh, struct saved_var *sv, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--) {
		if (sv[i].name == NULL)
			continue;	/* kept (keep_declared) */
		struct var *v = var_lookup(sh, sv[i].name);
		if (v != NULL && (v->flags & VAR_READONLY) && !(sv[i].flags & VAR_READONLY)) {
			free(sv[i].value);
			continue;	/* made read-only meanwhile: keep */
		}
		if (v != NULL)
			v->flags &= ~VAR_READONLY;
		if (sv[i].existed) {
			if (sv[i].value != NULL && scalar(v)) {
				var_put_value(sh, v, sv[i].value);	/* the saved one back */
				sv[i].value = NULL;
			} else if (sv[i].value != NULL) {
				var_set(sh, sv[i].name, sv[i].value, 0);
				v = var_lookup(sh, sv[i].name);
			} else if (var_unset(sh, sv[i].name) == 0) {
				var_set(sh, sv[i].name, NULL, 0);	/* declared */
				v = var_lookup(sh, sv[i].name);
			}
			if (v != NULL) {
				v->flags = sv[i].flags;
				var_env_changed(sh);
			}
		} else {
			var_unset(sh, sv[i].name);
		}
		free(sv[i].value);
	}
}

static const char *
literal_word(struct word *w)
{
	struct wpart *p = w != NULL ? w->parts : NULL;

	if (p == NULL || p->next != NULL || p->kind != WP_LIT || p->u.lit.quoted)
		return NULL;
	return p->u.lit.text;
}

bool
simple_is_jobspec(struct ast_simple *c)
{
	const char *s = c->assigns == NULL ? literal_word(c->words) : NULL;

	return s != NULL && s[0] == '%';
}

/* export, readonly and local written literally as the command name, also
 * after `command` and its options (POSIX.1-2024: command keeps a
 * declaration utility one, `command readonly c=$x`). */
static bool
is_declaration(struct word *w)
{
	const char *s = literal_word(w);

	if (s != NULL && s[0] == 'c' && strcmp(s, "command") == 0) {
		for (w = w->next; (s = literal_word(w)) != NULL && s[0] == '-' &&
		     strcmp(s, "--") != 0 && strspn(s + 1, "p") == strlen(s + 1) && s[1]; w = w->next)
			;
		if (s != NULL && strcmp(s, "--") == 0)
			s = literal_word(w = w->next);
	}
	if (s == NULL)
		return false;
	switch (s[0]) {	/* (a strcmp each cost more than the rest of a short command) */
	case 'e': return strcmp(s, "export") == 0;
	case 'r': return strcmp(s, "readonly") == 0;
	case 'l': return strcmp(s, "local") == 0;
	case 'd': return strcmp(s, "declare") == 0;
	case 't': return strcmp(s, "typeset") == 0;
	}
	return false;
}

/* bash outside posix mode: an assignment before a command that names a
 * read-only variable, or an array element (`a[1]=x cmd`: "not a valid
 * identifier"), is reported and left out; the command runs (with the
 * others), its status is the command's. The copies live in the eval
 * arena. */
static void
drop_bad_assigns(struct shell *sh, struct prep *p, int k)
{
	struct assign *a, *list = NULL, **tail = &list;
	char **avals = NULL;
	int i, j = 0;

	for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++) {
		struct var *v = var_lookup(sh, a->name);
		if (a->subscript != NULL) {
			struct strbuf b = STRBUF_INIT;
			ast_print_word_bare(&b, a->subscript);
			diag_error(sh, "`%s[%s]': not a valid identifier", a->name, b.s ? b.s : "");
			sb_free(&b);
		} else if (v == NULL || !(v->flags & VAR_READONLY)) {
			if (avals != NULL) {
				struct assign *n = arena_alloc(&sh->eval, sizeof *n);
				*n = *a;
				n->next = NULL;
				*tail = n;
				tail = &n->next;
				avals[j++] = p->avals[i];
			}
			continue;
		} else {
			var_readonly_error(sh, a->name);
		}
		if (avals == NULL) {	/* the first: copy those before it */
			avals = arena_alloc(&sh->eval, (size_t)(k + 1) * sizeof *avals);
			for (struct assign *b = p->c->assigns; b != a; b = b->next) {
				struct assign *n = arena_alloc(&sh->eval, sizeof *n);
				*n = *b;
				n->next = NULL;
				*tail = n;
				tail = &n->next;
				avals[j] = p->avals[j];
				j++;
			}
		}
	}
	if (avals == NULL)
		return;
	avals[j] = NULL;
	struct ast_simple *c = arena_alloc(&sh->eval, sizeof *c);
	*c = *p->c;
	c->assigns = list;
	p->c = c;
	p->avals = avals;
}

const char *
simple_prefix_path(const struct prep *p)
{
	const char *pathval = NULL;
	int i = 0;
	for (const struct assign *a = p->c->assigns; a != NULL; a = a->next, i++)
		if (strcmp(a->name, "PATH") == 0)
			pathval = p->avals[i];
	return pathval;
}

/* Expands and looks up a simple command. Returns 0, or -1 after an
 * expansion error (sh->expand_err says how bad). */
int
simple_prepare(struct shell *sh, struct ast_simple *c, struct prep *p)
{
	struct assign *a;
	int i, k = 0;
	bool nofunc = false, searched = false;

	memset(p, 0, sizeof *p);
	p->c = c;
	sh->expand_err = 0;
	p->argc = is_declaration(c->words) ? expand_words_decl(sh, c->words, &p->argv)
	    : expand_words(sh, c->words, &p->argv);
	if (p->argc < 0)
		return -1;
	for (a = c->assigns; a != NULL; a = a->next)
		k++;
	p->avals = arena_alloc(&sh->eval, (size_t)(k + 1) * sizeof *p->avals);
	/* Without a command name, each assignment is expanded just before it
	 * is made, so `x=1 y=$x` sees the new x (run_no_command). */
	if (p->argc == 0 && c->words == NULL) {
		p->kind = P_NONE;
		return 0;
	}
	/* XCU 2.9.1: the redirection words first (step 3), then the
	 * assignments (step 4): `EFF=${x=a} cmd 2>${x=r}` gives EFF=r */
	if (c->assigns != NULL && c->base.redirs != NULL &&
	    redir_expand_early(sh, c->base.redirs) != 0)
		return -1;
	/* XCU 2.9.1: the assignments are expanded left to right, each seeing
	 * the ones before it (`x=5 y=$((x+2)) cmd`, `a=1 b=$a cmd`): each
	 * but the last is made for the time of the expansions, then undone. */
	struct saved_var *sv = k > 1 ? arena_alloc(&sh->eval, (size_t)k * sizeof *sv) : NULL;
	int nsv = 0, failed = 0;
	for (a = c->assigns, i = 0; a != NULL; a = a->next, i++) {
		struct wpart *ap = a->value->parts;
		p->avals[i] = ap != NULL && ap->kind == WP_ARRAY ?
		    assign_list_text(sh, ap->u.array.elems) : expand_assign_value(sh, a->value);
		if (p->avals[i] == NULL) {
			failed = 1;
			break;
		}
		const char *old = a->append ? var_get(sh, a->name) : NULL;
		if (old != NULL) {	/* A+=x cmd: the old value and x (bash) */
			char *cat = arena_alloc(&sh->eval, strlen(old) + strlen(p->avals[i]) + 1);
			stpcpy(stpcpy(cat, old), p->avals[i]);
			p->avals[i] = cat;
		}
		if (sv != NULL && a->next != NULL) {
			struct var *v = var_lookup(sh, a->name);
			if (v != NULL && (v->flags & VAR_READONLY))
				continue;	/* reported when it is assigned */
			save_var(sh, a->name, &sv[nsv++]);
			var_set(sh, a->name, p->avals[i], 0);
		}
	}
	if (sv != NULL)
		simple_assign_restore(sh, sv, nsv);
	if (failed)
		return -1;
	if (!sh->opt.posix && c->assigns != NULL)
		drop_bad_assigns(sh, p, k);
	/* `command [-p] name`: skip functions, no special-builtin rules;
	 * `builtin name` (bash) the same for a builtin name, so that
	 * `builtin command export x=1` and `command builtin ...` chain */
	for (;;) {
		if (p->argc > 1 && p->argv[0][0] == 'b' && strcmp(p->argv[0], "builtin") == 0 &&
		    builtin_find("builtin") && builtin_find(p->argv[1]) &&
		    (nofunc || exec_find_function(sh, "builtin") == NULL)) {
			p->argc--;
			p->argv++;
			nofunc = true;
			continue;
		}
		if (!(p->argc > 0 && p->argv[0][0] == 'c' && strcmp(p->argv[0], "command") == 0 &&
		    builtin_find("command") &&
		    (nofunc || exec_find_function(sh, "command") == NULL)))
			break;
		int j = 1;
		bool usep = false, v = false;
		while (j < p->argc && p->argv[j][0] == '-' && p->argv[j][1] != '\0') {
			if (strcmp(p->argv[j], "--") == 0) {
				j++;
				break;
			}
			if (strspn(p->argv[j] + 1, "pvV") != strlen(p->argv[j] + 1))
				v = true;	/* a bad option: the builtin reports it */
			if (strchr(p->argv[j], 'v') || strchr(p->argv[j], 'V'))
				v = true;
			if (strchr(p->argv[j], 'p'))
				usep = true;
			j++;
		}
		if (v)
			break;	/* command -v/-V (or a usage error): the builtin */
		p->argc -= j;
		p->argv += j;
		nofunc = true;
		sh->in_command_builtin = true;
		if (usep && p->argc > 0 && strchr(p->argv[0], '/') == NULL) {
			if (!builtin_find(p->argv[0])) {
				p->path = exec_path_search(sh, p->argv[0], path_default());
				searched = true;	/* not found there: 127 */
			}
		}
	}
	if (p->argc == 0) {
		p->kind = P_NONE;
		return 0;
	}
	const char *name = p->argv[0];
	if (strchr(name, '/') != NULL) {
		/* bash outside posix mode: a function named `a/b` first */
		if (!nofunc && !sh->opt.posix &&
		    (p->fn = exec_find_function(sh, name)) != NULL) {
			p->kind = P_FUNC;
			return 0;
		}
		if (simple_autocd(sh, p, nofunc))
			return 0;
		p->kind = P_EXTERNAL;
		p->path = strdup(name);
		return 0;
	}
	p->bi = builtin_find(name);
	if (p->bi != NULL && p->bi->cls == BI_SPECIAL) {
		/* outside posix mode a function hides a special builtin
		 * too (bash: `exit() { ...; }` is called) */
		if (!nofunc && !sh->opt.posix && (p->fn = exec_find_function(sh, name)) != NULL) {
			p->kind = P_FUNC;
			return 0;
		}
		p->kind = nofunc ? P_REGULAR : P_SPECIAL;
		return 0;
	}
	if (!nofunc && (p->fn = exec_find_function(sh, name)) != NULL) {
		p->kind = P_FUNC;
		return 0;
	}
	if (p->bi != NULL) {
		p->kind = P_REGULAR;
		return 0;
	}
	if (name[0] == '%' && !searched) {
		/* bash: `%1` (`%+`, `%-`, `%name`) alone means `fg %1`, and
		 * `%1 &` means `bg %1` (pipeline_async); the words are fg's
		 * operands, and no PATH search is made */
		simple_prepend_builtin(sh, p, sh->jobspec_bg ? "bg" : "fg", NULL);
		return 0;
	}
	if (p->path == NULL && !searched) {
		const char *pathval = simple_prefix_path(p);
		p->path = exec_path_search(sh, name, pathval);
		/* bash runs a file of PATH that is not executable all the
		 * same: "DIR/NAME: Permission denied", 126, not 127 */
		if (p->path == NULL && !sh->opt.posix)
			p->path = path_search_file(sh, name, pathval);
	}
	if (p->path == NULL && simple_autocd(sh, p, nofunc))
		return 0;
	p->kind = p->path != NULL ? P_EXTERNAL : P_NOTFOUND;
	return 0;
}

void
simple_prep_free(struct prep *p)
{
	if (p->c != NULL)
		redir_forget_early(p->c->base.redirs);
	free(p->path);
	p->path = NULL;
	free(p->chdir_to);
	p->chdir_to = NULL;
}

/* bash: `x=4 export x`, `x=4 readonly x` and `x=4 declare -x x` (or -r)
 * keep the temporary x, exported; `x=4 export y`, `x=4 declare x` and
 * `x=4 export -n x` do not. The kept ones leave sv (name NULL). */
static void
keep_declared(struct shell *sh, struct prep *p, struct saved_var *sv, int nsv)
{
	const char *bi = p->bi->name;
	bool declare, attr;
	int i = 1;

	/* IFS= read: the first byte tells most builtins from these four */
	switch (bi[0]) {
	case 'd': case 't':
		if (strcmp(bi, "declare") != 0 && strcmp(bi, "typeset") != 0)
			return;
		declare = true;
		break;
	case 'e': case 'r':
		if (strcmp(bi, "export") != 0 && strcmp(bi, "readonly") != 0)
			return;
		declare = false;
		break;
	default:
		return;
	}
	attr = !declare;
	for (; i < p->argc && (p->argv[i][0] == '-' || p->argv[i][0] == '+'); i++) {
		const char *o = p->argv[i];
		if (strcmp(o, "--") == 0) {
			i++;
			break;
		}
		if (strpbrk(o, "nfp") != NULL)
			return;
		if (o[0] == '-' && strpbrk(o, "xr") != NULL)
			attr = true;
	}
	if (!attr)
		return;
	for (; i < p->argc; i++) {
		size_t len = strcspn(p->argv[i], "=");
		for (int k = 0; k < nsv; k++) {
			if (sv[k].name == NULL || strncmp(sv[k].name, p->argv[i], len) != 0 ||
			    sv[k].name[len] != '\0')
				continue;
			struct var *v = var_lookup(sh, sv[k].name);
			if (v != NULL)
				v->flags = (v->flags & ~VAR_TEMPENV) | VAR_EXPORT;
			free(sv[k].value);
			sv[k].value = NULL;
			sv[k].name = NULL;
		}
	}
}

/* Runs an already-prepared builtin in the shell with its redirections. */
int
simple_run_builtin(struct shell *sh, struct prep *p)
{
	struct redir_undo undo = { 0 };
	struct saved_var *sv = NULL;
	int nsv = 0, st, i;
	struct assign *a;

	if (redir_apply(sh, p->c->base.redirs, &undo) != 0) {
		redir_undo(sh, &undo);
		if (p->kind == P_SPECIAL)
			exec_special_error(sh, 1);
		return 1;
	}
	if (p->kind == P_SPECIAL && sh->opt.posix) {
		/* XCU 2.15: assignments before special builtins persist.
		 * Outside posix mode they are temporary, as bash has them
		 * (but see keep_declared) */
		for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++)
			if (var_set(sh, a->name, p->avals[i], 0) != 0) {
				redir_undo(sh, &undo);
				exec_assign_error(sh);
				return 1;
			}
	} else if (simple_assign_temp(sh, p, &sv, &nsv) != 0) {
		redir_undo(sh, &undo);
		exec_assign_error(sh);
		return 1;
	}
	sh->builtin_error = false;
	st = p->bi->fn(sh, p->argc, p->argv);
	if (__fpending(stdout) > 0 && fflush(stdout) != 0) {
		if (st == 0) {
			diag_errno(sh, "%s: write error", p->argv[0]);
			st = 1;
		}
	}
	clearerr(stdout);
	redir_undo(sh, &undo);
	if (sv != NULL) {
		keep_declared(sh, p, sv, nsv);
		simple_assign_restore(sh, sv, nsv);
	}
	if (p->kind == P_SPECIAL && sh->builtin_error)
		exec_special_error(sh, st);
	return st;
}

/* A simple command without a command name (XCU 2.9.1.1): assignments in the
 * shell, redirections opened and closed. */
static int
run_no_command(struct shell *sh, struct prep *p)
{
	struct redir_undo undo = { 0 };
	struct assign *a;
	int i;

	if (redir_apply(sh, p->c->base.redirs, &undo) != 0) {
		redir_undo(sh, &undo);
		return 1;
	}
	redir_undo(sh, &undo);
	for (a = p->c->assigns, i = 0; a != NULL; a = a->next, i++) {
		if (!assign_is_plain(a)) {
			/* bash: a[i]=v a+=v a=(...) */
			int rc = assign_run(sh, a);
			if (rc == -2) {
				exec_expand_error(sh);
				return sh->status;
			}
			if (rc != 0 && !sh->opt.posix) {
				/* a[-9]=x, a[1+]=x, a read-only a: bash abandons
				 * the line, as after an expansion error */
				sh->expand_err = 1;
				exec_expand_error(sh);
				return sh->status;
			}
			if (rc != 0) {
				exec_fatal_error(sh, 1);
				return 1;
			}
			continue;
		}
		if (p->avals[i] == NULL && !sh->opt.xtrace) {
			int r = assign_append_in_place(sh, a);
			if (r < 0) {
				exec_expand_error(sh);
				return sh->status;
			}
			if (r > 0)
				continue;
		}
		if (p->avals[i] == NULL)
			p->avals[i] = expand_assign_value(sh, a->value);
		if (p->avals[i] == NULL) {
			exec_expand_error(sh);
			return sh->status;
		}
		if (sh->opt.xtrace) {
			char *ps4 = xtrace_prefix(sh);
			fprintf(stderr, "%s%s=%s\n", ps4, a->name, p->avals[i]);
			free(ps4);
		}
		if (var_set(sh, a->name, p->avals[i], 0) != 0) {
			exec_assign_error(sh);
			return 1;
		}
	}
	return sh->cmdsub_ran ? sh->cmdsub_status : 0;
}

/* False, after the message, if an assignment before an external command
 * names a read-only variable (XCU 2.8.1: a variable assignment error). */
bool
simple_assigns_writable(struct shell *sh, struct prep *p)
{
	for (struct assign *a = p->c->assigns; a != NULL; a = a->next) {
		struct var *v = var_lookup(sh, a->name);
		if (v != NULL && (v->flags & VAR_READONLY)) {
			var_readonly_error(sh, a->name);
			return false;
		}
	}
	return true;
}

/* `exec [cmd [args]]` (XCU 2.15 exec): redirections stay in effect;
 * with a command, the shell is replaced by it. */
static int
run_exec(struct shell *sh, struct prep *p)
{
	struct assign *a;
	int i;

	if (redir_apply(sh, p->c->base.redirs, NULL) != 0) {
		exec_special_error(sh, 1);
		return 1;
	}
	/* bash: `x=1 exec >f` leaves no x behind outside posix mode */
	for (a = p->c->assigns, i = 0; a != NULL && (p->argc > 1 || sh->opt.posix);
	    a = a->next, i++)
		if (var_set(sh, a->name, p->avals[i], p->argc > 1 ? VAR_EXPORT : 0) != 0) {
			exec_assign_error(sh);
			return 1;
		}
	return exec_replace(sh, p->argc, p->argv);
}

/* Runs a prepared simple command in the foreground. */
int
simple_run_prepared(struct shell *sh, struct prep *p)
{
	struct job *job;
	int st;

	if (p->kind != P_NONE)	/* run_no_command traces the expanded values */
		simple_xtrace(sh, p);
	switch (p->kind) {
	case P_NONE:
		return run_no_command(sh, p);
	case P_SPECIAL:
	case P_REGULAR:
		if (p->bi->name[0] == 'e' && strcmp(p->bi->name, "exec") == 0)
			return run_exec(sh, p);
		return simple_run_builtin(sh, p);
	case P_FUNC:
		return function_run(sh, p);
	case P_NOTFOUND:
		return simple_not_found(sh, p);
	case P_EXTERNAL:
		break;
	}
	if (!simple_assigns_writable(sh, p)) {
		exec_assign_error(sh);
		return 1;
	}
	job = job_new(sh, NULL, false);
	if (job_control(sh)) {
		free(job->cmd);
		job->cmd = pipeline_command_text(sh, &p->c->base, false);
	}
	st = plan_spawn(sh, p, -1, -1, job, RUN_FG);
	if (st != 0) {
		job_free(sh, job);
		return st;
	}
	return job_wait_fg(sh, job);
}

int
simple_run(struct shell *sh, struct ast_simple *c, bool tail)
{
	struct prep p;
	struct arena_mark m = arena_mark(&sh->eval);
	int st;

	sh->lineno = c->base.lineno;
	/* BASH_COMMAND (not changed by the commands of a trap), DEBUG trap */
	if (TRAP_DEBUG_SET(sh))
		trap_run_debug(sh, &c->base, NULL);
	else if (!sh->in_trap && !sh->xtrap_running)
		callstack_set_command(sh, &c->base);
	sh->cmdsub_ran = false;
	sh->in_command_builtin = false;
	if (simple_prepare(sh, c, &p) != 0) {
		simple_prep_free(&p);
		arena_release(&sh->eval, m);
		sh->in_command_builtin = false;
		exec_expand_error(sh);
		return sh->status;
	}
	if (tail && p.kind == P_EXTERNAL && plan_can_exec_in_place(sh)) {
		simple_xtrace(sh, &p);
		st = plan_exec_in_place(sh, &p);
	} else {
		st = simple_run_prepared(sh, &p);
	}
	sh->in_command_builtin = false;
	/* $_: the last argument (none: empty), copied on every command; a
	 * byte loop, as arguments are mostly short */
	const char *last = p.argc > 0 ? p.argv[p.argc - 1] : "";
	struct strbuf *lb = &sh->last_arg;
	size_t ll = 0, nl = p.argc > 1 && p.bi != NULL ? var_name_len(last) : 0;
	/* declare a=(1 2): $_ is the name (bash) */
	const char *c0 = p.argc > 0 ? p.argv[0] : "";
	size_t stop = nl > 0 &&
	    (strncmp(last + nl, "=(", 2) == 0 || strncmp(last + nl, "+=(", 3) == 0) &&
	    (strcmp(c0, "declare") == 0 || strcmp(c0, "typeset") == 0 || strcmp(c0, "local") == 0 ||
	    strcmp(c0, "readonly") == 0 || strcmp(c0, "export") == 0) ? nl : SIZE_MAX;
	for (;; ll++) {
		if (ll >= lb->cap) {
			lb->len = ll;
			sb_grow(lb, 1);
		}
		if (ll == stop || (lb->s[ll] = last[ll]) == '\0')
			break;
	}
	lb->s[ll] = '\0';
	lb->len = ll;
	simple_prep_free(&p);
	arena_release(&sh->eval, m);
	sh->status = st;
	if (sh->expand_err) {
		/* a redirection's word failed to expand: XCU 2.8.1 */
		exec_expand_error(sh);
		sh->expand_err = 0;
	}
	return st;
}
