/* progcomp.c: programmable completion, after bash 5.2's pcomp.c.
 *
 * A compspec (struct compspec) says how to complete the arguments of one
 * command: actions (-A file, -A user, ...), a glob (-G), a word list (-W),
 * a shell function (-F) or command (-C) that computes the candidates, a
 * filter (-X), a prefix and suffix (-P -S) and readline options (-o).
 * pc_generate() runs one in bash's order; pc_complete_line() is what the
 * readline completer calls: it finds the command's compspec (full name,
 * then basename, then `complete -D`), retries when a -D loader returned
 * 124 after defining a new one, and hands back the candidates.
 *
 * -F functions run in the shell itself with COMP_LINE, COMP_POINT,
 * COMP_TYPE, COMP_KEY, COMP_WORDS (an indexed array) and COMP_CWORD bound,
 * and leave their answer in the COMPREPLY array. An error inside one is an
 * error of an interactive shell (reported, never fatal); Ctrl-C, or an
 * expansion error, unwinds it as it would a command line (FLOW_ABORT). The terminal modes
 * readline set are restored afterwards, since a foreground job run by the
 * function ends with the shell's cooked modes put back. */
#include <readline/readline.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "exec.h"
#include "job.h"
#include "parse.h"
#include "progcomp.h"
#include "xalloc.h"
#include "shell.h"

/* ---- names ---- */

static const char *const action_names[PCA_COUNT] = {
	[PCA_ALIAS] = "alias", [PCA_BUILTIN] = "builtin", [PCA_COMMAND] = "command",
	[PCA_DIRECTORY] = "directory", [PCA_EXPORT] = "export", [PCA_FILE] = "file",
	[PCA_GROUP] = "group", [PCA_JOB] = "job", [PCA_KEYWORD] = "keyword",
	[PCA_SERVICE] = "service", [PCA_USER] = "user", [PCA_VARIABLE] = "variable",
	[PCA_ARRAYVAR] = "arrayvar", [PCA_BINDING] = "binding", [PCA_DISABLED] = "disabled",
	[PCA_ENABLED] = "enabled", [PCA_FUNCTION] = "function",
	[PCA_HELPTOPIC] = "helptopic", [PCA_HOSTNAME] = "hostname",
	[PCA_RUNNING] = "running", [PCA_SETOPT] = "setopt", [PCA_SHOPT] = "shopt",
	[PCA_SIGNAL] = "signal", [PCA_STOPPED] = "stopped",
};

static const char *const opt_names[] = {
	"bashdefault", "default", "dirnames", "filenames", "noquote", "nosort",
	"nospace", "plusdirs",
};

int
pc_action_index(const char *name)
{
	for (int i = 0; i < PCA_COUNT; i++)
		if (strcmp(action_names[i], name) == 0)
			return i;
	return -1;
}

const char *
pc_action_name(int i)
{
	return i >= 0 && i < PCA_COUNT ? action_names[i] : NULL;
}

int
pc_opt_bit(const char *name)
{
	for (size_t i = 0; i < sizeof opt_names / sizeof opt_names[0]; i++)
		if (strcmp(opt_names[i], name) == 0)
			return 1 << i;
	return 0;
}

const char *
pc_opt_name(int i)
{
	return i >= 0 && (size_t)i < sizeof opt_names / sizeof opt_names[0] ? opt_names[i] : NULL;
}

/* ---- lists ---- */

void
pc_list_add(struct pc_list *l, char *s)
{
	if (l->n + 1 >= l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (l->v == NULL)
			abort();
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

void
pc_list_free(struct pc_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}


/* ---- the table: a chained hash by command name ---- */

struct entry {
	char *name;
	struct compspec *cs;
	struct entry *next;
};

#define NBUCKETS 512
static struct entry *table[NBUCKETS];
static size_t nentries;

static unsigned
hash(const char *s)
{
	unsigned h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % NBUCKETS;
}

struct compspec *
pc_copy(const struct compspec *cs)
{
	struct compspec *c = calloc(1, sizeof *c);

	if (c == NULL)
		abort();
	c->actions = cs->actions;
	c->opts = cs->opts;
#define DUP(f) c->f = cs->f != NULL ? xa_strdup(cs->f) : NULL
	DUP(glob); DUP(words); DUP(prefix); DUP(suffix); DUP(filter); DUP(func); DUP(command);
#undef DUP
	return c;
}

void
pc_free(struct compspec *cs)
{
	if (cs == NULL)
		return;
	free(cs->glob); free(cs->words); free(cs->prefix); free(cs->suffix);
	free(cs->filter); free(cs->func); free(cs->command);
	free(cs);
}

struct compspec *
pc_find(const char *name)
{
	for (struct entry *e = table[hash(name)]; e != NULL; e = e->next)
		if (strcmp(e->name, name) == 0)
			return e->cs;
	return NULL;
}

void
pc_set(const char *name, struct compspec *cs)
{
	struct entry **b = &table[hash(name)];

	for (struct entry *e = *b; e != NULL; e = e->next)
		if (strcmp(e->name, name) == 0) {
			pc_free(e->cs);
			e->cs = cs;
			return;
		}
	struct entry *e = malloc(sizeof *e);
	if (e == NULL)
		abort();
	e->name = xa_strdup(name);
	e->cs = cs;
	e->next = *b;
	*b = e;
	nentries++;
}

bool
pc_remove(const char *name)
{
	for (struct entry **pp = &table[hash(name)]; *pp != NULL; pp = &(*pp)->next)
		if (strcmp((*pp)->name, name) == 0) {
			struct entry *e = *pp;
			*pp = e->next;
			pc_free(e->cs);
			free(e->name);
			free(e);
			nentries--;
			return true;
		}
	return false;
}

void
pc_clear(void)
{
	for (size_t i = 0; i < NBUCKETS; i++)
		while (table[i] != NULL)
			pc_remove(table[i]->name);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **
pc_names(void)
{
	const char **v = malloc((nentries + 1) * sizeof *v);
	size_t n = 0;

	if (v == NULL)
		abort();
	for (size_t i = 0; i < NBUCKETS; i++)
		for (struct entry *e = table[i]; e != NULL; e = e->next)
			v[n++] = e->name;
	v[n] = NULL;
	qsort(v, n, sizeof *v, cmp_str);
	return v;
}

/* ---- -W: split at IFS, then each word expanded (no globbing) ---- */

/* Index of the first unquoted character of `delims` at or after i
 * (quotes, backslashes, $( ), ${ } and ` ` skipped; an unclosed quote
 * runs to the end). Quote characters are never delimiters. */
static size_t
skip_to_delim(const char *s, size_t i, const char *delims)
{
	while (s[i] != '\0') {
		char c = s[i];
		if (c == '\\') {
			i += s[i + 1] != '\0' ? 2 : 1;
		} else if (c == '\'') {
			for (i++; s[i] != '\0' && s[i] != '\''; i++)
				;
			if (s[i] != '\0')
				i++;
		} else if (c == '"' || c == '`') {
			for (i++; s[i] != '\0' && s[i] != c; i++)
				if (s[i] == '\\' && s[i + 1] != '\0')
					i++;
			if (s[i] != '\0')
				i++;
		} else if (c == '$' && (s[i + 1] == '(' || s[i + 1] == '{')) {
			char open = s[i + 1], close = open == '(' ? ')' : '}';
			int depth = 1;
			for (i += 2; s[i] != '\0' && depth > 0; i++) {
				if (s[i] == '\\' && s[i + 1] != '\0')
					i++;
				else if (s[i] == open)
					depth++;
				else if (s[i] == close)
					depth--;
			}
		} else if (strchr(delims, c) != NULL) {
			return i;
		} else {
			i++;
		}
	}
	return i;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

void
pc_split_line(const char *s, size_t sentinel, const char *breaks, struct pc_list *words,
    int *cwp)
{
	char d[256], d2[256];
	size_t nd = 0, nd2 = 0, i, ts, te = 0, slen = strlen(s);
	int nw = 0, cw = -1;

	/* quote characters are not delimiters (bash's SD_NOQUOTEDELIM) */
	for (i = 0; breaks[i] != '\0' && nd < sizeof d - 1; i++) {
		if (breaks[i] == '\'' || breaks[i] == '"')
			continue;
		d[nd++] = breaks[i];
		if (!is_blank(breaks[i]))
			d2[nd2++] = breaks[i];
	}
	d[nd] = d2[nd2] = '\0';
	for (i = 0; s[i] != '\0' && strchr(d, s[i]) != NULL && is_blank(s[i]); i++)
		;
	if (s[i] == '\0') {
		/* nothing but blanks: one empty word at the cursor */
		if (cwp != NULL) {
			pc_list_add(words, xa_strdup(""));
			*cwp = 0;
		}
		return;
	}
	ts = i;
	for (;;) {
		te = skip_to_delim(s, ts, d);
		if (ts == te && s[ts] != '\0' && strchr(d2, s[ts]) != NULL) {
			te = ts + 1;
			while (s[te] != '\0' && strchr(d2, s[te]) != NULL)
				te++;
		}
		pc_list_add(words, strndup(s + ts, te - ts));
		nw++;
		if (sentinel >= ts && sentinel <= te)
			cw = nw;
		if (cw == -1 && sentinel + 1 == ts)
			cw = nw;
		if (cw == -1 && sentinel < ts) {
			/* the cursor is on blanks between two words */
			char *last = words->v[words->n - 1];
			words->v[words->n - 1] = xa_strdup("");
			pc_list_add(words, last);
			cw = nw;
			nw++;
		}
		if (s[te] == '\0')
			break;
		i = te;
		while (s[i] != '\0' && strchr(d, s[i]) != NULL && is_blank(s[i]))
			i++;
		if (s[i] == '\0')
			break;
		if (i == te && te == ts)
			i++;	/* no progress (cannot happen with the rules above) */
		ts = i;
	}
	if (cw == -1 && (sentinel >= slen || sentinel >= te)) {
		if (sentinel > 0 && is_blank(s[sentinel - 1])) {
			pc_list_add(words, xa_strdup(""));
			nw++;
		}
		cw = nw;
	}
	if (cwp != NULL)
		*cwp = cw - 1;
}

/* One word of a -W list, expanded as the shell would an argument, minus
 * pathname expansion. Plain words (the usual case) skip the parser. */
struct list_word {
	const char *w;
	struct pc_list *out;
	bool err;		/* a syntax or expansion error: no words at all (bash) */
};

static void
expand_list_cmd(struct shell *sh, struct ast_node *node, void *ctx)
{
	struct list_word *lw = ctx;
	struct pc_list *out = lw->out;

	if (node == NULL || node->kind != AST_SIMPLE) {
		pc_list_add(out, xa_strdup(lw->w));
		return;
	}
	struct ast_simple *c = (struct ast_simple *)node;
	struct arena_mark m = arena_mark(&sh->eval);
	bool noglob = sh->opt.noglob;
	char **f = NULL;
	sh->opt.noglob = true;
	int n = c->words != NULL ? expand_words(sh, c->words->next, &f) : -1;
	sh->opt.noglob = noglob;
	if (n < 0)
		lw->err = true;
	for (int k = 0; k < n; k++)
		pc_list_add(out, xa_strdup(f[k]));
	arena_release(&sh->eval, m);
}

/* Appends `w` as the text of one shell word: the blanks it kept (IFS had
 * none, or they were quoted) get a backslash where they stand outside
 * quotes and $( ) ${ } ` `, so that the parser does not split there. */
static void
add_as_word(struct strbuf *src, const char *w)
{
	int depth = 0;
	char q = 0;	/* ' " or ` */

	for (; *w; w++) {
		char c = *w;
		if (c == '\\' && q != '\'' && w[1] != '\0') {
			sb_addc(src, c);
			sb_addc(src, *++w);
			continue;
		}
		if (q != 0) {
			if (c == q && (q != '"' || depth == 0))
				q = 0;
		} else if (c == '\'' && depth == 0) {
			q = c;
		} else if (c == '"' || c == '`') {
			if (depth == 0)
				q = c;
		} else if (c == '$' && (w[1] == '(' || w[1] == '{')) {
			depth++;
			sb_addc(src, c);
			c = *++w;
		} else if ((c == ')' || c == '}') && depth > 0) {
			depth--;
		} else if (depth == 0 && (c == ' ' || c == '\t' || c == '\n')) {
			sb_addc(src, '\\');
		}
		sb_addc(src, c);
	}
}

static bool
expand_one(struct shell *sh, const char *w, struct pc_list *out)
{
	if (strpbrk(w, "$`'\"\\~{") == NULL) {
		pc_list_add(out, xa_strdup(w));
		return true;
	}
	struct strbuf src = STRBUF_INIT;
	struct list_word lw = { w, out, false };

	sb_adds(&src, ": ");
	add_as_word(&src, w);
	if (!parse_string_with(sh, src.s, expand_list_cmd, &lw))
		lw.err = true;
	sb_free(&src);
	return !lw.err;
}

static void
gen_words(struct shell *sh, const char *list, const char *text, struct pc_list *out)
{
	const char *ifs = var_get(sh, "IFS");
	struct pc_list raw = { 0 }, exp = { 0 };
	size_t tl = strlen(text);
	size_t i = 0;

	if (ifs == NULL)
		ifs = " \t\n";
	/* IFS splitting that keeps quoted delimiters (bash split_at_delims) */
	while (list[i] != '\0') {
		while (list[i] != '\0' && strchr(ifs, list[i]) != NULL && is_blank(list[i]))
			i++;
		if (list[i] == '\0')
			break;
		size_t e = *ifs != '\0' ? skip_to_delim(list, i, ifs) : strlen(list);
		if (e == i)
			e = i + 1;	/* a non-blank delimiter: an empty field */
		else
			pc_list_add(&raw, strndup(list + i, e - i));
		i = e;
		if (list[i] != '\0' && !is_blank(list[i]))
			i++;
	}
	bool ok = true;
	for (size_t k = 0; k < raw.n && ok; k++)
		ok = expand_one(sh, raw.v[k], &exp);
	for (size_t k = 0; k < exp.n && ok; k++)
		if (strncmp(exp.v[k], text, tl) == 0) {
			pc_list_add(out, exp.v[k]);
			exp.v[k] = NULL;
		}
	for (size_t k = 0; k < exp.n; k++)
		free(exp.v[k]);
	free(exp.v);
	pc_list_free(&raw);
}

/* ---- -F and -C ---- */

static unsigned *cur_opts;		/* compopt's target while a -F runs */

unsigned *
pc_current_opts(void)
{
	return cur_opts;
}

static void
set_int(struct shell *sh, const char *name, long v, bool exported)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	var_set(sh, name, buf, exported ? VAR_EXPORT : 0);
}

static void
bind_vars(struct shell *sh, const struct pc_ctx *ctx, struct pc_list *words, int cword,
    bool exported)
{
	const char *line = ctx->line != NULL ? ctx->line : "";
	size_t point = ctx->line != NULL ? ctx->point : 0;
	size_t chars = 0;

	var_set(sh, "COMP_LINE", line, exported ? VAR_EXPORT : 0);
	/* COMP_POINT counts characters, not bytes */
	for (size_t i = 0; i < point && line[i] != '\0'; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			chars++;
	set_int(sh, "COMP_POINT", (long)chars, exported);
	set_int(sh, "COMP_TYPE", ctx->type, exported);
	set_int(sh, "COMP_KEY", ctx->key, exported);
	if (exported)
		return;
	var_unset(sh, "COMP_WORDS");
	struct var *v = var_declare(sh, "COMP_WORDS");
	if (v != NULL && var_make_array(sh, v, false) == 0 && var_array_clear(sh, v) == 0)
		for (size_t i = 0; i < words->n; i++)
			var_elem_set(sh, v, (long)i, words->v[i], false);
	set_int(sh, "COMP_CWORD", cword, false);
}

static void
unbind_vars(struct shell *sh)
{
	static const char *const names[] = {
		"COMP_LINE", "COMP_POINT", "COMP_TYPE", "COMP_KEY", "COMP_WORDS", "COMP_CWORD",
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		var_unset(sh, names[i]);
}

/* Everything a completion function may disturb, kept around its call. */
struct saved {
	int status, lineno;
	struct termios tio;
	bool have_tio;
};

static void
save_state(struct shell *sh, struct saved *s)
{
	s->status = sh->status;
	s->lineno = sh->lineno;
	s->have_tio = sh->tty_fd >= 0 && RL_ISSTATE(RL_STATE_COMPLETING) &&
	    tcgetattr(sh->tty_fd, &s->tio) == 0;
	fflush(stdout);
}

static void
restore_state(struct shell *sh, struct saved *s)
{
	fflush(stdout);
	fflush(stderr);
	/* a Ctrl-C that came after the last command: taken here, or the
	 * line editor would throw the line away */
	if (sh->pending_signals && !sh->in_trap)
		trap_run_pending(sh);
	if (sh->flow != FLOW_EXIT || sh->func_depth > 0)
		sh->flow = FLOW_NONE;
	sh->builtin_error = false;
	sh->expand_err = 0;
	sh->status = s->status;
	sh->lineno = s->lineno;
	if (s->have_tio) {
		/* a foreground job puts the shell's cooked modes back */
		job_take_terminal(sh);
		tcsetattr(sh->tty_fd, TCSADRAIN, &s->tio);
	}
}

static int
run_function(struct shell *sh, const struct compspec *cs, const struct pc_ctx *ctx,
    struct pc_list *words, int cword, unsigned *opts, struct pc_list *out)
{
	struct function *fn = exec_find_function(sh, cs->func);
	struct saved sv;
	int st;

	if (fn == NULL) {
		diag_error(sh, "completion: function `%s' not found", cs->func);
		return -1;
	}
	if (ctx->compgen)
		diag_error(sh, "compgen: warning: -F option may not work as you expect");
	save_state(sh, &sv);
	bind_vars(sh, ctx, words, ctx->compgen ? -1 : cword, false);
	const char *prev = ctx->prev;
	char *argv[] = { cs->func, (char *)ctx->cmd, (char *)ctx->word, (char *)prev, NULL };
	unsigned *outer = cur_opts;
	cur_opts = ctx->compgen ? NULL : opts;	/* bash: compgen has none */
	st = exec_function(sh, fn, 4, argv);
	cur_opts = outer;
	bool interrupted = sh->flow == FLOW_ABORT;
	unbind_vars(sh);
	restore_state(sh, &sv);
	if (interrupted)
		st = 130;

	struct var *v = var_lookup(sh, "COMPREPLY");
	if (v != NULL && st != 124 && !interrupted) {
		struct arena_mark m = arena_mark(&sh->eval);
		char **vals = NULL;
		size_t n = var_elems(sh, v, &sh->eval, &vals, NULL);
		for (size_t i = 0; i < n; i++)
			pc_list_add(out, xa_strdup(vals[i]));
		arena_release(&sh->eval, m);
	}
	var_unset(sh, "COMPREPLY");
	return interrupted ? -1 : st;
}

static void
sq(struct strbuf *b, const char *s)
{
	sb_add_squoted(b, s, strlen(s));
}

static void
run_command(struct shell *sh, const struct compspec *cs, const struct pc_ctx *ctx,
    struct pc_list *out)
{
	struct strbuf b = STRBUF_INIT;
	struct saved sv;

	if (ctx->compgen)
		diag_error(sh, "compgen: warning: -C option may not work as you expect");
	save_state(sh, &sv);
	bind_vars(sh, ctx, NULL, 0, true);
	sb_adds(&b, "$(");
	sb_adds(&b, cs->command);
	sb_addc(&b, ' ');
	sq(&b, ctx->cmd);
	sb_addc(&b, ' ');
	sq(&b, ctx->word);
	sb_addc(&b, ' ');
	sq(&b, ctx->prev);
	sb_adds(&b, "\n)");
	char *res = expand_string(sh, b.s);
	bool interrupted = sh->flow == FLOW_ABORT;
	unbind_vars(sh);
	restore_state(sh, &sv);
	sb_free(&b);
	if (res == NULL)
		return;
	/* one candidate per line (a backslash-newline does not end one) */
	for (char *p = res; *p != '\0' && !interrupted;) {
		char *e = p;
		while (*e != '\0' && *e != '\n') {
			if (*e == '\\' && e[1] == '\n')
				e++;
			e++;
		}
		pc_list_add(out, strndup(p, (size_t)(e - p)));
		while (*e == '\n')
			e++;
		p = e;
	}
	free(res);
}

/* ---- the engine ---- */

/* -X: drop the candidates that match (or, with a leading !, that do not);
 * an unescaped & in the pattern stands for the word. */
static void
filter(const char *pat, const char *word, struct pc_list *l)
{
	struct strbuf p = STRBUF_INIT;
	bool negate = pat[0] == '!';
	size_t k = 0;

	if (negate)
		pat++;
	for (; *pat; pat++) {
		if (*pat == '\\' && pat[1] == '&') {
			sb_addc(&p, '&');
			pat++;
		} else if (*pat == '&') {
			for (const char *w = word; *w; w++) {
				if (strchr("*?[]\\", *w) != NULL)
					sb_addc(&p, '\\');
				sb_addc(&p, *w);
			}
		} else {
			sb_addc(&p, *pat);
		}
	}
	if (p.s == NULL)
		sb_addn(&p, "", 0);
	for (size_t i = 0; i < l->n; i++) {
		bool m = pattern_match(p.s, l->v[i]);
		if (m != negate)
			free(l->v[i]);
		else
			l->v[k++] = l->v[i];
	}
	l->n = k;
	if (l->v != NULL)
		l->v[k] = NULL;
	sb_free(&p);
}

int
pc_generate(struct shell *sh, const struct compspec *cs, const struct pc_ctx *ctx,
    unsigned *opts, struct pc_list *out)
{
	const char *word = ctx->word;
	int ret = 0;

	/* bash's order (gen_action_completions): the named lists, then
	 * commands, files, users, groups, services, directories */
	static const unsigned char order[PCA_COUNT] = {
		PCA_ALIAS, PCA_ARRAYVAR, PCA_BINDING, PCA_BUILTIN, PCA_DISABLED,
		PCA_ENABLED, PCA_EXPORT, PCA_FUNCTION, PCA_HELPTOPIC, PCA_HOSTNAME,
		PCA_JOB, PCA_KEYWORD, PCA_RUNNING, PCA_SETOPT, PCA_SHOPT, PCA_SIGNAL,
		PCA_STOPPED, PCA_VARIABLE, PCA_COMMAND, PCA_FILE, PCA_USER, PCA_GROUP,
		PCA_SERVICE, PCA_DIRECTORY,
	};
	for (int k = 0; k < PCA_COUNT; k++)
		if (cs->actions & (1UL << order[k]))
			pc_gen_action(sh, order[k], word, out);
	if (cs->glob != NULL) {
		char **g = NULL;
		size_t n = 0, cap = 0;
		if (pattern_glob(cs->glob, &g, &n, &cap) > 0)
			for (size_t i = 0; i < n; i++)
				pc_list_add(out, g[i]);
		else
			for (size_t i = 0; i < n; i++)
				free(g[i]);
		free(g);
	}
	if (cs->words != NULL && cs->words[0] != '\0')
		gen_words(sh, cs->words, word, out);
	if (cs->func != NULL || cs->command != NULL) {
		struct pc_list words = { 0 };
		int cword = -1;
		const char *breaks = var_get(sh, "COMP_WORDBREAKS");
		if (ctx->line != NULL)
			pc_split_line(ctx->line, ctx->point,
			    breaks != NULL ? breaks : PC_WORDBREAKS, &words, &cword);
		if (cs->func != NULL) {
			int st = run_function(sh, cs, ctx, &words, cword, opts, out);
			if (st == 124)
				ret = 124;
			if (st < 0 && !ctx->compgen) {
				pc_list_free(&words);
				pc_list_free(out);
				return -1;
			}
		}
		if (cs->command != NULL)
			run_command(sh, cs, ctx, out);
		pc_list_free(&words);
	}
	if (ret == 124) {
		pc_list_free(out);
		return 124;
	}
	if (cs->filter != NULL)
		filter(cs->filter, word, out);
	if (cs->prefix != NULL || cs->suffix != NULL) {
		const char *p = cs->prefix ? cs->prefix : "", *s = cs->suffix ? cs->suffix : "";
		for (size_t i = 0; i < out->n; i++) {
			char *n = malloc(strlen(p) + strlen(out->v[i]) + strlen(s) + 1);
			if (n == NULL)
				abort();
			strcpy(n, p);
			strcat(n, out->v[i]);
			strcat(n, s);
			free(out->v[i]);
			out->v[i] = n;
		}
	}
	if (out->n == 0 && (*opts & PCO_DIRNAMES))
		pc_gen_files(word, true, out);
	else if (*opts & PCO_PLUSDIRS)
		pc_gen_files(word, true, out);
	return 0;
}

/* ---- readline's side ---- */

/* Finds and runs the compspec for `cmd` (full name, basename, -D), as
 * bash's programmable_completions(); retries while a -D loader returns
 * 124 having defined a compspec for the command. */
static int
complete_cmd(struct shell *sh, const char *cmd, struct pc_ctx *ctx, struct pc_list *out,
    unsigned *opts)
{
	struct compspec *last = NULL;

	for (int count = 0; count < 32; count++) {
		const char *slash = strrchr(cmd, '/');
		struct compspec *cs = pc_find(cmd);
		if (cs == NULL && slash != NULL && slash[1] != '\0')
			cs = pc_find(slash + 1);
		const char *al = cs == NULL && sh->shopt.progcomp_alias ? alias_get(sh, cmd) : NULL;
		if (al != NULL) {
			/* shopt progcomp_alias: the alias's first word's compspec */
			char word[256];
			size_t n = strcspn(al, " \t\n;&|()<>");
			if (n > 0 && n < sizeof word) {
				memcpy(word, al, n);
				word[n] = '\0';
				cs = pc_find(word);
			}
		}
		if (cs == NULL)
			cs = pc_find(PC_DEFAULT);
		if (cs == NULL)
			return 0;
		if (cs == last)
			return 0;	/* the loader did not give us a new one */
		struct compspec *copy = pc_copy(cs);
		last = cs;
		*opts = copy->opts;
		int st = pc_generate(sh, copy, ctx, opts, out);
		pc_free(copy);
		if (st != 124)
			return st < 0 ? -1 : 1;
	}
	diag_error(sh, "programmable_completion: %s: possible retry loop", cmd);
	return 0;
}

static bool
is_separator(char c)
{
	return strchr(";|&(`\n{", c) != NULL;
}

int
pc_complete_line(struct shell *sh, const char *rl_line, int start, int end, int point,
    const char *text, bool cmdpos, const char *cmd, struct pc_list *out, unsigned *opts)
{
	int s = start, e = end;
	int found;

	(void)end;
	if (!sh->shopt.progcomp)
		return 0;
	/* the current command: from the last separator before the word to
	 * the next one after the cursor (quotes are not looked at: bash's
	 * find_cmd_start is no smarter) */
	while (s > 0 && !is_separator(rl_line[s - 1]))
		s--;
	while (rl_line[e] != '\0' && !is_separator(rl_line[e]))
		e++;
	while (s < start && is_blank(rl_line[s]))
		s++;

	char *line = strndup(rl_line + s, (size_t)(e - s));
	struct pc_list words = { 0 };
	int cword = 0;
	const char *breaks = var_get(sh, "COMP_WORDBREAKS");
	pc_split_line(line, (size_t)(point - s), breaks != NULL ? breaks : PC_WORDBREAKS,
	    &words, &cword);
	struct pc_ctx ctx = {
		.line = line,
		.point = (size_t)(point - s),
		.type = rl_completion_type,
		.key = rl_completion_invoking_key,
		.word = text,
		.prev = cword > 0 && (size_t)cword <= words.n ? words.v[cword - 1] : "",
	};

	bool blank = true;
	for (const char *p = rl_line; *p; p++)
		if (!is_blank(*p))
			blank = false;
	if (blank && pc_find(PC_EMPTY) != NULL) {
		ctx.cmd = "";
		struct compspec *cs = pc_copy(pc_find(PC_EMPTY));
		*opts = cs->opts;
		found = pc_generate(sh, cs, &ctx, opts, out) == 0;
		pc_free(cs);
	} else if (cmdpos) {
		struct compspec *cs = pc_find(PC_INITIAL);
		found = 0;
		if (cs != NULL) {
			ctx.cmd = text;
			cs = pc_copy(cs);
			*opts = cs->opts;
			found = pc_generate(sh, cs, &ctx, opts, out) == 0;
			pc_free(cs);
		}
	} else {
		ctx.cmd = cmd;
		found = complete_cmd(sh, cmd, &ctx, out, opts);
		if (found < 0) {
			/* an error or Ctrl-C in the function: nothing, but the
			 * line stays as it was */
			pc_list_free(out);
			found = 1;
		}
	}
	pc_list_free(&words);
	free(line);
	return found > 0;
}
