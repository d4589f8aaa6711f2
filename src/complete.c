/* complete.c: Tab completion through readline's
 * rl_attempted_completion_function.
 *
 *   command position   builtins, reserved words, functions, aliases and
 *                      executables on $PATH (file names if the word has '/')
 *   $NAME              variable names
 *   ~NAME              user names
 *   after cd           directories only
 *   elsewhere          file names
 *
 * A compspec (`complete`, progcomp.c) for the command, or `complete -D`,
 * `-E` or `-I`, comes first; these built-in rules are what is left when
 * none applies (or with `-o bashdefault`, when it finds nothing).
 *
 * File names are inserted quoted with backslashes (or inside the quotes
 * the word was opened with), so `my file` becomes `my\ file`. A directory
 * named by a variable (`$HOME/`, `${HOME}/`) is read but the variable
 * stays on the line (bash with direxpand off). */
#include <dirent.h>
#include <fcntl.h>
#include <readline/readline.h>
#include <readline/tilde.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alias.h"
#include "interactive.h"
#include "progcomp.h"
#include "shell.h"

/* characters that must be quoted in a file name put on the line */
static const char special_chars[] = " \t\n\\\"'`$<>;|&()#*?[]!{}~=";

static struct shell *csh;

/* The directory part of the word being completed when it holds a
 * variable (`$HOME/d`): bash with direxpand off reads the directory the
 * variable names but leaves the text as typed, so the part that came
 * from the user is not quoted again when the match is inserted. NULL
 * when the directory had no variable. */
static char *var_dirname;

/* ---- candidates collected at state 0, handed out one by one ---- */
static char **cands;
static size_t ncands, capcands, nextcand;

static void
cand_reset(void)
{
	for (size_t i = nextcand; i < ncands; i++)
		free(cands[i]);
	ncands = nextcand = 0;
}

static void
cand_add(const char *text, const char *name, const char *prefix)
{
	size_t tl = strlen(text);

	if (strncmp(name, text, tl) != 0)
		return;
	if (ncands == capcands) {
		capcands = capcands ? capcands * 2 : 64;
		cands = realloc(cands, capcands * sizeof *cands);
		if (cands == NULL)
			abort();
	}
	if (prefix != NULL) {
		char *s = malloc(strlen(prefix) + strlen(name) + 1);
		if (s == NULL)
			abort();
		strcpy(s, prefix);
		strcat(s, name);
		cands[ncands++] = s;
	} else {
		cands[ncands++] = strdup(name);
	}
}

static char *
cand_next(void)
{
	return nextcand < ncands ? cands[nextcand++] : NULL;
}

static const char *const reserved[] = {
	"!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if",
	"in", "then", "until", "while", "{", "}",
};

static void
collect_commands(const char *text)
{
	const char *path = var_get(csh, "PATH");

	for (size_t i = 0; i < builtin_count; i++)
		cand_add(text, builtin_table[i].name, NULL);
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		cand_add(text, reserved[i], NULL);
	for (struct function *f = csh->funcs; f != NULL; f = f->next)
		cand_add(text, f->name, NULL);
	size_t na = 0;
	const struct alias *al = alias_list(csh, &na);
	for (size_t i = 0; i < na; i++)
		cand_add(text, al[i].name, NULL);
	if (path == NULL)
		return;
	/* the executables in each $PATH directory ("" is the current one) */
	const char *p = path;
	for (;;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		char *dir = n ? strndup(p, n) : strdup(".");
		DIR *d = dir != NULL ? opendir(dir) : NULL;
		if (d != NULL) {
			struct dirent *de;
			size_t tl = strlen(text);
			while ((de = readdir(d)) != NULL) {
				struct stat st;
				if (de->d_name[0] == '.' && tl == 0)
					continue;
				if (strncmp(de->d_name, text, tl) != 0)
					continue;
				if (fstatat(dirfd(d), de->d_name, &st, 0) != 0 ||
				    !S_ISREG(st.st_mode) ||
				    faccessat(dirfd(d), de->d_name, X_OK, AT_EACCESS) != 0)
					continue;
				cand_add(text, de->d_name, NULL);
			}
			closedir(d);
		}
		free(dir);
		if (colon == NULL)
			break;
		p = colon + 1;
	}
}

static void
collect_vars(const char *text)
{
	struct var **v = var_sorted(csh);

	/* text is "$NA" or "${NA" */
	const char *prefix = text[1] == '{' ? "${" : "$";
	const char *name = text + strlen(prefix);
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		if (v[i]->value != NULL)
			cand_add(name, v[i]->name, prefix);
	free(v);
}

static char *
gen_list(const char *text, int state)
{
	(void)text;
	return cand_next();
}

/* Directories only (after cd): readline's file name generator, filtered. */
static char *
gen_dirs(const char *text, int state)
{
	char *s;

	while ((s = rl_filename_completion_function(text, state)) != NULL) {
		struct stat st;
		char *full = tilde_expand(s);
		bool dir = full != NULL && stat(full, &st) == 0 && S_ISDIR(st.st_mode);
		free(full);
		if (dir)
			return s;
		free(s);
		state = 1;
	}
	return NULL;
}

/* The length of the `$NAME` or `${NAME}` at s, or 0. */
static size_t
var_ref_len(const char *s)
{
	bool brace = s[0] == '$' && s[1] == '{';
	size_t n = s[0] == '$' ? var_name_len(s + 1 + brace) : 0;

	if (n == 0 || (brace && s[2 + n] != '}'))
		return 0;
	return 1 + n + 2 * brace;
}

/* `$NAME` and `${NAME}` in `s` replaced by their values (no other
 * expansion: completion must not run commands). Returns NULL when `s`
 * has none; else malloc'd. */
static char *
expand_vars(const char *s)
{
	struct strbuf b = STRBUF_INIT;
	bool any = false;

	while (*s) {
		size_t n = var_ref_len(s);
		if (n == 0) {
			sb_addc(&b, *s++);
			continue;
		}
		bool brace = s[1] == '{';
		char *name = strndup(s + 1 + brace, n - 1 - 2 * brace);
		const char *v = var_get(csh, name);
		free(name);
		sb_adds(&b, v != NULL ? v : "");
		s += n;
		any = true;
	}
	if (!any) {
		sb_free(&b);
		return NULL;
	}
	if (b.s == NULL)
		sb_addn(&b, "", 0);
	return sb_detach(&b);
}

/* rl_directory_rewrite_hook: the directory readline opens, with its
 * variables expanded; the line keeps them (bash, direxpand off). */
static char *dequote_name(char *s, int quote_char);

static int
rewrite_dir(char **dirname)
{
	/* readline leaves the dequoting to this hook when there is one */
	if (rl_completion_found_quote) {
		char *d = dequote_name(*dirname, rl_completion_quote_character);
		free(*dirname);
		*dirname = d;
	}
	char *x = expand_vars(*dirname);
	if (x == NULL)
		return 0;
	free(var_dirname);
	var_dirname = strdup(*dirname);
	free(*dirname);
	*dirname = x;
	return 1;
}

/* rl_filename_stat_hook: whether a match is a directory (a `/` after
 * it) is asked of the expanded name. */
static int
stat_name(char **name)
{
	char *x = expand_vars(*name);

	if (x == NULL)
		return 0;
	free(*name);
	*name = x;
	return 1;
}

static bool
is_reserved(const char *w, size_t n)
{
	for (size_t r = 0; r < sizeof reserved / sizeof reserved[0]; r++)
		if (strlen(reserved[r]) == n && strncmp(reserved[r], w, n) == 0)
			return true;
	return false;
}

/* True if the word that starts at `start` is in command position: only
 * assignments and reserved words before it since the last separator.
 * Otherwise the command's name goes to `cmd`. */
static bool
command_position(const char *line, int start, char *cmd, size_t size)
{
	int i = start;

	cmd[0] = '\0';
	while (i > 0 && strchr(";|&(`\n", line[i - 1]) == NULL)
		i--;
	for (;;) {
		while (i < start && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i >= start)
			return true;
		int w = i;
		while (i < start && line[i] != ' ' && line[i] != '\t')
			i++;
		size_t n = (size_t)(i - w);
		const char *eq = memchr(line + w, '=', n);
		if (is_reserved(line + w, n) || (eq != NULL && eq != line + w &&
		    var_name_len(line + w) == (size_t)(eq - (line + w))))
			continue;
		if (n < size) {
			memcpy(cmd, line + w, n);
			cmd[n] = '\0';
		}
		return false;
	}
}

/* Hands the candidates of a compspec to readline, with its -o options.
 * Returns the matches, or NULL with *fallback telling whether the
 * built-in rules (-o bashdefault) should still run. */
static char **
programmable(const char *text, int start, int end, bool cmdpos, const char *cmd,
    bool *handled)
{
	struct pc_list l = { 0 };
	unsigned opts = 0;

	*handled = false;
	if (!pc_complete_line(csh, rl_line_buffer, start, end, rl_point, text, cmdpos, cmd,
	    &l, &opts))
		return NULL;
	for (size_t i = 0; i < l.n; i++) {
		if (ncands == capcands) {
			capcands = capcands ? capcands * 2 : 64;
			cands = realloc(cands, capcands * sizeof *cands);
			if (cands == NULL)
				abort();
		}
		cands[ncands++] = l.v[i];
	}
	free(l.v);
	if (opts & PCO_FILENAMES)
		rl_filename_completion_desired = 1;
	if (opts & PCO_NOSPACE)
		rl_completion_suppress_append = 1;
	if (opts & PCO_NOQUOTE)
		rl_filename_quoting_desired = 0;
	if (opts & PCO_NOSORT)
		rl_sort_completion_matches = 0;
	if (ncands == 0) {
		if (opts & PCO_BASHDEFAULT)
			return NULL;	/* the rules below */
		*handled = true;
		/* -o default: readline's file names */
		rl_attempted_completion_over = (opts & PCO_DEFAULT) == 0;
		return NULL;
	}
	*handled = true;
	rl_attempted_completion_over = 1;
	return rl_completion_matches(text, gen_list);
}

static char **
attempt(const char *text, int start, int end)
{
	char cmd[256];
	bool cmdpos, handled;
	char **m;

	cand_reset();
	free(var_dirname);
	var_dirname = NULL;
	rl_filename_completion_desired = 0;
	rl_completion_suppress_append = 0;
	rl_filename_quoting_desired = 1;
	rl_sort_completion_matches = 1;
	rl_completion_append_character = ' ';
	cmdpos = command_position(rl_line_buffer, start, cmd, sizeof cmd);
	m = programmable(text, start, end, cmdpos, cmd, &handled);
	if (handled)
		return m;
	if (text[0] == '$' && strchr(text, '/') == NULL) {
		collect_vars(text);
		rl_completion_append_character = text[1] == '{' ? '}' : ' ';
		rl_attempted_completion_over = 1;
		return rl_completion_matches(text, gen_list);
	}
	if (text[0] == '~' && strchr(text, '/') == NULL) {
		rl_attempted_completion_over = 1;
		return rl_completion_matches(text, rl_username_completion_function);
	}
	if (cmdpos && strchr(text, '/') == NULL && rl_completion_quote_character == 0) {
		collect_commands(text);
		if (ncands > 0) {
			rl_attempted_completion_over = 1;
			return rl_completion_matches(text, gen_list);
		}
	}
	if (!cmdpos && strcmp(cmd, "cd") == 0) {
		rl_attempted_completion_over = 1;
		rl_filename_completion_desired = 1;
		return rl_completion_matches(text, gen_dirs);
	}
	/* readline's own file name completion, quoted by quote_name() */
	return NULL;
}

/* rl_filename_quoting_function: what goes on the line for a file name. */
static char *
quote_name(char *s, int match_type, char *qp)
{
	struct strbuf b = STRBUF_INIT;
	char q = qp != NULL ? *qp : '\0';

	(void)match_type;
	/* the variables of the directory part stay as typed (rewrite_dir) */
	size_t keep = var_dirname != NULL && q != '\'' &&
	    strncmp(s, var_dirname, strlen(var_dirname)) == 0 ? strlen(var_dirname) : 0;
	if (keep > 0) {
		for (const char *p = s; *p; p++) {
			size_t n = (size_t)(p - s) < keep ? var_ref_len(p) : 0;
			if (n > 0) {
				sb_addn(&b, p, n);
				p += n - 1;
			} else if (strchr(q == '"' ? "\"$`\\" : special_chars, *p) != NULL &&
			    !(p == s && *p == '~')) {
				sb_addc(&b, '\\');
				sb_addc(&b, *p);
			} else {
				sb_addc(&b, *p);
			}
		}
	} else if (q == '\'') {
		/* inside '...': only ' itself needs work */
		for (; *s; s++) {
			if (*s == '\'')
				sb_adds(&b, "'\\''");
			else
				sb_addc(&b, *s);
		}
	} else if (q == '"') {
		for (; *s; s++) {
			if (strchr("\"$`\\", *s) != NULL)
				sb_addc(&b, '\\');
			sb_addc(&b, *s);
		}
	} else {
		for (const char *p = s; *p; p++) {
			/* a leading ~ stays a tilde prefix */
			if (strchr(special_chars, *p) != NULL && !(p == s && *p == '~'))
				sb_addc(&b, '\\');
			sb_addc(&b, *p);
		}
	}
	if (b.s == NULL)
		sb_addn(&b, "", 0);
	return sb_detach(&b);
}

/* rl_filename_dequoting_function: the typed word as a file name. */
static char *
dequote_name(char *s, int quote_char)
{
	struct strbuf b = STRBUF_INIT;
	char q = (char)quote_char;

	for (; *s; s++) {
		if (q == '\0' && (*s == '\'' || *s == '"')) {
			q = *s;
			continue;
		}
		if (q != '\0' && *s == q) {
			q = '\0';
			continue;
		}
		if (*s == '\\' && q != '\'' && s[1] != '\0') {
			s++;
		}
		sb_addc(&b, *s);
	}
	if (b.s == NULL)
		sb_addn(&b, "", 0);
	return sb_detach(&b);
}

/* rl_char_is_quoted_p: a backslash-escaped character does not break words. */
static int
char_is_quoted(char *line, int i)
{
	int n = 0;

	while (i - n - 1 >= 0 && line[i - n - 1] == '\\')
		n++;
	return n % 2 == 1;
}

/* rl_completion_word_break_hook: COMP_WORDBREAKS decides where the word
 * being completed starts, as in bash. */
static char *
word_breaks(void)
{
	const char *wb = var_get(csh, "COMP_WORDBREAKS");
	static char *last;

	if (wb == NULL)
		return NULL;
	if (last == NULL || strcmp(last, wb) != 0) {
		free(last);
		last = strdup(wb);
	}
	return last;
}

void
complete_init(struct shell *sh)
{
	csh = sh;
	if (var_get(sh, "COMP_WORDBREAKS") == NULL)
		var_set(sh, "COMP_WORDBREAKS", PC_WORDBREAKS, 0);
	rl_completion_word_break_hook = word_breaks;
	rl_attempted_completion_function = attempt;
	rl_completer_word_break_characters = " \t\n\"'<>;|&(=`";
	rl_completer_quote_characters = "'\"";
	rl_filename_quote_characters = special_chars;
	rl_filename_quoting_function = quote_name;
	rl_filename_dequoting_function = dequote_name;
	rl_char_is_quoted_p = char_is_quoted;
	rl_directory_rewrite_hook = rewrite_dir;
	rl_filename_stat_hook = stat_name;
}
