/* progcomp.h: programmable completion (bash's `complete`, `compgen`,
 * `compopt`): the table of compspecs and the engine that turns one into
 * candidates, running -F functions and -C commands in the shell. Used by
 * builtins/complete.c and by the readline completer (complete.c). */
#ifndef PROGCOMP_H
#define PROGCOMP_H
#include <stdbool.h>
#include <stddef.h>

struct shell;

/* -A actions, in bash's `complete -p` order. */
enum pc_action {
	PCA_ALIAS, PCA_BUILTIN, PCA_COMMAND, PCA_DIRECTORY, PCA_EXPORT,
	PCA_FILE, PCA_GROUP, PCA_JOB, PCA_KEYWORD, PCA_SERVICE, PCA_USER,
	PCA_VARIABLE,
	/* these print as -A NAME */
	PCA_ARRAYVAR, PCA_BINDING, PCA_DISABLED, PCA_ENABLED, PCA_FUNCTION,
	PCA_HELPTOPIC, PCA_HOSTNAME, PCA_RUNNING, PCA_SETOPT, PCA_SHOPT,
	PCA_SIGNAL, PCA_STOPPED,
	PCA_COUNT
};

/* -o options, in bash's order. */
enum pc_opt {
	PCO_BASHDEFAULT = 1 << 0,
	PCO_DEFAULT = 1 << 1,
	PCO_DIRNAMES = 1 << 2,
	PCO_FILENAMES = 1 << 3,
	PCO_NOQUOTE = 1 << 4,
	PCO_NOSORT = 1 << 5,
	PCO_NOSPACE = 1 << 6,
	PCO_PLUSDIRS = 1 << 7,
};

/* One compspec. Strings are malloc'd (NULL: not given). */
struct compspec {
	unsigned long actions;		/* 1 << enum pc_action */
	unsigned opts;			/* enum pc_opt */
	char *glob, *words, *prefix, *suffix, *filter, *func, *command;
};

/* COMP_WORDBREAKS when it is unset (bash's default). */
#define PC_WORDBREAKS " \t\n\"'@><=;|&(:"

/* The names of the special compspecs (complete -D, -E, -I). */
#define PC_DEFAULT "\001default"
#define PC_EMPTY "\001empty"
#define PC_INITIAL "\001initial"

/* Action and option names: index of `name`, or -1. */
int pc_action_index(const char *name);
const char *pc_action_name(int i);
int pc_opt_bit(const char *name);		/* the PCO_ bit, or 0 */
const char *pc_opt_name(int bit_index);		/* "bashdefault" for bit 0 */

struct compspec *pc_copy(const struct compspec *cs);
void pc_free(struct compspec *cs);
/* The table: pc_set takes ownership of cs (replacing an old one). */
struct compspec *pc_find(const char *name);
void pc_set(const char *name, struct compspec *cs);
bool pc_remove(const char *name);
void pc_clear(void);
/* The names in the table, sorted (malloc'd vector of table-owned names,
 * NULL-terminated). */
const char **pc_names(void);

/* A growable list of malloc'd strings. */
struct pc_list {
	char **v;
	size_t n, cap;
};
void pc_list_add(struct pc_list *l, char *s);	/* takes ownership */
void pc_list_free(struct pc_list *l);

/* pcaction.c: appends the candidates of action `a` (enum pc_action) that
 * start with `text`; file names through readline's generator (dirs_only:
 * directories only). */
void pc_gen_action(struct shell *sh, int a, const char *text, struct pc_list *out);
void pc_gen_files(const char *text, bool dirs_only, struct pc_list *out);

/* What a completion function sees (COMP_*). For compgen, line is NULL. */
struct pc_ctx {
	const char *line;	/* COMP_LINE: the current command */
	size_t point;		/* COMP_POINT: the cursor in it */
	int type, key;		/* COMP_TYPE, COMP_KEY */
	const char *cmd;	/* $1: the command name */
	const char *word;	/* $2: the word being completed (to the cursor) */
	const char *prev;	/* $3: the word before it */
	bool compgen;		/* from the compgen builtin: warn for -F/-C */
};

/* Generates the candidates of `cs` for `word` into `out` (XCU-free: bash
 * 5.2's order: actions, -G, -W, -F, -C, then -X and -P/-S, then
 * dirnames/plusdirs). *opts starts as cs->opts and may be changed by
 * compopt inside a -F function. Returns 0, or 124 when a -F function asked
 * for the completion to be retried (bash's dynamic loading). */
int pc_generate(struct shell *sh, const struct compspec *cs, const struct pc_ctx *ctx,
    unsigned *opts, struct pc_list *out);

/* The options of the completion in progress (compopt without a name), or
 * NULL when no -F function is running. */
unsigned *pc_current_opts(void);

/* Splits `line` into words at blanks and COMP_WORDBREAKS characters (a run
 * of non-blank break characters is a word of its own), honouring quotes
 * and backslashes, as bash builds COMP_WORDS. *cword gets the index of
 * the word that holds `point` (an empty word is inserted when the cursor
 * is between words). */
void pc_split_line(const char *line, size_t point, const char *breaks, struct pc_list *words,
    int *cword);

/* Readline's side: the programmable completion of `text` (the word from
 * `start` to `end` in readline's line). Returns 1 with matches in *out
 * and the options in *opts when a compspec applied, 0 when none did. */
int pc_complete_line(struct shell *sh, const char *rl_line, int start, int end, int point,
    const char *text, bool cmdpos, const char *cmd, struct pc_list *out, unsigned *opts);

#endif
